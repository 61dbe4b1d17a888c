package verify

import (
	"encoding/json"
	"sync"
	"time"

	"github.com/golang/snappy"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// Bytes is where a StoreCache keeps its entries: the library's registry
// bucket (store.Store's RegistryGet and RegistryPut).
type Bytes interface {
	RegistryGet(key string) ([]byte, error)
	RegistryPut(values map[string][]byte) error
}

// The batches a StoreCache writes in: a transaction per entry would cost
// an fsync per record, one at the end would lose a long run to Ctrl-C or
// kill -9. A run loses at most the last batch.
const (
	batchSize  = 32
	batchEvery = 2 * time.Second
)

// StoreCache is the verification cache over the library: entries as
// snappy-compressed JSON, written in batches as they arrive. Flush (or
// Close) writes what is pending; call it when a run ends, however it ends.
type StoreCache struct {
	b Bytes

	mu      sync.Mutex
	pending map[string][]byte
	last    time.Time // of the last write
	err     error     // the first write that failed
}

// NewStoreCache returns a cache keeping its entries in b.
func NewStoreCache(b Bytes) *StoreCache {
	return &StoreCache{b: b, pending: map[string][]byte{}, last: time.Now()}
}

// Get returns the entry under key. A value that does not decode (written
// by a newer evident, or damaged) is a miss: the registry is asked again.
func (c *StoreCache) Get(key string) (Entry, bool, error) {
	c.mu.Lock()
	v, ok := c.pending[key]
	c.mu.Unlock()
	if !ok {
		var err error
		if v, err = c.b.RegistryGet(key); err != nil {
			return Entry{}, false, err
		}
	}
	if v == nil {
		return Entry{}, false, nil
	}
	e, err := decodeEntry(v)
	if err != nil {
		return Entry{}, false, nil
	}
	return e, true, nil
}

// Put caches e under key, writing the batch when it is full or old.
func (c *StoreCache) Put(key string, e Entry) error {
	v, err := encodeEntry(e)
	if err != nil {
		return err
	}
	c.mu.Lock()
	if c.err != nil {
		// The library cannot be written: the rest of the run goes on
		// uncached rather than failing on every record.
		c.mu.Unlock()
		return c.err
	}
	c.pending[key] = v
	due := len(c.pending) >= batchSize || time.Since(c.last) >= batchEvery
	c.mu.Unlock()
	if due {
		return c.Flush()
	}
	return nil
}

// Flush writes the pending entries. After a failed write the cache writes
// no more (Err says why): the run goes on, and the next run asks again.
func (c *StoreCache) Flush() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.pending) == 0 {
		return nil
	}
	err := c.b.RegistryPut(c.pending)
	c.last = time.Now()
	c.pending = map[string][]byte{}
	if err != nil && c.err == nil {
		c.err = err
	}
	return err
}

// Err returns the first write that failed, if any.
func (c *StoreCache) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}

func encodeEntry(e Entry) ([]byte, error) {
	js, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	return snappy.Encode(nil, js), nil
}

func decodeEntry(v []byte) (Entry, error) {
	var e Entry
	js, err := snappy.Decode(nil, v)
	if err != nil {
		return e, err
	}
	err = json.Unmarshal(js, &e)
	return e, err
}

// CachedRecords returns the records c holds for a work's identifiers, as
// a verification run looked them up (Verifier.resolve and the OpenAlex
// fill): PubMed's by PMID or PMCID first, whose abstracts keep their
// labelled sections, then Crossref's, OpenAlex's and doi.org's by DOI,
// then doi.org's by an arXiv id's DOI, then PubMed Central's full-text
// record by the work's PMCID or its records'. It asks no registry and takes an
// entry whatever its age: an abstract does not go stale as a retraction
// status does. A cache that cannot be read gives nothing.
func CachedRecords(c Cache, ids corpus.Identifiers) []registry.Record {
	if c == nil {
		return nil
	}
	// The services by their Name(), as LookupKey keys them.
	var keys []string
	for _, kind := range []registry.IDKind{registry.PMID, registry.PMCID} {
		for _, id := range registry.IDs(ids) {
			if id.Kind == kind {
				keys = append(keys, LookupKey("pubmed", id))
			}
		}
	}
	for _, id := range registry.IDs(ids) {
		switch id.Kind {
		case registry.DOI:
			for _, service := range []string{"crossref", "openalex", "doi.org"} {
				keys = append(keys, LookupKey(service, id))
			}
		case registry.ArXiv:
			keys = append(keys, LookupKey("doi.org", registry.ID{Kind: registry.DOI, Value: ArXivDOI(id.Value)}))
		}
	}
	var out []registry.Record
	for _, k := range keys {
		if e, ok, err := c.Get(k); err == nil && ok && e.Record != nil {
			out = append(out, *e.Record)
		}
	}
	// PubMed Central's record last (Verifier.FullText): by the work's
	// PMCID, or the one a record found names.
	pmcid := ids.PMCID
	for _, r := range out {
		if pmcid == "" {
			pmcid = corpus.NormalizePMCID(r.PMCID)
		}
	}
	if pmcid != "" {
		if e, ok, err := c.Get(LookupKey("pmc", registry.ID{Kind: registry.PMCID, Value: pmcid})); err == nil && ok && e.Record != nil {
			out = append(out, *e.Record)
		}
	}
	return out
}

package verify

import (
	"encoding/json"
	"sync"
	"time"

	"github.com/golang/snappy"
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

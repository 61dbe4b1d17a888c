// Package index owns the Bleve search index of the library: its mapping, how references become documents, keeping
// it in step with the store, and queries. It is derived data: it must never be the only copy of anything.
package index

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bleveindex "github.com/blevesearch/bleve_index_api"
	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/evidence"
	"github.com/evident-tools/evident/store"
)

// ErrLocked is returned when another process has a plain index (Open) open.
var ErrLocked = errors.New("search index is in use by another evident process")

// batchSize is the number of documents (puts and deletes) per Bleve batch.
// Each batch is written to disk before the next starts, so it is also the
// granularity of cancellation.
const batchSize = 1000

// lockTimeout is how long opening waits for another process to let go of the
// index, as the store does for the library.
const lockTimeout = 3 * time.Second

// Keys of the values this package keeps with SetInternal. Bleve's own keys
// start with an underscore.
var (
	keyGeneration = []byte("evident.generation")
	keyMapping    = []byte("evident.mapping")
	// keyPassages is set in an index that holds the passages of its works
	// (passages.go): every index made by Open, and a library's once a
	// passage search has asked for them (FillPassages).
	keyPassages = []byte("evident.passages")
)

// Index is an open search index. Its methods may be called from several
// goroutines.
type Index struct {
	// b searches every shard: the one shard, or an alias of them.
	b bleve.Index
	// shards are the Bleve indexes themselves (see shard.go); the first
	// keeps the generation and the mapping's fingerprint.
	shards []bleve.Index
	// rev is the revision of a library index the index was opened from,
	// and manifest its files; empty for Open and OpenMem.
	rev      string
	manifest *manifest

	// Progress, when set, is told every 1,000 documents how many an Apply
	// or ApplyArticles has written so far.
	Progress func(done int)

	closeOnce sync.Once
	closeErr  error
}

// Open opens the plain Bleve index in dir for reading and writing, creating
// it with the explicit mapping when dir does not exist or is an empty
// directory. It is for indexes of one's own (tests, benchmarks): a
// library's index directory holds revisions, read with OpenRead and written
// with Sync, Update and Rebuild. An index opened this way keeps the mapping
// it was built with; Sync is what notices that the mapping has since
// changed.
func Open(dir string) (*Index, error) {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist) || err == nil && len(entries) == 0:
		return create(dir)
	case err != nil:
		return nil, fmt.Errorf("open index: %w", err)
	}
	return openBleve(dir, false)
}

// create makes a new index in dir, or in memory when dir is "": one Bleve
// index, in dir itself, as tests and Open want it.
func create(dir string) (*Index, error) {
	return createShards(dir, 0)
}

// OpenRead opens the current revision of the library index in dir for
// searching. It never waits for a writer: a revision does not change once
// current. The error wraps ErrNoIndex when there is none, and ErrDamaged
// when its files are not as they were written or Bleve cannot read them.
func OpenRead(dir string) (*Index, error) {
	var err error
	for range 3 {
		var rev string
		if rev, err = readCurrent(dir); err != nil {
			return nil, err
		}
		var ix *Index
		if ix, err = openRevision(rev); !errors.Is(err, fs.ErrNotExist) {
			return ix, err
		}
		// A writer made another revision current and removed this one
		// between the two reads: read current again.
	}
	return nil, err
}

// openRevision opens a revision read-only, once its files check out
// against its manifest.
func openRevision(rev string) (*Index, error) {
	if _, err := os.Stat(rev); err != nil {
		return nil, fmt.Errorf("open index %s: %w", rev, err)
	}
	m, err := verify(rev)
	if err != nil {
		return nil, err
	}
	ix, err := openBleve(rev, true)
	if err != nil {
		return nil, err
	}
	ix.rev, ix.manifest = rev, m
	return ix, nil
}

// OpenMem returns an in-memory index (for one-shot checks; nothing touches the
// disk).
func OpenMem() (*Index, error) {
	return create("")
}

// createShards makes a new scorch index of n shards in dir, in the
// directories shard.go names; n 0 makes one Bleve index in dir itself, or
// in memory when dir is "".
func createShards(dir string, n int) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	sum, err := mappingSum()
	if err != nil {
		return nil, err
	}
	dirs := shardDirs(dir, n)
	shards := make([]bleve.Index, 0, len(dirs))
	for _, d := range dirs {
		b, err := bleve.NewUsing(d, m, scorch.Name, scorch.Name, runtimeConfig(lockTimeout))
		if err != nil {
			closeShards(shards)
			return nil, fmt.Errorf("create index %s: %w", d, lockError(err))
		}
		shards = append(shards, b)
	}
	b := shards[0].NewBatch()
	b.SetInternal(keyMapping, sum)
	b.SetInternal(keyPassages, []byte{1})
	if err := shards[0].Batch(b); err != nil {
		closeShards(shards)
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	return newIndex(shards, m), nil
}

// openBleve opens the Bleve index in dir. A damaged index can make Bleve
// panic rather than fail (a segment footer that points past the end of the
// file); that is reported as an error wrapping ErrDamaged, so that Sync can
// rebuild.
//
// dir holds shards (shard.go), or, written before them or by Open, one
// Bleve index in dir itself.
func openBleve(dir string, readOnly bool) (ix *Index, err error) {
	var shards []bleve.Index
	defer func() {
		if r := recover(); r != nil {
			closeShards(shards)
			ix, err = nil, fmt.Errorf("open index %s: %w: %v", dir, ErrDamaged, r)
		}
	}()
	n, err := countShards(dir)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	dirs := shardDirs(dir, n)
	cfg := runtimeConfig(lockTimeout)
	if readOnly {
		cfg["read_only"] = true
	}
	for _, d := range dirs {
		b, err := bleve.OpenUsing(d, cfg)
		switch {
		case errors.Is(err, bolterrors.ErrTimeout):
			closeShards(shards)
			return nil, fmt.Errorf("open index %s: %w", d, ErrLocked)
		case err != nil:
			closeShards(shards)
			return nil, fmt.Errorf("open index %s: %w: %v", d, ErrDamaged, err)
		}
		shards = append(shards, b)
	}
	return newIndex(shards, shards[0].Mapping()), nil
}

// runtimeConfig is scorch's configuration. Batches wait for the disk: with
// scorch's "unsafe_batch" a Close drops whatever the persister has not yet
// written, which measured as an empty index after a full import.
func runtimeConfig(timeout time.Duration) map[string]any {
	return map[string]any{"bolt_timeout": timeout.String()}
}

// lockError turns bbolt's lock timeout into ErrLocked.
func lockError(err error) error {
	if errors.Is(err, bolterrors.ErrTimeout) {
		return ErrLocked
	}
	return err
}

// Close closes the index. Every completed Apply is already on disk. Closing
// twice is harmless (Bleve itself would panic), so a deferred Close may follow
// one whose error is checked.
func (ix *Index) Close() error {
	ix.closeOnce.Do(func() { ix.closeErr = closeShards(ix.shards) })
	return ix.closeErr
}

// Generation returns the store generation the index reflects: the one given
// to the last completed Apply or Sync, 0 for a new index.
func (ix *Index) Generation() (uint64, error) {
	g, _, err := ix.generation()
	return g, err
}

// generation also says whether a generation was recorded at all, which tells
// a finished build from one that was interrupted before its last batch.
func (ix *Index) generation() (gen uint64, ok bool, err error) {
	v, err := ix.shards[0].GetInternal(keyGeneration)
	if err != nil {
		return 0, false, fmt.Errorf("index generation: %w", err)
	}
	if v == nil {
		return 0, false, nil
	}
	if len(v) != 8 {
		return 0, false, fmt.Errorf("index generation: %d bytes, want 8", len(v))
	}
	return binary.BigEndian.Uint64(v), true, nil
}

// Apply indexes put references and removes deleted keys in batches (1,000 per
// batch), then records generation. ctx cancels between batches.
//
// Deletions are applied before puts, so a key in both lists ends up indexed.
// The generation is written with the last batch: an Apply that is cancelled or
// fails leaves the previous generation in place, and the next Sync, seeing a
// generation that differs from the store's, rebuilds.
func (ix *Index) Apply(ctx context.Context, put []*corpus.Reference, deleted []string, generation uint64) error {
	w := ix.newWriter(ctx)
	for _, key := range deleted {
		if err := w.delete(key); err != nil {
			return err
		}
	}
	for _, r := range put {
		if err := w.put(r); err != nil {
			return err
		}
	}
	return w.finish(generation)
}

// ApplyArticles replaces the claims of each put article with those of its
// last report, removes the claims of each deleted article ID, and records
// generation, in batches as Apply does. An article both put and deleted ends
// up indexed.
func (ix *Index) ApplyArticles(ctx context.Context, put []*store.Article, deleted []string, generation uint64) error {
	w := ix.newWriter(ctx)
	if err := w.articles(put, deleted); err != nil {
		return err
	}
	return w.finish(generation)
}

// DocCount returns the number of references and claims in the index;
// PassageCount counts the passages of works, which are made from them.
func (ix *Index) DocCount() (uint64, error) {
	all, err := ix.b.DocCount()
	if err != nil {
		return 0, err
	}
	n, err := ix.PassageCount()
	return all - n, err
}

// PassageCount returns the number of passages in the index.
func (ix *Index) PassageCount() (uint64, error) {
	rs, err := ix.readers()
	if err != nil {
		return 0, err
	}
	defer rs.Close()
	return rs.countTerm(context.Background(), fieldType, typePassage)
}

// writer fills Bleve batches and writes each when it is full.
type writer struct {
	done int
	ctx  context.Context
	ix   *Index
	// batches holds the batch being filled of every shard.
	batches []*bleve.Batch
	// fresh is set while a new index is built: there is nothing to replace,
	// so an article's old claims are not looked up.
	fresh    bool
	inflight []chan error
	// texts reads a work's stored text (store.Store.Text); nil reads each
	// reference's abstract and files instead.
	texts func(key string) (*evidence.Source, error)
	// bulk, when set, takes every document instead of the batches: a
	// rebuild's (build.go).
	bulk *bulk
	// passages says whether the index keeps the passages of works, and
	// so whether a put or delete indexes or removes them too.
	passages bool
	// markPassages records, with the last batch, that the index now has
	// every work's passages (FillPassages).
	markPassages bool
}

func (ix *Index) newWriter(ctx context.Context) *writer {
	w := &writer{ctx: ctx, ix: ix, batches: make([]*bleve.Batch, len(ix.shards)), passages: ix.HasPassages()}
	for i, s := range ix.shards {
		w.batches[i] = s.NewBatch()
	}
	return w
}

func (w *writer) put(r *corpus.Reference) error {
	if r == nil || r.Key == "" {
		return errors.New("index: reference without a key")
	}
	if err := w.index(refID(r.Key), refDocument(r)); err != nil {
		return fmt.Errorf("index reference %s: %w", r.Key, err)
	}
	if !w.passages {
		return nil
	}
	return w.putPassages(r)
}

func (w *writer) delete(key string) error {
	if err := w.remove(refID(key)); err != nil {
		return err
	}
	if !w.passages {
		return nil
	}
	return w.removePassages(key, 0)
}

// articles replaces the claims of every put article and removes those of
// every deleted one.
func (w *writer) articles(put []*store.Article, deleted []string) error {
	last := make(map[string]*store.Article, len(put))
	for _, a := range put {
		if a == nil || a.ID == "" {
			return errors.New("index: article without an id")
		}
		last[a.ID] = a
	}
	for _, id := range deleted {
		if _, ok := last[id]; !ok {
			if err := w.putArticle(id, nil); err != nil {
				return err
			}
		}
	}
	for _, a := range put {
		if last[a.ID] != a {
			continue // put twice: the last one counts
		}
		if err := w.putArticle(a.ID, a); err != nil {
			return err
		}
	}
	return nil
}

// putArticle indexes the claims of a, the article with id, and removes the
// claims the index has of it that a no longer has; a nil a removes them all.
func (w *writer) putArticle(id string, a *store.Article) error {
	var docs map[string]map[string]any
	if a != nil {
		var err error
		if docs, err = claimDocuments(a); err != nil {
			return fmt.Errorf("index %w", err)
		}
	}
	if !w.fresh {
		old, err := w.ix.claimsOf(id)
		if err != nil {
			return fmt.Errorf("index article %s: %w", id, err)
		}
		for _, docID := range old {
			if _, ok := docs[docID]; !ok {
				if err := w.remove(docID); err != nil {
					return err
				}
			}
		}
	}
	// In document order, so that a build is the same from run to run.
	ids := make([]string, 0, len(docs))
	for docID := range docs {
		ids = append(ids, docID)
	}
	slices.Sort(ids)
	for _, docID := range ids {
		if err := w.index(docID, docs[docID]); err != nil {
			return fmt.Errorf("index article %s: %w", id, err)
		}
	}
	return nil
}

// claimsOf returns the IDs of the claim documents the index has of the
// article with id, read from the postings of its article term.
func (ix *Index) claimsOf(id string) ([]string, error) {
	return ix.docsWith(fieldArticle, id)
}

// docsWith returns the IDs of the documents that have term in field.
func (ix *Index) docsWith(field, term string) ([]string, error) {
	rs, err := ix.readers()
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	return rs.docsWith(field, term)
}

// eachDoc calls fn with the internal ID of every document that has term in
// field.
func eachDoc(r bleveindex.IndexReader, term, field string, fn func(id string)) error {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
	if err != nil {
		return err
	}
	defer tfr.Close()
	var td bleveindex.TermFieldDoc
	for {
		d, err := tfr.Next(td.Reset())
		if err != nil || d == nil {
			return err
		}
		fn(string(d.ID))
	}
}

func (w *writer) index(id string, doc map[string]any) error {
	if w.bulk != nil {
		return w.bulk.index(w.ctx, shardOf(id, len(w.bulk.builders)), id, doc)
	}
	s := shardOf(id, len(w.batches))
	if err := w.batches[s].Index(id, doc); err != nil {
		return err
	}
	w.done++
	if w.ix.Progress != nil && w.done%1000 == 0 {
		w.ix.Progress(w.done)
	}
	return w.flushIfFull(s)
}

func (w *writer) remove(id string) error {
	s := shardOf(id, len(w.batches))
	w.batches[s].Delete(id)
	return w.flushIfFull(s)
}

func (w *writer) flushIfFull(s int) error {
	if w.batches[s].Size() < batchSize {
		return nil
	}
	return w.flush(s)
}

// flush writes the batch. An update writes one batch at a time, in order: a
// later batch may delete or replace a document of an earlier one. A fresh
// build has no such order to keep (every document is new and written once),
// so it writes up to maxInflight batches at once: Bleve analyses one batch
// on several cores but builds its segment on one, and two batches in flight
// keep both cores of a small machine busy (measured: 20% faster on 2 cores).
//
// The batch of shard s is written to shard s.
func (w *writer) flush(s int) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	shard := w.ix.shards[s]
	if !w.fresh {
		if err := shard.Batch(w.batches[s]); err != nil {
			return fmt.Errorf("write index batch: %w", err)
		}
		w.batches[s].Reset()
		return nil
	}
	for len(w.inflight) >= maxInflight {
		if err := w.waitOne(); err != nil {
			return err
		}
	}
	b, done := w.batches[s], make(chan error, 1)
	go func() { done <- shard.Batch(b) }()
	w.inflight = append(w.inflight, done)
	w.batches[s] = shard.NewBatch()
	return nil
}

// maxInflight is the number of batches a fresh build writes at once.
const maxInflight = 2

// waitOne waits for the oldest batch in flight.
func (w *writer) waitOne() error {
	err := <-w.inflight[0]
	w.inflight = w.inflight[1:]
	if err != nil {
		return fmt.Errorf("write index batch: %w", err)
	}
	return nil
}

// wait waits for every batch in flight and returns the first error.
func (w *writer) wait() error {
	var first error
	for len(w.inflight) > 0 {
		if err := w.waitOne(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// finish writes what is left together with the generation, after every
// batch in flight: the generation says the build is complete.
func (w *writer) finish(generation uint64) error {
	if err := w.wait(); err != nil {
		return err
	}
	w.fresh = false // the last batches are written before finish returns
	// The first shard's last: it records the generation.
	for s := len(w.batches) - 1; s >= 0; s-- {
		if s == 0 {
			w.batches[0].SetInternal(keyGeneration, binary.BigEndian.AppendUint64(nil, generation))
			if w.markPassages {
				w.batches[0].SetInternal(keyPassages, []byte{1})
			}
		}
		if err := w.flush(s); err != nil {
			return err
		}
	}
	return nil
}

// layout names how a revision is laid out on disk (shard.go) and what it
// holds, for mappingSum. An index of an evident before passages were left
// for the first passage search (passages.go) holds them without saying
// so: it is rebuilt once, with the message of any index built by another
// version.
const layout = "shards by key hash; passages marked when kept"

// mappingSum fingerprints the mapping this build writes. An index built with
// another mapping (an older evident, or one before a new document type) has
// another sum, and Sync rebuilds it. encoding/json sorts map keys, so the sum
// is stable.
func mappingSum() ([]byte, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	data, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	// The layout counts too: an index of one Bleve index per revision,
	// written before shards, is rebuilt as shards once.
	sum := sha256.Sum256(append(data, layout...))
	return sum[:], nil
}

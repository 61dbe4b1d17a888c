package index

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/evident-tools/evident/store"
)

// A rebuild writes a revision nobody reads until it is published, every
// document once and nothing else: what Bleve's offline builder
// (bleve.NewBuilder) is for. Unlike an index open for writing, which
// builds a segment per batch, persists it through snapshots and merges the
// segments in the background tier by tier as they come, the builder
// writes each batch's segment to a file and merges them at the end, ten
// at a time, into one segment: fewer merges, no snapshots, and a revision
// of one segment per shard, which searches open and read at once.
// Measured (BenchmarkRebuildReal, and the 100,000-reference import): see
// bench/RESULTS.md.
//
// The documents are made (the store read and decoded, references and
// passages turned into documents) on the caller's goroutine, mapped and
// analysed on a pool of goroutines (analyse.go), and built into segments
// by each shard's builder on a goroutine of its own, so that a build keeps
// both cores busy.

// builderBatch is the number of documents per segment the builder writes
// before its final merge, and builderMergeMax how many segments it merges
// at a time: Bleve's defaults. Batches of 4,000 and merges of 100 or 200
// at a time measured the same CPU within the noise of a shared machine
// (bench/RESULTS.md), and larger batches doubled the peak heap.
const (
	builderBatch    = 1000
	builderMergeMax = 10
)

// bulk feeds the builders of a new revision's shards. The caller's
// documents go, a chunk at a time, to a pool of goroutines that map and
// analyse them (analyse.go), and then, in the order they were made, to
// the builder of their shard, which runs on a goroutine of its own.
type bulk struct {
	m        *mapping.IndexMappingImpl
	builders []bleve.Builder
	dirs     []string
	// counts is the number of documents sent to each builder.
	counts []int
	// pending is the chunk being filled of each shard.
	pending [][]bulkDoc
	work    chan *chunk
	queues  []chan *chunk
	// workers counts the analysing goroutines, wg the builders'.
	workers sync.WaitGroup
	wg      sync.WaitGroup
	// failed is closed when a builder fails; err is its error.
	failed   chan struct{}
	failOnce sync.Once
	err      error
}

type bulkDoc struct {
	id  string
	doc map[string]any
}

// newBulk starts a builder for each of the n shards of the new revision
// rev (n 0: one Bleve index in rev itself).
func newBulk(rev string, n int) (*bulk, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	dirs := shardDirs(rev, n)
	bk := &bulk{m: m, failed: make(chan struct{})}
	for _, d := range dirs {
		// The builder's segments are written beside the index, not in
		// the system's temporary directory: the last is renamed into
		// place, which a rename across file systems cannot do.
		if err := os.MkdirAll(d, 0o755); err != nil {
			bk.abort()
			return nil, err
		}
		b, err := bleve.NewBuilder(d, premapped{m}, map[string]any{
			"buildPathPrefix": d,
			"batchSize":       builderBatch,
			"mergeMax":        builderMergeMax,
		})
		if err != nil {
			bk.abort()
			return nil, fmt.Errorf("create index %s: %w", d, err)
		}
		bk.builders = append(bk.builders, b)
		bk.dirs = append(bk.dirs, d)
	}
	bk.counts = make([]int, len(bk.builders))
	bk.pending = make([][]bulkDoc, len(bk.builders))
	work := make(chan *chunk, 2*analysers())
	bk.work = work
	for range analysers() {
		bk.workers.Add(1)
		go func() {
			defer bk.workers.Done()
			analyseChunks(m, work)
		}()
	}
	for _, b := range bk.builders {
		q := make(chan *chunk, 4)
		bk.queues = append(bk.queues, q)
		bk.wg.Add(1)
		go bk.run(b, q)
	}
	return bk, nil
}

// run indexes the chunks of one shard, in order, as their analysis
// finishes; after a failure it only drains its queue.
func (bk *bulk) run(b bleve.Builder, q chan *chunk) {
	defer bk.wg.Done()
	for c := range q {
		<-c.done
		if bk.stopped() {
			continue
		}
		if c.err != nil {
			bk.fail(c.err)
			continue
		}
		for i, d := range c.out {
			if err := b.Index(c.docs[i].id, d); err != nil {
				bk.fail(fmt.Errorf("index %s: %w", c.docs[i].id, err))
				break
			}
		}
	}
}

func (bk *bulk) stopped() bool {
	select {
	case <-bk.failed:
		return true
	default:
		return false
	}
}

func (bk *bulk) fail(err error) {
	bk.failOnce.Do(func() {
		bk.err = err
		close(bk.failed)
	})
}

// index queues the document id for the builder of shard s.
func (bk *bulk) index(ctx context.Context, s int, id string, doc map[string]any) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if bk.pending[s] == nil {
		bk.pending[s] = make([]bulkDoc, 0, chunkSize)
	}
	bk.pending[s] = append(bk.pending[s], bulkDoc{id, doc})
	bk.counts[s]++
	if len(bk.pending[s]) < chunkSize {
		return nil
	}
	return bk.send(ctx, s)
}

// send hands the pending chunk of shard s to the analysers and to the
// shard's builder.
func (bk *bulk) send(ctx context.Context, s int) error {
	c := &chunk{docs: bk.pending[s], done: make(chan struct{})}
	bk.pending[s] = nil
	for _, q := range []chan *chunk{bk.work, bk.queues[s]} {
		select {
		case q <- c:
		case <-bk.failed:
			return bk.err
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// finish waits for the builders, merges each shard's segments and closes
// them.
func (bk *bulk) finish() error {
	for s := range bk.pending {
		if len(bk.pending[s]) > 0 {
			if err := bk.send(context.Background(), s); err != nil {
				bk.abort()
				return err
			}
		}
	}
	bk.stop()
	if bk.err != nil {
		return bk.err
	}
	// Each builder's Close merges its shard's segments on one core, so
	// the shards close side by side: one after another, two shards' final
	// merges took as long as one shard's.
	errs := make([]error, len(bk.builders))
	var closing sync.WaitGroup
	for i, b := range bk.builders {
		closing.Go(func() {
			var err error
			if bk.counts[i] == 0 {
				err = emptyShard(bk.dirs[i])
			} else {
				err = b.Close()
			}
			if err != nil {
				errs[i] = fmt.Errorf("build index: %w", err)
			}
		})
	}
	closing.Wait()
	return errors.Join(errs...)
}

// stop closes the queues and waits for the analysers and the builders to
// drain them.
func (bk *bulk) stop() {
	if bk.work != nil {
		close(bk.work)
		bk.work = nil
	}
	for _, q := range bk.queues {
		close(q)
	}
	bk.queues = nil
	bk.workers.Wait()
	bk.wg.Wait()
}

// emptyShard makes an empty index in dir in place of a builder that was
// given no document (an empty library, a shard no key hashed to): the
// builder cannot finish without a segment.
func emptyShard(dir string) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	m, err := newMapping()
	if err != nil {
		return err
	}
	b, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, runtimeConfig(lockTimeout))
	if err != nil {
		return err
	}
	return b.Close()
}

// abort stops the builders without finishing them; the caller discards
// the revision.
func (bk *bulk) abort() {
	bk.fail(errors.New("build stopped"))
	bk.stop()
}

// bulkRebuild builds a new revision in rev from src with the offline
// builder, and returns it open for writing with the generation and the
// mapping's fingerprint recorded.
func bulkRebuild(ctx context.Context, rev string, n int, gen uint64, src source) (*Index, error) {
	bk, err := newBulk(rev, n)
	if err != nil {
		return nil, err
	}
	w := &writer{ctx: ctx, bulk: bk, fresh: true, texts: src.texts, passages: src.passages}
	err = src.refs(w.put)
	if err == nil && src.articles != nil {
		err = src.articles(func(a *store.Article) error { return w.putArticle(a.ID, a) })
	}
	if err != nil {
		bk.abort()
		return nil, err
	}
	if err := bk.finish(); err != nil {
		return nil, err
	}
	ix, err := openBleve(rev, false)
	if err != nil {
		return nil, err
	}
	sum, err := mappingSum()
	if err == nil {
		b := ix.shards[0].NewBatch()
		b.SetInternal(keyMapping, sum)
		b.SetInternal(keyGeneration, binary.BigEndian.AppendUint64(nil, gen))
		if src.passages {
			b.SetInternal(keyPassages, []byte{1})
		}
		err = ix.shards[0].Batch(b)
	}
	if err != nil {
		ix.Close()
		return nil, fmt.Errorf("build index: %w", err)
	}
	return ix, nil
}

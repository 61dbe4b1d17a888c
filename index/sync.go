package index

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/store"
)

// Sync makes the index in dir reflect the store: when the index is missing,
// cannot be opened (damaged), was built with another mapping, or its
// generation differs from gen, it is rebuilt from scratch (remove dir, create,
// index every reference from each) and rebuilt=true.
//
// each is the store's iterator (store.Each fits). An index held by another
// process is not damaged: Sync returns an error wrapping ErrLocked and leaves
// it alone. The caller should hold the library's lock, so that no two
// processes rebuild the same directory at once.
//
// Sync indexes references only; Update, which reads the store itself, also
// indexes its articles' claims.
func Sync(ctx context.Context, dir string, gen uint64, each func(fn func(*corpus.Reference) error) error) (ix *Index, rebuilt bool, err error) {
	return syncIndex(ctx, dir, gen, source{refs: each}, lockTimeout)
}

// source is what a rebuild reads: every reference, and every article when
// articles is not nil.
type source struct {
	refs     func(fn func(*corpus.Reference) error) error
	articles func(fn func(*store.Article) error) error
}

func syncIndex(ctx context.Context, dir string, gen uint64, src source, timeout time.Duration) (ix *Index, rebuilt bool, err error) {
	ix, err = openExisting(dir, timeout)
	switch {
	case err == nil:
		current, cerr := ix.current(gen)
		if cerr == nil && current {
			return ix, false, nil
		}
		ix.Close()
	case errors.Is(err, ErrLocked):
		return nil, false, err
	}
	// Missing, damaged, stale or built with another mapping: the store is the
	// truth, so start again from it.
	ix, err = rebuild(ctx, dir, gen, src)
	if err != nil {
		return nil, false, err
	}
	return ix, true, nil
}

// Current reports whether the index has finished a build or Apply for the
// store generation gen with this build's mapping: what Sync and Update check
// before they trust an index. An index of the right generation built by an
// older evident is not current.
func (ix *Index) Current(gen uint64) (bool, error) {
	return ix.current(gen)
}

// current says whether the index has finished a build or Apply for gen with
// this build's mapping.
func (ix *Index) current(gen uint64) (bool, error) {
	g, ok, err := ix.generation()
	if err != nil || !ok || g != gen {
		return false, err
	}
	sum, err := ix.b.GetInternal(keyMapping)
	if err != nil {
		return false, err
	}
	want, err := mappingSum()
	if err != nil {
		return false, err
	}
	if !bytes.Equal(sum, want) {
		return false, nil
	}
	// Opening reads only the segment footers; counting touches every
	// segment once more, cheaply.
	if _, err := ix.b.DocCount(); err != nil {
		return false, err
	}
	return true, nil
}

// rebuild replaces whatever is in dir with a new index of every reference
// and every article's claims. If it fails or is cancelled it removes the
// half-built index, so that the next Sync starts again rather than trusting
// it.
func rebuild(ctx context.Context, dir string, gen uint64, src source) (*Index, error) {
	if err := removeIndex(dir); err != nil {
		return nil, fmt.Errorf("rebuild index: %w", err)
	}
	ix, err := create(dir)
	if err != nil {
		return nil, fmt.Errorf("rebuild index: %w", err)
	}
	w := ix.newWriter(ctx)
	w.fresh = true
	err = src.refs(w.put)
	if err == nil && src.articles != nil {
		err = src.articles(func(a *store.Article) error { return w.putArticle(a.ID, a) })
	}
	if err == nil {
		err = w.finish(gen)
	}
	if err != nil {
		w.wait() // the index must not close under a batch in flight
		ix.Close()
		removeIndex(dir)
		return nil, fmt.Errorf("rebuild index: %w", err)
	}
	return ix, nil
}

// indexFiles are the names Bleve creates in an index directory.
var indexFiles = map[string]bool{"index_meta.json": true, "store": true}

// removeIndex removes the index in dir, but refuses a directory that holds
// anything else: a damaged index looks like one that is not an index at all,
// and a mistyped path must not cost someone their files.
func removeIndex(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !indexFiles[e.Name()] {
			return fmt.Errorf("%s holds %s, which is not part of a search index; not removing it", dir, e.Name())
		}
	}
	return os.RemoveAll(dir)
}

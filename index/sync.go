package index

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/evidence"
	"github.com/evident-tools/evident/store"
)

// Sync makes the library index in dir reflect the store: when the index is
// missing, damaged, was built with another mapping, or its generation
// differs from gen, a new revision is built from scratch (index every
// reference from each) and made current, and why says what was wrong with
// the old one; why is empty when the index was current. The index returned
// is the current revision, opened for reading.
//
// each is the store's iterator (store.Each fits). The caller should hold the
// library's write lock, so that no two processes build revisions at once.
//
// Sync indexes references only; Update, which reads the store itself, also
// indexes its articles' claims.
func Sync(ctx context.Context, dir string, gen uint64, each func(fn func(*corpus.Reference) error) error) (ix *Index, why string, err error) {
	return syncIndex(ctx, dir, gen, source{refs: each})
}

// source is what a rebuild reads: every reference, and every article when
// articles is not nil.
type source struct {
	refs     func(fn func(*corpus.Reference) error) error
	articles func(fn func(*store.Article) error) error
	// texts reads a work's stored text, when the source is a store.
	texts func(key string) (*evidence.Source, error)
	// passages indexes the passages of works too (FillPassages); a
	// rebuild leaves them for the first passage search.
	passages bool
	// size is about how many references refs yields, for the number of
	// shards (shardCount); 0 when not known.
	size int
}

func syncIndex(ctx context.Context, dir string, gen uint64, src source) (ix *Index, why string, err error) {
	cur, why := openCurrent(dir, gen)
	if why == "" {
		return cur, "", nil
	}
	if cur != nil {
		cur.Close()
	}
	// Missing, damaged, stale or built with another mapping: the store is
	// the truth, so start again from it.
	ix, err = rebuild(ctx, dir, gen, src)
	if err != nil {
		return nil, "", err
	}
	return ix, why, nil
}

// openCurrent opens the current revision and says why it does not reflect
// generation gen; why is empty when it does. The index is returned, open,
// when it could be read at all, current or not.
func openCurrent(dir string, gen uint64) (*Index, string) {
	ix, err := OpenRead(dir)
	switch {
	case errors.Is(err, errOldLayout):
		return nil, "written by an older evident"
	case errors.Is(err, ErrNoIndex):
		return nil, "missing"
	case err != nil:
		return nil, damaged(err)
	}
	why, err := ix.state(gen)
	if err != nil {
		why = damaged(err)
	}
	return ix, why
}

// damaged says what is wrong with a damaged index, in a phrase that
// follows "the index was".
func damaged(err error) string {
	msg := strings.ReplaceAll(err.Error(), ErrDamaged.Error()+": ", "")
	return "damaged (" + msg + ")"
}

// Current reports whether the index has finished a build or Apply for the
// store generation gen with this build's mapping: what Sync and Update check
// before they trust an index. An index of the right generation built by an
// older evident is not current.
func (ix *Index) Current(gen uint64) (bool, error) {
	why, err := ix.state(gen)
	return why == "" && err == nil, err
}

// state says why the index does not reflect generation gen with this
// build's mapping, or "" when it does.
func (ix *Index) state(gen uint64) (string, error) {
	g, ok, err := ix.generation()
	switch {
	case err != nil:
		return "", err
	case !ok:
		return "incomplete (no build of it finished)", nil
	case g != gen:
		return fmt.Sprintf("out of date (it reflects generation %d of the library, which is at %d)", g, gen), nil
	}
	sum, err := ix.shards[0].GetInternal(keyMapping)
	if err != nil {
		return "", err
	}
	want, err := mappingSum()
	if err != nil {
		return "", err
	}
	if !bytes.Equal(sum, want) {
		return "built by another version of evident", nil
	}
	// Opening reads only the segment footers; counting touches every
	// segment once more, cheaply.
	if _, err := ix.b.DocCount(); err != nil {
		return "", err
	}
	return "", nil
}

// rebuild builds a new revision of the index in dir from every reference
// and every article's claims, makes it current and returns it opened for
// reading. If it fails or is cancelled it removes the half-built revision;
// the current one stays as it was.
func rebuild(ctx context.Context, dir string, gen uint64, src source) (*Index, error) {
	rev, err := newRevision(dir)
	if err != nil {
		return nil, fmt.Errorf("rebuild index: %w", err)
	}
	ix, err := bulkRebuild(ctx, rev, shardCount(src.size), gen, src)
	if err != nil {
		discard(rev)
		return nil, fmt.Errorf("rebuild index: %w", err)
	}
	return finishRevision(ix, dir, rev, nil, err)
}

// finishRevision closes a revision that has been written, makes it current
// when err is nil, and opens it for reading; otherwise it removes it.
func finishRevision(ix *Index, dir, rev string, prev *manifest, err error) (*Index, error) {
	if cerr := ix.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = writeManifest(rev, prev)
	}
	if err == nil {
		err = publish(dir, rev)
	}
	if err != nil {
		discard(rev)
		return nil, fmt.Errorf("index %s: %w", dir, err)
	}
	return openRevision(rev)
}

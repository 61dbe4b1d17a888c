package index

import (
	"context"
	"errors"
	"fmt"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/evidence"
	"github.com/evident-tools/evident/store"
)

// Update brings the library index in dir up to date after a store write
// described by changes, and returns its current revision opened for
// reading. When the index reflected the generation before that write, the
// new revision is a copy of the old one with only the changed references and
// articles indexed again; otherwise (missing, damaged, stale) it is rebuilt
// from the store, and why says what was wrong; why is empty otherwise, and
// for the first index of a new library, which is a build, not a repair. The
// caller holds the library's write lock; readers go on reading the old
// revision until the new one is current.
//
// progress, when not nil, is told how many references and articles have
// been indexed of how many.
func Update(ctx context.Context, dir string, st *store.Store, changes store.Changes, progress func(done, total int)) (ix *Index, why string, err error) {
	gen, err := st.Generation()
	if err != nil {
		return nil, "", err
	}
	nothing := len(changes.Put) == 0 && len(changes.Deleted) == 0 &&
		len(changes.Articles) == 0 && len(changes.ArticlesDeleted) == 0 && len(changes.Texts) == 0
	before := gen
	if !nothing {
		before = changes.Generation - 1
	}
	cur, why := openCurrent(dir, gen)
	if why == "" {
		return cur, "", nil // already current: another process synced it
	}
	if cur != nil && !nothing {
		if w, err := cur.state(before); err == nil && w == "" {
			// One write behind: copy the revision and apply the write.
			rev, prev := cur.rev, cur.manifest
			cur.Close()
			ix, err := applyToCopy(ctx, dir, rev, prev, st, changes, gen, progress)
			return ix, "", err
		}
	}
	if cur != nil {
		cur.Close()
	}
	total, err := st.Count()
	if err != nil {
		return nil, "", err
	}
	src := source{refs: st.Each, articles: st.EachArticle, texts: storeTexts(st), size: total}
	if progress != nil {
		src.refs = counting(st, func(done int) { progress(done, total) })
	}
	// A rebuild reads the store as it is now, changes included.
	ix, err = rebuild(ctx, dir, gen, src)
	if err != nil {
		return nil, "", err
	}
	if why == "missing" && before == 0 {
		why = "" // a new library's first index
	}
	return ix, why, nil
}

// applyToCopy makes a new revision from rev with one store write applied.
func applyToCopy(ctx context.Context, dir, rev string, prev *manifest, st *store.Store, changes store.Changes, gen uint64, progress func(done, total int)) (*Index, error) {
	ix, next, err := openCopy(dir, rev)
	if err != nil {
		return nil, err
	}
	err = applyChanges(ctx, ix, st, changes, gen, progress)
	return finishRevision(ix, dir, next, prev, err)
}

// openCopy makes the next revision in dir a copy of rev and opens it for
// writing; finishRevision publishes or discards it.
func openCopy(dir, rev string) (ix *Index, next string, err error) {
	next, err = newRevision(dir)
	if err != nil {
		return nil, "", fmt.Errorf("index %s: %w", dir, err)
	}
	if err := copyRevision(rev, next); err != nil {
		discard(next)
		return nil, "", fmt.Errorf("index %s: copy %s: %w", dir, rev, err)
	}
	if ix, err = openBleve(next, false); err != nil {
		discard(next)
		return nil, "", err
	}
	return ix, next, nil
}

// applyChanges indexes what one store write changed, in one run of batches
// that records gen with the last.
//
// It reads the changed references and articles one at a time rather than
// all at once: a 100,000-entry import would otherwise hold them twice in
// memory.
func applyChanges(ctx context.Context, ix *Index, st *store.Store, changes store.Changes, gen uint64, progress func(done, total int)) error {
	total := len(changes.Put) + len(changes.Articles)
	done := 0
	step := func(every int) {
		done++
		if progress != nil && (done%every == 0 || done == total) {
			progress(done, total)
		}
	}
	w := ix.newWriter(ctx)
	w.texts = storeTexts(st)
	for _, k := range changes.Deleted {
		if err := w.delete(k); err != nil {
			return err
		}
	}
	for _, k := range changes.Put {
		r, err := st.Get(k)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err == nil {
			err = w.put(r)
		}
		if err != nil {
			return err
		}
		step(1000)
	}
	// Works whose text alone changed: their passages only, if the index
	// keeps passages at all.
	for _, k := range changes.Texts {
		if !w.passages {
			break
		}
		r, err := st.Get(k)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err == nil {
			err = w.putPassages(r)
		}
		if err != nil {
			return err
		}
	}
	for _, id := range changes.ArticlesDeleted {
		if err := w.putArticle(id, nil); err != nil {
			return err
		}
	}
	for _, id := range changes.Articles {
		a, err := st.GetArticle(id)
		if errors.Is(err, store.ErrNotFound) {
			// Put and then deleted by a later write: its claims go.
			a, err = nil, nil
		}
		if err == nil {
			err = w.putArticle(id, a)
		}
		if err != nil {
			return err
		}
		step(1)
	}
	return w.finish(gen)
}

// counting iterates over the store like st.Each, telling progress every
// 1,000 references.
func counting(st *store.Store, progress func(done int)) func(fn func(*corpus.Reference) error) error {
	return func(fn func(*corpus.Reference) error) error {
		n := 0
		return st.Each(func(r *corpus.Reference) error {
			n++
			if n%1000 == 0 {
				progress(n)
			}
			return fn(r)
		})
	}
}

// Rebuild makes a new revision of the library index in dir from every
// reference and every article's claims in the store, makes it current, and
// returns how many references it indexed. Readers go on reading the old
// revision until then. progress, when not nil, is told how many references
// have been indexed of how many.
func Rebuild(ctx context.Context, dir string, st *store.Store, progress func(done, total int)) (int, error) {
	gen, err := st.Generation()
	if err != nil {
		return 0, err
	}
	total, err := st.Count()
	if err != nil {
		return 0, err
	}
	ix, err := rebuild(ctx, dir, gen, source{
		refs: counting(st, func(done int) {
			if progress != nil {
				progress(done, total)
			}
		}),
		articles: st.EachArticle,
		texts:    storeTexts(st),
		size:     total,
	})
	if err != nil {
		return 0, err
	}
	return total, ix.Close()
}

// storeTexts reads the works' texts from st; nil when st is a library of
// an older schema opened for reading, which keeps none: each reference's
// abstract and files are read instead.
func storeTexts(st *store.Store) func(key string) (*evidence.Source, error) {
	if !st.HasTexts() {
		return nil
	}
	return st.Text
}

package index

import (
	"context"
	"errors"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/store"
)

// Update brings the index in dir up to date after a store write described by
// changes. When the index reflected the generation before that write, only
// the changed references are indexed; otherwise (missing, damaged, stale)
// it is rebuilt from the store and rebuilt is true. The caller holds the
// library's write lock.
//
// progress, when not nil, is told how many references have been indexed of
// how many.
func Update(ctx context.Context, dir string, st *store.Store, changes store.Changes, progress func(done, total int)) (ix *Index, rebuilt bool, err error) {
	gen, err := st.Generation()
	if err != nil {
		return nil, false, err
	}
	nothing := len(changes.Put) == 0 && len(changes.Deleted) == 0
	before := gen
	if !nothing {
		before = changes.Generation - 1
	}
	each := st.Each
	if progress != nil {
		total, err := st.Count()
		if err != nil {
			return nil, false, err
		}
		each = counting(st, func(done int) { progress(done, total) })
	}
	ix, rebuilt, err = Sync(ctx, dir, before, each)
	if err != nil {
		return nil, false, err
	}
	if rebuilt {
		// A rebuild read the store as it is now, changes included; record
		// the store's generation.
		if before != gen {
			if err := ix.Apply(ctx, nil, nil, gen); err != nil {
				ix.Close()
				return nil, false, err
			}
		}
		// A new library's first index is a build, not a repair.
		return ix, before > 0, nil
	}
	if nothing {
		return ix, false, nil
	}
	// Read the changed references one at a time rather than all at once:
	// a 100,000-entry import would otherwise hold them twice in memory.
	w := ix.newWriter(ctx)
	if progress != nil {
		ix.Progress = func(done int) { progress(done, len(changes.Put)) }
	}
	for _, k := range changes.Deleted {
		if err := w.delete(k); err != nil {
			ix.Close()
			return nil, false, err
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
			ix.Close()
			return nil, false, err
		}
	}
	if err := w.finish(gen); err != nil {
		ix.Close()
		return nil, false, err
	}
	return ix, false, nil
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

// Rebuild recreates the index in dir from every reference in the store and
// returns how many it indexed.
func Rebuild(ctx context.Context, dir string, st *store.Store, progress func(done, total int)) (int, error) {
	gen, err := st.Generation()
	if err != nil {
		return 0, err
	}
	total, err := st.Count()
	if err != nil {
		return 0, err
	}
	ix, err := rebuild(ctx, dir, gen, counting(st, func(done int) {
		if progress != nil {
			progress(done, total)
		}
	}))
	if err != nil {
		return 0, err
	}
	return total, ix.Close()
}

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
func Update(ctx context.Context, dir string, st *store.Store, changes store.Changes) (ix *Index, rebuilt bool, err error) {
	gen, err := st.Generation()
	if err != nil {
		return nil, false, err
	}
	nothing := len(changes.Put) == 0 && len(changes.Deleted) == 0
	before := gen
	if !nothing {
		before = changes.Generation - 1
	}
	ix, rebuilt, err = Sync(ctx, dir, before, st.Each)
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
	put := make([]*corpus.Reference, 0, len(changes.Put))
	for _, k := range changes.Put {
		r, err := st.Get(k)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			ix.Close()
			return nil, false, err
		}
		put = append(put, r)
	}
	if err := ix.Apply(ctx, put, changes.Deleted, gen); err != nil {
		ix.Close()
		return nil, false, err
	}
	return ix, false, nil
}

// Rebuild recreates the index in dir from every reference in the store and
// returns how many it indexed.
func Rebuild(ctx context.Context, dir string, st *store.Store) (int, error) {
	gen, err := st.Generation()
	if err != nil {
		return 0, err
	}
	n := 0
	count := func(fn func(*corpus.Reference) error) error {
		return st.Each(func(r *corpus.Reference) error {
			n++
			return fn(r)
		})
	}
	ix, err := rebuild(ctx, dir, gen, count)
	if err != nil {
		return 0, err
	}
	return n, ix.Close()
}

package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/index"
	"github.com/evident-tools/evident/pipeline"
	"github.com/evident-tools/evident/store"
)

// openIndex opens the library's index for searching. The current revision
// is searched when it reflects the library. One that is behind, missing or
// damaged is brought up to date first (which takes the write lock, and says
// so), unless another evident process is writing the library: that process
// brings the index up to date itself when it has finished, and the last
// whole revision is searched meanwhile, as the library was before it.
func (a *App) openIndex(cmd *cobra.Command) (*index.Index, error) {
	st, loc, err := a.openRead()
	if err != nil {
		return nil, err
	}
	gen, err := st.Generation()
	st.Close()
	if err != nil {
		return nil, err
	}
	ix, err := index.OpenRead(loc.IndexPath())
	if err == nil {
		if ok, err := ix.Current(gen); err == nil && ok {
			return ix, nil
		} else if err != nil {
			ix.Close()
			ix = nil
		}
	}
	w, loc, err := a.tryOpenWrite()
	if errors.Is(err, store.ErrLocked) {
		if ix != nil {
			fmt.Fprintln(a.Err, "evident: another evident process is writing the library; searching the index as it was before")
			return ix, nil
		}
		// Nothing whole to search: wait for the writer like any writer.
		w, loc, err = a.openWrite(false)
	}
	if err != nil {
		if ix != nil {
			ix.Close()
		}
		return nil, err
	}
	defer w.Close()
	if err := a.syncIndex(cmd.Context(), w, loc, store.Changes{}); err != nil {
		if ix == nil {
			return nil, err
		}
		// A whole older revision is better than no answer.
		fmt.Fprintf(a.Err, "evident: %v\nevident: searching the index as it was; recent changes to the library are not in it\n", err)
		return ix, nil
	}
	if ix != nil {
		ix.Close()
	}
	return index.OpenRead(loc.IndexPath())
}

// openPassageIndex opens the library's index as openIndex does, for a
// passage search: the first one adds the passages of every work, which a
// library's index is built without (index/passages.go says why).
func (a *App) openPassageIndex(cmd *cobra.Command) (*index.Index, error) {
	ix, err := a.openIndex(cmd)
	if err != nil || ix.HasPassages() {
		return ix, err
	}
	ix.Close()
	w, loc, err := a.openWrite(false)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	return a.fillPassages(cmd, w, loc)
}

// fillPassages adds the passages of every work to the library's index,
// and says so.
func (a *App) fillPassages(cmd *cobra.Command, w *store.Store, loc store.Location) (*index.Index, error) {
	start := time.Now()
	progress, done := a.indexProgress()
	ix, err := index.FillPassages(cmd.Context(), loc.IndexPath(), w, progress)
	done()
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(a.Err, "evident: indexed the passages of the library's works for the first passage search in %s\n", time.Since(start).Round(time.Millisecond))
	return ix, nil
}

// search runs a search, and when Bleve trips over a damaged index that
// passed its checks, rebuilds the index and searches once more.
func (a *App) search(cmd *cobra.Command, ix *index.Index, fn func(*index.Index) error) error {
	err := fn(ix)
	if !errors.Is(err, index.ErrDamaged) {
		return err
	}
	passages := ix.HasPassages()
	ix.Close()
	w, loc, werr := a.openWrite(false)
	if werr != nil {
		return werr
	}
	defer w.Close()
	start := time.Now()
	if _, err := index.Rebuild(cmd.Context(), loc.IndexPath(), w, nil); err != nil {
		return err
	}
	fmt.Fprintf(a.Err, "evident: %v; rebuilt it from the library in %s\n", err, time.Since(start).Round(time.Millisecond))
	var again *index.Index
	if passages {
		// A rebuild leaves the passages out; this search needs them.
		again, err = a.fillPassages(cmd, w, loc)
	} else {
		again, err = index.OpenRead(loc.IndexPath())
	}
	if err != nil {
		return err
	}
	defer again.Close()
	return fn(again)
}

// checkForSuggest checks one article against the library with the
// settings that apply to it, as 'add' does, for suggest's uncited claims.
func (a *App) checkForSuggest(cmd *cobra.Command, path string, format corpus.Format) (*corpus.Report, error) {
	st, _, err := a.openRead()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	lib, ix, err := libraryOf(st)
	if err != nil {
		return nil, err
	}
	in := pipeline.Input{Path: path, Format: format}
	// The cited works' stored texts, as 'check' reads them, rather than
	// each rebuilt from its reference.
	checked, err := pipeline.CheckAll(cmd.Context(), []pipeline.Input{in}, lib, pipeline.Options{Library: ix, Texts: st})
	if err != nil {
		return nil, err
	}
	return checked[0].Report, nil
}

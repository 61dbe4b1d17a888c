package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/corpus/store"
	"github.com/evident-tools/evident/index"
)

// openIndex opens the library's index for searching. An index that is
// missing, damaged or behind the store is rebuilt first (which takes the
// write lock, and says so); a current one is opened without it.
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
	if ix, err := index.Open(loc.IndexPath()); err == nil {
		if ok, err := ix.Current(gen); err == nil && ok {
			return ix, nil
		}
		ix.Close()
	}
	w, loc, err := a.openWrite(false)
	if err != nil {
		return nil, err
	}
	defer w.Close()
	if err := a.syncIndex(cmd.Context(), w, loc, store.Changes{}); err != nil {
		return nil, err
	}
	return index.Open(loc.IndexPath())
}

// checkOne checks one article against the library with the settings that
// apply to it, as check does.
func (a *App) checkOne(cmd *cobra.Command, path, inputFormat string) (*check.Report, error) {
	format, err := article.DetectFormat(path)
	if inputFormat != "" {
		format, err = article.ParseFormat(inputFormat)
	}
	if err != nil {
		return nil, inputErr(err)
	}
	opts := checkOptions{}
	cfg, err := checkConfig(cmd, path, &opts)
	if err != nil {
		return nil, inputErr(err)
	}
	copts, err := checkOptionsFrom(cfg, &opts)
	if err != nil {
		return nil, inputErr(err)
	}
	refs, err := a.checkLibrary(cmd, nil)
	if err != nil {
		return nil, err
	}
	data, err := readArticle(path)
	if err != nil {
		return nil, inputErr(err)
	}
	rep, err := check.Check(path, data, format, refs, copts)
	if err != nil {
		return nil, inputErr(fmt.Errorf("%s: %w", path, err))
	}
	return rep, nil
}

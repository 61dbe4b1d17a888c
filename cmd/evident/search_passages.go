package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/index"
)

// searchPassages is 'search --type passage': the sentences of the
// library's abstracts and attached full texts that match the words given,
// best first, each with its work.
func (a *App) searchPassages(cmd *cobra.Command, text string, opts searchOptions) error {
	ix, err := a.openPassageIndex(cmd)
	if err != nil {
		return err
	}
	defer ix.Close()
	var hits []index.PassageHit
	err = a.search(cmd, ix, func(ix *index.Index) error {
		var err error
		hits, err = ix.SearchPassages(cmd.Context(), text, opts.limit)
		return err
	})
	if err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if hits == nil {
		hits = []index.PassageHit{}
	}
	if opts.format == "json" {
		return writeJSON(a.Out, hits)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s\n", len(hits), export.Plural(len(hits), "passage", "passages"))
	for i, h := range hits {
		src := h.Source
		if src == "fulltext" {
			src = "full text"
		}
		fmt.Fprintf(&b, "\n%d. %s, %s sentence %d  (%.2f)\n   %s\n", i+1, h.Key, src, h.N, h.Score, highlight(h.Fragment, a.OutTTY && !a.NoColor))
	}
	_, err = fmt.Fprint(a.Out, b.String())
	return err
}

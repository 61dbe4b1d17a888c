package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/index"
)

func newReindexCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use: "reindex",
		Example: `  evident reindex
  evident --library ~/refs reindex`,
		Short: "Rebuild the search index from the store",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, loc, err := a.openWrite(false)
			if err != nil {
				return err
			}
			defer st.Close()
			progress, done := a.indexProgress()
			defer done()
			n, err := index.Rebuild(cmd.Context(), loc.IndexPath(), st, progress)
			if err != nil {
				return fmt.Errorf("reindex: %w", err)
			}
			fmt.Fprintf(a.Out, "indexed %d %s\n", n, export.Plural(n, "reference", "references"))
			return nil
		},
	}
}

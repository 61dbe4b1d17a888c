package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/pipeline"
	"github.com/evident-tools/evident/store"
)

type addOptions struct {
	id          string
	inputFormat corpus.Format
	format      string
}

func newAddCmd(a *App) *cobra.Command {
	var opts addOptions
	cmd := &cobra.Command{
		Use: "add ARTICLE...",
		Example: `  evident add draft.md                 # check and keep it (again: replaces it)
  evident add --id sugar-2026 draft.md
  evident add news/*.md`,
		Short: "Check articles against the library and keep them in it",
		Long: `Check each article as 'evident check' does (the same reading, resolution,
findings and .evident.toml settings) and store it in the library with its
report, so that its claims can be searched and 'evident cites' can find them.
An article is stored under --id, else under its path as given; adding the
same path (or --id) again replaces the earlier version. All the articles are
stored in one transaction.

When an import or 'refs rm' changes a reference a stored article cites, or
adds one that could resolve a citation that resolved to nothing, the article
is checked again.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.id != "" && len(args) > 1 {
				return errors.New("--id names one article; give one ARTICLE with it")
			}
			// Read every article before taking the write lock: one that
			// cannot be read stops the command before anything is stored.
			ids, inputs, err := readArticles(args, opts.id, opts.inputFormat)
			if err != nil {
				return err
			}
			st, loc, err := a.openWrite(true)
			if err != nil {
				return err
			}
			defer st.Close()
			lib, err := pipeline.FromStore(st)
			if err != nil {
				return err
			}
			checked, err := pipeline.CheckAll(cmd.Context(), inputs, lib, pipeline.Options{})
			if err != nil {
				return err
			}
			now := time.Now()
			arts := make([]*store.Article, len(checked))
			rows := make([]articleRow, len(checked))
			for i, c := range checked {
				// add prints no report: say here what the reader found odd.
				for _, w := range c.Doc.Warnings {
					fmt.Fprintf(a.Err, "warning: %s\n", w.Error())
				}
				if arts[i], err = pipeline.Stored(ids[i], c, now); err != nil {
					return err
				}
				rows[i] = articleRow{art: arts[i], summary: &c.Report.Summary, findings: len(c.Report.Findings)}
			}
			existed, changes, err := putArticles(st, arts)
			if err != nil {
				return err
			}
			// What was stored is said even when the index then fails.
			ixErr := a.syncIndex(cmd.Context(), st, loc, changes)
			if err := printAdded(a, rows, existed, opts.format); err != nil {
				return err
			}
			return ixErr
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.id, "id", "", "store the article under this `ID` instead of its path (one article only)")
	inputFormatFlag(f, &opts.inputFormat)
	formatFlag(f, &opts.format)
	return cmd
}

// readArticles loads the articles to add and the ids to store them under,
// refusing two that would be stored under one id.
func readArticles(paths []string, id string, forced corpus.Format) ([]string, []pipeline.Input, error) {
	ids := make([]string, 0, len(paths))
	inputs := make([]pipeline.Input, 0, len(paths))
	seen := map[string]string{}
	for _, path := range paths {
		aid := id
		if aid == "" {
			aid = articleID(path)
		}
		if prev, dup := seen[aid]; dup {
			return nil, nil, fmt.Errorf("%s and %s would both be stored as article %s", prev, path, aid)
		}
		seen[aid] = path
		in := pipeline.Input{Path: path, Format: forced}
		if err := in.Load(); err != nil {
			return nil, nil, err
		}
		ids = append(ids, aid)
		inputs = append(inputs, in)
	}
	return ids, inputs, nil
}

// articleID is the id an article is stored under without --id: its path,
// cleaned and slash-separated, so that ./draft.md and draft.md are one
// article and a library moves between systems.
func articleID(path string) string {
	return filepath.ToSlash(filepath.Clean(path))
}

// putArticles stores the articles in one transaction and says which
// replaced an article stored before.
func putArticles(st *store.Store, arts []*store.Article) ([]bool, store.Changes, error) {
	existed := make([]bool, len(arts))
	changes, err := st.Update(func(tx *store.Tx) error {
		for i, art := range arts {
			_, err := tx.GetArticle(art.ID)
			switch {
			case err == nil:
				existed[i] = true
			case !errors.Is(err, store.ErrNotFound):
				return err
			}
			if err := tx.PutArticle(art); err != nil {
				return err
			}
		}
		return nil
	})
	return existed, changes, err
}

func printAdded(a *App, rows []articleRow, existed []bool, format string) error {
	if format == "json" {
		out := make([]articleJSON, len(rows))
		for i, row := range rows {
			out[i] = toArticleJSON(row)
			out[i].Action = addAction(existed[i])
		}
		return writeJSON(a.Out, out)
	}
	for i, row := range rows {
		claims, unsupported, findings := row.counts()
		fmt.Fprintf(a.Out, "%s %s: %d %s, %d unsupported, %d %s\n", addAction(existed[i]), row.art.ID,
			claims, export.Plural(claims, "claim", "claims"), unsupported, findings, export.Plural(findings, "finding", "findings"))
	}
	return nil
}

func addAction(existed bool) string {
	if existed {
		return "updated"
	}
	return "added"
}

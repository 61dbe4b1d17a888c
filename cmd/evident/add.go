package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
An article is the file, wherever it is named from: adding it again, as
plos/x.md from one directory or x.md from inside plos/, replaces the earlier
version ("updated"). A file moved or renamed is found by its content (a
SHA-256 of its bytes) when its old path no longer exists, and keeps its id
and history ("updated ID (moved from OLD)"). A copy whose original is still
there is a new article. A new article's id is its path as given, unless
another file has that id already (then its absolute path), or --id; with
--id, the id alone says which article it is. All the articles are stored in
one transaction.

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
			lib, ix, err := libraryOf(st)
			if err != nil {
				return err
			}
			checked, err := pipeline.CheckAll(cmd.Context(), inputs, lib, pipeline.Options{Texts: st, Library: ix})
			if err != nil {
				return err
			}
			now := time.Now()
			arts := make([]*store.Article, len(checked))
			reports := make([]*corpus.Report, len(checked))
			for i, c := range checked {
				// add prints no report: say here what the reader found odd.
				for _, w := range c.Doc.Warnings {
					fmt.Fprintf(a.Err, "warning: %s\n", w.Error())
				}
				if arts[i], err = pipeline.Stored(ids[i], c, now); err != nil {
					return err
				}
				reports[i] = c.Report
			}
			actions, changes, err := putArticles(st, arts, opts.id != "")
			if err != nil {
				return err
			}
			// The totals leave out the findings an editor has marked on
			// the article as stored before (evident review).
			rows := make([]articleRow, len(arts))
			for i, art := range arts {
				marks, err := st.Reviews(art.ID)
				if err != nil {
					return err
				}
				rows[i] = newArticleRow(art, reports[i], marks)
			}
			// What was stored is said even when the index then fails.
			ixErr := a.syncIndex(cmd.Context(), st, loc, changes)
			if err := printAdded(a, rows, actions, opts.format); err != nil {
				return err
			}
			return ixErr
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.id, "id", "", "store the article under this `ID`, which alone then says which article it is (one article only)")
	inputFormatFlag(f, &opts.inputFormat)
	formatFlag(f, &opts.format)
	return cmd
}

// readArticles loads the articles to add and the ids to store new ones
// under, refusing two that would be stored under one id or are one file.
func readArticles(paths []string, id string, forced corpus.Format) ([]string, []pipeline.Input, error) {
	ids := make([]string, 0, len(paths))
	inputs := make([]pipeline.Input, 0, len(paths))
	seen, files := map[string]string{}, map[string]string{}
	for _, path := range paths {
		aid := id
		if aid == "" {
			aid = articleID(path)
		}
		if prev, dup := seen[aid]; dup {
			return nil, nil, fmt.Errorf("%s and %s would both be stored as article %s", prev, path, aid)
		}
		seen[aid] = path
		abs, err := pipeline.AbsPath(path)
		if err != nil {
			return nil, nil, err
		}
		if prev, dup := files[abs]; dup {
			return nil, nil, fmt.Errorf("%s and %s are the same file", prev, path)
		}
		files[abs] = path
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

// putArticles stores the articles in one transaction, each as the stored
// article it is (pipeline.Place), and says what became of each.
func putArticles(st *store.Store, arts []*store.Article, explicit bool) ([]pipeline.Action, store.Changes, error) {
	actions := make([]pipeline.Action, len(arts))
	changes, err := st.Update(func(tx *store.Tx) error {
		taken := map[string]bool{}
		for i, art := range arts {
			var err error
			if actions[i], err = pipeline.Place(tx, art, explicit, taken); err != nil {
				return err
			}
			if err := tx.PutArticle(art); err != nil {
				return err
			}
		}
		return nil
	})
	return actions, changes, err
}

func printAdded(a *App, rows []articleRow, actions []pipeline.Action, format string) error {
	if format == "json" {
		out := make([]articleJSON, len(rows))
		for i, row := range rows {
			out[i] = toArticleJSON(row)
			out[i].Action = string(actions[i])
		}
		return writeJSON(a.Out, out)
	}
	for i, row := range rows {
		claims, unsupported, findings := row.counts()
		what := string(actions[i])
		if actions[i] == pipeline.Moved {
			what = fmt.Sprintf("updated %s (moved from %s)", row.art.ID, shownPath(row.art.MovedFrom))
		} else {
			what += " " + row.art.ID
		}
		reviewed := ""
		if row.reviewed > 0 {
			reviewed = fmt.Sprintf(" (%d reviewed)", row.reviewed)
		}
		fmt.Fprintf(a.Out, "%s: %d %s, %d unsupported, %d %s%s\n", what,
			claims, export.Plural(claims, "claim", "claims"), unsupported, findings, export.Plural(findings, "finding", "findings"),
			reviewed)
	}
	return nil
}

// shownPath shows an absolute, slash-separated path as a user would type
// it here: relative to the working directory when it lies below it.
func shownPath(abs string) string {
	wd, err := os.Getwd()
	if err != nil {
		return abs
	}
	rel, err := filepath.Rel(wd, filepath.FromSlash(abs))
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return abs
	}
	return filepath.ToSlash(rel)
}

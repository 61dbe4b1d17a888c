package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/store"
)

type addOptions struct {
	id          string
	inputFormat string
	format      string
}

func newAddCmd(a *App) *cobra.Command {
	var opts addOptions
	cmd := &cobra.Command{
		Use:   "add ARTICLE...",
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
			if err := checkFormat(opts.format); err != nil {
				return err
			}
			if opts.id != "" && len(args) > 1 {
				return inputErr(errors.New("--id names one article; give one ARTICLE with it"))
			}
			var forced corpus.Format
			if opts.inputFormat != "" {
				var err error
				if forced, err = article.ParseFormat(opts.inputFormat); err != nil {
					return inputErr(fmt.Errorf("--input-format: %w", err))
				}
			}
			// Read every article before taking the write lock: one that
			// cannot be read stops the command before anything is stored.
			inputs, err := readArticles(args, opts.id, forced)
			if err != nil {
				return err
			}
			st, loc, err := a.openWrite(true)
			if err != nil {
				return err
			}
			defer st.Close()
			arts, err := checkArticles(cmd, st, inputs)
			if err != nil {
				return err
			}
			existed, changes, err := putArticles(st, arts)
			if err != nil {
				return err
			}
			// What was stored is said even when the index then fails.
			ixErr := a.syncIndex(cmd.Context(), st, loc, changes)
			if err := printAdded(a, arts, existed, opts.format); err != nil {
				return err
			}
			return ixErr
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.id, "id", "", "store the article under this `ID` instead of its path (one article only)")
	f.StringVar(&opts.inputFormat, "input-format", "", "article format: markdown, text, html or latex (default: from the extension)")
	f.StringVar(&opts.format, "format", "text", "output format: text or json")
	return cmd
}

// articleInput is an article read from disk, not yet checked.
type articleInput struct {
	id, path string
	format   corpus.Format
	data     []byte
}

func readArticles(paths []string, id string, forced corpus.Format) ([]articleInput, error) {
	inputs := make([]articleInput, 0, len(paths))
	seen := map[string]string{}
	for _, path := range paths {
		in := articleInput{id: id, path: path, format: forced}
		if in.id == "" {
			in.id = articleID(path)
		}
		if prev, dup := seen[in.id]; dup {
			return nil, inputErr(fmt.Errorf("%s and %s would both be stored as article %s", prev, path, in.id))
		}
		seen[in.id] = path
		var err error
		if in.format == "" {
			if in.format, err = article.DetectFormat(path); err != nil {
				return nil, inputErr(err)
			}
		}
		if in.data, err = readArticle(path); err != nil {
			return nil, inputErr(err)
		}
		inputs = append(inputs, in)
	}
	return inputs, nil
}

// articleID is the id an article is stored under without --id: its path,
// cleaned and slash-separated, so that ./draft.md and draft.md are one
// article and a library moves between systems.
func articleID(path string) string {
	return filepath.ToSlash(filepath.Clean(path))
}

// checkArticles checks the articles against the library's references.
func checkArticles(cmd *cobra.Command, st *store.Store, inputs []articleInput) ([]*store.Article, error) {
	var refs []*corpus.Reference
	if err := st.Each(func(r *corpus.Reference) error {
		refs = append(refs, r)
		return nil
	}); err != nil {
		return nil, err
	}
	now := time.Now()
	arts := make([]*store.Article, len(inputs))
	for i, in := range inputs {
		if err := cmd.Context().Err(); err != nil {
			return nil, err
		}
		rep, err := checkForAdd(cmd, in, refs)
		if err != nil {
			return nil, inputErr(err)
		}
		arts[i] = &store.Article{ID: in.id, Path: in.path, Format: in.format, Source: in.data}
		arts[i].SetReport(rep, now)
	}
	return arts, nil
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

// checkForAdd checks one article as 'evident check' would with no flags:
// the .evident.toml settings that apply to it, and the weak-support check.
func checkForAdd(cmd *cobra.Command, in articleInput, refs []*corpus.Reference) (*check.Report, error) {
	var copts checkOptions
	cfg, err := checkConfig(cmd, in.path, &copts)
	if err != nil {
		return nil, err
	}
	opts, err := checkOptionsFrom(cfg, &copts)
	if err != nil {
		return nil, err
	}
	return check.Check(in.path, in.data, in.format, refs, opts)
}

func printAdded(a *App, arts []*store.Article, existed []bool, format string) error {
	if format == "json" {
		out := make([]articleJSON, len(arts))
		for i, art := range arts {
			out[i] = toArticleJSON(art)
			out[i].Action = addAction(existed[i])
		}
		return writeJSON(a.Out, out)
	}
	for i, art := range arts {
		claims, unsupported, findings := articleCounts(art)
		fmt.Fprintf(a.Out, "%s %s: %d %s, %d unsupported, %d %s\n", addAction(existed[i]), art.ID,
			claims, plural(claims, "claim", "claims"), unsupported, findings, plural(findings, "finding", "findings"))
	}
	return nil
}

func addAction(existed bool) string {
	if existed {
		return "updated"
	}
	return "added"
}

package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/config"
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/store"
)

func newArticlesCmd(a *App) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "articles",
		Short: "List the articles kept in the library ('evident add')",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			st, _, err := a.openRead()
			if err != nil {
				return err
			}
			var arts []*store.Article
			err = st.EachArticle(func(art *store.Article) error {
				// The list needs no sources; let them go.
				art.Source = nil
				arts = append(arts, art)
				return nil
			})
			st.Close() // before printing: a slow reader of the output must not hold up a writer
			if err != nil {
				return err
			}
			if format == "json" {
				out := make([]articleJSON, len(arts))
				for i, art := range arts {
					out[i] = toArticleJSON(art)
				}
				return writeJSON(a.Out, out)
			}
			width := 0
			if a.OutTTY {
				width = terminalWidth(a.Getenv)
			}
			return articlesTable(a.Out, arts, width)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	cmd.AddCommand(newArticlesRmCmd(a))
	return cmd
}

// articlesTable prints one aligned row per article. On a terminal, titles
// are cut to fit width; piped output keeps them whole.
func articlesTable(w io.Writer, arts []*store.Article, width int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tCLAIMS\tUNSUPPORTED\tFINDINGS\tCHECKED")
	for _, art := range arts {
		claims, unsupported, findings := articleCounts(art)
		title := art.Title
		if width > 0 {
			// ID, the counts and the date take about this much beside it.
			used := utf8.RuneCountInString(art.ID) + 6 + 11 + 8 + 10 + 5*2
			title = truncate(title, width-used)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%s\n", art.ID, title, claims, unsupported, findings,
			art.Checked.Local().Format(time.DateOnly))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d %s\n", len(arts), plural(len(arts), "article", "articles"))
	return err
}

// articleCounts returns an article's check-worthy claims, how many of
// them have no citation, and its findings.
func articleCounts(art *store.Article) (claims, unsupported, findings int) {
	if art.Report == nil {
		return 0, 0, 0
	}
	s := art.Report.Summary
	return s.Claims, s.Unsupported, len(art.Report.Findings)
}

// articleJSON is a stored article for machines, without its source and
// report (the full report is what 'evident check --format json' prints).
type articleJSON struct {
	ID          string         `json:"id"`
	Action      string         `json:"action,omitempty"` // add only: added or updated
	Path        string         `json:"path"`
	Title       string         `json:"title,omitempty"`
	Format      corpus.Format  `json:"format"`
	Checked     time.Time      `json:"checked"`
	Claims      int            `json:"claims"`
	Unsupported int            `json:"unsupported"`
	Findings    int            `json:"findings"`
	Refs        []string       `json:"refs"` // library keys the article cites
	Summary     *check.Summary `json:"summary,omitempty"`
}

func toArticleJSON(art *store.Article) articleJSON {
	claims, unsupported, findings := articleCounts(art)
	j := articleJSON{ID: art.ID, Path: art.Path, Title: art.Title, Format: art.Format, Checked: art.Checked,
		Claims: claims, Unsupported: unsupported, Findings: findings, Refs: nonNil(art.Refs)}
	if art.Report != nil {
		s := art.Report.Summary
		j.Summary = &s
	}
	return j
}

func newArticlesRmCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use:   "rm ID...",
		Short: "Remove articles from the library (all or none)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, loc, err := a.openWrite(false)
			if err != nil {
				return err
			}
			defer st.Close()
			changes, err := st.Update(func(tx *store.Tx) error {
				for _, id := range args {
					if err := tx.DeleteArticle(id); err != nil {
						if errors.Is(err, store.ErrNotFound) {
							return inputErr(fmt.Errorf("no stored article %q; nothing removed", id))
						}
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			// What was removed is said even when the index then fails.
			ixErr := a.syncIndex(cmd.Context(), st, loc, changes)
			n := len(changes.ArticlesDeleted)
			fmt.Fprintf(a.Out, "removed %d %s\n", n, plural(n, "article", "articles"))
			return ixErr
		},
	}
}

// recheckOptions is how stored articles are checked again when an import or
// a removal changes the references they cite: with the .evident.toml
// settings that apply where the article lives, as 'evident add' without
// flags would check it (defaults when those files cannot be read).
func recheckOptions() store.OptionsFor {
	return func(art *store.Article) check.Options {
		opts := checkOptions{}
		if cfg, err := config.Load(filepath.Dir(art.Path), check.Codes()); err == nil {
			if co, err := checkOptionsFrom(cfg, &opts); err == nil {
				return co
			}
		}
		return check.Options{Support: supporter}
	}
}

// reportRechecked says on standard error how many stored articles a write
// checked again.
func (a *App) reportRechecked(ids []string) {
	if n := len(ids); n > 0 {
		fmt.Fprintf(a.Err, "re-checked %d stored %s\n", n, plural(n, "article", "articles"))
	}
}

// nonNil makes an absent list print as [] in JSON, not null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

package main

import (
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/pipeline"
	"github.com/evident-tools/evident/store"
)

func newArticlesCmd(a *App) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use: "articles",
		Example: `  evident articles
  evident articles --format json`,
		Short: "List the articles kept in the library ('evident add')",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, _, err := a.openRead()
			if err != nil {
				return err
			}
			// The totals leave out the findings an editor has marked
			// (evident review).
			marks := map[string][]corpus.ReviewMark{}
			err = st.EachReview(func(id string, m corpus.ReviewMark) error {
				marks[id] = append(marks[id], m)
				return nil
			})
			if err != nil {
				st.Close()
				return err
			}
			var arts []articleRow
			err = st.EachArticle(func(art *store.Article) error {
				// The list needs no sources; let them go.
				art.Source = nil
				row, err := rowOf(art, marks[art.ID])
				arts = append(arts, row)
				return err
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
	formatFlag(cmd.Flags(), &format)
	cmd.AddCommand(newArticlesRmCmd(a))
	return cmd
}

// articlesTable prints one aligned row per article. On a terminal, titles
// are cut to fit width; piped output keeps them whole.
func articlesTable(w io.Writer, arts []articleRow, width int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tCLAIMS\tUNSUPPORTED\tFINDINGS\tCHECKED")
	for _, row := range arts {
		art := row.art
		claims, unsupported, findings := row.counts()
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
	_, err := fmt.Fprintf(w, "%d %s\n", len(arts), export.Plural(len(arts), "article", "articles"))
	return err
}

// articleRow is a stored article as the lists show it: with the counts of
// its last report.
type articleRow struct {
	art      *store.Article
	summary  *corpus.Summary // nil when the article has no report
	findings int             // the findings no editor has marked
	reviewed int             // the findings an editor has marked (evident review)
}

func rowOf(art *store.Article, marks []corpus.ReviewMark) (articleRow, error) {
	rep, err := pipeline.Report(art)
	if err != nil || rep == nil {
		return articleRow{art: art}, err
	}
	return newArticleRow(art, rep, marks), nil
}

// newArticleRow is the row of an article and its report, counting apart
// the findings its review marks name: a finding an editor has checked or
// dismissed is no longer one to act on.
func newArticleRow(art *store.Article, rep *corpus.Report, marks []corpus.ReviewMark) articleRow {
	marked := make(map[string]bool, len(marks))
	for _, m := range marks {
		marked[m.Finding] = true
	}
	row := articleRow{art: art, summary: &rep.Summary}
	for i := range rep.Findings {
		if marked[rep.Findings[i].ID] {
			row.reviewed++
		} else {
			row.findings++
		}
	}
	return row
}

// counts returns the article's check-worthy claims, how many of them have
// no citation, and its findings.
func (r articleRow) counts() (claims, unsupported, findings int) {
	if r.summary == nil {
		return 0, 0, 0
	}
	return r.summary.Claims, r.summary.Unsupported, r.findings
}

// articleJSON is a stored article for machines, without its source and
// report (the full report is what 'evident check --format json' prints).
type articleJSON struct {
	ID          string          `json:"id"`
	Action      string          `json:"action,omitempty"` // add only: added, updated or moved
	Path        string          `json:"path"`
	AbsPath     string          `json:"abs_path,omitempty"`
	MovedFrom   string          `json:"moved_from,omitempty"` // the absolute path before the file last moved
	SHA256      string          `json:"sha256,omitempty"`
	Added       time.Time       `json:"added,omitzero"` // first stored; absent for articles stored before evident kept it
	Title       string          `json:"title,omitempty"`
	Format      corpus.Format   `json:"format"`
	Checked     time.Time       `json:"checked"`
	Claims      int             `json:"claims"`
	Unsupported int             `json:"unsupported"`
	Findings    int             `json:"findings"`           // not counting those reviewed
	Reviewed    int             `json:"reviewed,omitempty"` // findings an editor has marked (evident review)
	Refs        []string        `json:"refs"`               // library keys the article cites
	Summary     *corpus.Summary `json:"summary,omitempty"`
}

func toArticleJSON(row articleRow) articleJSON {
	art := row.art
	claims, unsupported, findings := row.counts()
	return articleJSON{ID: art.ID, Path: art.Path, AbsPath: art.AbsPath, MovedFrom: art.MovedFrom, SHA256: art.SHA256, Added: art.Added, Title: art.Title, Format: art.Format, Checked: art.Checked,
		Claims: claims, Unsupported: unsupported, Findings: findings, Reviewed: row.reviewed, Refs: nonNil(art.Refs),
		Summary: row.summary}
}

func newArticlesRmCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use: "rm ID...",
		Example: `  evident articles rm draft.md
  evident articles rm sugar-2026 old.md`,
		Short: "Remove articles from the library (all or none)",
		Long: `Remove the articles named, by id or by the path of their file from here
(x.md inside plos/ for plos/x.md). If one is not stored, none is removed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, loc, err := a.openWrite(false)
			if err != nil {
				return err
			}
			defer st.Close()
			changes, err := st.Update(func(tx *store.Tx) error {
				for _, name := range args {
					art, err := pipeline.Find(tx, name)
					if errors.Is(err, store.ErrNotFound) {
						return fmt.Errorf("no stored article %q; nothing removed", name)
					}
					if err != nil {
						return err
					}
					if err := tx.DeleteArticle(art.ID); err != nil {
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
			fmt.Fprintf(a.Out, "removed %d %s\n", n, export.Plural(n, "article", "articles"))
			return ixErr
		},
	}
}

// recheck checks again, in the transaction of a write that changed
// references, the stored articles the change concerns, with the settings
// that apply where each lives (pipeline.Recheck). An article whose
// .evident.toml cannot be read keeps its report, and a warning says why.
func (a *App) recheck(tx *store.Tx) ([]string, error) {
	ids, skipped, err := pipeline.Recheck(tx, pipeline.Options{})
	for _, e := range skipped {
		fmt.Fprintf(a.Err, "warning: %v\n", e)
	}
	return ids, err
}

// reportRechecked says on standard error how many stored articles a write
// checked again.
func (a *App) reportRechecked(ids []string) {
	if n := len(ids); n > 0 {
		fmt.Fprintf(a.Err, "re-checked %d stored %s\n", n, export.Plural(n, "article", "articles"))
	}
}

// nonNil makes an absent list print as [] in JSON, not null.
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

package main

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/pipeline"
	"github.com/evident-tools/evident/store"
)

func newCitesCmd(a *App) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use: "cites KEY",
		Example: `  evident cites wakefield1998
  evident cites --format json smith2019`,
		Short: "List the claims of stored articles that cite a reference",
		Long: `List every sentence of every article kept in the library ('evident add')
that cites the reference KEY: through the article's reference list, a DOI,
an author and year, or the key itself. A key no longer in the library (a
retracted work that was removed) is still looked for: citations that name it
by key ([@KEY], \cite{KEY}) are listed, marked dangling.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			key := args[0]
			st, _, err := a.openRead()
			if err != nil {
				return err
			}
			inLibrary, alias := true, ""
			if r, err := st.Find(key); errors.Is(err, store.ErrNotFound) {
				inLibrary = false
			} else if err != nil {
				st.Close()
				return err
			} else if r.Key != key {
				alias, key = key, r.Key
			}
			hits, err := citing(st, key)
			st.Close() // before printing: a slow reader of the output must not hold up a writer
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSON(a.Out, struct {
					Key       string    `json:"key"`
					InLibrary bool      `json:"in_library"`
					Claims    []citeHit `json:"claims"`
				}{key, inLibrary, hits})
			}
			if !inLibrary {
				fmt.Fprintf(a.Err, "note: %s is not in the library; looking for it in the stored articles anyway\n", key)
			}
			if alias != "" {
				fmt.Fprintf(a.Err, "note: %s is an alias of %s\n", alias, key)
			}
			return citesText(a.Out, key, hits)
		},
	}
	formatFlag(cmd.Flags(), &format)
	return cmd
}

// citeHit is one sentence of a stored article that cites the reference.
type citeHit struct {
	Article string             `json:"article"` // the stored article's id
	Path    string             `json:"path"`
	Line    int                `json:"line"`
	Claim   string             `json:"claim"` // the sentence's id in the article's report
	Text    string             `json:"text"`
	Status  corpus.ClaimStatus `json:"status"`
	Markers []string           `json:"markers"`
	// Citation is resolved when a marker resolved to the reference, else
	// the status of a marker that names it by key (dangling, unmatched).
	Citation corpus.CitationStatus `json:"citation"`
	// Evidence is what the reference's text says about the sentence, when
	// the article was checked with its text at hand.
	Evidence *corpus.Evidence `json:"evidence,omitempty"`
}

// citing finds the sentences of every stored article that cite key, in
// article id order and then line order.
func citing(st *store.Store, key string) ([]citeHit, error) {
	hits := []citeHit{}
	err := st.EachArticle(func(art *store.Article) error {
		rep, err := pipeline.Report(art)
		if err != nil || rep == nil {
			return err
		}
		for _, c := range rep.Claims {
			var h *citeHit
			for _, l := range c.Citations {
				resolved := l.Key != nil && *l.Key == key
				if !resolved && !(l.Kind == string(corpus.MarkerKey) && l.Cites == key) {
					continue
				}
				if h == nil {
					hits = append(hits, citeHit{Article: art.ID, Path: art.Path, Line: c.Line, Claim: c.ID,
						Text: c.Text, Status: c.Status, Markers: []string{}, Citation: l.Status})
					h = &hits[len(hits)-1]
				}
				if resolved {
					h.Citation = corpus.Resolved
					if h.Evidence == nil {
						h.Evidence = l.Evidence
					}
				}
				if !slices.Contains(h.Markers, l.Marker) {
					h.Markers = append(h.Markers, l.Marker)
				}
			}
		}
		return nil
	})
	return hits, err
}

func citesText(w io.Writer, key string, hits []citeHit) error {
	if len(hits) == 0 {
		_, err := fmt.Fprintf(w, "no stored article cites %s\n", key)
		return err
	}
	articles := map[string]bool{}
	for _, h := range hits {
		articles[h.Article] = true
		note := ""
		if h.Citation != corpus.Resolved {
			note = " (" + string(h.Citation) + ")"
		}
		fmt.Fprintf(w, "%s: %s%s\n", article.PositionsFor(h.Article).Place(h.Article, h.Line), h.Text, note)
		if h.Evidence != nil {
			fmt.Fprintf(w, "    %s\n", export.EvidenceLine(key, h.Evidence))
		}
	}
	n := len(articles)
	_, err := fmt.Fprintf(w, "%d %s in %d %s %s %s\n", len(hits), export.Plural(len(hits), "sentence", "sentences"),
		n, export.Plural(n, "article", "articles"), export.Plural(len(hits), "cites", "cite"), key)
	return err
}

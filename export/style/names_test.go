package style

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export/csl"
)

// Author lists whose initials are run together, as PubMed writes them
// ("Paglione, TAD"), keep each initial an initial through the CSL
// processor, and a name in capitals is a name.
func TestStyles_InitialsWrittenTogether(t *testing.T) {
	for _, tc := range []struct{ style, authors, want string }{
		// bibtex/bibtex-tidy-tests/PaglioneBibTeX.bib of the shared corpora
		{"vancouver", "Paglione, TAD and Tosaki, T. and Jackson, JM", "1. Paglione TAD, Tosaki T, Jackson JM."},
		{"vancouver", "SMITH, TOM", "1. SMITH T."},
		// bibtex/colrev-database-exports/google_scholar_result.bib
		{"mla", "Maidin, SS and Rahman, LA", "Maidin, S. S., and L. A. Rahman."},
	} {
		s, err := Open(tc.style, Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Run(tc.style+" "+tc.authors, func(t *testing.T) {
			names, _ := bibtex.ParseNames(tc.authors)
			var ns []csl.Name
			for _, n := range names {
				ns = append(ns, csl.Name{Family: n.Last, Given: n.First})
			}
			item := csl.Item{ID: "k", Type: "article-journal", Title: "A title", ContainerTitle: "J Test",
				Author: ns, Issued: &csl.Date{DateParts: [][]int{{2020}}}}
			entries := format(t, s, []csl.Item{item})
			if got := s.Text(entries[0]); !strings.HasPrefix(got, tc.want) {
				t.Errorf("%q gives %q, want it to begin %q", tc.authors, got, tc.want)
			}
		})
	}
}

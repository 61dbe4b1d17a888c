package style

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export/csl"
)

// TestFormatNames_InitialsWrittenTogether reads author lists of the shared
// corpora whose initials are run together, as PubMed writes them
// ("Paglione, TAD"), and checks that each initial is an initial.
func TestFormatNames_InitialsWrittenTogether(t *testing.T) {
	for _, tc := range []struct {
		source, authors string
		style           string
		opts            nameOpts
		want            string
	}{
		{"bibtex/colrev-database-exports/google_scholar_result.bib", "Maidin, SS and Rahman, LA", "mla", mlaNames,
			"Maidin, S. S., and L. A. Rahman"},
	} {
		t.Run(tc.style+" "+tc.authors, func(t *testing.T) {
			names, _ := bibtex.ParseNames(tc.authors)
			var ns []csl.Name
			for _, n := range names {
				ns = append(ns, csl.Name{Family: n.Last, Given: n.First})
			}
			if got := formatNames(ns, tc.opts); got != tc.want {
				t.Errorf("%s: %q\n got %q\nwant %q", tc.source, tc.authors, got, tc.want)
			}
		})
	}
}

// Vancouver runs through the CSL processor: its author lists keep
// initials written together as initials, and a name in capitals is a
// name.
func TestVancouver_InitialsWrittenTogether(t *testing.T) {
	s, err := Open("vancouver", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ authors, want string }{
		// bibtex/bibtex-tidy-tests/PaglioneBibTeX.bib of the shared corpora
		{"Paglione, TAD and Tosaki, T. and Jackson, JM", "1. Paglione TAD, Tosaki T, Jackson JM."},
		{"SMITH, TOM", "1. SMITH T."},
	} {
		t.Run(tc.authors, func(t *testing.T) {
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

package style

import (
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
		{"bibtex/bibtex-tidy-tests/PaglioneBibTeX.bib", "Paglione, TAD and Tosaki, T. and Jackson, JM", "vancouver", vancouverNames,
			"Paglione TAD, Tosaki T, Jackson JM"},
		{"bibtex/colrev-database-exports/google_scholar_result.bib", "Maidin, SS and Rahman, LA", "mla", mlaNames,
			"Maidin, S. S., and L. A. Rahman"},
		// A name written all in capitals is a name, not initials.
		{"", "SMITH, TOM", "vancouver", vancouverNames, "SMITH T"},
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

package importer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/evident-tools/evident/importer"
)

// TestParse_PubMedByContentAndExtension: MEDLINE is told by a PMID- line
// or its extension, PubMed XML by its root element whatever the file is
// called, and XML of no known kind is refused rather than read as BibTeX.
func TestParse_PubMedByContentAndExtension(t *testing.T) {
	const nbib = "PMID- 9500320\nTI  - Ileal-lymphoid-nodular hyperplasia.\nFAU - Wakefield, Andrew J\nDP  - 1998 Feb 28\n"
	const eric = "OWN - ERIC\nTI  - Paper title\nAU  - Smith, Tom\nDP  - 2000\n"
	const xml = `<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "pubmed.dtd">
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>9500320</PMID><Article><ArticleTitle>From XML</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>`
	for _, tc := range []struct {
		file, data, title string
	}{
		{"a.txt", nbib, "Ileal-lymphoid-nodular hyperplasia."},
		{"eric.nbib", eric, "Paper title"},
		{"efetch.xml", xml, "From XML"},
		{"stdin", xml, "From XML"},
	} {
		refs, sum, err := importer.Parse(context.Background(), []importer.Input{{Name: tc.file, R: strings.NewReader(tc.data)}}, nil)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if len(refs) != 1 || refs[0].Title != tc.title || sum.Rejected != 0 {
			t.Errorf("%s: read %d references, %d rejected %v", tc.file, len(refs), sum.Rejected, sum.Problems)
		}
	}
	for _, name := range []string{"other.xml", "stdin"} {
		_, _, err := importer.Parse(context.Background(), []importer.Input{{Name: name, R: strings.NewReader(`<?xml version="1.0"?><rss><channel/></rss>`)}}, nil)
		if err == nil || !strings.Contains(err.Error(), "root element <rss>") {
			t.Errorf("%s: unknown XML gives error %v", name, err)
		}
	}
}

package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestReports_RealLaTeXPaper renders the reports of a real preprint (LaTeX,
// \cite keys into a 197-entry .bib) from the shared corpora.
func TestReports_RealLaTeXPaper(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpora", "articles", "latex-fail-paper")
	if _, err := os.Stat(filepath.Join(dir, "fail.tex")); err != nil {
		t.Skipf("shared corpora not found at %s (they sit beside the checkout in CI): %v", dir, err)
	}
	// A low claim threshold flags what a draft's long report would: the
	// paper itself leaves too few findings to fold since issue 16.
	a := checkFilesAt(t, filepath.Join(dir, "fail.tex"), filepath.Join(dir, "digilat.bib"), 0.05)
	rep := a.Report
	if len(rep.Claims) < 100 || len(rep.Findings) <= htmlFindingsShown {
		t.Fatalf("the paper has %d sentences and %d findings; the test wants a long report", len(rep.Claims), len(rep.Findings))
	}
	doc := parseHTML(t, renderHTML(t, []ReportArticle{a}, nil))
	ids := byID(doc)
	for _, c := range rep.Claims {
		el := ids["s-"+strings.TrimPrefix(c.ID, "c")]
		if el == nil || sentenceText(el) != c.Text {
			t.Fatalf("sentence %s is missing or reads differently", c.ID)
		}
	}
	var details, headings, libRefs int
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch {
		case n.Data == "details":
			details++
		case n.Data == "h4":
			headings++
		case n.Data == "li" && strings.HasPrefix(mustAttrOr(n, "id"), "lib-"):
			libRefs++
		}
	})
	if details != 1 {
		t.Errorf("%d <details>; a long findings list should fold into one", details)
	}
	if headings < 5 {
		t.Errorf("%d section headings shown, want the paper's sections", headings)
	}
	// The paper cites by key and has no list of its own: what it cites is
	// listed from the library.
	if libRefs == 0 || len(rep.References) != 0 {
		t.Errorf("%d library references listed, %d list entries", libRefs, len(rep.References))
	}

	md := renderMarkdown(t, rep)
	if !strings.Contains(md, "<summary>") || strings.Count(md, "\n| ") < htmlFindingsShown {
		t.Errorf("the Markdown report of %d findings does not fold", len(rep.Findings))
	}
}

func mustAttrOr(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}

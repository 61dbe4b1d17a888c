package export

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/importer"
)

// checkFiles checks an article against a BibTeX file the way
// 'evident check --bib --no-support' does: the example library holds
// titles only, so the evidence stage would add nothing but no-source-text.
func checkFiles(t testing.TB, articlePath, bibPath string) ReportArticle {
	t.Helper()
	return checkFilesAt(t, articlePath, bibPath, 0)
}

// checkFilesAt checks as checkFiles does with a claim threshold (0 for the
// default).
func checkFilesAt(t testing.TB, articlePath, bibPath string, threshold float64) ReportArticle {
	t.Helper()
	return checkFilesWith(t, articlePath, bibPath, check.Options{Scope: check.ScopeSentence, ClaimThreshold: threshold})
}

// checkFilesWith checks as checkFiles does with opts.
func checkFilesWith(t testing.TB, articlePath, bibPath string, opts check.Options) ReportArticle {
	t.Helper()
	refs, _, err := importer.Parse(context.Background(), []importer.Input{{Name: bibPath}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	format, err := article.DetectFormat(articlePath)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := article.Read(articlePath, data, format)
	if err != nil {
		t.Fatal(err)
	}
	return ReportArticle{Report: check.CheckDocument(doc, refs, opts), Doc: doc}
}

func exampleArticle(t testing.TB) ReportArticle {
	return checkFiles(t, filepath.Join("..", "examples", "back-pain.md"), filepath.Join("..", "examples", "back-pain.bib"))
}

func hostileArticles(t testing.TB) []ReportArticle {
	dir := filepath.Join("testdata", "hostile")
	// With the evidence stage, so that every report quotes each cited
	// claim (its evidence section) as well as the uncited ones.
	opts := check.Options{Scope: check.ScopeSentence, Evidence: &check.Evidence{}}
	return []ReportArticle{
		checkFilesWith(t, filepath.Join(dir, "hostile.txt"), filepath.Join(dir, "hostile.bib"), opts),
		checkFilesWith(t, filepath.Join(dir, "hostile.md"), filepath.Join(dir, "hostile.bib"), opts),
	}
}

// hostileRefs are formatted references that break the styles' promise of
// safe HTML, as a buggy or compromised style might.
func hostileRefs() []FormattedRef {
	return []FormattedRef{
		{Key: "evil2020", Label: `"><img src=x onerror=alert(1)>`, HTML: `Evil E. <i>Aspirin</i> <script>alert(20)</script><img src=x onerror=alert(21)>` +
			`<a href="javascript:alert(22)">click</a> <a href=" JaVaScRiPt:alert(23)">again</a> <a href="data:text/html,x">data</a>` +
			`<a href="https://doi.org/10.1/x" onclick="alert(24)">https://doi.org/10.1/x</a> <iframe src="https://example.org"></iframe>` +
			`<style>body{display:none}</style><span style="color:red" class="nocase">ok</span> <svg><script>alert(25)</script></svg>` +
			"<b title=\"x\u2028y\">bold</b> <!-- ]]> --></textarea>"},
		{Key: "other2019", Label: "Smith 2019", HTML: `Smith J. (2019). <i>Exercise and falls</i>. <a href="https://doi.org/10.1000/x%22onmouseover">link</a>`},
	}
}

func parseHTML(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("the page does not parse: %v", err)
	}
	return doc
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

// textOf is an element's text as a browser's textContent gives it.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// sentenceText is a marked sentence's text without the screen-reader
// label the page adds to it.
func sentenceText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && hasClass(c, "sr") {
			continue
		}
		b.WriteString(textOf(c))
	}
	return b.String()
}

func byID(doc *html.Node) map[string]*html.Node {
	ids := map[string]*html.Node{}
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode {
			if id, ok := attr(n, "id"); ok {
				ids[id] = n
			}
		}
	})
	return ids
}

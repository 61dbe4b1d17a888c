package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"golang.org/x/net/html"
)

func renderHTML(t *testing.T, arts []ReportArticle, refs []FormattedRef) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := CheckHTML(&buf, arts, refs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestCheckHTML_HostileTextStaysText(t *testing.T) {
	arts := hostileArticles(t)
	page := renderHTML(t, arts, hostileRefs())
	doc := parseHTML(t, page)

	var scripts, styles []*html.Node
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script":
			scripts = append(scripts, n)
		case "style":
			styles = append(styles, n)
		case "input":
			// The evidence filter's own radio buttons, and nothing else.
			if typ, _ := attr(n, "type"); typ != "radio" || !strings.Contains(mustAttr(t, n, "name"), "-vf") {
				t.Errorf("the page holds an injected <input> element")
			}
		case "img", "iframe", "object", "embed", "textarea", "svg", "math", "form", "base", "link", "frame", "template":
			t.Errorf("the page holds an injected <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("<%s> has an event handler attribute %s=%q", n.Data, a.Key, a.Val)
			}
			switch strings.ToLower(a.Key) {
			case "href", "src", "action", "formaction", "xlink:href", "srcset":
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:") {
					t.Errorf("<%s %s=%q> points at a script", n.Data, a.Key, a.Val)
				}
			case "style":
				t.Errorf("<%s> carries a style attribute %q", n.Data, a.Val)
			}
		}
	})
	if len(scripts) != 1 {
		t.Fatalf("the page has %d <script> elements, want exactly ours", len(scripts))
	}
	if len(styles) != 1 {
		t.Errorf("the page has %d <style> elements, want exactly ours", len(styles))
	}
	// Ours: its hash is the one the policy allows.
	body := textOf(scripts[0])
	sum := sha256.Sum256([]byte(body))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	var csp string
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "meta" {
			if v, _ := attr(n, "http-equiv"); strings.EqualFold(v, "Content-Security-Policy") {
				csp, _ = attr(n, "content")
			}
		}
	})
	for _, want := range []string{"default-src 'none'", "style-src 'unsafe-inline'", "script-src " + hash, "base-uri 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}

	// Every sentence reads exactly as the article has it, hostile markup
	// and all, as text.
	ids := byID(doc)
	for n, a := range arts {
		prefix := ""
		if n > 0 {
			prefix = "a2-"
		}
		for _, c := range a.Report.Claims {
			id := prefix + "s-" + strings.TrimPrefix(c.ID, "c")
			el, ok := ids[id]
			if !ok {
				t.Errorf("%s: no element for sentence %s", a.Report.Article.Path, id)
				continue
			}
			if got := sentenceText(el); got != c.Text {
				t.Errorf("%s: sentence %s reads %q, want %q", a.Report.Article.Path, id, got, c.Text)
			}
		}
	}
	text := textOf(doc)
	for _, s := range []string{
		`<script>alert(1)</script>`, `"><img src=x onerror=alert(3)>`, `</textarea>`, `<!-- an open comment`, `]]>`,
		`<iframe src="javascript:alert(2)"></iframe>`, `<style>body{display:none}</style>`,
		`onclick="alert(5)"`, "Hostile <script>alert('title')</script>\u2028article",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("the page's text lacks %q", s)
		}
	}
	// The formatted references kept their safe markup and lost the rest.
	for _, s := range []string{`<i>Aspirin</i>`, `<a href="https://doi.org/10.1/x" rel="noopener noreferrer">`, `<span class="nocase">ok</span>`, `<b>bold</b>`} {
		if !bytes.Contains(page, []byte(s)) {
			t.Errorf("the page lacks the formatted reference's %s", s)
		}
	}
}

func TestSanitizeRefHTML(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`Smith J. <i>Title</i>.`, `Smith J. <i>Title</i>.`},
		{`a &lt;b&gt; &amp; c`, `a &lt;b&gt; &amp; c`},
		{`<script>alert(1)</script>x`, `x`},
		{`<img src=x onerror=alert(1)>y`, `y`},
		{`<a href="javascript:alert(1)">z</a>`, `z`},
		{`<a href="https://doi.org/10.1/x" onclick="f()">d</a>`, `<a href="https://doi.org/10.1/x" rel="noopener noreferrer">d</a>`},
		{`<a href="https://a.org/"><a href="https://b.org/">nested</a></a>`, `<a href="https://a.org/" rel="noopener noreferrer"></a><a href="https://b.org/" rel="noopener noreferrer">nested</a>`},
		{`<div><p>block</p></div>`, `block`},
		{`<span style="x" class="nocase">n</span>`, `<span class="nocase">n</span>`},
		{`</textarea><!-- ]]>`, ``},
		{`x"><b>y</b>`, `x&#34;&gt;<b>y</b>`},
	} {
		if got := string(sanitizeRefHTML(tc.in)); got != tc.want {
			t.Errorf("sanitizeRefHTML(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCheckHTML_ExampleMarksEverySentence(t *testing.T) {
	a := exampleArticle(t)
	rep := a.Report
	page := renderHTML(t, []ReportArticle{a}, []FormattedRef{{Key: "williams2014paracetamol", Label: "Williams et al. 2014", HTML: "Williams CM. <i>Lancet</i>."}})
	doc := parseHTML(t, page)
	ids := byID(doc)

	marks := map[string]int{}
	statuses := map[string]int{}
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && hasClass(n, "s") {
			if id, _ := attr(n, "id"); id == "" {
				return // the legend
			}
			m, _ := attr(n, "data-status")
			s, _ := attr(n, "data-check")
			marks[m]++
			statuses[s]++
			if tab, _ := attr(n, "tabindex"); tab != "0" {
				t.Errorf("sentence %s is not focusable", textOf(n))
			}
			if !hasClass(n, m) {
				t.Errorf("sentence marked %s lacks the class", m)
			}
		}
	})
	// The check's own statuses, one for one.
	if statuses["supported"] != rep.Summary.Supported || statuses["unsupported"] != rep.Summary.Unsupported ||
		statuses["not-a-claim"] != rep.Summary.Sentences-rep.Summary.Claims {
		t.Errorf("data-check counts %v, want the summary's %+v", statuses, rep.Summary)
	}
	// The page's marks follow the check's statuses: one meaning of
	// supported in every format.
	want := countMarks(rep)
	if marks[markSupported] != want.Supported || marks[markUnsupported] != want.Unsupported || marks[markNotClaim] != want.NotClaim {
		t.Errorf("marks %v, want %+v", marks, want)
	}
	if want.Supported != rep.Summary.Supported || want.Unsupported != rep.Summary.Unsupported {
		t.Errorf("marks %+v, want the summary's %+v", want, rep.Summary)
	}
	// The example: 7 supported claims, of which the two citing entries
	// the library lacks (5, 7) are flagged.
	if want.Supported != 7 || want.Unsupported != 7 || want.NotClaim != 9 {
		t.Errorf("example marks %+v, want 7 supported, 7 unsupported, 9 not a claim", want)
	}
	unmatched := ids["s-"+strings.TrimPrefix(claimWith(t, rep, "Staying active").ID, "c")]
	if m, _ := attr(unmatched, "data-status"); m != markSupported || !hasClass(unmatched, "flagged") {
		t.Errorf("the claim citing an unmatched entry is marked %s, flagged %v; want supported and flagged", m, hasClass(unmatched, "flagged"))
	}
	if d := ids[mustAttr(t, unmatched, "id")+"-d"]; d == nil || !strings.Contains(textOf(d), "7 in (7) is not in the library") ||
		!strings.Contains(textOf(d), "Claim score") {
		t.Errorf("the details of the claim citing an unmatched entry lack why it is flagged or the score")
	}

	// Every finding links to an element of the page.
	n := 0
	walk(doc, func(el *html.Node) {
		if el.Type == html.ElementNode && el.Data == "a" && el.Parent != nil && el.Parent.Parent != nil && hasClass(el.Parent.Parent, "findings") {
			n++
			href, _ := attr(el, "href")
			if ids[strings.TrimPrefix(href, "#")] == nil {
				t.Errorf("finding link %q points at nothing", href)
			}
		}
	})
	if n != len(rep.Findings) {
		t.Errorf("%d finding links, want %d", n, len(rep.Findings))
	}

	// The reference list marks the unmatched, mismatched and uncited.
	for id, tag := range map[string]string{"ref-5": "identifier mismatch", "ref-7": "unmatched", "ref-8": "uncited", "ref-1": "matched by doi"} {
		el := ids[id]
		if el == nil || !strings.Contains(textOf(el), tag) {
			t.Errorf("%s is not tagged %q", id, tag)
		}
	}
	// Headings, list items and paragraphs as the reader found them.
	var headings int
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "h4" {
			headings++
		}
	})
	if headings != 4 {
		t.Errorf("%d article headings, want 4 (title, Paracetamol, Anti-inflammatory drugs, Exercise)", headings)
	}
}

func TestCheckHTML_SeveralArticlesHaveDistinctIDs(t *testing.T) {
	a := exampleArticle(t)
	page := renderHTML(t, []ReportArticle{a, a}, nil)
	doc := parseHTML(t, page)
	seen := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode {
			if id, ok := attr(n, "id"); ok {
				if seen[id] {
					t.Errorf("id %q is used twice", id)
				}
				seen[id] = true
			}
		}
	})
	if !seen["s-1"] || !seen["a2-s-1"] || !seen["a1"] || !seen["a2"] {
		t.Errorf("want s-1 in the first article and a2-s-1 in the second")
	}
}

func TestCheckHTML_WithoutDocumentShowsSentences(t *testing.T) {
	rep := &corpus.Report{Article: corpus.ArticleInfo{Path: "x.md"}, Claims: []corpus.Claim{
		{ID: "c1", Text: "One <b>.", Status: "not-a-claim"}, {ID: "c2", Text: "Two.", Status: "unsupported"}}}
	doc := parseHTML(t, renderHTML(t, []ReportArticle{{Report: rep}}, nil))
	ids := byID(doc)
	if ids["s-1"] == nil || sentenceText(ids["s-1"]) != "One <b>." || ids["s-2"] == nil {
		t.Errorf("sentences missing without the document")
	}
}

func claimWith(t *testing.T, rep *corpus.Report, prefix string) *corpus.Claim {
	t.Helper()
	for i := range rep.Claims {
		if strings.HasPrefix(rep.Claims[i].Text, prefix) {
			return &rep.Claims[i]
		}
	}
	t.Fatalf("no claim starts with %q", prefix)
	return nil
}

func mustAttr(t *testing.T, n *html.Node, key string) string {
	t.Helper()
	if n == nil {
		t.Fatalf("no element")
	}
	v, ok := attr(n, key)
	if !ok {
		t.Fatalf("<%s> has no %s", n.Data, key)
	}
	return v
}

func BenchmarkCheckHTML_Example(b *testing.B) {
	a := exampleArticle(b)
	refs := []FormattedRef{{Key: "williams2014paracetamol", Label: "Williams et al. 2014", HTML: "Williams CM. <i>Lancet</i>."}}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := CheckHTML(&buf, []ReportArticle{a}, refs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/page")
}

// FuzzSanitizeRefHTML: whatever a style hands over, what comes out parses
// to allowed inline elements only, without handlers or script addresses.
func FuzzSanitizeRefHTML(f *testing.F) {
	for _, s := range []string{`Smith J. <i>T</i>.`, `<a href="javascript:x">y</a>`, `<script>alert(1)</script>`,
		`<svg><a href="https://x.org" onclick=1>z</a></svg>`, `<span class="nocase">a</span><!--`, `<a href=https://a><b>x</a></b>`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := string(sanitizeRefHTML(in))
		doc := parseHTML(t, []byte("<!DOCTYPE html><body><div>"+out+"</div>"))
		walk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			switch n.Data {
			case "html", "head", "body", "div":
				return
			}
			if !inlineAllowed[n.DataAtom] {
				t.Fatalf("sanitizeRefHTML(%q) = %q holds <%s>", in, out, n.Data)
			}
			for _, a := range n.Attr {
				switch {
				case a.Key == "href" && safeHref(a.Val), a.Key == "rel" && n.Data == "a", a.Key == "class" && n.Data == "span":
				default:
					t.Fatalf("sanitizeRefHTML(%q) = %q keeps %s=%q on <%s>", in, out, a.Key, a.Val, n.Data)
				}
			}
		})
	})
}

// TestCheckHTML_FilterQuietsSentencesItLeavesOut: under --severity error an
// unsupported sentence whose only finding is a warning keeps its status
// but loses its colour (class "filtered"); one with a listed error keeps
// both.
func TestCheckHTML_FilterQuietsSentencesItLeavesOut(t *testing.T) {
	rep := &corpus.Report{Article: corpus.ArticleInfo{Path: "x.md"},
		Claims: []corpus.Claim{
			{ID: "c1", Text: "Sugar causes 40% of cavities.", Status: "unsupported"},
			{ID: "c2", Text: "Salt raises blood pressure (3).", Status: "unsupported"}},
		Findings: []corpus.Finding{
			{Code: "dangling-citation", Severity: corpus.Error, Claim: "c2", Message: "(3) points nowhere"},
			{Code: "uncited-claim", Severity: corpus.Warning, Claim: "c1", Message: "no source"}}}
	var buf bytes.Buffer
	if err := checkHTML(&buf, []ReportArticle{{Report: rep}}, nil, corpus.FindingFilter{MinSeverity: corpus.Error}); err != nil {
		t.Fatal(err)
	}
	ids := byID(parseHTML(t, buf.Bytes()))
	if class := mustAttr(t, ids["s-1"], "class"); !strings.Contains(class, "unsupported") || !strings.Contains(class, "filtered") {
		t.Errorf("the sentence of the warning left out has class %q, want unsupported and filtered", class)
	}
	if class := mustAttr(t, ids["s-2"], "class"); strings.Contains(class, "filtered") {
		t.Errorf("the sentence of the listed error has class %q, want it unfiltered", class)
	}
}

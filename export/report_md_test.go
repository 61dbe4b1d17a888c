package export

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

func renderMarkdown(t *testing.T, reps ...*corpus.Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := CheckMarkdown(&buf, reps); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// markdownToHTML renders Markdown as GitHub does (GFM, raw HTML allowed,
// which GitHub then sanitises) so a test sees what a reader would.
func markdownToHTML(t *testing.T, md string) *html.Node {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	return parseHTML(t, out.Bytes())
}

func TestCheckMarkdown_Example(t *testing.T) {
	md := renderMarkdown(t, exampleArticle(t).Report)
	for _, want := range []string{
		"### evident: ../examples/back-pain.md\n",
		"**1 citation points nowhere; 1 reference carries another work's DOI or PMID; 3 high-scoring claims have no source (6 in all); 2 more findings**\n",
		"**2 errors, 8 warnings, 0 info** · 23 sentences, 14 claims: 7 supported, 7 unsupported · 9 citations: 6 resolved, 1 dangling, 2 unmatched · 8 reference list entries, 1 never cited\n",
		"By kind: `uncited-claim` 6, `dangling-citation` 1, `identifier-mismatch` 1, `uncited-reference` 1, `unmatched-reference` 1\n",
		"| Severity | Line | Code | Finding | Sentence | ID |\n|---|--:|---|---|---|---|\n",
		// The last cell is the finding id's hash: what 'evident review' takes.
		"| ❌ error | 22 | `dangling-citation` | (9): number 9 is beyond the end of the reference list (8 entries) | “Even short courses of NSAIDs were linked to a higher risk of myocardial…” | `",
		"| ⚠️ warning | 14 | `uncited-claim` | claim with no citation (score 0.95; comparison 'than'; states a fact about 'Paracetamol') | “Paracetamol is also thought to be gentler on the stomach than other painkillers.” | `",
		"| ⚠️ warning | 47 | `uncited-reference` | reference 8 is never cited in the text |  | `",
		"#### Unsupported claims (7)\n",
		// A claim whose only citation dangles is unsupported, and its one
		// finding is the dangling citation, not an uncited claim too.
		"- line 22: “Even short courses of NSAIDs were linked to a higher risk of myocardial infarction in real-world use (9).” — its only citations dangle",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q\n%s", want, md)
		}
	}
	if strings.Contains(md, "<details>") {
		t.Errorf("10 findings should not fold")
	}
	doc := markdownToHTML(t, md)
	var tables, rows int
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "table" {
			tables++
		}
		if n.Type == html.ElementNode && n.Data == "tr" {
			rows++
		}
	})
	if tables != 1 || rows != 11 {
		t.Errorf("rendered: %d tables, %d rows; want 1 table of 10 findings and a header", tables, rows)
	}
}

func TestCheckMarkdown_HostileTextStaysText(t *testing.T) {
	arts := hostileArticles(t)
	reps := []*corpus.Report{arts[0].Report, arts[1].Report}
	md := renderMarkdown(t, reps...)
	doc := markdownToHTML(t, md)
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "html", "head", "body", "h3", "h4", "p", "strong", "em", "code", "table", "thead", "tbody", "tr", "th", "td", "ul", "li":
		default:
			t.Errorf("the rendered report holds a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			if a.Key != "style" || n.Data != "th" && n.Data != "td" { // GFM's column alignment
				t.Errorf("<%s> has an attribute %s=%q", n.Data, a.Key, a.Val)
			}
		}
	})
	text := textOf(doc)
	for _, s := range []string{
		`<script>alert('title')</script>`, `</textarea>`, `<!-- an open comment`, `]]>`, `"> reduce pain`,
		`link | pipe |`, "code <b> stars under", `[@`,
	} {
		if !strings.Contains(text, s) {
			t.Errorf("the rendered report's text lacks %q", s)
		}
	}
	if strings.Contains(text, "@someone") {
		t.Errorf("an @ stays a mention")
	}
	if !strings.Contains(text, "@\u200bsomeone") {
		t.Errorf("the @ lost its text")
	}
	// Every table row still has its cells, as many as its table's header
	// (six for findings, five for evidence): no pipe in the text split one.
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode || n.Data != "table" {
			return
		}
		want := -1
		walk(n, func(r *html.Node) {
			if r.Type != html.ElementNode || r.Data != "tr" {
				return
			}
			cells := 0
			for c := r.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					cells++
				}
			}
			if want < 0 {
				want = cells
			}
			if cells != want {
				t.Errorf("a row has %d cells, its header %d: %q", cells, want, textOf(r))
			}
		})
	})
}

func TestCheckMarkdown_LongTablesFold(t *testing.T) {
	rep := &corpus.Report{Article: corpus.ArticleInfo{Path: "long.md"}}
	for i := 1; i <= 25; i++ {
		id := fmt.Sprintf("c%d", i)
		rep.Claims = append(rep.Claims, corpus.Claim{ID: id, Line: i, Text: fmt.Sprintf("Claim %d doubled the risk.", i), Status: "unsupported"})
		rep.Findings = append(rep.Findings, corpus.Finding{Code: check.CodeUncitedClaim, Severity: corpus.Warning, Line: i, Claim: id, Message: "claim with no citation"})
	}
	rep.Summary.Warnings = 25
	md := renderMarkdown(t, rep)
	for _, want := range []string{"<details>\n<summary>5 more findings</summary>\n\n| Severity |", "<summary>5 more unsupported claims</summary>", "\n</details>\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q\n%s", want, md)
		}
	}
	doc := markdownToHTML(t, md)
	var details, rows int
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "details" {
			details++
		}
		if n.Type == html.ElementNode && n.Data == "td" && textOf(n) == "⚠️ warning" {
			rows++
		}
	})
	if details != 2 || rows != 25 {
		t.Errorf("rendered: %d <details>, %d finding rows; want 2 and 25", details, rows)
	}
}

func TestMdEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain words, 20% (3).", "plain words, 20% (3)."},
		{"a|b", `a\|b`},
		{"`x` *y* _z_", "\\`x\\` \\*y\\* \\_z\\_"},
		{"<script>", `\<script\>`},
		{"[a](javascript:x)", `\[a\](javascript:x)`},
		{"two\nlines\u2028here", "two lines here"},
		{"&amp; ~~s~~ $x$", `\&amp; \~\~s\~\~ \$x\$`},
		{`back\slash`, `back\\slash`},
		{"@user", "@\u200buser"},
	} {
		if got := mdEscape(tc.in); got != tc.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

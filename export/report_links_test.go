package export

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/evident-tools/evident/corpus"
)

// linkedReport is a report whose citations are links: one resolved to the
// library, one external whose text and address try to be markup.
func linkedReport() *corpus.Report {
	key := "ioannidis2005why"
	return &corpus.Report{
		Article: corpus.ArticleInfo{Path: "draft.md"},
		Claims: []corpus.Claim{{ID: "c1", Line: 3, Text: "Most findings are false.", Status: corpus.Supported,
			Citations: []corpus.CitationLink{{Kind: corpus.LinkKind, Cites: "L1", Key: &key, Status: corpus.Resolved}}}},
		Summary: corpus.Summary{Sentences: 2, Citations: 2, Resolved: 1, External: 1},
		LinkSources: []corpus.ListRef{
			{Label: "L1", Text: "a 2005 analysis", URL: "https://doi.org/10.1371/journal.pmed.0020124", Line: 3, Key: &key, Cited: true},
			{Label: "L2", Text: "a *report* <b>here</b>", URL: "https://evil.example/`x`?a=<b>", Line: 5, Cited: true},
		},
	}
}

func TestCheckMarkdown_SummaryCountsExternalAndListsLinkSources(t *testing.T) {
	md := renderMarkdown(t, linkedReport())
	for _, want := range []string{
		"2 citations: 1 resolved, 0 dangling, 0 unmatched, 1 external · ",
		"#### Linked sources (2)\n\n",
		"- L1, line 3: a 2005 analysis — `https://doi.org/10.1371/journal.pmed.0020124` (library: `ioannidis2005why`)\n",
		"- L2, line 5: a \\*report\\* \\<b\\>here\\</b\\> — `` https://evil.example/`x`?a=<b> `` (not in the library)\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q\n%s", want, md)
		}
	}
	doc := markdownToHTML(t, md)
	walk(doc, func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "a" || n.Data == "b" || n.Data == "em") {
			t.Errorf("the rendered report holds a <%s> element", n.Data)
		}
	})
	if text := textOf(doc); !strings.Contains(text, "https://evil.example/`x`?a=<b>") {
		t.Errorf("the address lost its text:\n%s", text)
	}
}

func TestCheckMarkdown_NoExternalCountWithoutLinks(t *testing.T) {
	rep := linkedReport()
	rep.Summary.External, rep.LinkSources = 0, nil
	md := renderMarkdown(t, rep)
	if strings.Contains(md, "external") || strings.Contains(md, "Linked sources") {
		t.Errorf("a report without links mentions them:\n%s", md)
	}
}

func TestCheckHTML_SummaryCountsExternal(t *testing.T) {
	out := string(renderHTML(t, []ReportArticle{{Report: linkedReport()}}, nil))
	if !strings.Contains(out, "2</b> citations: 1 resolved, 0 dangling, 0 unmatched, 1 external</li>") {
		t.Errorf("the summary lacks the external count:\n%s", out)
	}
}

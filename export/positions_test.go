package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// TestReports_ParagraphPositionsSayParagraph: a Word document has no lines,
// and every report names its paragraphs as such.
func TestReports_ParagraphPositionsSayParagraph(t *testing.T) {
	rep := &corpus.Report{
		Article: corpus.ArticleInfo{Path: "draft.docx", Format: corpus.DOCX, Positions: corpus.PositionsParagraphs},
		Claims:  []corpus.Claim{{ID: "c1", Line: 12, Paragraph: 12, Text: "Coffee doubles cancer risk.", Status: corpus.Unsupported}},
		Findings: []corpus.Finding{{Code: "uncited-claim", Severity: corpus.Warning, Line: 12, Paragraph: 12, Claim: "c1",
			Message: "claim without a citation"}},
	}
	outputs := map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return CheckText(b, rep, false) },
		"markdown": func(b *bytes.Buffer) error { return CheckMarkdown(b, []*corpus.Report{rep}) },
		"github":   func(b *bytes.Buffer) error { return CheckGitHub(b, rep) },
		"sarif":    func(b *bytes.Buffer) error { return CheckSARIF(b, []*corpus.Report{rep}, "test") },
		"json":     func(b *bytes.Buffer) error { return CheckJSON(b, rep) },
	}
	want := map[string][]string{
		"text":     {"draft.docx:¶12: uncited-claim"},
		"markdown": {"| Severity | ¶ |", "- paragraph 12:"},
		"github":   {"line=12,", "::¶12: claim without a citation"},
		"sarif":    {`"startLine": 12`, `"text": "¶12: claim without a citation"`},
		"json":     {`"positions": "paragraph"`, `"paragraph": 12`, `"line": 12`},
	}
	for name, write := range outputs {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, w := range want[name] {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%s report lacks %q:\n%s", name, w, b.String())
			}
		}
		if name != "json" && name != "sarif" && name != "github" && strings.Contains(b.String(), "line 12") {
			t.Errorf("%s report says line:\n%s", name, b.String())
		}
	}
}

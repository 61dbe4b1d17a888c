package check_test

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article/docxtest"
	"github.com/evident-tools/evident/corpus/check"
)

// TestCheck_WordDraftChecksLikeItsMarkdownTwin: superscript citations and a
// numbered reference list in Word resolve as ^1^ and "1." do in Markdown;
// the Word report counts paragraphs, the Markdown one lines.
func TestCheck_WordDraftChecksLikeItsMarkdownTwin(t *testing.T) {
	word := docxtest.Write("# Sugar", "Sugar intake doubled caries in children.^1", "Most published research findings are false.^2,3", "Coffee causes heart disease.",
		"# References", "- LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015.",
		"- Ioannidis JPA. Why Most Published Research Findings Are False. PLoS Medicine. 2005.",
		"- World Health Organization. Guideline: Sugars Intake for Adults and Children. 2015.")
	md := "# Sugar\n\nSugar intake doubled caries in children.^1^\n\nMost published research findings are false.^2,3^\n\nCoffee causes heart disease.\n\n# References\n\n" +
		"1. LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015.\n" +
		"2. Ioannidis JPA. Why Most Published Research Findings Are False. PLoS Medicine. 2005.\n" +
		"3. World Health Organization. Guideline: Sugars Intake for Adults and Children. 2015.\n"
	lib := refs(t, library)
	w, err := check.Check("draft.docx", word, "", lib, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err := check.Check("draft.md", []byte(md), corpus.Markdown, lib, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if w.Summary != m.Summary || w.Style != m.Style || codes(w) != codes(m) {
		t.Errorf("Word: %+v %s %s\nMarkdown: %+v %s %s", w.Summary, w.Style, codes(w), m.Summary, m.Style, codes(m))
	}
	if w.Summary.Citations != 3 || w.Summary.Resolved != 3 {
		t.Errorf("Word citations: %+v", w.Summary)
	}
	if w.Article.Positions != corpus.PositionsParagraphs || m.Article.Positions != corpus.PositionsLines {
		t.Errorf("positions %q, %q", w.Article.Positions, m.Article.Positions)
	}
	for _, f := range w.Findings {
		if f.Paragraph != f.Line || f.Line < 1 {
			t.Errorf("finding %+v: paragraph is not the line", f)
		}
	}
	if len(w.References) != 3 || w.References[2].Paragraph != 8 || w.Claims[1].Paragraph != 2 {
		t.Errorf("paragraphs: list %+v, claim %+v", w.References, w.Claims[1])
	}
	for _, f := range m.Findings {
		if f.Paragraph != 0 {
			t.Errorf("Markdown finding with a paragraph: %+v", f)
		}
	}
}

package check_test

import (
	"strings"
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
	w, m := checkTwins(t, word, md)
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

// TestCheck_WordLinksCiteLikeTheirMarkdownTwin: a Word draft whose claims
// hold hyperlinks (a DOI the library has, a PubMed record it lacks, in a
// footnote, a government report) gives the citations its Markdown twin
// gives: the same sentences, addresses, statuses, kinds, keys and L labels.
func TestCheck_WordLinksCiteLikeTheirMarkdownTwin(t *testing.T) {
	hyperlink := func(id, text string) string {
		return `<w:hyperlink r:id="` + id + `">` + docxtest.Text(text) + `</w:hyperlink>`
	}
	word := docxtest.Parts{
		Body: `<w:p>` + docxtest.Text("Most published research findings are false, ") + hyperlink("rId1", "a widely cited 2005 analysis") + docxtest.Text(" argued.") + `</w:p>` +
			`<w:p>` + docxtest.Text("The same deep learning review was indexed on PubMed.") + `<w:r><w:footnoteReference w:id="1"/></w:r>` + `</w:p>` +
			`<w:p>` + docxtest.Text("About 40 percent of adults in the United States were obese in 2016, ") + hyperlink("rId2", "a government report") + docxtest.Text(" found.") + `</w:p>` +
			`<w:p>` + docxtest.Text("Coffee drinkers live longer.") + `</w:p>`,
		Links:         map[string]string{"rId1": "https://doi.org/10.1371/journal.pmed.0020124", "rId2": "https://www.cdc.gov/nchs/products/databriefs/db288.htm"},
		Footnotes:     `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>` + docxtest.Text(" The record is at ") + hyperlink("rId7", "PubMed 26017442") + docxtest.Text(".") + `</w:p></w:footnote>`,
		FootnoteLinks: map[string]string{"rId7": "https://pubmed.ncbi.nlm.nih.gov/26017442/"},
	}.Bytes()
	md := "Most published research findings are false, [a widely cited 2005 analysis](https://doi.org/10.1371/journal.pmed.0020124) argued.\n\n" +
		"The same deep learning review was indexed on PubMed.[^1]\n\n" +
		"About 40 percent of adults in the United States were obese in 2016, [a government report](https://www.cdc.gov/nchs/products/databriefs/db288.htm) found.\n\n" +
		"Coffee drinkers live longer.\n\n" +
		"[^1]: The record is at [PubMed 26017442](https://pubmed.ncbi.nlm.nih.gov/26017442/).\n"
	w, m := checkTwins(t, word, md)
	cites := func(rep *corpus.Report) []string {
		var out []string
		for _, c := range rep.Claims {
			for _, l := range c.Citations {
				key := ""
				if l.Key != nil {
					key = *l.Key
				}
				out = append(out, strings.Join([]string{c.ID, l.Kind, l.URL, string(l.Status), l.SourceKind, l.Cites, key, l.By, l.Text}, " "))
			}
		}
		return out
	}
	want := []string{
		"c1 link https://doi.org/10.1371/journal.pmed.0020124 resolved scholarly L1 ioannidis2005why link:doi a widely cited 2005 analysis",
		"c2 link https://pubmed.ncbi.nlm.nih.gov/26017442/ external scholarly L2   PubMed 26017442",
		"c3 link https://www.cdc.gov/nchs/products/databriefs/db288.htm external report L3   a government report",
	}
	if got := cites(w); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Word citations\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := cites(m); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Markdown citations\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if w.Summary != m.Summary || codes(w) != codes(m) || len(w.LinkSources) != 3 || len(m.LinkSources) != 3 {
		t.Errorf("Word: %+v %s %d sources\nMarkdown: %+v %s %d sources", w.Summary, codes(w), len(w.LinkSources), m.Summary, codes(m), len(m.LinkSources))
	}
}

// checkTwins checks a Word draft and its Markdown twin against the test
// library.
func checkTwins(t *testing.T, word []byte, md string) (w, m *corpus.Report) {
	t.Helper()
	lib := refs(t, library)
	w, err := check.Check("draft.docx", word, "", lib, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m, err = check.Check("draft.md", []byte(md), corpus.Markdown, lib, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return w, m
}

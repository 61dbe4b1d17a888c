package article

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/evident-tools/evident/corpus"
)

func TestDetectFormat_ByExtension(t *testing.T) {
	cases := map[string]corpus.Format{
		"draft.md": corpus.Markdown, "a/b.MARKDOWN": corpus.Markdown, "x.mdown": corpus.Markdown,
		"notes.txt": corpus.Text, "notes.text": corpus.Text,
		"page.html": corpus.HTML, "page.htm": corpus.HTML, "page.xhtml": corpus.HTML,
		"paper.tex": corpus.LaTeX, "paper.latex": corpus.LaTeX, "Draft.DOCX": corpus.DOCX,
	}
	for path, want := range cases {
		if got, err := DetectFormat(path); err != nil || got != want {
			t.Errorf("DetectFormat(%q) = %q, %v; want %q", path, got, err, want)
		}
	}
}

func TestDetectFormat_UnknownNamesFileAndFormats(t *testing.T) {
	_, err := DetectFormat("report.odt")
	if err == nil {
		t.Fatal("no error for .odt")
	}
	for _, want := range []string{"report.odt", "docx", "markdown", "text", "html", "latex", "--input-format"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestParseFormat_Names(t *testing.T) {
	cases := map[string]corpus.Format{"markdown": corpus.Markdown, "md": corpus.Markdown, "text": corpus.Text,
		"txt": corpus.Text, "html": corpus.HTML, "latex": corpus.LaTeX, "tex": corpus.LaTeX, " LaTeX ": corpus.LaTeX, "docx": corpus.DOCX, "word": corpus.DOCX}
	for s, want := range cases {
		if got, err := ParseFormat(s); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", s, got, err, want)
		}
	}
	if _, err := ParseFormat("odt"); err == nil || !strings.Contains(err.Error(), "odt") {
		t.Errorf("ParseFormat(odt) error = %v", err)
	}
}

func TestRead_NotTextIsAnErrorAtItsLine(t *testing.T) {
	for data, want := range map[string]string{
		"a\x00b":                      "x.md:1: binary file, not text (a NUL byte)",
		"One.\nTwo \x00.\n":           "x.md:2: binary file, not text (a NUL byte)",
		"\xff\xfea\x00\n\x00\x00\x00": "x.md:2: binary file, not text (a NUL byte)", // U+0000 in UTF-16
	} {
		if _, err := Read("x.md", []byte(data), corpus.Markdown); err == nil || err.Error() != want {
			t.Errorf("Read(%q) error = %v, want %q", data, err, want)
		}
	}
}

// TestRead_UTF16WithByteOrderMark: an article saved as UTF-16 (Windows
// Notepad's "Unicode") is read, either byte order, with lines and columns
// of its characters.
func TestRead_UTF16WithByteOrderMark(t *testing.T) {
	src := "# Café\r\n\r\nSugar raises the risk by 40% (1).\r\n"
	le := []byte{0xFF, 0xFE}
	be := []byte{0xFE, 0xFF}
	for _, r := range src {
		le = append(le, byte(r), byte(r>>8))
		be = append(be, byte(r>>8), byte(r))
	}
	for name, data := range map[string][]byte{"le": le, "be": be} {
		doc, err := Read("x.md", data, corpus.Markdown)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"Café", "Sugar raises the risk by 40% (1)."}) {
			t.Errorf("%s: blocks %q", name, got)
		}
		if got := posOf(t, doc.Blocks[1], "40%"); got != (corpus.Position{Line: 3, Col: 26}) {
			t.Errorf("%s: 40%% at %v, want 3:26", name, got)
		}
	}
}

// TestRead_NotUTF8IsWindows1252AndColumnsCountCharacters: an article that
// is not UTF-8 is read as Windows-1252, as every input file is, one
// character per byte (a byte Windows-1252 leaves undefined is U+FFFD), so
// columns are those an editor shows.
func TestRead_NotUTF8IsWindows1252AndColumnsCountCharacters(t *testing.T) {
	src := "Caf\xe9 and na\xefve \x81 text."
	for _, f := range allFormats {
		doc := read(t, "x", src, f)
		b := doc.Blocks[0]
		if b.Text != "Café and naïve \uFFFD text." {
			t.Errorf("%s: text %q", f, b.Text)
		}
		if got := posOf(t, b, "text"); got != (corpus.Position{Line: 1, Col: 18}) {
			t.Errorf("%s: 'text' at %v, want column 18 in characters", f, got)
		}
	}
}

// TestRead_Windows1252ArticleIsReadWithAWarning: Word's "save as plain
// text" often writes Windows-1252. Its curly quotes and accents read as
// written, the sentences are those of the same article in UTF-8, and a
// warning says how it was read (issue 17).
func TestRead_Windows1252ArticleIsReadWithAWarning(t *testing.T) {
	utf8Src := "Sugar and caries\n\nThere’s a 40 percent higher risk of caries (1). The café “study” ran for 3 years – in Zürich.\n"
	cp1252, err := charmap.Windows1252.NewEncoder().String(utf8Src)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range allFormats {
		want := Sentences(read(t, "a.txt", utf8Src, f))
		doc, err := Read("a.txt", []byte(cp1252), f)
		if err != nil {
			t.Fatal(err)
		}
		got := Sentences(doc)
		if len(got) != len(want) || len(got) < 2 {
			t.Fatalf("%s: %d sentences, want %d", f, len(got), len(want))
		}
		for i := range got {
			if got[i].Text != want[i].Text || got[i].Pos != want[i].Pos {
				t.Errorf("%s: sentence %q at %v, want %q at %v", f, got[i].Text, got[i].Pos, want[i].Text, want[i].Pos)
			}
		}
		if !strings.Contains(allText(doc), "There’s a 40 percent higher") || !strings.Contains(allText(doc), "café “study”") {
			t.Errorf("%s: blocks %q", f, blockTexts(doc))
		}
		if warns := problems(doc); warns != "a.txt:3: not valid UTF-8; read as Windows-1252" {
			t.Errorf("%s: warnings %q", f, warns)
		}
	}
}

// TestRead_EmptyArticleIsWarned: an article with no text at all is read,
// as nothing, with a warning rather than as a clean pass.
func TestRead_EmptyArticleIsWarned(t *testing.T) {
	for _, data := range []string{"", "\n\n", " \t\r\n\u00a0\n", "\xef\xbb\xbf", "\xff\xfe"} {
		for _, f := range allFormats {
			doc, err := Read("draft.md", []byte(data), f)
			if err != nil {
				t.Fatalf("%s %q: %v", f, data, err)
			}
			if warns := problems(doc); len(doc.Blocks) != 0 || warns != "draft.md: the article is empty" {
				t.Errorf("%s %q: %d blocks, warnings %q", f, data, len(doc.Blocks), warns)
			}
		}
	}
	if warns := problems(read(t, "a.md", "Text.\n", corpus.Markdown)); warns != "" {
		t.Errorf("an article with text: warnings %q", warns)
	}
}

// TestRead_WarningsOfTheDecoding: UTF-16 without a byte order mark and
// control characters are read, with a warning each in Document.Warnings.
func TestRead_WarningsOfTheDecoding(t *testing.T) {
	doc, err := Read("x.md", []byte("S\x00u\x00g\x00a\x00r\x00.\x00\n\x00"), corpus.Markdown)
	if err != nil || blockTexts(doc)[0] != "Sugar." || problems(doc) != "x.md:1: UTF-16 without a byte order mark; read as UTF-16" {
		t.Errorf("UTF-16 without a byte order mark: %v, %v", doc, err)
	}
	doc = read(t, "x.md", "One.\n\nTwo \x1b[2J.\n", corpus.Markdown)
	if warns := problems(doc); warns != "x.md:3: control characters read as U+FFFD" {
		t.Errorf("control characters: warnings %q", warns)
	}
}

// TestRead_FormatFromTheTextWhenTheNameSaysNothing: with no format given,
// the extension decides, else the text; the error lists the formats.
func TestRead_FormatFromTheTextWhenTheNameSaysNothing(t *testing.T) {
	tests := []struct {
		path, src string
		want      corpus.Format
	}{
		{"a.md", "<!DOCTYPE html><p>x</p>", corpus.Markdown},
		{"page", "\n<!DOCTYPE html>\n<html><body><p>Text [@k].</p></body></html>", corpus.HTML},
		{"page.php", "<?xml version=\"1.0\"?>\n<!-- saved -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><p>x</p></html>", corpus.HTML},
		{"paper", "% a comment\n\\documentclass{article}\n\\begin{document}\nText.\n\\end{document}\n", corpus.LaTeX},
		{"draft", "---\ntitle: T\n---\nText.\n", corpus.Markdown},
		{"draft.rmd", "Text [@smith2019].\n", corpus.Markdown},
	}
	for _, tt := range tests {
		doc, err := Read(tt.path, []byte(tt.src), "")
		if err != nil || doc.Format != tt.want {
			t.Errorf("Read(%q, %q) = %v, %v; want %s", tt.path, tt.src, doc, err, tt.want)
		}
	}
	_, err := Read("notes", []byte("Plain words.\n"), "")
	if err == nil || !strings.HasPrefix(err.Error(), "notes: cannot tell the article format") ||
		!strings.Contains(err.Error(), "latex (.tex, .latex)") || !strings.Contains(err.Error(), "--input-format") {
		t.Errorf("no format: error %v", err)
	}
}

func problems(doc *corpus.Document) string {
	var s []string
	for _, w := range doc.Warnings {
		s = append(s, w.Error())
	}
	return strings.Join(s, "|")
}

// TestRead_ControlCharactersAreReplaced: an escape sequence in an article
// must not reach a terminal through the report; each control character is
// one U+FFFD, so columns stay those of the file.
func TestRead_ControlCharactersAreReplaced(t *testing.T) {
	src := "Sugar \x1b[2J\x1b]0;title\x07 raises the risk by 40 percent.\n"
	for _, f := range allFormats {
		doc := read(t, "x", src, f)
		b := doc.Blocks[0]
		if want := "Sugar \uFFFD[2J\uFFFD]0;title\uFFFD raises the risk by 40 percent."; b.Text != want {
			t.Errorf("%s: text %q, want %q", f, b.Text, want)
		}
		if got := posOf(t, b, "raises"); got != (corpus.Position{Line: 1, Col: 22}) {
			t.Errorf("%s: 'raises' at %v, want 1:22", f, got)
		}
	}
}

// TestRead_ControlCharacterEntitiesAreReplaced: &#27; decodes to the
// escape character after clean has run; it is replaced as well, in the
// text and in an HTML page's title.
func TestRead_ControlCharacterEntitiesAreReplaced(t *testing.T) {
	for _, f := range []corpus.Format{corpus.HTML, corpus.Markdown} {
		doc := read(t, "x", "<title>T&#27;[2J</title>\n\n<p>Sugar &#27;[2J &#x7; raises</p>\n", f)
		if got := blockTexts(doc); len(got) == 0 || got[len(got)-1] != "Sugar \uFFFD[2J \uFFFD raises" {
			t.Errorf("%s: blocks %q", f, got)
		}
		if f == corpus.HTML && doc.Title != "T\uFFFD[2J" {
			t.Errorf("title %q", doc.Title)
		}
	}
}

func TestIsRefHeading_NamesNumbersAndLanguages(t *testing.T) {
	yes := []string{"References", "REFERENCES", "References:", "7. References", "VII. References", "7 References",
		"Bibliography", "Works Cited", "Literature Cited", "Notes and References", "Endnotes", "Sources",
		"Research Citations", "Referencias", "Bibliografía", "Literaturverzeichnis", "Références", "Bibliographie",
		"Riferimenti bibliografici", "Referências bibliográficas", "Literatuur", "Källor", "Kaynakça", "Литература",
		"Список литературы", "参考文献", "참고문헌", "  Reference   List ", "Reference"}
	no := []string{"Further Reading", "Further reading", "Referencing figures", "Methods", "References to the past",
		"Introduction", ""}
	for _, h := range yes {
		if !isRefHeading(h) {
			t.Errorf("isRefHeading(%q) = false", h)
		}
	}
	for _, h := range no {
		if isRefHeading(h) {
			t.Errorf("isRefHeading(%q) = true", h)
		}
	}
}

func TestRefList_MarkdownOrderedListKeepsItsStartNumber(t *testing.T) {
	src := "Claim [4].\n\n## Références\n\n4. Dupont, A. Le café. 2001.\n5. Martin, B. Le thé. 2003.\n\n## Annexe\n\nMore prose.\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	want := []corpus.ListEntry{
		{Label: "4", Text: "Dupont, A. Le café. 2001.", Pos: corpus.Position{Line: 5, Col: 4}},
		{Label: "5", Text: "Martin, B. Le thé. 2003.", Pos: corpus.Position{Line: 6, Col: 4}},
	}
	if !reflect.DeepEqual(doc.RefList, want) {
		t.Errorf("RefList:\n got %+v\nwant %+v", doc.RefList, want)
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"Claim [4].", "Annexe", "More prose."}) {
		t.Errorf("the list must end at the next heading of its level; blocks = %q", got)
	}
}

func TestRefList_NumberedParagraphLinesInEveryForm(t *testing.T) {
	src := "## Bibliography\n\n[1] Adams R. Coffee.\n[2] Chen L. Tea.\n\n3) Diaz M. Milk.\n\n(4) Evans K. Water.\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	var got []string
	for _, e := range doc.RefList {
		got = append(got, e.Label+"|"+e.Text)
	}
	want := []string{"1|Adams R. Coffee.", "2|Chen L. Tea.", "3|Diaz M. Milk.", "4|Evans K. Water."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries = %q, want %q", got, want)
	}
}

func TestRefList_HeadingFollowedByNothingIsAnEmptyList(t *testing.T) {
	doc := read(t, "a.md", "Text [@a].\n\n# References\n\n::: {#refs}\n:::\n", corpus.Markdown)
	if doc.RefListHeading != "References" || len(doc.RefList) != 0 || doc.RefListPos != (corpus.Position{Line: 3, Col: 3}) {
		t.Errorf("heading %q at %v with %d entries", doc.RefListHeading, doc.RefListPos, len(doc.RefList))
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"Text [@a]."}) {
		t.Errorf("blocks = %q", got)
	}
}

func TestRefList_SubheadingsStayInsideAndHigherHeadingsEndIt(t *testing.T) {
	src := "## References\n\n### Articles\n\n- Adams R. Coffee.\n\n### Books\n\n- Chen L. Tea.\n\n# Appendix\n\nProse again.\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	if len(doc.RefList) != 2 || doc.RefList[1].Label != "" || doc.RefList[1].Text != "Chen L. Tea." {
		t.Errorf("RefList = %+v", doc.RefList)
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"Appendix", "Prose again."}) {
		t.Errorf("blocks = %q", got)
	}
}

func TestRefList_CitationsSectionThatCitesIsProse(t *testing.T) {
	src := "## Citations\n\nCite by DOI [@doi:10.1/x].\n\nCite by alias [@alias].\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	if doc.RefListHeading != "" || len(doc.RefList) != 0 || len(doc.Blocks) != 3 {
		t.Errorf("heading %q, %d entries, blocks %q", doc.RefListHeading, len(doc.RefList), blockTexts(doc))
	}
}

func TestRefList_NonEnglishHeadingsInEveryFormat(t *testing.T) {
	cases := []struct {
		format corpus.Format
		src    string
	}{
		{corpus.Markdown, "Texto.\n\n## Referencias\n\n1. García, J. Café. 2001.\n"},
		{corpus.HTML, "<p>Text.</p><h2>Список литературы</h2><ol><li>Иванов И. Чай. 2001.</li></ol>"},
		{corpus.LaTeX, "Text.\n\\section*{Bibliografia}\n\\begin{enumerate}\\item Rossi, M. Caffè. 2001.\\end{enumerate}\n"},
		{corpus.Text, "Text here.\n\n参考文献\n\n1. 山田太郎. コーヒー. 2001.\n"},
	}
	for _, c := range cases {
		doc := read(t, "x", c.src, c.format)
		if len(doc.RefList) != 1 || doc.RefList[0].Label != "1" {
			t.Errorf("%s: RefList = %+v (heading %q)", c.format, doc.RefList, doc.RefListHeading)
		}
	}
}

func TestCutRefNumber(t *testing.T) {
	cases := []struct{ in, label, rest string }{
		{"1. Adams", "1", "Adams"}, {"[12] Adams", "12", "Adams"}, {"3) Adams", "3", "Adams"}, {"(4) Adams", "4", "Adams"},
		{"[1]", "1", ""}, {"1.5 mg of", "", "1.5 mg of"}, {"2019. Title", "", "2019. Title"}, {"Adams 1.", "", "Adams 1."},
	}
	for _, c := range cases {
		label, rest, _ := cutRefNumber(c.in)
		if label != c.label || (label != "" && rest != c.rest) {
			t.Errorf("cutRefNumber(%q) = %q, %q; want %q, %q", c.in, label, rest, c.label, c.rest)
		}
	}
}

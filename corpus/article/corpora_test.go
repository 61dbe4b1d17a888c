package article

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// Tests on the real articles of the shared corpora (see their README).

type wantSentence struct {
	prefix string
	pos    corpus.Position
	kind   corpus.BlockKind
}

func checkSentences(t *testing.T, doc *corpus.Document, want []wantSentence) {
	t.Helper()
	ss := Sentences(doc)
	for i, s := range ss {
		if s.ID != "c"+itoa(i+1) || s.Text == "" {
			t.Fatalf("sentence %d: id %q text %q", i, s.ID, s.Text)
		}
	}
	for _, w := range want {
		s := sentence(t, ss, w.prefix)
		if s.Pos != w.pos || s.Kind != w.kind {
			t.Errorf("%q: %s at %v, want %s at %v", w.prefix, s.Kind, s.Pos, w.kind, w.pos)
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestCorpora_DeepReviewMarkdown(t *testing.T) {
	doc, _ := readCorpus(t, "deep-review/output/manuscript.md")
	if want := "Opportunities and obstacles for deep learning in biology and medicine [update in progress]"; doc.Title != want {
		t.Errorf("Title = %q", doc.Title)
	}
	if want := []string{"content/manual-references-2020-01-29.json", "content/manual-references.json"}; !reflect.DeepEqual(doc.Bibliography, want) {
		t.Errorf("Bibliography = %q", doc.Bibliography)
	}
	// The built Markdown leaves the list to pandoc: the heading is there,
	// followed only by an empty div and citation-alias definitions.
	if doc.RefListHeading != "References" || doc.RefListPos != (corpus.Position{Line: 2263, Col: 4}) || len(doc.RefList) != 0 {
		t.Errorf("reference list: %q at %v with %d entries", doc.RefListHeading, doc.RefListPos, len(doc.RefList))
	}
	checkSentences(t, doc, []wantSentence{
		{"Biology and medicine are rapidly becoming data-intensive.", corpus.Position{Line: 335, Col: 1}, corpus.KindSentence},
		{"A recent comparison of genomics", corpus.Position{Line: 336, Col: 1}, corpus.KindSentence},
		{"Could these algorithms identify the \"cats\"", corpus.Position{Line: 365, Col: 129}, corpus.KindSentence},
		{"Neural networks come in many different forms.", corpus.Position{Line: 374, Col: 3}, corpus.KindCaption},
		{"Supervised learning", corpus.Position{Line: 396, Col: 3}, corpus.KindTableCell},
		{"Introduction to deep learning", corpus.Position{Line: 333, Col: 4}, corpus.KindHeading},
	})
	s := sentence(t, Sentences(doc), "A recent comparison of genomics")
	if !strings.HasSuffix(s.Text, "[@doi:10.1371/journal.pbio.1002195].") {
		t.Errorf("citation lost: %q", s.Text)
	}
}

func TestCorpora_DeepReviewHTML(t *testing.T) {
	doc, _ := readCorpus(t, "deep-review/output/manuscript.html")
	if len(doc.RefList) != 615 {
		t.Fatalf("%d reference entries, want 615", len(doc.RefList))
	}
	first, last := doc.RefList[0], doc.RefList[614]
	if first.Label != "1" || first.Anchor != "ref-13bxiY1vo" || !strings.HasPrefix(first.Text, "Big Data: Astronomical or Genomical?") {
		t.Errorf("first entry = %+v", first)
	}
	if first.Pos != (corpus.Position{Line: 2135, Col: 4}) {
		t.Errorf("first entry at %v, want 2135:4", first.Pos)
	}
	if last.Label != "615" || last.Anchor != "ref-yLr4pV4G" {
		t.Errorf("last entry = %+v", last)
	}
	for i, e := range doc.RefList {
		if e.Label != itoa(i+1) || !strings.HasPrefix(e.Anchor, "ref-") {
			t.Fatalf("entry %d: label %q anchor %q", i, e.Label, e.Anchor)
		}
	}
	if doc.RefListHeading != "References" || doc.RefListPos.Line != 2131 {
		t.Errorf("heading %q at %v", doc.RefListHeading, doc.RefListPos)
	}
	text := allText(doc)
	for _, junk := range []string{"MathJax", "function(", "document.querySelector", "font-awesome", "Updated Content"} {
		if strings.Contains(text, junk) {
			t.Errorf("%q from a script, style or banner leaked into the text", junk)
		}
	}
	checkSentences(t, doc, []wantSentence{
		{"Biology and medicine are rapidly becoming data-intensive.", corpus.Position{Line: 254, Col: 4}, corpus.KindSentence},
		{"A recent comparison of genomics", corpus.Position{Line: 255, Col: 1}, corpus.KindSentence},
		{"Introduction to deep learning", corpus.Position{Line: 253, Col: 40}, corpus.KindHeading},
		{"Supervised learning", corpus.Position{Line: 327, Col: 5}, corpus.KindTableCell},
	})
	s := sentence(t, Sentences(doc), "A recent comparison of genomics")
	if !strings.HasSuffix(s.Text, "within the next decade [1].") {
		t.Errorf("marker lost: %q", s.Text)
	}
}

func TestCorpora_DeepReviewSourcesKeepEveryCitation(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corporaDir, "deep-review/content/*.md"))
	if len(files) == 0 {
		t.Skipf("no corpus files under %s", corporaDir)
	}
	for _, path := range files {
		rel, _ := filepath.Rel(corporaDir, path)
		doc, src := readCorpus(t, rel)
		want := 0
		definition := regexp.MustCompile(`^\[@[^\]]*\]:\s`) // an alias, not a citation
		for _, line := range strings.Split(src, "\n") {
			if !definition.MatchString(line) {
				want += strings.Count(line, "[@")
			}
		}
		got := 0
		for _, s := range Sentences(doc) {
			got += strings.Count(s.Text, "[@")
		}
		if got != want {
			t.Errorf("%s: %d pandoc citations in the sentences, %d in the source", rel, got, want)
		}
	}
}

func TestCorpora_ManubotCitationCatalogue(t *testing.T) {
	doc, _ := readCorpus(t, "manubot-rootstock/02.delete-me.md")
	if doc.RefListHeading != "" {
		t.Errorf("the \"Citations\" section cites and is prose, not a list; got heading %q", doc.RefListHeading)
	}
	ss := Sentences(doc)
	for _, m := range []string{"[@deep-review]", "[@{https://greenelab.github.io/meta-review/}]", "[@doi:10.7554/eLife.32822; @deep-review; @isbn:9780262517638]"} {
		found := false
		for _, s := range ss {
			found = found || strings.Contains(s.Text, m)
		}
		if !found {
			t.Errorf("citation %q lost", m)
		}
	}
	if s := sentence(t, ss, "Citation by alias"); s.Pos != (corpus.Position{Line: 112, Col: 1}) {
		t.Errorf("alias sentence at %v, want 112:1", s.Pos)
	}
}

func TestCorpora_LatinPoetryLaTeX(t *testing.T) {
	doc, src := readCorpus(t, "latex-fail-paper/fail.tex")
	if doc.Title != "(Not) Understanding Latin Poetic Style with Deep Learning" {
		t.Errorf("Title = %q", doc.Title)
	}
	if !reflect.DeepEqual(doc.Bibliography, []string{"digilat"}) || len(doc.RefList) != 0 {
		t.Errorf("bibliography %q, %d entries", doc.Bibliography, len(doc.RefList))
	}
	// Every \cite outside comments survives, verbatim.
	uncommented := regexp.MustCompile(`(?m)(^|[^\\])%.*$`).ReplaceAllString(src, "$1")
	want := len(regexp.MustCompile(`\\cite\w*\{`).FindAllString(uncommented, -1))
	got := 0
	for _, s := range Sentences(doc) {
		got += len(regexp.MustCompile(`\\cite\w*\{`).FindAllString(s.Text, -1))
	}
	if got != want || got == 0 {
		t.Errorf("%d \\cite commands in the sentences, %d in the source", got, want)
	}
	checkSentences(t, doc, []wantSentence{
		{"Failing to understand authorial style in Latin verse", corpus.Position{Line: 113, Col: 1}, corpus.KindSentence},
		{"At the outset, it should be stated", corpus.Position{Line: 124, Col: 1}, corpus.KindSentence},
		{"The corpus is based on the digital editions from MQDQ", corpus.Position{Line: 171, Col: 12}, corpus.KindFootnote},
		{"A summary of the test corpus.", corpus.Position{Line: 186, Col: 14}, corpus.KindCaption},
		{"Care and Feeding of Neural Networks", corpus.Position{Line: 212, Col: 13}, corpus.KindHeading},
	})
	text := allText(doc)
	for _, gone := range []string{"CHR 2022", "orcid", "tabularx", "Metmorphoses", "model.add", "includegraphics", "tf.keras"} {
		if strings.Contains(text, gone) {
			t.Errorf("%q should not be prose", gone)
		}
	}
	s := sentence(t, Sentences(doc), "As a basis for this initial investigation")
	if !strings.HasSuffix(s.Text, "(Table).[^fn1]") {
		t.Errorf("footnote marker not at the end of its sentence: %q", s.Text)
	}
}

func TestCorpora_JabRefLaTeXFixtures(t *testing.T) {
	doc, _ := readCorpus(t, "jabref-latex/paper.tex")
	text := allText(doc)
	if strings.Count(text, `\cite{Darwin1888}`) != 2 || strings.Count(text, `\cite{Einstein1920}`) != 2 {
		t.Errorf("paper.tex: the commented \\cite must vanish and the others stay: %q", text)
	}
	checkSentences(t, doc, []wantSentence{{"Einstein said", corpus.Position{Line: 6, Col: 1}, corpus.KindSentence}})
	if !reflect.DeepEqual(doc.Bibliography, []string{"origin"}) {
		t.Errorf("paper.tex bibliography %q", doc.Bibliography)
	}

	doc, _ = readCorpus(t, "jabref-latex/ieee-paper-reference-text.tex")
	if doc.Title != "JabRef Example for Parsing Related Work Section" {
		t.Errorf("Title = %q", doc.Title)
	}
	if want := []string{"IEEEabrv", "ieee-paper-reference-text"}; !reflect.DeepEqual(doc.Bibliography, want) {
		t.Errorf("Bibliography = %q", doc.Bibliography)
	}
	checkSentences(t, doc, []wantSentence{
		{"A study on the Colombian chocolate industry", corpus.Position{Line: 27, Col: 1}, corpus.KindSentence},
		{"A study on selective, hedonic deprivation", corpus.Position{Line: 28, Col: 1}, corpus.KindSentence},
		{"Research suggests that the health benefits", corpus.Position{Line: 29, Col: 1}, corpus.KindSentence},
		{"Related Work", corpus.Position{Line: 24, Col: 10}, corpus.KindHeading},
	})
	s := sentence(t, Sentences(doc), "A study on selective")
	if !strings.HasSuffix(s.Text, `craving \cite{Richard_2017}.`) {
		t.Errorf("~\\cite not kept: %q", s.Text)
	}
	if strings.Contains(allText(doc), "lipsum") || strings.Contains(allText(doc), "First Author") {
		t.Errorf("placeholders or author block leaked: %q", blockTexts(doc))
	}

	doc, _ = readCorpus(t, "jabref-latex/nested.tex")
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"This is some content trying to cite a bib file."}) {
		t.Errorf("nested.tex: \\include is not followed; blocks = %q", got)
	}
	doc, _ = readCorpus(t, "jabref-latex/utf-8.tex")
	if got := doc.Blocks[0].Text; got != `Danach wir anschließend mittels \cite{anykey}.` {
		t.Errorf("utf-8.tex: %q", got)
	}
	// Issue 17: a file in ISO-8859-1 (Windows-1252 for its letters) reads
	// as written, with a warning.
	doc, _ = readCorpus(t, "jabref-latex/iso-8859-1.tex")
	if got := doc.Blocks[0].Text; got != `Danach wir anschließend mittels \cite{anykey}.` {
		t.Errorf("iso-8859-1.tex: %q", got)
	}
	if len(doc.Warnings) != 1 || doc.Warnings[0].Line != 1 || doc.Warnings[0].Msg != "not valid UTF-8; read as Windows-1252" {
		t.Errorf("iso-8859-1.tex: warnings %v", doc.Warnings)
	}
}

func TestCorpora_EveryArticleReads(t *testing.T) {
	var files []string
	_ = filepath.Walk(corporaDir, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			if _, ferr := DetectFormat(path); ferr == nil {
				files = append(files, path)
			}
		}
		return nil
	})
	if len(files) == 0 {
		t.Skipf("no corpus articles under %s", corporaDir)
	}
	for _, path := range files {
		rel, _ := filepath.Rel(corporaDir, path)
		doc, _ := readCorpus(t, rel)
		_ = Sentences(doc)
	}
}

func TestPLOSStyleFixture(t *testing.T) {
	// testdata/plos-style.html is written for this test in the shape of a
	// PLOS article page (converted by hand from the structure of the JATS
	// files in the corpora, with new text).
	data, err := os.ReadFile("testdata/plos-style.html")
	if err != nil {
		t.Fatal(err)
	}
	doc := read(t, "plos-style.html", string(data), corpus.HTML)
	if doc.Title != "Afternoon naps and word learning in adults" {
		t.Errorf("Title = %q", doc.Title)
	}
	if len(doc.RefList) != 6 {
		t.Fatalf("%d entries, want 6: %+v", len(doc.RefList), doc.RefList)
	}
	for i, e := range doc.RefList {
		if e.Label != itoa(i+1) || e.Anchor != "pone.0000001-ref"+itoa(i+1) {
			t.Errorf("entry %d: label %q anchor %q", i, e.Label, e.Anchor)
		}
	}
	if e := doc.RefList[2]; e.Text != "Okafor C, Lindqvist M (2014) Naps and vocabulary. Learn Mem 21: 40–47." {
		t.Errorf("entry 3 text %q", e.Text)
	}
	ss := Sentences(doc)
	s := sentence(t, ss, "A short nap after study")
	if !strings.HasSuffix(s.Text, "[1]–[3].") || s.Pos != (corpus.Position{Line: 24, Col: 1}) {
		t.Errorf("sentence %q at %v", s.Text, s.Pos)
	}
	text := allText(doc)
	for _, junk := range []string{"Download PDF", "Cookie", "Tweet", "Related PLOS Articles", "trackEvent"} {
		if strings.Contains(text, junk) {
			t.Errorf("%q leaked into the text", junk)
		}
	}
	if c := sentence(t, ss, "Figure 1. Recall by condition."); c.Kind != corpus.KindCaption {
		t.Errorf("caption kind %s", c.Kind)
	}
}

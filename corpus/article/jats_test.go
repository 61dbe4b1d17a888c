package article

import (
	"os"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func readSmallJATS(t *testing.T) *corpus.Document {
	t.Helper()
	data, err := os.ReadFile("testdata/jats/small.xml")
	if err != nil {
		t.Fatal(err)
	}
	// .xml says nothing: the doctype tells the format.
	doc := read(t, "small.xml", string(data), "")
	if doc.Format != corpus.JATS {
		t.Fatalf("format %q, want jats", doc.Format)
	}
	return doc
}

func TestReadJATS_TitleAbstractBodyAndFootnotes(t *testing.T) {
	doc := readSmallJATS(t)
	if doc.Title != "The structure of DNA revisited" {
		t.Errorf("title %q", doc.Title)
	}
	type want struct {
		kind    corpus.BlockKind
		line    int
		section string
		text    string
	}
	wants := []want{
		{corpus.KindHeading, 11, "Abstract", "Abstract"},
		{corpus.KindSentence, 12, "Abstract", "The double helix was proposed in 1953 [1]."},
		{corpus.KindHeading, 18, "Introduction", "Introduction"},
		{corpus.KindSentence, 19, "Introduction", "DNA is a double helix [1–3]. Most research findings are false [2,3]."},
		{corpus.KindSentence, 21, "Introduction", "X-ray images showed a helix[3] in 1953 (Fig 1)."},
		{corpus.KindCaption, 22, "Introduction", "Photo 51."},
		{corpus.KindCaption, 22, "Introduction", "The diffraction pattern [3]."},
		{corpus.KindHeading, 23, "Notes", "Notes"},
		{corpus.KindSentence, 24, "Notes", "This section is prose under a heading that names reference lists elsewhere."},
		{corpus.KindListItem, 25, "Notes", "Base pairs bind by hydrogen bonds [1]."},
		{corpus.KindHeading, 28, "Methods", "Methods"},
		{corpus.KindSentence, 28, "Methods", "The energy is in units."},
		{corpus.KindFootnote, 34, "Methods", "A footnote that counts as text."},
	}
	if len(doc.Blocks) != len(wants) {
		for _, b := range doc.Blocks {
			t.Logf("%s %d %q", b.Kind, b.Pos[0].Line, b.Text)
		}
		t.Fatalf("%d blocks, want %d", len(doc.Blocks), len(wants))
	}
	for i, w := range wants {
		b := doc.Blocks[i]
		if b.Kind != w.kind || b.Pos[0].Line != w.line || b.Section != w.section || b.Text != w.text {
			t.Errorf("block %d = %s line %d [%s] %q, want %s line %d [%s] %q", i, b.Kind, b.Pos[0].Line, b.Section, b.Text, w.kind, w.line, w.section, w.text)
		}
	}
	if doc.Blocks[12].Footnote != "a" {
		t.Errorf("footnote label %q, want a", doc.Blocks[12].Footnote)
	}
	// Text written as it is in the source keeps each byte's column.
	if b := doc.Blocks[3]; b.Pos[0] != (corpus.Position{Line: 19, Col: 4}) {
		t.Errorf("first paragraph starts at %v, want 19:4", b.Pos[0])
	}
}

func TestReadJATS_FrontAndBackMatterAreNotText(t *testing.T) {
	doc := readSmallJATS(t)
	for _, b := range doc.Blocks {
		for _, not := range []string{"Imaginary Studies", "imaginary address", "table-of-contents", "funders", "Journal of Small", "E=mc", "Doe"} {
			if strings.Contains(b.Text, not) {
				t.Errorf("block %q holds %q", b.Text, not)
			}
		}
	}
}

func TestReadJATS_RefListWithIdentifiers(t *testing.T) {
	doc := readSmallJATS(t)
	want := []corpus.ListEntry{
		{Label: "1", Anchor: "r1", Pos: corpus.Position{Line: 36, Col: 1}, Text: "Watson JD, Crick FHC (1953) Molecular structure of nucleic acids: a structure for deoxyribose nucleic acid. Nature 171: 737–738. doi:10.1038/171737a0 PMID: 13054692"},
		{Label: "2", Anchor: "r2", Pos: corpus.Position{Line: 37, Col: 1}, Text: "Ioannidis JPA (2005) Why most published research findings are false. PLoS Med 2: e124. doi:10.1371/journal.pmed.0020124"},
		{Label: "3", Anchor: "r3", Pos: corpus.Position{Line: 38, Col: 1}, Text: "Franklin RE, Gosling RG (1953) Molecular configuration in sodium thymonucleate. Nature 171: 740–741. doi:10.1038/171740a0"},
	}
	if len(doc.RefList) != len(want) {
		t.Fatalf("%d entries, want %d: %+v", len(doc.RefList), len(want), doc.RefList)
	}
	for i := range want {
		if doc.RefList[i] != want[i] {
			t.Errorf("entry %d = %+v\nwant %+v", i, doc.RefList[i], want[i])
		}
	}
	if doc.RefListHeading == "" {
		t.Error("no reference-list heading")
	}
}

func TestReadJATS_UnlabelledListNumberedInOrder(t *testing.T) {
	src := `<?xml version="1.0"?>
<article dtd-version="1.1"><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front>
<body><p>One claim <xref ref-type="bibr" rid="b">2</xref>, another <xref ref-type="bibr" rid="a">1</xref>.</p></body>
<back><ref-list><ref id="a"><mixed-citation>Smith J (2019) A title. J Things 1: 2.</mixed-citation></ref>
<ref id="b"><mixed-citation>Jones K (2020) Another title. J Things 2: 3.</mixed-citation></ref></ref-list></back></article>`
	doc := read(t, "a.nxml", src, "")
	if got := doc.Blocks[0].Text; got != "One claim [2], another [1]." {
		t.Errorf("text %q", got)
	}
	if len(doc.RefList) != 2 || doc.RefList[0].Label != "1" || doc.RefList[1].Label != "2" || doc.RefList[1].Text != "Jones K (2020) Another title. J Things 2: 3." {
		t.Errorf("list %+v", doc.RefList)
	}
}

func TestReadJATS_AuthorYearCitationsStayAsWritten(t *testing.T) {
	src := `<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.2 20190208//EN" "JATS-archivearticle1.dtd">
<article><body><p>Helices are common (<xref ref-type="bibr" rid="bib1">Watson and Crick, 1953</xref>; <xref ref-type="bibr" rid="bib2">Franklin and Gosling, 1953</xref>).</p></body>
<back><ref-list><ref id="bib1"><element-citation><person-group person-group-type="author"><name><surname>Watson</surname><given-names>JD</given-names></name><name><surname>Crick</surname><given-names>FHC</given-names></name></person-group><year>1953</year><article-title>Molecular structure of nucleic acids</article-title><source>Nature</source></element-citation></ref>
<ref id="bib2"><element-citation><person-group person-group-type="author"><name><surname>Franklin</surname><given-names>RE</given-names></name><name><surname>Gosling</surname><given-names>RG</given-names></name></person-group><year>1953</year><article-title>Molecular configuration in sodium thymonucleate</article-title><source>Nature</source></element-citation></ref></ref-list></back></article>`
	doc := read(t, "elife.xml", src, "")
	if doc.Format != corpus.JATS {
		t.Fatalf("format %q", doc.Format)
	}
	if got := doc.Blocks[0].Text; got != "Helices are common (Watson and Crick, 1953; Franklin and Gosling, 1953)." {
		t.Errorf("text %q", got)
	}
	if len(doc.RefList) != 2 || doc.RefList[0].Label != "" || doc.RefList[0].Text != "Watson JD, Crick FHC (1953) Molecular structure of nucleic acids. Nature." {
		t.Errorf("list %+v", doc.RefList)
	}
}

func TestSniffJATS(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{`<?xml version="1.0"?><!DOCTYPE article PUBLIC "-//NLM//DTD Journal Publishing DTD v3.0 20080202//EN" "journalpublishing3.dtd"><article>`, true},
		{"<!-- x -->\n<article xmlns:mml=\"http://www.w3.org/1998/Math/MathML\" dtd-version=\"1.1\">", true},
		{"<article>\n<front>", true},
		{"<!DOCTYPE html><html><body><article class=\"jats\">", false},
		{"<article class=\"post\"><p>JATS is a format</p>", false},
		{"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><article>jats</article>", false},
		{"Some text about <article> and jats", false},
	} {
		if got := sniffJATS(c.text); got != c.want {
			t.Errorf("sniffJATS(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestReadJATS_HostileInputIsBounded(t *testing.T) {
	deep := "<article dtd-version=\"1\"><body><p>" + strings.Repeat("<italic>", 100000) + "deep" + strings.Repeat("</italic>", 100000) + "</p><p>After.</p></body></article>"
	doc := read(t, "deep.xml", deep, corpus.JATS)
	if len(doc.Blocks) != 1 || doc.Blocks[0].Text != "After." {
		t.Errorf("blocks %+v", doc.Blocks)
	}
	for _, src := range []string{"", "<article", "<article><body><p>x</body>", "<article><body><p>&bogus; &amp; <xref ref-type=\"bibr\" rid=\"\"></xref>[</p></body></article>", "not xml at all"} {
		if _, err := Read("x.nxml", []byte(src), ""); err != nil {
			t.Errorf("Read(%q): %v", src, err)
		}
	}
}

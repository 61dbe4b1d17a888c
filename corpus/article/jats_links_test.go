package article

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

const jatsLinks = `<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" dtd-version="1.1">
<front><article-meta><title-group><article-title>Links</article-title></title-group>
<author-notes><fn><p>See <ext-link ext-link-type="uri" xlink:href="http://www.icmje.org/">ICMJE</ext-link>.</p></fn></author-notes>
</article-meta></front>
<body><sec><title>Intro</title>
<p>Obesity tripled since 1975 (<ext-link ext-link-type="uri" xlink:href="https://www.who.int/news/obesity">the WHO</ext-link>).
Data are at <uri>https://data.example.org/obesity</uri>, the trial is <ext-link ext-link-type="doi" xlink:href="10.1000/trial.1">its paper</ext-link>.
The sequence is <ext-link ext-link-type="gen" xlink:href="AF123456">AF123456</ext-link>; mail <ext-link ext-link-type="email" xlink:href="desk@example.org">the desk</ext-link>.</p>
<table-wrap><table><tr><td><ext-link xlink:href="https://table.example/x">cell</ext-link></td></tr></table></table-wrap>
</sec></body>
<back><ack><p>Thanks to <ext-link xlink:href="https://ack.example/">them</ext-link>.</p></ack>
<ref-list><ref id="r1"><label>1</label><mixed-citation>WHO. Fact sheet. <ext-link ext-link-type="uri" xlink:href="https://www.who.int/fact">https://www.who.int/fact</ext-link></mixed-citation></ref></ref-list>
</back></article>
`

func TestJATSLinks_BodyLinksCiteAndReferenceListLinksDoNot(t *testing.T) {
	doc := read(t, "a.xml", jatsLinks, corpus.JATS)
	want := []corpus.Link{
		{Href: "https://www.who.int/news/obesity", Text: "the WHO", Pos: corpus.Position{Line: 7, Col: 108}},
		{Href: "https://data.example.org/obesity", Text: "https://data.example.org/obesity", Pos: corpus.Position{Line: 8, Col: 18}},
		{Href: "https://doi.org/10.1000/trial.1", Text: "its paper", Pos: corpus.Position{Line: 8, Col: 130}},
		{Href: "gen:AF123456", Text: "AF123456", Pos: corpus.Position{Line: 9, Col: 69}, Skipped: corpus.SkipScheme},
		{Href: "mailto:desk@example.org", Text: "the desk", Pos: corpus.Position{Line: 9, Col: 157}, Skipped: corpus.SkipScheme},
		{Href: "https://www.who.int/fact", Text: "https://www.who.int/fact", Pos: corpus.Position{Line: 13, Col: 73}, Skipped: corpus.SkipRefList},
	}
	wantLinks(t, doc, want)
}

// TestCorpora_PLOSJATSLinks reads the eight PLOS articles: their body
// links (abstracts, body, figure captions) are candidates, and the links
// of their reference lists are skipped as such.
func TestCorpora_PLOSJATSLinks(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corporaDir, "plos-jats", "*.xml"))
	if len(files) == 0 {
		t.Skip("plos-jats articles not found: the shared corpora are not checked out next to the repository")
	}
	count := map[corpus.LinkSkip]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := read(t, filepath.Base(f), string(data), corpus.JATS)
		for _, l := range doc.Links {
			count[l.Skipped]++
		}
	}
	if count[corpus.LinkCandidate] != 31 || count[corpus.SkipRefList] != 71 || len(count) != 2 {
		t.Errorf("links by reason %v, want 31 candidates and 71 in reference lists", count)
	}
}

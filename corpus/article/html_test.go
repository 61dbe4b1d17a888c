package article

import (
	"reflect"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

const newsPage = `<!DOCTYPE html>
<html>
<head>
<title>Does coffee protect the liver? &ndash; Health Desk</title>
<style>p { color: red; }</style>
<script>var tracker = "SCRIPT TEXT";</script>
</head>
<body>
<header><a href="/">Health Desk</a><nav><ul><li>NAV ITEM</li></ul></nav></header>
<div id="cookie-consent"><p>COOKIE TEXT: we use cookies.</p><button>Accept</button></div>
<main>
<article>
<h1>Does coffee protect the liver?</h1>
<p>Drinking coffee is linked to lower rates of cirrhosis.<sup><a href="#ref-1">1</a></sup>
The effect holds for decaf &amp; regular coffee.<sup>2,3</sup></p>
<div class="share-buttons">SHARE TEXT</div>
<p>A trial found no effect on enzymes<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>.</p>
<ul><li>Two cups a day.</li><li>Filtered coffee only.</li></ul>
<figure><img src="a.png" alt="chart"><figcaption>Rates by cups per day.</figcaption></figure>
<aside class="related">RELATED TEXT</aside>
<section class="newsletter-signup"><p>NEWSLETTER TEXT</p></section>
<div>Direct text in a div.</div>
<noscript>NOSCRIPT TEXT</noscript>
<section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"><p>Measured after 12 weeks.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>
<h2>References</h2>
<ol>
<li id="ref-1">Adams R, Baker S. Coffee and cirrhosis. Hepatology. 2001;3:1–10.</li>
<li id="ref-2">Chen L. Decaffeinated coffee. J Nutr. 2005;7:20–25.</li>
<li id="ref-3">Diaz M. Liver enzymes. Gut. 2010;9:5–9.</li>
</ol>
</article>
</main>
<footer><p>FOOTER TEXT</p></footer>
<iframe src="x">IFRAME TEXT</iframe>
</body>
</html>
`

func TestHTML_MainContentOnly(t *testing.T) {
	doc := read(t, "a.html", newsPage, corpus.HTML)
	text := allText(doc)
	for _, junk := range []string{"SCRIPT", "NAV ITEM", "COOKIE", "Accept", "SHARE", "RELATED", "NEWSLETTER", "NOSCRIPT", "FOOTER", "IFRAME", "color: red", "↩"} {
		if strings.Contains(text, junk) {
			t.Errorf("%q leaked into the article text:\n%s", junk, text)
		}
	}
	want := []string{
		"Does coffee protect the liver?",
		"Drinking coffee is linked to lower rates of cirrhosis.^1^ The effect holds for decaf & regular coffee.^2,3^",
		"A trial found no effect on enzymes[^1].",
		"Two cups a day.",
		"Filtered coffee only.",
		"Rates by cups per day.",
		"Direct text in a div.",
		"Measured after 12 weeks.",
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Fatalf("blocks:\n got %q\nwant %q", got, want)
	}
	kinds := []corpus.BlockKind{corpus.KindHeading, corpus.KindSentence, corpus.KindSentence, corpus.KindListItem,
		corpus.KindListItem, corpus.KindCaption, corpus.KindSentence, corpus.KindFootnote}
	for i, b := range doc.Blocks {
		if b.Kind != kinds[i] {
			t.Errorf("block %d %q is %s, want %s", i, b.Text, b.Kind, kinds[i])
		}
	}
	if fn := doc.Blocks[7].Footnote; fn != "1" {
		t.Errorf("footnote label %q, want 1", fn)
	}
	if doc.Title != "Does coffee protect the liver?" { // the <h1>, not the <title> with the site's name
		t.Errorf("Title = %q", doc.Title)
	}
}

func TestHTML_PositionsAndEntities(t *testing.T) {
	doc := read(t, "a.html", newsPage, corpus.HTML)
	p := block(t, doc, "Drinking")
	for _, c := range []struct {
		needle string
		want   corpus.Position
	}{
		{"Drinking", corpus.Position{Line: 14, Col: 4}},
		{"^1^", corpus.Position{Line: 14, Col: 58}},
		{"The effect", corpus.Position{Line: 15, Col: 1}},
		{"&", corpus.Position{Line: 15, Col: 28}},
		{"regular", corpus.Position{Line: 15, Col: 34}},
	} {
		if got := posOf(t, p, c.needle); got != c.want {
			t.Errorf("%q at %v, want %v", c.needle, got, c.want)
		}
	}
}

func TestHTML_ReferenceListUnderHeading(t *testing.T) {
	doc := read(t, "a.html", newsPage, corpus.HTML)
	if doc.RefListHeading != "References" || doc.RefListPos != (corpus.Position{Line: 25, Col: 5}) {
		t.Errorf("heading %q at %v", doc.RefListHeading, doc.RefListPos)
	}
	want := []corpus.ListEntry{
		{Label: "1", Text: "Adams R, Baker S. Coffee and cirrhosis. Hepatology. 2001;3:1–10.", Pos: corpus.Position{Line: 27, Col: 16}, Anchor: "ref-1"},
		{Label: "2", Text: "Chen L. Decaffeinated coffee. J Nutr. 2005;7:20–25.", Pos: corpus.Position{Line: 28, Col: 16}, Anchor: "ref-2"},
		{Label: "3", Text: "Diaz M. Liver enzymes. Gut. 2010;9:5–9.", Pos: corpus.Position{Line: 29, Col: 16}, Anchor: "ref-3"},
	}
	if !reflect.DeepEqual(doc.RefList, want) {
		t.Errorf("RefList:\n got %+v\nwant %+v", doc.RefList, want)
	}
}

func TestHTML_OrderedListStartAndValue(t *testing.T) {
	src := `<h2>Bibliography</h2>
<ol start="7"><li>Seventh work.</li><li>Eighth work.</li><li value="12">Twelfth work.</li><li>Thirteenth.</li></ol>`
	doc := read(t, "a.html", src, corpus.HTML)
	var labels []string
	for _, e := range doc.RefList {
		labels = append(labels, e.Label)
	}
	if want := []string{"7", "8", "12", "13"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("labels = %q, want %q", labels, want)
	}
}

func TestHTML_PandocReferenceDivWithoutHeading(t *testing.T) {
	src := `<p>Coffee helps [@adams2001].</p>
<div id="refs" class="references csl-bib-body hanging-indent" role="list">
<div id="ref-adams2001" class="csl-entry" role="listitem">
Adams, R. 2001. <em>Coffee and Cirrhosis</em>. Hepatology.
</div>
<div id="ref-chen2005" class="csl-entry" role="listitem">
Chen, L. 2005. Decaffeinated Coffee. J Nutr.
</div>
</div>`
	doc := read(t, "a.html", src, corpus.HTML)
	want := []corpus.ListEntry{
		{Label: "adams2001", Text: "Adams, R. 2001. Coffee and Cirrhosis. Hepatology.", Pos: corpus.Position{Line: 4, Col: 1}, Anchor: "ref-adams2001"},
		{Label: "chen2005", Text: "Chen, L. 2005. Decaffeinated Coffee. J Nutr.", Pos: corpus.Position{Line: 7, Col: 1}, Anchor: "ref-chen2005"},
	}
	if !reflect.DeepEqual(doc.RefList, want) {
		t.Errorf("RefList:\n got %+v\nwant %+v", doc.RefList, want)
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"Coffee helps [@adams2001]."}) {
		t.Errorf("blocks = %q", got)
	}
}

func TestHTML_PandocNumericEntriesJoinTheirParts(t *testing.T) {
	src := `<div id="refs" class="references csl-bib-body">
<div id="ref-adams2001" class="csl-entry"><div class="csl-left-margin">[1] </div><div class="csl-right-inline">Adams R. Coffee. 2001.</div></div>
<div id="ref-chen2005" class="csl-entry"><div class="csl-left-margin">[2] </div><div class="csl-right-inline">Chen L. Tea. 2005.</div></div>
</div>`
	doc := read(t, "a.html", src, corpus.HTML)
	var got []string
	for _, e := range doc.RefList {
		got = append(got, e.Label+"|"+e.Text+"|"+e.Anchor)
	}
	if want := []string{"1|Adams R. Coffee. 2001.|ref-adams2001", "2|Chen L. Tea. 2005.|ref-chen2005"}; !reflect.DeepEqual(got, want) {
		t.Errorf("entries = %q, want %q", got, want)
	}
}

func TestHTML_BodyWhenNoMainOrArticle(t *testing.T) {
	src := "<html><body><nav>Menu</nav><p>Only a body paragraph.</p><div class=\"breadcrumb\">Home</div></body></html>"
	doc := read(t, "a.html", src, corpus.HTML)
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"Only a body paragraph."}) {
		t.Errorf("blocks = %q", got)
	}
}

func TestHTML_ArticleIsPreferredToTheRestOfTheBody(t *testing.T) {
	src := "<body><p>Site intro outside.</p><article><p>The story itself.</p></article><p>After the article.</p></body>"
	doc := read(t, "a.html", src, corpus.HTML)
	if got := blockTexts(doc); !reflect.DeepEqual(got, []string{"The story itself."}) {
		t.Errorf("blocks = %q", got)
	}
}

func TestHTML_UnclosedElements(t *testing.T) {
	src := "<p>First para\n<p>Second para\n<ul><li>one<li>two</ul><table><tr><td>a<td>b</table>"
	doc := read(t, "a.html", src, corpus.HTML)
	want := []string{"First para", "Second para", "one", "two", "a", "b"}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks = %q, want %q", got, want)
	}
}

func TestHTML_KramdownFootnoteInSup(t *testing.T) {
	src := `<p>Claim.<sup id="fnref:a" role="doc-noteref"><a href="#fn:a" class="footnote" rel="footnote">1</a></sup> More.</p>`
	doc := read(t, "a.html", src, corpus.HTML)
	if got := doc.Blocks[0].Text; got != "Claim.[^a] More." {
		t.Errorf("text = %q", got)
	}
}

func TestHTML_TokenizerBytesAddUp(t *testing.T) {
	// The positions rely on the tokenizer's Raw bytes covering the input.
	for _, src := range []string{newsPage, "<p>a<b>b</p", "<!-- x", "<script>a</scr", "text & more &amp; <", "<p>\xff</p>"} {
		doc, err := Read("x.html", []byte(src), corpus.HTML)
		if err != nil {
			t.Fatal(err)
		}
		checkDocument(t, doc, src)
	}
}

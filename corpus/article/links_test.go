package article

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// linkReasons maps each link's address to why it cites nothing ("" for a
// citation), failing on an address seen twice.
func linkReasons(t *testing.T, doc *corpus.Document) map[string]corpus.LinkSkip {
	t.Helper()
	got := map[string]corpus.LinkSkip{}
	for _, l := range doc.Links {
		if _, dup := got[l.Href]; dup {
			t.Fatalf("link %s recorded twice", l.Href)
		}
		got[l.Href] = l.Skipped
	}
	return got
}

func wantReasons(t *testing.T, got, want map[string]corpus.LinkSkip) {
	t.Helper()
	for href, w := range want {
		g, ok := got[href]
		if !ok {
			t.Errorf("%s: not recorded", href)
			continue
		}
		if g != w {
			t.Errorf("%s: reason %q, want %q", href, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d links recorded, want %d: %v", len(got), len(want), got)
	}
}

// wantLinks compares a document's links with want, in order.
func wantLinks(t *testing.T, doc *corpus.Document, want []corpus.Link) {
	t.Helper()
	if len(doc.Links) != len(want) {
		t.Fatalf("%d links, want %d: %+v", len(doc.Links), len(want), doc.Links)
	}
	for i, w := range want {
		if doc.Links[i] != w {
			t.Errorf("link %d:\n got %+v\nwant %+v", i, doc.Links[i], w)
		}
	}
}

func TestHTMLLinks_EachSkipReason(t *testing.T) {
	const page = `<html><head><link rel="canonical" href="https://news.example/a/story"></head><body>
<header><a href="https://other.example/header">Logo</a></header>
<nav><a href="https://other.example/nav">Section</a></nav>
<main>
<p class="byline">By <a href="https://other.example/jane">Jane</a></p>
<p>Written by <a rel="author" href="https://other.example/j2">J.</a> and <a href="https://other.example/people/kim">Kim</a>.</p>
<div class="social-share"><a href="https://other.example/share-me">Share</a></div>
<p>Share it: <a href="https://www.facebook.com/sharer/sharer.php?u=x">f</a> <a href="https://x.com/intent/post?text=y">x</a>
<a href="https://www.linkedin.com/shareArticle?url=z">in</a> <a href="https://www.reddit.com/submit?url=z">r</a></p>
<p><a href="https://other.example/donate">Give</a> or <a href="https://other.example/join">Subscribe now</a>.</p>
<p>Mail <a href="mailto:desk@news.example?subject=Hi">us</a>, call <a href="tel:+4412345">us</a>, or <a href="javascript:void(0)">click</a>.</p>
<p>See <a href="#method">below</a> and <a href="/archive">the archive</a> and <a href="https://news.example/b/other">our story</a>.</p>
<p><a href="https://other.example/pic"><img src="p.png" alt=""></a></p>
<p>Obesity tripled, <a href="https://www.who.int/news-room/fact-sheets/detail/obesity-and-overweight">the WHO says</a>.</p>
<aside><a href="https://other.example/aside">More</a></aside>
</main>
<footer><a href="https://other.example/footer">About</a></footer>
</body></html>`
	doc := read(t, "p.html", page, corpus.HTML)
	wantReasons(t, linkReasons(t, doc), map[string]corpus.LinkSkip{
		"https://other.example/header":                   corpus.SkipChrome,
		"https://other.example/nav":                      corpus.SkipChrome,
		"https://other.example/jane":                     corpus.SkipAuthor,
		"https://other.example/j2":                       corpus.SkipAuthor,
		"https://other.example/people/kim":               corpus.SkipAuthor,
		"https://other.example/share-me":                 corpus.SkipShare,
		"https://www.facebook.com/sharer/sharer.php?u=x": corpus.SkipShare,
		"https://x.com/intent/post?text=y":               corpus.SkipShare,
		"https://www.linkedin.com/shareArticle?url=z":    corpus.SkipShare,
		"https://www.reddit.com/submit?url=z":            corpus.SkipShare,
		"https://other.example/donate":                   corpus.SkipSubscribe,
		"https://other.example/join":                     corpus.SkipSubscribe,
		"mailto:desk@news.example?subject=Hi":            corpus.SkipScheme,
		"tel:+4412345":                                   corpus.SkipScheme,
		"javascript:":                                    corpus.SkipScheme,
		"#method":                                        corpus.SkipAnchor,
		"/archive":                                       corpus.SkipSameSite,
		"https://news.example/b/other":                   corpus.SkipSameSite,
		"https://other.example/pic":                      corpus.SkipImage,
		"https://other.example/aside":                    corpus.SkipChrome,
		"https://other.example/footer":                   corpus.SkipChrome,
		"https://www.who.int/news-room/fact-sheets/detail/obesity-and-overweight": corpus.LinkCandidate,
	})
	for _, l := range doc.Links {
		if l.Skipped == corpus.LinkCandidate {
			if l.Text != "the WHO says" || l.Pos != (corpus.Position{Line: 14, Col: 103}) {
				t.Errorf("candidate %+v, want its text and the position of its first letter (14:103)", l)
			}
		}
	}
}

func TestHTMLLinks_OwnSiteByMostLinks(t *testing.T) {
	// No canonical address: the host most body links point at is the
	// site's own.
	const page = `<main><p>A <a href="https://paper.example/1">a</a> B <a href="https://paper.example/2">b</a>
C <a href="https://paper.example/3">c</a> D <a href="https://doi.org/10.1000/xyz">d</a>.</p></main>`
	wantReasons(t, linkReasons(t, read(t, "p.html", page, corpus.HTML)), map[string]corpus.LinkSkip{
		"https://paper.example/1": corpus.SkipSameSite, "https://paper.example/2": corpus.SkipSameSite,
		"https://paper.example/3": corpus.SkipSameSite, "https://doi.org/10.1000/xyz": corpus.LinkCandidate,
	})
}

func TestMarkdownLinks_EveryFormAndSkipReason(t *testing.T) {
	const src = `By [Jane](https://paper.example/authors/jane).

Inline [study](https://doi.org/10.1000/abc), reference [report][r], autolink <https://www.cdc.gov/x/y>,
bare https://arxiv.org/abs/1706.03762 in prose, and a note.[^1]

[Subscribe](https://paper.example/subscribe), [here](#top), <mailto:desk@paper.example>,
[![logo](logo.png)](https://other.example/logo) and me@example.org.

[r]: https://www.who.int/publications/i/item/9789241549028
[^1]: See [the trial](https://pubmed.ncbi.nlm.nih.gov/16060722/).
`
	doc := read(t, "a.md", src, corpus.Markdown)
	wantReasons(t, linkReasons(t, doc), map[string]corpus.LinkSkip{
		"https://paper.example/authors/jane":                    corpus.SkipAuthor,
		"https://doi.org/10.1000/abc":                           corpus.LinkCandidate,
		"https://www.who.int/publications/i/item/9789241549028": corpus.LinkCandidate,
		"https://www.cdc.gov/x/y":                               corpus.LinkCandidate,
		"https://arxiv.org/abs/1706.03762":                      corpus.LinkCandidate,
		"https://pubmed.ncbi.nlm.nih.gov/16060722/":             corpus.LinkCandidate,
		"https://paper.example/subscribe":                       corpus.SkipSubscribe,
		"#top":                                                  corpus.SkipAnchor,
		"mailto:desk@paper.example":                             corpus.SkipScheme,
		"https://other.example/logo":                            corpus.SkipImage,
	})
	for _, l := range doc.Links {
		if l.Href == "https://www.who.int/publications/i/item/9789241549028" && (l.Text != "report" || l.Pos != (corpus.Position{Line: 3, Col: 57})) {
			t.Errorf("reference link %+v: want text report at 3:57, where it is used", l)
		}
		if l.Href == "https://arxiv.org/abs/1706.03762" && l.Pos != (corpus.Position{Line: 4, Col: 6}) {
			t.Errorf("bare address at %v, want 4:6", l.Pos)
		}
	}
	if got := block(t, doc, "Inline").Text; got != "Inline study, reference report, autolink https://www.cdc.gov/x/y, bare https://arxiv.org/abs/1706.03762 in prose, and a note.[^1]" {
		t.Errorf("text %q: links must leave the prose as it was", got)
	}
}

func TestMarkdownLinks_ManyDOILinksAreNotTheSite(t *testing.T) {
	// Five links to doi.org are five papers, not the article's own site.
	src := ""
	for _, d := range []string{"1", "2", "3", "4", "5"} {
		src += "Claim " + d + " [holds](https://doi.org/10.1000/x" + d + ").\n\n"
	}
	for href, reason := range linkReasons(t, read(t, "a.md", src, corpus.Markdown)) {
		if reason != corpus.LinkCandidate {
			t.Errorf("%s: skipped as %s", href, reason)
		}
	}
}

func TestMarkdownLinks_RawHTMLAnchorsAreLinks(t *testing.T) {
	const src = `Obesity tripled since 1975, <a href="https://www.who.int/news/obesity?a=1&amp;b=2">the WHO
says</a>. Adults were obese in 2016, <a title="x" href='https://www.cdc.gov/db288.htm'>a <em>report</em></a> found.

A logo <a href="https://other.example/logo"><img src="logo.png" alt="logo"></a>, <a href="https://pic.example/x">![alt](i.png)</a> and [![alt](img.png)](https://img.example/x).

An <a href="https://open.example/never">unclosed link</a and <a name="x">no address</a>, <a href="mailto:desk@example.org">mail</a>.

<div>
<p>In an HTML block, <a href="https://block.example/study">a study</a> says tea helps.</p>
</div>
`
	doc := read(t, "a.md", src, corpus.Markdown)
	wantLinks(t, doc, []corpus.Link{
		{Href: "https://www.who.int/news/obesity?a=1&b=2", Text: "the WHO says", Pos: corpus.Position{Line: 1, Col: 84}},
		{Href: "https://www.cdc.gov/db288.htm", Text: "a report", Pos: corpus.Position{Line: 2, Col: 88}},
		{Href: "https://other.example/logo", Pos: corpus.Position{Line: 4, Col: 8}, Skipped: corpus.SkipImage},
		{Href: "https://pic.example/x", Pos: corpus.Position{Line: 4, Col: 82}, Skipped: corpus.SkipImage},
		{Href: "https://img.example/x", Pos: corpus.Position{Line: 4, Col: 136}, Skipped: corpus.SkipImage},
		// An <a> without href closes the one open, as HTML does.
		{Href: "https://open.example/never", Text: "unclosed link</a and", Pos: corpus.Position{Line: 6, Col: 41}},
		{Href: "mailto:desk@example.org", Text: "mail", Pos: corpus.Position{Line: 6, Col: 124}, Skipped: corpus.SkipScheme},
		{Href: "https://block.example/study", Text: "a study", Pos: corpus.Position{Line: 9, Col: 60}},
	})
	if got := block(t, doc, "Obesity").Text; got != "Obesity tripled since 1975, the WHO says. Adults were obese in 2016, a report found." {
		t.Errorf("text %q: raw links must leave the prose as it was", got)
	}
	// One the paragraph never closes ends with the paragraph.
	doc = read(t, "b.md", "Tea <a href=\"https://open.example/\">helps.\n\nNext.\n", corpus.Markdown)
	wantLinks(t, doc, []corpus.Link{{Href: "https://open.example/", Text: "helps.", Pos: corpus.Position{Line: 1, Col: 37}}})
}

package article

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// A news page ends with lists of other stories ("Related", "Most read",
// "More from Science", "Read more: …"). Those in an <aside> or <nav>, or
// in an element whose class says so (skipWords), are never read; the rest
// are told here, after reading, by their shape: a label, as a heading or a
// short block, followed by blocks that are nothing but links (the teasers'
// headlines, a linked heading perhaps with a short summary under it), or
// a label run into one link ("Read more: How to keep cool"). They are page
// chrome, not the article's sentences. A list of the article's own, whose
// items are sentences with a link in them, is not all link and stays.

// chromeLabels are the labels of such lists, lower case, without a final
// colon. "See also" and "Further reading" are not among them: under those
// an article lists works, which may be its sources.
var chromeLabels = set("related", "related stories", "related articles", "related content", "related topics",
	"related coverage", "related links", "related posts", "related news", "related reading", "related guides",
	"read more", "read next", "keep reading", "also read", "most read", "most popular", "most viewed", "most shared",
	"popular", "popular now", "trending", "trending now", "recommended", "recommended for you", "you may also like",
	"you might also like", "you may be interested in", "more stories", "more news", "top stories", "latest news",
	"editor's picks", "editors' picks", "don't miss")

// chromePrefixes start labels that go on with a section's or a topic's
// name: "More from Science", "More on this story".
var chromePrefixes = []string{"more from ", "more on ", "more in ", "more about "}

// maxLabel is the longest label ("More from Health and Science"), and
// maxLabelled the longest block that may be a label with its link ("Read
// more: " and a headline).
const maxLabel, maxLabelled = 60, 300

// linkShare is the least share of a block's text inside links for the
// block to be a teaser rather than a sentence with a link in it.
const linkShare = 0.8

// dropLinkLists returns blocks without the link lists they hold, and marks
// the links inside what it drops as page chrome: a teaser's link cites
// nothing.
func dropLinkLists(blocks []rawBlock, links []corpus.Link) []rawBlock {
	out := blocks[:0] // filtered in place: nothing is read behind what is written
	var dropped [][2]corpus.Position
	drop := func(bs []rawBlock) {
		for _, b := range bs {
			if len(b.pos) > 0 {
				dropped = append(dropped, [2]corpus.Position{b.pos[0], b.pos[len(b.pos)-1]})
			}
		}
	}
	for i := 0; i < len(blocks); i++ {
		b := &blocks[i]
		label, rest := chromeLabel(b.text)
		switch {
		case !label || b.refList || b.footnote != "":
		case rest != "":
			// "Read more: How to keep cool", the headline a link.
			if float64(b.linked) >= linkShare*float64(len(rest)) {
				drop(blocks[i : i+1])
				continue
			}
		default:
			j, headline := i+1, false
			for j < len(blocks) {
				t := teaserPart(&blocks[j], b, headline)
				if t == notTeaser {
					break
				}
				headline = t == teaserHeadline
				j++
			}
			if j > i+1 {
				drop(blocks[i:j])
				i = j - 1
				continue
			}
		}
		out = append(out, *b)
	}
	for i := range links {
		for _, d := range dropped {
			if p := links[i].Pos; !before(p, d[0]) && !before(d[1], p) {
				links[i].Skipped = corpus.SkipChrome
				break
			}
		}
	}
	return out
}

// chromeLabel reports whether text is, or starts with, the label of a link
// list, and returns what follows a label that starts it ("Read more: …").
func chromeLabel(text string) (label bool, rest string) {
	colon := strings.IndexByte(text, ':')
	if len(text) > maxLabelled || len(text) > maxLabel && (colon < 0 || colon > maxLabel) {
		return false, "" // prose, not looked at word by word
	}
	norm := strings.ToLower(strings.Join(strings.Fields(text), " "))
	norm = strings.ReplaceAll(norm, "’", "'")
	whole := strings.TrimRight(norm, " :»›>…")
	if chromeLabels[whole] {
		return true, ""
	}
	for _, p := range chromePrefixes {
		if strings.HasPrefix(whole, p) && len(strings.Fields(whole)) <= 5 && !strings.ContainsAny(whole, ".,;") {
			return true, ""
		}
	}
	// A label run into its link: "Related: School budget faces a gap".
	head, tail, ok := strings.Cut(norm, ":")
	if ok && chromeLabels[strings.TrimSpace(head)] && strings.TrimSpace(tail) != "" {
		return true, strings.TrimSpace(text[strings.IndexByte(text, ':')+1:])
	}
	return false, ""
}

// The parts of a teaser list.
const (
	notTeaser      = iota
	teaserLink     // a block that is all link
	teaserHeadline // a heading that is all link: a summary may follow
	teaserSummary  // a short block under a headline
)

// maxSummaryWords is the longest summary under a teaser's headline.
const maxSummaryWords = 40

// teaserPart tells what block b, after the label block, is in the list:
// (nearly) all link, or the summary under a teaser's headline; under a
// heading, no heading of the same or a higher level belongs to it.
func teaserPart(b, label *rawBlock, afterHeadline bool) int {
	if b.refList || b.footnote != "" || b.text == "" {
		return notTeaser
	}
	if label.kind == corpus.KindHeading && b.kind == corpus.KindHeading && b.level <= label.level {
		return notTeaser
	}
	switch {
	case float64(b.linked) >= linkShare*float64(len(b.text)):
		if b.kind == corpus.KindHeading {
			return teaserHeadline
		}
		return teaserLink
	case afterHeadline && b.kind != corpus.KindHeading && !moreWordsThan(b.text, maxSummaryWords):
		return teaserSummary
	}
	return notTeaser
}

// before reports whether position p comes before q.
func before(p, q corpus.Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Col < q.Col
}

package article

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// An article's title is its headline: not the site's name above it (a
// badge, a logo's text) and not whatever line comes first.

// bodyStartWords is how many words a paragraph has from which it is the
// body: a heading after it is a section, not the headline.
const bodyStartWords = 12

// headline picks the article's headline among the headings that come
// before its body: the highest level (h1 before h2), and among headings
// of one level the one with more words, since a site's badge ("HealthWise
// Daily") is shorter than a headline. Without a heading before the body,
// it is the first heading of all. nil when there is none.
func headline(raws []rawBlock) *rawBlock {
	var best *rawBlock
	for i := range raws {
		r := &raws[i]
		if r.text == "" || r.footnote != "" {
			continue
		}
		if r.kind == corpus.KindHeading && isRefHeading(r.text) {
			continue // "References" names a list, not the article
		}
		if r.kind != corpus.KindHeading {
			if best != nil && len(strings.Fields(r.text)) >= bodyStartWords {
				break // the body has begun
			}
			continue
		}
		if best == nil || r.level < best.level ||
			r.level == best.level && badge(best.text) && !badge(r.text) {
			best = r
		}
	}
	return best
}

// badge reports whether a heading is short enough to be a site's name
// rather than a headline: three words or fewer.
func badge(s string) bool { return len(strings.Fields(s)) <= 3 }

// titleSeparators part a page's <title> into the headline and the site's
// name: "Vitamin D and immunity | HealthWise", "BBC News - Health".
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " » "}

// cleanTitle takes the site's name off a page's <title>: the part after
// (or before) the last (first) separator when it is a short name and the
// rest is longer. A site's name comes first only before " | " or " :: ";
// "COVID-19 - what we know" keeps its head.
func cleanTitle(t string) string {
	t = strings.TrimSpace(t)
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(t, sep); i > 0 {
			head, tail := t[:i], t[i+len(sep):]
			if badgeName(tail) && len(strings.Fields(head)) > len(strings.Fields(tail)) {
				return cleanTitle(head)
			}
		}
		if i := strings.Index(t, sep); i > 0 && (sep == " | " || sep == " :: ") {
			head, tail := t[:i], t[i+len(sep):]
			if badgeName(head) && len(strings.Fields(tail)) > len(strings.Fields(head)) {
				return cleanTitle(tail)
			}
		}
	}
	return t
}

// badgeName reports whether a part of a <title> reads as a site's name:
// at most four words.
func badgeName(s string) bool {
	n := len(strings.Fields(s))
	return n > 0 && n <= 4
}

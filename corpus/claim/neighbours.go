package claim

import (
	"strings"
	"unicode"

	"github.com/evident-tools/evident/corpus"
)

// What the sentences around a sentence say about it: whether the writer
// cited it or its neighbours, and how much of the article cites at all. A
// plain sentence between two cited findings is more often a claim left
// without its source than one in a paragraph that cites nothing, and an
// uncited sentence in a densely cited paper is more often the authors' own
// reasoning than one in an essay that cites once. The sentences alone do not
// say which carry a link (an HTML link is not in a sentence's text), so the
// caller tells the layout with SetCited.

// SetCited tells the layout which sentences carry a citation as written
// (a marker or a link), whether or not it resolves: what the writer chose to
// cite, not what the library holds. Without it the learned model reads an
// article as one that cites nothing.
func (l *Layout) SetCited(cited func(i int) bool) {
	l.cited = make([]bool, len(l.sentences))
	l.paraCites = map[int]int{}
	n, c := 0, 0
	for i, s := range l.sentences {
		l.cited[i] = cited(i)
		if s.Kind == corpus.KindHeading {
			continue
		}
		n++
		if l.cited[i] {
			c++
			l.paraCites[s.Paragraph]++
		}
	}
	if n > 0 {
		l.citeShare = float64(c) / float64(n)
	}
	l.sectionCites()
}

// neighbours fills in ctx what the layout knows of the citations around
// sentence i.
func (l *Layout) neighbours(i int, ctx *context) {
	if l.cited == nil {
		return
	}
	s := l.sentences[i]
	ctx.citeShare = l.citeShare
	ctx.cited = l.cited[i]
	self := 0
	if ctx.cited {
		self = 1
	}
	ctx.paraCited = l.paraCites[s.Paragraph] > self
	if i > 0 && l.sentences[i-1].Kind != corpus.KindHeading {
		ctx.prevCited = l.cited[i-1]
	}
	if i+1 < len(l.sentences) && l.sentences[i+1].Kind != corpus.KindHeading {
		ctx.nextCited = l.cited[i+1]
		if ctx.nextCited && !ctx.cited {
			next := l.sentences[i+1].Text
			ctx.nextLow = strings.ToLower(next)
			ctx.nextWords = wordCount(next)
		}
	}
}

// wordCount is len(strings.Fields(s)) without the slice: it runs for every
// uncited sentence before a cited one.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

package claim

import (
	"math"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// Where a sentence stands in its section and paragraph, and what its
// article is like as a whole, for the learned model only: cues that do not
// depend on a writer's words, so that they carry over to a new writer's
// articles. A section that cites most of its sentences is a review of
// other people's work, where an uncited sentence is more often a claim left
// without its source; a section that cites none is the writer's own
// narrative, method or advice. The last sentence of a section or a
// paragraph is where a writer sums up or turns to the reader; the first,
// where the section says what it will cover.

// Place inputs, offsets from inPlace.
const (
	pSectionPos  = iota // position in its section, 0 at the first sentence after the heading, 1 at the last
	pFirstInSect        // the first sentence after a heading (or of the article)
	pLastInSect         // the last sentence before the next heading (or the end)
	pSectionCite        // share of the section's sentences that cite
	pSectionNone        // the section cites nothing, in an article that cites
	pLastInPara         // the last sentence of a paragraph of two or more
	pArticleLen         // log of the article's sentences, over 6
	pPastShare          // share of the article's sentences in the past tense
	pAloneInPara        // a paragraph of one sentence
	pPrevDigit          // the sentence before, in the same paragraph, holds a digit
	pNextDigit          // the sentence after, in the same paragraph, holds a digit and this one none
	pNextLonger         // the sentence after, in the same paragraph, is half as long again
	pNextQuote          // the sentence after, in the same paragraph, holds a quotation mark
	numPlace
)

// sections marks, for each sentence, the first and last index of its
// section (the sentences between two headings), its paragraph's length, and
// the few things of each sentence its neighbours read: whether it holds a
// digit or a quotation mark, and its length in words.
func (l *Layout) sections() {
	n := len(l.sentences)
	l.sectStart, l.sectEnd = make([]int32, n), make([]int32, n)
	l.traits = make([]traits, n)
	l.paraLen = map[int]int{}
	start := 0
	for i, s := range l.sentences {
		l.traits[i] = traits{digit: strings.ContainsAny(s.Text, "0123456789"), quote: strings.ContainsAny(s.Text, "\"“”"),
			words: int32(wordCount(s.Text))}
		if s.Kind == corpus.KindHeading {
			start = i + 1
			continue
		}
		l.sectStart[i] = int32(start)
		l.paraLen[s.Paragraph]++
	}
	end := n - 1
	for i := n - 1; i >= 0; i-- {
		if l.sentences[i].Kind == corpus.KindHeading {
			end = i - 1
			continue
		}
		l.sectEnd[i] = int32(end)
	}
}

// traits are what a sentence's neighbours read of it.
type traits struct {
	digit, quote bool
	words        int32
}

// sectionCites counts the cited sentences of each section, keyed by its
// first sentence: SetCited calls it.
func (l *Layout) sectionCites() {
	l.sectCites = map[int32]int{}
	for i, c := range l.cited {
		if c && l.sentences[i].Kind != corpus.KindHeading {
			l.sectCites[l.sectStart[i]]++
		}
	}
}

// place fills in ctx where sentence i stands in its section and paragraph.
func (l *Layout) place(i int, ctx *context) {
	s := l.sentences[i]
	ctx.placed = true
	if s.Kind == corpus.KindHeading {
		return
	}
	a, b := int(l.sectStart[i]), int(l.sectEnd[i])
	if b > a {
		ctx.sectionPos = float64(i-a) / float64(b-a)
	}
	ctx.firstInSect, ctx.lastInSect = i == a, i == b
	if l.cited != nil {
		ctx.sectionCite = float64(l.sectCites[int32(a)]) / float64(b-a+1)
	}
	ctx.paraLen = l.paraLen[s.Paragraph]
	ctx.lastInPara = i+1 >= len(l.sentences) || l.sentences[i+1].Paragraph != s.Paragraph
	if i > 0 && !ctx.firstInPara {
		ctx.prevDigit = l.traits[i-1].digit
	}
	if !ctx.lastInPara {
		me, next := l.traits[i], l.traits[i+1]
		ctx.nextDigit = next.digit && !me.digit
		ctx.nextLonger = 2*next.words >= 3*me.words
		ctx.nextQuote = next.quote
	}
}

// placeInputs emits the place inputs of a sentence; a sentence judged
// alone, with no layout, has none.
func placeInputs(ctx context, emit func(int, float64)) {
	if !ctx.placed {
		return
	}
	on := func(i int, b bool) {
		if b {
			emit(inPlace+i, 1)
		}
	}
	if ctx.sectionPos > 0 {
		emit(inPlace+pSectionPos, ctx.sectionPos)
	}
	on(pFirstInSect, ctx.firstInSect)
	on(pLastInSect, ctx.lastInSect)
	if ctx.sectionCite > 0 {
		emit(inPlace+pSectionCite, ctx.sectionCite)
	}
	on(pSectionNone, ctx.sectionCite == 0 && ctx.citeShare > 0)
	on(pLastInPara, ctx.lastInPara && ctx.paraLen > 1)
	on(pAloneInPara, ctx.paraLen == 1)
	if ctx.articleLen > 0 {
		emit(inPlace+pArticleLen, math.Log(float64(ctx.articleLen))/6)
	}
	if ctx.pastShare > 0 {
		emit(inPlace+pPastShare, ctx.pastShare)
	}
	on(pPrevDigit, ctx.prevDigit)
	on(pNextDigit, ctx.nextDigit)
	on(pNextLonger, ctx.nextLonger)
	on(pNextQuote, ctx.nextQuote)
}

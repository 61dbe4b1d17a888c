package claim

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestLayout_PlaceReadsSectionAndParagraph(t *testing.T) {
	doc := []corpus.Sentence{
		{Text: "Background", Kind: corpus.KindHeading},
		{Text: "Falls are common.", Kind: corpus.KindSentence, Paragraph: 1},
		{Text: "About 30% of people over 65 fall each year [1].", Kind: corpus.KindSentence, Paragraph: 1},
		{Text: "Most falls happen at home [2].", Kind: corpus.KindSentence, Paragraph: 2},
		{Text: "What to do", Kind: corpus.KindHeading},
		{Text: "Keep the floor clear.", Kind: corpus.KindSentence, Paragraph: 3},
	}
	l := NewLayout(doc)
	l.SetCited(func(i int) bool { return i == 2 || i == 3 })
	cases := []struct {
		i                                       int
		pos, sectCite                           float64
		first, last, lastInPara, nextDig, alone bool
	}{
		// The first of three sentences under "Background", two of them
		// cited, before a longer sentence with a figure.
		{i: 1, pos: 0, sectCite: 2.0 / 3, first: true, nextDig: true},
		{i: 2, pos: 0.5, sectCite: 2.0 / 3, lastInPara: true},
		{i: 3, pos: 1, sectCite: 2.0 / 3, last: true, lastInPara: true, alone: true},
		// Alone under its heading, in a section that cites nothing.
		{i: 5, pos: 0, sectCite: 0, first: true, last: true, lastInPara: true, alone: true},
	}
	for _, c := range cases {
		ctx := l.context(c.i)
		if !ctx.placed || ctx.sectionPos != c.pos || ctx.sectionCite != c.sectCite || ctx.firstInSect != c.first ||
			ctx.lastInSect != c.last || ctx.lastInPara != c.lastInPara || ctx.nextDigit != c.nextDig ||
			(ctx.paraLen == 1) != c.alone {
			t.Errorf("sentence %d: placed %v, position %v, section cites %v, first %v, last %v, last in paragraph %v, "+
				"next has a digit %v, paragraph of %d", c.i, ctx.placed, ctx.sectionPos, ctx.sectionCite, ctx.firstInSect,
				ctx.lastInSect, ctx.lastInPara, ctx.nextDigit, ctx.paraLen)
		}
	}
	got := map[int]float64{}
	placeInputs(l.context(5), func(i int, v float64) { got[i-inPlace] = v })
	if got[pSectionNone] != 1 || got[pFirstInSect] != 1 || got[pAloneInPara] != 1 {
		t.Errorf("inputs of the advice under its own heading: %v", got)
	}
}

func TestJudge_ASentenceAloneHasNoPlace(t *testing.T) {
	var emitted []int
	placeInputs(context{}, func(i int, _ float64) { emitted = append(emitted, i) })
	if len(emitted) != 0 {
		t.Fatalf("a sentence judged without its article has place inputs %v", emitted)
	}
}

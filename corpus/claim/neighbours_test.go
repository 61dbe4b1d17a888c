package claim

import (
	"testing"
)

func TestLayout_SetCitedTellsEachSentenceItsNeighbours(t *testing.T) {
	sentences := sentencesOf(
		"# Background",
		"Plain opening sentence.", // 1
		"A cited finding.",        // 2
		"A sentence after it.",    // 3
		"",
		"A paragraph that cites nothing.", // 4
		"# Next",
		"Under the next heading.", // 6
	)
	cited := map[int]bool{2: true}
	l := NewLayout(sentences)
	before := l.context(1)
	if before.prevCited || before.nextCited || before.paraCited || before.citeShare != 0 {
		t.Fatalf("without SetCited: %+v", before)
	}
	l.SetCited(func(i int) bool { return cited[i] })
	for _, c := range []struct {
		i                                      int
		cited, prev, next, para, last, loneOut bool
	}{
		{1, false, false, true, true, false, false},
		{2, true, false, false, false, false, false},
		{3, false, true, false, true, false, false},
		{4, false, false, false, false, true, true},
		{6, false, false, false, false, true, true},
	} {
		ctx := l.context(c.i)
		if ctx.cited != c.cited || ctx.prevCited != c.prev || ctx.nextCited != c.next || ctx.paraCited != c.para ||
			ctx.lastPara != c.last {
			t.Errorf("sentence %d %q: cited %v prev %v next %v para %v last %v; want %v %v %v %v %v", c.i,
				sentences[c.i].Text, ctx.cited, ctx.prevCited, ctx.nextCited, ctx.paraCited, ctx.lastPara, c.cited,
				c.prev, c.next, c.para, c.last)
		}
		// One cited sentence of five: a share of 0.2.
		if ctx.citeShare != 0.2 {
			t.Errorf("sentence %d: cite share %v, want 0.2", c.i, ctx.citeShare)
		}
		var lone bool
		var sc scan
		sc.clean(sentences[c.i].Text)
		sc.toks = tokenize(sc.low, sc.orig, nil)
		sc.shapeInputs(ctx, 0, func(k int, _ float64) { lone = lone || k == sLoneUncited })
		if lone != c.loneOut {
			t.Errorf("sentence %d: alone uncited %v, want %v", c.i, lone, c.loneOut)
		}
	}
}

// TestLayout_InputsAreWhatJudgeScoresWithCitations is
// TestLayout_InputsAreWhatJudgeScores with the citations check tells the
// layout.
func TestLayout_InputsAreWhatJudgeScoresWithCitations(t *testing.T) {
	for _, a := range loadLabelled(t) {
		l := NewLayout(a.sentences)
		l.SetCited(func(i int) bool { return len(a.markers[i]) > 0 })
		if !modelAdopted {
			t.Skip("the model is not adopted")
		}
		for i := range a.sentences {
			want := scoreOfInputs(l, i)
			if l.inRefNote(i) {
				want = min(want, refNoteScore) // a reference entry's footnote: a rule over the model
			}
			if got := l.Judge(i, 0).Score; got-want > 1e-9 || want-got > 1e-9 {
				t.Fatalf("%s sentence %d: Judge scores %.6f, its inputs give %.6f", a.name, i, got, want)
			}
		}
	}
}

package main

import (
	"testing"

	"github.com/evident-tools/evident/corpus/claim/internal/train"
)

func TestKindShifts_BringEachKindsBestThresholdToTheGlobalOne(t *testing.T) {
	// A paper's claims score 0.8 and its other sentences 0.6; an essay's
	// 0.3 and 0.1: no one threshold separates both, one for each does.
	var ex []train.Example
	var probs []float64
	var kinds []int
	add := func(set string, kind int, claim bool, p float64) {
		ex = append(ex, train.Example{Article: set + "/a.md", Claim: claim, Uncited: true})
		probs, kinds = append(probs, p), append(kinds, kind)
	}
	for _, set := range []string{"one", "two"} {
		for range 5 {
			add(set, 0, true, 0.8)
			add(set, 0, false, 0.6)
			add(set, 1, true, 0.3)
			add(set, 1, false, 0.1)
		}
	}
	const th = 0.5
	shift := kindShifts(ex, probs, kinds, func(int) bool { return true }, th)
	for i, e := range ex {
		if got := shifted(probs[i], shift[kinds[i]]) >= th; got != e.Claim {
			t.Errorf("kind %d, score %.1f: flagged %v after shift %.2f, want %v", kinds[i], probs[i], got,
				shift[kinds[i]], e.Claim)
		}
	}
	if shift[2] != 0 || shift[3] != 0 {
		t.Errorf("kinds with no sentence shifted: %v", shift)
	}
	// Chosen on the other set alone, the same shifts hold for each left-out
	// set; one threshold for all cannot flag both kinds' claims alone.
	if f := train.Measure(ex, nestedScores(ex, probs, kinds, th, true), th); f.F1 != 1 {
		t.Errorf("nested per-kind thresholds: %+v, want every sentence right", f)
	}
	if f := train.Measure(ex, nestedScores(ex, probs, kinds, th, false), th); f.F1 == 1 {
		t.Errorf("nested single threshold: %+v, want some sentence wrong", f)
	}
}

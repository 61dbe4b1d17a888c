package main

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/evident-tools/evident/corpus/claim/internal/train"
)

// TestInnerLexical_SharedModelsGiveTheSameValues checks the shortcut of
// innerLexical against plain cross-validation: on a small pool of five
// sets, leaving each set out in turn and the whole pool, the values from
// word models shared between folds equal those of a model trained for each
// fold, and an article left out alone (not a whole set) takes the plain
// path.
func TestInnerLexical_SharedModelsGiveTheSameValues(t *testing.T) {
	words := []string{"found", "study", "we", "will", "said", "per", "cent", "you", "should", "rose"}
	rng := rand.New(rand.NewPCG(3, 4))
	var pool []train.Example
	for s := range 5 {
		for a := range 3 {
			for range 20 {
				e := train.Example{Article: fmt.Sprintf("set%d/a%d.md", s, a), Uncited: true}
				claimWords := 0
				for range 4 {
					k := rng.IntN(len(words))
					if k < 5 {
						claimWords++
					}
					e.Words = append(e.Words, wordID(words[k]))
				}
				e.Claim = claimWords >= 2
				pool = append(pool, e)
			}
		}
	}
	x := lexical{l2: 0.01, minSets: 2}
	plain := func(examples []train.Example) []float64 {
		return train.CrossValidateWith(examples, setOf, func(rest []train.Example) func(train.Example) float64 {
			m := x.train(rest)
			return func(e train.Example) float64 { return lexicalZ(m, e) }
		})
	}
	usePool(pool)
	defer usePool(nil)
	without := func(skip func(train.Example) bool) []train.Example {
		var out []train.Example
		for _, e := range pool {
			if !skip(e) {
				out = append(out, e)
			}
		}
		return out
	}
	cases := map[string][]train.Example{"the whole pool": pool}
	for s := range 5 {
		set := fmt.Sprintf("set%d", s)
		cases["without "+set] = without(func(e train.Example) bool { return setOf(e) == set })
	}
	cases["without one article"] = without(func(e train.Example) bool { return e.Article == "set1/a2.md" })
	for name, examples := range cases {
		got, want := innerLexical(x, examples), plain(examples)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: example %d (%s) has %v, want %v", name, i, examples[i].Article, got[i], want[i])
			}
		}
	}
	if _, whole := wholeSets(cases["without one article"]); whole {
		t.Errorf("a set without one of its articles is taken for a whole set")
	}
	if n := len(innerModels.models); n != 15 {
		t.Errorf("%d word models trained for the sets' folds, want 15 (5 alone, 10 pairs)", n)
	}
}

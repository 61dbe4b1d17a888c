package main

import (
	"math"
	"strconv"

	"github.com/evident-tools/evident/corpus/claim"
	"github.com/evident-tools/evident/corpus/claim/internal/train"
)

// The lexical input (claim.GroupLexical): a logistic regression over the
// hashed words alone, whose log-odds the trees read as one more input. The
// words on their own have lost to the dense inputs every round (as the
// logistic candidates with words show), but a tree can use their verdict
// where the hand-written cues say nothing, as in a sentence whose verb no
// list knows.
//
// Two guards are meant to keep it from learning one writer's topics:
//   - a word input (a hashed bucket) is used only when sentences of at
//     least minSets of the training sets hold it, so that the words of
//     one set's subjects ("sourdough", "ferry") are left out and the
//     common ones ("found", "will", "you") stay. With 4,096 buckets for
//     the pool's unigrams and bigrams nearly every bucket holds some
//     common word, so this drops little (4 buckets of 4,096 on the whole
//     pool): a topic word shares its weight with whatever common word
//     hashes beside it;
//   - the trees are given each training sentence's lexical value from a
//     word model that did not see its set (cross-validation inside the
//     training sets), so that they learn how far a new writer's words can
//     be trusted, not how well the word model remembers the sentence.

// lexical is how the word model is trained.
type lexical struct {
	l2      float64
	minSets int
}

// commonWords says which word inputs sentences of at least minSets of the
// examples' sets hold. The examples come in the pool's order, so a set's
// sentences are side by side; the counting is written for speed, since
// leave-one-article-out cross-validation calls it thousands of times.
func commonWords(examples []train.Example, minSets int) []bool {
	var last [claim.NumInputs]int32 // the set (numbered from 1) a word was last counted for
	var count [claim.NumInputs]int32
	set, prev := int32(0), ""
	for _, e := range examples {
		if d := setOf(e); d != prev {
			set, prev = set+1, d
		}
		for _, in := range e.Inputs {
			if claim.InputGroup(in.Index) == claim.GroupWords && last[in.Index] != set {
				last[in.Index] = set
				count[in.Index]++
			}
		}
	}
	keep := make([]bool, claim.NumInputs)
	for i, n := range count {
		keep[i] = int(n) >= minSets
	}
	return keep
}

// train fits the word model on examples, its weights and bias rounded as
// weights_gen.go writes them, so that the values the trees train on are
// the ones the committed model computes. It trains on the examples' common
// words alone (the other inputs' weights would stay zero anyway), which
// is the same model and quicker.
func (x lexical) train(examples []train.Example) train.Model {
	keep := commonWords(examples, x.minSets)
	words := make([]train.Example, len(examples))
	for i, e := range examples {
		w := e
		w.Inputs = make([]train.Input, 0, len(e.Inputs))
		for _, in := range e.Inputs {
			if keep[in.Index] {
				w.Inputs = append(w.Inputs, in)
			}
		}
		words[i] = w
	}
	m := train.Train(words, train.Options{Dim: claim.NumInputs, Epochs: 12, Rate: 0.2, Seed: 16, L2: x.l2})
	m.Bias, _ = strconv.ParseFloat(num(m.Bias), 64) // a float64 constant
	for i, w := range m.Weights {
		if w != 0 {
			m.Weights[i] = rounded(w)
		}
	}
	return m
}

// rounded is a weight as the generated file gives it back: four decimals,
// read as a float32.
func rounded(w float64) float64 {
	v, _ := strconv.ParseFloat(num(w), 64)
	return float64(float32(v))
}

// z is the word model's log-odds of e, summed in the order of e's inputs,
// as claim's lexicalZ sums them.
func lexicalZ(m train.Model, e train.Example) float64 {
	z := m.Bias
	for _, in := range e.Inputs {
		if claim.InputGroup(in.Index) == claim.GroupWords {
			z += float64(m.Weights[in.Index]) * in.Value
		}
	}
	return z
}

// withLexical returns e with its lexical input z (0 is left out, as the
// trees read a missing input as 0).
func withLexical(e train.Example, z float64) train.Example {
	in := make([]train.Input, 0, len(e.Inputs)+1)
	for _, v := range e.Inputs {
		if claim.InputGroup(v.Index) != claim.GroupLexical {
			in = append(in, v)
		}
	}
	if z != 0 && !math.IsNaN(z) {
		in = append(in, train.Input{Index: claim.InputLexical, Value: z})
	}
	e.Inputs = in
	return e
}

// fitWithLexical trains the word model and the trees on examples: the
// trees read each training sentence's lexical value from a word model
// trained without its set, and a new sentence's from the word model
// trained on all of them. It returns both models.
func fitWithLexical(c config, examples []train.Example) (train.Model, train.Forest) {
	x := *c.lexical
	inner := train.CrossValidateWith(examples, setOf, func(rest []train.Example) func(train.Example) float64 {
		m := x.train(rest)
		return func(e train.Example) float64 { return lexicalZ(m, e) }
	})
	withX := make([]train.Example, len(examples))
	for i, e := range examples {
		withX[i] = withLexical(e, inner[i])
	}
	return x.train(examples), train.TrainTrees(withX, treeOptions(c))
}

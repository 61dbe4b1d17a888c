package main

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"

	"github.com/evident-tools/evident/corpus/claim"
	"github.com/evident-tools/evident/corpus/claim/internal/train"
)

// The lexical input (claim.GroupLexical): a logistic regression over the
// sentence's words and pairs of words, whose log-odds the trees read as
// one more input. The words on their own have lost to the dense inputs
// every round (as the logistic candidates over hashed words show), but a
// tree can use their verdict where the hand-written cues say nothing, as
// in a sentence whose verb no list knows.
//
// Two guards keep it from learning one writer's topics:
//   - a word or pair is in the vocabulary only when sentences of at least
//     minSets of the training sets hold it, so that the words of one
//     set's subjects ("sourdough", "ferry") are left out and the common
//     ones ("found", "will", "you") stay. Words are kept by name, not
//     hashed, so that a topic word cannot share a common word's weight
//     (the twentieth round hashed them into 4,096 buckets, and nearly
//     every bucket held some common word);
//   - the trees are given each training sentence's lexical value from a
//     word model that did not see its set (cross-validation inside the
//     training sets), so that they learn how far a new writer's words can
//     be trusted, not how well the word model remembers the sentence.
//
// The word model is written to weights_gen.go as its words with a weight
// (wordWeights), by name, so that what it learnt can be read.

// vocabulary numbers every word and pair of words of the pool
// (train.Example.Words): loadPool fills it.
var vocabulary struct {
	words []string
	ids   map[string]int32
}

// wordID is the number of w, given one if it has none.
func wordID(w string) int32 {
	if id, ok := vocabulary.ids[w]; ok {
		return id
	}
	if vocabulary.ids == nil {
		vocabulary.ids = map[string]int32{}
	}
	id := int32(len(vocabulary.words))
	vocabulary.words = append(vocabulary.words, w)
	vocabulary.ids[w] = id
	return id
}

// lexical is how the word model is trained.
type lexical struct {
	l2      float64
	minSets int
}

// commonWords says which words sentences of at least minSets of the
// examples' sets hold. The examples come in the pool's order, so a set's
// sentences are side by side; the counting is written for speed, since
// cross-validation inside cross-validation calls it hundreds of times.
func commonWords(examples []train.Example, minSets int) []bool {
	n := len(vocabulary.words)
	last := make([]int32, n) // the set (numbered from 1) a word was last counted for
	count := make([]int32, n)
	set, prev := int32(0), ""
	for _, e := range examples {
		if d := setOf(e); d != prev {
			set, prev = set+1, d
		}
		for _, w := range e.Words {
			if last[w] != set {
				last[w] = set
				count[w]++
			}
		}
	}
	keep := make([]bool, n)
	for i, c := range count {
		keep[i] = int(c) >= minSets
	}
	return keep
}

// train fits the word model on examples' common words, its weights and
// bias rounded as weights_gen.go writes them, so that the values the trees
// train on are the ones the committed model computes.
func (x lexical) train(examples []train.Example) train.Model {
	keep := commonWords(examples, x.minSets)
	words := make([]train.Example, len(examples))
	for i, e := range examples {
		w := train.Example{Article: e.Article, Claim: e.Claim, Uncited: e.Uncited}
		for _, id := range e.Words {
			if keep[id] {
				w.Inputs = append(w.Inputs, train.Input{Index: int(id), Value: 1})
			}
		}
		words[i] = w
	}
	m := train.Train(words, train.Options{Dim: len(vocabulary.words), Epochs: 12, Rate: 0.2, Seed: 16, L2: x.l2})
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

// lexicalZ is the word model's log-odds of e, summed in the order of its
// words, as claim's lexicalZ sums them.
func lexicalZ(m train.Model, e train.Example) float64 {
	z := m.Bias
	for _, w := range e.Words {
		z += m.Weights[w]
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
	if z != 0 {
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

// writeLexicon writes the word model as wordBias and wordWeights, its
// words with a weight that is not zero, sorted; empty when words is nil.
func writeLexicon(b *bytes.Buffer, words *train.Model) {
	if words == nil {
		fmt.Fprintf(b, "const wordBias = 0.0000\n\nvar wordWeights = map[string]float32{}\n")
		return
	}
	fmt.Fprintf(b, "const wordBias = %s\n\n", num(words.Bias))
	fmt.Fprintf(b, "// wordWeights: the word model of the forest's lexical input, by word and pair of words.\n")
	fmt.Fprintf(b, "var wordWeights = map[string]float32{\n")
	var entries []string
	for id, w := range words.Weights {
		if float32(w) != 0 {
			entries = append(entries, fmt.Sprintf("%s: %s,", strconv.Quote(vocabulary.words[id]), num(w)))
		}
	}
	sort.Strings(entries)
	for k, e := range entries {
		b.WriteString(e)
		if k%4 == 3 {
			b.WriteString("\n")
		} else {
			b.WriteString(" ")
		}
	}
	b.WriteString("\n}\n")
}

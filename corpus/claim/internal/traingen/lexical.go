package main

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

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
		w := train.Example{Article: e.Article, Claim: e.Claim, Uncited: e.Uncited, Inputs: make([]train.Input, 0, len(e.Words))}
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
	inner := innerLexical(x, examples)
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

// innerLexical gives each example the value of a word model trained
// without its set: cross-validation inside the training sets, as
// train.CrossValidateWith would do it. Leaving one set out of the pool,
// the fold that leaves out f trains, for each other set g, a word model on
// the pool without f and g, and the fold that leaves out g trains the same
// one again (the same examples in the same order: the same model). So when
// examples are whole sets of the pool, each such model is trained once and
// its values for the sets it left out kept (innerModels); the figures and
// the weights are the same as without, in about half the time.
func innerLexical(x lexical, examples []train.Example) []float64 {
	sets, whole := wholeSets(examples)
	if !whole {
		return train.CrossValidateWith(examples, setOf, func(rest []train.Example) func(train.Example) float64 {
			m := x.train(rest)
			return func(e train.Example) float64 { return lexicalZ(m, e) }
		})
	}
	present := map[string]bool{}
	for _, d := range sets {
		present[d] = true
	}
	var left []string // the pool's sets examples lacks
	for _, d := range innerModels.sets {
		if !present[d] {
			left = append(left, d)
		}
	}
	out := make([]float64, len(examples))
	next := map[string]int{} // per set, how many of its examples are done
	values := map[string][]float64{}
	for _, g := range sets {
		values[g] = innerModels.values(x, append(slices.Clone(left), g), g)
	}
	for i, e := range examples {
		d := setOf(e)
		out[i] = values[d][next[d]]
		next[d]++
	}
	return out
}

// innerModels keeps, for each group of sets left out of the pool, the
// values a word model trained without them gives their examples. generate
// gives it the pool (usePool); without it innerLexical trains every model.
var innerModels innerCache

type innerCache struct {
	sync.Mutex
	pool   []train.Example
	sets   []string         // the pool's sets, sorted
	bySet  map[string][]int // the pool indexes of each set's examples
	models map[string]*innerModel
}

type innerModel struct {
	once   sync.Once
	values map[string][]float64 // per set left out, its examples' values in pool order
}

// usePool lets innerLexical share word models between folds of examples,
// a pool in the order loadPool gives it.
func usePool(examples []train.Example) {
	c := &innerModels
	c.Lock()
	defer c.Unlock()
	c.pool = examples
	if examples == nil {
		c.sets, c.bySet, c.models = nil, nil, nil
		return
	}
	c.bySet = map[string][]int{}
	c.sets = nil
	c.models = map[string]*innerModel{}
	for i, e := range examples {
		d := setOf(e)
		if _, ok := c.bySet[d]; !ok {
			c.sets = append(c.sets, d)
		}
		c.bySet[d] = append(c.bySet[d], i)
	}
	slices.Sort(c.sets)
}

// wholeSets returns examples' sets, sorted, and whether examples are
// whole sets of the pool usePool was given, each in the pool's order.
func wholeSets(examples []train.Example) ([]string, bool) {
	c := &innerModels
	c.Lock()
	defer c.Unlock()
	if c.pool == nil {
		return nil, false
	}
	count := map[string]int{}
	var sets []string
	for _, e := range examples {
		d := setOf(e)
		idx, ok := c.bySet[d]
		if !ok || count[d] >= len(idx) || c.pool[idx[count[d]]].Article != e.Article {
			return nil, false
		}
		if count[d] == 0 {
			sets = append(sets, d)
		}
		count[d]++
	}
	for _, d := range sets {
		if count[d] != len(c.bySet[d]) {
			return nil, false
		}
	}
	slices.Sort(sets)
	return sets, true
}

// values returns the values that a word model trained on the pool without
// the sets out gives the examples of set g (one of them), training it the
// first time it is asked for.
func (c *innerCache) values(x lexical, out []string, g string) []float64 {
	out = slices.Sorted(slices.Values(out))
	key := fmt.Sprintf("%g %d %s", x.l2, x.minSets, strings.Join(out, " "))
	c.Lock()
	m, ok := c.models[key]
	if !ok {
		m = &innerModel{}
		c.models[key] = m
	}
	c.Unlock()
	m.once.Do(func() {
		skip := map[string]bool{}
		for _, d := range out {
			skip[d] = true
		}
		rest := make([]train.Example, 0, len(c.pool))
		for _, e := range c.pool {
			if !skip[setOf(e)] {
				rest = append(rest, e)
			}
		}
		words := x.train(rest)
		m.values = map[string][]float64{}
		for _, d := range out {
			for _, i := range c.bySet[d] {
				m.values[d] = append(m.values[d], lexicalZ(words, c.pool[i]))
			}
		}
	})
	return m.values[g]
}

package train

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

// xor is a set where a claim has exactly one of inputs 0 and 1: no
// weighted sum of the two tells it apart, two levels of a tree do. Input 0
// is on a third of the examples and input 1 on half, so that the first split
// gains something.
func xor() []Example {
	var out []Example
	for i := range 120 {
		a, b := i%3 == 0, i%2 == 0
		var in []Input
		if a {
			in = append(in, Input{Index: 0, Value: 1})
		}
		if b {
			in = append(in, Input{Index: 1, Value: 1})
		}
		in = append(in, Input{Index: 2, Value: float64(i % 5)})
		out = append(out, Example{Article: string(rune('a' + i%4)), Inputs: in, Claim: a != b, Uncited: true})
	}
	return out
}

var xorOptions = TreeOptions{Dim: 3, Trees: 60, Depth: 2, MinLeaf: 3, Shrink: 0.3, Lambda: 1, ColSample: 1, Seed: 7, BaseInput: -1}

func TestTrainTrees_SeparatesWhatNoLineCan(t *testing.T) {
	ex := xor()
	f := TrainTrees(ex, xorOptions)
	for _, e := range ex {
		p := f.Prob(e)
		if e.Claim && p < 0.9 || !e.Claim && p > 0.1 {
			t.Fatalf("claim %v, inputs %v: probability %.3f", e.Claim, e.Inputs, p)
		}
	}
	m := Train(ex, Options{Dim: 3, L2: 0.001, Epochs: 40, Rate: 0.3, Seed: 1})
	wrong := 0
	for _, e := range ex {
		if (m.Prob(e) >= 0.5) != e.Claim {
			wrong++
		}
	}
	if wrong < len(ex)/4 {
		t.Fatalf("the logistic model gets only %d of %d wrong: the set is no test of the trees", wrong, len(ex))
	}
}

func TestTrainTrees_SameExamplesAndSeedGiveTheSameForest(t *testing.T) {
	o := xorOptions
	o.ColSample = 0.5
	a, b := TrainTrees(xor(), o), TrainTrees(xor(), o)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two runs with the same seed differ")
	}
}

func TestTrainTrees_LeavesHoldAtLeastMinLeafExamples(t *testing.T) {
	ex := xor()
	o := xorOptions
	o.MinLeaf = 30
	o.Depth = 4
	f := TrainTrees(ex, o)
	for _, r := range f.Roots {
		counts := map[int]int{}
		for _, e := range ex {
			counts[leafOf(f, r, e)]++
		}
		for leaf, n := range counts {
			if n < o.MinLeaf {
				t.Fatalf("tree %d: leaf %d holds %d examples, fewer than %d", r, leaf, n, o.MinLeaf)
			}
		}
	}
}

func TestTrainTrees_StartsFromTheBaseInput(t *testing.T) {
	// Input 3 is the log-odds a base model gives: right on every
	// example. Trees that start from it have nothing to add.
	ex := xor()
	for i := range ex {
		v := -3.0
		if ex[i].Claim {
			v = 3
		}
		ex[i].Inputs = append(ex[i].Inputs, Input{Index: 3, Value: v})
	}
	o := xorOptions
	o.Dim, o.BaseInput, o.BaseScale, o.Trees = 4, 3, 1, 0
	f := TrainTrees(ex, o)
	for _, e := range ex {
		if p := f.Prob(e); e.Claim != (p >= 0.5) {
			t.Fatalf("claim %v: probability %.3f from the base alone", e.Claim, p)
		}
	}
}

func TestTrainTrees_IgnoresInputsAtDimAndAbove(t *testing.T) {
	ex := xor()
	o := xorOptions
	o.Dim = 1 // input 1 is out of reach: no split may use it
	f := TrainTrees(ex, o)
	for _, n := range f.Nodes {
		if n.Feature >= 1 {
			t.Fatalf("a split on input %d, at or above Dim 1", n.Feature)
		}
	}
}

func leafOf(f Forest, k int, e Example) int {
	x := map[int]float64{}
	for _, in := range e.Inputs {
		x[in.Index] = in.Value
	}
	for f.Nodes[k].Feature >= 0 {
		if x[f.Nodes[k].Feature] <= f.Nodes[k].Threshold {
			k = f.Nodes[k].Left
		} else {
			k = f.Nodes[k].Right
		}
	}
	return k
}

// lineExamples are drawn from a known line: the log-odds of a claim are
// 1.5 times input 0 plus 0.8 times input 1, less 0.2, with both inputs
// spread over [-2, 2).
func lineExamples() []Example {
	rng := rand.New(rand.NewPCG(11, 12))
	var out []Example
	for i := range 20000 {
		a, b := rng.Float64()*4-2, rng.Float64()*4-2
		p := 1 / (1 + math.Exp(-(1.5*a + 0.8*b - 0.2)))
		out = append(out, Example{Article: string(rune('a' + i%4)), Uncited: true, Claim: rng.Float64() < p,
			Inputs: []Input{{Index: 0, Value: a}, {Index: 1, Value: b}}})
	}
	return out
}

func TestFitLinear_FindsTheLineTheLabelsWereDrawnFrom(t *testing.T) {
	ex := lineExamples()
	y := make([]float64, len(ex))
	for i, e := range ex {
		if e.Claim {
			y[i] = 1
		}
	}
	scale, terms := fitLinear(ex, y, TreeOptions{BaseInput: 0, BaseScale: 4, Linear: []int{1}})
	if math.Abs(scale-1.5) > 0.1 || len(terms) != 1 || terms[0].Input != 1 || math.Abs(terms[0].Weight-0.8) > 0.1 {
		t.Errorf("line %.4f·x0 + %+v, want about 1.5·x0 + 0.8·x1", scale, terms)
	}
	if scale != math.Round(scale*1e4)/1e4 {
		t.Errorf("scale %v is not kept to four decimals, as weights_gen.go writes it", scale)
	}
}

// TestTrainTrees_LinearStartMovesSmoothly trains a forest started from a
// line over both inputs and kept from splitting on input 1: its score must
// rise with input 1 in small steps, where trees alone can only step.
func TestTrainTrees_LinearStartMovesSmoothly(t *testing.T) {
	ex := lineExamples()
	o := TreeOptions{Dim: 2, Trees: 50, Depth: 2, MinLeaf: 20, Shrink: 0.1, Lambda: 1, ColSample: 1, Seed: 3,
		BaseInput: 0, BaseScale: 4, Linear: []int{1}, Keep: func(i int) bool { return i == 0 }}
	f := TrainTrees(ex, o)
	if len(f.Linear) != 1 || f.Linear[0].Weight < 0.5 {
		t.Fatalf("linear start %+v, want input 1 with a weight near 0.8", f.Linear)
	}
	prev := -1.0
	for b := -2.0; b <= 2; b += 0.05 {
		p := f.Prob(Example{Inputs: []Input{{Index: 0, Value: 0.3}, {Index: 1, Value: b}}})
		if p <= prev || prev >= 0 && p-prev > 0.03 {
			t.Fatalf("at input 1 = %.2f the probability went from %.3f to %.3f: not a smooth rise", b, prev, p)
		}
		prev = p
	}
}

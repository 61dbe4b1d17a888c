package train

import (
	"math"
	"runtime"
	"slices"
	"testing"
)

// toy is a set where input 0 marks a claim and input 1 marks none, with
// input 2 on every example, spread over four articles.
func toy() []Example {
	var out []Example
	for i := range 40 {
		claim := i%2 == 0
		in := []Input{{Index: 2, Value: 1}}
		if claim {
			in = append(in, Input{Index: 0, Value: 1})
		} else {
			in = append(in, Input{Index: 1, Value: 1})
		}
		out = append(out, Example{Article: string(rune('a' + i%4)), Inputs: in, Claim: claim, Uncited: true})
	}
	return out
}

var toyOptions = Options{Dim: 3, L2: 0.001, Epochs: 20, Rate: 0.3, Seed: 1}

func TestTrain_SeparatesASeparableSet(t *testing.T) {
	ex := toy()
	m := Train(ex, toyOptions)
	for _, e := range ex {
		p := m.Prob(e)
		if e.Claim && p < 0.9 || !e.Claim && p > 0.1 {
			t.Fatalf("claim %v: probability %.3f", e.Claim, p)
		}
	}
}

func TestTrain_SameExamplesAndSeedGiveTheSameModel(t *testing.T) {
	a, b := Train(toy(), toyOptions), Train(toy(), toyOptions)
	if a.Bias != b.Bias || !slices.Equal(a.Weights, b.Weights) {
		t.Fatalf("two runs differ: %v %v / %v %v", a.Bias, a.Weights, b.Bias, b.Weights)
	}
}

func TestTrain_StrongPenaltyHoldsTheWeightsAtThePrior(t *testing.T) {
	o := toyOptions
	o.L2 = 50
	o.Prior = []float64{0, 0, 2}
	m := Train(toy(), o)
	if math.Abs(m.Weights[2]-2) > 0.1 || math.Abs(m.Weights[0]) > 0.1 {
		t.Fatalf("weights %v, want about [0 0 2]", m.Weights)
	}
}

func TestTrain_KeepLeavesTheOtherInputsAtZero(t *testing.T) {
	o := toyOptions
	o.Keep = func(i int) bool { return i != 0 }
	m := Train(toy(), o)
	if m.Weights[0] != 0 || m.Weights[1] == 0 {
		t.Fatalf("weights %v, want input 0 untouched and input 1 trained", m.Weights)
	}
}

func TestCrossValidate_NeverSeesTheArticleItScores(t *testing.T) {
	ex := toy()
	// Input 0 on article a's examples is all the model could learn
	// their labels from; flipping those labels must not move their
	// out-of-fold scores.
	before := CrossValidate(ex, toyOptions)
	for i := range ex {
		if ex[i].Article == "a" {
			ex[i].Claim = !ex[i].Claim
		}
	}
	after := CrossValidate(ex, toyOptions)
	for i := range ex {
		if ex[i].Article == "a" && before[i] != after[i] {
			t.Fatalf("example %d of the left-out article: %.4f, then %.4f after its labels flipped", i, before[i], after[i])
		}
	}
}

func TestCrossValidateBy_NeverSeesAnyArticleOfTheFoldItScores(t *testing.T) {
	ex := toy()
	// Articles a and b make one fold: flipping the labels of both must
	// not move their out-of-fold scores, and the other fold's scores move
	// (it was trained on them).
	fold := func(e Example) string {
		if e.Article == "a" || e.Article == "b" {
			return "ab"
		}
		return "cd"
	}
	before := CrossValidateBy(ex, toyOptions, fold)
	for i := range ex {
		if fold(ex[i]) == "ab" {
			ex[i].Claim = !ex[i].Claim
		}
	}
	after := CrossValidateBy(ex, toyOptions, fold)
	moved := false
	for i := range ex {
		if fold(ex[i]) == "ab" && before[i] != after[i] {
			t.Fatalf("example %d of the left-out fold: %.4f, then %.4f after its labels flipped", i, before[i], after[i])
		}
		moved = moved || fold(ex[i]) == "cd" && before[i] != after[i]
	}
	if !moved {
		t.Fatal("the other fold's scores did not move: the flipped labels were never trained on")
	}
}

// The folds are trained side by side; the scores must be the ones of
// training them one at a time, whatever the scheduling, since the
// committed weights are checked byte for byte.
func TestCrossValidateWith_FoldsSideBySideScoreAsOneAtATime(t *testing.T) {
	ex := toy()
	for i := range ex {
		ex[i].Article = string(rune('a' + i%8)) // eight folds
	}
	fit := func(rest []Example) func(Example) float64 { return Train(rest, toyOptions).Prob }
	byArticle := func(e Example) string { return e.Article }
	prev := runtime.GOMAXPROCS(1)
	one := CrossValidateWith(ex, byArticle, fit)
	runtime.GOMAXPROCS(4)
	defer runtime.GOMAXPROCS(prev)
	for range 5 {
		if got := CrossValidateWith(ex, byArticle, fit); !slices.Equal(got, one) {
			t.Fatalf("side by side %v, one at a time %v", got, one)
		}
	}
}

func TestMeasure_CountsUncitedSentencesAndTheTopTen(t *testing.T) {
	ex := []Example{
		{Article: "a", Claim: true, Uncited: true},
		{Article: "a", Claim: false, Uncited: true},
		{Article: "a", Claim: true, Uncited: true},
		{Article: "a", Claim: false, Uncited: false}, // cited: never counted
	}
	scores := []float64{0.9, 0.8, 0.2, 0.99}
	f := Measure(ex, scores, 0.5)
	if f.TP != 1 || f.FP != 1 || f.FN != 1 || f.Precision != 0.5 || f.Recall != 0.5 || f.Top10 != 0.5 {
		t.Fatalf("got %+v, want tp 1 fp 1 fn 1, precision, recall and top-10 0.5", f)
	}
}

func TestChooseThreshold_TakesTheBestF1(t *testing.T) {
	ex := []Example{
		{Article: "a", Claim: true, Uncited: true},
		{Article: "a", Claim: true, Uncited: true},
		{Article: "a", Claim: false, Uncited: true},
	}
	// Everything at or under 0.3 is noise: the best cut lies above it
	// and at or under 0.6.
	th, f := ChooseThreshold(ex, []float64{0.7, 0.6, 0.3})
	if th <= 0.3 || th > 0.6 || f.F1 != 1 {
		t.Fatalf("threshold %.2f, %+v; want one in (0.3, 0.6] with F1 1", th, f)
	}
}

// TestTrain_IndicatorsTrainAsTheGeneralPath checks that examples whose
// inputs are all 1 (a word model's), which Train fits on a path of their
// own, give the model the general path gives, bit for bit: the committed
// weights are checked byte for byte against training.
func TestTrain_IndicatorsTrainAsTheGeneralPath(t *testing.T) {
	var ex []Example
	for i := range 300 {
		e := Example{Claim: i%3 == 0}
		// Repeated and unsorted indexes, as a sentence's words can be.
		for k := range 1 + i%7 {
			e.Inputs = append(e.Inputs, Input{Index: (i*7 + k*13) % 50, Value: 1})
		}
		if i%5 == 0 {
			e.Inputs = append(e.Inputs, e.Inputs[0])
		}
		ex = append(ex, e)
	}
	if !indicators(ex) {
		t.Fatal("the examples should read as indicators")
	}
	for _, o := range []Options{
		{Dim: 50, Epochs: 12, Rate: 0.2, Seed: 16, L2: 0.01},
		{Dim: 50, Epochs: 3, Rate: 0.5, Seed: 3, L2: 0.1, Prior: []float64{0.5, -0.25, 1}},
	} {
		fast := Train(ex, o)
		general := o
		general.Keep = func(int) bool { return true } // takes the general path
		slow := Train(ex, general)
		if math.Float64bits(fast.Bias) != math.Float64bits(slow.Bias) {
			t.Fatalf("bias %v, want %v", fast.Bias, slow.Bias)
		}
		for i := range slow.Weights {
			if math.Float64bits(fast.Weights[i]) != math.Float64bits(slow.Weights[i]) {
				t.Fatalf("weight %d = %v, want %v", i, fast.Weights[i], slow.Weights[i])
			}
		}
	}
	ex[0].Inputs[0].Value = 0.5
	if indicators(ex) {
		t.Error("an input of 0.5 read as an indicator")
	}
}

// Package train fits the claim scorer's logistic regression or its
// gradient-boosted trees (trees.go) and measures them by cross-validation,
// leaving out one article or one labelled set at a time. It owns the arithmetic only: it
// reads no files and knows nothing of sentences (internal/traingen turns
// the labelled articles into examples and writes the weights).
//
// Logistic regression is a few lines of arithmetic; it is written here
// rather than taken from a library so that training is deterministic (a
// fixed seed and order; cross-validation's folds run side by side, each
// model trained alone) and the generated weights can be checked against
// the committed ones byte for byte.
package train

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// Input is one non-zero input of an example.
type Input struct {
	Index int
	Value float64
}

// Example is one labelled sentence.
type Example struct {
	// Article names the article the sentence belongs to: cross-validation
	// leaves out one article at a time.
	Article string
	Inputs  []Input
	// Claim is the label: a claim that needs a source.
	Claim bool
	// Uncited is a sentence with no citation that counts: only those can
	// become uncited-claim findings, so only those are measured.
	Uncited bool
	// Words, for models that read words by name rather than hashed, are
	// the sentence's words and pairs of words in order, each as its
	// number in a vocabulary the caller keeps. Train and TrainTrees do
	// not read them.
	Words []int32
}

// Options set a training run.
type Options struct {
	Dim int     // number of inputs
	L2  float64 // weight of the L2 penalty
	// L2Of, when set, gives the penalty of each input instead of L2.
	L2Of   func(index int) float64
	Epochs int     // passes over the examples
	Rate   float64 // AdaGrad's base learning rate
	Seed   uint64  // seed of the order of the passes
	// Prior, when set, is where the weights start and what the L2
	// penalty pulls them back to (zero otherwise): a model that starts as
	// the rules and moves away from them only as far as the data ask.
	Prior []float64
	// Keep, when set, says which inputs to use; the others stay at zero.
	Keep func(index int) bool
}

// Model is a trained logistic regression.
type Model struct {
	Bias    float64
	Weights []float64
}

// Prob is the model's probability that e is a claim.
func (m Model) Prob(e Example) float64 {
	return sigmoid(m.z(e))
}

func (m Model) z(e Example) float64 {
	z := m.Bias
	for _, in := range e.Inputs {
		// The explicit conversion keeps the compiler from fusing the
		// multiply and add, so that every machine gets the same sums.
		z += float64(m.Weights[in.Index] * in.Value)
	}
	return z
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Train fits a model to the examples by stochastic gradient descent with
// AdaGrad steps and an L2 penalty on the weights an example touches. The
// examples are visited in an order shuffled from o.Seed, so the same
// examples and options always give the same model.
func Train(examples []Example, o Options) Model {
	if o.Keep == nil && o.L2Of == nil && indicators(examples) {
		return trainIndicators(examples, o)
	}
	m, prior, sq, order, rng := start(o, len(examples))
	var sqBias float64
	pen := make([]float64, o.Dim)
	for i := range pen {
		pen[i] = o.L2
		if o.L2Of != nil {
			pen[i] = o.L2Of(i)
		}
	}
	for range o.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			e := examples[k]
			y := 0.0
			if e.Claim {
				y = 1
			}
			g := sigmoid(m.z(e)) - y
			for _, in := range e.Inputs {
				if o.Keep != nil && !o.Keep(in.Index) {
					continue
				}
				w := &m.Weights[in.Index]
				grad := float64(g*in.Value) + float64(pen[in.Index]*(*w-prior[in.Index]))
				sq[in.Index] += float64(grad * grad)
				*w -= float64(o.Rate * grad / (math.Sqrt(sq[in.Index]) + 1e-9))
			}
			sqBias += float64(g * g)
			m.Bias -= float64(o.Rate * g / (math.Sqrt(sqBias) + 1e-9))
		}
	}
	return m
}

// start returns what a run of Train begins with: the model at the prior
// (zero without one), the prior, the sums of squared steps per input, the
// examples' order to shuffle, and the shuffle's generator seeded from o.
func start(o Options, n int) (m Model, prior, sq []float64, order []int, rng *rand.Rand) {
	m = Model{Weights: make([]float64, o.Dim)}
	prior = make([]float64, o.Dim)
	copy(prior, o.Prior)
	copy(m.Weights, prior)
	sq = make([]float64, o.Dim)
	order = make([]int, n)
	for i := range order {
		order[i] = i
	}
	return m, prior, sq, order, rand.New(rand.NewPCG(o.Seed, 0x5eed))
}

// indicators reports whether every input of the examples is 1, as a word
// model's are.
func indicators(examples []Example) bool {
	for _, e := range examples {
		for _, in := range e.Inputs {
			if in.Value != 1 {
				return false
			}
		}
	}
	return true
}

// trainIndicators is Train for examples whose inputs are all 1, with one
// penalty for all and every input kept: the same steps in the same order,
// so the same model to the bit (a value times 1 is the value), reading
// each example's inputs as packed indexes. The word models of the
// cross-validation, hundreds of them, are trained here.
func trainIndicators(examples []Example, o Options) Model {
	m, prior, sq, order, rng := start(o, len(examples))
	var sqBias float64
	rows := make([][]int32, len(examples))
	ys := make([]float64, len(examples))
	for i, e := range examples {
		r := make([]int32, len(e.Inputs))
		for k, in := range e.Inputs {
			r[k] = int32(in.Index)
		}
		rows[i] = r
		if e.Claim {
			ys[i] = 1
		}
	}
	l2 := o.L2
	w := m.Weights
	for range o.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			row := rows[k]
			z := m.Bias
			for _, j := range row {
				z += w[j]
			}
			g := sigmoid(z) - ys[k]
			for _, j := range row {
				grad := g + float64(l2*(w[j]-prior[j]))
				sq[j] += float64(grad * grad)
				w[j] -= float64(o.Rate * grad / (math.Sqrt(sq[j]) + 1e-9))
			}
			sqBias += float64(g * g)
			m.Bias -= float64(o.Rate * g / (math.Sqrt(sqBias) + 1e-9))
		}
	}
	return m
}

// CrossValidate trains once per article on every other article and returns
// each example's probability from the model that did not see its article.
func CrossValidate(examples []Example, o Options) []float64 {
	return CrossValidateBy(examples, o, func(e Example) string { return e.Article })
}

// CrossValidateBy trains once per fold, the examples whose fold names the
// same string, on every other fold, and returns each example's probability
// from the model that did not see its fold. Folds of whole labelled sets
// (a directory written by one hand at one time) estimate how the model
// does on articles by another writer on other topics, which folds of one
// article, whose neighbours share its writer, do not.
func CrossValidateBy(examples []Example, o Options, fold func(Example) string) []float64 {
	return CrossValidateWith(examples, fold, func(rest []Example) func(Example) float64 {
		return Train(rest, o).Prob
	})
}

// CrossValidateWith is CrossValidateBy for any model: fit trains one on
// the examples it is given and returns its probability of a claim. The
// folds are trained side by side, as many at once as GOMAXPROCS allows;
// each model is still trained alone, in a fixed order from a fixed seed,
// and writes the probabilities of its own fold only, so the result does
// not depend on how the folds are scheduled. fit must be safe to call from
// several goroutines at once.
func CrossValidateWith(examples []Example, fold func(Example) string, fit func([]Example) func(Example) float64) []float64 {
	var folds []string
	for _, e := range examples {
		folds = append(folds, fold(e))
	}
	slices.Sort(folds)
	folds = slices.Compact(folds)
	probs := make([]float64, len(examples))
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, f := range folds {
		slots <- struct{}{}
		wg.Go(func() {
			defer func() { <-slots }()
			rest := make([]Example, 0, len(examples))
			for _, e := range examples {
				if fold(e) != f {
					rest = append(rest, e)
				}
			}
			prob := fit(rest)
			for i, e := range examples {
				if fold(e) == f {
					probs[i] = prob(e)
				}
			}
		})
	}
	wg.Wait()
	return probs
}

// Figures are the uncited-claim figures of a set of scores.
type Figures struct {
	Precision, Recall, F1 float64
	TP, FP, FN            int
	// Top10 is the share of true claims among each article's ten
	// highest-scoring flags, over all articles.
	Top10 float64
}

// Measure counts, among the uncited examples, the flags (score >=
// threshold) against the labels, as corpus/check's kinds test does.
func Measure(examples []Example, scores []float64, threshold float64) Figures {
	var f Figures
	type flag struct {
		score float64
		claim bool
	}
	byArticle := map[string][]flag{}
	var order []string
	for i, e := range examples {
		if !e.Uncited {
			continue
		}
		flagged := scores[i] >= threshold
		switch {
		case e.Claim && flagged:
			f.TP++
		case flagged:
			f.FP++
		case e.Claim:
			f.FN++
		}
		if flagged {
			if _, ok := byArticle[e.Article]; !ok {
				order = append(order, e.Article)
			}
			byArticle[e.Article] = append(byArticle[e.Article], flag{scores[i], e.Claim})
		}
	}
	f.Precision = share(f.TP, f.TP+f.FP)
	f.Recall = share(f.TP, f.TP+f.FN)
	if f.Precision+f.Recall > 0 {
		f.F1 = 2 * f.Precision * f.Recall / (f.Precision + f.Recall)
	}
	taken, true10 := 0, 0
	for _, a := range order {
		flags := byArticle[a]
		slices.SortStableFunc(flags, func(x, y flag) int {
			switch {
			case x.score > y.score:
				return -1
			case x.score < y.score:
				return 1
			}
			return 0
		})
		for _, fl := range flags[:min(10, len(flags))] {
			taken++
			if fl.claim {
				true10++
			}
		}
	}
	f.Top10 = share(true10, taken)
	return f
}

func share(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// ChooseThreshold returns the threshold, in steps of 0.01 from 0.05 to
// 0.95, at which the uncited-claim F1 of the scores is highest (the lowest
// such threshold on a tie), and the figures there.
func ChooseThreshold(examples []Example, scores []float64) (float64, Figures) {
	best, bestF := 0.5, Figures{F1: -1}
	for step := 5; step <= 95; step++ {
		t := float64(step) / 100
		if f := Measure(examples, scores, t); f.F1 > bestF.F1 {
			best, bestF = t, f
		}
	}
	return best, bestF
}

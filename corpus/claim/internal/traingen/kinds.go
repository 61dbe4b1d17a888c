package main

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"

	"github.com/evident-tools/evident/corpus/claim"
	"github.com/evident-tools/evident/corpus/claim/internal/train"
)

// A threshold for each kind of article the layout reads (claim.KindPaper
// and the others): chosen on cross-validated scores, and kept only when it
// beats one threshold for all with both chosen the same honest way, on the
// other sets' scores for each left-out set.

// kindShifts chooses, for each kind of article, the threshold of best F1
// on the scores of the examples in holds, and returns it as a shift of the
// log-odds that makes t its threshold. A kind with no uncited claim among
// them keeps t.
func kindShifts(examples []train.Example, probs []float64, kinds []int, in func(i int) bool, t float64) [claim.NumArticleKinds]float64 {
	var shift [claim.NumArticleKinds]float64
	for k := range shift {
		var sub []train.Example
		var subP []float64
		for i, e := range examples {
			if kinds[i] == k && in(i) {
				sub = append(sub, e)
				subP = append(subP, probs[i])
			}
		}
		if kt, f := train.ChooseThreshold(sub, subP); f.TP > 0 {
			shift[k] = logit(t) - logit(kt)
		}
	}
	return shift
}

// shifted is p with its log-odds moved by s.
func shifted(p, s float64) float64 { return 1 / (1 + math.Exp(-(logit(p) + s))) }

func logit(p float64) float64 {
	p = math.Min(math.Max(p, 1e-9), 1-1e-9)
	return math.Log(p / (1 - p))
}

// nestedScores scores each left-out set with thresholds chosen on the
// cross-validated scores of the other sets only: one for all kinds
// (perKind false) or one for each, both written as scores against t.
func nestedScores(examples []train.Example, probs []float64, kinds []int, t float64, perKind bool) []float64 {
	out := make([]float64, len(probs))
	done := map[string]bool{}
	for _, e := range examples {
		set := setOf(e)
		if done[set] {
			continue
		}
		done[set] = true
		rest := func(i int) bool { return setOf(examples[i]) != set }
		var shift [claim.NumArticleKinds]float64
		if perKind {
			shift = kindShifts(examples, probs, kinds, rest, t)
		} else {
			var sub []train.Example
			var subP []float64
			for i, e := range examples {
				if rest(i) {
					sub, subP = append(sub, e), append(subP, probs[i])
				}
			}
			st, _ := train.ChooseThreshold(sub, subP)
			for k := range shift {
				shift[k] = logit(t) - logit(st)
			}
		}
		for i, e := range examples {
			if setOf(e) == set {
				out[i] = shifted(probs[i], shift[kinds[i]])
			}
		}
	}
	return out
}

// logGroups logs the figures of scores per kind and per left-out set.
func logGroups(log io.Writer, examples []train.Example, scores []float64, t float64) {
	group := func(name string, in func(train.Example) bool) {
		var sub []train.Example
		var subP []float64
		for i, e := range examples {
			if in(e) {
				sub, subP = append(sub, e), append(subP, scores[i])
			}
		}
		fmt.Fprintf(log, "  %-10s %s\n", name, figures(train.Measure(sub, subP, t)))
	}
	for _, kind := range []string{"essay", "health", "news", "paper", "web"} {
		group(kind, func(e train.Example) bool { return strings.HasPrefix(filepath.Base(e.Article), kind+"-") })
	}
	for _, d := range poolDirs {
		group(d+"/", func(e train.Example) bool { return setOf(e) == d })
	}
}

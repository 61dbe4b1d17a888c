package claim

import (
	"math"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// TestLayout_InputsAreWhatJudgeScores recomputes each labelled sentence's
// score from the inputs training reads: what the model was trained on and
// what it scores must be the same numbers.
func TestLayout_InputsAreWhatJudgeScores(t *testing.T) {
	for _, a := range loadLabelled(t) {
		l := NewLayout(a.sentences)
		for i := range a.sentences {
			want := scoreOfInputs(l, i)
			if l.inRefNote(i) {
				want = min(want, refNoteScore) // a reference entry's footnote: a rule over the model
			}
			if got := l.Judge(i, 0).Score; math.Abs(got-want) > 1e-9 {
				t.Fatalf("%s sentence %d: Judge scores %.6f, its inputs give %.6f", a.name, i, got, want)
			}
		}
	}
}

// scoreOfInputs is the score of sentence i of l computed from Layout.Inputs
// as training reads them: the logistic sum or the walk down each tree,
// written apart from model.go's.
func scoreOfInputs(l *Layout, i int) float64 {
	x := map[int]float64{}
	l.Inputs(i, func(k int, v float64) {
		if InputGroup(k)&modelGroups != 0 {
			x[k] = v
		}
		if k == InputRuleLogOdds {
			x[-1] = 4 * v
		}
	})
	if modelGroups&GroupLexical != 0 {
		lexical := wordBias
		l.Words(i, func(w string) { lexical += float64(wordWeights[w]) })
		x[inLexical] = lexical
	}
	z := x[-1]
	switch {
	case modelAdopted && modelTrees:
		z = forestBias + forestBaseScale*x[InputRuleLogOdds] + forestLexicalScale*x[inLexical]
		for _, r := range forestRoots {
			k := int(r)
			for forestNodes[k].feature >= 0 {
				n := forestNodes[k]
				if x[int(n.feature)] <= n.v {
					k = int(n.left)
				} else {
					k = int(n.left) + 1
				}
			}
			z += forestNodes[k].v
		}
	case modelAdopted:
		z = modelBias
		for k, v := range x {
			if k >= 0 {
				z += float64(modelWeights[k]) * v
			}
		}
	}
	if modelAdopted {
		// The threshold of the article's kind, as a shift of the
		// log-odds, the same for every sentence of the article.
		ctx := l.context(i)
		z += modelKindShift[ctx.articleKind()]
	}
	return 1 / (1 + math.Exp(-z))
}

// TestForest_NodesAreWellFormed walks every tree of the committed forest:
// each split's two children lie side by side inside the table and after the
// split, each split reads a dense input, and each tree ends in leaves.
func TestForest_NodesAreWellFormed(t *testing.T) {
	for _, r := range forestRoots {
		stack := []int{int(r)}
		for len(stack) > 0 {
			k := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if k >= len(forestNodes) {
				t.Fatalf("tree at %d: node %d outside the table of %d", r, k, len(forestNodes))
			}
			n := forestNodes[k]
			if n.feature < 0 {
				continue
			}
			if int(n.feature) >= NumDenseInputs || int(n.left) <= k || int(n.left)+1 >= len(forestNodes) {
				t.Fatalf("tree at %d: node %d %+v", r, k, n)
			}
			stack = append(stack, int(n.left), int(n.left)+1)
		}
	}
	if modelTrees && len(forestRoots) == 0 {
		t.Fatal("the model is a forest with no trees")
	}
}

func TestInputGroup_CoversEveryInput(t *testing.T) {
	counts := map[int]int{}
	for i := range NumInputs {
		counts[InputGroup(i)]++
	}
	if counts[GroupRules] != int(numFeatures)+1 || counts[GroupLayout] != numLayout || counts[GroupShape] != numShape || counts[GroupPlace] != numPlace ||
		counts[GroupKind] != numKindX*int(numFeatures) || counts[GroupWords] != wordBuckets || counts[GroupLexical] != 1 {
		t.Fatalf("groups %v", counts)
	}
}

func TestJudge_AuthorBioWithANumberIsNoStatistic(t *testing.T) {
	j := judgeRules("Tom Reyes is a health journalist with ten years of experience covering sleep and heart health.",
		corpus.KindSentence)
	if j.Claim || !hasReason(j.Reasons, "author bio") || hasReason(j.Reasons, "statistic") || hasReason(j.Reasons, "quantity") {
		t.Fatalf("rules: claim %v, reasons %v; want an author bio and no figure", j.Claim, j.Reasons)
	}
	if j := Judge("Tom Reyes is a health journalist with ten years of experience covering sleep and heart health.",
		corpus.KindSentence, 0); j.Claim {
		t.Fatalf("model: a bio scored %.2f, a claim", j.Score)
	}
}

func TestJudge_OpeningAdverbIsNoSubject(t *testing.T) {
	for text, subject := range map[string]string{
		"Carefully configured NNs are shown to outperform the baselines.": "'configured NNs'",
		"Recently published trials are larger than the early ones.":       "'published trials'",
		"Family members are often the first to notice the change.":        "'Family members'",
	} {
		j := judgeRules(text, corpus.KindSentence)
		var got string
		for _, r := range j.Reasons {
			if s, ok := strings.CutPrefix(r, "states a fact about "); ok {
				got = s
			}
		}
		if got != subject {
			t.Errorf("%q: subject %q (reasons %v), want %s", text, got, j.Reasons, subject)
		}
	}
}

// TestJudge_ModelKeepsClearCasesApart holds the learned model, on sentences
// alone, to the cases no weighting should move: page furniture, questions,
// advice and notices are no claims; a statistic, a study finding and an
// attributed figure are.
func TestJudge_ModelKeepsClearCasesApart(t *testing.T) {
	cases := []struct {
		text  string
		kind  corpus.BlockKind
		claim bool
	}{
		{"How common is hearing loss?", corpus.KindSentence, false},
		{"Sleep apnoea and the heart", corpus.KindHeading, false},
		{"By Ingrid Salo, Science Correspondent", corpus.KindSentence, false},
		{"Correction: An earlier version of this article gave the wrong date.", corpus.KindSentence, false},
		{"Use code SLEEPWELL for 15% off your first order.", corpus.KindSentence, false},
		{"Talk to your doctor before you take a supplement.", corpus.KindSentence, false},
		{"This page explains what researchers know about noise and sleep.", corpus.KindSentence, false},
		{"About 38,000 homes in the city still get their water through a lead pipe.", corpus.KindSentence, true},
		{"A meta-analysis of 22 studies found that gardening was linked to less depression.", corpus.KindSentence, true},
		{"Revenue stayed broadly the same, while the number of staff leaving fell by 57%, the report said.", corpus.KindSentence, true},
		{"Drinking alcohol in the evening relaxes the throat muscles and makes apnoea worse.", corpus.KindSentence, true},
	}
	for _, c := range cases {
		if j := Judge(c.text, c.kind, 0); j.Claim != c.claim {
			t.Errorf("Judge(%q) claim %v (score %.2f, %v), want %v", c.text, j.Claim, j.Score, j.Reasons, c.claim)
		}
	}
}

package claim

import "math"

//go:generate go run ./internal/traingen -o weights_gen.go

// The learned model, trained by internal/traingen on our own labelled
// articles (the tuning pool of testdata/kinds, see its README): either a
// logistic regression over the inputs of inputs.go or gradient-boosted
// shallow trees over the same inputs but the hashed words (which they may
// read through one input, a logistic regression over the words alone:
// GroupLexical), whichever
// leaves more of each labelled set right when that set is left out of
// training (leave-one-set-out cross-validation: articles by another hand,
// as a held-out set's are; leave-one-article-out can be logged beside it).
// The input groups, the penalty or the trees' shape, and the threshold
// (one for all, or one for each kind of article: articlekind.go) are
// chosen the same way. weights_gen.go holds the result and says whether the
// model beat the rules there (modelAdopted); when it did not, the score is
// the rules' own. Either way the reasons an editor reads are the rules'
// features that fired: a split on a hashed word pair or a layout input
// explains nothing on its own.

// treeNode is a node of the learned forest: a split sends a sentence whose
// input feature is at most v to the node left, others to left+1 (the two
// children of a split are neighbours, so that the step down takes no
// branch the processor could mispredict); a leaf (feature -1) adds v to the
// log-odds. Sixteen bytes a node, so that the few thousand nodes of a
// forest stay in the cache.
type treeNode struct {
	feature int16
	left    uint16
	v       float64
}

// score is the sentence's score once run has scanned it.
func (s *scan) score(ctx context) float64 {
	z := s.ruleZ()
	switch {
	case modelAdopted && modelTrees:
		// The trees read the dense inputs (all but the hashed words):
		// a few hundred numbers on the stack, then one path per tree.
		var x [NumDenseInputs]float64
		s.inputs(ctx, modelGroups&^GroupWords, z, func(i int, v float64) { x[i] = v })
		if modelGroups&GroupLexical != 0 {
			x[inLexical] = s.lexicalZ()
		}
		z = forestZ(&x)
	case modelAdopted:
		m := modelBias
		s.inputs(ctx, modelGroups, z, func(i int, v float64) { m += float64(modelWeights[i]) * v })
		z = m
	}
	if modelAdopted {
		// The kind of article's threshold, as a shift of the log-odds
		// (articlekind.go): zero while one threshold for all wins.
		z += modelKindShift[ctx.articleKind()]
	}
	return 1 / (1 + math.Exp(-z))
}

// lexicalZ is the log-odds the word model gives the sentence once run has
// scanned it: the forest's GroupLexical input, a logistic regression over
// the words and pairs of words the pool's sets share (wordBias and
// wordWeights, in weights_gen.go). The sum runs in the order the words
// come, as training adds them up; a word it lacks weighs nothing.
func (s *scan) lexicalZ() float64 {
	z := wordBias
	g := ngrams{s: s}
	for w, pair, ok := g.next(); ok; w, pair, ok = g.next() {
		z += float64(wordWeights[w])
		if pair != nil {
			z += float64(wordWeights[string(pair)])
		}
	}
	return z
}

// forestZ is the forest's log-odds of a sentence's dense inputs: its bias,
// the rules' log-odds scaled (0 when the trees start from nothing), the
// word model's log-odds scaled (0 unless the trainer fitted that line
// beside the rules': train.TreeOptions.Linear), and the leaf each tree
// sends it to.
func forestZ(x *[NumDenseInputs]float64) float64 {
	z := forestBias + float64(forestBaseScale*x[InputRuleLogOdds]) + float64(forestLexicalScale*x[inLexical])
	for _, r := range forestRoots {
		k := int(r)
		for {
			n := &forestNodes[k]
			if n.feature < 0 {
				z += n.v
				break
			}
			k = int(n.left)
			if x[n.feature] > n.v {
				k++
			}
		}
	}
	return z
}

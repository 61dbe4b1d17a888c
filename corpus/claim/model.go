package claim

import "math"

//go:generate go run ./internal/traingen -o weights_gen.go

// The learned model: a logistic regression over the inputs of inputs.go,
// trained by internal/traingen on our own labelled articles (the tuning
// pool of testdata/kinds, see its README), with the input groups, the
// regularisation and the threshold chosen by leave-one-set-out
// cross-validation on those articles only (each labelled directory scored by
// a model trained on the others: articles by another hand, as a held-out
// set's are; leave-one-article-out is reported beside it). weights_gen.go holds the result
// and says whether the model beat the rules there (modelAdopted); when it
// did not, the score is the rules' own. Either way the reasons an editor
// reads are the rules' features that fired: a weight on a hashed word pair
// explains nothing.

// score is the sentence's score once run has scanned it.
func (s *scan) score(ctx context) float64 {
	z := s.ruleZ()
	if modelAdopted {
		m := modelBias
		s.inputs(ctx, modelGroups, z, func(i int, v float64) { m += float64(modelWeights[i]) * v })
		z = m
	}
	return 1 / (1 + math.Exp(-z))
}

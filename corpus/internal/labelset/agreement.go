package labelset

import "fmt"

// Agreement counts how two labellers judged the same sentences as claim or
// not: Both and Neither are agreements, OnlyFirst and OnlySecond the two
// kinds of disagreement. It is written here rather than taken from a
// statistics library because two-by-two counts and Cohen's kappa are a few
// lines and the module has no such dependency.
type Agreement struct{ Both, OnlyFirst, OnlySecond, Neither int }

// Add counts one sentence.
func (a *Agreement) Add(first, second bool) {
	switch {
	case first && second:
		a.Both++
	case first:
		a.OnlyFirst++
	case second:
		a.OnlySecond++
	default:
		a.Neither++
	}
}

// Merge adds another set of counts.
func (a *Agreement) Merge(o Agreement) {
	a.Both += o.Both
	a.OnlyFirst += o.OnlyFirst
	a.OnlySecond += o.OnlySecond
	a.Neither += o.Neither
}

// N is the number of sentences counted.
func (a Agreement) N() int { return a.Both + a.OnlyFirst + a.OnlySecond + a.Neither }

// Raw is the share of sentences on which the labellers agree (0 when none
// were counted).
func (a Agreement) Raw() float64 {
	if a.N() == 0 {
		return 0
	}
	return float64(a.Both+a.Neither) / float64(a.N())
}

// Kappa is Cohen's kappa: agreement beyond what the two labellers' own
// shares of claims would give by chance, 1 for perfect agreement and 0 for
// chance. When chance alone gives full agreement (both call everything, or
// nothing, a claim) kappa is undefined; it is then 1 if they agree
// throughout and 0 otherwise.
func (a Agreement) Kappa() float64 {
	n := float64(a.N())
	if n == 0 {
		return 0
	}
	first := float64(a.Both+a.OnlyFirst) / n
	second := float64(a.Both+a.OnlySecond) / n
	chance := first*second + (1-first)*(1-second)
	if chance == 1 {
		if a.Raw() == 1 {
			return 1
		}
		return 0
	}
	return (a.Raw() - chance) / (1 - chance)
}

// Precision is the share of the first labeller's claims that the second
// also calls claims: the precision the first labels would reach as a
// classifier scored against the second.
func (a Agreement) Precision() float64 { return ratio(a.Both, a.Both+a.OnlyFirst) }

// Recall is the share of the second labeller's claims that the first also
// calls claims.
func (a Agreement) Recall() float64 { return ratio(a.Both, a.Both+a.OnlySecond) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// String gives the counts, raw agreement, kappa, and the first labels'
// precision and recall against the second.
func (a Agreement) String() string {
	return fmt.Sprintf("n %3d  agree %.3f  kappa %.3f  P %.3f R %.3f  (both %d, only first %d, only second %d, neither %d)",
		a.N(), a.Raw(), a.Kappa(), a.Precision(), a.Recall(), a.Both, a.OnlyFirst, a.OnlySecond, a.Neither)
}

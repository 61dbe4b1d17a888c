package labelset

import (
	"math"
	"testing"
)

func TestAgreement_KappaMatchesWorkedFigures(t *testing.T) {
	for _, tc := range []struct {
		name                     string
		a                        Agreement
		raw, kappa, prec, recall float64
	}{
		// 20/50 both, 5 only first, 10 only second, 15 neither: the
		// textbook two-by-two table; chance agreement is 0.5.
		{"textbook", Agreement{Both: 20, OnlyFirst: 5, OnlySecond: 10, Neither: 15}, 0.7, 0.4, 0.8, 20.0 / 30},
		{"perfect", Agreement{Both: 3, Neither: 7}, 1, 1, 1, 1},
		{"all claims, agreed", Agreement{Both: 4}, 1, 1, 1, 1},
		{"opposite", Agreement{OnlyFirst: 5, OnlySecond: 5}, 0, -1, 0, 0},
		{"empty", Agreement{}, 0, 0, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := tc.a
			for _, got := range []struct {
				what      string
				got, want float64
			}{{"raw", a.Raw(), tc.raw}, {"kappa", a.Kappa(), tc.kappa}, {"precision", a.Precision(), tc.prec},
				{"recall", a.Recall(), tc.recall}} {
				if math.Abs(got.got-got.want) > 1e-9 {
					t.Errorf("%s = %v, want %v", got.what, got.got, got.want)
				}
			}
		})
	}
}

func TestAgreement_AddAndMergeCountEachSentenceOnce(t *testing.T) {
	var a, b Agreement
	a.Add(true, true)
	a.Add(true, false)
	b.Add(false, true)
	b.Add(false, false)
	a.Merge(b)
	if a != (Agreement{1, 1, 1, 1}) || a.N() != 4 {
		t.Fatalf("got %+v", a)
	}
}

package store

import (
	"slices"
	"testing"
)

// TestGramSet_SharedCountsTheGramsGramsCuts counts shared grams without
// building strings, as counting the grams of grams(s) does: repeated
// grams once, accents, and bytes that are not UTF-8.
func TestGramSet_SharedCountsTheGramsGramsCuts(t *testing.T) {
	values := []string{"smith2019", "smith2019a", "smyth2019", "aaaa", "aa", "", "müller2001", "muller2001",
		"tag:goodfellow2016deep", "goodfellow2016", "\xff\xfeab", "ab\xff", "lecun15", "lecun2015"}
	for _, v := range values {
		gs, _ := grams(v)
		q := newGramSet(gs)
		for _, s := range values {
			cs, _ := grams(s)
			want := 0
			for _, g := range gs {
				if slices.Contains(cs, g) {
					want++
				}
			}
			if got := q.shared([]byte(s)); got != want {
				t.Errorf("grams of %q shared by %q: %d, want %d", v, s, got, want)
			}
		}
	}
}

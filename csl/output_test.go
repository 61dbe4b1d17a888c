package csl

import "testing"

func TestHasDoubleQuote_FindsStraightAndCurlyMarks(t *testing.T) {
	for s, want := range map[string]bool{
		`say "hi"`: true, "“open": true, "close”": true, "‘single’ – dash…": false, "plain": false, "": false,
		"ends in \xe2\x80": false, "€ and ”": true,
	} {
		if got := hasDoubleQuote(s); got != want {
			t.Errorf("hasDoubleQuote(%q) = %v, want %v", s, got, want)
		}
	}
}

package index

import (
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/lang/en"
)

// TestClaimWords_WhatSuggestAndSupportLookFor pins the one analysis of a
// claim that Suggest and Support share.
func TestClaimWords_WhatSuggestAndSupportLookFor(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	text, names := m.AnalyzerNamed(en.AnalyzerName), m.AnalyzerNamed(analyzerName)
	if text == nil || names == nil {
		t.Fatal("analysers missing from the mapping")
	}
	for _, tc := range []struct {
		name, claim    string
		surface, named []string
	}{
		{"stop words, numbers and one-letter terms are left out", "In 2019, T cells fell by 40% (p < 0.05).",
			[]string{"cells", "fell"}, nil},
		// Any capitalised word may be a surname; Support keeps the name
		// only for the authors it cites.
		{"a repeated stem counts once", "Smoking and smokers: smoking kills.",
			[]string{"Smoking", "smokers", "kills"}, []string{"smoking"}},
		{"a possessive is dropped from the surface", "Ioannidis's essay argued most findings are false.",
			[]string{"Ioannidis", "essay", "argued", "findings", "false"}, []string{"ioannidis"}},
		{"capitalised words get a name", "LeCun and Hinton trained deep networks.",
			[]string{"LeCun", "Hinton", "trained", "deep", "networks"}, []string{"lecun", "hinton"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var surface, named []string
			for _, w := range claimWords(text, names, tc.claim) {
				surface = append(surface, w.surface)
				if w.name != "" {
					named = append(named, w.name)
				}
			}
			if !slices.Equal(surface, tc.surface) {
				t.Errorf("words %q, want %q", surface, tc.surface)
			}
			if !slices.Equal(named, tc.named) {
				t.Errorf("names %q, want %q", named, tc.named)
			}
		})
	}
}

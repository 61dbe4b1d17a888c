package style

import (
	"strings"
	"unicode"
)

// spreadInitials writes initials run together in the PubMed way ("HA" in
// "Feldman, HA") as initials of their own ("H A"), so that a style can
// punctuate them. Only a given name of two or three capitals counts, and
// only when the family name is not in capitals too: in "SMITH, TOM" the
// whole name is capitalised and TOM is a name.
func spreadInitials(given, family string) string {
	if !strings.ContainsFunc(family, unicode.IsLower) {
		return given
	}
	words := strings.Fields(given)
	changed := false
	for i, w := range words {
		r := []rune(w)
		if len(r) < 2 || len(r) > 3 || strings.ContainsFunc(w, func(c rune) bool { return !unicode.IsUpper(c) }) {
			continue
		}
		parts := make([]string, len(r))
		for j, c := range r {
			parts[j] = string(c)
		}
		words[i] = strings.Join(parts, " ")
		changed = true
	}
	if !changed {
		return given
	}
	return strings.Join(words, " ")
}

package openalex

import (
	"cmp"
	"slices"
	"strings"
)

// MaxAbstractWords bounds a rebuilt abstract. Real abstracts have a few
// hundred words; the bound keeps a hostile index from making the rebuild
// hold more than a few times this many words, whatever its positions.
const MaxAbstractWords = 10000

// positioned is one word of an inverted index at one position.
type positioned struct {
	pos  int
	word string
}

// Abstract rebuilds the text of an abstract_inverted_index (each word with
// the positions it stands at): the words in the order of their positions,
// one space between them. OpenAlex ships abstracts this way for licensing
// reasons. Gaps in the positions are closed, a position given twice keeps
// one word (the first in byte order, so the result does not depend on map
// order), negative positions are ignored, and only the MaxAbstractWords
// lowest positions are kept. Memory follows the number of positions, never
// the largest position: the words are sorted, not placed in a slice
// indexed by position, so an index claiming position 10^9 costs nothing.
func Abstract(index map[string][]int) string {
	var ws []positioned
	// compact sorts, drops repeated positions and keeps the lowest
	// MaxAbstractWords, so ws never grows past twice the bound.
	compact := func() {
		slices.SortFunc(ws, func(a, b positioned) int {
			if c := cmp.Compare(a.pos, b.pos); c != 0 {
				return c
			}
			return strings.Compare(a.word, b.word)
		})
		ws = slices.CompactFunc(ws, func(a, b positioned) bool { return a.pos == b.pos })
		if len(ws) > MaxAbstractWords {
			ws = ws[:MaxAbstractWords]
		}
	}
	for word, positions := range index {
		word = strings.Join(strings.Fields(word), " ")
		if word == "" {
			continue
		}
		for _, p := range positions {
			if p < 0 {
				continue
			}
			ws = append(ws, positioned{p, word})
			if len(ws) >= 2*MaxAbstractWords {
				compact()
			}
		}
	}
	compact()
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.word)
	}
	return b.String()
}

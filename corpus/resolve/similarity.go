package resolve

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// Title similarity is a soft Dice coefficient over title words: the words
// of corpus.NormalizeTitle less a small stop list, where two words match
// when they are equal or, both being five letters or longer, one edit apart
// ("visualising"/"visualizing", "network"/"networks", a dropped or doubled
// letter). Dice = 2·matches / (|a|+|b|) reads as the share of words the two
// titles have in common.
//
// Word-level rather than character-trigram similarity, because:
//   - the candidates come from an inverted index of title words, so the
//     score and the lookup agree on what a word is;
//   - reference lists drop, add and reorder whole words (subtitles, "a",
//     "the", series names), which a word measure counts once per word while
//     trigrams penalise every boundary;
//   - in a library where most titles share a vocabulary ("deep learning",
//     "neural network"), trigrams of common words give unrelated titles a
//     floor of similarity that words do not;
//   - it costs no allocation beyond the word lists, which are built once
//     per library reference.
//
// Its blind spot is a word split or joined differently ("multidrug
// resistant" / "multi-drugresistant"): both halves then miss.

// stopWords are dropped before comparison: they carry no identity, and
// styles add or remove them ("Quantifying heterogeneity in a
// meta-analysis").
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "in": true, "on": true,
	"for": true, "to": true, "with": true, "by": true, "from": true, "at": true, "as": true,
	"is": true, "are": true, "its": true, "or": true, "via": true, "into": true, "de": true,
}

// titleWords returns the comparable words of a title.
func titleWords(title string) []string {
	return contentWords(corpus.NormalizeTitle(title))
}

func contentWords(normalized string) []string {
	fields := strings.Fields(normalized)
	out := fields[:0]
	for _, w := range fields {
		if !stopWords[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// mainTitle returns the words of a title before its subtitle (after ":",
// " - ", "?" or ". "), or nil when it has no subtitle or the main part is
// a single word.
func mainTitle(title string) []string {
	cut := -1
	for i := 0; i < len(title) && cut < 0; i++ {
		switch title[i] {
		case ':':
			cut = i
		case '?', '.':
			if i+1 < len(title) && title[i+1] == ' ' {
				cut = i
			}
		case '-':
			if i > 0 && title[i-1] == ' ' && i+1 < len(title) && title[i+1] == ' ' {
				cut = i
			}
		case 0xe2: // the first byte of "–" and "—"
			if strings.HasPrefix(title[i:], "– ") || strings.HasPrefix(title[i:], "— ") {
				if i > 0 && title[i-1] == ' ' {
					cut = i
				}
			}
		}
	}
	if cut <= 0 {
		return nil
	}
	w := titleWords(title[:cut])
	if len(w) < 2 {
		return nil
	}
	return w
}

// softDice returns the Dice coefficient of two word lists, counting words
// one edit apart as equal when both are at least five bytes long.
func softDice(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return 2 * float64(softMatches(a, b)) / float64(len(a)+len(b))
}

// softMatches counts the words of a matched to distinct words of b, equal
// words first and then words one edit apart.
func softMatches(a, b []string) int {
	var usedBuf, doneBuf [64]bool
	used, done := usedBuf[:0], doneBuf[:0]
	if len(b) > len(usedBuf) {
		used = make([]bool, len(b))
	} else {
		used = usedBuf[:len(b)]
	}
	if len(a) > len(doneBuf) {
		done = make([]bool, len(a))
	} else {
		done = doneBuf[:len(a)]
	}
	m := 0
	for i, x := range a {
		for j, y := range b {
			if !used[j] && x == y {
				used[j], done[i] = true, true
				m++
				break
			}
		}
	}
	for i, x := range a {
		if done[i] || len(x) < 5 {
			continue
		}
		for j, y := range b {
			// One edit leaves the first or the last letter of a
			// word of five or more in place: a cheap test first.
			if !used[j] && len(y) >= 5 && (x[0] == y[0] || x[len(x)-1] == y[len(y)-1]) && within1(x, y) {
				used[j] = true
				m++
				break
			}
		}
	}
	return m
}

// containment returns the share of the words of want found in have,
// with the same word equality as softDice.
func containment(want, have []string) float64 {
	if len(want) == 0 || len(have) == 0 {
		return 0
	}
	return float64(softMatches(want, have)) / float64(len(want))
}

// within1 reports whether a and b are at most one edit (insertion,
// deletion, substitution or swap of neighbours) apart, byte-wise.
func within1(a, b string) bool {
	la, lb := len(a), len(b)
	if la > lb {
		a, b, la, lb = b, a, lb, la
	}
	if lb-la > 1 {
		return false
	}
	i := 0
	for i < la && a[i] == b[i] {
		i++
	}
	if i == la {
		return true
	}
	if la == lb {
		if a[i+1:] == b[i+1:] {
			return true
		}
		// transposition of neighbours
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	}
	return a[i:] == b[i+1:]
}

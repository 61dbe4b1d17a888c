package style

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Which capitals a title keeps when sentenceCase lower-cases it. The word
// lists are data (words/*.txt), not code: a style guide's exceptions grow,
// and an editor should be able to add "Wuhan" without reading Go.

var (
	//go:embed words/proper-nouns.txt
	properNounsText string
	//go:embed words/minor-words.txt
	minorWordsText string
)

// properNoun is a name of one or more words that keeps its capitals.
type properNoun struct {
	words      []string // the cores of its words (see wordCore)
	nearNumber bool     // a proper noun only beside a number ("May 2020")
}

// wordLists holds the parsed word lists.
type wordLists struct {
	proper map[string][]properNoun // by the core of the first word, longest first
	minor  map[string]bool
}

var loadWordLists = sync.OnceValue(func() *wordLists {
	l := &wordLists{proper: map[string][]properNoun{}, minor: map[string]bool{}}
	for _, line := range dataLines(properNounsText) {
		name, near := strings.CutSuffix(line, " +number")
		var p properNoun
		p.nearNumber = near
		for _, w := range splitWords(name) {
			p.words = append(p.words, wordCore(w))
		}
		if len(p.words) > 0 {
			l.proper[p.words[0]] = append(l.proper[p.words[0]], p)
		}
	}
	for _, ps := range l.proper {
		// Longest first, so that "New South Wales" wins over "New".
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && len(ps[j].words) > len(ps[j-1].words); j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
	}
	for _, line := range dataLines(minorWordsText) {
		l.minor[line] = true
	}
	return l
})

// dataLines returns the lines of a word list without comments and blanks.
func dataLines(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// splitWords splits s at the word breaks sentenceCase uses (spaces,
// hyphens, slashes), dropping empty words.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r < utf8.RuneSelf && isWordBreak(byte(r)) })
}

// wordCore is a word without the punctuation around it and without a
// possessive: "(Alzheimer's" → "Alzheimer", "Graves'" → "Graves".
func wordCore(w string) string {
	if n := len(w); n > 0 && isASCIIAlnum(w[0]) && isASCIIAlnum(w[n-1]) && (w[n-1] != 's' || n < 2 || w[n-2] != '\'' && !strings.HasSuffix(w[:n-1], "’")) {
		// most words: nothing around them to trim and no possessive (the
		// general path below costs a title's preparation a fifth)
		return w
	}
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' })
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if c, ok := strings.CutSuffix(w, p); ok {
			w = c
			break
		}
	}
	return strings.TrimLeft(w, "'’")
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// titleToken is a word of a title as sentenceCase reads it.
type titleToken struct {
	core      string
	noCase    bool // protected from case changes
	spaced    bool // begins the title or follows a space (not a hyphen or slash)
	afterStop bool // follows a word that ends in . : ? or !
}

// keepCapitals decides, for each word of a title, whether sentenceCase must
// keep its capitals:
//
//   - A title in sentence case already (more of its words are in lower case
//     than capitalised) keeps all its capitals: those left are names.
//   - In a Title Case title, the proper nouns of the word lists do, and so
//     does a capital letter standing alone ("The R Book", "Vitamin D",
//     "Hepatitis A"), except "A" in a title that capitalises its small
//     words ("Towards A Theory Of Mind"), where it is the article.
//
// Acronyms and words with inner capitals ("HIV", "mRNA", "McDonald") keep
// theirs anyway (see lowerDotted).
func keepCapitals(toks []titleToken) []bool {
	lists := loadWordLists()
	keep := make([]bool, len(toks))
	for k := 0; k < len(toks); k++ {
		if n := properNounAt(lists, toks, k); n > 0 {
			for j := k; j < k+n; j++ {
				keep[j] = true
			}
			k += n - 1
		}
	}
	lower, capital, startCase := 0, 0, false
	for k, t := range toks {
		if k == 0 || t.noCase || !t.spaced {
			continue
		}
		low := strings.ToLower(t.core)
		if !t.afterStop && isCapitalizedWord(t.core) && t.core != "A" {
			if len(low) <= 3 && stopWords[low] && low != "up" && low != "v" {
				startCase = true
			}
		}
		if utf8.RuneCountInString(t.core) < 2 || lists.minor[low] || !isLetters(t.core) {
			continue
		}
		switch {
		case isLowerWord(t.core):
			lower++
		case keep[k] || t.afterStop:
		case isCapitalizedWord(t.core):
			capital++
		}
	}
	if lower > capital {
		for k := range keep {
			keep[k] = true
		}
		return keep
	}
	for k, t := range toks {
		if r, size := utf8.DecodeRuneInString(t.core); size == len(t.core) && unicode.IsUpper(r) {
			keep[k] = keep[k] || t.core != "A" || !startCase
		}
	}
	return keep
}

// properNounAt returns how many words of the proper noun that starts at
// toks[k] there are, or 0. A plural counts ("Americans", "New
// Zealanders").
func properNounAt(lists *wordLists, toks []titleToken, k int) int {
	first := toks[k].core
	if !startsUpper(first) {
		return 0
	}
	candidates := lists.proper[first]
	if one, ok := strings.CutSuffix(first, "s"); ok {
		candidates = append(candidates[:len(candidates):len(candidates)], lists.proper[one]...)
	}
next:
	for _, p := range candidates {
		n := len(p.words)
		if k+n > len(toks) {
			continue
		}
		for j, w := range p.words {
			got := toks[k+j].core
			if j == n-1 && got != w {
				got = strings.TrimSuffix(got, "s")
			}
			if startsUpper(w) && got != w || !strings.EqualFold(got, w) {
				continue next
			}
		}
		if p.nearNumber && !(k > 0 && isNumber(toks[k-1].core) || k+n < len(toks) && isNumber(toks[k+n].core)) {
			continue
		}
		return n
	}
	return 0
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isLetters reports whether w is made of letters (and apostrophes) only.
func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

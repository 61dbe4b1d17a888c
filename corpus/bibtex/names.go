package bibtex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// The name splitter follows BibTeX's own rules (Patashnik's "Designing
// BibTeX styles" and bibtex.web), written by hand because no Go library
// implements them. It also reads biblatex's extended name format
// (family=..., given=...). Deliberate differences from BibTeX: a hyphenated
// word stays one word, so "Jean-Paul" is never split into First and Last;
// "John Smith, Jr." is read as a name with a suffix rather than as a person
// whose first name is "Jr."; and a lower-case initial ("a.") is no particle.

// ParseNames splits a BibTeX name list into names; etAl reports a trailing
// "and others". Names are separated by the word "and" outside braces; each
// is "First von Last", "von Last, First" or "von Last, Jr, First", and a
// name wholly in braces, such as {World Health Organization}, is a Literal.
// Every part is decoded with Decode; biblatex's "family=..., given=..."
// form is understood too. Malformed lists give their best reading: empty
// names are dropped and Last is never empty.
func ParseNames(s string) (names []corpus.Name, etAl bool) {
	var buf [32]nameToken
	toks, balanced := nameTokenize(s, false, buf[:0])
	if !balanced {
		// An unclosed brace would swallow the rest of the list; reading
		// braces as plain characters recovers the other names.
		toks, _ = nameTokenize(s, true, toks[:0])
	}
	if len(toks) == 0 {
		return nil, false
	}

	count := 1
	for _, t := range toks {
		if t.and {
			count++
		}
	}
	names = make([]corpus.Name, 0, count)
	start := 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) && !toks[k].and {
			continue
		}
		one := toks[start:k]
		start = k + 1
		if len(one) == 1 && strings.EqualFold(one[0].text(s), "others") && nameOnlyAnds(toks[k:]) {
			etAl = true
			break
		}
		if n, ok := nameParse(s, one); ok {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		names = nil
	}
	return names, etAl
}

// nameOnlyAnds reports whether toks holds nothing but the word "and".
func nameOnlyAnds(toks []nameToken) bool {
	for _, t := range toks {
		if !t.and {
			return false
		}
	}
	return true
}

// nameToken is a word of a name list, a comma, or the word "and".
type nameToken struct {
	start, end int
	comma      bool
	and        bool
}

func (t nameToken) text(s string) string { return s[t.start:t.end] }

// nameTokenize splits s into words at whitespace, ties and commas outside
// braces. With flat set, braces are ordinary characters. It reports whether
// every brace was closed.
func nameTokenize(s string, flat bool, toks []nameToken) ([]nameToken, bool) {
	depth, start := 0, -1
	word := func(end int) {
		if start >= 0 {
			t := nameToken{start: start, end: end}
			t.and = strings.EqualFold(s[start:end], "and")
			toks = append(toks, t)
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if depth == 0 && (latexIsSpace(c) || c == '~' || c == ',') {
			word(i)
			if c == ',' {
				toks = append(toks, nameToken{start: i, end: i + 1, comma: true})
			}
			continue
		}
		if start < 0 {
			start = i
		}
		switch {
		case c == '\\':
			if i+1 < len(s) {
				i++ // \~ \, \{ belong to the word
			}
		case flat:
		case c == '{':
			depth++
		case c == '}' && depth > 0:
			depth--
		}
	}
	word(len(s))
	return toks, depth == 0
}

// nameParse reads one name from its tokens.
func nameParse(s string, toks []nameToken) (corpus.Name, bool) {
	// Stray commas at either end carry nothing.
	for len(toks) > 0 && toks[0].comma {
		toks = toks[1:]
	}
	for len(toks) > 0 && toks[len(toks)-1].comma {
		toks = toks[:len(toks)-1]
	}
	if len(toks) == 0 {
		return corpus.Name{}, false
	}
	if len(toks) == 1 {
		if w := toks[0].text(s); len(w) > 2 && w[0] == '{' && w[1] != '\\' && latexGroupEnd(w, 0) == len(w)-1 {
			lit := Decode(w[1 : len(w)-1])
			return corpus.Name{Literal: lit}, lit != ""
		}
	}

	if n, ok := nameExtended(s, toks); ok {
		return n, true
	}

	// Split at commas into parts: [von Last] [Jr] [First...].
	var parts [3][]nameToken
	np := 0
	from := 0
	for k, t := range toks {
		if t.comma {
			if np < 2 {
				parts[np] = toks[from:k]
				np++
				from = k + 1
			}
		}
	}
	parts[np] = toks[from:]
	np++

	var n corpus.Name
	switch np {
	case 1:
		n = nameFirstVonLast(s, parts[0])
	case 2:
		if len(parts[1]) == 1 && len(parts[0]) > 1 && nameIsSuffix(parts[1][0].text(s)) {
			// "John Smith, Jr." is a person with a suffix.
			n = nameFirstVonLast(s, parts[0])
			n.Jr = Decode(parts[1][0].text(s))
		} else {
			n = nameVonLast(s, parts[0])
			n.First = nameJoin(s, parts[1])
		}
	default:
		n = nameVonLast(s, parts[0])
		n.Jr = nameJoin(s, parts[1])
		n.First = nameJoin(s, parts[2]) // a fourth part and more stay with First
	}
	if n.Last == "" {
		// Every word of Last decoded to nothing ({}, \relax) or the
		// von-Last part was empty: read the words that say something.
		n = nameFallback(s, toks)
	}
	return n, n.Last != ""
}

// nameExtended reads biblatex's extended name format, which Zotero exports:
// "family=Gogh, given=Vincent, prefix=van, useprefix=true". ok is false when
// the name is not written that way.
func nameExtended(s string, toks []nameToken) (n corpus.Name, ok bool) {
	if key, _, found := strings.Cut(toks[0].text(s), "="); !found || !nameIsExtendedKey(key) {
		return n, false
	}
	from := 0
	for k := 0; k <= len(toks); k++ {
		if k < len(toks) && !toks[k].comma {
			continue
		}
		if k > from {
			key, value, _ := strings.Cut(s[toks[from].start:toks[k-1].end], "=")
			switch strings.ToLower(latexTrimSpace(key)) {
			case "family":
				n.Last = Decode(value)
			case "given":
				n.First = Decode(value)
			case "prefix":
				n.Von = Decode(value)
			case "suffix":
				n.Jr = Decode(value)
			}
		}
		from = k + 1
	}
	if n.Last == "" {
		// Only a given name, as for some mononyms: it is what there is to cite.
		n.Last, n.First = n.First, ""
	}
	return n, n.Last != ""
}

func nameIsExtendedKey(key string) bool {
	switch strings.ToLower(key) {
	case "family", "given", "prefix", "suffix":
		return true
	}
	return false
}

// nameFirstVonLast splits "First von Last": von runs from the first to the
// last lower-case word before the last word, which is always Last.
func nameFirstVonLast(s string, w []nameToken) corpus.Name {
	if len(w) == 0 {
		return corpus.Name{}
	}
	last := len(w) - 1
	vs := -1
	for k := 0; k < last; k++ {
		if nameIsLower(w[k].text(s)) {
			vs = k
			break
		}
	}
	if vs < 0 {
		return corpus.Name{First: nameJoin(s, w[:last]), Last: nameJoin(s, w[last:])}
	}
	ve := vs + 1
	for k := last - 1; k > vs; k-- {
		if nameIsLower(w[k].text(s)) {
			ve = k + 1
			break
		}
	}
	return corpus.Name{First: nameJoin(s, w[:vs]), Von: nameJoin(s, w[vs:ve]), Last: nameJoin(s, w[ve:])}
}

// nameVonLast splits the "von Last" part before a comma: von ends at the
// last lower-case word before the last word.
func nameVonLast(s string, w []nameToken) corpus.Name {
	if len(w) == 0 {
		return corpus.Name{}
	}
	ve := 0
	for k := len(w) - 2; k >= 0; k-- {
		if nameIsLower(w[k].text(s)) {
			ve = k + 1
			break
		}
	}
	return corpus.Name{Von: nameJoin(s, w[:ve]), Last: nameJoin(s, w[ve:])}
}

// nameFallback reads a name whose Last came out empty: commas are dropped,
// and so are words that decode to nothing.
func nameFallback(s string, toks []nameToken) corpus.Name {
	words := make([]nameToken, 0, len(toks))
	for _, t := range toks {
		if !t.comma && Decode(t.text(s)) != "" {
			words = append(words, t)
		}
	}
	n := nameFirstVonLast(s, words)
	if n.Last == "" {
		return corpus.Name{}
	}
	return n
}

// nameJoin decodes the words w, which lie in order in s; the text between
// them is only spaces and commas, which Decode keeps or collapses.
func nameJoin(s string, w []nameToken) string {
	if len(w) == 0 {
		return ""
	}
	return Decode(s[w[0].start:w[len(w)-1].end])
}

// nameIsSuffix reports whether w is a generational suffix.
func nameIsSuffix(w string) bool {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "jr", "sr", "jnr", "snr", "ii", "iii", "iv", "2nd", "3rd":
		return true
	}
	return false
}

// nameIsLower reports whether a word is lower-case, which puts it in the von
// part. As in BibTeX, the first letter outside braces decides; a group that
// starts with a control sequence ({\'E}, {\ss}) is a special character whose
// letter counts; other groups are skipped; a word with no such letter is not
// lower-case. A bare control sequence (\'Ecole) is read like a special
// character. Unlike BibTeX, a lower-case initial such as "a." is no
// particle: exports from reference managers have them by mistake
// ("Michael a. Reshchikov").
func nameIsLower(w string) bool {
	if len(w) == 2 && w[1] == '.' {
		return false
	}
	depth := 0
	for i := 0; i < len(w); {
		c := w[i]
		switch {
		case c == '{' && depth == 0 && i+1 < len(w) && w[i+1] == '\\':
			end := min(latexGroupEnd(w, i), len(w))
			if lower, ok := nameSpecialCase(w[i+1 : end]); ok {
				return lower
			}
			i = end + 1
			continue
		case c == '{':
			depth++
		case c == '}':
			if depth > 0 {
				depth--
			}
		case depth > 0:
		case c == '\\':
			lower, _ := nameSpecialCase(w[i:])
			return lower
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(w[i:])
			if unicode.IsLower(r) {
				return true
			}
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				return false
			}
			i += size
			continue
		case 'a' <= c && c <= 'z':
			return true
		case 'A' <= c && c <= 'Z':
			return false
		}
		i++
	}
	return false
}

// nameSpecialCase finds the case of special-character text t, which starts
// with a backslash: a special letter's own case (\ss lower, \AE upper),
// otherwise the first letter that is not part of a command name. Braces do
// not hide letters here. ok is false when there is no letter.
func nameSpecialCase(t string) (lower, ok bool) {
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c == '\\':
			j := i + 1
			for j < len(t) && latexIsLetter(t[j]) {
				j++
			}
			if j == i+1 {
				i += 2 // a control symbol such as \' or \"
				continue
			}
			switch t[i+1 : j] {
			case "i", "j", "oe", "ae", "aa", "o", "l", "ss", "dh", "th", "ng", "dj":
				return true, true
			case "OE", "AE", "AA", "O", "L", "SS", "DH", "TH", "NG", "DJ":
				return false, true
			}
			i = j
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(t[i:])
			if unicode.IsLower(r) {
				return true, true
			}
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				return false, true
			}
			i += size
			continue
		case 'a' <= c && c <= 'z':
			return true, true
		case 'A' <= c && c <= 'Z':
			return false, true
		}
		i++
	}
	return false, false
}

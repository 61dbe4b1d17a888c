package cite

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// maxCites caps how many works one marker may cite once ranges are
// expanded; a longer range is a number range in prose, not a citation.
const maxCites = 500

// readInt reads 1 to 4 digits at i; the value must be positive.
func readInt(s string, i int) (n, j int, ok bool) {
	j = i
	for j < len(s) && isDigit(s[j]) {
		n = n*10 + int(s[j]-'0')
		j++
		if j-i > 4 {
			return 0, i, false
		}
	}
	if j == i || n == 0 {
		return 0, i, false
	}
	return n, j, true
}

// rangeSepAt reports whether a range separator (a dash or the word "to")
// starts at i, after spaces have been skipped; j is the index after it.
func rangeSepAt(s string, i int) (j int, ok bool) {
	if n, ok := dashAt(s, i); ok {
		return i + n, true
	}
	if strings.HasPrefix(s[i:], "to") && i > 0 && s[i-1] == ' ' && i+2 < len(s) && s[i+2] == ' ' {
		return i + 2, true
	}
	return i, false
}

// parseNumbers parses a list of reference numbers and ranges: "3", "1, 2",
// "1–3, 7", "1 to 3", "4; 6". A locator may follow a number after a comma
// ("12, p. 4"). A reversed range or one of more than maxCites items fails.
func parseNumbers(s string) ([]corpus.Cite, bool) {
	var cites []corpus.Cite
	i := skipSpace(s, 0)
	for {
		n, j, ok := readInt(s, i)
		if !ok {
			return nil, false
		}
		i = skipSpace(s, j)
		if k, ok := rangeSepAt(s, i); ok {
			m, j, ok := readInt(s, skipSpace(s, k))
			if !ok || m < n || m-n >= maxCites || len(cites)+m-n >= maxCites {
				return nil, false
			}
			for v := n; v <= m; v++ {
				cites = append(cites, numCite(v))
			}
			i = skipSpace(s, j)
		} else {
			if len(cites) >= maxCites {
				return nil, false
			}
			cites = append(cites, numCite(n))
		}
		if i >= len(s) {
			return cites, !hasRepeats(cites)
		}
		if s[i] != ',' && s[i] != ';' {
			return nil, false
		}
		i = skipSpace(s, i+1)
		// "[12, p. 4]" or "[12, pp. 4–5; 14]": the locator runs to the next semicolon.
		if i < len(s) && !isDigit(s[i]) && isLocator(s[i:]) {
			end := strings.IndexByte(s[i:], ';')
			if end < 0 {
				cites[len(cites)-1].Locator = collapseSpace(s[i:])
				return cites, !hasRepeats(cites)
			}
			cites[len(cites)-1].Locator = collapseSpace(s[i : i+end])
			i = skipSpace(s, i+end+1)
		}
	}
}

// hasRepeats reports whether a number list cites a number twice, as a
// tuple "(2, 2)" does and a citation never does.
func hasRepeats(cites []corpus.Cite) bool {
	increasing := true
	for i := 1; i < len(cites) && increasing; i++ {
		increasing = cites[i].Number > cites[i-1].Number
	}
	if increasing {
		return false
	}
	for i := 1; i < len(cites); i++ {
		for j := 0; j < i; j++ {
			if cites[i].Number == cites[j].Number {
				return true
			}
		}
	}
	return false
}

func numCite(n int) corpus.Cite {
	return corpus.Cite{Number: n, Label: strconv.Itoa(n)}
}

// yearLike reports whether a numeric marker's cites look like years
// (1800–2099) rather than reference numbers.
func yearLike(cites []corpus.Cite) bool {
	for _, c := range cites {
		if c.Number >= 1800 && c.Number <= 2099 {
			return true
		}
	}
	return false
}

// tooBigForParens reports whether a parenthesised list has a number of
// four digits: years, sample sizes and measurements, not reference numbers.
func tooBigForParens(cites []corpus.Cite) bool {
	for _, c := range cites {
		if c.Number >= 1000 {
			return true
		}
	}
	return false
}

// numericPrefix splits a leading prefix such as "see", "e.g.," or "ref."
// off a bracketed number list.
func numericPrefix(s string) (prefix, rest string) {
	i := skipSpace(s, 0)
	start := i
	for k := 0; k < 3; k++ {
		w := wordAt(s, i)
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		switch lw {
		case "see", "also", "e.g", "cf", "ref", "refs", "reference", "references", "reviewed", "in":
		default:
			return collapseSpace(strings.TrimRight(s[start:i], " ,")), s[i:]
		}
		i += len(w)
		if i < len(s) && s[i] == ',' {
			i++
		}
		i = skipSpace(s, i)
	}
	return collapseSpace(strings.TrimRight(s[start:i], " ,")), s[i:]
}

// superscript digits, and the superscript minus used in "¹⁻³".
func supDigit(r rune) (byte, bool) {
	switch r {
	case '⁰':
		return '0', true
	case '¹':
		return '1', true
	case '²':
		return '2', true
	case '³':
		return '3', true
	case '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
		return byte('4' + r - '⁴'), true
	}
	return 0, false
}

// supRun reads a run of Unicode superscript digits with the separators
// between them ("¹²", "¹⁻³", "¹,²") starting at i and returns it in ASCII
// ("12", "1-3", "1,2") with the index after it.
func supRun(s string, i int) (ascii string, j int) {
	var b []byte
	j = i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if d, ok := supDigit(r); ok {
			b = append(b, d)
			j += n
			continue
		}
		// A separator counts only between two superscript digits.
		sep := byte(0)
		switch r {
		case '⁻', '-', '–', '—':
			sep = '-'
		case ',':
			sep = ','
		}
		if sep == 0 || len(b) == 0 || j+n >= len(s) {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[j+n:])
		if _, ok := supDigit(next); !ok {
			break
		}
		b = append(b, sep)
		j += n
	}
	return string(b), j
}

// supContextOK decides whether a superscript at s[i:e] is in a place where
// a citation can be: glued to a word of three or more letters or after
// punctuation, and not part of a number, unit, formula or charge.
func supContextOK(s string, i, e int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	switch {
	case unicode.IsDigit(r), unicode.IsSpace(r), r == ')', r == ']', r == '}', r == '^', r == '_',
		isSupRune(r), '⁰' <= r && r <= '₟': // after an exponent or a subscript: a formula
		return false
	case unicode.IsLetter(r):
		w := lettersBefore(s, i)
		if utf8.RuneCountInString(w) <= 2 || units[w] {
			return false
		}
		// A Greek letter, a subscript or a digit just before the word means math.
		if rr, _ := utf8.DecodeLastRuneInString(s[:i-len(w)]); unicode.IsDigit(rr) || rr == '_' || rr == '\\' {
			return false
		}
	}
	if e < len(s) {
		r, _ := utf8.DecodeRuneInString(s[e:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '⁺' || r == '⁻' || r == '(' || r == '^' || r == '_' {
			return false
		}
	}
	return true
}

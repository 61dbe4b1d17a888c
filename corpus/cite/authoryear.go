package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// Author-year citations: "(Smith, 2019)", "(Smith et al. 2019a; Jones,
// 2020, p. 4)", "(see van der Berg, 2018)", and the narrative "Smith et al.
// (2019)".

// maxAuthorWords bounds an author phrase; longer runs of capitalised words
// are titles or headings.
const maxAuthorWords = 10

// yearAt reads the year of an author-year citation at s[i:]: "2019",
// "2019a", "n.d.", "n.d.-a", "in press", "forthcoming". i must start a word.
func yearAt(s string, i int) (year, suffix string, j int, ok bool) {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return "", "", i, false
		}
	}
	if i+4 <= len(s) && isDigit(s[i]) {
		v := 0
		for k := i; k < i+4; k++ {
			if !isDigit(s[k]) {
				return "", "", i, false
			}
			v = v*10 + int(s[k]-'0')
		}
		if v < 1000 || v > 2099 {
			return "", "", i, false
		}
		j = i + 4
		if j < len(s) && isDigit(s[j]) {
			return "", "", i, false
		}
		if j < len(s) && 'a' <= s[j] && s[j] <= 'z' && s[j] != 's' && !letterAt(s, j+1) {
			suffix = s[j : j+1]
			j++
		}
		if letterAt(s, j) {
			return "", "", i, false
		}
		return s[i : i+4], suffix, j, true
	}
	switch {
	case hasPrefixFold(s[i:], "n.d."):
		j = i + 4
	case hasPrefixFold(s[i:], "n.d") && !letterAt(s, i+3):
		j = i + 3
	case hasPrefixFold(s[i:], "in press") && !letterAt(s, i+8):
		return "in press", "", i + 8, true
	case hasPrefixFold(s[i:], "forthcoming") && !letterAt(s, i+11):
		return "forthcoming", "", i + 11, true
	default:
		return "", "", i, false
	}
	// "n.d.-a" or "n.d.a" tell two undated works apart.
	k := j
	if k < len(s) && s[k] == '-' {
		k++
	}
	if k < len(s) && 'a' <= s[k] && s[k] <= 'z' && !letterAt(s, k+1) {
		return "n.d.", s[k : k+1], k + 1, true
	}
	if letterAt(s, j) {
		return "", "", i, false
	}
	return "n.d.", "", j, true
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// parseYears reads a year and what may follow it inside one citation item:
// more years of the same authors ("2019, 2020", "2019a, b"), a locator
// (", p. 4", ": 45") or a note (", for a review"). Each year becomes a cite
// copied from base. When another author group follows (", Jones 2020"),
// next is its index; otherwise next is -1.
func parseYears(s string, i int, base corpus.Cite) (cites []corpus.Cite, next int, ok bool) {
	y, suf, j, ok := yearAt(s, i)
	if !ok {
		return nil, -1, false
	}
	c := base
	c.Year, c.Suffix = y, suf
	cites = append(cites, c)
	base.Prefix = "" // the prefix belongs to the first work
	i = j
	for {
		i = skipSpace(s, i)
		if i >= len(s) {
			return cites, -1, true
		}
		last := &cites[len(cites)-1]
		switch s[i] {
		case ':':
			loc := collapseSpace(s[i+1:])
			if loc == "" {
				return nil, -1, false
			}
			last.Locator = loc
			return cites, -1, true
		case ',':
			k := skipSpace(s, i+1)
			if k >= len(s) {
				return cites, -1, true
			}
			if y, suf, j, ok := yearAt(s, k); ok {
				c := base
				c.Year, c.Suffix = y, suf
				cites = append(cites, c)
				i = j
				continue
			}
			// "2019a, b": a bare letter repeats the year with another suffix.
			if last.Suffix != "" && 'a' <= s[k] && s[k] <= 'z' && !letterAt(s, k+1) && s[k] != 's' {
				c := base
				c.Year, c.Suffix = last.Year, s[k:k+1]
				cites = append(cites, c)
				i = k + 1
				continue
			}
			if isLocator(s[k:]) {
				last.Locator = collapseSpace(s[k:])
				return cites, -1, true
			}
			if w := wordAt(s, k); isCapWord(w) || (isParticle(w) && particleLeadsName(s, k)) {
				return cites, k, true
			}
			return cites, -1, true // a note such as ", for a review"
		default:
			// "(Smith 2019 and Jones 2020)"
			for _, join := range []string{"and ", "& "} {
				if strings.HasPrefix(s[i:], join) {
					k := skipSpace(s, i+len(join))
					if w := wordAt(s, k); isCapWord(w) || (isParticle(w) && particleLeadsName(s, k)) {
						return cites, k, true
					}
				}
			}
			return nil, -1, false
		}
	}
}

// parseAuthorYear parses the inside of a parenthetical (or bracketed)
// author-year citation: items separated by semicolons, each with an
// optional prefix, authors and years. Items that are not citations ("n =
// 45") are skipped; at least one must be.
func parseAuthorYear(inner string) ([]corpus.Cite, bool) {
	var cites []corpus.Cite
	for item := range strings.SplitSeq(inner, ";") {
		if cs, ok := parseAYItem(item); ok {
			cites = append(cites, cs...)
		}
	}
	return cites, len(cites) > 0
}

func parseAYItem(s string) ([]corpus.Cite, bool) {
	i := skipSpace(s, 0)
	prefixStart := i
	for words := 0; ; words++ {
		if _, _, _, ok := yearAt(s, i); ok {
			break
		}
		w := wordAt(s, i)
		if w == "" || !isPrefixWord(s, i, w) {
			break
		}
		if namingWords[strings.ToLower(w)] {
			return nil, false // "(also known as Earth Summit 2012)" names, it does not cite
		}
		if words == maxAuthorWords {
			return nil, false
		}
		i += len(w)
		if i < len(s) && s[i] == ',' {
			i++
		}
		i = skipSpace(s, i)
	}
	prefix := collapseSpace(strings.TrimRight(s[prefixStart:i], " ,"))
	var cites []corpus.Cite
	for {
		authors, etAl, j, ok := readAuthors(s, i)
		if !ok {
			return cites, len(cites) > 0
		}
		base := corpus.Cite{Authors: authors, EtAl: etAl}
		if len(cites) == 0 {
			base.Prefix = prefix
		}
		cs, next, ok := parseYears(s, j, base)
		if !ok {
			return cites, len(cites) > 0
		}
		cites = append(cites, cs...)
		if next < 0 {
			return cites, true
		}
		i = next
	}
}

// isPrefixWord reports whether the word w at s[i:] is part of a prefix
// ("see", "e.g.,", "for a review see") rather than the start of a name.
func isPrefixWord(s string, i int, w string) bool {
	if prefixWords[w] {
		return true
	}
	r := firstRune(w)
	if !unicode.IsLower(r) {
		return false
	}
	if isParticle(w) && particleLeadsName(s, i) {
		return false
	}
	return !isCapWord(w) // "d'Alembert" is a name
}

// particleLeadsName reports whether the particles starting at i lead to a
// capitalised name: "van der Berg", "de la Cruz".
func particleLeadsName(s string, i int) bool {
	for k := 0; k < 4; k++ {
		w := wordAt(s, i)
		switch {
		case isCapWord(w) && !isParticle(w):
			return true
		case isParticle(w):
			i = skipSpace(s, i+len(w))
		default:
			return false
		}
	}
	return false
}

// readAuthors reads the author phrase at s[i:] up to the year that ends it.
func readAuthors(s string, i int) (authors []string, etAl bool, j int, ok bool) {
	k := i
	for k < len(s) {
		if k > i {
			if p := s[k-1]; p == ' ' || p == ',' || p == 0xA0 {
				if _, _, _, ok := yearAt(s, k); ok {
					break
				}
			}
		}
		r, n := utf8.DecodeRuneInString(s[k:])
		if !isNameRune(r) && !unicode.IsSpace(r) && r != ',' && r != '&' && r != '[' && r != ']' {
			return nil, false, i, false
		}
		k += n
	}
	if k >= len(s) {
		return nil, false, i, false
	}
	authors, etAl, ok = splitAuthors(s[i:k])
	return authors, etAl, k, ok
}

// splitAuthors validates an author phrase and splits it into surnames:
// "Smith & Jones" → Smith, Jones; "Smith, Jones, and Lee" → three;
// "Smith et al." → Smith and etAl; "World Health Organization" and
// "Centers for Disease Control and Prevention [CDC]" stay whole (the
// bracketed abbreviation is dropped).
func splitAuthors(raw string) (names []string, etAl bool, ok bool) {
	a := strings.TrimRight(strings.TrimSpace(raw), ", ")
	if i := strings.LastIndex(a, " et al"); i > 0 {
		rest := strings.TrimRight(a[i+len(" et al"):], ".,")
		if rest == "" {
			etAl = true
			a = strings.TrimRight(a[:i], ", ")
		}
	} else if i := strings.LastIndex(a, " et. al"); i > 0 && strings.TrimRight(a[i+len(" et. al"):], ".,") == "" {
		etAl = true
		a = strings.TrimRight(a[:i], ", ")
	}
	if strings.HasSuffix(a, "]") {
		o := strings.LastIndexByte(a, '[')
		if o <= 0 {
			return nil, false, false
		}
		a = strings.TrimSpace(a[:o])
	}
	fields := strings.Fields(a)
	if len(fields) == 0 || len(fields) > maxAuthorWords*2 {
		return nil, false, false
	}
	var corporate, joined bool
	for k, f := range fields {
		w := strings.TrimSuffix(f, ",")
		edge := k == 0 || k == len(fields)-1
		switch {
		case w == "&" || w == "and":
			if edge {
				return nil, false, false
			}
			joined = true
		case connectors[w]:
			if edge {
				return nil, false, false
			}
			corporate = true
		case isParticle(w) && unicode.IsLower(firstRune(w)):
			if k == len(fields)-1 {
				return nil, false, false
			}
		case isCapWord(w) && !strings.ContainsAny(w, "[]&"):
			if endsSentence(w) {
				return nil, false, false
			}
		default:
			return nil, false, false
		}
	}
	if isStopName(fields[0]) || isStopName(strings.TrimSuffix(fields[0], ",")) {
		return nil, false, false
	}
	if corporate {
		return []string{strings.Join(fields, " ")}, etAl, true
	}
	for part := range strings.SplitSeq(a, ",") {
		for _, name := range splitJoined(part) {
			if name == "" {
				continue
			}
			if joined && capWords(name) >= 2 {
				// "Food and Drug Administration": a name of several
				// capitalised words joined by "and" is one body.
				return []string{strings.Join(fields, " ")}, etAl, true
			}
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil, false, false
	}
	return names, etAl, true
}

// splitJoined splits a name list on "&" and "and".
func splitJoined(s string) []string {
	var out []string
	var cur []string
	for _, w := range strings.Fields(s) {
		if w == "&" || w == "and" {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
			continue
		}
		cur = append(cur, w)
	}
	return append(out, strings.Join(cur, " "))
}

// capWords counts the capitalised words of a name that are not particles
// or initials: "De Souza" has one, "Drug Administration" two.
func capWords(name string) int {
	n := 0
	for _, w := range strings.Fields(name) {
		if isCapWord(w) && !isParticle(w) && !isInitial(w) {
			n++
		}
	}
	return n
}

// endsSentence reports whether a capitalised word ends with a period that
// is not part of an initial ("J."), an abbreviation with inner periods
// ("U.S.") or "St.": "Smith." ends a sentence, it does not name an author.
func endsSentence(w string) bool {
	return strings.HasSuffix(w, ".") && !isInitial(w) && w != "St." && strings.Count(w, ".") < 2
}

func isInitial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && w[n:] == "."
}

// narrativeAuthors finds the author phrase that ends just before the
// parenthesis at i: "Smith", "Smith et al.", "Smith and Jones", "Smith,
// Jones, and Lee", "van der Berg", "World Health Organization", "Smith's".
// The phrase may not start before lo. end is where the names end (before
// "et al." and a possessive).
func narrativeAuthors(s string, i, lo int) (start int, authors []string, etAl bool, ok bool) {
	j := skipSpaceBack(s, i)
	if j <= lo {
		return 0, nil, false, false
	}
	w := wordBefore(s, j)
	end := j
	if w == "al." || w == "al" || w == "al.’s" || w == "al.'s" {
		k := skipSpaceBack(s, j-len(w))
		if wordBefore(s, k) != "et" {
			return 0, nil, false, false
		}
		etAl = true
		end = skipSpaceBack(s, k-2)
		if end > 0 && s[end-1] == ',' {
			end--
		}
		w = wordBefore(s, end)
		j = end
	} else {
		for _, pos := range []string{"'s", "’s", "s'", "s’"} {
			if strings.HasSuffix(w, pos) && len(w) > len(pos)+1 {
				cut := len(pos)
				if pos[0] == 's' {
					cut-- // "Jones'" keeps its s
				}
				end = j - cut
				w = w[:len(w)-cut]
				break
			}
		}
	}
	if !isCapWord(w) || isStopName(w) || endsSentence(w) || end-len(w) < lo {
		return 0, nil, false, false
	}
	start = end - len(w)
	joined := false
	for n := 1; n < maxAuthorWords; n++ {
		k := skipSpaceBack(s, start)
		if k <= lo {
			break
		}
		if s[k-1] == ',' {
			// "Smith, Jones, and Lee (2019)": commas only in a list that has a joiner.
			k2 := skipSpaceBack(s, k-1)
			pw := wordBefore(s, k2)
			if !joined || !isCapWord(pw) || isStopName(pw) || k2-len(pw) < lo {
				break
			}
			start = k2 - len(pw)
			continue
		}
		var pw string
		if s[k-1] == '&' {
			pw = "&"
		} else {
			pw = wordBefore(s, k)
		}
		if pw == "" || k-len(pw) < lo {
			break
		}
		switch {
		case pw == "and" || pw == "&" || connectors[pw]:
			k2 := skipSpaceBack(s, k-len(pw))
			if !connectors[pw] && k2 > 0 && s[k2-1] == ',' {
				k2 = skipSpaceBack(s, k2-1) // the serial comma of "Smith, Jones, and Lee"
			}
			ppw := wordBefore(s, k2)
			if !isCapWord(ppw) || isStopName(ppw) || k2-len(ppw) < lo || endsSentence(ppw) {
				goto done
			}
			if !connectors[pw] {
				joined = true
			}
			start = k2 - len(ppw)
		case isParticle(pw) && unicode.IsLower(firstRune(pw)):
			start = k - len(pw)
		case isCapWord(pw) && !isStopName(pw) && !endsSentence(pw):
			if k-len(pw) == skipSpace(s, 0) && isProseStart(pw) {
				goto done
			}
			start = k - len(pw)
		default:
			goto done
		}
	}
done:
	authors, _, ok = splitAuthors(s[start:end])
	if !ok {
		return 0, nil, false, false
	}
	return start, authors, etAl, true
}

// isProseStart reports whether a capitalised sentence-initial word is more
// likely prose than a name: "Using Smith (2019)", "Reportedly, ...".
func isProseStart(w string) bool {
	return strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")
}

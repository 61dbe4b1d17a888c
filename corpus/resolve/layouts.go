package resolve

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// The readers below each recognise one layout of a reference-list entry;
// readFields tries them in order, and ParseEntry tries readLines first.

// readLines reads Manubot's layout, where block tags put the title, the
// authors and "Venue (date)" on lines of their own. It reports false for
// any other layout.
func readLines(lines []string, p *Parsed) bool {
	if len(lines) < 3 {
		return false
	}
	for i := 2; i < len(lines) && i < 4; i++ {
		m := reParenYear.FindStringSubmatchIndex(lines[i])
		if m == nil || m[2] < 0 {
			continue
		}
		names, ok := parseNames(lines[i-1], false)
		if !ok || strings.ContainsAny(lines[i-1], ".?!") && !hasInitialPeriods(lines[i-1]) {
			continue
		}
		p.Title = strings.Join(lines[:i-1], " ")
		p.Authors, p.EtAl = names.surnames, names.etAl
		p.Year, _ = strconv.Atoi(lines[i][m[2]:m[3]])
		p.Venue = lines[i][:m[0]]
		return true
	}
	return false
}

// hasInitialPeriods reports whether every period of s follows an initial.
func hasInitialPeriods(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' && !(i > 0 && unicode.IsUpper(rune(s[i-1])) && (i == 1 || !isASCIILetter(s[i-2]))) {
			return false
		}
	}
	return true
}

// readParenYear reads "Authors (2019) Title. Rest".
func readParenYear(s string, p *Parsed, after *string) bool {
	for _, m := range reParenYear.FindAllStringSubmatchIndex(s, 8) {
		prefix := strings.TrimSpace(s[:m[0]])
		if prefix == "" {
			continue
		}
		if m[2] >= 0 {
			p.Year, _ = strconv.Atoi(s[m[2]:m[3]])
			if m[4] >= 0 {
				p.Suffix = s[m[4]:m[5]]
			}
		}
		names, ok := parseNames(prefix, true)
		if !ok || names.cut {
			p.Year, p.Suffix = 0, ""
			continue
		}
		p.Authors, p.EtAl = names.surnames, names.etAl
		rest := strings.TrimLeft(s[m[1]:], " .,:;")
		if t, r, ok := quotedAt(rest, 0); ok {
			p.Title, *after = t, r
		} else {
			p.Title, *after = firstSentence(rest)
		}
		return true
	}
	return false
}

// readQuoted reads "Authors, “Title,” Rest" (IEEE, MLA, Chicago, Harvard
// without a year in parentheses).
func readQuoted(s string, p *Parsed, after *string) bool {
	for i, r := range s {
		if i > maxAuthors {
			return false
		}
		if !isOpenQuote(r) {
			continue
		}
		prefix := strings.TrimSpace(s[:i])
		if prefix != "" && !strings.ContainsAny(prefix[len(prefix)-1:], ",.:") {
			continue
		}
		t, rest, ok := quotedAt(s, i)
		if !ok {
			continue
		}
		if prefix != "" {
			if y, suffix, rest, ok := trailingYear(prefix); ok {
				p.Year, p.Suffix, prefix = y, suffix, rest
			}
			names, ok := parseNames(strings.TrimRight(prefix, " ,.:"), true)
			if !ok || names.cut {
				p.Year, p.Suffix = 0, ""
				continue
			}
			p.Authors, p.EtAl = names.surnames, names.etAl
		}
		p.Title, *after = t, rest
		return true
	}
	return false
}

// maxAuthors bounds where an author list may end: forty names in full.
const maxAuthors = 2000

// trailingYear splits a year off the end of an author block: "Smith,
// John. 2019" gives 2019 and "Smith, John".
func trailingYear(prefix string) (year int, suffix, rest string, ok bool) {
	from := max(0, len(prefix)-16)
	m := reTrailingYear.FindStringSubmatchIndex(prefix[from:])
	if m == nil {
		return 0, "", prefix, false
	}
	year, _ = strconv.Atoi(prefix[from+m[2] : from+m[3]])
	if m[4] >= 0 {
		suffix = prefix[from+m[4] : from+m[5]]
	}
	return year, suffix, strings.TrimSpace(prefix[:from+m[0]]), true
}

// readSentences reads "Authors. Title. Rest" (Vancouver, AMA, NLM, and
// IEEE or Chicago without quotes): the authors end at the first period
// before which everything parses as names.
func readSentences(s string, p *Parsed, after *string) bool {
	tries := 0
	for i := 0; i < len(s) && i < maxAuthors && tries < 10; i++ {
		if s[i] != '.' || (i+1 < len(s) && s[i+1] != ' ') {
			continue
		}
		tries++
		rest := strings.TrimLeft(s[i+1:], " ")
		if reEtAlStart.MatchString(rest) {
			// "Paus, R. et al., 1999." goes on after "R."
			continue
		}
		prefix := strings.TrimSpace(s[:i])
		// Elsevier's Harvard: "Smith, J., Jones, K., 2019. Title."
		year, suffix, rest2, ok := trailingYear(prefix)
		if ok && rest2 != "" {
			prefix = rest2
		} else {
			year, suffix = 0, ""
		}
		names, ok := parseNames(prefix, true)
		if !ok {
			continue
		}
		if len(names.surnames) == 1 && !names.cut && !strings.ContainsAny(prefix, " ,") && !isAcronym(prefix) {
			// One word before the first period is a title ("DragoNN.")
			// more often than an author; Vancouver writes initials.
			continue
		}
		if year != 0 && !names.cut {
			p.Year, p.Suffix = year, suffix
		}
		if names.cut {
			// The list ran into the title: "A. Courville, Deep Learning."
			title := strings.Trim(prefix[names.end:], " ,.:;")
			if len(strings.Fields(title)) < 2 {
				continue
			}
			p.Authors, p.EtAl = names.surnames, names.etAl
			p.Title, *after = title, rest
			return true
		}
		p.Authors, p.EtAl = names.surnames, names.etAl
		// Chicago author-date: "Authors. 2019. Title."
		if m := reLeadYear.FindStringSubmatch(rest); m != nil {
			p.Year, _ = strconv.Atoi(m[1])
			p.Suffix = m[2]
			rest = rest[len(m[0]):]
		}
		if t, r, ok := quotedAt(rest, 0); ok {
			p.Title, *after = t, r
		} else {
			p.Title, *after = firstSentence(rest)
		}
		return true
	}
	return false
}

// readTitleFirst reads Manubot's layout run onto one line, as a reader
// that drops line breaks gives it: "Title Given Surname, Given Surname, …
// Given Surname Venue (2015-07-07)". The names between the commas must be
// names written given names first; the first author is split from the end
// of the title as one given name, initials, particles and a surname, and
// the last author from the start of the venue the same way.
func readTitleFirst(s string, p *Parsed, after *string) bool {
	locs := reParenYear.FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 {
		return false
	}
	m := locs[len(locs)-1]
	if m[2] < 0 {
		return false
	}
	var names []string
	for _, piece := range strings.Split(strings.NewReplacer("…", ",", "...", ",").Replace(s[:m[0]]), ",") {
		if piece = strings.TrimSpace(piece); piece != "" {
			if !strings.ContainsFunc(piece, unicode.IsLower) {
				piece = titleCaseWords(piece)
			}
			names = append(names, piece)
		}
	}
	if len(names) < 2 {
		return false
	}
	// The names run back from the venue to the first piece that is not
	// one: that piece ends with the first author, and the title before
	// it may hold commas of its own.
	var authors []string
	h := len(names) - 2
	for ; h >= 1; h-- {
		sur, ok := givenFirstSurname(names[h])
		if !ok {
			break
		}
		authors = append(authors, sur)
	}
	if len(authors) == 0 && len(names) > 2 {
		return false
	}
	slices.Reverse(authors)
	head := strings.Fields(strings.Join(names[:h+1], ", "))
	k := len(head) - 1
	if k < 1 || !isCapWord(head[k]) || isInitialTok(head[k]) {
		return false
	}
	for k > 1 && (particles[strings.ToLower(head[k-1])]) {
		k--
	}
	for k > 1 && isInitialTok(head[k-1]) {
		k--
	}
	if k > 1 && isCapWord(head[k-1]) && !isInitialTok(head[k-1]) {
		k--
	}
	if k < 1 {
		return false
	}
	title := strings.Join(head[:k], " ")
	_, firstSur := classifyName(strings.Join(head[k:], " "))
	tail := strings.Fields(names[len(names)-1])
	j := 0
	if j < len(tail) && isCapWord(tail[j]) && !isInitialTok(tail[j]) {
		j++
	}
	for j < len(tail) && isInitialTok(tail[j]) {
		j++
	}
	for j < len(tail) && particles[strings.ToLower(tail[j])] && j+1 < len(tail) {
		j++
	}
	if j >= len(tail) || !isCapWord(tail[j]) || j == 0 {
		return false
	}
	j++
	_, lastSur := classifyName(strings.Join(tail[:j], " "))
	if firstSur == "" || lastSur == "" {
		return false
	}
	p.Title = title
	p.Authors = append(append([]string{firstSur}, authors...), lastSur)
	p.EtAl = strings.Contains(s[:m[0]], "…") || strings.Contains(s[:m[0]], "...")
	p.Year, _ = strconv.Atoi(s[m[2]:m[3]])
	p.Venue = strings.Join(tail[j:], " ")
	*after = s[m[1]:]
	return true
}

// givenFirstSurname reads a name written given names first, and returns
// its surname. Long names ("Jeroen A. W. M. van der Laak") pass when
// every word can be part of a name.
func givenFirstSurname(n string) (string, bool) {
	k, sur := classifyName(n)
	if k == kindFull || k == kindGivenFirst {
		return sur, true
	}
	toks := strings.Fields(n)
	if len(toks) < 2 || len(toks) > 8 || !allNameWords(toks) || !isCapWord(toks[len(toks)-1]) {
		return "", false
	}
	return lastSurname(toks), true
}

// allNameWords reports whether every word of toks can belong to a name.
func allNameWords(toks []string) bool {
	for _, t := range toks {
		if !isCapWord(t) && !isInitialTok(t) && !particles[strings.ToLower(t)] {
			return false
		}
	}
	return true
}

var (
	reLeadYear  = regexp.MustCompile(`^((?:1[5-9]|20)\d\d)([a-z])?\.\s*`)
	reEtAlStart = regexp.MustCompile(`(?i)^et\.?\s*al\b`)
)

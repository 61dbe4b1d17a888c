package claim

import (
	"strings"
	"unicode/utf8"
)

// numbers classifies every number: a statistic when a unit, a percent sign,
// a currency or a comparison goes with it, a date when it is a year, a plain
// number otherwise; numbers that are part of a name ("COVID-19", "Figure 2",
// "Inkwell 7") count for nothing.
func (s *scan) numbers() {
	for i := range s.toks {
		t := &s.toks[i]
		if !t.num && !t.mixed {
			if quantityWord(s.tw(*t)) && s.unitAfter(i) > i {
				s.fireTok(fStatistic, i, s.unitAfter(i))
			}
			continue
		}
		if s.nameNumber(i) {
			continue
		}
		if t.mixed {
			s.mixedNumber(i)
			continue
		}
		if start, end, ok := s.symbolStatistic(i); ok {
			s.fire(fStatistic, start, end)
			continue
		}
		if j := s.unitAfter(i); j > i {
			s.fireTok(fStatistic, i, j)
			continue
		}
		if s.isYear(i) {
			s.fireTok(fDate, max(0, i-s.datePrefix(i)), i)
			continue
		}
		s.fireTok(fNumber, i, i)
	}
}

func inLexicon(w string) bool { _, ok := words[w]; return ok }

func quantityWord(w string) bool { return words[w] == fQuantity && !magnitudes[w] && w != "estimated" }

// nameNumber reports whether number i is part of a name or a label.
func (s *scan) nameNumber(i int) bool {
	t := s.toks[i]
	if t.joined && i > 0 && !s.toks[i-1].num {
		return true // COVID-19, H5N1-2
	}
	if s.timeOfDay(i) {
		return true
	}
	if i == 0 {
		return false
	}
	p := s.toks[i-1]
	if g := s.gap(i-1, i); numberNames[s.tw(p)] && (g == " " || g == ". " || g == ".") {
		return true
	}
	// A capitalised word inside the sentence names a thing the number
	// belongs to: "Inkwell 7", "Windows 11"; not "In 2015" or "March 2020".
	return p.cap && i-1 > 0 && !months[s.tw(p)] && !p.num && s.gap(i-1, i) == " "
}

// timeOfDay reports whether number i is part of a time of day: "8 a.m.",
// "4:15 p.m.", "18:30".
func (s *scan) timeOfDay(i int) bool {
	meridiem := func(k int) bool {
		w := s.word(k)
		return (w == "a" || w == "p") && s.word(k+1) == "m"
	}
	clock := func(a, b int) bool {
		return b < len(s.toks) && s.toks[a].num && s.toks[b].num && s.gap(a, b) == ":" && len(s.word(b)) == 2
	}
	return meridiem(i+1) || clock(i, i+1) || i > 0 && clock(i-1, i)
}

// gap returns what lies between tokens i and j.
func (s *scan) gap(i, j int) string { return s.low[s.toks[i].end:s.toks[j].start] }

// symbolStatistic finds a percent, degree or currency sign or a comparison
// sign with number i.
func (s *scan) symbolStatistic(i int) (start, end int, ok bool) {
	t := s.toks[i]
	after := strings.TrimLeft(s.low[t.end:], " ")
	switch {
	case strings.HasPrefix(after, "%"), strings.HasPrefix(after, "°"), strings.HasPrefix(after, "‰"):
		_, n := utf8.DecodeRuneInString(after)
		end := len(s.low) - len(after) + n
		if strings.HasPrefix(after, "°") && len(after) > n && (after[n] == 'c' || after[n] == 'f') {
			end++
		}
		return t.start, end, true
	}
	before := strings.TrimRight(s.low[:t.start], " ")
	r, n := utf8.DecodeLastRuneInString(before)
	if strings.ContainsRune("$€£¥<>=≤≥±~≈", r) {
		start := len(before) - n
		// "p < 0.05", "n = 120": quote the variable too.
		if i > 0 && strings.ContainsRune("<>=≤≥", r) && len(s.word(i-1)) <= 3 &&
			strings.TrimSpace(s.low[s.toks[i-1].end:start]) == "" {
			start = s.toks[i-1].start
		}
		return start, t.end, true
	}
	return 0, 0, false
}

// unitAfter returns the index of the unit that follows token i (after a
// magnitude word, if any), or i when there is none.
func (s *scan) unitAfter(i int) int {
	j := i + 1
	if j < len(s.toks) && magnitudes[s.word(j)] && !magnitudes[s.word(i)] {
		if j+1 < len(s.toks) && units[s.word(j+1)] {
			return j + 1
		}
		return j
	}
	if j < len(s.toks) && units[s.word(j)] {
		// "4-point scale": the word after a joined unit is part of it.
		if s.toks[j].joined && j+1 < len(s.toks) && !s.toks[j+1].joined && s.gap(j, j+1) == " " &&
			!s.toks[j+1].num && !inLexicon(s.word(j+1)) {
			return j + 1
		}
		return j
	}
	return i
}

// mixedNumber handles tokens of digits and letters: 1980s, 21st, 5mg.
func (s *scan) mixedNumber(i int) {
	w := s.word(i)
	k := 0
	for k < len(w) && w[k] >= '0' && w[k] <= '9' {
		k++
	}
	if k == 0 {
		return // d3, h5n1: a name
	}
	suffix := w[k:]
	switch {
	case suffix == "s" && (k == 4 || k == 2):
		s.fireTok(fDate, i, i)
	case suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th":
		s.fireTok(fNumber, i, i)
	case units[suffix]:
		s.fireTok(fStatistic, i, i)
	}
}

// isYear reports whether number i reads as a year.
func (s *scan) isYear(i int) bool {
	w := s.word(i)
	if len(w) != 4 {
		return false
	}
	y := 0
	for k := 0; k < 4; k++ {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
		y = y*10 + int(w[k]-'0')
	}
	return y >= 1500 && y <= 2100
}

// datePrefix returns how many tokens before a year belong to the date:
// "in 1928", "4 June 2024".
func (s *scan) datePrefix(i int) int {
	switch s.word(i - 1) {
	case "in", "since", "by", "until", "from", "before", "after", "during", "of":
		return 1
	}
	if months[s.word(i-1)] {
		if i >= 2 && s.toks[i-2].num {
			return 2
		}
		return 1
	}
	return 0
}

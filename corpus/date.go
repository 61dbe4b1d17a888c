package corpus

import "strings"

// Years outside this range are treated as unknown: in a year field they are
// page counts, ISSNs or typing slips far more often than dates.
const (
	minYear = 1000
	maxYear = 2100
)

// ParseYear returns the first plausible four-digit year in a BibTeX year
// field: "2019", "{2019}", "2019a", "c. 1850" and "2019--2020" give 2019
// (1850); "in press", "n.d.", "forthcoming" and "" give 0.
func ParseYear(s string) int {
	for i := 0; i < len(s); {
		n := digitsAt(s, i)
		if n == 0 {
			i++
			continue
		}
		if n == 4 {
			if y := atoi(s[i : i+4]); plausibleYear(y) {
				return y
			}
		}
		i += n
	}
	return 0
}

func plausibleYear(y int) bool { return minYear <= y && y <= maxYear }

// ParseMonth returns the month, 1 to 12, named by the first word of a BibTeX
// month field: a number ("5", "05") or an English, German, French, Spanish,
// Italian, Portuguese or Dutch month name or abbreviation, with or without
// accents and final period ("jan", "Jan.", "January", "janv.", "März",
// "Juni", "déc."). Anything after the first word is ignored, so "sep~30"
// and "jul/aug" give their first month. It returns 0 otherwise.
func ParseMonth(s string) int {
	w := firstWord(s)
	if w == "" {
		return 0
	}
	if isDigit(w[0]) {
		if len(w) > 2 {
			return 0
		}
		if m := atoi(w); m >= 1 && m <= 12 {
			return m
		}
		return 0
	}
	return monthNumber(NormalizeTitle(w))
}

// firstWord returns the first run of letters, or of digits, in s.
func firstWord(s string) string {
	start := strings.IndexFunc(s, isWordRune)
	if start < 0 {
		return ""
	}
	s = s[start:]
	digits := isDigit(s[0])
	end := strings.IndexFunc(s, func(r rune) bool {
		if digits {
			return r < '0' || r > '9'
		}
		return !isWordRune(r) || ('0' <= r && r <= '9')
	})
	if end < 0 {
		return s
	}
	return s[:end]
}

// monthNumber looks up a lower-case month name without accents.
func monthNumber(w string) int {
	switch w {
	case "jan", "january", "januar", "janner", "janv", "janvier", "ene", "enero",
		"gen", "gennaio", "janeiro", "januari":
		return 1
	case "feb", "february", "febr", "februar", "feber", "fev", "fevr", "fevrier",
		"febrero", "febbraio", "fevereiro", "februari":
		return 2
	case "mar", "march", "mrz", "marz", "maerz", "mars", "marzo", "marco", "mrt", "maart":
		return 3
	case "apr", "april", "avr", "avril", "abr", "abril", "aprile":
		return 4
	case "may", "mai", "mayo", "mag", "maggio", "maio", "mei":
		return 5
	case "jun", "june", "juni", "juin", "junio", "giu", "giugno", "junho":
		return 6
	case "jul", "july", "juli", "juil", "juill", "juillet", "julio", "lug", "luglio", "julho":
		return 7
	case "aug", "august", "aout", "ago", "agosto", "augustus":
		return 8
	case "sep", "sept", "september", "septembre", "septiembre", "setiembre", "set",
		"settembre", "setembro":
		return 9
	case "oct", "october", "okt", "oktober", "octobre", "octubre", "ott", "ottobre",
		"out", "outubro":
		return 10
	case "nov", "november", "novembre", "noviembre", "novembro":
		return 11
	case "dec", "december", "dez", "dezember", "decembre", "dic", "diciembre",
		"dicembre", "dezembro":
		return 12
	}
	return 0
}

// ParseDate reads a biblatex date field, which is ISO 8601 / EDTF:
// "2019-05-03", "2019-05", "2019", a range "2019/2021" or
// "2019-05-03/2019-06-01" (its start), a qualified "2019~", "2019?" or
// "2019%", a season "2019-21" (month 0) and a date-time
// "2019-05-03T10:00:00Z". A range with an open or unknown start
// ("../2019", "/2019", "unknown/2019") gives its end, the only date it has.
// Unknown parts are zero, and so are a day that the month does not have and
// digits left unspecified ("201X", "2019-XX"). Text that is not EDTF gives
// at most its year, as ParseYear reads it.
func ParseDate(s string) (year, month, day int) {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "{}"))
	start, end, _ := strings.Cut(s, "/")
	start = strings.TrimSpace(start)
	if start == "" || start == ".." || strings.EqualFold(start, "unknown") {
		start = strings.TrimSpace(end)
	}
	return parseEDTF(start)
}

// parseEDTF reads one date, not a range.
func parseEDTF(s string) (year, month, day int) {
	// EDTF marks uncertainty (?), approximation (~) or both (%) after the
	// date or, at level 2, before a component; either way the digits stand.
	if strings.ContainsAny(s, "?~%") {
		s = strings.Map(func(r rune) rune {
			if r == '?' || r == '~' || r == '%' {
				return -1
			}
			return r
		}, s)
	}
	if len(s) < 4 || digitsAt(s, 0) != 4 {
		if s != "" && (isDigit(s[0]) || s[0] == '-' || s[0] == 'Y' || s[0] == 'y') {
			// A number that is not a four-digit year: a century ("20"),
			// "201X", a negative or an extended ("Y170000002") year.
			return 0, 0, 0
		}
		return ParseYear(s), 0, 0
	}
	year = atoi(s[:4])
	if !plausibleYear(year) {
		return 0, 0, 0
	}
	s = s[4:]
	m, rest, ok := component(s)
	if !ok {
		return year, 0, 0
	}
	if m < 1 || m > 12 {
		// 21 to 41 are EDTF seasons and quarters; the rest are invalid.
		return year, 0, 0
	}
	d, _, ok := component(rest)
	if !ok || d < 1 || d > daysIn(year, m) {
		return year, m, 0
	}
	return year, m, d
}

// component reads "-" and a one- or two-digit number from the start of s.
func component(s string) (n int, rest string, ok bool) {
	if len(s) < 2 || s[0] != '-' {
		return 0, s, false
	}
	k := digitsAt(s, 1)
	if k < 1 || k > 2 {
		return 0, s, false
	}
	return atoi(s[1 : 1+k]), s[1+k:], true
}

// daysIn returns the number of days of month m in year y (Gregorian).
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

package csl

import (
	"strconv"
	"strings"
)

// parseRawDate reads a date written as text: ISO/EDTF forms ("2020",
// "2020-05-03", "2019/2020", "1900~" for circa, "2020-21" for the spring of
// 2020) and "May 2020" / "3 May 2020" with English month names. What it
// cannot read becomes the date's literal, so nothing is lost.
func parseRawDate(s string) Date {
	s = strings.TrimSpace(s)
	var d Date
	if strings.HasSuffix(s, "~") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "%") {
		d.Circa = true
		s = strings.TrimRight(s, "~?%")
	}
	sep := "/"
	if !strings.Contains(s, "/") && strings.Count(s, "-") == 1 && len(s) == 9 && s[4] == '-' {
		sep = "-" // "2019-2020"
	}
	for _, half := range strings.SplitN(s, sep, 2) {
		p, season, ok := parseDateHalf(strings.TrimSpace(half))
		if !ok {
			return Date{Literal: s}
		}
		if season != 0 {
			d.Season = season
		}
		d.Parts = append(d.Parts, p)
	}
	return d
}

func parseDateHalf(s string) (DatePart, int, bool) {
	var p DatePart
	if s == "" {
		return p, 0, false
	}
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	fields := strings.Split(s, "-")
	if n, err := strconv.Atoi(fields[0]); err == nil && len(fields) <= 3 {
		p.Year = n
		if neg {
			p.Year = -n
		}
		if len(fields) > 1 {
			m, err := strconv.Atoi(fields[1])
			if err != nil || m < 1 || m > 24 {
				return p, 0, false
			}
			if m >= 21 { // EDTF seasons
				return DatePart{Year: p.Year, Month: 13 + (m-21)%4}, 0, true
			}
			p.Month = m
		}
		if len(fields) > 2 {
			dd, err := strconv.Atoi(fields[2])
			if err != nil || dd < 1 || dd > 31 {
				return p, 0, false
			}
			p.Day = dd
		}
		return p, 0, p.Month <= 12
	}
	// "May 2020", "3 May 2020", "May 3, 2020"
	words := strings.Fields(strings.ReplaceAll(s, ",", " "))
	for _, w := range words {
		if n, err := strconv.Atoi(w); err == nil {
			if n > 31 || len(w) == 4 {
				p.Year = n
			} else {
				p.Day = n
			}
			continue
		}
		m := monthNumber(w)
		if m == 0 {
			return p, 0, false
		}
		p.Month = m
	}
	return p, 0, p.Year != 0
}

var monthNames = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

func monthNumber(w string) int {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	if len(w) < 3 {
		return 0
	}
	for i, m := range monthNames {
		if strings.HasPrefix(w, m) {
			return i + 1
		}
	}
	if s := seasonNumber(w); s != 0 {
		return 12 + s
	}
	return 0
}

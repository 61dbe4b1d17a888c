package ris

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

var monthMacros = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// date adds year, month and, when the day is known, a biblatex date from
// PY (or Y1) and DA. Both are "YYYY/MM/DD/other" at most; PY is usually the
// year alone. A year that is not a number ("in press") is kept as text.
func date(l *bibtex.FieldList, py, da string) {
	y, m, d := slashDate(py)
	if dy, dm, dd := slashDate(da); dy != 0 && (y == 0 || dy == y) {
		y = dy
		if dm != 0 {
			m, d = dm, dd
		}
	}
	if y == 0 {
		l.Text("year", firstNonEmpty(py, da))
		return
	}
	ys := strconv.Itoa(y)
	l.Raw("year", ys, ys)
	if m == 0 {
		return
	}
	l.Raw("month", monthMacros[m-1], monthNames[m-1])
	if d != 0 {
		iso := fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		l.Raw("date", "{"+iso+"}", iso)
	}
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// slashDate reads "2019", "2019/03/07/", "2019/03//Spring" or an ISO
// "2019-03-07". Parts that are absent or out of range are zero.
func slashDate(s string) (y, m, d int) {
	s = strings.TrimSpace(s)
	if len(s) < 4 {
		return 0, 0, 0
	}
	sep := "/"
	if !strings.Contains(s, "/") && strings.Count(s, "-") <= 2 && len(s) <= 10 {
		sep = "-"
	}
	parts := strings.Split(s, sep)
	y = number(parts[0])
	if y < 1000 || y > 2100 || len(strings.TrimSpace(parts[0])) != 4 {
		return 0, 0, 0
	}
	if len(parts) > 1 {
		if m = number(parts[1]); m < 1 || m > 12 {
			return y, 0, 0
		}
	}
	if len(parts) > 2 {
		if d = number(parts[2]); d < 1 || d > 31 {
			d = 0
		}
	}
	return y, m, d
}

// number reads a string of digits, or gives -1.
func number(s string) int {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 6 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// assignKeys gives every reference of res a key unique within the file
// (AssignKeys).
func assignKeys(file string, res *Result) {
	res.Warnings = append(res.Warnings, AssignKeys(file, res.Refs)...)
}

// AssignKeys gives every reference a key unique within its file: its Key
// when that is a usable BibTeX key, else bibtex.MakeKey's, with a, b, ...
// appended to a key already taken. It returns warnings for the keys it
// could not keep. The readers of the other tagged formats (EndNote XML,
// PubMed) share it, so that a reference gets the same key whichever format
// it came in.
func AssignKeys(file string, refs []*corpus.Reference) []corpus.Problem {
	var keys bibtex.Keys
	var warns []corpus.Problem
	for _, r := range refs {
		base := r.Key
		if base != "" && !bibtex.ValidKey(base) {
			warns = append(warns, corpus.Problem{File: file, Line: r.Source.Line,
				Msg: fmt.Sprintf("ID %q cannot be a BibTeX key; a key was made up", base)})
			base = ""
		}
		if base == "" {
			base = bibtex.MakeKey(r)
		}
		key := keys.Take(base)
		if key != base && r.Key == base {
			warns = append(warns, corpus.Problem{File: file, Line: r.Source.Line, Key: key,
				Msg: fmt.Sprintf("ID %q used by an earlier record; renamed %s", base, key)})
		}
		r.Key = key
	}
	return warns
}

package bibtex

import (
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// latexAccent is one TeX accent.
type latexAccent struct {
	mark    rune   // the combining character
	spacing string // the accent on nothing, as in \^{}
}

// latexAccents lists the accents; latexSymbolAccent and latexWordAccent
// index it.
var latexAccents = [...]latexAccent{
	{'\u0308', "¨"}, // 0 \"
	{'\u0301', "´"}, // 1 \'
	{'\u0300', "`"}, // 2 \`
	{'\u0302', "^"}, // 3 \^
	{'\u0303', "~"}, // 4 \~
	{'\u0304', "¯"}, // 5 \=
	{'\u0307', "˙"}, // 6 \.
	{'\u0306', "˘"}, // 7 \u
	{'\u030C', "ˇ"}, // 8 \v
	{'\u030B', "˝"}, // 9 \H
	{'\u0327', "¸"}, // 10 \c
	{'\u0328', "˛"}, // 11 \k
	{'\u030A', "˚"}, // 12 \r
	{'\u0323', ""},  // 13 \d
	{'\u0331', "ˍ"}, // 14 \b
	{'\u0361', ""},  // 15 \t
	{'\u0326', ""},  // 16 \textcommabelow
}

func latexSymbolAccent(c byte) int {
	return strings.IndexByte("\"'`^~=.", c)
}

func latexWordAccent(name string) int {
	if len(name) == 1 {
		if k := strings.IndexByte("uvHckrdbt", name[0]); k >= 0 {
			return 7 + k
		}
		return -1
	}
	if name == "textcommabelow" {
		return 16
	}
	return -1
}

// latexComposed maps an accent and an ASCII base to the precomposed
// character, or 0, so that common accents need no normalisation pass.
var latexComposed = sync.OnceValue(func() *[len(latexAccents)][utf8.RuneSelf]rune {
	var t [len(latexAccents)][utf8.RuneSelf]rune
	for a, acc := range latexAccents {
		for c := rune('!'); c < utf8.RuneSelf-1; c++ {
			s := norm.NFC.String(string(c) + string(acc.mark))
			if r, size := utf8.DecodeRuneInString(s); size == len(s) {
				t[a][c] = r
			}
		}
	}
	return &t
})

// compose writes r with accent a.
func (d *latexDecoder) compose(a int, r rune) {
	switch r {
	case 'ı':
		r = 'i' // \'{\i}: the accent replaces the dot
	case 'ȷ':
		r = 'j'
	}
	d.flush()
	if 0 <= r && r < utf8.RuneSelf {
		if p := latexComposed()[a][r]; p != 0 {
			d.b.WriteRune(p)
			return
		}
	}
	d.b.WriteRune(r)
	d.b.WriteRune(latexAccents[a].mark)
	d.nfc = true
}

// accent applies accent a to its argument, which starts at or after s[i]:
// a character (\"o), a group (\"{o}, \'{\i}) or a letter command (\'\i).
func (d *latexDecoder) accent(s string, i int, a int) int {
	i = latexSkipSpace(s, i)
	if i >= len(s) || s[i] == '}' {
		d.str(latexAccents[a].spacing)
		return i
	}
	switch c := s[i]; {
	case c == '{':
		return d.accentGroup(s, i, a)
	case c == '\\':
		j := i + 1
		for j < len(s) && latexIsLetter(s[j]) {
			j++
		}
		if sym, ok := latexSymbols[s[i+1:j]]; ok && j > i+1 {
			if r, size := utf8.DecodeRuneInString(sym); size == len(sym) {
				d.compose(a, r)
				return latexSkipSpace(s, j)
			}
		}
		// Nothing a mark can sit on: the command is decoded on its own.
		return i
	case c < utf8.RuneSelf && !latexIsLetter(c) && (c < '0' || c > '9'):
		d.str(latexAccents[a].spacing)
		return i
	default:
		r, size := utf8.DecodeRuneInString(s[i:])
		d.compose(a, r)
		return i + size
	}
}

// accentGroup applies accent a to the group at s[i].
func (d *latexDecoder) accentGroup(s string, i int, a int) int {
	// The usual \"{o}, checked without looking for the group's end, which
	// keeps deeply nested input linear.
	if i+2 < len(s) && s[i+2] == '}' {
		switch c := s[i+1]; {
		case c == '\\' || c == '{' || c == '}' || c >= utf8.RuneSelf:
			// Not that simple.
		case latexIsSpace(c):
			d.str(latexAccents[a].spacing)
			return i + 3
		default:
			d.compose(a, rune(c))
			return i + 3
		}
	}
	if d.nest >= latexMaxNest {
		// Too deep to be real text: drop the accent, keep the group.
		d.arg = true
		return i
	}
	end := latexGroupEnd(s, i)
	next := min(end+1, len(s))
	arg := latexTrimSpace(s[i+1 : min(end, len(s))])
	switch arg {
	case "":
		d.str(latexAccents[a].spacing)
		return next
	case `\i`:
		d.compose(a, 'i')
		return next
	case `\j`:
		d.compose(a, 'j')
		return next
	}
	if len(arg) == 1 && arg[0] != '\\' && arg[0] < utf8.RuneSelf {
		// One ASCII byte; a lone byte from 0x80 up is no character and
		// is decoded below, as U+FFFD.
		d.compose(a, rune(arg[0]))
		return next
	}
	sub := latexDecoder{nest: d.nest + 1}
	sub.run(arg)
	t := sub.b.String()
	d.nfc = d.nfc || sub.nfc
	if t == "" {
		d.str(latexAccents[a].spacing)
		return next
	}
	// The mark goes on the first character, as TeX puts it: \t{oo}.
	r, size := utf8.DecodeRuneInString(t)
	d.compose(a, r)
	d.b.WriteString(t[size:])
	return next
}

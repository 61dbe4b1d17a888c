package textfile

import (
	"strings"
	"unicode/utf8"
)

// ReplaceControls returns text with every control character other than
// white space (tab, line feed, carriage return, form feed, vertical tab) as
// U+FFFD, and the byte offset of the first one replaced, or -1. Control
// characters are no text in any article or bibliography, and an escape
// character read from a file and printed in a report or an error would be
// obeyed by the terminal. One character becomes one, so lines and columns
// stay those of the file. Decode applies it to every file; readers apply it
// to text they make themselves, such as a decoded HTML entity.
func ReplaceControls(text string) (string, int) {
	first := -1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isControl(r) {
			first = i
			break
		}
		i += size
	}
	if first < 0 {
		return text, -1
	}
	var b strings.Builder
	b.Grow(len(text) + 16)
	b.WriteString(text[:first])
	for _, r := range text[first:] {
		if isControl(r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String(), first
}

// isControl reports the C0 and C1 control characters and DEL, white space
// excepted.
func isControl(r rune) bool {
	switch r {
	case '\t', '\n', '\r', '\f', '\v':
		return false
	}
	return r < 0x20 || r >= 0x7F && r <= 0x9F
}

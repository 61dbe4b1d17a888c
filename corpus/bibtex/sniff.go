package bibtex

import "strings"

// Sniff reports whether text looks like BibTeX: one of its lines starts,
// after white space, with an entry's '@', type and opening delimiter
// ("@article{", "@string (", "@comment{"). It looks at the first megabyte,
// which holds the first entry of any real file, however long its comments.
func Sniff(text string) bool {
	text = text[:min(len(text), 1<<20)]
	for text != "" {
		line, rest, _ := strings.Cut(text, "\n")
		if entryStart(strings.TrimLeft(line, " \t\r")) {
			return true
		}
		text = rest
	}
	return false
}

// entryStart reports whether s starts with '@', a type and a '{' or '('.
func entryStart(s string) bool {
	if !strings.HasPrefix(s, "@") {
		return false
	}
	i := 1
	for i < len(s) && ('a' <= s[i]|0x20 && s[i]|0x20 <= 'z') {
		i++
	}
	if i == 1 {
		return false
	}
	s = strings.TrimLeft(s[i:], " \t")
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "(")
}

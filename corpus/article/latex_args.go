package article

import (
	"strings"
	"unicode/utf8"
)

// Scanning the arguments of LaTeX commands: groups, optional arguments,
// and the end of a command as written.

// find returns the offset of the first sep in s[from:end], or -1.
func (t *texReader) find(sep string, from, end int) int {
	if m, ok := t.missing[sep]; ok && from >= m[0] && end <= m[1] {
		return -1
	}
	k := strings.Index(t.s[from:end], sep)
	if k < 0 {
		if t.missing == nil {
			t.missing = map[string][2]int{}
		}
		t.missing[sep] = [2]int{from, end}
		return -1
	}
	return from + k
}

// group returns the span inside the {...} group that starts at i (after
// spaces), and the offset after it; ok is false if there is no group. An
// unclosed group runs to end.
func (t *texReader) group(i, end int) (in, out, next int, ok bool) {
	i = t.skipSpace(i, end)
	if i >= end || t.s[i] != '{' {
		return i, i, i, false
	}
	j := t.matchBrace(i, end)
	if j >= end {
		return i + 1, end, end, true
	}
	return i + 1, j, j + 1, true
}

// matchBrace returns the offset of the } that closes the { at i, or end.
func (t *texReader) matchBrace(i, end int) int {
	depth := 0
	s := t.s
	for k := i; k < end; k++ {
		switch s[k] {
		case '\\':
			k++
		case '%':
			k = t.skipComment(k, end) - 1
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return end
}

// optional returns the span inside a [...] argument at i (after spaces).
func (t *texReader) optional(i, end int) (in, out, next int, ok bool) {
	j := t.skipSpace(i, end)
	if j >= end || t.s[j] != '[' {
		return i, i, i, false
	}
	depth := 0
	for k := j + 1; k < end && k-j < 2000; k++ {
		switch t.s[k] {
		case '\\':
			k++
		case '{':
			depth++
		case '}':
			depth--
		case ']':
			if depth <= 0 {
				return j + 1, k, k + 1, true
			}
		case '\n':
			if t.parBreak(k+1, end, newBuilder(t.src)) != k+1 {
				return i, i, i, false // a blank line: not an argument
			}
		}
	}
	return i, i, i, false
}

// skipSpace skips spaces and one line break, as TeX does between a
// command and its arguments.
func (t *texReader) skipSpace(i, end int) int {
	nl := false
	for i < end {
		switch t.s[i] {
		case ' ', '\t':
		case '\n':
			if nl {
				return i
			}
			nl = true
		default:
			return i
		}
		i++
	}
	return i
}

// skipArgs skips optional arguments and n required ones.
func (t *texReader) skipArgs(i, end, n int) int {
	if i < end && t.s[i] == '*' {
		i++
	}
	for {
		_, _, next, ok := t.optional(i, end)
		if !ok {
			break
		}
		i = next
	}
	for ; n > 0; n-- {
		_, _, next, ok := t.group(i, end)
		if !ok {
			break
		}
		i = next
		for {
			_, _, next, ok := t.optional(i, end)
			if !ok {
				break
			}
			i = next
		}
	}
	return i
}

// skipAllArgs skips every argument that follows: metadata commands such
// as \author[1]{...}[orcid=...].
func (t *texReader) skipAllArgs(i, end int) int {
	if i < end && t.s[i] == '*' {
		i++
	}
	for {
		if _, _, next, ok := t.optional(i, end); ok {
			i = next
			continue
		}
		if _, _, next, ok := t.group(i, end); ok {
			i = next
			continue
		}
		return i
	}
}

// skipToken skips one TeX token: a command or a character.
func (t *texReader) skipToken(i, end int) int {
	if i >= end {
		return end
	}
	if t.s[i] == '\\' {
		j := i + 1
		for j < end && isTeXLetter(t.s[j]) {
			j++
		}
		if j == i+1 && j < end {
			// A control symbol: its character may take several bytes.
			_, size := decodeRune(t.s[j:end])
			j += size
		}
		return j
	}
	if t.s[i] == '{' {
		return min(t.matchBrace(i, end)+1, end)
	}
	_, size := decodeRune(t.s[i:end])
	return i + size
}

// citeEnd returns the end of a \cite command whose name ends at j: a star,
// up to two optional arguments and the keys; multi-cite commands
// (\cites, \parencites) repeat them, with (pre)(post) notes first.
func (t *texReader) citeEnd(name string, j, end int) int {
	k := j
	if k < end && t.s[k] == '*' {
		k++
	}
	for r := 0; r < 2; r++ {
		if k < end && t.s[k] == '(' {
			if c := strings.IndexByte(t.s[k:min(end, k+200)], ')'); c > 0 {
				k += c + 1
			}
		}
	}
	for {
		n := k
		for o := 0; o < 2; o++ {
			if _, _, next, ok := t.optional(n, end); ok {
				n = next
			}
		}
		_, _, next, ok := t.group(n, end)
		if !ok {
			return k
		}
		k = next
		if !strings.HasSuffix(strings.ToLower(name), "cites") {
			return k
		}
	}
}

// accentArg returns the end of an accent's argument at i: a group, a
// command such as \i, or one character.
func (t *texReader) accentArg(i, end int) int {
	if i >= end {
		return end
	}
	switch t.s[i] {
	case '{':
		return min(t.matchBrace(i, end)+1, end)
	case '\\':
		return t.skipToken(i, end)
	}
	_, size := decodeRune(t.s[i:end])
	return i + size
}

// skipComment skips from a % to the start of the next line.
func (t *texReader) skipComment(i, end int) int {
	j := strings.IndexByte(t.s[i:end], '\n')
	if j < 0 {
		return end
	}
	return i + j + 1
}

// decodeRune returns the first character of s and its size, at least 1.
func decodeRune(s string) (rune, int) {
	r, size := utf8.DecodeRuneInString(s)
	return r, max(size, 1)
}

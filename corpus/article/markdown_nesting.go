package article

import "bytes"

// maxMarkdownNesting bounds the block containers (block quotes, list items,
// footnote definitions) one line may open. goldmark opens each of them by
// looking at the rest of the line, and both it and the reader's walk
// recurse once per level, so a line of 100,000 "- " took half a minute and
// a hundred megabytes of stack. No article nests this deep; a deeper marker
// is read as text.
const maxMarkdownNesting = 100

// limitNesting rewrites, in the copy of the source that goldmark parses,
// the first container marker past maxMarkdownNesting on each line so that
// it opens nothing; the rest of the line is then a paragraph. The byte
// changes only in goldmark's copy: text is taken from the source, so the
// marker is still read as written.
func limitNesting(b []byte) {
	for start := 0; start < len(b); {
		end := bytes.IndexByte(b[start:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += start
		}
		i, depth := start, 0
		for {
			for i < end && (b[i] == ' ' || b[i] == '\t') {
				i++
			}
			n := containerMarker(b[i:end])
			if n == 0 {
				break
			}
			depth++
			if depth > maxMarkdownNesting {
				b[i] = 'x'
				break
			}
			i += n
		}
		start = end + 1
	}
}

// containerMarker returns the length of the block-container marker at the
// start of line ("> ", "- ", "12. ", "[^note]: "), or 0. A line of "- - -"
// or "* * *" is a thematic break, not a list, and has no marker.
func containerMarker(line []byte) int {
	if len(line) == 0 {
		return 0
	}
	spaceAt := func(i int) bool { return i == len(line) || line[i] == ' ' || line[i] == '\t' }
	switch c := line[0]; {
	case c == '>':
		return 1
	case c == '-' || c == '+' || c == '*':
		if !spaceAt(1) || (c != '+' && thematicBreak(line)) {
			return 0
		}
		return 1
	case c >= '0' && c <= '9':
		i := 1
		for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		if i < len(line) && (line[i] == '.' || line[i] == ')') && spaceAt(i+1) {
			return i + 1
		}
	case c == '[':
		if len(line) > 2 && line[1] == '^' {
			if j := bytes.IndexByte(line, ']'); j > 2 && j+1 < len(line) && line[j+1] == ':' {
				return j + 2
			}
		}
	}
	return 0
}

// thematicBreak reports whether line is three or more of one of - * _ with
// only blanks between: a horizontal rule.
func thematicBreak(line []byte) bool {
	var c byte
	n := 0
	for _, x := range line {
		switch {
		case x == ' ' || x == '\t':
		case n == 0 && (x == '-' || x == '*' || x == '_'):
			c, n = x, 1
		case x == c:
			n++
		default:
			return false
		}
	}
	return n >= 3
}

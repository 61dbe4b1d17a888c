package article

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// Pandoc Markdown writes attributes in braces after a span, link, image or
// heading ({#fig:zoo .white}, {height="11px"}) and spans as [text]{.class}.
// goldmark knows neither, so they are taken out of the text here: the
// attributes go, a span keeps its text.

// dropPandocAttributes removes attribute blocks from a Markdown block.
func dropPandocAttributes(r *rawBlock) {
	t := r.text
	if !strings.Contains(t, "{") {
		return
	}
	var cuts [][2]int
	for i := 0; i < len(t); i++ {
		if t[i] != '{' {
			continue
		}
		end := strings.IndexByte(t[i:min(len(t), i+301)], '}')
		if end < 0 || strings.IndexByte(t[i+1:i+end], '{') >= 0 || !isAttributes(t[i+1:i+end]) {
			continue
		}
		end += i + 1
		if i > 0 && t[i-1] == ']' {
			if open := matchingOpen(t, i-1); open >= 0 && !strings.HasPrefix(t[open:], "[@") {
				// A bracketed span: keep its text.
				cuts = append(cuts, [2]int{open, open + 1}, [2]int{i - 1, end})
				i = end - 1
				continue
			}
		}
		if i > 0 && t[i-1] != ']' && t[i-1] != ')' && t[i-1] != ' ' && t[i-1] != '^' {
			continue // braces in prose
		}
		cuts = append(cuts, [2]int{i, end})
		i = end - 1
	}
	if len(cuts) > 0 {
		sortCuts(cuts)
		cut(r, cuts)
	}
}

// isAttributes reports whether s, the inside of braces, is pandoc
// attributes: #id, .class, key=value, or - for unnumbered.
func isAttributes(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if s == "-" {
		return true
	}
	for _, f := range strings.Fields(s) {
		switch {
		case f[0] == '#' || f[0] == '.':
		case strings.Contains(f, "=") && f[0] != '=':
		default:
			// a quoted value with spaces: key="a b"
			if strings.HasSuffix(f, `"`) {
				continue
			}
			return false
		}
	}
	return true
}

// matchingOpen finds the [ that the ] at close closes.
func matchingOpen(t string, close int) int {
	depth := 0
	for k := close; k >= 0; k-- {
		switch t[k] {
		case ']':
			depth++
		case '[':
			depth--
			if depth == 0 {
				return k
			}
		}
	}
	return -1
}

func sortCuts(c [][2]int) {
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j][0] < c[j-1][0]; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
}

// cut deletes the sorted, non-overlapping byte ranges from a block,
// keeping Pos and line starts in step, and collapses the spaces left
// behind.
func cut(r *rawBlock, ranges [][2]int) {
	t, pos := r.text, r.pos
	var nt []byte
	np := make([]corpus.Position, 0, len(pos))
	var nl []int
	li := 0
	prev := 0
	emit := func(a, b int) {
		for k := a; k < b; k++ {
			for li < len(r.lines) && r.lines[li] <= k {
				if r.lines[li] == k {
					nl = append(nl, len(nt))
				}
				li++
			}
			c := t[k]
			if c == ' ' && (len(nt) == 0 || nt[len(nt)-1] == ' ') {
				continue
			}
			nt = append(nt, c)
			np = append(np, pos[k])
		}
	}
	for _, rg := range ranges {
		if rg[0] < prev {
			continue
		}
		emit(prev, min(rg[0], len(t)))
		prev = min(rg[1], len(t))
	}
	emit(prev, len(t))
	for len(nt) > 0 && nt[len(nt)-1] == ' ' {
		nt, np = nt[:len(nt)-1], np[:len(np)-1]
	}
	for len(nl) > 0 && nl[len(nl)-1] >= len(nt) {
		nl = nl[:len(nl)-1]
	}
	r.text, r.pos, r.lines = string(nt), np, nl
}

// CitationAliases returns the citation aliases that Manubot Markdown
// defines on lines of their own, "[@tag:x]: doi:10.1/abc" (a link
// reference definition to pandoc), by the key without its @ to the
// identifier key it stands for ("doi:10.1/abc", "pmid:…", "url:…"). The
// first definition of a key wins; nil when there are none. Goldmark takes
// such lines out of the text already; this reads what they say.
func CitationAliases(text string) map[string]string {
	var m map[string]string
	for line := range strings.Lines(text) {
		key, target, ok := citationAlias(line)
		if !ok {
			continue
		}
		if m == nil {
			m = map[string]string{}
		}
		if _, seen := m[key]; !seen {
			m[key] = target
		}
	}
	return m
}

// citationAlias reads one "[@key]: target" line; up to three spaces may
// start it, as for any link reference definition.
func citationAlias(line string) (key, target string, ok bool) {
	line = strings.TrimRight(line, " \t\r\n")
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || !strings.HasPrefix(t, "[@") {
		return "", "", false
	}
	end := strings.Index(t, "]:")
	if end < 0 {
		return "", "", false
	}
	key = strings.TrimSpace(t[2:end])
	target = strings.TrimSpace(t[end+2:])
	if key == "" || strings.ContainsAny(key, " \t[]") || target == "" || strings.ContainsAny(target, " \t") {
		return "", "", false
	}
	// "<https://…>" is a link destination in angle brackets.
	target = strings.TrimSuffix(strings.TrimPrefix(target, "<"), ">")
	return key, target, target != ""
}

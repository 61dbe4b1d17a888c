package article

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// refHeadings are the headings, lower-cased, under which articles put the
// works they cite. "Further reading" is missing on purpose: its works are
// not cited.
var refHeadings = map[string]bool{
	"references": true, "reference": true, "reference list": true, "bibliography": true, "works cited": true,
	"sources": true, "citations": true, "research citations": true, "literature cited": true,
	"literature": true, "notes": true, "endnotes": true, "notes and references": true,
	"references and notes": true, "cited literature": true, "literature references": true,
	// Other languages.
	"referencias": true, "bibliografía": true, "literatur": true, "literaturverzeichnis": true,
	"quellen": true, "références": true, "bibliographie": true, "riferimenti": true,
	"riferimenti bibliografici": true, "bibliografia": true, "referências": true,
	"referências bibliográficas": true, "literatuur": true, "referenties": true, "källor": true,
	"litteratur": true, "kaynakça": true, "литература": true, "список литературы": true,
	"参考文献": true, "참고문헌": true,
}

// isRefHeading reports whether a heading starts a reference list: one of
// refHeadings, whatever the case, with an optional section number before
// ("7.", "VII.", "7") and colon after.
func isRefHeading(h string) bool {
	h = strings.TrimSpace(h)
	h = strings.TrimSpace(strings.TrimRight(h, ":："))
	if len(h) > 60 {
		return false
	}
	if i := strings.IndexByte(h, ' '); i > 0 && isSectionNumber(h[:i]) {
		h = strings.TrimSpace(h[i+1:])
	}
	return refHeadings[strings.Join(strings.Fields(strings.ToLower(h)), " ")]
}

// isSectionNumber reports whether s numbers a section: "7", "7.", "7.2",
// "VII.", "A.".
func isSectionNumber(s string) bool {
	t := strings.TrimSuffix(s, ".")
	if t == "" {
		return false
	}
	digits := true
	for _, c := range t {
		if (c < '0' || c > '9') && c != '.' {
			digits = false
			break
		}
	}
	if digits {
		return true
	}
	if !strings.HasSuffix(s, ".") {
		return false
	}
	for _, c := range t {
		if !strings.ContainsRune("IVXLCivxlc", c) {
			return len(t) == 1 && c >= 'A' && c <= 'Z'
		}
	}
	return true
}

// refCollector turns the blocks of a reference list into entries.
type refCollector struct {
	entries   []corpus.ListEntry
	lastGroup int // group of the last entry, while the next block may continue it
}

// boundary ends the entry in progress: a block of another group must not
// join it.
func (c *refCollector) boundary() { c.lastGroup = 0 }

func (c *refCollector) add(r *rawBlock) {
	if r.group != 0 && r.group == c.lastGroup && len(c.entries) > 0 {
		// Another block of the same entry: pandoc's csl-left-margin and
		// csl-right-inline, or a second paragraph of a list item.
		e := &c.entries[len(c.entries)-1]
		e.Text = strings.TrimSpace(e.Text + " " + r.text)
		if e.Label == "" {
			if label, rest, ok := cutRefNumber(e.Text); ok {
				e.Label, e.Text = label, rest
			}
		}
		return
	}
	c.lastGroup = r.group
	n := len(c.entries)
	if r.item >= 0 {
		label, text := strconv.Itoa(r.item), r.text
		if l, rest, ok := cutRefNumber(text); ok && l == label {
			text = rest // "1. Adams R, ..." in an <li> numbered 1
		} else {
			for _, p := range []string{label + ".", label + ")", "[" + label + "]", "(" + label + ")"} {
				if rest, ok := strings.CutPrefix(text, p); ok {
					text = strings.TrimSpace(rest) // "1.Adams": a label in its own element
					break
				}
			}
		}
		c.entries = append(c.entries, corpus.ListEntry{Label: label, Text: text, Pos: r.pos[0], Anchor: r.anchor})
		return
	}
	for _, piece := range splitRefLines(r) {
		e := corpus.ListEntry{Text: r.text[piece[0]:piece[1]], Pos: r.pos[piece[0]], Anchor: r.anchor, Label: r.key}
		if label, rest, ok := cutRefNumber(e.Text); ok {
			e.Label, e.Text = label, rest
		}
		e.Text = strings.TrimSpace(e.Text)
		if e.Text == "" && e.Label == "" {
			continue
		}
		c.entries = append(c.entries, e)
	}
	if len(c.entries) == n {
		c.lastGroup = 0 // nothing to continue
	}
}

// cutRefNumber takes the number off an entry written "1. ...", "[1] ...",
// "1) ..." or "(1) ...".
func cutRefNumber(s string) (label, rest string, ok bool) {
	s = strings.TrimLeft(s, " ")
	open := byte(0)
	i := 0
	if i < len(s) && (s[i] == '[' || s[i] == '(') {
		open = s[i]
		i++
	}
	j := i
	for j < len(s) && j-i < 3 && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == i || j >= len(s) {
		return "", s, false
	}
	switch {
	case open == '[' && s[j] == ']', open == '(' && s[j] == ')', open == 0 && (s[j] == '.' || s[j] == ')'):
	default:
		return "", s, false
	}
	k := j + 1
	if k < len(s) && s[k] != ' ' {
		return "", s, false // "1.5 mg", "[1]x"
	}
	return s[i:j], strings.TrimSpace(s[k:]), true
}

// splitRefLines splits a paragraph that holds several entries, one a line,
// into those entries: lines that start with a number ("[1]", "2.") always
// start an entry; unnumbered lines start one when they look like the start
// of an author-date entry and the line before ended one. A wrapped long
// entry stays whole.
func splitRefLines(r *rawBlock) [][2]int {
	whole := [][2]int{{0, len(r.text)}}
	if len(r.lines) == 0 || r.group != 0 {
		return whole // an entry of its own element, whose lines are its parts
	}
	starts := append([]int{0}, r.lines...)
	// Numbered lines, counting up: [1] ..., [2] ...
	var cuts []int
	want := -1
	for _, s := range starts {
		label, _, ok := cutRefNumber(r.text[s:])
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(label)
		if want < 0 || n == want {
			cuts = append(cuts, s)
			want = n + 1
		}
	}
	if len(cuts) >= 2 {
		if cuts[0] != 0 {
			cuts = append([]int{0}, cuts...)
		}
	} else {
		if !startsAuthorDateEntry(r.text) {
			return whole
		}
		cuts = []int{0}
		for _, s := range starts[1:] {
			prev := strings.TrimRight(r.text[:s], " ")
			if endsEntry(prev) && startsAuthorDateEntry(r.text[s:]) {
				cuts = append(cuts, s)
			}
		}
	}
	if len(cuts) == 1 {
		return whole
	}
	out := make([][2]int, 0, len(cuts))
	for i, c := range cuts {
		end := len(r.text)
		if i+1 < len(cuts) {
			end = cuts[i+1]
		}
		out = append(out, [2]int{c, end})
	}
	return out
}

func endsEntry(s string) bool {
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return c == '.' || c == ')' || c == ']' || (c >= '0' && c <= '9')
}

// startsAuthorDateEntry reports whether a line reads like the start of an
// author-date entry: "Smith, J." or "World Health Organization (2020)".
func startsAuthorDateEntry(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	head := s
	if len(head) > 60 {
		head = head[:60]
	}
	if i := strings.IndexByte(head, ','); i > 0 && !strings.Contains(head[:i], ".") {
		return true
	}
	if i := strings.IndexByte(head, '('); i > 0 && i+5 <= len(s) {
		y := s[i+1 : i+5]
		if _, err := strconv.Atoi(y); err == nil && (y[0] == '1' || y[0] == '2') {
			return true
		}
	}
	return false
}

package article

import (
	"strings"

	"github.com/yuin/goldmark/text"

	"github.com/evident-tools/evident/corpus"
)

// A paper written for pandoc keeps its abstract in the front matter
// (abstract: | ...), and pandoc renders it as Markdown between the title
// and the body. An abstract states findings and cites works, so it is read
// as the article's first paragraphs, and its sentences and citation
// markers are checked like the body's. Left unread on purpose: subtitle:
// and description:, a dek or a summary for search engines that goes with
// the title, heading-like and not where an article makes its claims (the
// body repeats them); and every other key, which is metadata.

// lineSpan is the source span [start, end) of one line's content in a
// YAML value; start == end for a blank line.
type lineSpan struct{ start, end int }

// frontMatterAbstract returns the lines of the abstract: value of the
// front matter that ends at source offset end: after a block indicator
// (| or >, with chomping or indentation marks) the indented lines that
// follow, blank ones included, without their common indentation; for a
// plain or quoted scalar, its text and the indented lines that continue
// it, without their quotes. YAML is read by hand here for the same reason
// as in frontMatter, and only as far as an abstract is written.
func frontMatterAbstract(s string, end int) []lineSpan {
	var lines []lineSpan // every line of the front matter, the fences left out
	off := strings.IndexByte(s, '\n') + 1
	for off < end {
		e := strings.IndexByte(s[off:end], '\n')
		if e < 0 {
			break // the closing fence
		}
		lines = append(lines, lineSpan{off, off + e})
		off += e + 1
	}
	for i, l := range lines {
		value, ok := strings.CutPrefix(s[l.start:l.end], "abstract:")
		if !ok {
			continue
		}
		valueStart := l.end - len(value)
		valueStart += len(value) - len(strings.TrimLeft(value, " \t"))
		value = strings.TrimSpace(value)
		if c, _, _ := strings.Cut(value, " #"); isBlockIndicator(c) {
			return dedent(s, continuation(s, lines[i+1:]))
		}
		first := lineSpan{valueStart, valueStart + len(value)}
		if value == "" {
			// The value starts on the next line.
			return unquote(s, dedent(s, continuation(s, lines[i+1:])))
		}
		rest := continuation(s, lines[i+1:])
		for j := range rest {
			rest[j] = trimLeftSpan(s, rest[j])
		}
		return unquote(s, append([]lineSpan{first}, rest...))
	}
	return nil
}

// isBlockIndicator reports whether v opens a YAML block scalar: |, >, |-,
// >+, |2.
func isBlockIndicator(v string) bool {
	if v == "" || v[0] != '|' && v[0] != '>' {
		return false
	}
	return strings.Trim(v[1:], "+-0123456789") == ""
}

// continuation returns the lines that belong to a value: blank or indented
// ones, up to the next key, without blank lines at the end.
func continuation(s string, lines []lineSpan) []lineSpan {
	n := 0
	for n < len(lines) {
		t := s[lines[n].start:lines[n].end]
		if strings.TrimSpace(t) != "" && t[0] != ' ' && t[0] != '\t' {
			break
		}
		n++
	}
	out := append([]lineSpan(nil), lines[:n]...)
	for len(out) > 0 && strings.TrimSpace(s[out[len(out)-1].start:out[len(out)-1].end]) == "" {
		out = out[:len(out)-1]
	}
	return out
}

// dedent takes off the indentation of the first non-blank line from every
// line, so that a list or a paragraph inside the value reads as Markdown,
// and blank lines become empty spans.
func dedent(s string, lines []lineSpan) []lineSpan {
	indent := -1
	for _, l := range lines {
		t := s[l.start:l.end]
		if strings.TrimSpace(t) != "" {
			indent = len(t) - len(strings.TrimLeft(t, " \t"))
			break
		}
	}
	out := make([]lineSpan, len(lines))
	for i, l := range lines {
		t := s[l.start:l.end]
		if strings.TrimSpace(t) == "" {
			out[i] = lineSpan{l.start, l.start}
			continue
		}
		lead := min(indent, len(t)-len(strings.TrimLeft(t, " \t")))
		out[i] = lineSpan{l.start + lead, l.end}
	}
	return out
}

func trimLeftSpan(s string, l lineSpan) lineSpan {
	t := s[l.start:l.end]
	l.start += len(t) - len(strings.TrimLeft(t, " \t"))
	if strings.TrimSpace(t) == "" {
		l.end = l.start
	}
	return l
}

// unquote takes the quotes off a quoted scalar: the first character of its
// first line and the same quote at the end of its last.
func unquote(s string, lines []lineSpan) []lineSpan {
	if len(lines) == 0 || lines[0].end == lines[0].start {
		return lines
	}
	q := s[lines[0].start]
	if q != '"' && q != '\'' {
		return lines
	}
	lines[0].start++
	last := &lines[len(lines)-1]
	if t := strings.TrimRight(s[last.start:last.end], " \t"); last.end > last.start && strings.HasSuffix(t, string(q)) {
		last.end = last.start + len(t) - 1
	}
	return lines
}

// readAbstract reads the abstract's lines as Markdown: they are copied,
// one to a line, into a text of their own, read as the body is, and each
// position is then moved back to where its line stands in the file.
func readAbstract(src *source, lines []lineSpan) ([]rawBlock, []corpus.Link) {
	if len(lines) == 0 {
		return nil, nil
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(src.text[l.start:l.end])
		b.WriteByte('\n')
	}
	sub := newSource(b.String())
	raw := []byte(sub.text)
	blankFencedDivs(raw)
	limitNesting(raw)
	boundMarkdown(raw)
	m := &mdReader{src: sub, raw: raw}
	m.walk(newMarkdown().Parser().Parse(text.NewReader(raw)), blockCtx{kind: corpus.KindSentence, item: -1})
	back := func(p corpus.Position) corpus.Position {
		i := min(max(p.Line, 1), len(lines)) - 1
		at := src.pos(lines[i].start)
		return corpus.Position{Line: at.Line, Col: at.Col + p.Col - 1}
	}
	for i := range m.blocks {
		pos := make([]corpus.Position, len(m.blocks[i].pos))
		for j, p := range m.blocks[i].pos {
			pos[j] = back(p)
		}
		m.blocks[i].pos = pos
	}
	for i := range m.links {
		m.links[i].Pos = back(m.links[i].Pos)
	}
	return m.blocks, m.links
}

// withAbstract places the abstract's blocks first, after a level-1 heading
// that opens the body when the front matter has no title: where pandoc
// prints an abstract, under the title.
func withAbstract(abstract, body []rawBlock, hasTitle bool) []rawBlock {
	if len(abstract) == 0 {
		return body
	}
	at := 0
	if !hasTitle && len(body) > 0 && body[0].kind == corpus.KindHeading && body[0].level == 1 {
		at = 1
	}
	out := make([]rawBlock, 0, len(abstract)+len(body))
	out = append(out, body[:at]...)
	out = append(out, abstract...)
	return append(out, body[at:]...)
}

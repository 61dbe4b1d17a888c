package article

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"github.com/evident-tools/evident/corpus"
)

// inlines builds the text of a block from its inline nodes.
func (m *mdReader) inlines(n ast.Node) *builder {
	b := newBuilder(m.src)
	m.cursor, m.skipTag = -1, ""
	m.inline(n, b)
	m.endRawLink() // an <a> the paragraph never closed ends with it
	return b
}

// inline appends the text of n's inline descendants in document order. It
// walks the tree by its parent links rather than by recursion: emphasis
// nests as deep as the input has delimiters, and a megabyte of them would
// otherwise take a hundred megabytes of stack.
func (m *mdReader) inline(n ast.Node, b *builder) {
	c := n.FirstChild()
	for c != nil {
		if m.inlineNode(c, b) && c.FirstChild() != nil {
			c = c.FirstChild()
			continue
		}
		for c != n && c.NextSibling() == nil {
			c = c.Parent()
		}
		if c == n {
			return
		}
		c = c.NextSibling()
	}
}

// inlineNode appends the text of one inline node and reports whether its
// children are still to be read.
func (m *mdReader) inlineNode(c ast.Node, b *builder) (descend bool) {
	if p := c.Pos(); p > m.cursor {
		m.cursor = p
	}
	if m.skipTag != "" {
		// Inside <script>...</script> written inline: write nothing, but
		// look everywhere for the closing tag.
		if v, ok := c.(*ast.RawHTML); ok {
			if name, closing := m.rawTag(v); closing && name == m.skipTag {
				m.skipTag = ""
			}
		}
		return true
	}
	switch v := c.(type) {
	case *ast.Text:
		m.text(v.Segment, v.IsRaw(), b)
		m.cursor = v.Segment.Stop
		if v.SoftLineBreak() || v.HardLineBreak() {
			b.softBreak(v.Segment.Stop)
		}
	case *ast.String:
		b.addStr(string(v.Value), max(m.cursor, 0))
	case *ast.CodeSpan:
		// Inline code is kept verbatim, without its backticks.
		for t := v.FirstChild(); t != nil; t = t.NextSibling() {
			if tt, ok := t.(*ast.Text); ok {
				b.addSrc(tt.Segment.Start, tt.Segment.Stop)
				m.cursor = tt.Segment.Stop
			}
		}
	case *ast.Link:
		if start, end, ok := m.citationLink(v); ok {
			b.addSrc(start, end)
			m.cursor = end
		} else {
			m.recordLink(v)
			return true
		}
	case *ast.Image:
		// not prose
		m.rawImage()
	case *ast.AutoLink:
		label := v.Label(m.raw)
		at, angled := -1, false
		if p := v.Pos() + 1; p > 0 && p+len(label) <= len(m.raw) && bytes.Equal(m.raw[p:p+len(label)], label) {
			at, angled = p, m.raw[p-1] == '<'
		} else if c := max(m.cursor, 0); c < len(m.raw) && len(label) > 0 {
			// A bare address found by linkify: it is where the text reached.
			if i := bytes.Index(m.raw[c:min(len(m.raw), c+len(label)+64)], label); i >= 0 {
				at = c + i
			}
		}
		if at >= 0 {
			b.addSrc(at, at+len(label))
			m.cursor = at + len(label)
		} else {
			b.addStr(string(label), max(m.cursor, 0))
		}
		if v.AutoLinkType == ast.AutoLinkEmail && !angled {
			// An address in prose, found by linkify: no link the author made.
			return false
		}
		href := string(v.URL(m.raw))
		if v.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(href), "mailto:") {
			href = "mailto:" + href
		}
		l := corpus.Link{Href: href, Text: string(label)}
		if at >= 0 {
			l.Pos = m.src.pos(at)
		}
		m.links = append(m.links, l)
	case *ast.RawHTML:
		m.rawHTML(v, b)
	case *east.FootnoteLink:
		// goldmark keeps only the footnote's number; the label is
		// read back from the source, [^label] as written.
		if p := v.Pos(); p >= 0 && p < len(m.raw) {
			if end := bytes.IndexByte(m.raw[p:min(len(m.raw), p+1024)], ']'); end > 0 {
				b.addSrc(p, p+end+1)
				m.cursor = p + end + 1
			}
		}
	case *east.FootnoteBacklink:
		// added by goldmark, not in the source
	default:
		return true
	}
	return false
}

// text appends a text segment, resolving backslash escapes and entities
// unless the segment is raw.
func (m *mdReader) text(seg text.Segment, raw bool, b *builder) {
	s := m.src.text
	start, stop := seg.Start, min(seg.Stop, len(s))
	if raw {
		b.addSrc(start, stop)
		return
	}
	from := start
	for i := start; i < stop; i++ {
		switch s[i] {
		case '\\':
			if i+1 < stop && isASCIIPunct(s[i+1]) {
				b.addSrc(from, i)
				b.addSrc(i+1, i+2)
				i++
				from = i + 1
			}
		case '&':
			if n, dec := entityAt(s[i:stop]); n > 0 {
				b.addSrc(from, i)
				b.addStr(dec, i)
				i += n - 1
				from = i + 1
			}
		}
	}
	b.addSrc(from, stop)
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// entityAt decodes an HTML character reference at the start of s ("&amp;",
// "&#8211;", "&#x2013;"), returning its length in s and its text, or 0.
func entityAt(s string) (int, string) {
	end := strings.IndexByte(s[:min(len(s), 33)], ';')
	if end < 2 {
		return 0, ""
	}
	ref := s[:end+1]
	for _, c := range ref[1:end] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#') {
			return 0, ""
		}
	}
	dec := html.UnescapeString(ref)
	if dec == ref {
		return 0, ""
	}
	return len(ref), dec
}

// citationLink recognises a pandoc citation that a [@key]: definition
// (Manubot's citation aliases) has made into a link, and returns the source
// span of its brackets so that it is kept as written.
func (m *mdReader) citationLink(l *ast.Link) (start, end int, ok bool) {
	first, last := -1, -1
	var label strings.Builder
	_ = ast.Walk(l, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, isText := n.(*ast.Text); isText && entering {
			if first < 0 {
				first = t.Segment.Start
			}
			last = t.Segment.Stop
			label.Write(t.Segment.Value(m.raw))
		}
		return ast.WalkContinue, nil
	})
	if first < 1 || last >= len(m.raw) || m.raw[first-1] != '[' || m.raw[last] != ']' || !looksLikePandocCite(label.String()) {
		return 0, 0, false
	}
	return first - 1, last + 1, true
}

// looksLikePandocCite reports whether s holds a pandoc citation key: an @
// that starts the text or a word, followed by a key character.
func looksLikePandocCite(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '@' || i+1 >= len(s) {
			continue
		}
		if i > 0 && !strings.ContainsRune(" ;-[", rune(s[i-1])) {
			continue
		}
		c := s[i+1]
		if c == '{' || c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// rawHTML turns inline tags into text: <sup> and </sup> become ^, <br> a
// space; other tags go and their content stays, except that of elements
// that never hold prose (script, style, iframe, ...: the HTML reader's
// skipTags), which goes up to the closing tag.
func (m *mdReader) rawHTML(v *ast.RawHTML, b *builder) {
	if v.Segments == nil {
		return
	}
	if m.inlineComment(v) {
		return
	}
	name, closing := m.rawTag(v)
	if !closing && skipTags[name] {
		first := v.Segments.At(0)
		last := v.Segments.At(v.Segments.Len() - 1)
		if !bytes.HasSuffix(bytes.TrimRight(m.raw[first.Start:last.Stop], " \t\n>"), []byte("/")) {
			m.skipTag = name // not <svg/>
		}
	}
	switch name {
	case "a":
		tag, off := m.rawTagText(v)
		if off >= 0 {
			m.rawAnchor(tag, closing, off, b)
		}
	case "img", "picture", "svg":
		m.rawImage()
	}
	for i := 0; i < v.Segments.Len(); i++ {
		seg := v.Segments.At(i)
		if seg.Start < 0 || seg.Stop > len(m.raw) || seg.Start >= seg.Stop {
			continue
		}
		tag := strings.ToLower(string(m.raw[seg.Start:seg.Stop]))
		m.cursor = seg.Stop
		switch {
		case strings.HasPrefix(tag, "<sup>") || strings.HasPrefix(tag, "<sup "):
			b.addStr("^", seg.Start)
			b.dropSpace()
		case strings.HasPrefix(tag, "</sup"):
			b.dropSpace()
			b.addStr("^", seg.Start)
		case strings.HasPrefix(tag, "<br"):
			b.softBreak(seg.Start)
		}
	}
}

// rawTag returns the lower-case name of an inline raw HTML tag, and
// whether it is a closing tag; "" for comments and the like.
func (m *mdReader) rawTag(v *ast.RawHTML) (name string, closing bool) {
	if v.Segments == nil || v.Segments.Len() == 0 {
		return "", false
	}
	seg := v.Segments.At(0)
	if seg.Start < 0 || seg.Stop > len(m.raw) || seg.Stop-seg.Start < 2 || m.raw[seg.Start] != '<' {
		return "", false
	}
	t := m.raw[seg.Start+1 : seg.Stop]
	if t[0] == '/' {
		closing, t = true, t[1:]
	}
	end := 0
	for end < len(t) && (t[end] >= 'a' && t[end] <= 'z' || t[end] >= 'A' && t[end] <= 'Z' || end > 0 && (t[end] >= '0' && t[end] <= '9' || t[end] == '-')) {
		end++
	}
	return strings.ToLower(string(t[:end])), closing
}

// inlineComment records an <!-- evident:ignore --> comment written inside a
// paragraph, and reports whether the node is a comment (which is no text).
func (m *mdReader) inlineComment(v *ast.RawHTML) bool {
	first := v.Segments.At(0)
	if first.Start < 0 || first.Start >= len(m.raw) || !bytes.HasPrefix(m.raw[first.Start:], []byte("<!--")) {
		return false
	}
	var c []byte
	for i := 0; i < v.Segments.Len(); i++ {
		seg := v.Segments.At(i)
		if seg.Start >= 0 && seg.Stop <= len(m.raw) && seg.Start < seg.Stop {
			c = append(c, m.raw[seg.Start:seg.Stop]...)
			m.cursor = seg.Stop
		}
	}
	c = bytes.TrimSuffix(bytes.TrimPrefix(c, []byte("<!--")), []byte("-->"))
	if codes, ok := ParseIgnore(string(c)); ok {
		m.suppress = append(m.suppress, corpus.Suppression{Line: m.src.pos(first.Start).Line, Codes: codes})
	}
	return true
}

// htmlBlock reads the text of a block of raw HTML with the HTML reader.
func (m *mdReader) htmlBlock(v *ast.HTMLBlock, ctx blockCtx) {
	lines := v.Lines()
	if lines.Len() == 0 {
		return
	}
	start, end := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	if v.HasClosure() {
		end = max(end, v.ClosureLine.Stop)
	}
	if start < 0 || end > len(m.src.text) || start >= end {
		return
	}
	blocks, suppress, links := htmlFragment(m.src, start, end)
	m.suppress = append(m.suppress, suppress...)
	m.links = append(m.links, links...)
	for _, r := range blocks {
		if ctx.footnote != "" {
			r.footnote, r.kind = ctx.footnote, corpus.KindFootnote
		}
		m.blocks = append(m.blocks, r)
	}
}

// recordLink records an inline or reference-style link (goldmark resolves
// the reference to its definition's address).
func (m *mdReader) recordLink(l *ast.Link) {
	first := -1
	image := false
	var text strings.Builder
	_ = ast.Walk(l, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Text:
			if first < 0 && len(bytes.TrimSpace(t.Segment.Value(m.raw))) > 0 {
				first = t.Segment.Start
			}
			text.Write(t.Segment.Value(m.raw))
			if t.SoftLineBreak() {
				text.WriteByte(' ')
			}
		case *ast.Image:
			image = true
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	link := corpus.Link{Href: strings.TrimSpace(string(l.Destination)), Text: linkText(text.String())}
	switch {
	case first >= 0:
		link.Pos = m.src.pos(first)
	case l.Pos() >= 0:
		link.Pos = m.src.pos(l.Pos())
	default:
		link.Pos = m.src.pos(max(m.cursor, 0))
	}
	if link.Text == "" && image {
		link.Skipped = corpus.SkipImage
	}
	m.links = append(m.links, link)
}

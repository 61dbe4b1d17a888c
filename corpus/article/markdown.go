package article

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/evident-tools/evident/corpus"
)

// The Markdown reader walks goldmark's syntax tree: goldmark finds the
// blocks (CommonMark, GFM tables, footnotes) and every text node carries its
// source offset. Pandoc additions that goldmark does not know (front matter,
// ::: fenced divs) are blanked out before parsing, byte for byte, so that
// offsets stay those of the file; citations such as [@key] are text to
// goldmark, except where a [@key]: definition turns one into a link, and
// then the link is written back as it was.

// newMarkdown builds the parser. goldmark's parser has no mutable global
// state, but building it per article is cheap and keeps Read safe to call
// from several goroutines whatever goldmark does inside.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Footnote, extension.Linkify),
		goldmark.WithParserOptions(parser.WithHeadingAttribute(),
			// Before goldmark's emphasis parser (500): see emphasisBound.
			parser.WithInlineParsers(util.Prioritized(&emphasisBound{}, 499))),
	)
}

type mdReader struct {
	src    *source
	raw    []byte // the source as goldmark reads it
	blocks []rawBlock
	cursor int // source offset reached in the current block
	// skipTag is the element (script, style, ...) whose inline raw HTML
	// opened in the current block and has not closed: nothing in it is
	// prose.
	skipTag string

	// headings in source order, to give footnote bodies (which goldmark
	// moves to the end) the section they are written in.
	headings []heading

	suppress []corpus.Suppression // <!-- evident:ignore --> comments
	links    []corpus.Link
	open     *rawLink // an inline <a href> of the current block not yet closed
}

func readMarkdown(src *source) reader {
	var r reader
	body := []byte(src.text)
	var abstract []rawBlock
	var abstractLinks []corpus.Link
	if end, title, bibs := frontMatter(src.text); end > 0 {
		blank(body, 0, end)
		r.title, r.bibs = title, bibs
		abstract, abstractLinks = readAbstract(src, frontMatterAbstract(src.text, end))
	}
	blankFencedDivs(body)
	limitNesting(body)
	boundMarkdown(body)
	m := &mdReader{src: src, raw: body}
	doc := newMarkdown().Parser().Parse(text.NewReader(body))
	m.walk(doc, blockCtx{kind: corpus.KindSentence, item: -1})
	r.blocks, r.suppress = withAbstract(abstract, m.blocks, r.title != ""), m.suppress
	r.links = append(abstractLinks, m.links...)
	classifyLinks(r.links, "")
	r.aliases = CitationAliases(string(body))
	return r
}

// blank overwrites b[start:end] with spaces, keeping line breaks, so that a
// parser skips it while every other offset stays the same.
func blank(b []byte, start, end int) {
	for i := start; i < end && i < len(b); i++ {
		if b[i] != '\n' {
			b[i] = ' '
		}
	}
}

// frontMatter finds YAML front matter (--- at the very top, up to a line
// --- or ...) and reads its title and bibliography keys. The two keys are
// read by hand: a YAML library for two scalars is not worth the dependency.
func frontMatter(s string) (end int, title string, bibs []string) {
	first, rest, ok := strings.Cut(s, "\n")
	if !ok || strings.TrimRight(first, " \t") != "---" {
		return 0, "", nil
	}
	off := len(first) + 1
	var lines []string
	for {
		line, after, more := strings.Cut(rest, "\n")
		t := strings.TrimRight(line, " \t")
		if t == "---" || t == "..." {
			end = off + len(line)
			break
		}
		lines = append(lines, line)
		if !more {
			return 0, "", nil // never closed: not front matter
		}
		off += len(line) + 1
		rest = after
	}
	for i := 0; i < len(lines); i++ {
		key, value, ok := strings.Cut(lines[i], ":")
		if !ok || key == "" || key[0] == ' ' || key[0] == '\t' {
			continue
		}
		value = strings.TrimSpace(value)
		// Indented lines that follow belong to this key.
		var more []string
		for i+1 < len(lines) && (strings.HasPrefix(lines[i+1], " ") || strings.HasPrefix(lines[i+1], "\t") || strings.HasPrefix(lines[i+1], "-")) {
			i++
			more = append(more, strings.TrimSpace(lines[i]))
		}
		switch strings.TrimSpace(key) {
		case "title":
			if value == "" || value == "|" || value == ">" || value == "|-" || value == ">-" {
				value = strings.Join(more, " ")
			}
			title = yamlScalar(value)
		case "bibliography":
			if value != "" {
				if strings.HasPrefix(value, "[") {
					for _, v := range strings.Split(strings.Trim(value, "[]"), ",") {
						if v = yamlScalar(v); v != "" {
							bibs = append(bibs, v)
						}
					}
				} else {
					bibs = append(bibs, yamlScalar(value))
				}
			}
			for _, m := range more {
				if v, ok := strings.CutPrefix(m, "-"); ok {
					if v = yamlScalar(v); v != "" {
						bibs = append(bibs, v)
					}
				}
			}
		}
	}
	return end, title, bibs
}

func yamlScalar(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		return strings.ReplaceAll(v[1:len(v)-1], `\"`, `"`)
	}
	return v
}

// blankFencedDivs blanks pandoc's fenced-div lines (::: {#refs}, :::), which
// are markup, not prose; their content is read as usual.
func blankFencedDivs(b []byte) {
	for off := 0; off < len(b); {
		end := bytes.IndexByte(b[off:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += off
		}
		if bytes.HasPrefix(bytes.TrimLeft(b[off:end], " "), []byte(":::")) {
			blank(b, off, end)
		}
		off = end + 1
	}
}

type heading struct {
	text string
	pos  corpus.Position
}

// blockCtx is what a block inherits from the containers it is in.
type blockCtx struct {
	kind     corpus.BlockKind
	item     int
	footnote string
}

func (m *mdReader) walk(n ast.Node, ctx blockCtx) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Heading:
			b := m.inlines(v)
			n := len(m.blocks)
			m.emit(b, rawBlock{kind: corpus.KindHeading, level: v.Level, item: -1, footnote: ctx.footnote})
			if len(m.blocks) > n && ctx.footnote == "" {
				m.headings = append(m.headings, heading{m.blocks[n].text, m.blocks[n].pos[0]})
			}
		case *ast.Paragraph, *ast.TextBlock:
			kind := ctx.kind
			var b *builder
			if img := m.loneImage(v); img != nil && ctx.footnote == "" {
				// An image alone in a paragraph is a figure (pandoc):
				// its description is the caption.
				kind, b = corpus.KindCaption, m.inlines(img)
			} else {
				b = m.inlines(v)
			}
			m.emit(b, rawBlock{kind: kind, item: ctx.item, footnote: ctx.footnote})
			ctx.item = -1 // only the item's first block carries its number
		case *ast.List:
			num := v.Start
			for it := v.FirstChild(); it != nil; it = it.NextSibling() {
				ictx := blockCtx{kind: corpus.KindListItem, item: -1, footnote: ctx.footnote}
				if ctx.footnote != "" {
					ictx.kind = corpus.KindFootnote
				}
				if v.IsOrdered() {
					ictx.item = num
					num++
				}
				m.walk(it, ictx)
			}
		case *ast.Blockquote:
			m.walk(v, ctx)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak, *ast.LinkReferenceDefinition:
			// not prose
		case *ast.HTMLBlock:
			m.htmlBlock(v, ctx)
		case *east.Table:
			for row := v.FirstChild(); row != nil; row = row.NextSibling() {
				for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
					b := m.inlines(cell)
					m.emit(b, rawBlock{kind: corpus.KindTableCell, item: -1, footnote: ctx.footnote})
				}
			}
		case *east.FootnoteList:
			m.footnotes(v)
		default:
			m.walk(c, ctx)
		}
	}
}

func (m *mdReader) emit(b *builder, r rawBlock) {
	r.text, r.pos, r.lines = b.take()
	dropPandocAttributes(&r)
	if r.kind != corpus.KindHeading && strings.HasPrefix(r.text, "![") {
		// A figure whose description goldmark could not close (an HTML
		// comment inside it): still its caption.
		r.kind = corpus.KindCaption
		cut(&r, [][2]int{{0, 2}})
	}
	if strings.HasPrefix(r.text, "](") && strings.HasSuffix(r.text, ")") && !strings.Contains(r.text, " ") {
		return // the rest of that figure: its file name
	}
	if r.text != "" {
		m.blocks = append(m.blocks, r)
	}
}

// loneImage returns the image that is the only content of a paragraph.
func (m *mdReader) loneImage(p ast.Node) *ast.Image {
	var img *ast.Image
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch v := c.(type) {
		case *ast.Image:
			if img != nil {
				return nil
			}
			img = v
		case *ast.Text:
			t := strings.TrimSpace(string(v.Segment.Value(m.raw)))
			if t != "" && !(img != nil && strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") && isAttributes(t[1:len(t)-1])) {
				return nil
			}
		default:
			return nil
		}
	}
	return img
}

// footnotes reads the bodies of [^label]: definitions. goldmark collects
// them at the end of the document, and they are read there (they are never
// part of the reference list), each with the section its definition is
// written in. goldmark drops a definition that nothing refers to.
func (m *mdReader) footnotes(list *east.FootnoteList) {
	for fn := list.FirstChild(); fn != nil; fn = fn.NextSibling() {
		f, ok := fn.(*east.Footnote)
		if !ok {
			continue
		}
		first := len(m.blocks)
		m.walk(f, blockCtx{kind: corpus.KindFootnote, item: -1, footnote: string(f.Ref)})
		for i := first; i < len(m.blocks); i++ {
			m.blocks[i].section, m.blocks[i].ownSection = m.sectionAt(m.blocks[first].pos[0]), true
		}
	}
}

// sectionAt returns the text of the last heading before p.
func (m *mdReader) sectionAt(p corpus.Position) string {
	section := ""
	for _, h := range m.headings {
		if h.pos.Line > p.Line || (h.pos.Line == p.Line && h.pos.Col > p.Col) {
			break
		}
		section = h.text
	}
	return section
}

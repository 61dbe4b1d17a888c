package article

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"

	"github.com/evident-tools/evident/corpus"
)

// An <a href="…">text</a> written as raw HTML inside a Markdown paragraph
// is a link like [text](…): goldmark gives its tags as separate RawHTML
// nodes around the text, so the open tag starts a link and the closing
// tag (or the end of the paragraph) ends it. The tag is parsed by
// x/net/html's tokenizer, which decodes entities in the address.

// rawLink is an <a href> written inline that has not closed yet.
type rawLink struct {
	link  corpus.Link
	b     *builder // the block's builder, which receives the link's text
	from  int      // len(b.text) when the tag opened
	image bool     // an image was seen inside
}

// rawAnchor starts or ends an inline <a> link; tag is the whole tag as
// written, at source offset off.
func (m *mdReader) rawAnchor(tag string, closing bool, off int, b *builder) {
	if closing {
		m.endRawLink()
		return
	}
	m.endRawLink() // <a> inside <a> closes the first, as HTML does
	z := html.NewTokenizer(strings.NewReader(tag))
	z.Next()
	tok := z.Token()
	for _, a := range tok.Attr {
		if strings.EqualFold(a.Key, "href") {
			m.open = &rawLink{link: corpus.Link{Href: strings.TrimSpace(a.Val), Pos: m.src.pos(off)}, b: b, from: len(b.text)}
			return
		}
	}
}

// endRawLink records the inline <a> link that is open, if any.
func (m *mdReader) endRawLink() {
	r := m.open
	if r == nil {
		return
	}
	m.open = nil
	linkSince(&r.link, r.b, r.from)
	if r.link.Text == "" && r.image {
		r.link.Skipped = corpus.SkipImage
	}
	m.links = append(m.links, r.link)
}

// rawImage notes an image inside an open inline <a> link.
func (m *mdReader) rawImage() {
	if m.open != nil {
		m.open.image = true
	}
}

// rawTagText is the source of an inline raw HTML node: the whole tag,
// which may span lines.
func (m *mdReader) rawTagText(v *ast.RawHTML) (tag string, off int) {
	var b strings.Builder
	off = -1
	for i := 0; i < v.Segments.Len(); i++ {
		seg := v.Segments.At(i)
		if seg.Start < 0 || seg.Stop > len(m.raw) || seg.Start >= seg.Stop {
			continue
		}
		if off < 0 {
			off = seg.Start
		}
		b.Write(m.raw[seg.Start:seg.Stop])
	}
	return b.String(), off
}

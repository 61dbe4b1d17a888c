package article

import (
	"encoding/xml"
	"sort"
	"strings"
	"unicode"

	"github.com/evident-tools/evident/corpus"
)

// Hyperlinks of a Word document: w:hyperlink (an external target by its
// relationship, r:id, or a bookmark of the document, w:anchor) and
// HYPERLINK fields, in the body and in footnotes and endnotes, whose
// relationships are their own parts'. A link in a note is placed where
// the note is referenced, so that it cites the sentence that marks the
// note, as a Markdown footnote's links do. Links in headers, footers and
// comments are not read (those parts are not article text), nor those of
// a table of contents, whose result is hidden.

// docxLink is a hyperlink being read, or read.
type docxLink struct {
	corpus.Link
	text    strings.Builder
	placed  bool // Pos is the first character of its text
	image   bool // it holds a picture
	note    string
	refList bool
}

// hyperlink reads a w:hyperlink element.
func (w *docxWalker) hyperlink(se xml.StartElement) error {
	href := ""
	if id := attrNS(se, "id", "relationships"); id != "" {
		if r, ok := w.partRels[id]; ok {
			href = r.target
		}
	}
	if a := attr(se, "anchor"); a != "" {
		href += "#" + a
	}
	if w.hidden > 0 {
		return w.children(w.elem)
	}
	w.openLink(href)
	err := w.children(w.elem)
	w.closeLink()
	return err
}

// attrNS returns the value of the attribute with the local name in a
// namespace whose URI ends with space, whatever its prefix (r:id, not
// w:id).
func attrNS(se xml.StartElement, local, space string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && strings.HasSuffix(a.Name.Space, space) {
			return a.Value
		}
	}
	return ""
}

func (w *docxWalker) openLink(href string) {
	l := &docxLink{refList: w.bibOpen > 0}
	l.Href = strings.TrimSpace(href)
	if w.inNotes {
		l.note = w.noteKey
	}
	if p := w.cur; p != nil {
		l.Pos = corpus.Position{Line: p.line, Col: p.col}
	}
	w.openLinks = append(w.openLinks, l)
}

// closeLink ends the innermost link open and keeps it.
func (w *docxWalker) closeLink() {
	n := len(w.openLinks)
	if n == 0 {
		return
	}
	l := w.openLinks[n-1]
	w.openLinks = w.openLinks[:n-1]
	l.Text = linkText(l.text.String())
	if p := w.cur; p != nil && p.refList {
		l.refList = true
	}
	switch {
	case l.refList:
		l.Skipped = corpus.SkipRefList
	case l.Text == "" && l.image:
		l.Skipped = corpus.SkipImage
	}
	w.links = append(w.links, docxLink{Link: l.Link, note: l.note})
}

// linkText adds visible text to the links open, and places each at its
// first character.
func (w *docxWalker) linkText(p *docxPara, s string) {
	for _, l := range w.openLinks {
		l.text.WriteString(s)
		if l.placed {
			continue
		}
		col := p.col
		for _, r := range s {
			if !unicode.IsSpace(r) {
				l.Pos, l.placed = corpus.Position{Line: p.line, Col: col}, true
				break
			}
			col++
		}
	}
}

// sawImage notes a picture inside the links open.
func (w *docxWalker) sawImage() {
	for _, l := range w.openLinks {
		l.image = true
	}
}

// docxLinks returns the links read, those of notes placed where the notes
// are referenced (those of notes never referenced are dropped), in
// reading order.
func (w *docxWalker) docxLinks() []corpus.Link {
	refs := map[string]corpus.Position{}
	for _, r := range w.noteRefs {
		refs[r.key] = r.pos
	}
	var out []corpus.Link
	for _, l := range w.links {
		if l.note != "" {
			pos, ok := refs[l.note]
			if !ok {
				continue
			}
			l.Pos = pos
		}
		out = append(out, l.Link)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Pos, out[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return out
}

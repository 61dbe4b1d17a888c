package article

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// JATS articles are read in two steps: encoding/xml's decoder builds a
// small tree with the source offset of every element and text run (this
// file), and jats.go walks it. The tree gives the walk what a stream
// cannot: the reference list's labels before the body that cites them, and
// the text around a run of <xref> citations.

const (
	// maxJATSDepth bounds the element nesting kept: deeper elements and
	// their text are dropped.
	maxJATSDepth = 200
	// maxJATSNodes bounds the elements and text runs kept; the rest of a
	// larger file is not read. A long article has some tens of thousands.
	maxJATSNodes = 1 << 20
)

// xnode is an element or a run of text of a JATS document.
type xnode struct {
	name  string // the element's local name; "" for text
	text  string // the text of a run, decoded
	off   int    // source offset of the start tag or of the text
	raw   bool   // text is the source at off as written (no entity, no CDATA)
	attrs []xml.Attr
	kids  []*xnode
}

// attr returns the value of the attribute with local name name.
func (n *xnode) attr(name string) string {
	for _, a := range n.attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// child returns the first child element named name, or nil.
func (n *xnode) child(name string) *xnode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// children returns the child elements named name.
func (n *xnode) children(name string) []*xnode {
	if n == nil {
		return nil
	}
	var out []*xnode
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// plain returns the text of n with white space collapsed, formulas left
// out.
func (n *xnode) plain() string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	n.appendText(&b, 0)
	return strings.Join(strings.Fields(b.String()), " ")
}

func (n *xnode) appendText(b *strings.Builder, depth int) {
	if n.name == "" {
		b.WriteString(n.text)
		return
	}
	if skipInline[n.name] || depth > maxJATSDepth {
		return
	}
	for _, k := range n.kids {
		k.appendText(b, depth+1)
	}
}

// parseJATS reads text into a tree under a document node. It never fails:
// a syntax error ends the tree where it happened. The DOCTYPE is read as a
// directive and never fetched.
func parseJATS(src *source) (root *xnode, suppress []corpus.Suppression) {
	text := src.text
	d := xml.NewDecoder(strings.NewReader(text))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	// The text was decoded to UTF-8 already (textfile.Decode), whatever
	// the XML declaration says.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	root = &xnode{name: "#document"}
	stack := []*xnode{root}
	deep := 0 // elements open below maxJATSDepth
	for nodes := 0; nodes < maxJATSNodes; nodes++ {
		off := int(d.InputOffset())
		tok, err := d.Token()
		if err != nil {
			break
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if deep > 0 || len(stack) > maxJATSDepth {
				deep++
				continue
			}
			n := &xnode{name: t.Name.Local, off: off, attrs: t.Attr}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if deep > 0 {
				deep--
			} else if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if deep > 0 {
				continue
			}
			end := min(int(d.InputOffset()), len(text))
			s := string(t)
			top.kids = append(top.kids, &xnode{text: s, off: off, raw: off <= end && text[off:end] == s})
		case xml.Comment:
			if codes, ok := ParseIgnore(string(t)); ok {
				suppress = append(suppress, corpus.Suppression{Line: src.pos(off).Line, Codes: codes})
			}
		}
	}
	return root, suppress
}

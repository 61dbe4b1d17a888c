// Package xmltree is the small element tree evident's XML readers walk
// (PubMed XML, PMC's JATS full text): an element's children by name, its
// attributes, its text. It owns no format: each reader says what its
// elements mean.
//
// encoding/xml decodes into structs well when a format's shape is fixed;
// PubMed's and JATS's inline markup (italics, sub- and superscripts,
// citations inside a sentence) is mixed content, which a tree reads in
// document order and a struct does not.
package xmltree

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// Node is one element, or a run of character data (Name "").
type Node struct {
	Name  string // the local name, without namespace prefix
	Attrs []xml.Attr
	Text  string // a run's text, entities decoded
	Kids  []*Node
	// Off is the source offset of the start tag or of the text, and Raw
	// says whether a run's Text is the source at Off as written (no
	// entity, no CDATA), for a reader that maps text back to its source
	// (corpus/article's JATS reader).
	Off int
	Raw bool
}

// Child returns the first child element named name, or nil. A nil node
// has no children, so paths can be followed without checks.
func (n *Node) Child(name string) *Node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// Children returns the child elements named name.
func (n *Node) Children(name string) []*Node {
	if n == nil {
		return nil
	}
	var out []*Node
	for _, k := range n.Kids {
		if k.Name == name {
			out = append(out, k)
		}
	}
	return out
}

// Elements returns the child elements of n, without the text between
// them.
func (n *Node) Elements() []*Node {
	if n == nil {
		return nil
	}
	var out []*Node
	for _, k := range n.Kids {
		if k.Name != "" {
			out = append(out, k)
		}
	}
	return out
}

// Path follows child elements by name: n.Path("a", "b") is
// n.Child("a").Child("b").
func (n *Node) Path(names ...string) *Node {
	for _, name := range names {
		n = n.Child(name)
	}
	return n
}

// Attr returns the value of the attribute with local name name.
func (n *Node) Attr(name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// Plain returns the text of n and everything under it, white space
// collapsed.
func (n *Node) Plain() string {
	return n.PlainWithout(nil)
}

// PlainWithout returns the text of n as Plain does, leaving out the
// elements whose name skip holds (formulas, citation markers).
func (n *Node) PlainWithout(skip map[string]bool) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	n.write(&b, skip, 0)
	return strings.Join(strings.Fields(b.String()), " ")
}

func (n *Node) write(b *strings.Builder, skip map[string]bool, depth int) {
	if n.Name == "" {
		b.WriteString(n.Text)
		return
	}
	if skip[n.Name] || depth > MaxDepth {
		return
	}
	for _, k := range n.Kids {
		k.write(b, skip, depth+1)
	}
}

// Limits of Parse: a document past them is cut, not refused.
const (
	// MaxDepth bounds the element nesting kept; deeper elements and their
	// text are dropped.
	MaxDepth = 200
	// MaxNodes bounds the elements and text runs kept; a long article has
	// some tens of thousands.
	MaxNodes = 1 << 20
)

// ErrCut says the document ended before its elements closed, or was not
// well-formed XML where it stopped; the tree Parse returns with it holds
// what came before.
var ErrCut = errors.New("XML cut short or not well-formed")

// Parse reads data leniently into a tree under a document node (Name
// "#document"): HTML entities are known, the DOCTYPE is read as a
// directive and never fetched, and the text is taken as UTF-8 whatever
// the declaration says. A syntax error ends the tree where it happened,
// with ErrCut; so does an element left open at the end.
func Parse(data []byte) (*Node, error) {
	return ParseText(string(data), nil)
}

// ParseText reads text as Parse does, setting each node's Off and Raw,
// and calls comment, when set, with each comment and its offset.
func ParseText(text string, comment func(off int, c string)) (*Node, error) {
	d := xml.NewDecoder(strings.NewReader(text))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	root := &Node{Name: "#document"}
	stack := []*Node{root}
	deep := 0 // elements open below MaxDepth
	for nodes := 0; nodes < MaxNodes; nodes++ {
		off := int(d.InputOffset())
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if len(stack) > 1 {
				return root, ErrCut
			}
			return root, nil
		}
		if err != nil {
			return root, ErrCut
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if deep > 0 || len(stack) > MaxDepth {
				deep++
				continue
			}
			n := &Node{Name: t.Name.Local, Attrs: t.Attr, Off: off}
			top.Kids = append(top.Kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if deep > 0 {
				deep--
			} else if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if deep == 0 {
				end := min(int(d.InputOffset()), len(text))
				s := string(t)
				top.Kids = append(top.Kids, &Node{Text: s, Off: off, Raw: off <= end && text[off:end] == s})
			}
		case xml.Comment:
			if comment != nil {
				comment(off, string(t))
			}
		}
	}
	return root, ErrCut
}

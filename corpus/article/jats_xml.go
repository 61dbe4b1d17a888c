package article

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/xmltree"
)

// JATS articles are read in two steps: encoding/xml's decoder builds a
// small tree (corpus/xmltree's nodes) with the source offset of every
// element and text run (this file), and jats.go walks it. The tree gives the walk what a stream
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

// plain returns the text of n with white space collapsed, formulas and
// what floats inside a paragraph left out.
func plain(n *xmltree.Node) string { return n.PlainWithout(skipInline) }

// parseJATS reads text into a tree under a document node. It never fails:
// a syntax error ends the tree where it happened. The DOCTYPE is read as a
// directive and never fetched.
func parseJATS(src *source) (root *xmltree.Node, suppress []corpus.Suppression) {
	text := src.text
	d := xml.NewDecoder(strings.NewReader(text))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	// The text was decoded to UTF-8 already (textfile.Decode), whatever
	// the XML declaration says.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	root = &xmltree.Node{Name: "#document"}
	stack := []*xmltree.Node{root}
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
			n := &xmltree.Node{Name: t.Name.Local, Off: off, Attrs: t.Attr}
			top.Kids = append(top.Kids, n)
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
			top.Kids = append(top.Kids, &xmltree.Node{Text: s, Off: off, Raw: off <= end && text[off:end] == s})
		case xml.Comment:
			if codes, ok := ParseIgnore(string(t)); ok {
				suppress = append(suppress, corpus.Suppression{Line: src.pos(off).Line, Codes: codes})
			}
		}
	}
	return root, suppress
}

package article

import (
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/xmltree"
)

// JATS articles are read in two steps: corpus/xmltree builds a small
// tree with the source offset of every element and text run (this file),
// and jats.go walks it. The tree gives the walk what a stream cannot: the
// reference list's labels before the body that cites them, and the text
// around a run of <xref> citations. Its limits (xmltree.MaxDepth and
// MaxNodes) bound a hostile file; maxJATSDepth bounds the walks over it.

// maxJATSDepth bounds the nesting the walks follow, as the tree does.
const maxJATSDepth = xmltree.MaxDepth

// plain returns the text of n with white space collapsed, formulas and
// what floats inside a paragraph left out.
func plain(n *xmltree.Node) string { return n.PlainWithout(skipInline) }

// parseJATS reads text into a tree under a document node. It never fails:
// a syntax error ends the tree where it happened. The DOCTYPE is read as a
// directive and never fetched.
func parseJATS(src *source) (root *xmltree.Node, suppress []corpus.Suppression) {
	// The text was decoded to UTF-8 already (textfile.Decode), whatever
	// the XML declaration says; a tree cut short is read as far as it goes.
	root, _ = xmltree.ParseText(src.text, func(off int, c string) {
		if codes, ok := ParseIgnore(c); ok {
			suppress = append(suppress, corpus.Suppression{Line: src.pos(off).Line, Codes: codes})
		}
	})
	return root, suppress
}

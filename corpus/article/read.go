package article

import (
	"fmt"
	"sort"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// rawBlock is a block as a reader found it, before the reference list is
// taken out and paragraphs and sections are numbered.
type rawBlock struct {
	kind  corpus.BlockKind
	text  string
	pos   []corpus.Position
	lines []int // offsets in text where a new source line begins

	level    int    // heading level, 1 = highest
	item     int    // number of an ordered-list item, or -1
	footnote string // label of a footnote body
	// linked is how many bytes of text are inside hyperlinks (HTML): a
	// block that is all link is a teaser, not prose.
	linked int
	// fields are the reference manager's citation fields in text (Word).
	fields []corpus.CitationField
	// section is the block's section when it is not the heading before it
	// (footnote bodies, which Markdown collects at the end).
	section    string
	ownSection bool
	// notRefHeading marks a heading that never starts a reference list:
	// the format marks its list itself (JATS's <ref-list>).
	notRefHeading bool

	// For reference lists.
	refList bool   // inside a container that is a reference list whatever its heading (thebibliography, div#refs)
	group   int    // blocks with the same non-zero group are one entry
	anchor  string // id of the entry's element (HTML)
	key     string // the entry's citation key (\bibitem{key}, id="ref-key")
}

// reader is what every format's reader returns.
type reader struct {
	title string
	bibs  []string
	// aliases are the citation aliases the article defines (Markdown).
	aliases map[string]string
	blocks  []rawBlock
	// extraRefs are reference-list blocks found outside the article's main
	// content (HTML), used when the content has no list of its own.
	extraRefs []rawBlock
	// suppress are the evident:ignore comments found.
	suppress []corpus.Suppression
	// links are the hyperlinks found, classified (classifyLinks).
	links []corpus.Link
	// embedded are the works the article's citation fields carry (Word).
	embedded []*corpus.Reference
}

// Read parses an article into prose blocks and its reference list. The
// bytes are decoded as every input file is (see textfile.Decode), with
// CRLF and CR line ends read as LF; a format of "" is told from the file
// extension, else from the text. Warnings about the file (an encoding
// other than UTF-8, control characters, an empty article) are in
// Document.Warnings. A Word document (.docx, told by its content) is read
// from its bytes, and its positions are paragraphs (Document.Positions).
// It never panics; the only errors are for input that is not text or
// Word, a damaged or hostile Word file, and a format it cannot tell.
func Read(path string, data []byte, f corpus.Format) (doc *corpus.Document, err error) {
	// A reader bug must not take the whole check down with it: report it as
	// an error naming the file instead.
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%s: internal error reading %s: %v", path, f, r)
		}
	}()
	if err := refuseBinary(path, data); err != nil {
		return nil, err
	}
	bin, err := binaryFormat(path, data, f)
	if err != nil {
		return nil, err
	}
	if bin != nil {
		f = bin.format
		r, err := bin.readBinary(path, data)
		if err != nil {
			return nil, err
		}
		doc := build(path, f, r, nil, len(r.blocks) == 0)
		doc.Positions = corpus.PositionsParagraphs
		return doc, nil
	}
	text, warns, err := clean(path, data)
	if err != nil {
		return nil, err
	}
	var af *articleFormat
	if f == "" {
		if af, err = detect(path, text); err != nil {
			return nil, err
		}
		f = af.format
	} else if af = byFormat(f); af == nil || af.read == nil {
		return nil, fmt.Errorf("%s: unknown article format %q; formats are %s", path, f, formatNames())
	}
	return build(path, f, af.read(newSource(text)), warns, strings.TrimSpace(text) == ""), nil
}

// build makes the Document of what a reader found.
func build(path string, f corpus.Format, r reader, warns []corpus.Problem, empty bool) *corpus.Document {
	doc := &corpus.Document{Path: path, Format: f, Title: r.title, Bibliography: r.bibs, CiteAliases: r.aliases, Warnings: warns}
	if empty {
		doc.Warnings = append(doc.Warnings, corpus.Problem{File: path, Msg: "the article is empty"})
	}
	doc.Suppressions = r.suppress
	doc.Links = r.links
	doc.Embedded = r.embedded
	sort.SliceStable(doc.Suppressions, func(i, j int) bool { return doc.Suppressions[i].Line < doc.Suppressions[j].Line })
	assemble(doc, r.blocks)
	if len(doc.RefList) == 0 && len(r.extraRefs) > 0 {
		var refs refCollector
		for i := range r.extraRefs {
			refs.add(&r.extraRefs[i])
		}
		doc.RefList = refs.entries
		if doc.RefListHeading == "" && len(doc.RefList) > 0 {
			doc.RefListHeading, doc.RefListPos = "References", r.extraRefs[0].pos[0]
		}
	}
	if doc.Title == "" {
		if h := headline(r.blocks); h != nil {
			doc.Title = strings.Join(strings.Fields(h.text), " ")
		}
	}
	return doc
}

// assemble takes the reference list out of the raw blocks and numbers the
// paragraphs and sections of the rest.
func assemble(doc *corpus.Document, raws []rawBlock) {
	a := assembler{doc: doc}
	for i := range raws {
		r := &raws[i]
		if r.text == "" {
			continue
		}
		if r.kind == corpus.KindHeading && r.footnote == "" {
			if a.refHeading != nil && r.level <= a.refHeading.level {
				a.endRefSection()
			}
			if a.refHeading == nil && !r.notRefHeading && isRefHeading(r.text) {
				a.refHeading = r
				continue
			}
		}
		switch {
		case r.footnote != "":
			a.prose(r, "")
		case a.refHeading != nil:
			a.refBlocks = append(a.refBlocks, r)
		case r.refList:
			if doc.RefListHeading == "" {
				// A list recognised by its container, not by a heading.
				doc.RefListHeading, doc.RefListPos = "References", r.pos[0]
			}
			a.refs.add(r)
		default:
			a.prose(r, "")
		}
	}
	a.endRefSection()
	doc.RefList = a.refs.entries
}

type assembler struct {
	doc       *corpus.Document
	section   string
	paragraph int
	refs      refCollector

	// The section under a reference-list heading, kept until its end to
	// check that it is a list and not prose about citations.
	refHeading *rawBlock
	refBlocks  []*rawBlock
}

func (a *assembler) prose(r *rawBlock, section string) {
	a.refs.boundary()
	if r.kind == corpus.KindHeading && r.footnote == "" {
		a.section = r.text
	}
	if section == "" {
		section = a.section
	}
	if r.ownSection {
		section = r.section
	}
	a.paragraph++
	a.doc.Blocks = append(a.doc.Blocks, corpus.Block{
		Kind:      r.kind,
		Text:      r.text,
		Pos:       r.pos,
		Paragraph: a.paragraph,
		Section:   section,
		Footnote:  r.footnote,
		Fields:    r.fields,
	})
}

func (a *assembler) endRefSection() {
	h := a.refHeading
	if h == nil {
		return
	}
	blocks := a.refBlocks
	a.refHeading, a.refBlocks = nil, nil
	if citesLikeProse(blocks) {
		// "Citations" over text that cites: a section, not a list.
		a.prose(h, "")
		for _, r := range blocks {
			a.prose(r, "")
		}
		return
	}
	if a.doc.RefListHeading == "" {
		// Also when nothing under it is a reference: the list is empty,
		// which the check reports once.
		a.doc.RefListHeading, a.doc.RefListPos = h.text, h.pos[0]
	}
	before, list, after := splitRefSection(blocks)
	if len(list) == 0 && len(blocks) > 0 {
		// Bios, related articles, a footer: prose under the heading.
		a.prose(h, "")
		for _, r := range blocks {
			a.prose(r, "")
		}
		return
	}
	a.section = h.text
	for _, r := range before {
		a.prose(r, h.text)
	}
	a.refs.boundary()
	for _, r := range list {
		if r.kind == corpus.KindHeading {
			a.refs.boundary() // a subheading inside the list ("Journal articles")
			continue
		}
		a.refs.add(r)
	}
	for _, r := range after {
		a.prose(r, h.text)
	}
}

// citesLikeProse reports whether most blocks under a reference-list heading
// carry pandoc or LaTeX citations, which a list of references never does.
func citesLikeProse(blocks []*rawBlock) bool {
	n, citing := 0, 0
	for _, r := range blocks {
		if r.kind == corpus.KindHeading {
			continue
		}
		n++
		if strings.Contains(r.text, "[@") || strings.Contains(r.text, "; @") || strings.Contains(r.text, `\cite`) {
			citing++
		}
	}
	return n > 0 && 2*citing >= n
}

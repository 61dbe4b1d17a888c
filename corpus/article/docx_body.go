package article

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

var errTooDeep = errors.New("XML nested deeper than 256 elements: refused")

// docxWalker reads the WordprocessingML of a document, its footnotes and
// endnotes into blocks, one element at a time: each handler is called
// just after an element's start and returns just after its end.
type docxWalker struct {
	pkg    *docxPackage
	dec    *xml.Decoder
	depth  int
	rels   map[string]relationship
	styles docxStyles
	lists  docxNumbering
	items  map[string]int // items so far of each counting list, by numId

	blocks  []rawBlock
	para    int       // body paragraphs seen
	cur     *docxPara // the paragraph being read
	carry   *docxPara // a paragraph whose mark was deleted: it runs on into the next
	cell    int       // table cells open
	sup     bool      // the run being read is superscript
	bold    bool      // the run being read is bold
	section string    // the last heading of the body

	fields     []docxField
	hidden     int // fields open that are not showing their result
	bibOpen    int // bibliography fields showing their result
	inNotes    bool
	notePrefix string                // "" reading footnotes, "e" endnotes
	notes      map[string][]rawBlock // note bodies by key ("3" footnote, "e3" endnote)
	noteRefs   []docxNoteRef
	labels     map[string]string // note key to the label written in the text
	counts     [2]int            // footnotes, endnotes labelled so far
	noteKey    string            // the note being read

	partRels  map[string]relationship // of the part being read, for hyperlinks
	openLinks []*docxLink             // hyperlinks open, innermost last
	links     []docxLink              // hyperlinks read, in the body and in notes
	cites     docxCites               // the works citation fields embed
}

// docxPara is a paragraph being read.
type docxPara struct {
	b       builder
	line    int
	col     int
	kind    corpus.BlockKind
	level   int
	item    int // number of a counting list's item, or -1
	refList bool
	// markDeleted: the paragraph mark is a tracked deletion, so accepted
	// the paragraph joins the next.
	markDeleted bool
	sup         []byte // superscript text not yet written
	supPos      corpus.Position
	fields      []corpus.CitationField
	// boldText and plainText count the letters and digits written in bold
	// runs and in others: a paragraph all in bold at the top of a
	// manuscript is its title.
	boldText, plainText int
}

type docxNoteRef struct {
	key, label, section string
	pos                 corpus.Position
}

// children walks the children of the element just started with fn, which
// must consume each child it is given, and returns after the element's end.
func (w *docxWalker) children(fn func(xml.StartElement) error) error {
	for {
		tok, err := w.dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if w.depth++; w.depth > docxMaxDepth {
				return errTooDeep
			}
			err := fn(t)
			w.depth--
			if err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// content returns the character data of the element just started.
func (w *docxWalker) content() (string, error) {
	var sb strings.Builder
	for {
		tok, err := w.dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			sb.Write(t)
		case xml.StartElement:
			if err := w.dec.Skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return sb.String(), nil
		}
	}
}

// body is the handler of a part's root element.
func (w *docxWalker) body(se xml.StartElement) error { return w.elem(se) }

// elem reads any element.
func (w *docxWalker) elem(se xml.StartElement) error {
	if !isW(se.Name) {
		if se.Name.Local == "AlternateContent" {
			return w.alternate()
		}
		// Drawings and shapes hold text boxes (w:txbxContent) somewhere
		// inside; anything else in them is not w: and is passed over.
		return w.children(w.elem)
	}
	switch se.Name.Local {
	case "p":
		return w.paragraph()
	case "r":
		return w.run()
	case "tc":
		w.cell++
		err := w.children(w.elem)
		w.cell--
		return err
	case "t":
		s, err := w.content()
		w.text(s)
		return err
	case "tab", "ptab":
		w.text("\t")
	case "br", "cr":
		if p := w.cur; p != nil && w.hidden == 0 {
			p.flushSup()
			p.b.markSpace(corpus.Position{Line: p.line, Col: p.col}, true)
		}
	case "noBreakHyphen":
		w.text("-")
	case "sym":
		if r := symbol(attr(se, "font"), attr(se, "char")); r != 0 {
			w.text(string(r))
		}
	case "fldChar":
		w.fldChar(attr(se, "fldCharType"))
		// EndNote keeps a long citation's record as base64 in w:fldData.
		return w.children(func(se xml.StartElement) error {
			if !isW(se.Name) || se.Name.Local != "fldData" {
				return w.dec.Skip()
			}
			s, err := w.content()
			if n := len(w.fields); n > 0 && !w.fields[n-1].result {
				w.fields[n-1].data.WriteString(s)
			}
			return err
		})
	case "hyperlink":
		return w.hyperlink(se)
	case "drawing", "pict", "object":
		w.sawImage()
	case "instrText":
		s, err := w.content()
		if n := len(w.fields); n > 0 && !w.fields[n-1].result {
			w.fields[n-1].instr.WriteString(s)
		}
		return err
	case "fldSimple":
		w.openField(attr(se, "instr"))
		err := w.children(w.elem)
		w.fldChar("end")
		return err
	case "footnoteReference", "endnoteReference":
		w.noteRef(se)
	case "footnote", "endnote":
		return w.note(se)
	case "del", "moveFrom", "delText", "delInstrText", "rPr", "pPr", "sectPr",
		"commentReference", "annotationRef", "footnoteRef", "endnoteRef", "rt", "sdtPr", "tblPr", "trPr", "tcPr":
		// Deleted and moved-away text, properties, comments, the number
		// of a note inside its own body, ruby guides.
		return w.dec.Skip()
	}
	return w.children(w.elem)
}

// alternate reads the first choice of mc:AlternateContent, or its fallback:
// both usually hold the same text box.
func (w *docxWalker) alternate() error {
	done := false
	return w.children(func(se xml.StartElement) error {
		if done || (se.Name.Local != "Choice" && se.Name.Local != "Fallback") {
			return w.dec.Skip()
		}
		done = true
		return w.children(w.elem)
	})
}

func (w *docxWalker) paragraph() error {
	line := 0
	if !w.inNotes {
		w.para++
		line = w.para
	}
	outer := w.cur
	p := w.carry
	w.carry = nil
	if p == nil {
		p = &docxPara{}
	}
	p.line, p.col, p.kind, p.level, p.item, p.markDeleted = line, 1, corpus.KindSentence, 0, -1, false
	if w.cell > 0 {
		p.kind = corpus.KindTableCell
	}
	w.cur = p
	err := w.children(func(se xml.StartElement) error {
		if isW(se.Name) && se.Name.Local == "pPr" {
			return w.pPr(p)
		}
		return w.elem(se)
	})
	w.cur = outer
	if err != nil {
		return err
	}
	p.flushSup()
	if p.markDeleted && outer == nil {
		w.carry = p
		return nil
	}
	w.emit(p)
	return nil
}

// flushCarry writes a paragraph whose deleted mark had nothing after it.
func (w *docxWalker) flushCarry() {
	if w.carry != nil {
		w.emit(w.carry)
		w.carry = nil
	}
}

func (w *docxWalker) emit(p *docxPara) {
	text, pos, lines := p.b.take()
	if text == "" {
		return
	}
	if p.kind == corpus.KindHeading && !w.inNotes {
		w.section = text
	}
	if w.boldTitle(p, text) {
		p.kind, p.level = corpus.KindHeading, 1
	}
	p.boldText, p.plainText = 0, 0
	fields := p.fields
	p.fields = nil
	w.blocks = append(w.blocks, rawBlock{kind: p.kind, text: text, pos: pos, lines: lines, level: p.level, item: p.item, refList: p.refList, fields: fields})
}

// maxTitleWords is the most words a bold first paragraph may have to be
// read as the title.
const maxTitleWords = 30

// boldTitle reports whether p, about to be written with text, is a Word
// manuscript's title set by hand: the body's first paragraph, in bold
// throughout, no longer than a title and not ending as a sentence does,
// with no style or outline level making it anything else. Manuscripts
// saved without heading styles set their title so; read as body text it
// was scored as a claim, and the author list under it, which carries an
// outline level, was taken for the article's title.
func (w *docxWalker) boldTitle(p *docxPara, text string) bool {
	if w.inNotes || w.cell > 0 || p.kind != corpus.KindSentence || len(w.blocks) > 0 {
		return false
	}
	if p.boldText == 0 || p.plainText > 0 || len(strings.Fields(text)) > maxTitleWords {
		return false
	}
	return !strings.HasSuffix(strings.TrimSpace(text), ".")
}

// pPr reads a paragraph's properties: its style (heading, list,
// bibliography), numbering, outline level, and whether its mark is deleted.
func (w *docxWalker) pPr(p *docxPara) error {
	return w.children(func(se xml.StartElement) error {
		if !isW(se.Name) {
			return w.dec.Skip()
		}
		switch se.Name.Local {
		case "pStyle":
			id := attr(se, "val")
			if lvl := w.styles.heading(id); lvl > 0 {
				p.kind, p.level = corpus.KindHeading, lvl
			} else if w.styles.list(id) && p.kind != corpus.KindHeading {
				p.kind = corpus.KindListItem
			}
			if w.styles.bibliography(id) {
				p.refList = true
			}
		case "outlineLvl":
			if n, err := strconv.Atoi(attr(se, "val")); err == nil && n >= 0 && n < 9 {
				p.kind, p.level = corpus.KindHeading, n+1
			}
		case "numPr":
			id, level := "", "0"
			err := w.children(func(se xml.StartElement) error {
				switch se.Name.Local {
				case "numId":
					id = attr(se, "val")
				case "ilvl":
					level = attr(se, "val")
				}
				return w.dec.Skip()
			})
			if id != "0" && p.kind != corpus.KindHeading { // numId 0 switches numbering off
				p.kind = corpus.KindListItem
				if w.lists[id] && level == "0" && !w.inNotes {
					w.items[id]++
					p.item = w.items[id]
				}
			}
			return err
		case "rPr":
			return w.children(func(se xml.StartElement) error {
				if isW(se.Name) && (se.Name.Local == "del" || se.Name.Local == "moveFrom") {
					p.markDeleted = true
				}
				return w.dec.Skip()
			})
		}
		return w.dec.Skip()
	})
}

func (w *docxWalker) run() error {
	outer, outerBold := w.sup, w.bold
	w.sup, w.bold = false, false
	err := w.children(func(se xml.StartElement) error {
		if isW(se.Name) && se.Name.Local == "rPr" {
			return w.rPr()
		}
		return w.elem(se)
	})
	w.sup, w.bold = outer, outerBold
	return err
}

// rPr reads whether a run is superscript, set on the run or by its
// character style, and whether it is set in bold on the run itself.
func (w *docxWalker) rPr() error {
	style, vert := "", ""
	err := w.children(func(se xml.StartElement) error {
		if isW(se.Name) {
			switch se.Name.Local {
			case "rStyle":
				style = attr(se, "val")
			case "vertAlign":
				vert = attr(se, "val")
			case "b":
				// <w:b/> is on; w:val "0", "false" or "off" turns it off.
				switch attr(se, "val") {
				case "0", "false", "off":
					w.bold = false
				default:
					w.bold = true
				}
			}
		}
		return w.dec.Skip()
	})
	switch {
	case vert != "":
		w.sup = vert == "superscript"
	case style != "":
		w.sup = w.styles.superscript(style)
	}
	return err
}

// text writes run text to the paragraph, unless a field is showing its
// instruction.
func (w *docxWalker) text(s string) {
	p := w.cur
	if p == nil || w.hidden > 0 || s == "" {
		return
	}
	if w.bibOpen > 0 {
		p.refList = true
	}
	if len(w.blocks) == 0 { // only the first paragraph can be a bold title
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				if w.bold {
					p.boldText++
				} else {
					p.plainText++
				}
			}
		}
	}
	w.linkText(p, s)
	if w.sup {
		if len(p.sup) == 0 {
			p.supPos = corpus.Position{Line: p.line, Col: p.col}
		}
		p.sup = append(p.sup, s...)
		p.col += utf8.RuneCountInString(s)
		return
	}
	p.flushSup()
	p.add(s)
}

// add writes s at the paragraph's column.
func (p *docxPara) add(s string) {
	for _, r := range s {
		p.addAt(r, corpus.Position{Line: p.line, Col: p.col})
		p.col++
	}
}

func (p *docxPara) addAt(r rune, pos corpus.Position) {
	if unicode.IsSpace(r) {
		p.b.markSpace(pos, false)
		return
	}
	if unicode.IsControl(r) {
		r = utf8.RuneError
	}
	p.b.flushSpace()
	n := len(p.b.text)
	p.b.text = utf8.AppendRune(p.b.text, r)
	for range len(p.b.text) - n {
		p.b.pos = append(p.b.pos, pos)
	}
}

// flushSup writes the superscript text read so far: numbers, as a
// numeric citation marker is written, ^2,5^ (see package cite); anything
// else (the "th" of 5th, a ²) as it is.
func (p *docxPara) flushSup() {
	if len(p.sup) == 0 {
		return
	}
	s := string(p.sup)
	p.sup = p.sup[:0]
	pos := p.supPos
	if t := strings.ReplaceAll(strings.TrimSpace(s), " ", ""); isCitationNumbers(t) {
		s = "^" + t + "^"
	}
	for _, r := range s {
		p.addAt(r, pos)
		pos.Col++
	}
}

// isCitationNumbers reports whether s is numbers as a numeric citation
// writes them: 3, 2,5, 1–4.
func isCitationNumbers(s string) bool {
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == ',' || r == '-' || r == '–' || r == '—' || r == ';':
		default:
			return false
		}
	}
	// A sign first (the -1 of min⁻¹) or a dangling separator is no citation.
	return digit && len(s) <= 40 && s[0] >= '0' && s[0] <= '9' && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

// noteRef writes a footnote or endnote reference as [^label], numbering
// the notes in the order they are referenced.
func (w *docxWalker) noteRef(se xml.StartElement) {
	p := w.cur
	if p == nil || w.inNotes || w.hidden > 0 {
		return
	}
	key, kind := attr(se, "id"), 0
	if se.Name.Local == "endnoteReference" {
		key, kind = "e"+key, 1
	}
	label, ok := w.labels[key]
	if !ok {
		w.counts[kind]++
		label = strconv.Itoa(w.counts[kind])
		if kind == 1 && w.hasFootnotes() {
			label = "e" + label
		}
		w.labels[key] = label
		w.noteRefs = append(w.noteRefs, docxNoteRef{key: key, label: label, section: w.section, pos: corpus.Position{Line: p.line, Col: p.col}})
	}
	p.flushSup()
	p.add("[^" + label + "]")
}

func (w *docxWalker) hasFootnotes() bool {
	for k, v := range w.notes {
		if !strings.HasPrefix(k, "e") && len(v) > 0 {
			return true
		}
	}
	return false
}

// readNotes reads the bodies of a footnotes or endnotes part; prefix keys
// endnotes apart from footnotes.
func (w *docxWalker) readNotes(name, prefix string) error {
	if name == "" {
		name = "word/" + map[string]string{"": "footnotes.xml", "e": "endnotes.xml"}[prefix]
	}
	// Damaged relationships of the notes cost their links' targets only.
	rels, _ := w.pkg.rels(name)
	w.inNotes, w.notePrefix, w.partRels = true, prefix, rels
	defer func() { w.inNotes, w.noteKey = false, "" }()
	return w.readPart(name, w.body)
}

// note reads one footnote or endnote body.
func (w *docxWalker) note(se xml.StartElement) error {
	if !w.inNotes {
		return w.dec.Skip()
	}
	n := len(w.blocks)
	w.noteKey = w.notePrefix + attr(se, "id")
	err := w.children(w.elem)
	w.flushCarry()
	w.notes[w.notePrefix+attr(se, "id")] = append([]rawBlock(nil), w.blocks[n:]...)
	w.blocks = w.blocks[:n]
	return err
}

// noteBlocks returns the bodies of the notes referenced, in order, as
// footnote blocks placed where they are referenced.
func (w *docxWalker) noteBlocks() []rawBlock {
	var out []rawBlock
	for _, ref := range w.noteRefs {
		for _, b := range w.notes[ref.key] {
			for i := range b.pos {
				b.pos[i] = ref.pos
			}
			b.kind, b.footnote, b.level, b.refList = corpus.KindFootnote, ref.label, 0, false
			b.section, b.ownSection = ref.section, true
			out = append(out, b)
		}
	}
	return out
}

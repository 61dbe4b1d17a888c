package article

import (
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// docxField is a field of a document: an instruction (HYPERLINK, PAGE, a
// reference manager's ADDIN ... with its data) and a result, the text Word
// shows. The result is article text; the instruction is not.
type docxField struct {
	instr  strings.Builder
	data   strings.Builder // w:fldData: base64 a field keeps beside its instruction (EndNote)
	result bool            // past its separator: the result is being read
	bib    bool            // a bibliography a reference manager or Word wrote
	toc    bool            // a table of contents, whose result repeats the headings: hidden too

	// A citation field: the works it cites, and where its result starts
	// in the paragraph that holds it.
	keys  []string
	para  *docxPara
	start int
	link  bool // a HYPERLINK field: a link is open until its end
}

// openField starts a field whose result follows at once (w:fldSimple).
func (w *docxWalker) openField(instr string) {
	w.fields = append(w.fields, docxField{})
	f := &w.fields[len(w.fields)-1]
	f.instr.WriteString(instr)
	w.beginResult(f)
}

// fldChar follows a complex field: begin, separate (the instruction is
// complete, the result follows) and end.
func (w *docxWalker) fldChar(typ string) {
	n := len(w.fields)
	switch typ {
	case "begin":
		w.fields = append(w.fields, docxField{})
		w.hidden++
	case "separate":
		if n > 0 && !w.fields[n-1].result {
			f := &w.fields[n-1]
			if f.toc = isTOCField(f.instr.String()); !f.toc {
				w.hidden--
			}
			w.beginResult(f)
		}
	case "end":
		if n == 0 {
			return
		}
		f := &w.fields[n-1]
		if !f.result || f.toc {
			w.hidden--
		}
		if f.bib {
			w.bibOpen--
		}
		w.endResult(f)
		if n > 1 && !w.fields[n-2].result && w.fields[n-2].data.Len() == 0 {
			// EndNote nests its data field (ADDIN EN.CITE.DATA) in the
			// instruction of the citation (ADDIN EN.CITE): the data is the
			// citation's.
			w.fields[n-2].data.WriteString(f.data.String())
		}
		w.fields = w.fields[:n-1]
	}
}

// beginResult is called where a field's result starts: what the
// instruction says decides how the result is read.
func (w *docxWalker) beginResult(f *docxField) {
	f.result = true
	instr := f.instr.String()
	if f.bib = isBibliographyField(instr); f.bib {
		w.bibOpen++
	}
	if w.hidden > 0 {
		return // inside another field's instruction, or a table of contents
	}
	if href, ok := hyperlinkField(instr); ok {
		f.link = true
		w.openLink(href)
	}
	if keys := w.citationKeys(instr, f.data.String()); len(keys) > 0 && w.cur != nil {
		w.cur.flushSup()
		f.keys, f.para, f.start = keys, w.cur, len(w.cur.b.text)
	}
}

// endResult closes what beginResult opened: the link of a HYPERLINK
// field, and the span of a citation field's result.
func (w *docxWalker) endResult(f *docxField) {
	if f.link {
		w.closeLink()
	}
	p := f.para
	if p == nil || p != w.cur {
		return // a citation whose result runs over paragraphs: read as text
	}
	p.flushSup()
	text := p.b.text
	start, end := f.start, len(text)
	for start < end && text[start] == ' ' {
		start++ // white space before the field, written when its result began
	}
	if start < end {
		p.fields = append(p.fields, corpus.CitationField{Start: start, End: end, Keys: f.keys})
	}
}

// hyperlinkField reads the address of a HYPERLINK field instruction:
// HYPERLINK "url" \l "anchor" \o "tip"; a \l alone points into the
// document.
func hyperlinkField(instr string) (string, bool) {
	args := fieldArgs(instr)
	if len(args) == 0 || !strings.EqualFold(args[0], "HYPERLINK") {
		return "", false
	}
	href, anchor := "", ""
	for i := 1; i < len(args); i++ {
		switch a := args[i]; {
		case strings.EqualFold(a, `\l`) && i+1 < len(args):
			anchor = args[i+1]
			i++
		case strings.HasPrefix(a, `\`):
			if i+1 < len(args) && !strings.HasPrefix(args[i+1], `\`) && (a == `\o` || a == `\t` || a == `\O` || a == `\T`) {
				i++ // a switch with an argument: the tip, the target frame
			}
		case href == "":
			href = a
		}
	}
	if anchor != "" {
		href += "#" + anchor
	}
	return href, true
}

// fieldArgs splits a field instruction into its words, a quoted argument
// being one word without its quotes.
func fieldArgs(instr string) []string {
	var out []string
	for i := 0; i < len(instr); {
		switch c := instr[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '"':
			j := strings.IndexByte(instr[i+1:], '"')
			if j < 0 {
				out = append(out, instr[i+1:])
				return out
			}
			out = append(out, instr[i+1:i+1+j])
			i += j + 2
		default:
			j := strings.IndexAny(instr[i:], " \t\n\r\"")
			if j < 0 {
				j = len(instr) - i
			}
			out = append(out, instr[i:i+j])
			i += j
		}
	}
	return out
}

// isTOCField reports whether a field instruction makes a table of
// contents (or of figures), which is no article text.
func isTOCField(instr string) bool {
	f := strings.Fields(instr)
	return len(f) > 0 && strings.EqualFold(f[0], "TOC")
}

// isBibliographyField reports whether a field instruction makes a
// reference list: Word's BIBLIOGRAPHY, Zotero's, Mendeley's and EndNote's.
func isBibliographyField(instr string) bool {
	f := strings.Fields(instr)
	if len(f) == 0 {
		return false
	}
	switch strings.ToUpper(f[0]) {
	case "BIBLIOGRAPHY":
		return true
	case "ADDIN":
		for _, mark := range []string{"ZOTERO_BIBL", "CSL_BIBLIOGRAPHY", "EN.REFLIST", "Mendeley Bibliography"} {
			if strings.Contains(instr, mark) {
				return true
			}
		}
	}
	return false
}

// symbolFont maps the characters of the Symbol font that articles use to
// Unicode.
var symbolFont = map[rune]rune{
	'a': 'α', 'b': 'β', 'c': 'χ', 'd': 'δ', 'e': 'ε', 'f': 'φ', 'g': 'γ', 'h': 'η', 'i': 'ι', 'k': 'κ',
	'l': 'λ', 'm': 'μ', 'n': 'ν', 'p': 'π', 'q': 'θ', 'r': 'ρ', 's': 'σ', 't': 'τ', 'u': 'υ', 'w': 'ω',
	'x': 'ξ', 'y': 'ψ', 'z': 'ζ', 'D': 'Δ', 'W': 'Ω', 'S': 'Σ', 'F': 'Φ', 'G': 'Γ', 'L': 'Λ', 'P': 'Π',
	'Q': 'Θ', 'Y': 'Ψ', 0x2D: '−', 0xB1: '±', 0xB4: '×', 0xB8: '÷', 0xA3: '≤', 0xB3: '≥', 0xB0: '°',
	0xAE: '→', 0xAC: '←', 0xB9: '≠', 0xBB: '≈', 0xA5: '∞', 0xD6: '√', 0xB7: '•',
}

// symbol returns the character of a w:sym, or 0 when it does not map
// (a Wingdings picture).
func symbol(font, char string) rune {
	n, err := strconv.ParseUint(char, 16, 32)
	if err != nil {
		return 0
	}
	r := rune(n)
	if r >= 0xF000 && r <= 0xF0FF {
		r -= 0xF000 // the private-use copy Word writes for symbol fonts
	}
	if strings.EqualFold(font, "Symbol") {
		return symbolFont[r]
	}
	if strings.HasPrefix(strings.ToLower(font), "wingdings") || strings.HasPrefix(strings.ToLower(font), "webdings") || r < 0x20 || r > 0x10FFFF || (r >= 0xD800 && r < 0xE000) {
		return 0
	}
	return r
}

package article

import (
	"strconv"
	"strings"
)

// docxField is a field of a document: an instruction (HYPERLINK, PAGE, a
// reference manager's ADDIN ... with its data) and a result, the text Word
// shows. The result is article text; the instruction is not.
type docxField struct {
	instr  strings.Builder
	result bool // past its separator: the result is being read
	bib    bool // a bibliography a reference manager or Word wrote
	toc    bool // a table of contents, whose result repeats the headings: hidden too
}

// openField starts a field whose result follows at once (w:fldSimple).
func (w *docxWalker) openField(instr string) {
	w.fields = append(w.fields, docxField{result: true, bib: isBibliographyField(instr)})
	if w.fields[len(w.fields)-1].bib {
		w.bibOpen++
	}
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
			f.result = true
			instr := f.instr.String()
			if f.toc = isTOCField(instr); !f.toc {
				w.hidden--
			}
			if f.bib = isBibliographyField(instr); f.bib {
				w.bibOpen++
			}
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
		w.fields = w.fields[:n-1]
	}
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

package bibtex

import (
	"fmt"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/textfile"
)

// Parser reads BibTeX files one after another. Like BibTeX given several
// files, it shares @string macros across them, so a file of abbreviations
// read first serves the files after it. A Parser is not safe for concurrent
// use; use one per import.
type Parser struct {
	macros map[string]string // lower-case name → expanded text
	// spelled and respelled record whether macros were used with another
	// case than defined; only tests comparing with case-sensitive parsers
	// care.
	spelled   map[string]bool
	respelled bool
	entries   []Entry
	preambles []string

	// input counts the bytes of every file parsed; expanded and inherited
	// the bytes that macro expansion and crossref inheritance have added,
	// each bounded by expansionBudget.
	input, expanded, inherited int64

	// Problems are entries that could not be read; they were skipped.
	Problems []corpus.Problem
	// Warnings are readable entries with something odd in them (an undefined
	// macro, a missing crossref parent); the entries were kept.
	Warnings []corpus.Problem
}

// NewParser returns a parser with no macros defined beyond the months.
func NewParser() *Parser {
	return &Parser{macros: map[string]string{}, spelled: map[string]bool{}}
}

// Parse reads one file and returns how many regular entries it held (good
// ones; bad ones are in Problems). It fails only when the file is not text
// at all (see textfile.Decode); a file with bad entries still yields its
// good ones.
func (p *Parser) Parse(name string, data []byte) (int, error) {
	src, warns, err := textfile.Decode(name, data)
	if err != nil {
		return 0, err
	}
	p.Warnings = append(p.Warnings, warns...)
	return p.ParseText(name, src), nil
}

// ParseText reads one file already decoded (see textfile.Decode) and
// returns how many regular entries it held.
func (p *Parser) ParseText(name, src string) int {
	p.input += int64(len(src))
	// Room for every entry the file can hold (one '@' each) up front: the
	// entries slice is the largest one a parse grows.
	p.entries = slices.Grow(p.entries, strings.Count(src, "@"))
	n := 0
	scanFile(name, src, func(it item) {
		switch it.kind {
		case itemString:
			f := it.entry.Fields[0]
			text := p.expand(&it.entry, f, nil)
			p.macros[strings.ToLower(f.Name)] = text
			p.spelled[f.Name] = true
		case itemPreamble:
			p.preambles = append(p.preambles, p.expand(&it.entry, it.entry.Fields[0], nil))
		case itemEntry:
			p.warnRepeated(&it.entry)
			p.entries = append(p.entries, it.entry)
			n++
		}
	}, func(pr corpus.Problem) { p.Problems = append(p.Problems, pr) },
		func(pr corpus.Problem) { p.Warnings = append(p.Warnings, pr) })
	return n
}

// warnRepeated notes fields given twice. Both are kept, so nothing is lost
// and export writes both (Zotero writes one file field per attachment); the
// first is the one used, as BibTeX uses it.
func (p *Parser) warnRepeated(e *Entry) {
	for i := 1; i < len(e.Fields); i++ {
		for j := 0; j < i; j++ {
			if e.Fields[j].Name == e.Fields[i].Name {
				p.Warnings = append(p.Warnings, corpus.Problem{File: e.File, Line: e.Fields[i].Line, Key: e.Key,
					Msg: fmt.Sprintf("field %s repeated; the first value is used and both are kept", e.Fields[i].Name)})
				break
			}
		}
	}
}

// Preambles returns the text of every @preamble read so far.
func (p *Parser) Preambles() []string { return p.preambles }

// Entries returns the entries read so far, in file order.
func (p *Parser) Entries() []Entry { return p.entries }

var months = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

func monthMacro(name string) int {
	for i, m := range months {
		if m == name {
			return i + 1
		}
	}
	return 0
}

// Macro expansion and crossref inheritance are bounded: each @string may be
// defined from others used twice, so forty lines could otherwise ask for a
// terabyte, and a thousand one-line entries that crossref a parent with a
// megabyte of abstract would each store a copy. Real files grow by about
// their own size (journal abbreviations, proceedings titles); the budget is
// far above that and still keeps what an import stores proportional to its
// input.
const (
	expansionAllowance = 16 << 20 // bytes any input may grow by
	expansionFactor    = 8        // and this many times its size
)

func (p *Parser) expansionBudget() int64 { return expansionAllowance + expansionFactor*p.input }

// macro returns the text of a defined macro, counting it against the
// budget; ok is false for an undefined macro and for one the budget has no
// room for (reported as a warning here).
func (p *Parser) macro(e *Entry, f RawField, name string) (text string, ok bool) {
	v, ok := p.macros[name]
	if !ok {
		return "", false
	}
	if p.expanded+int64(len(v)) > p.expansionBudget() {
		p.Warnings = append(p.Warnings, corpus.Problem{File: e.File, Line: f.Line, Key: e.Key,
			Msg: fmt.Sprintf("%s: macro %q not expanded: the input's macros would expand to more than %d MB (macros defined from each other twice over?); kept as text",
				fieldWhat(e, f), name, p.expansionBudget()>>20)})
		return "", false
	}
	p.expanded += int64(len(v))
	return v, true
}

// expand joins a field's parts into its text, expanding macros. It reports
// an undefined macro as a warning and keeps its name as the text, as BibTeX
// keeps going with a warning.
func (p *Parser) expand(e *Entry, f RawField, rawOut *string) string {
	if len(f.Parts) == 1 {
		pt := f.Parts[0]
		switch pt.Kind {
		case Braced, Quoted:
			if rawOut != nil {
				*rawOut = "{" + pt.Text + "}"
			}
			return pt.Text
		case Number:
			if rawOut != nil {
				*rawOut = pt.Text
			}
			return pt.Text
		}
		name := strings.ToLower(pt.Text)
		p.noteSpelling(pt.Text)
		if _, defined := p.macros[name]; defined {
			v, ok := p.macro(e, f, name)
			if !ok {
				v = pt.Text // as for an undefined macro, below
			}
			if rawOut != nil {
				if ok {
					*rawOut = "{" + v + "}"
				} else {
					*rawOut = pt.Text
				}
			}
			return v
		}
		if m := monthMacro(name); m > 0 {
			// A bare month stays a macro: every BibTeX style defines it.
			if rawOut != nil {
				*rawOut = name
			}
			return monthNames[m-1]
		}
		p.undefined(e, f, pt.Text)
		if rawOut != nil {
			*rawOut = pt.Text
		}
		return pt.Text
	}
	var b strings.Builder
	for _, pt := range f.Parts {
		if pt.Kind != Macro {
			b.WriteString(pt.Text)
			continue
		}
		name := strings.ToLower(pt.Text)
		p.noteSpelling(pt.Text)
		if _, defined := p.macros[name]; defined {
			if v, ok := p.macro(e, f, name); ok {
				b.WriteString(v)
			} else {
				b.WriteString(pt.Text)
			}
		} else if m := monthMacro(name); m > 0 {
			b.WriteString(monthNames[m-1])
		} else {
			p.undefined(e, f, pt.Text)
			b.WriteString(pt.Text)
		}
	}
	text := b.String()
	if rawOut != nil {
		*rawOut = "{" + text + "}"
	}
	return text
}

func (p *Parser) noteSpelling(name string) {
	if !p.spelled[name] && monthMacro(name) == 0 {
		p.respelled = true
	}
}

func (p *Parser) undefined(e *Entry, f RawField, name string) {
	p.Warnings = append(p.Warnings, corpus.Problem{File: e.File, Line: f.Line, Key: e.Key,
		Msg: fmt.Sprintf("%s: undefined macro %q kept as text", fieldWhat(e, f), name)})
}

// fieldWhat names a field, or the macro an @string defines, for messages.
func fieldWhat(e *Entry, f RawField) string {
	if e.Type == "string" {
		return "@string " + f.Name
	}
	return "field " + f.Name
}

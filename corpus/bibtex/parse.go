package bibtex

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/evident-tools/evident/corpus"
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

// ErrBinary is returned for input that is not text; the error names the
// line of the first NUL byte.
var ErrBinary = errors.New("binary file, not BibTeX (a NUL byte)")

// Parse reads one file and returns how many regular entries it held (good
// ones; bad ones are in Problems). It fails only when the file is not text
// at all; a file with bad entries still yields its good ones.
func (p *Parser) Parse(name string, data []byte) (int, error) {
	src, warn, err := decodeText(data)
	if err != nil {
		var le *lineError
		if errors.As(err, &le) {
			return 0, fmt.Errorf("%s:%d: %w", name, le.line, le.err)
		}
		return 0, fmt.Errorf("%s: %w", name, err)
	}
	if warn.Msg != "" {
		warn.File = name
		p.Warnings = append(p.Warnings, warn)
	}
	if clean, at := corpus.ReplaceControls(src); at >= 0 {
		src = clean
		p.Warnings = append(p.Warnings, corpus.Problem{File: name, Line: 1 + strings.Count(src[:at], "\n"),
			Msg: "control characters read as U+FFFD"})
	}
	p.input += int64(len(data))
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
	return n, nil
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

// decodeText turns file bytes into UTF-8 text: a UTF-8 or UTF-16 byte order
// mark is honoured; text that is not valid UTF-8 is read in the encoding its
// JabRef header names, else as Windows-1252, with a warning at the line of
// the first byte that is not UTF-8. Input with a NUL byte is binary, a
// *lineError at its line.
func decodeText(data []byte) (string, corpus.Problem, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", corpus.Problem{}, fmt.Errorf("bad UTF-16: %w", err)
		}
		if i := binaryAt(out); i >= 0 {
			return "", corpus.Problem{}, &lineError{line: lineAt(out, i), err: ErrBinary}
		}
		return string(out), corpus.Problem{}, nil
	}
	if enc, ok := bomlessUTF16(data); ok {
		out, err := enc.NewDecoder().Bytes(data)
		if err == nil && binaryAt(out) < 0 {
			return string(out), corpus.Problem{Line: 1, Msg: "UTF-16 without a byte order mark; read as UTF-16"}, nil
		}
	}
	if i := binaryAt(data); i >= 0 {
		return "", corpus.Problem{}, &lineError{line: lineAt(data, i), err: ErrBinary}
	}
	if utf8.Valid(data) {
		return string(data), corpus.Problem{}, nil
	}
	enc, name := declaredEncoding(data)
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", corpus.Problem{}, fmt.Errorf("not valid UTF-8 nor %s: %w", name, err)
	}
	bad := 0
	for bad < len(data) {
		r, size := utf8.DecodeRune(data[bad:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		bad += size
	}
	return string(out), corpus.Problem{Line: lineAt(data, bad), Msg: "not valid UTF-8; read as " + name}, nil
}

// lineError is a problem with a whole file found at one line of it.
type lineError struct {
	line int
	err  error
}

func (e *lineError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }
func (e *lineError) Unwrap() error { return e.err }

// lineAt returns the line of byte offset i.
func lineAt(data []byte, i int) int { return 1 + bytes.Count(data[:i], []byte("\n")) }

// bomlessUTF16 gives the decoder of UTF-16 text without a byte order mark
// (see corpus.BOMlessUTF16).
func bomlessUTF16(data []byte) (encoding.Encoding, bool) {
	big, ok := corpus.BOMlessUTF16(data)
	switch {
	case !ok:
		return nil, false
	case big:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), true
	}
	return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), true
}

// binaryAt returns the offset of a NUL byte near the start, which no text
// encoding evident reads (other than UTF-16, handled before) produces, or
// -1. Further in, a stray NUL is read as U+FFFD, as other control
// characters are, rather than losing a whole library to it.
func binaryAt(data []byte) int { return bytes.IndexByte(data[:min(len(data), 8000)], 0) }

// declaredEncoding reads JabRef's "% Encoding: NAME" header.
func declaredEncoding(data []byte) (encoding.Encoding, string) {
	head := data
	if len(head) > 2000 {
		head = head[:2000]
	}
	// Lower-case ASCII only: bytes.ToLower turns each invalid byte (this
	// text is not UTF-8) into three, and the offset would not be head's.
	lower := make([]byte, len(head))
	for k, c := range head {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[k] = c
	}
	if i := bytes.Index(lower, []byte("% encoding:")); i >= 0 {
		rest := head[i+len("% encoding:"):]
		if j := bytes.IndexAny(rest, "\r\n"); j >= 0 {
			rest = rest[:j]
		}
		switch strings.ToLower(strings.TrimSpace(string(rest))) {
		case "iso-8859-1", "iso8859_1", "latin1":
			return charmap.ISO8859_1, "ISO-8859-1"
		case "iso-8859-15", "iso8859_15":
			return charmap.ISO8859_15, "ISO-8859-15"
		}
	}
	return charmap.Windows1252, "Windows-1252"
}

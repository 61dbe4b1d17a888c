package bibtex

import (
	"fmt"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// Entry is one regular entry as written in a file, before macro expansion
// turns its values into text.
type Entry struct {
	Type   string // lower-case
	Key    string
	File   string
	Line   int    // line of the '@'
	Raw    string // source text from '@' to the closing delimiter
	Fields []RawField
}

// RawField is a field whose value is still a list of parts joined by '#'.
type RawField struct {
	Name  string // lower-case
	Line  int
	Parts []Part
}

// PartKind says how a value part was written.
type PartKind uint8

// The kinds of value part.
const (
	Braced PartKind = iota // {text}
	Quoted                 // "text"
	Number                 // 2019
	Macro                  // jan, or a name defined by @string
)

// Part is one piece of a field value. Text is the content without the outer
// delimiters, or the macro name.
type Part struct {
	Kind PartKind
	Text string
}

// item is what the scanner yields for each '@' construct.
type itemKind uint8

const (
	itemEntry itemKind = iota
	itemString
	itemPreamble
)

type item struct {
	kind  itemKind
	entry Entry // itemEntry; for itemString the one field is the macro
}

// scanner walks a decoded file. It keeps no state beyond its position, so
// one bad entry can be abandoned and scanning resumed at the next one.
type scanner struct {
	file string
	src  string
	pos  int
	line int

	// fields and parts collect the entry being read; a finished entry
	// copies them out in one allocation each (see own), instead of growing
	// a slice per entry and one more per field.
	fields []RawField
	parts  []Part

	// repairs are what the scanner read past in the entry being read, as
	// BibTeX would not have (a missing comma, one too many): warnings that
	// are given only if the entry is kept.
	repairs []corpus.Problem

	// runOn is the first value of the current entry that runs on into a
	// line reading like the next field: where its braces stopped
	// balancing, named when the entry never closes.
	runOn runOn
}

type runOn struct {
	open  int    // line where the value's '{' opened
	field string // the field the value belongs to
	line  int    // the line that reads like the next field
	next  string // and that field's name
}

type scanError struct {
	line int
	msg  string
	text bool // not an entry at all, only an '@' in text between entries
}

func (s *scanner) fail(line int, format string, args ...any) *scanError {
	return &scanError{line: line, msg: fmt.Sprintf(format, args...)}
}

// scanFile splits src into items, reporting each malformed entry and going on
// with the next one.
func scanFile(file, src string, yield func(item), problem, warn func(corpus.Problem)) {
	s := &scanner{file: file, src: src, line: 1}
	for s.skipToAt() {
		start, startLine := s.pos, s.line
		s.pos++ // '@'
		s.skipSpace()
		typ := s.ident()
		if typ == "" {
			// A stray '@' between entries is text, as BibTeX treats it.
			continue
		}
		lt := strings.ToLower(typ)
		if lt == "comment" {
			if !s.skipComment() {
				// Entries meant to be commented out are read after all.
				warn(corpus.Problem{File: file, Line: startLine,
					Msg: "@comment never closed; the entries after it are read"})
			}
			continue
		}
		s.repairs = s.repairs[:0]
		it, key, err := s.body(lt, start, startLine)
		if err != nil {
			if err.text {
				// "@word" with no entry after it ("email @ noon", "uses
				// @string macros" in a header): no entry was lost.
				warn(corpus.Problem{File: file, Line: err.line, Msg: err.msg})
				continue
			}
			problem(corpus.Problem{File: file, Line: err.line, Key: key, Msg: err.msg})
			s.resync(start)
			continue
		}
		for _, r := range s.repairs {
			warn(r)
		}
		if it.kind == itemEntry {
			s.checkAfterEntry(&it.entry, warn)
		}
		yield(it)
	}
}

// repaired notes something the scanner read past in the current entry.
func (s *scanner) repaired(line int, key, format string, args ...any) {
	s.repairs = append(s.repairs, corpus.Problem{File: s.file, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// checkAfterEntry warns when the entry's closing delimiter is followed by
// a comma and what reads like another field ("}, year = 2001," on the same
// line or the next): a '}' too many in a value closed the entry early, and
// the fields after it became text between entries, which BibTeX and every
// reader after it ignore without a word.
func (s *scanner) checkAfterEntry(e *Entry, warn func(corpus.Problem)) {
	closeLine := s.line
	i := s.pos
	for i < len(s.src) && (s.src[i] == ' ' || s.src[i] == '\t') {
		i++
	}
	if i >= len(s.src) || s.src[i] != ',' {
		return
	}
	line := closeLine
	for i < len(s.src) {
		c := s.src[i]
		if c == '\n' {
			if line > closeLine {
				break
			}
			line++
		} else if c != ' ' && c != '\t' && c != '\r' && c != ',' {
			break
		}
		i++
	}
	name, ok := fieldLike(s.src, i)
	if !ok {
		return
	}
	warn(corpus.Problem{File: s.file, Line: line, Key: e.Key,
		Msg: fmt.Sprintf("field %s is after the end of the entry (line %d) and is ignored: a '%c' too many before it?", name, closeLine, s.src[s.pos-1])})
}

// fieldLike reports whether the text at i starts like a field, "name =
// {", "name = \"", or "name = word," ending its line, and returns the name.
// It tells a field that a misplaced brace moved into text or into another
// value from prose that happens to hold an '='.
func fieldLike(src string, i int) (string, bool) {
	start := i
	for i < len(src) && identChar(src[i]) {
		i++
	}
	name := src[start:i]
	if name == "" || !isAlpha(name[0]) {
		return "", false
	}
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i >= len(src) || src[i] != '=' {
		return "", false
	}
	i++
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i < len(src) && (src[i] == '{' || src[i] == '"') {
		return strings.ToLower(name), true
	}
	w := i
	for i < len(src) && identChar(src[i]) {
		i++
	}
	if i == w || i >= len(src) || src[i] != ',' {
		return "", false
	}
	for i++; i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r'); i++ {
	}
	if i < len(src) && src[i] != '\n' {
		return "", false
	}
	return strings.ToLower(name), true
}

// skipToAt moves to the next '@' outside an entry; false at end of input.
func (s *scanner) skipToAt() bool {
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c == '@' {
			return true
		}
		if c == '\n' {
			s.line++
		}
		s.pos++
	}
	return false
}

// resync abandons a bad entry: scanning resumes at the next line that starts
// with '@' after the entry's start.
func (s *scanner) resync(start int) {
	if s.pos <= start {
		s.pos = start + 1
		return
	}
	// The error position may already be at such a line (an entry that never
	// closed runs into the next one); otherwise skip to one.
	if s.atLineStartAt() {
		return
	}
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		s.pos++
		if c == '\n' {
			s.line++
			if s.atLineStartAt() {
				return
			}
		}
	}
}

// atLineStartAt reports whether pos is at an '@' preceded on its line only by
// blanks.
func (s *scanner) atLineStartAt() bool {
	i := s.pos
	for i < len(s.src) && (s.src[i] == ' ' || s.src[i] == '\t') {
		i++
	}
	if i >= len(s.src) || s.src[i] != '@' {
		return false
	}
	for j := s.pos - 1; j >= 0; j-- {
		switch s.src[j] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// newEntryAhead reports whether the text at pos, at the start of a line,
// begins a new entry: '@', a type name, then '{' or '('. It is how an entry
// that never closed is told apart from an '@' inside a value.
func (s *scanner) newEntryAhead() bool {
	i := s.pos
	for i < len(s.src) && (s.src[i] == ' ' || s.src[i] == '\t') {
		i++
	}
	if i >= len(s.src) || s.src[i] != '@' {
		return false
	}
	i++
	j := i
	for j < len(s.src) && isAlpha(s.src[j]) {
		j++
	}
	if j == i {
		return false
	}
	for j < len(s.src) && (s.src[j] == ' ' || s.src[j] == '\t') {
		j++
	}
	return j < len(s.src) && (s.src[j] == '{' || s.src[j] == '(')
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.src) {
		switch s.src[s.pos] {
		case '\n':
			s.line++
			fallthrough
		case ' ', '\t', '\r', '\f', '\v':
			s.pos++
		default:
			return
		}
	}
}

// skipSpaceAndComments skips blanks and, between the fields of an entry,
// '%' line comments: BibTeX itself has none, but exporters and people write
// them to switch a field off, and biber skips them.
func (s *scanner) skipSpaceAndComments() {
	for {
		s.skipSpace()
		if s.pos >= len(s.src) || s.src[s.pos] != '%' {
			return
		}
		for s.pos < len(s.src) && s.src[s.pos] != '\n' {
			s.pos++
		}
	}
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// identChar reports the characters BibTeX allows in type, field and macro
// names. Non-ASCII bytes are allowed so that names in other scripts survive.
func identChar(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\v', '{', '}', '(', ')', ',', '=', '"', '#', '%', '\'', '@', '\\':
		return false
	}
	return c > ' '
}

// peekIdent returns the lower-cased name at pos without moving past it.
func (s *scanner) peekIdent() string {
	i := s.pos
	for i < len(s.src) && identChar(s.src[i]) {
		i++
	}
	return strings.ToLower(s.src[s.pos:i])
}

func (s *scanner) ident() string {
	start := s.pos
	for s.pos < len(s.src) && identChar(s.src[s.pos]) {
		s.pos++
	}
	return s.src[start:s.pos]
}

// skipComment skips an @comment: a balanced group when one follows, else
// nothing more (BibTeX ignores the word and treats the rest as text). It
// reports false for a group that never closes.
func (s *scanner) skipComment() bool {
	s.skipSpace()
	if s.pos >= len(s.src) {
		return true
	}
	open := s.src[s.pos]
	if open != '{' && open != '(' {
		return true
	}
	save, saveLine := s.pos, s.line
	// Entries commented out inside @comment{...} stay comment, as biber
	// reads them: only the braces count here.
	if _, err := s.groupUntil(open, false); err != nil {
		// An unbalanced comment swallows nothing: go on after the word,
		// as BibTeX does. Entries meant to be commented out are then read,
		// so say so.
		s.pos, s.line = save+1, saveLine
		return false
	}
	return true
}

func closer(open byte) byte {
	if open == '(' {
		return ')'
	}
	return '}'
}

// body reads what follows "@type": the delimited entry, string or preamble.
func (s *scanner) body(typ string, start, startLine int) (item, string, *scanError) {
	s.skipSpace()
	if s.pos >= len(s.src) {
		return item{}, "", s.fail(startLine, "@%s at end of file", typ)
	}
	open := s.src[s.pos]
	if open != '{' && open != '(' {
		err := s.fail(s.line, "@%s is not followed by { or (; read as text between entries", typ)
		err.text = true
		return item{}, "", err
	}
	s.pos++
	close := closer(open)
	e := Entry{Type: typ, File: s.file, Line: startLine}
	s.fields, s.parts = s.fields[:0], s.parts[:0]
	s.runOn = runOn{}
	switch typ {
	case "preamble":
		parts, err := s.value(close)
		if err != nil {
			return item{}, "", err
		}
		s.skipSpace()
		if err := s.expect(close, "@preamble"); err != nil {
			return item{}, "", err
		}
		e.Fields = s.own([]RawField{{Name: "preamble", Line: startLine, Parts: parts}})
		e.Raw = s.src[start:s.pos]
		return item{kind: itemPreamble, entry: e}, "", nil
	case "string":
		s.skipSpace()
		name := s.ident()
		if name == "" {
			return item{}, "", s.fail(s.line, "@string without a name")
		}
		f, err := s.fieldRest(name, close)
		if err != nil {
			return item{}, name, err
		}
		f.Name = name // macro names keep their spelling; Parser folds case
		s.skipSpace()
		if s.pos < len(s.src) && s.src[s.pos] == ',' {
			s.repaired(s.line, "", "@string %s: ',' after the value ignored", name)
			s.pos++
			s.skipSpace()
		}
		if err := s.expect(close, "@string "+name); err != nil {
			return item{}, name, err
		}
		e.Fields = s.own([]RawField{f})
		e.Raw = s.src[start:s.pos]
		return item{kind: itemString, entry: e}, name, nil
	}

	s.skipSpace()
	keyStart, keyLine := s.pos, s.line
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		if c == ',' || c == close || c == '\n' || c == '\r' || c == ' ' || c == '\t' {
			break
		}
		if c == '=' || c == '{' || c == '}' && close != '}' {
			break
		}
		s.pos++
	}
	e.Key = s.src[keyStart:s.pos]
	s.skipSpace()
	if s.pos < len(s.src) && s.src[s.pos] == '=' {
		// "@article{title = ..." : the key is missing and this is a field.
		return item{}, "", s.fail(startLine, "@%s has no citation key", typ)
	}
	if e.Key == "" && s.pos < len(s.src) && s.src[s.pos] == ',' {
		return item{}, "", s.fail(startLine, "@%s has no citation key", typ)
	}
	if e.Key != "" {
		s.skipSpaceAndComments()
		if s.pos < len(s.src) && identChar(s.src[s.pos]) {
			// "@article{smith2019 title = ...": BibTeX stops here; the
			// field is read as if the comma were there.
			s.repaired(keyLine, e.Key, "no ',' after the key; read as if there were one before field %s", s.peekIdent())
		}
	}
	commas := 0 // in a row, since the key or the last field
	for {
		s.skipSpaceAndComments()
		if s.pos >= len(s.src) {
			return item{}, e.Key, s.fail(startLine, "entry never closed: end of file reached%s", s.runOn.hint())
		}
		c := s.src[s.pos]
		if c == close {
			s.pos++
			break
		}
		if c == ',' {
			if commas++; commas == 2 {
				s.repaired(s.line, e.Key, "',' repeated; read as one")
			}
			s.pos++
			continue
		}
		commas = 0
		if c == '@' && s.atLineStartAt() && s.newEntryAhead() {
			return item{}, e.Key, s.fail(startLine, "entry never closed: line %d starts another entry%s", s.line, s.runOn.hint())
		}
		fieldLine := s.line
		name := s.ident()
		if name == "" {
			return item{}, e.Key, s.fail(s.line, "expected a field name, found %q", string(c))
		}
		f, err := s.fieldRest(name, close)
		if err != nil {
			return item{}, e.Key, err
		}
		f.Line = fieldLine
		s.fields = append(s.fields, f)
		s.skipSpaceAndComments()
		if s.pos < len(s.src) && s.src[s.pos] != ',' && s.src[s.pos] != close {
			if s.src[s.pos] == '@' && s.atLineStartAt() && s.newEntryAhead() {
				return item{}, e.Key, s.fail(startLine, "entry never closed: line %d starts another entry%s", s.line, s.runOn.hint())
			}
			return item{}, e.Key, s.fail(s.line, "field %s: expected ',' or '%c' after the value, found %q", f.Name, close, string(s.src[s.pos]))
		}
	}
	if e.Key == "" {
		return item{}, "", s.fail(startLine, "@%s has no citation key", typ)
	}
	e.Fields = s.own(s.fields)
	e.Raw = s.src[start:s.pos]
	return item{kind: itemEntry, entry: e}, e.Key, nil
}

// own copies an entry's fields, and their parts, out of the scanner's
// buffers into storage of their own, exactly as large as needed. Until then
// the fields' Parts point into s.parts, which the next entry reuses.
func (s *scanner) own(fields []RawField) []RawField {
	if len(fields) == 0 {
		return nil
	}
	n := 0
	for _, f := range fields {
		n += len(f.Parts)
	}
	out := make([]RawField, len(fields))
	parts := make([]Part, 0, n)
	for i, f := range fields {
		start := len(parts)
		parts = append(parts, f.Parts...)
		f.Parts = parts[start:len(parts):len(parts)]
		out[i] = f
	}
	return out
}

func (s *scanner) expect(c byte, what string) *scanError {
	if s.pos >= len(s.src) {
		return s.fail(s.line, "%s never closed: end of file reached", what)
	}
	if s.src[s.pos] != c {
		return s.fail(s.line, "%s: expected '%c', found %q", what, c, string(s.src[s.pos]))
	}
	s.pos++
	return nil
}

// fieldRest reads "= value" after a field or macro name.
func (s *scanner) fieldRest(name string, close byte) (RawField, *scanError) {
	f := RawField{Name: strings.ToLower(name), Line: s.line}
	s.skipSpace()
	if s.pos >= len(s.src) || s.src[s.pos] != '=' {
		found := "end of file"
		if s.pos < len(s.src) {
			found = fmt.Sprintf("%q", string(s.src[s.pos]))
		}
		return f, s.fail(s.line, "field %s: expected '=', found %s", f.Name, found)
	}
	s.pos++
	parts, err := s.value(close)
	if err != nil {
		err.msg = "field " + f.Name + ": " + err.msg
		return f, err
	}
	if s.runOn.line != 0 && s.runOn.field == "" {
		s.runOn.field = f.Name
	}
	f.Parts = parts
	return f, nil
}

// value reads parts joined by '#'. They are appended to s.parts, and the
// slice returned is valid until the next entry starts.
func (s *scanner) value(close byte) ([]Part, *scanError) {
	first := len(s.parts)
	for {
		s.skipSpace()
		if s.pos >= len(s.src) {
			return nil, s.fail(s.line, "value missing at end of file")
		}
		c := s.src[s.pos]
		switch {
		case c == '{':
			text, err := s.group('{')
			if err != nil {
				return nil, err
			}
			s.parts = append(s.parts, Part{Kind: Braced, Text: text})
		case c == '"':
			text, err := s.quoted()
			if err != nil {
				return nil, err
			}
			s.parts = append(s.parts, Part{Kind: Quoted, Text: text})
		case c >= '0' && c <= '9':
			start := s.pos
			for s.pos < len(s.src) && identChar(s.src[s.pos]) {
				s.pos++
			}
			word := s.src[start:s.pos]
			kind := Number
			for i := 0; i < len(word); i++ {
				if word[i] < '0' || word[i] > '9' {
					kind = Macro
					break
				}
			}
			s.parts = append(s.parts, Part{Kind: kind, Text: word})
		case identChar(c):
			s.parts = append(s.parts, Part{Kind: Macro, Text: s.ident()})
		case c == ',' || c == close:
			if len(s.parts) == first {
				return nil, s.fail(s.line, "empty value")
			}
			return nil, s.fail(s.line, "value ends with '#'")
		default:
			return nil, s.fail(s.line, "unexpected %q in value", string(c))
		}
		s.skipSpace()
		if s.pos < len(s.src) && s.src[s.pos] == '#' {
			s.pos++
			continue
		}
		return s.parts[first:len(s.parts):len(s.parts)], nil
	}
}

// group reads a balanced group starting at the opening delimiter and returns
// its content. Every brace counts, escaped or not, as it does for BibTeX and
// biber, so that files they accept split the same way. A line that starts a new entry ends the search: the group was
// never closed, and the error says where it began.
func (s *scanner) group(open byte) (string, *scanError) {
	return s.groupUntil(open, true)
}

// groupUntil is group; stopAtEntry says whether a line that starts a new
// entry ends the search.
func (s *scanner) groupUntil(open byte, stopAtEntry bool) (string, *scanError) {
	close := closer(open)
	startLine := s.line
	s.pos++
	start := s.pos
	depth := 1
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch c {
		case '\n':
			s.line++
			s.pos++
			if !stopAtEntry {
				continue
			}
			if s.newEntryAhead() {
				return "", s.fail(startLine, "'%c' opened on line %d never closed before the entry on line %d", open, startLine, s.line)
			}
			if s.runOn.line == 0 {
				s.noteRunOn(startLine)
			}
			continue
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				text := s.src[start:s.pos]
				s.pos++
				return text, nil
			}
		}
		s.pos++
	}
	return "", s.fail(startLine, "'%c' opened on line %d never closed", open, startLine)
}

// noteRunOn records, at the start of a line inside a value opened on line
// open, whether the line reads like the next field ("  doi = {...},"): the
// value's braces do not balance, and it has run on into the fields after
// it. An entry that then never closes names the place (runOn.hint).
func (s *scanner) noteRunOn(open int) {
	i := s.pos
	for i < len(s.src) && (s.src[i] == ' ' || s.src[i] == '\t') {
		i++
	}
	if name, ok := fieldLike(s.src, i); ok {
		s.runOn = runOn{open: open, line: s.line, next: name}
	}
}

// hint says where an entry that never closed went wrong, when a value ran
// on into the next field; "" when none did (the closing brace is missing).
func (r runOn) hint() string {
	if r.line == 0 || r.field == "" {
		return ""
	}
	return fmt.Sprintf(" (the braces of field %s do not balance on line %d: its value runs on into field %s on line %d)", r.field, r.open, r.next, r.line)
}

// quoted reads a "..." value; quotes inside braces do not end it.
func (s *scanner) quoted() (string, *scanError) {
	startLine := s.line
	s.pos++
	start := s.pos
	depth := 0
	for s.pos < len(s.src) {
		c := s.src[s.pos]
		switch c {
		case '\n':
			s.line++
			s.pos++
			if s.newEntryAhead() {
				return "", s.fail(startLine, "quote opened on line %d never closed before the entry on line %d", startLine, s.line)
			}
			continue
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return "", s.fail(s.line, "unbalanced '}' in quoted value")
			}
		case '"':
			if depth == 0 {
				text := s.src[start:s.pos]
				s.pos++
				return text, nil
			}
		}
		s.pos++
	}
	return "", s.fail(startLine, "quote opened on line %d never closed", startLine)
}

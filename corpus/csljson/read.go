package csljson

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/textfile"
)

// Result is what Read made of one file.
type Result struct {
	Refs []*corpus.Reference
	// Problems are items that could not be read; they were skipped.
	Problems []corpus.Problem
	// Warnings are kept items with something odd in them.
	Warnings []corpus.Problem
}

// Read reads a CSL-JSON file: its bytes are decoded as textfile.Decode
// says (the decoding warnings come first in Warnings), and the text read
// as ReadText reads it. The only error is for a file that is not text.
func Read(name string, data []byte) (*Result, error) {
	text, warns, err := textfile.Decode(name, data)
	if err != nil {
		return nil, err
	}
	res := ReadText(name, text)
	res.Warnings = append(warns, res.Warnings...)
	return res, nil
}

// reader is one ReadText under way.
type reader struct {
	name  string
	text  string
	lines lineIndex
	res   *Result
	n     int // items seen, for "item N"
}

// ReadText reads the text of a CSL-JSON file: an array of items, an object
// whose "items" member is that array, or one item object. An item that is
// not an object, or holds nothing a CSL item has, is reported as a Problem
// at its line and the other items still read; text that is not JSON is
// reported at the line where it stops being JSON, and the items before it
// are kept.
func ReadText(name, text string) *Result {
	r := &reader{name: name, text: text, lines: newLineIndex(text), res: &Result{}}
	dec := json.NewDecoder(strings.NewReader(text))
	start := r.skipSpace(0)
	tok, err := dec.Token()
	switch {
	case err == io.EOF:
		// An empty file holds no items.
	case err != nil:
		r.syntax(dec, err)
	case tok == json.Delim('['):
		r.array(dec)
	case tok == json.Delim('{'):
		r.object(dec, start)
	default:
		r.problem(r.lines.line(start), "not CSL-JSON: expected an array of items or an object, found %s", describe(tok))
	}
	r.assignKeys()
	return r.res
}

// array reads the items of an array whose '[' dec has read.
func (r *reader) array(dec *json.Decoder) {
	for dec.More() {
		start := r.skipSpace(int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			r.syntax(dec, err)
			return
		}
		r.item(start, raw)
	}
	if _, err := dec.Token(); err != nil {
		r.syntax(dec, err)
	}
}

// object reads an object whose '{' at start dec has read: a wrapper whose
// "items" array holds the items, or else one item.
func (r *reader) object(dec *json.Decoder, start int) {
	members := map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			r.syntax(dec, err)
			return
		}
		key, _ := tok.(string)
		if key == "items" {
			at := r.skipSpace(int(dec.InputOffset()))
			if at < len(r.text) && r.text[at] == '[' {
				if _, err := dec.Token(); err != nil {
					r.syntax(dec, err)
					return
				}
				r.array(dec)
				return
			}
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			r.syntax(dec, err)
			return
		}
		members[key] = raw
	}
	if _, err := dec.Token(); err != nil {
		r.syntax(dec, err)
		return
	}
	r.n++
	r.add(start, members, r.text[start:r.skipBack(int(dec.InputOffset()))])
}

// item reads one member of the items array.
func (r *reader) item(start int, raw json.RawMessage) {
	r.n++
	var members map[string]json.RawMessage
	if err := json.Unmarshal(raw, &members); err != nil || members == nil {
		r.problem(r.lines.line(start), "item %d is %s, not an object", r.n, describe(firstToken(raw)))
		return
	}
	r.add(start, members, string(raw))
}

// add builds the reference of one item read at start, or reports why not.
func (r *reader) add(start int, members map[string]json.RawMessage, raw string) {
	line := r.lines.line(start)
	if !looksLikeItem(members) {
		r.problem(line, "item %d has no type, title, author, date, DOI or URL; not a CSL item", r.n)
		return
	}
	ref, warns := build(members)
	ref.Raw = raw
	ref.Source = corpus.Source{File: r.name, Line: line}
	for _, w := range warns {
		r.res.Warnings = append(r.res.Warnings, corpus.Problem{File: r.name, Line: line, Msg: fmt.Sprintf("item %d: %s", r.n, w)})
	}
	r.res.Refs = append(r.res.Refs, ref)
}

// looksLikeItem reports whether an object has something only a CSL item has.
func looksLikeItem(members map[string]json.RawMessage) bool {
	for _, k := range []string{"type", "title", "author", "editor", "issued", "DOI", "URL", "container-title"} {
		if _, ok := members[k]; ok {
			return true
		}
	}
	return false
}

// assignKeys gives every reference a key unique within the file: its
// citation-key, or its id when that looks like a key (build put either in
// Key), else bibtex.MakeKey's, with a, b, ... appended to a key taken.
func (r *reader) assignKeys() {
	var keys bibtex.Keys
	for _, ref := range r.res.Refs {
		base := ref.Key
		if base == "" {
			base = bibtex.MakeKey(ref)
		}
		key := keys.Take(base)
		if key != base && ref.Key == base {
			r.res.Warnings = append(r.res.Warnings, corpus.Problem{File: r.name, Line: ref.Source.Line, Key: key,
				Msg: fmt.Sprintf("key %q used by an earlier item; renamed %s", base, key)})
		}
		ref.Key = key
	}
}

func (r *reader) problem(line int, format string, args ...any) {
	r.res.Problems = append(r.res.Problems, corpus.Problem{File: r.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// syntax reports JSON that stops being JSON, at the line where it does.
func (r *reader) syntax(dec *json.Decoder, err error) {
	off := int(dec.InputOffset())
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = int(se.Offset)
	}
	msg := err.Error()
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		msg, off = "unexpected end of file", len(r.text)
	}
	r.problem(r.lines.line(min(off, len(r.text))), "invalid JSON after item %d: %s; the rest of the file is not read", r.n, msg)
}

// skipSpace returns the offset of the first byte at or after off that is
// not JSON white space or the comma between values.
func (r *reader) skipSpace(off int) int {
	for off < len(r.text) && strings.IndexByte(" \t\r\n,:", r.text[off]) >= 0 {
		off++
	}
	return off
}

// skipBack returns end with white space before it trimmed.
func (r *reader) skipBack(end int) int {
	end = min(end, len(r.text))
	for end > 0 && strings.IndexByte(" \t\r\n", r.text[end-1]) >= 0 {
		end--
	}
	return end
}

func firstToken(raw json.RawMessage) json.Token {
	tok, err := json.NewDecoder(strings.NewReader(string(raw))).Token()
	if err != nil {
		return nil
	}
	return tok
}

// describe names a JSON token for a message.
func describe(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			return "an array"
		}
		return "an object"
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return "something else"
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int // offsets of the starts of lines 2, 3, ...

func newLineIndex(text string) lineIndex {
	var idx lineIndex
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

func (idx lineIndex) line(off int) int {
	return sort.SearchInts(idx, off+1) + 1
}

// Sniff reports whether text is CSL-JSON beyond doubt: its first character
// other than white space is '[' or '{', and it starts as JSON whose first
// item (or the object itself) has a type, a title or an issued date. Only
// the start is parsed, so that sniffing a large file costs little.
func Sniff(text string) bool {
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	if t == "" || (t[0] != '[' && t[0] != '{') {
		return false
	}
	dec := json.NewDecoder(strings.NewReader(t))
	tok, err := dec.Token()
	if err != nil {
		return false
	}
	if tok == json.Delim('{') {
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				return false
			}
			switch tok {
			case "type", "title", "issued":
				return true
			case "items":
				if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
					return false
				}
				return sniffFirst(dec)
			}
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return false
			}
		}
		return false
	}
	return sniffFirst(dec)
}

// sniffFirst reports whether the first member of the array dec is in has
// the keys of a CSL item.
func sniffFirst(dec *json.Decoder) bool {
	var first map[string]json.RawMessage
	if !dec.More() || dec.Decode(&first) != nil {
		return false
	}
	for _, k := range []string{"type", "title", "issued"} {
		if _, ok := first[k]; ok {
			return true
		}
	}
	return false
}

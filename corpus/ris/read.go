package ris

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/textfile"
)

// Result is what Read made of one file.
type Result struct {
	Refs []*corpus.Reference
	// Problems are records that could not be read; they were skipped.
	Problems []corpus.Problem
	// Warnings are kept records with something odd in them.
	Warnings []corpus.Problem
}

// tag is one tagged value of a record, continuation lines joined.
type tag struct {
	name  string
	value string
	line  int
}

// record is one TY ... ER block as read.
type record struct {
	line int // of the TY line
	tags []tag
	src  []string // the record's lines, for Reference.Raw
}

// Read reads a RIS file: its bytes are decoded as textfile.Decode says
// (the decoding warnings come first in Warnings), and the text read as
// ReadText reads it. The only error is for a file that is not text.
func Read(name string, data []byte) (*Result, error) {
	text, warns, err := textfile.Decode(name, data)
	if err != nil {
		return nil, err
	}
	res := ReadText(name, text)
	res.Warnings = append(warns, res.Warnings...)
	return res, nil
}

// ReadText reads the text of a RIS file. It is tolerant of what real
// exports contain: CRLF or CR line ends, blank lines anywhere, a value
// continued on untagged lines, tags written with one space before the
// hyphen, repeated and unknown tags (kept). A record with no TY, an ER with
// no TY, text outside any record, and a record not closed by ER are
// reported as Problems at their line, and the other records still read.
func ReadText(name, src string) *Result {
	res := &Result{}
	var (
		rec     *record
		orphan  bool // skipping the tags of a record that has no TY
		garbage bool // inside a run of lines that are not tags
	)
	problem := func(line int, format string, args ...any) {
		res.Problems = append(res.Problems, corpus.Problem{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	lineNo := 0
	for len(src) > 0 {
		lineNo++
		var line string
		line, src = textfile.NextLine(src)
		tagName, value, isTag := parseTag(line)
		if !isTag {
			switch {
			case strings.TrimSpace(line) == "":
				garbage = false
			case rec != nil:
				// An untagged line inside a record continues the value
				// before it (EndNote and some databases wrap abstracts).
				rec.src = append(rec.src, line)
				if n := len(rec.tags); n > 0 {
					t := &rec.tags[n-1]
					t.value = strings.TrimSpace(t.value + " " + strings.TrimSpace(line))
				}
			case orphan:
			case !garbage:
				problem(lineNo, "not a RIS tag line (want %q): %s", "XX  - value", clip(line))
				garbage = true
			}
			continue
		}
		garbage = false
		switch tagName {
		case "TY":
			if rec != nil {
				problem(rec.line, "record has no ER line before the next TY at line %d; skipped", lineNo)
			}
			rec = &record{line: lineNo, src: []string{line}}
			rec.tags = append(rec.tags, tag{name: tagName, value: value, line: lineNo})
			orphan = false
		case "ER":
			switch {
			case rec != nil:
				rec.src = append(rec.src, line)
				res.add(name, rec)
				rec = nil
			case orphan:
				orphan = false
			default:
				problem(lineNo, "ER with no TY line before it")
			}
		default:
			switch {
			case rec != nil:
				rec.src = append(rec.src, line)
				rec.tags = append(rec.tags, tag{name: tagName, value: value, line: lineNo})
			case !orphan:
				problem(lineNo, "%s tag outside a record (no TY line before it); skipped up to the next ER", tagName)
				orphan = true
			}
		}
	}
	if rec != nil {
		problem(rec.line, "record has no ER line before the end of the file; skipped")
	}
	assignKeys(name, res)
	return res
}

// parseTag reads "XX  - value": a capital letter, a capital or digit, one
// or two spaces, a hyphen, then a space and the value or the end of the
// line. The standard says exactly two spaces; some writers use one.
func parseTag(line string) (name, value string, ok bool) {
	if len(line) < 4 || !isUpper(line[0]) || !isUpper(line[1]) && !isDigit(line[1]) {
		return "", "", false
	}
	i := 2
	for i < len(line) && i < 4 && line[i] == ' ' {
		i++
	}
	if i == 2 || i >= len(line) || line[i] != '-' {
		return "", "", false
	}
	i++
	if i < len(line) && line[i] != ' ' && line[i] != '\t' {
		return "", "", false
	}
	return line[:2], strings.TrimSpace(line[i:]), true
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// clip shortens a line quoted in a message.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return string(r[:40]) + "..."
}

// add converts a complete record and keeps it.
func (res *Result) add(file string, rec *record) {
	ref, warns := build(rec)
	ref.Source = corpus.Source{File: file, Line: rec.line}
	ref.Raw = strings.Join(rec.src, "\n")
	for _, w := range warns {
		res.Warnings = append(res.Warnings, corpus.Problem{File: file, Line: rec.line, Msg: w})
	}
	res.Refs = append(res.Refs, ref)
}

// Sniff reports whether text looks like RIS: its first non-blank line is
// a TY tag.
func Sniff(text string) bool {
	for len(text) > 0 {
		var line string
		line, text = textfile.NextLine(text)
		if strings.TrimSpace(line) == "" {
			continue
		}
		name, _, ok := parseTag(strings.TrimLeft(line, " \t"))
		return ok && name == "TY"
	}
	return false
}

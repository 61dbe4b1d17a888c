package endnote

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/ris"
	"github.com/evident-tools/evident/corpus/textfile"
)

// maxDepth bounds how deeply elements may nest. EndNote nests five deep
// (xml, records, record, urls, related-urls, url, style); the bound keeps a
// hostile file from growing the tree without end.
const maxDepth = 32

// Result is what Read made of one file.
type Result struct {
	Refs []*corpus.Reference
	// Problems are records that could not be read; they were skipped.
	Problems []corpus.Problem
	// Warnings are kept records with something odd in them.
	Warnings []corpus.Problem
}

// node is one element of a record, or (name "") a run of its text.
type node struct {
	name string
	line int
	face string // the face attribute of a <style>
	kind string // the name attribute of a <ref-type>
	text string
	kids []*node
}

// Read reads an EndNote XML file: its bytes are decoded as textfile.Decode
// says (the decoding warnings come first in Warnings), and the text read as
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

// ReadText reads the text of an EndNote XML file: every <record> of its
// <xml><records>. XML that is not well formed is reported at its line; the
// record it is in is skipped, and reading goes on at the next <record>.
func ReadText(name, text string) *Result {
	res := &Result{}
	// Lines are counted as encoding/xml counts them: by LF alone.
	r := reader{file: name, text: textfile.XMLLineEnds(text), res: res}
	r.run()
	for _, w := range ris.AssignKeys(name, res.Refs) {
		res.Warnings = append(res.Warnings, w)
	}
	return res
}

// reader reads one file, restarting the XML decoder after an error.
type reader struct {
	file string
	text string
	res  *Result
}

func (r *reader) problem(line int, format string, args ...any) {
	r.res.Problems = append(r.res.Problems, corpus.Problem{File: r.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// run decodes the file from its start and, after each error, from the next
// <record> on, until the end.
func (r *reader) run() {
	start, resumed := 0, false
	for {
		next, ok := r.decode(start, resumed)
		if !ok {
			return
		}
		i := nextRecord(r.text, next)
		if i < 0 {
			return
		}
		start, resumed = i, true
	}
}

// nextRecord finds the next "<record>" or "<record " at or after from.
func nextRecord(text string, from int) int {
	for from < len(text) {
		i := strings.Index(text[from:], "<record")
		if i < 0 {
			return -1
		}
		i += from
		if j := i + len("<record"); j < len(text) && strings.IndexByte(" \t\r\n>/", text[j]) >= 0 {
			return i
		}
		from = i + 1
	}
	return -1
}

// decode reads records from text[start:]. A resumed decode starts at a
// <record>, as if inside <records>. It returns where to look for the next
// record after an error, and false at the end of the text or when the file
// is not EndNote XML.
func (r *reader) decode(start int, resumed bool) (int, bool) {
	base := 1 + strings.Count(r.text[:start], "\n")
	d := xml.NewDecoder(strings.NewReader(r.text[start:]))
	d.Entity = xml.HTMLEntity
	// The text is decoded already, whatever the declaration says.
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	line := func() int { l, _ := d.InputPos(); return base + l - 1 }

	var (
		path   []string // the open elements outside a record
		stack  []*node  // the open elements of the record being read
		recPos int      // offset of the record's start tag
	)
	for {
		tokLine, tokOff := line(), int(d.InputOffset())
		tok, err := d.Token()
		if err == io.EOF {
			if len(stack) > 0 {
				r.problem(stack[0].line, "record not closed before the end of the file; skipped")
			} else if !resumed && len(path) == 0 && len(r.res.Refs) == 0 && len(r.res.Problems) == 0 {
				r.problem(0, "no XML elements: not EndNote XML")
			}
			return 0, false
		}
		if err != nil {
			var se *xml.SyntaxError
			msg := err.Error()
			at := line()
			if errors.As(err, &se) {
				msg, at = se.Msg, base+se.Line-1
			}
			switch {
			case len(stack) > 0:
				r.problem(at, "XML error: %s; the record at line %d was skipped", msg, stack[0].line)
			case resumed && len(path) == 0:
				// The end tags of <records> and <xml>, seen without their
				// start tags after a restart.
				return 0, false
			default:
				r.problem(at, "XML error: %s", msg)
			}
			return start + max(int(d.InputOffset()), tokOff+1), true
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(path)+len(stack) >= maxDepth {
				if len(stack) > 0 {
					r.problem(tokLine, "elements nest more than %d deep; the record at line %d was skipped", maxDepth, stack[0].line)
				} else {
					r.problem(tokLine, "elements nest more than %d deep", maxDepth)
				}
				return start + int(d.InputOffset()), true
			}
			n := &node{name: t.Name.Local, line: tokLine}
			switch {
			case len(stack) > 0:
				for _, a := range t.Attr {
					switch {
					case n.name == "style" && a.Name.Local == "face":
						n.face = a.Value
					case n.name == "ref-type" && a.Name.Local == "name":
						n.kind = a.Value
					}
				}
				top := stack[len(stack)-1]
				top.kids = append(top.kids, n)
				stack = append(stack, n)
			case n.name == "record" && (resumed && len(path) == 0 || len(path) == 2 && path[1] == "records"):
				stack = append(stack, n)
				recPos = start + tokOff
			default:
				if !resumed && len(path) == 0 && n.name != "xml" {
					r.problem(tokLine, "not EndNote XML: the root element is <%s>, not <xml>", n.name)
					return 0, false
				}
				path = append(path, n.name)
			}
		case xml.EndElement:
			switch {
			case len(stack) > 1:
				stack = stack[:len(stack)-1]
			case len(stack) == 1:
				end := start + int(d.InputOffset())
				r.add(stack[0], r.text[recPos:end])
				stack = stack[:0]
			case len(path) > 0:
				path = path[:len(path)-1]
			}
		case xml.CharData:
			if len(stack) > 1 {
				top := stack[len(stack)-1]
				top.kids = append(top.kids, &node{text: string(t)})
			}
		}
	}
}

// add converts a complete record and keeps it.
func (r *reader) add(rec *node, raw string) {
	ref, warns := build(rec)
	ref.Source = corpus.Source{File: r.file, Line: rec.line}
	ref.Raw = raw
	for _, w := range warns {
		r.res.Warnings = append(r.res.Warnings, corpus.Problem{File: r.file, Line: rec.line, Msg: w})
	}
	r.res.Refs = append(r.res.Refs, ref)
}

// sniffLimit is how much of a file Sniff looks at.
const sniffLimit = 2048

// Sniff reports whether text is EndNote XML: its root element, after any
// XML declaration, comments and doctype, is <xml>, and the first element
// inside it is <records>, both within the first 2 KB.
func Sniff(text string) bool {
	text = strings.TrimPrefix(text, "\ufeff")
	if len(text) > sniffLimit {
		text = text[:sniffLimit]
	}
	d := xml.NewDecoder(strings.NewReader(text))
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	want := []string{"xml", "records"}
	for {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != want[0] {
				return false
			}
			if want = want[1:]; len(want) == 0 {
				return true
			}
		case xml.EndElement:
			return false
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return false
			}
		}
	}
}

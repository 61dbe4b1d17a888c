package pubmed

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/ris"
	"github.com/evident-tools/evident/corpus/textfile"
	"github.com/evident-tools/evident/corpus/xmltree"
)

// maxDepth bounds how deeply elements may nest. PubMed's deepest path is
// about ten elements, MathML a few more; a file nested deeper is not
// PubMed's and must not exhaust the stack.
const maxDepth = 64

// ReadXML reads PubMed XML: the PubmedArticleSet that efetch returns (with
// or without its XML declaration and DOCTYPE), a bare PubmedArticle, or a
// PubmedBookArticle. Each PubmedArticle and PubmedBookArticle becomes one
// Article and one reference; the works an article cites (ReferenceList)
// stay inside it. XML that is not well formed is a Problem at its line and
// ends the reading; the records before it are kept.
func ReadXML(name string, data []byte) *Result {
	res := &Result{}
	// Lines are counted as encoding/xml counts them: by LF alone.
	text := textfile.XMLLineEnds(string(data))
	d := xml.NewDecoder(strings.NewReader(text))
	d.Entity = xml.HTMLEntity
	// The text was decoded to UTF-8 already (textfile.Decode, or efetch).
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	problem := func(format string, args ...any) {
		line, _ := d.InputPos()
		res.Problems = append(res.Problems, corpus.Problem{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	depth, root := 0, ""
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			problem("not well-formed XML: %s", xmlError(err))
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = t.Name.Local
				if !isRoot(root) {
					problem("root element <%s> is not PubMed XML (want PubmedArticleSet)", root)
					return finish(name, res)
				}
			}
			if t.Name.Local == "PubmedArticle" || t.Name.Local == "PubmedBookArticle" {
				line, _ := d.InputPos()
				n, err := readNode(d, t, depth+1)
				if err != nil {
					problem("%s: %s", t.Name.Local, xmlError(err))
					return finish(name, res)
				}
				raw := strings.TrimSpace(text[off:d.InputOffset()])
				res.addXML(name, line, n, raw)
				continue
			}
			if depth++; depth > maxDepth {
				problem("elements nested more than %d deep", maxDepth)
				return finish(name, res)
			}
		case xml.EndElement:
			depth--
		}
	}
	if root == "" && len(res.Problems) == 0 {
		res.Problems = append(res.Problems, corpus.Problem{File: name, Line: 1, Msg: "no XML element; not PubMed XML"})
	}
	return finish(name, res)
}

func finish(name string, res *Result) *Result {
	res.Warnings = append(res.Warnings, ris.AssignKeys(name, res.Refs)...)
	return res
}

// xmlError leaves out the line the decoder puts in its message, since the
// problem names it.
func xmlError(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return err.Error()
}

func isRoot(name string) bool {
	switch name {
	case "PubmedArticleSet", "PubmedArticle", "PubmedBookArticle", "PubmedBookArticleSet":
		return true
	}
	return false
}

// readNode reads the rest of the element start opened, up to its end.
func readNode(d *xml.Decoder, start xml.StartElement, depth int) (*xmltree.Node, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("elements nested more than %d deep", maxDepth)
	}
	n := &xmltree.Node{Name: start.Name.Local, Attrs: start.Attr}
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = fmt.Errorf("<%s> not closed before the end of the file", start.Name.Local)
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			k, err := readNode(d, t, depth+1)
			if err != nil {
				return nil, err
			}
			n.Kids = append(n.Kids, k)
		case xml.CharData:
			n.Kids = append(n.Kids, &xmltree.Node{Text: string(t)})
		case xml.EndElement:
			return n, nil
		}
	}
}

// SniffXML reports whether text is PubMed XML: within its first 2 KB, after
// any XML declaration, comments and DOCTYPE, the root element is
// PubmedArticleSet, PubmedArticle or PubmedBookArticle.
func SniffXML(text string) bool {
	return isRoot(RootElement(text))
}

// RootElement returns the name of the first element of an XML text, if it
// starts within the first 2 KB after the declaration, comments and DOCTYPE;
// otherwise "".
func RootElement(text string) string {
	if len(text) > 2048 {
		text = text[:2048]
	}
	s := strings.TrimPrefix(text, "\ufeff")
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		switch {
		case strings.HasPrefix(s, "<?"):
			i := strings.Index(s, "?>")
			if i < 0 {
				return ""
			}
			s = s[i+2:]
		case strings.HasPrefix(s, "<!--"):
			i := strings.Index(s, "-->")
			if i < 0 {
				return ""
			}
			s = s[i+3:]
		case strings.HasPrefix(s, "<!"):
			i := strings.IndexAny(s, "[>")
			if i < 0 {
				return ""
			}
			if s[i] == '[' {
				j := strings.Index(s[i:], "]")
				if j < 0 {
					return ""
				}
				i += j
				k := strings.Index(s[i:], ">")
				if k < 0 {
					return ""
				}
				i += k
			}
			s = s[i+1:]
		case strings.HasPrefix(s, "<"):
			end := strings.IndexAny(s[1:], " \t\r\n/>")
			if end < 0 {
				return ""
			}
			name := s[1 : 1+end]
			if _, local, ok := strings.Cut(name, ":"); ok {
				name = local
			}
			return name
		default:
			return ""
		}
	}
}

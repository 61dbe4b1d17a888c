package styles

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Info is what a style file says about itself in its <info> element, and
// where it was found.
type Info struct {
	ID            string `json:"id"`    // "http://www.zotero.org/styles/nature"
	Title         string `json:"title"` // "Nature"
	Parent        string `json:"parent,omitempty"`
	DefaultLocale string `json:"default_locale,omitempty"`
	Class         string `json:"class,omitempty"`  // "in-text" or "note"
	Format        string `json:"format,omitempty"` // citation-format category: "numeric", "author-date", "note", ...
	Name          string `json:"name"`             // how to choose it: a built-in name or the file name without .csl
	Origin        string `json:"origin"`           // "built-in", "user", "zotero", "system" or "file"
	Path          string `json:"path,omitempty"`   // the file; empty for a built-in style
}

// Dependent reports whether the style borrows its rules from an
// independent parent (<link rel="independent-parent">).
func (in Info) Dependent() bool { return in.Parent != "" }

// ReadInfo reads the <style> element's attributes and the <info> element of
// a CSL style, stopping at the end of <info>, so that listing thousands of
// styles does not parse their rules. name is the file name used in errors,
// which give the line: "house.csl:3: ...".
func ReadInfo(src []byte, name string) (Info, error) {
	var in Info
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	// CSL files are UTF-8; a file that declares another encoding is read
	// as it is rather than refused for its declaration.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var stack []string
	var text strings.Builder
	sawStyle := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return in, xmlError(name, src, d, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			el := t.Name.Local
			if len(stack) == 0 {
				if el != "style" {
					return in, lineError(name, src, d, fmt.Sprintf("the root element is <%s>, not <style>: not a CSL style", el))
				}
				sawStyle = true
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "default-locale":
						in.DefaultLocale = a.Value
					case "class":
						in.Class = a.Value
					}
				}
			}
			if len(stack) == 2 && stack[1] == "info" {
				switch el {
				case "link":
					if attr(t, "rel") == "independent-parent" {
						in.Parent = strings.TrimSpace(attr(t, "href"))
					}
				case "category":
					if f := attr(t, "citation-format"); f != "" {
						in.Format = f
					}
				}
			}
			stack = append(stack, el)
			text.Reset()
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if len(stack) == 3 && stack[1] == "info" {
				switch stack[2] {
				case "id":
					in.ID = strings.TrimSpace(text.String())
				case "title":
					in.Title = strings.Join(strings.Fields(text.String()), " ")
				}
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 1 && t.Name.Local == "info" {
				return in, checkInfo(in, name, src, d)
			}
		}
	}
	if !sawStyle {
		return in, fmt.Errorf("%s: no <style> element: not a CSL style", name)
	}
	return in, checkInfo(in, name, src, d)
}

func checkInfo(in Info, name string, src []byte, d *xml.Decoder) error {
	if in.ID == "" {
		return lineError(name, src, d, "the style's <info> has no <id>")
	}
	return nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// xmlError names the file and line of a malformed file.
func xmlError(name string, src []byte, d *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%s:%d: malformed XML: %s", name, se.Line, se.Msg)
	}
	return lineError(name, src, d, err.Error())
}

// lineError names the line the decoder has reached.
func lineError(name string, src []byte, d *xml.Decoder, msg string) error {
	off := int(d.InputOffset())
	if off > len(src) {
		off = len(src)
	}
	return fmt.Errorf("%s:%d: %s", name, 1+bytes.Count(src[:off], []byte("\n")), msg)
}

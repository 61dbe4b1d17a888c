package csl

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
)

// xnode is one element of a style or locale file with the line it starts on,
// so that errors can name the place.
type xnode struct {
	name  string
	attrs map[string]string
	kids  []*xnode
	text  string
	line  int
}

// attr returns an attribute's value ("" when absent).
func (n *xnode) attr(k string) string { return n.attrs[k] }

// child returns the first child element of that name.
func (n *xnode) child(name string) *xnode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// parseXML reads a whole XML document into a tree. name is the file's name
// for errors.
func parseXML(data []byte, name string) (*xnode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var stack []*xnode
	var root *xnode
	for {
		line, _ := dec.InputPos()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if ok := asSyntax(err, &se); ok {
				return nil, fmt.Errorf("%s:%d: %s", name, se.Line, se.Msg)
			}
			return nil, fmt.Errorf("%s:%d: %v", name, line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xnode{name: t.Name.Local, attrs: make(map[string]string, len(t.Attr)), line: line}
			for _, a := range t.Attr {
				key := a.Name.Local
				if a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace" {
					key = "xml:" + key
				}
				n.attrs[key] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text += string(t)
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("%s:1: no XML element", name)
	}
	return root, nil
}

func asSyntax(err error, se **xml.SyntaxError) bool {
	s, ok := err.(*xml.SyntaxError)
	if ok {
		*se = s
	}
	return ok
}

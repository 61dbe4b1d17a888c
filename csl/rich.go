package csl

import (
	"html"
	"strings"
)

// richNode parses the markup CSL-JSON allows in values (<i>, <b>, <sup>,
// <sub>, <span style="font-variant:small-caps;">, <span class="nocase">)
// into output nodes. Other tags are kept as text. Hand-written because the
// markup is a tiny fixed set inside plain text, not HTML documents.
func richNode(s string) *node {
	if strings.IndexByte(s, '\'') >= 0 {
		// typographic apostrophes, as pandoc's citeproc prints them
		s = strings.ReplaceAll(s, "'", "’")
	}
	if !strings.ContainsAny(s, "<&") {
		return leaf(s)
	}
	var stack []style
	var nocase []bool
	cur := style(0)
	nc := false
	var kids []*node
	text := func(t string) {
		if t != "" {
			kids = append(kids, &node{text: html.UnescapeString(t), st: cur, nocase: nc})
		}
	}
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			text(s)
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			text(s)
			break
		}
		tag := s[i+1 : i+j]
		var bit style
		isClose := strings.HasPrefix(tag, "/")
		name := strings.TrimPrefix(tag, "/")
		spanNocase := false
		switch {
		case name == "i" || name == "em":
			bit = stItalic | stItalicSet
		case name == "b" || name == "strong":
			bit = stBold | stBoldSet
		case name == "sup":
			bit = stSup | stAlignSet
		case name == "sub":
			bit = stSub | stAlignSet
		case name == "sc":
			bit = stSmallCaps | stVariantSet
		case strings.HasPrefix(name, "span") && !isClose:
			switch {
			case strings.Contains(name, "nocase"):
				spanNocase = true
			case strings.Contains(name, "small-caps"):
				bit = stSmallCaps | stVariantSet
			}
		case name == "span":
		default:
			text(s[:i+j+1])
			s = s[i+j+1:]
			continue
		}
		text(s[:i])
		s = s[i+j+1:]
		if isClose {
			if len(stack) > 0 {
				cur = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				nc = nocase[len(nocase)-1]
				nocase = nocase[:len(nocase)-1]
			}
			continue
		}
		stack = append(stack, cur)
		nocase = append(nocase, nc)
		if bit&stItalic != 0 && cur&stItalic != 0 {
			cur &^= stItalic // italics inside italics turn upright
		} else {
			cur |= bit
		}
		nc = nc || spanNocase
	}
	if len(kids) == 0 {
		return nil
	}
	if len(kids) == 1 {
		return kids[0]
	}
	return &node{kids: kids}
}

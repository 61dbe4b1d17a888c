package export

import (
	"html/template"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// sanitizeRefHTML keeps what a formatted reference may hold and nothing
// else. The styles promise escaped inline HTML, but a report that embeds
// it should not rest on a promise: the fragment is parsed as a browser
// would and written out again with only the inline elements of a
// reference (<i>, <b>, <em>, <strong>, <sup>, <sub>, <span>) and links
// whose address is http, https or a fragment. Other elements give up
// their text; those whose content is not text (script, style, iframe,
// ...) give up everything; every attribute but href (and class on span)
// is dropped.
func sanitizeRefHTML(fragment string) template.HTML {
	if fragment == "" {
		return ""
	}
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return template.HTML(template.HTMLEscapeString(fragment))
	}
	var b strings.Builder
	for _, n := range nodes {
		writeSafe(&b, n, false)
	}
	return template.HTML(b.String())
}

var inlineAllowed = map[atom.Atom]bool{
	atom.I: true, atom.B: true, atom.Em: true, atom.Strong: true,
	atom.Sup: true, atom.Sub: true, atom.Span: true, atom.A: true,
}

// dropped are the elements whose content is not reference text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Template: true, atom.Noscript: true, atom.Svg: true, atom.Math: true, atom.Textarea: true,
	atom.Title: true, atom.Select: true, atom.Frameset: true, atom.Noembed: true, atom.Noframes: true,
	atom.Xmp: true, atom.Plaintext: true, atom.Head: true,
}

func writeSafe(b *strings.Builder, n *html.Node, inLink bool) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(html.EscapeString(n.Data))
		return
	case html.ElementNode:
	default:
		return // comments, doctypes
	}
	if dropped[n.DataAtom] || n.DataAtom == 0 && n.Namespace != "" {
		return
	}
	keep := inlineAllowed[n.DataAtom]
	var attrs string
	if keep && n.DataAtom == atom.A {
		href := ""
		for _, a := range n.Attr {
			if a.Namespace == "" && a.Key == "href" {
				href = a.Val
			}
		}
		if inLink || !safeHref(href) {
			keep = false // its text stays, the link goes
		} else {
			attrs = ` href="` + html.EscapeString(href) + `" rel="noopener noreferrer"`
		}
	}
	if keep && n.DataAtom == atom.Span {
		for _, a := range n.Attr {
			if a.Namespace == "" && a.Key == "class" && (a.Val == "nocase" || a.Val == "sc") {
				attrs = ` class="` + a.Val + `"`
			}
		}
	}
	if keep {
		b.WriteString("<" + n.Data + attrs + ">")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeSafe(b, c, inLink || keep && n.DataAtom == atom.A)
	}
	if keep {
		b.WriteString("</" + n.Data + ">")
	}
}

// safeHref accepts the links a reference may carry: http and https
// addresses (a DOI resolver, a URL field) and fragments within the page.
func safeHref(href string) bool {
	h := strings.ToLower(strings.TrimSpace(href))
	if strings.HasPrefix(h, "#") {
		return true
	}
	if !strings.HasPrefix(h, "https://") && !strings.HasPrefix(h, "http://") {
		return false
	}
	// A browser strips tabs and newlines from addresses; refuse them
	// rather than reason about what is left.
	return !strings.ContainsAny(href, "\t\n\r\x00")
}

package csljson

import (
	"html"
	"strings"

	"github.com/evident-tools/evident/corpus/bibtex"
)

// rich adds a title-like field from the first of names that has text: its
// CSL rich text as LaTeX markup in Raw, and plain text in Value.
func (it *item) rich(l *bibtex.FieldList, field string, names ...string) {
	s := it.text(names...)
	if s == "" {
		return
	}
	src := RichToLaTeX(s)
	l.Raw(field, "{"+src+"}", bibtex.Decode(src))
}

// richTags maps the markup of CSL rich text to the LaTeX around its
// content; export/csl's Rich does the reverse.
var richTags = []struct{ open, close, latex string }{
	{"<i>", "</i>", `\textit{`},
	{"<b>", "</b>", `\textbf{`},
	{"<sup>", "</sup>", `\textsuperscript{`},
	{"<sub>", "</sub>", `\textsubscript{`},
	{`<span class="nocase">`, "</span>", "{"},
	{`<span style="font-variant:small-caps;">`, "</span>", `\textsc{`},
	{`<span style="font-variant: small-caps;">`, "</span>", `\textsc{`},
}

// RichToLaTeX writes CSL rich text as BibTeX source: <i>, <b>, <sup>,
// <sub> and small caps become \textit, \textbf, \textsuperscript,
// \textsubscript and \textsc, <span class="nocase"> becomes a brace group
// (which keeps its case), HTML entities are decoded, and the rest is
// escaped as bibtex.Escape does. A tag that is not closed is closed at the
// end; a closing tag with no opening one is text.
func RichToLaTeX(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return bibtex.Escape(s)
	}
	var b strings.Builder
	var open []string // closing tags awaited, innermost last
	text := func(t string) {
		b.WriteString(bibtex.Escape(html.UnescapeString(t)))
	}
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			text(s)
			break
		}
		text(s[:i])
		s = s[i:]
		if n := len(open); n > 0 && strings.HasPrefix(s, open[n-1]) {
			b.WriteByte('}')
			s = s[len(open[n-1]):]
			open = open[:n-1]
			continue
		}
		matched := false
		for _, t := range richTags {
			if strings.HasPrefix(s, t.open) {
				b.WriteString(t.latex)
				open = append(open, t.close)
				s = s[len(t.open):]
				matched = true
				break
			}
		}
		if !matched {
			text("<")
			s = s[1:]
		}
	}
	for range open {
		b.WriteByte('}')
	}
	return b.String()
}

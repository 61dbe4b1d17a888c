package csl

import (
	"html"
	"strings"
)

// The output formats: runs of text with formatting become plain text,
// HTML or Markdown here.

func writeText(rs runs) string {
	var b strings.Builder
	n := 0
	for _, r := range rs {
		n += len(r.text) + 1
	}
	b.Grow(n)
	for _, r := range rs {
		if r.blockEnd && b.Len() > 0 {
			// blocks (left-margin numbers, display="block") stay apart
			if s := b.String(); !strings.HasSuffix(s, " ") {
				b.WriteByte(' ')
			}
		}
		b.WriteString(r.text)
	}
	return strings.TrimSpace(collapseSpace(b.String()))
}

func collapseSpace(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' }), " ")
}

var htmlTags = []struct {
	bit        style
	open, shut string
}{
	{stItalic, "<i>", "</i>"},
	{stBold, "<b>", "</b>"},
	{stSmallCaps, `<span style="font-variant:small-caps;">`, "</span>"},
	{stSup, "<sup>", "</sup>"},
	{stSub, "<sub>", "</sub>"},
	{stUnderline, `<span style="text-decoration:underline;">`, "</span>"},
}

const visible = stItalic | stBold | stSmallCaps | stSup | stSub | stUnderline

func writeHTML(rs runs) string {
	var b strings.Builder
	opened := false // a block just opened: its text starts without space
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r.blockStart != "" {
			b.WriteString(`<div class="csl-` + r.blockStart + `">`)
			opened = true
			continue
		}
		if r.blockEnd {
			b.WriteString("</div>")
			continue
		}
		if r.text == "" {
			continue
		}
		var text string
		text, i = mergeRuns(rs, i)
		if opened {
			// the space between the first field and the rest belongs to
			// neither block ("[1]" and "Alpha", not " Alpha")
			text = strings.TrimLeft(text, " ")
			opened = text == ""
			if opened {
				continue
			}
		}
		if r.link != "" {
			b.WriteString(`<a href="` + html.EscapeString(r.link) + `">`)
		}
		for _, t := range htmlTags {
			if r.st&t.bit != 0 {
				b.WriteString(t.open)
			}
		}
		b.WriteString(html.EscapeString(text))
		for j := len(htmlTags) - 1; j >= 0; j-- {
			if r.st&htmlTags[j].bit != 0 {
				b.WriteString(htmlTags[j].shut)
			}
		}
		if r.link != "" {
			b.WriteString("</a>")
		}
	}
	return strings.TrimSpace(b.String())
}

// mergeRuns joins run i with the runs after it that have the same
// formatting and link (and no block boundary between), and returns their
// text and the index of the last run joined.
func mergeRuns(rs runs, i int) (string, int) {
	r := rs[i]
	text := r.text
	for i+1 < len(rs) && rs[i+1].blockStart == "" && !rs[i+1].blockEnd && rs[i+1].st&visible == r.st&visible && rs[i+1].link == r.link {
		i++
		text += rs[i].text
	}
	return text, i
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`, `^`, `\^`, `~`, `\~`, `<`, `\<`)

func writeMarkdown(rs runs) string {
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r.blockEnd {
			if !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
			continue
		}
		if r.text == "" {
			continue
		}
		var text string
		text, i = mergeRuns(rs, i)
		lead := text[:len(text)-len(strings.TrimLeft(text, " "))]
		trail := text[len(strings.TrimRight(text, " ")):]
		core := mdEscaper.Replace(strings.TrimSpace(text))
		if core == "" {
			b.WriteString(text)
			continue
		}
		if r.st&stSup != 0 {
			core = "^" + strings.ReplaceAll(core, " ", `\ `) + "^"
		}
		if r.st&stSub != 0 {
			core = "~" + strings.ReplaceAll(core, " ", `\ `) + "~"
		}
		if r.st&stSmallCaps != 0 {
			core = "[" + core + "]{.smallcaps}"
		}
		if r.st&stUnderline != 0 {
			core = "[" + core + "]{.underline}"
		}
		if r.st&stBold != 0 {
			core = "**" + core + "**"
		}
		if r.st&stItalic != 0 {
			core = "*" + core + "*"
		}
		if r.link != "" {
			core = mdLink(core, strings.TrimSpace(text), r.link)
		}
		b.WriteString(lead + core + trail)
	}
	return mdLineStart(strings.TrimSpace(collapseSpace(b.String())))
}

// mdLink writes a link: an address shown as itself is an autolink, unless
// it holds characters an autolink cannot; a destination's spaces,
// parentheses and angle brackets are percent-encoded so that it cannot end
// early (a SICI DOI holds all of them).
func mdLink(core, text, link string) string {
	if text == link && !strings.ContainsAny(link, " <>") {
		return "<" + link + ">"
	}
	// in link text a ">" is escaped too, so that "<…>" in an address
	// shown as text cannot read as an autolink
	return "[" + strings.ReplaceAll(core, ">", `\>`) + "](" + mdURL.Replace(link) + ")"
}

var mdURL = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E")

// mdLineStart escapes what would make an entry a list item, a heading or
// a quotation in Markdown ("1. Smith", "# 5", "- Anon.", "> 2"): numeric
// styles start entries with a number and a period.
func mdLineStart(s string) string {
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ') {
		return s[:i] + `\` + s[i:]
	}
	if s != "" && strings.ContainsRune("#>+-=|", rune(s[0])) {
		return `\` + s
	}
	return s
}

// curlyQuote turns a straight quotation mark that a style writes as a term
// into the typographic one, as processors print them.
func curlyQuote(q string, open bool) string {
	switch {
	case q == `"` && open:
		return "“"
	case q == `"`:
		return "”"
	case q == "'" && open:
		return "‘"
	case q == "'":
		return "’"
	}
	return q
}

// smartQuotes makes the straight quotation marks of a cite's affix typographic:
// opening after a space or at the start, closing elsewhere. pandoc's
// citeproc reads affixes as CSL-JSON rich text, which does the same.
func smartQuotes(s string) string {
	if !strings.ContainsAny(s, `"'`) {
		return s
	}
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		if r == '"' || r == '\'' {
			open := prev == ' ' || prev == '(' || prev == '['
			if r == '"' {
				r = map[bool]rune{true: '“', false: '”'}[open]
			} else {
				r = map[bool]rune{true: '‘', false: '’'}[open]
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

package registry

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// Registries hold abstracts as JATS fragments ("<jats:title>Background
// </jats:title><jats:p>…</jats:p>"), as HTML or as plain text, and titles
// now and then with inline markup. They are read with x/net/html's
// tokenizer rather than encoding/xml: a fragment has no root, its
// namespace prefix is never declared, and it is often truncated or
// unbalanced; the tokenizer reads all of that without failing. A tag is
// looked up by its local name, the namespace prefix dropped.

// blockTags end the paragraph they are in.
var blockTags = map[string]bool{
	"p": true, "sec": true, "title": true, "list": true, "list-item": true, "def-list": true,
	"disp-quote": true, "abstract": true, "trans-abstract": true, "br": true, "div": true,
	"li": true, "ul": true, "ol": true, "label": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
}

// titleTags are the block tags that hold a section's title: JATS's title
// and HTML's headings.
var titleTags = map[string]bool{"title": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}

// spacedTags are inline styles that a deposit often writes with no space
// around them ("targeting<jats:italic>SMARCB1</jats:italic>for"): a space
// is put back between two letters or digits they separate. Sub- and
// superscripts are left tight ("PIP<sub>3</sub>").
var spacedTags = map[string]bool{
	"italic": true, "bold": true, "i": true, "b": true, "em": true, "strong": true,
	"underline": true, "sc": true, "monospace": true, "roman": true, "sans-serif": true,
}

// skipTags hold text that repeats what is around it (the TeX beside a
// MathML formula) or is not prose.
var skipTags = map[string]bool{"tex-math": true, "annotation": true, "script": true, "style": true}

// PlainText turns an abstract as registries write it (JATS or HTML markup,
// or plain text) into Record.Abstract's form: tags and entities gone (also
// entities escaped twice, "&amp;lt;"), one paragraph a line, a section's
// title at the start of the line of its first paragraph ("Background:
// Why…"), as PubMed writes labelled abstracts, and a leading title that
// only says "Abstract" dropped. In plain text, and in the text between
// tags, a blank line ends a paragraph and a single line break is a space
// (text is often wrapped). It never fails: broken markup gives its text.
func PlainText(markup string) string {
	if strings.TrimSpace(markup) == "" {
		return ""
	}
	var lines []string
	label := "" // a section's title waiting for its paragraph
	for i, b := range blocks(markup) {
		if b.title {
			if label != "" {
				lines = append(lines, label)
			}
			label = b.text
			if i == 0 && strings.EqualFold(strings.TrimRight(label, ":. "), "abstract") {
				label = ""
			}
			continue
		}
		line := b.text
		if label != "" {
			line, label = labelled(label, line), ""
		}
		lines = append(lines, line)
	}
	if label != "" {
		lines = append(lines, label)
	}
	return strings.Join(lines, "\n")
}

// labelled puts a section's title before its first paragraph, with a
// colon unless the title ends with punctuation of its own ("Methods:",
// "Why does it matter?").
func labelled(title, text string) string {
	if strings.HasSuffix(title, ":") || strings.HasSuffix(title, ".") || strings.HasSuffix(title, "?") || strings.HasSuffix(title, "!") {
		return title + " " + text
	}
	return title + ": " + text
}

// InlineText returns a title, a name or a venue as plain text on one
// line. Markup is read only where the text has some (a closing or
// self-closing tag, or an entity), so that a title comparing values
// ("Effects at p<0.05 and n>10", "a<b") keeps them.
func InlineText(s string) string {
	if !strings.Contains(s, "</") && !strings.Contains(s, "/>") && !strings.Contains(s, "&") {
		return oneLine(s)
	}
	var parts []string
	for _, b := range blocks(s) {
		parts = append(parts, b.text)
	}
	return strings.Join(parts, " ")
}

// block is a paragraph or a title, on one line.
type block struct {
	title bool
	text  string
}

// blocks splits marked-up text into its paragraphs and titles, each on one
// line with markup dropped and entities decoded.
func blocks(s string) []block {
	var (
		out     []block
		cur     strings.Builder
		inTitle bool
		soft    bool // an inline style began or ended since the last text
		skip    int
	)
	flush := func() {
		if t := oneLine(decodeAgain(cur.String())); t != "" {
			out = append(out, block{title: inTitle, text: t})
		}
		cur.Reset()
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			flush()
			return out
		case xhtml.TextToken:
			if skip > 0 {
				continue
			}
			for i, t := range paragraphs(string(z.Text())) {
				if i > 0 {
					flush()
				}
				if soft && endsWord(cur.String()) && startsWord(t) {
					cur.WriteByte(' ')
				}
				soft = false
				cur.WriteString(t)
			}
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			local := string(name)
			if i := strings.LastIndexByte(local, ':'); i >= 0 {
				local = local[i+1:]
			}
			switch {
			case skipTags[local] && tt == xhtml.StartTagToken:
				skip++
			case skipTags[local] && tt == xhtml.EndTagToken:
				skip = max(0, skip-1)
			case blockTags[local]:
				flush()
				inTitle = titleTags[local] && tt == xhtml.StartTagToken
			case spacedTags[local]:
				soft = true
			}
		}
	}
}

// paragraphs splits text at its blank lines (a line holding only white
// space between two line breaks); a piece may be empty.
func paragraphs(s string) []string {
	if strings.Count(s, "\n") < 2 {
		return []string{s}
	}
	var (
		out   []string
		start int // where the current piece begins
	)
	lines := strings.Split(s, "\n")
	at := 0 // the offset of lines[i] in s
	for i, l := range lines {
		if i > 0 && i < len(lines)-1 && strings.TrimSpace(l) == "" {
			out = append(out, s[start:at])
			start = at + len(l)
		}
		at += len(l) + 1
	}
	return append(out, s[start:])
}

// decodeAgain decodes entities left after the first decoding: registries
// hold many abstracts escaped twice ("&amp;lt;75 K"), which would
// otherwise reach the reader as "&lt;75 K".
func decodeAgain(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return html.UnescapeString(s)
}

// oneLine trims s and folds its runs of white space, line breaks included,
// to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func endsWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

package crossref

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

// Crossref holds abstracts as JATS fragments ("<jats:title>Background
// </jats:title><jats:p>…</jats:p>"), some publishers' as HTML or plain
// text, and titles now and then with inline markup. They are read with
// x/net/html's tokenizer rather than encoding/xml: a fragment has no root,
// its namespace prefix is never declared, and it is often truncated or
// unbalanced; the tokenizer reads all of that without failing.

// blockTags end the paragraph they are in.
var blockTags = map[string]bool{
	"p": true, "sec": true, "title": true, "list": true, "list-item": true, "def-list": true,
	"disp-quote": true, "abstract": true, "trans-abstract": true, "br": true, "div": true,
	"li": true, "ul": true, "ol": true, "h1": true, "h2": true, "h3": true, "h4": true, "label": true,
}

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
			t := string(z.Text())
			if soft && endsWord(cur.String()) && startsWord(t) {
				cur.WriteByte(' ')
			}
			soft = false
			cur.WriteString(t)
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
				inTitle = local == "title" && tt == xhtml.StartTagToken
			case spacedTags[local]:
				soft = true
			}
		}
	}
}

// decodeAgain decodes entities left after the first decoding: Crossref
// holds many abstracts escaped twice ("&amp;lt;75 K"), which would
// otherwise reach the reader as "&lt;75 K".
func decodeAgain(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return html.UnescapeString(s)
}

func endsWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func startsWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// abstractText returns an abstract as plain text: a line per paragraph,
// and a section's title at the start of the line of its first paragraph
// ("Significance: The inadequate…"), as PubMed writes labelled abstracts.
// A leading title that only says "Abstract" is dropped.
func abstractText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	var lines []string
	label := ""
	for i, b := range blocks(s) {
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
			sep := ": "
			if strings.HasSuffix(label, ":") || strings.HasSuffix(label, ".") {
				sep = " "
			}
			line, label = label+sep+line, ""
		}
		lines = append(lines, line)
	}
	if label != "" {
		lines = append(lines, label)
	}
	return strings.Join(lines, "\n")
}

// inlineText returns a title, a name or a venue as plain text on one line.
func inlineText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return oneLine(s)
	}
	var parts []string
	for _, b := range blocks(s) {
		parts = append(parts, b.text)
	}
	return strings.Join(parts, " ")
}

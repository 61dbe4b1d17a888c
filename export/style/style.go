// Package style formats reference lists from CSL items in a citation style:
// any CSL style, run by the CSL processor (package csl) and found by
// csl/styles, the seven built-in styles (APA, Chicago author-date, Harvard,
// MLA, Vancouver, AMA, IEEE) among them, from their embedded official .csl
// files. It renders text, Markdown and HTML and never writes files.
package style

import (
	"fmt"
	"html"
	"regexp"
	"strings"

	cslp "github.com/evident-tools/evident/csl"
	"github.com/evident-tools/evident/csl/styles"
	"github.com/evident-tools/evident/export/csl"
)

// Span is a run of formatted text.
type Span struct {
	Text                              string
	Italic, Bold, SmallCaps, Sup, Sub bool
	Link                              string // URL for DOIs and URLs
	noCase                            bool   // protected from case changes (<span class="nocase">)
}

// Rich is formatted text: a sequence of spans.
type Rich []Span

// String returns the text of r without formatting.
func (r Rich) String() string {
	var b strings.Builder
	for _, s := range r {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Entry is one formatted reference.
type Entry struct {
	Key   string // library key (csl.Item.ID)
	Label string // "1" for numeric styles, "" for author-date styles

	// r holds the entry as the processor rendered it: the whole entry,
	// its number included, in each format.
	r *rendering
	n int
}

// Style is one reference-list style.
type Style struct {
	ID, Title string
	Numeric   bool
	// Origin says where the style came from ("built-in", "user", "zotero",
	// "system", "file"), Path its file.
	Origin, Path string

	// proc runs the style's CSL.
	proc *procStyle
}

// Lookup returns a style by name as Open does, with the style's own
// locale and the folders of the environment.
func Lookup(name string) (*Style, error) {
	return Open(name, Options{})
}

// Names returns the names of the built-in styles, sorted.
func Names() []string {
	return styles.BuiltinNames()
}

// Format formats items as a reference list. Numeric styles keep the given
// order (the caller passes the order of first citation) and number the
// entries from 1; author-date styles sort the items as the style says and
// give works by the same authors in the same year the suffixes a, b, ...
// Entry.Key is the item's ID, the library key.
func (s *Style) Format(items []csl.Item) ([]Entry, error) {
	return s.formatProcessor(items)
}

// Text renders an entry as one line of plain text, its label included.
func (s *Style) Text(e Entry) string {
	if e.r == nil {
		return ""
	}
	return oneLine(e.r.get(cslp.Text, e.n))
}

// YearSuffix returns the letter that tells an entry from another work of
// the same authors and year ("a" of "2014a"): for a style the processor
// runs, the one its in-text citation of the entry carries.
func (s *Style) YearSuffix(e Entry) string {
	if e.r == nil {
		return ""
	}
	if m := yearSuffixRE.FindStringSubmatch(e.r.citeLabel(e.n)); m != nil {
		return m[1]
	}
	return ""
}

var yearSuffixRE = regexp.MustCompile(`\b(?:1[5-9]|20)\d\d([a-z]{1,2})\b`)

// ListCSS is the inline CSS an HTML reference list needs for the style's
// bibliography layout (CSL's hanging-indent and line-spacing; entry-spacing
// is the list items' and is left to the page), "" when it needs none.
func (s *Style) ListCSS() string {
	if s.proc == nil {
		return ""
	}
	l := s.proc.style.Layout()
	var css []string
	if l.HangingIndent {
		css = append(css, "padding-left:2em", "text-indent:-2em")
	}
	if l.LineSpacing > 1 {
		css = append(css, fmt.Sprintf("line-height:%d", l.LineSpacing))
	}
	return strings.Join(css, ";")
}

// Processed reports whether the CSL processor formats the style's entries,
// which then hold their number (numeric styles) in every format.
func (s *Style) Processed() bool { return s.proc != nil }

// Markdown renders an entry as Markdown: *italics*, **bold**, <sup> and
// <sub>, DOIs and URLs as autolinks. Markdown metacharacters in the text are
// escaped.
func (s *Style) Markdown(e Entry) string {
	if e.r == nil {
		return ""
	}
	return safeMarkdownLinks(absorbPrefixMarkdown(oneLine(e.r.get(cslp.Markdown, e.n))))
}

// HTML renders an entry as an HTML fragment: <i>, <b>, <sup>, <sub>, small
// capitals as a styled span and links as <a href>. Every byte of text is
// escaped, so the result is safe whatever the BibTeX file contains.
func (s *Style) HTML(e Entry) string {
	if e.r == nil {
		return ""
	}
	return safeLinks(absorbPrefixHTML(oneLine(e.r.get(cslp.HTML, e.n))))
}

func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}

var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "~", `\~`, "$", `\$`,
)

func escapeMarkdown(s string) string {
	if !strings.ContainsAny(s, "\\*_`[]<>#|~$") {
		return s
	}
	return markdownEscaper.Replace(s)
}

func markdownURL(u string) string {
	return strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E").Replace(u)
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

// safeURL admits only web links, so that a .bib file cannot smuggle a
// javascript: URL into a report.
func safeURL(u string) bool {
	l := strings.ToLower(u)
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")
}

// HTMLBody renders an entry as HTML without its number, for a list that
// numbers its items itself (<ol>, the report's labels).
func (s *Style) HTMLBody(e Entry) string {
	h := s.HTML(e)
	if !s.Numeric || e.Label == "" {
		return h
	}
	return trimLabel(h, e.Label)
}

// trimLabel removes an entry's leading number as numeric styles write it
// ("1. ", "[1] ", "(1) ", "1 ", or a csl-left-margin block), and leaves the
// entry alone when it does not start with it.
func trimLabel(h, label string) string {
	const left, right = `<div class="csl-left-margin">`, `<div class="csl-right-inline">`
	if rest, ok := strings.CutPrefix(h, left); ok {
		if _, body, ok := strings.Cut(rest, "</div>"); ok {
			body = strings.TrimPrefix(body, right)
			return strings.TrimSuffix(body, "</div>")
		}
	}
	rest, open := h, ""
	if rest != "" && strings.ContainsRune("[(", rune(rest[0])) {
		open, rest = rest[:1], rest[1:]
	}
	after, ok := strings.CutPrefix(rest, label)
	if !ok {
		return h
	}
	punct := false
	if close := map[string]string{"[": "]", "(": ")"}[open]; close != "" {
		if after, ok = strings.CutPrefix(after, close); !ok {
			return h
		}
		punct = true
	} else if a, ok := strings.CutPrefix(after, "."); ok {
		after, punct = a, true
	}
	trimmed := strings.TrimLeft(after, " \u00a0")
	if punct || trimmed != after {
		return trimmed
	}
	return h
}

// safeLinks unwraps the processor's links whose address is not a web
// address, keeping their text, so that a .bib file cannot put a javascript:
// link into a reference list, whatever the processor lets through.
func safeLinks(h string) string {
	if !strings.Contains(h, "<a href=") {
		return h
	}
	var b strings.Builder
	for {
		i := strings.Index(h, `<a href="`)
		if i < 0 {
			break
		}
		rest := h[i+len(`<a href="`):]
		j := strings.Index(rest, `">`)
		if j < 0 {
			break
		}
		b.WriteString(h[:i])
		if href := html.UnescapeString(rest[:j]); safeURL(href) {
			b.WriteString(h[i : i+len(`<a href="`)+j+2])
			h = rest[j+2:]
			continue
		}
		// Drop the tag and its closing </a>; links do not nest.
		h = rest[j+2:]
		if k := strings.Index(h, "</a>"); k >= 0 {
			b.WriteString(h[:k])
			h = h[k+len("</a>"):]
		}
	}
	b.WriteString(h)
	return b.String()
}

// mdAutolinkRE and mdLinkRE find the processor's Markdown links: <scheme:...>
// and [text](address).
var (
	mdAutolinkRE = regexp.MustCompile(`<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*)>`)
	mdLinkRE     = regexp.MustCompile(`\[((?:[^\[\]\\]|\\.)*)\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)\)`)
)

// safeMarkdownLinks writes the processor's Markdown links whose address is
// not a web address as text, so that a .bib file cannot put a javascript:
// link into a Markdown reference list.
func safeMarkdownLinks(md string) string {
	if !strings.Contains(md, ":") {
		return md
	}
	md = mdAutolinkRE.ReplaceAllStringFunc(md, func(m string) string {
		if safeURL(m[1 : len(m)-1]) {
			return m
		}
		return `\<` + m[1:len(m)-1] + `\>`
	})
	return mdLinkRE.ReplaceAllStringFunc(md, func(m string) string {
		sub := mdLinkRE.FindStringSubmatch(m)
		if safeURL(sub[2]) {
			return m
		}
		return sub[1]
	})
}

// htmlLinkRE finds the processor's HTML links.
var htmlLinkRE = regexp.MustCompile(`<a href="([^"]*)">([^<]*)</a>`)

// absorbPrefixHTML puts a link's address prefix that the processor wrote
// before the link (apa.csl's "https://doi.org/" as the DOI's prefix) into
// the link, so that the whole address is linked as pandoc links
// it: https://doi.org/<a href="https://doi.org/X">X</a>
// becomes <a href="https://doi.org/X">https://doi.org/X</a>. A fixture
// (links_html) keeps the processor's own behaviour in view.
func absorbPrefixHTML(h string) string {
	return absorbPrefix(h, "<a href=", htmlLinks)
}

// absorbPrefixMarkdown does for Markdown what absorbPrefixHTML does for
// HTML: https://doi.org/[X](https://doi.org/X) becomes an autolink of the
// whole address, or one link when the address cannot be an autolink.
func absorbPrefixMarkdown(md string) string {
	return absorbPrefix(md, "](", markdownLinks)
}

// linkSyntax is how absorbPrefix reads and writes the links of one output
// format.
type linkSyntax struct {
	re *regexp.Regexp
	// parts gives a match's address and text, unescaped.
	parts func(s string, m []int) (href, text string)
	// escape writes text as the format writes it.
	escape func(string) string
	// whole writes a link of the whole address href in place of match m.
	whole func(s string, m []int, href string) string
}

var htmlLinks = linkSyntax{
	re: htmlLinkRE,
	parts: func(h string, m []int) (string, string) {
		return html.UnescapeString(h[m[2]:m[3]]), html.UnescapeString(h[m[4]:m[5]])
	},
	escape: htmlEscaper.Replace,
	whole: func(h string, m []int, href string) string {
		return `<a href="` + h[m[2]:m[3]] + `">` + htmlEscaper.Replace(href) + `</a>`
	},
}

var markdownLinks = linkSyntax{
	re: mdLinkRE,
	parts: func(md string, m []int) (string, string) {
		return md[m[4]:m[5]], unescapeMarkdown(md[m[2]:m[3]])
	},
	escape: escapeMarkdown,
	whole: func(_ string, _ []int, href string) string {
		if strings.ContainsAny(href, "<> \\`") {
			return "[" + escapeMarkdown(href) + "](" + markdownURL(href) + ")"
		}
		return "<" + href + ">"
	},
}

// absorbPrefix moves into each link of s (found by ls) the part of its
// address that the text before the link already spells out, and links
// the whole address.
func absorbPrefix(s, marker string, ls linkSyntax) string {
	if !strings.Contains(s, marker) {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range ls.re.FindAllStringSubmatchIndex(s, -1) {
		href, text := ls.parts(s, m)
		prefix, ok := strings.CutSuffix(href, text)
		before := s[last:m[0]]
		if ok && prefix != "" && strings.HasSuffix(before, ls.escape(prefix)) {
			b.WriteString(strings.TrimSuffix(before, ls.escape(prefix)))
			b.WriteString(ls.whole(s, m, href))
		} else {
			b.WriteString(s[last:m[1]])
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// unescapeMarkdown removes Markdown's backslash escapes.
func unescapeMarkdown(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// marks are the opening and closing marks of a span's formatting in one
// output, applied innermost first: superscript, subscript, small capitals,
// bold, italics. An empty pair leaves that formatting out.
type marks struct{ sup, sub, smallCaps, bold, italic [2]string }

var (
	// cslMarks is CSL rich text, the markup the processor reads.
	cslMarks = marks{[2]string{"<sup>", "</sup>"}, [2]string{"<sub>", "</sub>"}, [2]string{csl.SpanSmallCap, "</span>"}, [2]string{"<b>", "</b>"}, [2]string{"<i>", "</i>"}}
)

func (m marks) wrap(sp Span, t string) string {
	for _, f := range []struct {
		on   bool
		mark [2]string
	}{{sp.Sup, m.sup}, {sp.Sub, m.sub}, {sp.SmallCaps, m.smallCaps}, {sp.Bold, m.bold}, {sp.Italic, m.italic}} {
		if f.on && f.mark[0] != "" {
			t = f.mark[0] + t + f.mark[1]
		}
	}
	return t
}

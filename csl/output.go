package csl

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fmting holds the affixes and formatting an element puts around its output.
type fmting struct {
	prefix, suffix                                                    string
	fontStyle, fontVariant, fontWeight, textDecoration, verticalAlign string
	display, textCase                                                 string
	quotes, stripPeriods                                              bool
}

func (f *fmting) empty() bool { return *f == fmting{} }

// node is rendered output before it becomes text: leaves hold text, inner
// nodes join their children with a delimiter and wrap them in formatting.
// Punctuation fixing, quotes and case changes happen when nodes become runs,
// because they depend on the neighbours.
type node struct {
	text   string
	kids   []*node
	f      *fmting
	delim  string
	st     style // formatting of a leaf from rich-text markup
	nocase bool
	link   string
	// names marks the output of a <names> element, for
	// subsequent-author-substitute.
	names *namesMark
}

type namesMark struct {
	names []string // each rendered name, for the partial rules
	parts []*node  // the node of each name
}

func leaf(s string) *node {
	if s == "" {
		return nil
	}
	return &node{text: s}
}

func group(delim string, f *fmting, kids ...*node) *node {
	var ks []*node
	for _, k := range kids {
		if k != nil {
			ks = append(ks, k)
		}
	}
	if len(ks) == 0 {
		return nil
	}
	if f != nil && f.empty() {
		f = nil
	}
	if len(ks) == 1 && f == nil && delim == "" {
		return ks[0]
	}
	return &node{kids: ks, f: f, delim: delim}
}

// wrap puts formatting around one node.
func wrap(n *node, f fmting) *node {
	if n == nil {
		return nil
	}
	if f.empty() {
		return n
	}
	return &node{kids: []*node{n}, f: &f}
}

// style is a set of formatting flags on a run of text.
type style uint16

const (
	stItalic style = 1 << iota
	stBold
	stSmallCaps
	stSup
	stSub
	stUnderline
	// the "set" flags say an inner element chose the value, so an outer
	// element must not change it.
	stItalicSet
	stBoldSet
	stVariantSet
	stAlignSet
	stDecorSet
)

// run is a piece of output text with one formatting.
type run struct {
	text   string
	st     style
	link   string
	nocase bool
	// qclose marks a closing quotation mark, so that punctuation can move
	// inside it; block opens (blockStart) or closes a display block.
	qclose     bool
	blockStart string
	blockEnd   bool
}

type runs []run

func (rs runs) text() string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.text)
	}
	return b.String()
}

func (rs runs) lastChar() rune {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].text != "" {
			r, _ := utf8.DecodeLastRuneInString(rs[i].text)
			return r
		}
	}
	return 0
}

func (rs runs) firstChar() rune {
	for _, r := range rs {
		if r.text != "" {
			c, _ := utf8.DecodeRuneInString(r.text)
			return c
		}
	}
	return 0
}

// trimEndChar drops one character c from the end.
func (rs runs) trimEndChar(c rune) runs {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].text != "" {
			out := append(runs(nil), rs...)
			out[i].text = strings.TrimSuffix(out[i].text, string(c))
			return out
		}
	}
	return rs
}

func (rs runs) trimStartChar(c rune) runs {
	for i := range rs {
		if rs[i].text != "" {
			out := append(runs(nil), rs...)
			out[i].text = strings.TrimPrefix(out[i].text, string(c))
			return out
		}
	}
	return rs
}

// joinPunct appends y to x, merging the punctuation where they meet as CSL
// processors do ("Why?" + "." gives "Why?"; ".." gives ".").
func joinPunct(x, y runs) runs {
	if len(x) == 0 {
		return y
	}
	if len(y) == 0 {
		return x
	}
	a, b := x.lastChar(), y.firstChar()
	if b == '.' && (a == '"' || a == '\'' || a == '”' || a == '’' || a == '»') {
		// look behind a closing quote: "Title?”" + "." keeps the quote's "?"
		t := strings.TrimRight(x.text(), " \"'”’»")
		if r, _ := utf8.DecodeLastRuneInString(t); r == '.' || r == '?' || r == '!' {
			return append(x, y.trimStartChar('.')...)
		}
	}
	switch punctRule(a, b) {
	case keepFirst:
		y = y.trimStartChar(b)
	case keepSecond:
		x = x.trimEndChar(a)
	}
	return append(append(runs(nil), x...), y...)
}

const (
	keepBoth = iota
	keepFirst
	keepSecond
)

func punctRule(a, b rune) int {
	switch {
	case a == b && strings.ContainsRune("!?.:;,", a):
		return keepFirst
	case a == ' ' && (b == ' ' || b == ',' || b == '.'):
		return keepSecond
	}
	switch string([]rune{a, b}) {
	case "!.", "!:", "?.", "?:", ":.", ";:", ";.":
		return keepFirst
	case ":!", ":?", ";!", ";?":
		return keepSecond
	}
	return keepBoth
}

// flatten turns a node into runs. loc gives quotation marks and title-case
// rules.
func (p *Processor) flatten(n *node) runs {
	if n == nil {
		return nil
	}
	var out runs
	if n.kids == nil {
		if n.text == "" {
			return nil
		}
		out = runs{{text: n.text, st: n.st, nocase: n.nocase, link: n.link}}
	} else {
		for _, k := range n.kids {
			kr := p.flatten(k)
			if len(kr) == 0 || kr.text() == "" && !hasBlock(kr) {
				continue
			}
			if len(out) > 0 && n.delim != "" {
				if c := kr.firstChar(); !(c == ',' || c == ';' || c == '.') {
					out = joinPunct(out, runs{{text: n.delim}})
				}
			}
			out = joinPunct(out, kr)
		}
		if n.link != "" {
			for i := range out {
				out[i].link = n.link
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	if n.f != nil {
		out = p.applyFmt(out, n.f)
	}
	return out
}

func hasBlock(rs runs) bool {
	for _, r := range rs {
		if r.blockStart != "" {
			return true
		}
	}
	return false
}

func (p *Processor) applyFmt(out runs, f *fmting) runs {
	if f.stripPeriods {
		for i := range out {
			out[i].text = strings.ReplaceAll(out[i].text, ".", "")
		}
	}
	if f.fontStyle != "" || f.fontWeight != "" || f.fontVariant != "" || f.verticalAlign != "" || f.textDecoration != "" {
		for i := range out {
			out[i].st = applyStyle(out[i].st, f)
		}
	}
	if f.textCase != "" {
		out = p.textCase(out, f.textCase)
	}
	if f.quotes {
		open, _ := p.loc.term("open-quote", "long", false)
		closeQ, _ := p.loc.term("close-quote", "long", false)
		if open == "" {
			open, closeQ = "“", "”"
		}
		q := append(runs{{text: open}}, out...)
		out = append(q, run{text: closeQ, qclose: true})
	}
	if f.prefix != "" {
		out = joinPunct(runs{{text: f.prefix}}, out)
	}
	if f.suffix != "" {
		out = joinPunct(out, runs{{text: f.suffix}})
	}
	if f.display != "" {
		out = append(runs{{blockStart: f.display}}, out...)
		out = append(out, run{blockEnd: true})
	}
	return out
}

func applyStyle(s style, f *fmting) style {
	switch f.fontStyle {
	case "italic", "oblique":
		if s&stItalicSet == 0 {
			s |= stItalic | stItalicSet
		} else if s&stItalic != 0 && false {
			s &^= stItalic
		}
	case "normal":
		if s&stItalicSet == 0 {
			s |= stItalicSet
		}
	}
	switch f.fontWeight {
	case "bold":
		if s&stBoldSet == 0 {
			s |= stBold | stBoldSet
		}
	case "normal", "light":
		s |= stBoldSet
	}
	switch f.fontVariant {
	case "small-caps":
		if s&stVariantSet == 0 {
			s |= stSmallCaps | stVariantSet
		}
	case "normal":
		s |= stVariantSet
	}
	switch f.verticalAlign {
	case "sup":
		if s&stAlignSet == 0 {
			s |= stSup | stAlignSet
		}
	case "sub":
		if s&stAlignSet == 0 {
			s |= stSub | stAlignSet
		}
	case "baseline":
		s |= stAlignSet
	}
	switch f.textDecoration {
	case "underline":
		if s&stDecorSet == 0 {
			s |= stUnderline | stDecorSet
		}
	case "none":
		s |= stDecorSet
	}
	return s
}

// finish moves punctuation into quotes where the locale asks for it and
// writes the runs in the output format.
func (p *Processor) finish(rs runs) string {
	if p.loc.PunctuationInQuote {
		for i := 0; i+1 < len(rs); i++ {
			if !rs[i].qclose {
				continue
			}
			j := i + 1
			for j < len(rs) && rs[j].text == "" && rs[j].blockStart == "" && !rs[j].blockEnd {
				j++
			}
			if j >= len(rs) {
				break
			}
			t := rs[j].text
			if t == "" || (t[0] != '.' && t[0] != ',') {
				continue
			}
			before := strings.TrimRight(runs(rs[:i]).text(), " ")
			if r, _ := utf8.DecodeLastRuneInString(before); !strings.ContainsRune(".,;:!?", r) {
				rs[i-1].text += t[:1]
			}
			rs[j].text = t[1:]
		}
	}
	switch p.opts.Format {
	case HTML:
		return writeHTML(rs)
	case Markdown:
		return writeMarkdown(rs)
	}
	return writeText(rs)
}

func writeText(rs runs) string {
	var b strings.Builder
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
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r.blockStart != "" {
			b.WriteString(`<div class="csl-` + r.blockStart + `">`)
			continue
		}
		if r.blockEnd {
			b.WriteString("</div>")
			continue
		}
		if r.text == "" {
			continue
		}
		// merge neighbours with the same formatting and link
		text := r.text
		for i+1 < len(rs) && rs[i+1].blockStart == "" && !rs[i+1].blockEnd && rs[i+1].st&visible == r.st&visible && rs[i+1].link == r.link {
			i++
			text += rs[i].text
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
		text := r.text
		for i+1 < len(rs) && rs[i+1].blockStart == "" && !rs[i+1].blockEnd && rs[i+1].st&visible == r.st&visible && rs[i+1].link == r.link {
			i++
			text += rs[i].text
		}
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
			if strings.TrimSpace(text) == r.link {
				core = "<" + r.link + ">"
			} else {
				core = "[" + core + "](" + r.link + ")"
			}
		}
		b.WriteString(lead + core + trail)
	}
	return strings.TrimSpace(collapseSpace(b.String()))
}

// isAlnum matches Haskell's isAlphaNum closely enough for word splitting.
func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

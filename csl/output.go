package csl

import (
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
	// splice: the node's kids belong to the parent's list (a choose)
	splice bool
	// names marks the output of a <names> element, for
	// subsequent-author-substitute.
	names *namesMark
	// one holds the kids of a node with one child (wrap), which then
	// needs no slice of its own
	one [1]*node
}

type namesMark struct {
	names []string // each rendered name, for the partial rules (filled when needed)
	parts []*node  // the node of each name
}

func leaf(s string) *node { return (*nodeSlab)(nil).leaf(s) }

func group(delim string, f *fmting, kids ...*node) *node {
	return (*nodeSlab)(nil).group(delim, f, kids...)
}

// wrap puts formatting around one node.
func wrap(n *node, f *fmting) *node { return (*nodeSlab)(nil).wrap(n, f) }

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

// trimEndChar drops one character c from the end, in place: runs being
// joined belong to the join.
func (rs runs) trimEndChar(c rune) runs {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].text != "" {
			rs[i].text = strings.TrimSuffix(rs[i].text, string(c))
			return rs
		}
	}
	return rs
}

func (rs runs) trimStartChar(c rune) runs {
	for i := range rs {
		if rs[i].text != "" {
			rs[i].text = strings.TrimPrefix(rs[i].text, string(c))
			return rs
		}
	}
	return rs
}

func (rs runs) hasText() bool {
	for _, r := range rs {
		if r.text != "" {
			return true
		}
	}
	return false
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

// render flattens a node and writes it in the output format (or as plain
// text), with a recycled run buffer.
func (p *Processor) render(n *node, plain bool) string {
	buf, _ := p.bufs.Get().(*runs)
	if buf == nil {
		buf = new(runs)
	}
	rs := p.flattenInto((*buf)[:0], n, 0)
	var s string
	if plain {
		s = writeText(rs)
	} else {
		s = p.finish(rs)
	}
	clear(rs) // let go of the texts
	*buf = rs[:0]
	p.bufs.Put(buf)
	return s
}

// flattenInto appends a node's runs to dst: one buffer for a whole entry,
// because building and joining slices per node made most of the garbage.
// Affixes and quotation marks are placed first and dropped again when the
// content turns out empty.
// quotes counts the quotation marks around n: quotes inside quotes take
// the locale's inner marks.
func (p *Processor) flattenInto(dst runs, n *node, quotes int) runs {
	if n == nil {
		return dst
	}
	start := len(dst)
	f := n.f
	preAt := -1
	if f != nil {
		if f.display != "" {
			dst = append(dst, run{blockStart: f.display})
		}
		if f.prefix != "" {
			preAt = len(dst)
			dst = append(dst, run{text: f.prefix})
		}
		if f.quotes {
			open, _ := p.loc.term(quoteTerm("open", quotes), "long", false)
			if open == "" {
				open = "“"
			}
			open = curlyQuote(open, true)
			dst = append(dst, run{text: open})
			quotes++
		}
	}
	cStart := len(dst)
	if n.kids == nil {
		if n.text != "" {
			text := n.text
			if n.link == "" && hasDoubleQuote(text) {
				text = p.dataQuotes(text, quotes)
			}
			dst = append(dst, run{text: text, st: n.st, nocase: n.nocase, link: n.link})
		}
	} else {
		any := false
		for _, k := range n.kids {
			mark := len(dst)
			if any && n.delim != "" {
				dst = append(dst, run{text: n.delim})
			}
			kStart := len(dst)
			dst = p.flattenInto(dst, k, quotes)
			if !dst[kStart:].hasText() && !hasBlock(dst[kStart:]) {
				dst = dst[:mark]
				continue
			}
			if kStart > mark {
				if c := dst[kStart:].firstChar(); c == ',' || c == ';' || c == '.' {
					dst[mark].text = ""
				} else {
					fixJoin(dst, cStart, mark)
				}
			}
			if any {
				fixJoin(dst, cStart, kStart)
			}
			any = true
		}
		if n.link != "" {
			for i := cStart; i < len(dst); i++ {
				dst[i].link = n.link
			}
		}
	}
	if !dst[cStart:].hasText() && !hasBlock(dst[cStart:]) {
		return dst[:start]
	}
	if f == nil {
		return dst
	}
	p.applyFmt(dst[cStart:], f)
	if f.quotes {
		closeQ, _ := p.loc.term(quoteTerm("close", quotes-1), "long", false)
		if closeQ == "" {
			closeQ = "”"
		}
		closeQ = curlyQuote(closeQ, false)
		dst = append(dst, run{text: closeQ, qclose: true})
	}
	if preAt >= 0 {
		fixJoin(dst, preAt, preAt+1)
	}
	if f.suffix != "" {
		b := len(dst)
		dst = append(dst, run{text: f.suffix})
		fixJoin(dst, start, b)
	}
	if f.display != "" {
		dst = append(dst, run{blockEnd: true})
	}
	return dst
}

// fixJoin merges the punctuation where dst[lo:b] meets dst[b:], in place,
// until nothing changes (" " + "." drops the space, then "." + "." merges).
func fixJoin(dst runs, lo, b int) {
	x, y := dst[lo:b], dst[b:]
	for range 4 {
		if !x.hasText() || !y.hasText() {
			return
		}
		a, c := x.lastChar(), y.firstChar()
		if c == '.' && (a == '"' || a == '\'' || a == '”' || a == '’' || a == '»') {
			// look behind a closing quote: "Title?”" + "." keeps the quote's "?"
			t := strings.TrimRight(x.text(), " \"'”’»")
			if r, _ := utf8.DecodeLastRuneInString(t); r == '.' || r == '?' || r == '!' {
				y.trimStartChar('.')
			}
			return
		}
		switch punctRule(a, c) {
		case keepFirst:
			y.trimStartChar(c)
		case keepSecond:
			x.trimEndChar(a)
		default:
			return
		}
	}
}

func hasBlock(rs runs) bool {
	for _, r := range rs {
		if r.blockStart != "" {
			return true
		}
	}
	return false
}

// applyFmt applies the formatting of an element to its content, in place.
func (p *Processor) applyFmt(out runs, f *fmting) {
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
		// pandoc applies font-style inside the case change, which hides
		// the last word from the last-word rule of title case
		p.textCase(out, f.textCase, f.fontStyle == "")
	}
}

func applyStyle(s style, f *fmting) style {
	// an inner element that chose a property (its "set" flag) wins over
	// the outer one; "normal" only claims the property
	claim := func(bit, set style) {
		if s&set == 0 {
			s |= bit | set
		}
	}
	switch f.fontStyle {
	case "italic", "oblique":
		if s&stItalicSet != 0 && s&stItalic != 0 {
			s &^= stItalic // italics inside italics turn upright
		}
		claim(stItalic, stItalicSet)
	case "normal":
		claim(0, stItalicSet)
	}
	switch f.fontWeight {
	case "bold":
		claim(stBold, stBoldSet)
	case "normal", "light":
		claim(0, stBoldSet)
	}
	switch f.fontVariant {
	case "small-caps":
		claim(stSmallCaps, stVariantSet)
	case "normal":
		claim(0, stVariantSet)
	}
	switch f.verticalAlign {
	case "sup":
		claim(stSup, stAlignSet)
	case "sub":
		claim(stSub, stAlignSet)
	case "baseline":
		claim(0, stAlignSet)
	}
	switch f.textDecoration {
	case "underline":
		claim(stUnderline, stDecorSet)
	case "none":
		claim(0, stDecorSet)
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
				// the mark joins the closing quote's run, not the run
				// before it: a title ending in an italic phrase keeps
				// its period upright, as pandoc's citeproc prints it
				rs[i].text = t[:1] + rs[i].text
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

// isAlnum matches Haskell's isAlphaNum closely enough for word splitting.
func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// quoteTerm names the quotation-mark term for a nesting depth: outer marks,
// then inner ones, alternating.
func quoteTerm(side string, depth int) string {
	if depth%2 == 1 {
		return side + "-inner-quote"
	}
	return side + "-quote"
}

// hasDoubleQuote reports whether s holds a straight or curly double
// quotation mark: strings.ContainsAny, given non-ASCII marks, looks each
// character of s up in the set, and this runs for every leaf of every
// entry.
func hasDoubleQuote(s string) bool {
	if strings.IndexByte(s, '"') >= 0 {
		return true
	}
	// “ and ” are E2 80 9C and E2 80 9D
	for i := strings.IndexByte(s, 0xE2); i >= 0 && i+2 < len(s); {
		if s[i+1] == 0x80 && (s[i+2] == 0x9C || s[i+2] == 0x9D) {
			return true
		}
		j := strings.IndexByte(s[i+1:], 0xE2)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// dataQuotes gives double quotation marks written in the data (straight
// pairs, or curly ones) the locale's marks for their depth: inside a
// quoted title they become the inner marks ("Why ‘most’ findings"), as
// pandoc's citeproc and citeproc-js print them.
func (p *Processor) dataQuotes(s string, depth int) string {
	open, _ := p.loc.term(quoteTerm("open", depth), "long", false)
	shut, _ := p.loc.term(quoteTerm("close", depth), "long", false)
	if open == "" || shut == "" {
		return s
	}
	open, shut = curlyQuote(open, true), curlyQuote(shut, false)
	if strings.Count(s, "\"")%2 != 0 && !strings.ContainsAny(s, "“”") {
		return s // an odd straight quote is no pair: leave it
	}
	var b strings.Builder
	opening := true
	for _, r := range s {
		switch r {
		case '"':
			if opening {
				b.WriteString(open)
			} else {
				b.WriteString(shut)
			}
			opening = !opening
		case '“':
			b.WriteString(open)
			opening = false
		case '”':
			b.WriteString(shut)
			opening = true
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

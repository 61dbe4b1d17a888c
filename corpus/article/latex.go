package article

import (
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// The LaTeX reader is written by hand: no Go library parses LaTeX into
// positioned text, and an article needs only a reading of its prose, not
// TeX's macro expansion. It scans the body once, keeping \cite commands as
// written, dropping math and non-prose environments, and turning accents
// and symbols into characters with bibtex.Decode one command at a time (so
// that positions stay exact). \input and \include are not followed.

var (
	citeCmds = set("cite", "citep", "citet", "citealp", "citealt", "citeauthor", "citeyear", "citeyearpar",
		"citenum", "citetext", "parencite", "textcite", "autocite", "footcite", "smartcite", "supercite",
		"fullcite", "nocite", "Cite", "Citep", "Citet", "Parencite", "Textcite", "Autocite", "Smartcite",
		"Citeauthor", "cites", "parencites", "textcites", "autocites", "footcites", "smartcites", "supercites",
		"Cites", "Parencites", "Textcites", "Autocites", "footfullcite", "citeA", "citeN", "shortcite")
	sectionLevels = map[string]int{"part": 1, "chapter": 2, "section": 3, "subsection": 4, "subsubsection": 5,
		"paragraph": 6, "subparagraph": 7}
	// keepCmds print their (last) argument.
	keepCmds = set("emph", "textit", "textbf", "textsc", "textrm", "textsf", "texttt", "textup", "textmd",
		"textsl", "textnormal", "underline", "uline", "mbox", "hbox", "fbox", "text", "textup", "uppercase",
		"lowercase", "MakeUppercase", "MakeLowercase", "NoCaseChange", "mkbibemph", "mkbibitalic", "mkbibbold",
		"foreignlanguage", "textcolor", "colorbox", "hyperlink", "hypertarget", "acrshort", "acrlong", "acrfull",
		"gls", "Gls", "glspl", "ac", "acs", "acl", "acf", "textenglish", "textlatin", "textgreek", "small",
		"makebox", "framebox", "raisebox", "ensuremath")
	// dropCmds print nothing; the number is how many {} arguments they
	// take (optional [] arguments are skipped as well).
	dropCmds = map[string]int{"ref": 1, "eqref": 1, "label": 1, "pageref": 1, "autoref": 1, "cref": 1, "Cref": 1,
		"vref": 1, "nameref": 1, "crefrange": 2, "includegraphics": 1, "bibliographystyle": 1, "input": 1,
		"include": 1, "subfile": 1, "includeonly": 1, "usepackage": 1, "RequirePackage": 1, "documentclass": 1,
		"setlength": 2, "addtolength": 2, "setcounter": 2, "addtocounter": 2, "vspace": 1, "hspace": 1,
		"pagestyle": 1, "thispagestyle": 1, "pagenumbering": 1, "setminted": 1, "setmintedinline": 1,
		"lstset": 1, "hypersetup": 1, "graphicspath": 1, "color": 1, "index": 1, "glossary": 1,
		"printbibliography": 0, "bibliographystyle*": 1, "phantom": 1, "hphantom": 1, "vphantom": 1,
		"DeclareMathOperator": 2, "newcounter": 1, "newlength": 1, "captionsetup": 1, "linespread": 1,
		"fontsize": 2, "selectfont": 0, "newtheorem": 2, "theoremstyle": 1, "lipsum": 0, "blindtext": 0,
		"acrodef": 2, "newacronym": 3, "newglossaryentry": 2, "hyphenation": 1, "urlstyle": 1, "geometry": 1,
		"definecolor": 3, "titleformat": 5, "numberwithin": 2, "counterwithin": 2, "tnotemark": 0,
		"tnotetext": 1, "fnmark": 0, "fntext": 1, "cortext": 1, "ead": 1, "received": 1, "accepted": 1,
		"published": 1, "doi": 1, "history": 1, "pdfbookmark": 2, "addcontentsline": 3, "markboth": 2, "markright": 1}
	// metaCmds hold the title page's metadata: all their arguments go.
	metaCmds = set("author", "address", "affiliation", "affil", "institute", "institution", "email", "orcid",
		"thanks", "date", "keywords", "copyrightyear", "copyrightclause", "conference", "titlerunning",
		"authorrunning", "subtitle", "IEEEauthorblockN", "IEEEauthorblockA", "IEEEoverridecommandlockouts",
		"IEEEpeerreviewmaketitle", "corref", "cormark", "tnoteref", "journal", "volume", "issue", "pubyear",
		"copyright", "acmConference", "acmBooktitle", "acmYear", "acmDOI", "acmISBN", "setcopyright",
		"ccsdesc", "shortauthors", "authornote", "icmlauthor", "icmlaffiliation", "icmlcorrespondingauthor")
	accentCmds = set("c", "v", "u", "H", "k", "r", "t", "d", "b", "G", "h", "f", "U")
	mathEnvs   = set("equation", "align", "eqnarray", "gather", "multline", "displaymath", "math", "flalign",
		"alignat", "split", "dmath", "subequations", "IEEEeqnarray")
	verbatimEnvs = set("verbatim", "Verbatim", "lstlisting", "minted", "comment", "filecontents", "alltt",
		"BVerbatim", "LVerbatim", "codebox", "tcblisting")
	floatEnvs = set("figure", "table", "wrapfigure", "subfigure", "sidewaysfigure", "sidewaystable", "SCfigure",
		"wraptable", "floatrow", "subtable", "listing")
	skipEnvs = set("tabular", "tabularx", "tabulary", "tabular*", "longtable", "array", "tikzpicture",
		"pgfpicture", "algorithm", "algorithmic", "algorithm2e", "algorithmicx", "keywords", "titlepage",
		"thebibliography*", "picture", "axis", "forest", "CCSXML", "IEEEkeywords", "tblr")
	listEnvs = set("itemize", "enumerate", "description", "compactitem", "compactenum", "inparaenum",
		"asparaenum", "enumerate*", "itemize*", "description*", "outline")
	// envArgs are the {} arguments an environment takes after its name.
	envArgs = map[string]int{"minipage": 1, "multicols": 1, "thebibliography": 1, "wrapfigure": 2,
		"otherlanguage": 1, "adjustbox": 1, "tcolorbox": 0, "spacing": 1, "mdframed": 0}
)

// texMaxDepth bounds the nesting of arguments read (\emph{\emph{...}}).
const texMaxDepth = 64

type texList struct {
	ordered bool
	next    int
}

type texReader struct {
	src    *source
	s      string
	blocks []rawBlock
	title  string
	bibs   []string

	b       *builder // the paragraph being read
	kind    corpus.BlockKind
	item    int
	pending []rawBlock // footnotes, emitted after their paragraph
	notes   int        // footnotes so far
	lists   []texList
	// missing remembers searches that failed, so that a thousand \( without
	// \) cost one scan, not a thousand.
	missing map[string][2]int

	bibKey   string // inside thebibliography: the current \bibitem's key
	bibGroup int    // and its number, so that its paragraphs make one entry
	inBib    bool
	depth    int

	links []corpus.Link // \href and \url, in source order
}

func readLaTeX(src *source) reader {
	s := src.text
	t := &texReader{src: src, s: s, b: newBuilder(src), kind: corpus.KindSentence, item: -1}
	start, end := 0, len(s)
	if i := findTeX(s, `\begin{document}`, 0); i >= 0 {
		t.preamble(0, i)
		start = i + len(`\begin{document}`)
		if j := findTeX(s, `\end{document}`, start); j >= 0 {
			end = j
		}
	}
	t.run(start, end, t.b)
	t.flush()
	classifyPaperLinks(t.links)
	return reader{title: t.title, bibs: t.bibs, blocks: t.blocks, suppress: texSuppressions(src, start, end), links: t.links}
}

// texSuppressions finds the "% evident:ignore" comments of the body
// s[start:end]: the directive must open a comment, on a line of its own or
// after text. (One in a verbatim environment is read as well.)
func texSuppressions(src *source, start, end int) []corpus.Suppression {
	var out []corpus.Suppression
	s := src.text
	for off := start; off < end; {
		i := strings.Index(s[off:end], IgnoreDirective)
		if i < 0 {
			break
		}
		i += off
		lineEnd := end
		if j := strings.IndexByte(s[i:end], '\n'); j >= 0 {
			lineEnd = i + j
		}
		off = lineEnd
		if !inComment(s, i) {
			continue
		}
		pct := strings.LastIndexByte(s[:i], '%')
		if codes, ok := ParseIgnore(strings.TrimLeft(s[pct:lineEnd], "% \t")); ok {
			out = append(out, corpus.Suppression{Line: src.pos(i).Line, Codes: codes})
		}
	}
	return out
}

// findTeX finds the first occurrence of cmd at or after from that is not
// inside a % comment.
func findTeX(s, cmd string, from int) int {
	for from < len(s) {
		i := strings.Index(s[from:], cmd)
		if i < 0 {
			return -1
		}
		i += from
		if !inComment(s, i) {
			return i
		}
		from = i + len(cmd)
	}
	return -1
}

// inComment reports whether offset i is after an unescaped % on its line.
func inComment(s string, i int) bool {
	ls := strings.LastIndexByte(s[:i], '\n') + 1
	for j := ls; j < i; j++ {
		switch s[j] {
		case '\\':
			j++
		case '%':
			return true
		}
	}
	return false
}

// preamble reads what the body needs from before \begin{document}: the
// title and the bibliography files.
func (t *texReader) preamble(start, end int) {
	s := t.s
	for i := start; i < end; i++ {
		switch s[i] {
		case '%':
			i = t.skipComment(i, end) - 1
		case '\\':
			j := i + 1
			for j < end && isTeXLetter(s[j]) {
				j++
			}
			switch s[i+1 : j] {
			case "title", "bibliography", "addbibresource":
				i = t.command(i, end, newBuilder(t.src)) - 1
			default:
				i = j - 1
			}
		}
	}
}

func isTeXLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '@' }

// flush ends the paragraph being read, and emits the footnotes it held.
func (t *texReader) flush() {
	r := rawBlock{kind: t.kind, item: t.item}
	if t.inBib {
		r.refList, r.key, r.group = true, t.bibKey, t.bibGroup
	}
	r.text, r.pos, r.lines = t.b.take()
	if r.text != "" {
		t.blocks = append(t.blocks, r)
		t.item = -1
	}
	t.blocks = append(t.blocks, t.pending...)
	t.pending = nil
}

// emit adds a block of its own (heading, caption), ending the paragraph.
func (t *texReader) emit(r rawBlock, b *builder) {
	t.flush()
	r.text, r.pos, r.lines = b.take()
	if r.text != "" {
		t.blocks = append(t.blocks, r)
	}
	t.blocks = append(t.blocks, t.pending...)
	t.pending = nil
}

// run reads s[i:end] into b. Paragraph breaks end a block only when b is
// the paragraph builder; inside an argument they are spaces.
func (t *texReader) run(i, end int, b *builder) {
	s := t.s
	if t.depth > texMaxDepth {
		return
	}
	t.depth++
	defer func() { t.depth-- }()
	for i < end {
		c := s[i]
		switch c {
		case '%':
			i = t.skipComment(i, end)
			i = t.parBreak(i, end, b)
		case '\n':
			b.softBreak(i)
			i = t.parBreak(i+1, end, b)
		case '\\':
			i = t.command(i, end, b)
		case '{', '}':
			i++
		case '$':
			i = t.dollarMath(i, end, b)
		case '~':
			b.markSpace(t.src.pos(i), false)
			i++
		case '`':
			if i+1 < end && s[i+1] == '`' {
				b.addStr("“", i)
				i += 2
			} else {
				b.addStr("‘", i)
				i++
			}
		case '\'':
			if i+1 < end && s[i+1] == '\'' {
				b.addStr("”", i)
				i += 2
			} else {
				b.addSrc(i, i+1)
				i++
			}
		case '-':
			switch {
			case strings.HasPrefix(s[i:end], "---"):
				b.addStr("—", i)
				i += 3
			case strings.HasPrefix(s[i:end], "--"):
				b.addStr("–", i)
				i += 2
			default:
				b.addSrc(i, i+1)
				i++
			}
		default:
			j := i + 1
			for j < end && !strings.ContainsRune("%\n\\{}$~`'-", rune(s[j])) {
				j++
			}
			b.addSrc(i, j)
			i = j
		}
	}
}

// parBreak is called at the start of a line: if the line is blank, the
// paragraph ends (when b is the paragraph builder).
func (t *texReader) parBreak(i, end int, b *builder) int {
	j := i
	for j < end && (t.s[j] == ' ' || t.s[j] == '\t') {
		j++
	}
	if j >= end || t.s[j] != '\n' {
		return i
	}
	if b == t.b {
		t.flush()
	} else {
		b.markSpace(t.src.pos(i), true)
	}
	for j < end && (t.s[j] == ' ' || t.s[j] == '\t' || t.s[j] == '\n') {
		j++
	}
	return j
}

// dollarMath drops $...$ and $$...$$; a lone $ is kept as text.
func (t *texReader) dollarMath(i, end int, b *builder) int {
	s := t.s
	delim := "$"
	if i+1 < end && s[i+1] == '$' {
		delim = "$$"
	}
	from := i + len(delim)
	for k := from; k < end; k++ {
		switch s[k] {
		case '\\':
			k++
		case '$':
			if strings.HasPrefix(s[k:end], delim) {
				return t.afterDrop(k+len(delim), end, b)
			}
			if delim == "$" {
				return t.afterDrop(k+1, end, b)
			}
		}
	}
	b.addSrc(i, i+1)
	return i + 1
}

// afterDrop is called after something that prints nothing was removed: a
// space left before it must not end up before punctuation ("Table \ref{t}.").
func (t *texReader) afterDrop(i, end int, b *builder) int {
	if i < end && strings.IndexByte(".,;:)]", t.s[i]) >= 0 {
		b.dropSpace()
		if n := len(b.text); t.s[i] == ')' && n > 0 && b.text[n-1] == '(' {
			b.truncate(n - 1) // "(\ref{x})" leaves nothing between its parentheses
			b.trimSpace()
			return i + 1
		}
	}
	return i
}

// command reads the command at s[i] == '\\' and returns the offset after
// it.
func (t *texReader) command(i, end int, b *builder) int {
	s := t.s
	if i+1 >= end {
		return end
	}
	c := s[i+1]
	if !isTeXLetter(c) {
		return t.controlSymbol(i, end, b)
	}
	j := i + 1
	for j < end && isTeXLetter(s[j]) {
		j++
	}
	name := s[i+1 : j]
	star := j < end && s[j] == '*'

	switch {
	case citeCmds[name]:
		k := t.citeEnd(name, j, end)
		b.addSrc(i, k)
		return k
	case sectionLevels[name] > 0:
		k := j
		if star {
			k++
		}
		if _, _, next, ok := t.optional(k, end); ok {
			k = next
		}
		in, out, next, ok := t.group(k, end)
		if !ok {
			return k
		}
		hb := newBuilder(t.src)
		t.run(in, out, hb)
		t.emit(rawBlock{kind: corpus.KindHeading, level: sectionLevels[name], item: -1}, hb)
		return next
	case keepCmds[name]:
		return t.keepArg(name, j, end, b)
	}
	if n, ok := dropCmds[name]; ok {
		return t.afterDrop(t.skipArgs(j, end, n), end, b)
	}
	if metaCmds[name] {
		return t.skipAllArgs(j, end)
	}
	if accentCmds[name] {
		k := t.accentArg(t.skipSpace(j, end), end)
		if d := bibtex.Decode(s[i:k]); d != "" {
			b.addStr(d, i)
		}
		return k
	}
	switch name {
	case "begin":
		return t.begin(i, j, end, b)
	case "end":
		_, _, next, _ := t.group(j, end)
		return next
	case "title":
		k := j
		if _, _, next, ok := t.optional(k, end); ok {
			k = next
		}
		in, out, next, ok := t.group(k, end)
		if ok {
			tb := newBuilder(t.src)
			t.run(in, out, tb)
			if text, _, _ := tb.take(); text != "" {
				t.title = text
			}
		}
		return next
	case "bibliography", "addbibresource", "addglobalbib":
		k := j
		if _, _, next, ok := t.optional(k, end); ok {
			k = next
		}
		in, out, next, ok := t.group(k, end)
		if ok {
			for _, f := range strings.Split(s[in:out], ",") {
				if f = strings.TrimSpace(f); f != "" {
					t.bibs = append(t.bibs, f)
				}
			}
		}
		return next
	case "footnote", "footnotetext":
		return t.footnote(name, i, j, end, b)
	case "footnotemark":
		k := t.skipArgs(j, end, 0)
		t.notes++
		b.addStr("[^fn"+strconv.Itoa(t.notes)+"]", i)
		return k
	case "caption", "captionof", "subcaption", "subcaptionbox":
		k := j
		if star {
			k++
		}
		if name == "captionof" {
			_, _, k, _ = t.group(k, end)
		}
		if _, _, next, ok := t.optional(k, end); ok {
			k = next
		}
		in, out, next, ok := t.group(k, end)
		if !ok {
			return k
		}
		cb := newBuilder(t.src)
		t.run(in, out, cb)
		t.emit(rawBlock{kind: corpus.KindCaption, item: -1}, cb)
		return next
	case "href":
		return t.href(j, end, b)
	case "url":
		return t.url(j, end, b)
	case "nolinkurl", "path":
		in, out, next, ok := t.group(j, end)
		if ok {
			b.addSrc(in, out)
		}
		return next
	case "verb", "lstinline", "mintinline":
		return t.inlineCode(name, j, end, b)
	case "textsuperscript", "mkbibsuperscript":
		in, out, next, ok := t.group(j, end)
		if ok {
			b.addStr("^", i)
			b.dropSpace()
			t.run(in, out, b)
			b.dropSpace()
			b.addStr("^", max(out-1, in))
		}
		return next
	case "enquote", "mkbibquote", "textquote":
		in, out, next, ok := t.group(j, end)
		if ok {
			b.addStr("“", i)
			t.run(in, out, b)
			b.addStr("”", max(out-1, in))
		}
		return next
	case "item":
		k := j
		if b == t.b {
			t.flush()
			t.kind = corpus.KindListItem
			t.item = -1
			if n := len(t.lists); n > 0 && t.lists[n-1].ordered {
				t.item = t.lists[n-1].next
				t.lists[n-1].next++
			}
		} else {
			b.markSpace(t.src.pos(i), false)
		}
		if in, out, next, ok := t.optional(k, end); ok {
			t.run(in, out, b)
			k = next
		}
		return k
	case "bibitem":
		k := j
		if _, _, next, ok := t.optional(k, end); ok {
			k = next
		}
		in, out, next, ok := t.group(k, end)
		if b == t.b {
			t.flush()
			if ok {
				t.bibKey = strings.TrimSpace(s[in:out])
			}
			t.bibGroup++
		}
		return next
	case "par", "newline", "linebreak", "newblock", "quad", "qquad", "smallskip", "medskip", "bigskip", "hfill":
		if name == "par" && b == t.b {
			t.flush()
		} else {
			b.markSpace(t.src.pos(i), false)
		}
		return t.skipArgs(j, end, 0)
	case "newcommand", "renewcommand", "providecommand", "newcommand*", "renewcommand*", "DeclareRobustCommand":
		k := j
		if star {
			k++
		}
		if _, _, next, ok := t.group(k, end); ok {
			k = next
		} else {
			k = t.skipToken(k, end)
		}
		return t.skipArgs(k, end, 1)
	case "newenvironment", "renewenvironment":
		return t.skipArgs(j, end, 3)
	case "def", "gdef", "edef", "xdef":
		k := t.skipToken(t.skipSpace(j, end), end)
		for k < end && t.s[k] != '{' && t.s[k] != '\n' {
			k++
		}
		_, _, next, _ := t.group(k, end)
		return next
	case "let":
		return t.skipToken(t.skipToken(t.skipSpace(j, end), end), end)
	}
	// A symbol (\ss, \dots, \alpha) prints itself; any other command goes,
	// with its optional arguments, and its {} arguments are read as text.
	if d := bibtex.Decode(s[i:j]); d != "" {
		b.addStr(d, i)
		k := j
		if k+1 < end && s[k] == '{' && s[k+1] == '}' {
			k += 2
		}
		return k
	}
	k := j
	if star {
		k++
	}
	for {
		_, _, next, ok := t.optional(k, end)
		if !ok {
			break
		}
		k = next
	}
	return k
}

// keepArg reads the argument a formatting command prints.
func (t *texReader) keepArg(name string, j, end int, b *builder) int {
	k := j
	if k < end && t.s[k] == '*' {
		k++
	}
	skip := 0 // arguments before the printed one
	switch name {
	case "foreignlanguage", "textcolor", "colorbox", "hyperlink", "hypertarget", "raisebox":
		skip = 1
	}
	for {
		if _, _, next, ok := t.optional(k, end); ok {
			k = next
			continue
		}
		break
	}
	for ; skip > 0; skip-- {
		_, _, k, _ = t.group(k, end)
	}
	in, out, next, ok := t.group(k, end)
	if !ok {
		return k
	}
	t.run(in, out, b)
	return next
}

func (t *texReader) controlSymbol(i, end int, b *builder) int {
	s := t.s
	c := s[i+1]
	switch c {
	case '\\':
		b.softBreak(i)
		k := i + 2
		if k < end && s[k] == '*' {
			k++
		}
		if _, _, next, ok := t.optional(k, end); ok {
			k = next
		}
		return k
	case '%', '&', '#', '_', '$', '{', '}':
		b.addSrc(i+1, i+2)
		return i + 2
	case ',', ';', ':', ' ', '\t', '\n', '>':
		b.markSpace(t.src.pos(i), false)
		return i + 2
	case '!', '-', '/', '@', '*':
		return i + 2
	case '(':
		if k := t.find(`\)`, i+2, end); k >= 0 {
			return t.afterDrop(k+2, end, b)
		}
		return i + 2
	case '[':
		if k := t.find(`\]`, i+2, end); k >= 0 {
			return t.afterDrop(k+2, end, b)
		}
		return i + 2
	case '\'', '`', '^', '"', '~', '=', '.':
		k := t.accentArg(i+2, end)
		if d := bibtex.Decode(s[i:k]); d != "" {
			b.addStr(d, i)
		}
		return k
	}
	_, size := decodeRune(s[i+1 : end])
	return i + 1 + size
}

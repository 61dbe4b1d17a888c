package bibtex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The decoder is written by hand: no library turns BibTeX's subset of LaTeX
// into text, and it runs on every field of every entry, so it is one pass
// over the bytes with a single output buffer, no regular expressions and
// recursion only for the rare accent whose argument is itself LaTeX.

// Decode turns a BibTeX field value (LaTeX source without the outer
// delimiters) into Unicode text: accents and special letters become
// characters, formatting commands keep their argument, braces go, math
// between $...$ or \(...\) is kept as written, whitespace collapses to one
// space and the result is trimmed and in NFC. A value that needs none of
// this is returned as it is, without allocating.
func Decode(s string) string {
	if latexIsPlain(s) {
		return s
	}
	var d latexDecoder
	d.b.Grow(len(s))
	d.run(s)
	return d.finish()
}

// DecodeVerbatim decodes a field that holds a URL, an e-print id or a
// file path (biblatex's verbatim fields): as written, without braces, with
// \% \_ \# and the like losing their backslash, and a ~ kept as a tilde, as
// \url{} keeps it, rather than read as a non-breaking space.
func DecodeVerbatim(s string) string {
	var d latexDecoder
	d.b.Grow(len(s))
	d.copyRaw(s, true)
	return d.finish()
}

// verbatimFields are the fields biblatex reads verbatim, less doi: DOIs
// hold no tilde, and the identifier normaliser reads doi fields itself.
var verbatimFields = map[string]bool{"url": true, "urlraw": true, "eprint": true, "file": true, "pdf": true}

// DecodeTitle is Decode that also returns the brace-protected words or
// phrases of a title, decoded, as a reader would see them: "{DNA} repair in
// {E. coli}" gives "DNA" and "E. coli". A group that starts with a command,
// such as {\"O}, is a special character and protects nothing, as in BibTeX.
// A command's argument (\emph{...}) is no protection either, but a group
// directly inside one is (\textbf{{DNA}}).
func DecodeTitle(s string) (text string, protected []string) {
	if latexIsPlain(s) {
		return s, nil
	}
	d := latexDecoder{title: true}
	d.b.Grow(len(s))
	d.run(s)
	raw := d.b.String()
	text = d.finish()
	for _, sp := range d.spans {
		p := latexTrimSpace(raw[sp[0]:sp[1]])
		if strings.IndexFunc(p, latexIsWordRune) < 0 {
			continue // {}, {"}: nothing a reader would call a word
		}
		if d.nfc {
			p = norm.NFC.String(p)
		}
		if protected == nil {
			protected = make([]string, 0, len(d.spans))
		}
		protected = append(protected, p)
	}
	return text, protected
}

func latexIsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// latexDecoder holds the state of one Decode call.
type latexDecoder struct {
	b     strings.Builder
	space bool // whitespace seen since the last text, written lazily so that runs collapse and the ends trim
	nfc   bool // the output may not be in NFC: a character from U+0300 up, such as a combining mark, was written
	quote int  // single quotes opened with ` and not yet closed with '
	nest  int  // how deep this decoder sits in accent arguments, bounded against hostile input

	unclosed int // kinds of math found never to close: latexNo...

	// Brace tracking, only for DecodeTitle.
	title   bool
	depth   int      // braces open
	args    int      // the outermost args open groups are all command arguments
	arg     bool     // the next '{' opens a command's argument
	special bool     // the group open at depth args+1 is a special character such as {\"O}
	start   int      // output offset where the group open at depth args+1 began
	spans   [][2]int // output offsets of the protected groups
}

// Kinds of math delimiter, for latexDecoder.unclosed.
const (
	latexNoInline  = 1 << iota // $
	latexNoDisplay             // $$
	latexNoParen               // \(
	latexNoBracket             // \[
)

// latexMaxNest bounds recursion into accent arguments such as \"{\"{...}}.
const latexMaxNest = 8

// latexIsPlain reports whether s is already text: nothing to decode, no
// whitespace to collapse or trim, valid UTF-8 in NFC.
func latexIsPlain(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	checkNFC := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '{', '}', '~', '$', '`', '\t', '\n', '\r', '\f', '\v':
			return false
		case ' ', '-', '\'':
			if i+1 < len(s) && s[i+1] == c {
				return false
			}
		default:
			if c >= utf8.RuneSelf {
				r, size := utf8.DecodeRuneInString(s[i:])
				if r == utf8.RuneError && size == 1 {
					return false
				}
				// Below U+0300 every character is in NFC and combines
				// with nothing before it: most Latin text needs no check.
				checkNFC = checkNFC || r >= 0x300
				i += size - 1
			}
		}
	}
	return !checkNFC || norm.NFC.QuickSpanString(s) == len(s)
}

func latexIsSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return true
	}
	return false
}

func latexIsLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// latexIsOrdinary reports whether c stands for itself in LaTeX source, so a
// run of such bytes can be copied at once.
func latexIsOrdinary(c byte) bool {
	switch c {
	case '\\', '{', '}', '~', '$', '`', '\'', '-', '!', '?', ' ', '\t', '\n', '\r', '\f', '\v':
		return false
	}
	return c < utf8.RuneSelf
}

func latexSkipSpace(s string, i int) int {
	for i < len(s) && latexIsSpace(s[i]) {
		i++
	}
	return i
}

func latexTrimSpace(s string) string {
	i, j := 0, len(s)
	for i < j && latexIsSpace(s[i]) {
		i++
	}
	for j > i && latexIsSpace(s[j-1]) {
		j--
	}
	return s[i:j]
}

// latexGroupEnd returns the index of the brace that closes the group opened
// at s[i], or len(s) when the group never closes.
func latexGroupEnd(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++ // an escaped brace does not count
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return len(s)
}

// flush writes the pending space, unless nothing has been written yet.
func (d *latexDecoder) flush() {
	if d.space {
		if d.b.Len() > 0 {
			d.b.WriteByte(' ')
		}
		d.space = false
	}
}

func (d *latexDecoder) str(t string) {
	if t == "" {
		return // \d{} writes nothing, and must not write the space before it
	}
	d.flush()
	d.b.WriteString(t)
}

func (d *latexDecoder) finish() string {
	if d.nfc {
		return norm.NFC.String(d.b.String()) // no copy when already in NFC
	}
	return d.b.String()
}

// run decodes s into d.
func (d *latexDecoder) run(s string) {
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case latexIsOrdinary(c):
			j := i + 1
			for j < len(s) && latexIsOrdinary(s[j]) {
				j++
			}
			d.str(s[i:j])
			i = j
		case latexIsSpace(c) || c == '~':
			d.space = true
			i++
		case c == '\\':
			i = d.command(s, i)
		case c == '{':
			d.open(s, i)
			i++
		case c == '}':
			d.close(s, i)
			i++
		case c == '$':
			i = d.dollar(s, i)
		case c == '-':
			switch {
			case strings.HasPrefix(s[i:], "---"):
				d.str("—")
				i += 3
			case strings.HasPrefix(s[i:], "--"):
				d.str("–")
				i += 2
			default:
				d.str("-")
				i++
			}
		case c == '`':
			if i+1 < len(s) && s[i+1] == '`' {
				d.str("“")
				i += 2
			} else {
				d.str("‘")
				d.quote++
				i++
			}
		case c == '\'':
			switch {
			case i+1 < len(s) && s[i+1] == '\'':
				d.str("”")
				i += 2
			case d.quote > 0:
				d.str("’")
				d.quote--
				i++
			default:
				d.str("'")
				i++
			}
		case c == '!' || c == '?':
			// TeX's ligatures !` and ?` for the Spanish marks.
			if i+1 < len(s) && s[i+1] == '`' {
				if c == '!' {
					d.str("¡")
				} else {
					d.str("¿")
				}
				i += 2
			} else {
				d.str(s[i : i+1])
				i++
			}
		default:
			i = d.copyRune(s, i)
		}
	}
}

// copyRune copies the UTF-8 sequence at s[i], replacing invalid bytes.
func (d *latexDecoder) copyRune(s string, i int) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	d.flush()
	if r == utf8.RuneError && size <= 1 {
		d.b.WriteRune(utf8.RuneError)
		return i + 1
	}
	d.b.WriteString(s[i : i+size])
	d.nfc = d.nfc || r >= 0x300 // see latexIsPlain
	return i + size
}

// copyRaw copies t as written, for math and URLs: only whitespace runs
// collapse. With url set, braces go and \% \_ \# and the like lose their
// backslash.
func (d *latexDecoder) copyRaw(t string, url bool) {
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case latexIsSpace(c):
			d.space = true
			i++
		case url && (c == '{' || c == '}'):
			i++
		case url && c == '\\' && i+1 < len(t) && latexIsSpace(t[i+1]):
			d.space = true // "\ " is a space, which collapses like any other
			i += 2
		case url && c == '\\' && i+1 < len(t) && t[i+1] < utf8.RuneSelf && !latexIsLetter(t[i+1]):
			d.str(t[i+1 : i+2])
			i += 2
		case c < utf8.RuneSelf:
			j := i + 1
			for j < len(t) && !latexRawStop(t[j], url) {
				j++
			}
			d.str(t[i:j])
			i = j
		default:
			i = d.copyRune(t, i)
		}
	}
}

// latexRawStop reports whether copyRaw must look at c on its own.
func latexRawStop(c byte, url bool) bool {
	return c >= utf8.RuneSelf || latexIsSpace(c) || url && (c == '\\' || c == '{' || c == '}')
}

// open handles '{' at s[i]. Braces only group, so nothing is written. In a
// title, a group that is top-level, or directly inside command arguments
// only (\textbf{{DNA}}), is remembered to report what it protects.
func (d *latexDecoder) open(s string, i int) {
	arg := d.arg
	d.arg = false
	if !d.title {
		return
	}
	d.depth++
	if d.depth != d.args+1 {
		return
	}
	switch {
	case arg:
		d.args++
	case i+1 < len(s) && s[i+1] == '\\':
		d.special = true
	default:
		d.special = false
		d.start = d.b.Len()
	}
}

// close handles '}' at s[i]; a stray one is dropped.
func (d *latexDecoder) close(s string, i int) {
	d.arg = false
	if !d.title || d.depth == 0 {
		return
	}
	closed := d.depth
	d.depth--
	switch {
	case closed == d.args:
		d.args--
		// \href{url}{text}, \frac{a}{b}: a group right after an
		// argument is the next argument.
		d.arg = i+1 < len(s) && s[i+1] == '{'
	case closed == d.args+1 && !d.special:
		if d.spans == nil {
			d.spans = make([][2]int, 0, 8)
		}
		d.spans = append(d.spans, [2]int{d.start, d.b.Len()})
	}
}

// dollar handles '$' at s[i]: inline or display math is copied as written;
// a '$' that opens nothing is a dollar sign.
func (d *latexDecoder) dollar(s string, i int) int {
	if d.unclosed&latexNoInline != 0 {
		d.str("$")
		return i + 1
	}
	display := i+1 < len(s) && s[i+1] == '$' && d.unclosed&latexNoDisplay == 0
	j := i + 1
	if display {
		j++
	}
	for j < len(s) {
		switch s[j] {
		case '\\':
			j += 2
			continue
		case '$':
			if !display {
				d.copyRaw(s[i:j+1], false)
				return j + 1
			}
			if j+1 < len(s) && s[j+1] == '$' {
				d.copyRaw(s[i:j+2], false)
				return j + 2
			}
		}
		j++
	}
	// Nothing closes it; a later one of the same kind will find nothing
	// either, so do not look again (which would be quadratic).
	if display {
		d.unclosed |= latexNoDisplay
	} else {
		d.unclosed |= latexNoInline
	}
	d.str("$")
	return i + 1
}

// latexMathEnd returns the index just past the control symbol \<closer> that
// ends math opened at s[i], or -1.
func latexMathEnd(s string, i int, closer byte) int {
	for j := i + 2; j+1 < len(s); j++ {
		if s[j] == '\\' {
			if s[j+1] == closer {
				return j + 2
			}
			j++
		}
	}
	return -1
}

// command handles the control sequence at s[i] == '\\' and returns where
// decoding goes on.
func (d *latexDecoder) command(s string, i int) int {
	i++
	if i >= len(s) {
		return i
	}
	c := s[i]
	if !latexIsLetter(c) {
		return d.controlSymbol(s, i)
	}
	j := i + 1
	for j < len(s) && latexIsLetter(s[j]) {
		j++
	}
	name := s[i:j]
	i = latexSkipSpace(s, j) // TeX ignores spaces after a control word

	if a := latexWordAccent(name); a >= 0 {
		return d.accent(s, i, a)
	}
	if sym, ok := latexSymbols[name]; ok {
		// A symbol takes no argument: in \LaTeX{} the group only ends the
		// name, and in \textendash{{Liquid}} it protects the word.
		d.str(sym)
		return i
	}
	switch name {
	case "url", "path", "nolinkurl", "doi":
		if i < len(s) && s[i] == '{' {
			end := latexGroupEnd(s, i)
			d.copyRaw(s[i+1:min(end, len(s))], true)
			return min(end+1, len(s))
		}
	case "href":
		if i < len(s) && s[i] == '{' {
			end := latexGroupEnd(s, i)
			k := latexSkipSpace(s, min(end+1, len(s)))
			if k < len(s) && s[k] == '{' {
				d.arg = true
				return k // the link text is decoded as usual
			}
			d.copyRaw(s[i+1:min(end, len(s))], true)
			return k
		}
	case "textsubscript", "textsuperscript":
		if end := d.scripts(s, i, name == "textsuperscript"); end > 0 {
			return end
		}
	case "quad", "qquad", "enspace", "enskip", "thinspace", "thickspace", "medspace", "space",
		"nobreakspace", "par", "newline", "linebreak", "hfill", "hfil", "smallskip", "medskip", "bigskip":
		d.space = true
		return i
	case "symbol", "char":
		if end, ok := d.charCode(s, i); ok {
			return end
		}
	case "hspace", "vspace":
		if i < len(s) && s[i] == '*' {
			i++
		}
		end := latexSkipArg(s, i)
		if !latexIsZeroLength(s[i:end]) {
			d.space = true
		}
		return end
	case "noopsort", "sortnoop", "SortNoop", "noop", "phantom", "hphantom", "vphantom",
		"label", "index", "cite", "citep", "citet", "nocite", "ref", "begin", "end":
		// Arguments a reader never sees.
		return latexSkipArg(s, i)
	}
	// Formatting and unknown commands: the name goes, the arguments stay.
	if i < len(s) && s[i] == '*' {
		i++
	}
	d.arg = i < len(s) && s[i] == '{'
	return i
}

// charCode writes the character numbered by \symbol{126}, \char126,
// \symbol{'176} or \symbol{"7E} and returns the index after the number.
func (d *latexDecoder) charCode(s string, i int) (int, bool) {
	braced := i < len(s) && s[i] == '{'
	j := i
	if braced {
		j++
	}
	base := 10
	if j < len(s) && s[j] == '\'' {
		base = 8
		j++
	} else if j < len(s) && s[j] == '"' {
		base = 16 // TeX writes hexadecimal digits in upper case
		j++
	}
	r, digits := rune(0), 0
	for ; j < len(s) && r <= unicode.MaxRune; j++ {
		v := strings.IndexByte("0123456789ABCDEF", s[j])
		if v < 0 || v >= base {
			break
		}
		r = r*rune(base) + rune(v)
		digits++
	}
	if digits == 0 || r > unicode.MaxRune || !utf8.ValidRune(r) || r < ' ' || r >= 0x7F && r <= 0x9F {
		return i, false
	}
	switch {
	case braced && (j >= len(s) || s[j] != '}'):
		return i, false
	case braced:
		j++
	case j < len(s) && s[j] == ' ':
		j++ // one space ends a TeX number and is not printed
	}
	d.flush()
	d.b.WriteRune(r)
	d.nfc = d.nfc || r >= 0x300
	return j, true
}

// latexIsZeroLength reports whether a length argument such as {0pt} is
// zero: \hspace{0pt} marks where a line may break, as in Zotero's
// "de’\hspace{0pt}", and is no space.
func latexIsZeroLength(arg string) bool {
	arg = strings.Trim(arg, "{} \t\n")
	unit := strings.TrimRight(arg, "abcdefghijklmnopqrstuvwxyz")
	return unit != "" && strings.Trim(unit, "+-0.") == ""
}

// latexSkipArg returns the index after the group or the single character
// at s[i].
func latexSkipArg(s string, i int) int {
	if i >= len(s) {
		return i
	}
	if s[i] == '{' {
		return min(latexGroupEnd(s, i)+1, len(s))
	}
	if s[i] == '\\' || s[i] == '}' {
		return i
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return i + size
}

// controlSymbol handles a backslash followed by the non-letter at s[i].
func (d *latexDecoder) controlSymbol(s string, i int) int {
	c := s[i]
	switch c {
	case '"', '\'', '`', '^', '~', '=', '.':
		return d.accent(s, i+1, latexSymbolAccent(c))
	case ' ', '\t', '\n', '\r', '\f', '\v', ',', ';', ':', '>', '\\':
		d.space = true
		return i + 1
	case '-', '/', '@', '!', '*':
		// Discretionary hyphen, italic correction, spacing hints.
		return i + 1
	case '(', '[':
		closer, kind := byte(')'), latexNoParen
		if c == '[' {
			closer, kind = ']', latexNoBracket
		}
		if d.unclosed&kind == 0 {
			if end := latexMathEnd(s, i-1, closer); end > 0 {
				d.copyRaw(s[i-1:end], false)
				return end
			}
			d.unclosed |= kind
		}
	}
	// \& \% \$ \# \_ \{ \} and any other escaped character stand for
	// themselves.
	if c < utf8.RuneSelf {
		d.str(s[i : i+1])
		return i + 1
	}
	return d.copyRune(s, i)
}

// scripts writes the group at s[i] as Unicode sub- or superscript digits
// and signs, as in H\textsubscript{2}O, and returns the index after it. It
// returns -1, writing nothing, when some character has no such form: the
// group is then decoded as ordinary text.
func (d *latexDecoder) scripts(s string, i int, super bool) int {
	if i >= len(s) || s[i] != '{' {
		return -1
	}
	j := i + 1
	for j < len(s) && (latexIsSpace(s[j]) || strings.IndexByte(latexScriptChars, s[j]) >= 0) {
		j++
	}
	t := latexTrimSpace(s[i+1 : j])
	if j >= len(s) || s[j] != '}' || t == "" {
		return -1
	}
	forms := latexSubscripts
	if super {
		forms = latexSuperscripts
	}
	d.flush()
	for k := 0; k < len(t); k++ {
		if c := t[k]; !latexIsSpace(c) {
			d.b.WriteRune(forms[strings.IndexByte(latexScriptChars, c)])
		}
	}
	return j + 1
}

const latexScriptChars = "0123456789+-=()"

var (
	latexSubscripts   = [...]rune{'₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉', '₊', '₋', '₌', '₍', '₎'}
	latexSuperscripts = [...]rune{'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁺', '⁻', '⁼', '⁽', '⁾'}
)

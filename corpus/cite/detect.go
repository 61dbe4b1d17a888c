package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// maxSpan bounds how far a bracket, math or code span is searched for its
// end, so that a stray opening bracket costs little.
const maxSpan = 2000

// Detect finds the citation markers of one sentence, with byte offsets into
// text (Marker.Start/End) and the cited works expanded: ranges 2–5 (en
// dash, hyphen, em dash, "to") cite 2, 3, 4 and 5 (a range of more than 500
// items, or a reversed one, is not a citation). Marker.Pos is left zero
// (the caller maps offsets).
//
// Detect sees one sentence only; Analyze uses the whole article to drop or
// flag markers whose form is an outlier.
func Detect(text string) []corpus.Marker {
	d := detector{s: text}
	d.scan()
	d.dropEnumerations()
	return d.markers
}

type detector struct {
	s       string
	markers []corpus.Marker
	lastEnd int // a narrative marker may not reach back before this
}

func (d *detector) add(kind corpus.MarkerKind, start, end int, cites []corpus.Cite, narrative bool) {
	d.markers = append(d.markers, corpus.Marker{
		Text: d.s[start:end], Kind: kind, Start: start, End: end, Cites: cites, Narrative: narrative,
	})
	d.lastEnd = end
}

// scan walks the text once; each handler returns the index after what it
// consumed (a marker, or a span such as math that holds none), or 0.
func (d *detector) scan() {
	s := d.s
	for i := 0; i < len(s); {
		next := 0
		switch s[i] {
		case '(':
			next = d.paren(i)
		case '[':
			next = d.bracket(i)
		case '\\':
			next = d.backslash(i)
		case '@':
			next = d.bareKey(i)
		case '^':
			next = d.caret(i)
		case 0xC2, 0xE2: // lead bytes of ¹²³ and ⁰⁴–⁹
			next = d.unicodeSup(i)
		case '$':
			next = skipMath(s, i)
		case '`':
			next = skipCode(s, i)
		case 'h', 'w':
			next = skipURL(s, i)
		}
		if next > i {
			i = next
		} else {
			i++
		}
	}
}

// paren handles "(3)", "(1–3, 7)", "(Smith, 2019)" and the year list of a
// narrative citation, "Smith et al. (2019)".
func (d *detector) paren(i int) int {
	s := d.s
	e := matchClose(s, i, '(', ')')
	if e < 0 {
		return 0
	}
	inner := s[i+1 : e]
	if prefix, rest := numericPrefix(inner); rest != "" && isDigit(rest[0]) {
		if cites, ok := parseNumbers(rest); ok && !tooBigForParens(cites) {
			if !d.numberContextOK(i, '(') || letterAt(s, e+1) || (e+1 < len(s) && isDigit(s[e+1])) {
				return e + 1
			}
			cites[0].Prefix = prefix
			d.add(corpus.MarkerNumeric, i, e+1, cites, false)
			return e + 1
		}
	}
	if cites, next, ok := parseYears(inner, skipSpace(inner, 0), corpus.Cite{}); ok && next < 0 {
		start, authors, etAl, ok := narrativeAuthors(s, i, d.lastEnd)
		if !ok {
			return e + 1 // a bare year, "(2019)", is not a citation
		}
		for k := range cites {
			cites[k].Authors, cites[k].EtAl = authors, etAl
		}
		d.add(corpus.MarkerAuthorYear, start, e+1, cites, true)
		return e + 1
	}
	if cites, ok := parseAuthorYear(inner); ok {
		d.add(corpus.MarkerAuthorYear, i, e+1, cites, false)
		return e + 1
	}
	return 0
}

// numberContextOK rejects bracketed numbers that are not citations by their
// surroundings: a function argument "f(3)", an index "x[1]", or a number
// that a word such as "Eq.", "Figure" or "step" names.
func (d *detector) numberContextOK(i int, open byte) bool {
	s := d.s
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		// "f(3)", "3(a)(1)", "size=(4,2)", "((64,20,32))": arguments and tuples.
		if open == '(' && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("()=_", r)) {
			return false
		}
		if open == '[' && unicode.IsLetter(r) {
			// "x[1]" indexes; "\lipsum[1]" passes a LaTeX option.
			w := lettersBefore(s, i)
			if utf8.RuneCountInString(w) == 1 || strings.HasSuffix(s[:i-len(w)], `\`) {
				return false
			}
		}
	}
	j := skipSpaceBack(s, i)
	w := strings.ToLower(strings.TrimRight(wordBefore(s, j), "."))
	return !notCitedAfter[w] && (open != '(' || !notCitedAfterParen[w])
}

// bracket handles "[^1]", "[@key]", "[1–3]" and "[Smith, 2019]".
func (d *detector) bracket(i int) int {
	s := d.s
	if i+1 < len(s) && s[i+1] == '^' {
		return d.footnote(i)
	}
	e := matchClose(s, i, '[', ']')
	if e < 0 {
		return 0
	}
	inner := s[i+1 : e]
	if strings.IndexByte(inner, '@') >= 0 {
		cites, onlyRefs, ok := parsePandoc(inner)
		switch {
		case ok && i == skipSpace(s, 0) && e+1 < len(s) && s[e+1] == ':':
			return e + 1 // "[@alias]: doi:…" defines a key, it cites nothing
		case ok:
			d.add(corpus.MarkerKey, i, e+1, cites, false)
			return e + 1
		case onlyRefs:
			return e + 1
		}
		return 0
	}
	if prefix, rest := numericPrefix(inner); rest != "" && isDigit(rest[0]) {
		if cites, ok := parseNumbers(rest); ok && !yearLike(cites) && d.numberContextOK(i, '[') {
			end := e + 1
			if len(cites) == 1 && prefix == "" {
				end, cites = mergeBracketRange(s, end, cites)
			}
			cites[0].Prefix = prefix
			d.add(corpus.MarkerNumeric, i, end, cites, false)
			return end
		}
	}
	if cites, ok := parseAuthorYear(inner); ok {
		d.add(corpus.MarkerAuthorYear, i, e+1, cites, false)
		return e + 1
	}
	return 0
}

// mergeBracketRange joins "[3]–[5]", as PLOS writes a range, into one
// marker citing 3, 4 and 5.
func mergeBracketRange(s string, end int, cites []corpus.Cite) (int, []corpus.Cite) {
	n, ok := dashAt(s, end)
	if !ok || end+n >= len(s) || s[end+n] != '[' {
		return end, cites
	}
	m, j, ok := readInt(s, end+n+1)
	if !ok || j >= len(s) || s[j] != ']' {
		return end, cites
	}
	first := cites[0].Number
	if m <= first || m-first >= maxCites {
		return end, cites
	}
	for v := first + 1; v <= m; v++ {
		cites = append(cites, numCite(v))
	}
	return j + 1, cites
}

// footnote handles "[^1]", "[^note]" and "[^fn3]"; a definition "[^1]: …"
// at the start of the text is not a marker.
func (d *detector) footnote(i int) int {
	s := d.s
	e := strings.IndexByte(s[i+2:min(len(s), i+2+100)], ']')
	if e <= 0 {
		return 0
	}
	label := s[i+2 : i+2+e]
	if strings.ContainsAny(label, " \t\n[^") {
		return 0
	}
	end := i + 2 + e + 1
	if i == skipSpace(s, 0) && end < len(s) && s[end] == ':' {
		return end
	}
	c := corpus.Cite{Label: label}
	digits := strings.TrimPrefix(label, "fn")
	if n, j, ok := readInt(digits, 0); ok && j == len(digits) {
		c.Number = n
	}
	d.add(corpus.MarkerFootnote, i, end, []corpus.Cite{c}, false)
	return end
}

// backslash handles LaTeX citation commands and skips LaTeX math and
// escaped characters.
func (d *detector) backslash(i int) int {
	s := d.s
	if i+1 >= len(s) {
		return 0
	}
	switch s[i+1] {
	case '(':
		return skipTo(s, i+2, `\)`)
	case '[':
		return skipTo(s, i+2, `\]`)
	case '$', '\\', '%', '_', '&', '#', '{', '}', '^', '@', ']':
		return i + 2
	}
	cites, narrative, end, ok := parseLatex(s, i)
	if !ok {
		return 0
	}
	d.add(corpus.MarkerKey, i, end, cites, narrative)
	return end
}

// bareKey handles a pandoc narrative citation, "@smith2019 says" or
// "@smith2019 [p. 33] says".
func (d *detector) bareKey(i int) int {
	s := d.s
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) && !strings.ContainsRune("({\"'“‘—–;", r) {
			return 0 // an e-mail address, a handle in a URL
		}
	}
	key, j := keyAt(s, i+1)
	if key == "" || !bareKeyOK(key) {
		return 0
	}
	c := corpus.Cite{Key: key}
	end := j
	if j+1 < len(s) && s[j] == ' ' && s[j+1] == '[' {
		if e := matchClose(s, j+1, '[', ']'); e > 0 {
			inner := strings.TrimSpace(s[j+2 : e])
			if strings.IndexByte(inner, '@') < 0 && isLocator(inner) {
				c.Locator = collapseSpace(inner)
				end = e + 1
			}
		}
	}
	d.add(corpus.MarkerKey, i, end, []corpus.Cite{c}, true)
	return end
}

// caret handles pandoc superscripts, "^1,2^" and "^1-3^", as readers write
// HTML <sup> and pandoc superscript.
func (d *detector) caret(i int) int {
	s := d.s
	if i > 0 && s[i-1] == '[' {
		return 0
	}
	e := strings.IndexByte(s[i+1:min(len(s), i+1+64)], '^')
	if e <= 0 || !isDigit(s[i+1]) {
		return 0
	}
	end := i + 1 + e + 1
	cites, ok := parseNumbers(s[i+1 : i+1+e])
	if !ok || yearLike(cites) {
		return 0
	}
	at := i
	if i > 1 && s[i-1] == ' ' {
		at = i - 1 // "word <sup>3</sup>" keeps the space
	}
	if supContextOK(s, at, end) {
		d.add(corpus.MarkerNumeric, i, end, cites, false)
	}
	return end
}

// unicodeSup handles superscript digits, "¹", "¹²", "¹⁻³", "¹,²".
func (d *detector) unicodeSup(i int) int {
	s := d.s
	r, _ := utf8.DecodeRuneInString(s[i:])
	if _, ok := supDigit(r); !ok {
		return 0
	}
	ascii, j := supRun(s, i)
	cites, ok := parseNumbers(ascii)
	if ok && !yearLike(cites) && supContextOK(s, i, j) {
		d.add(corpus.MarkerNumeric, i, j, cites, false)
	}
	return j
}

// dropEnumerations removes "(1) … (2) …" list numbering: parenthesised
// numbers that begin clauses, counting up from 1, or one that begins the
// sentence.
func (d *detector) dropEnumerations() {
	var idx []int
	for k, m := range d.markers {
		if isClauseNumber(d.s, m) {
			idx = append(idx, k)
		}
	}
	if len(idx) == 0 {
		return
	}
	first := d.markers[idx[0]]
	atStart := first.Start == skipSpace(d.s, 0)
	want := 1
	if atStart {
		want = first.Cites[0].Number
	}
	drop := map[int]bool{}
	for _, k := range idx {
		if d.markers[k].Cites[0].Number != want {
			break
		}
		drop[k] = true
		want++
	}
	if len(drop) < 2 && !atStart {
		return
	}
	kept := d.markers[:0]
	for k, m := range d.markers {
		if !drop[k] {
			kept = append(kept, m)
		}
	}
	d.markers = kept
}

// isClauseNumber reports whether m is a parenthesised single number that
// begins a clause — "(1) first", "then (2) we" — the way list items are
// numbered inside a sentence.
func isClauseNumber(text string, m corpus.Marker) bool {
	if m.Kind != corpus.MarkerNumeric || len(m.Cites) != 1 || m.Text[0] != '(' || m.Cites[0].Prefix != "" {
		return false
	}
	n, ok := isSpaceAt(text, m.End)
	if !ok {
		return false
	}
	if k := skipSpace(text, m.End+n); !letterAt(text, k) && (k >= len(text) || !isDigit(text[k])) {
		return false
	}
	j := skipSpaceBack(text, m.Start)
	if j == 0 {
		return true
	}
	if strings.IndexByte(":;,.", text[j-1]) >= 0 || strings.HasSuffix(text[:j], "—") || strings.HasSuffix(text[:j], "–") {
		return true
	}
	switch wordBefore(text, j) {
	case "and", "or", "then", "either", "both", "nor", "to":
		return true
	}
	return false
}

// skipMath skips TeX math by pandoc's rule: "$$…$$", or "$…$" with no space
// inside either dollar and no digit right after the closing one (so "$5 and
// $10" is not math).
func skipMath(s string, i int) int {
	limit := min(len(s), i+maxSpan)
	if strings.HasPrefix(s[i:], "$$") {
		if e := strings.Index(s[i+2:limit], "$$"); e >= 0 {
			return i + 2 + e + 2
		}
		return i + 2
	}
	if i+1 >= len(s) || s[i+1] == ' ' || s[i+1] == '\t' || s[i+1] == '\n' || isDigit(s[i+1]) {
		return 0 // "$5" is money
	}
	for k := i + 1; k < limit; k++ {
		switch s[k] {
		case '\\':
			k++
		case '$':
			if p := s[k-1]; p == ' ' || p == '\t' || p == '\n' {
				continue
			}
			if k+1 < len(s) && isDigit(s[k+1]) {
				continue
			}
			return k + 1
		}
	}
	return 0
}

// skipCode skips a Markdown code span. The span must close on the same
// line, so that a LaTeX opening quote (`like this') skips nothing.
func skipCode(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] == '`' {
		n++
	}
	fence := s[i : i+n]
	limit := min(len(s), i+n+maxSpan)
	if nl := strings.IndexByte(s[i+n:limit], '\n'); nl >= 0 {
		limit = i + n + nl
	}
	if e := strings.Index(s[i+n:limit], fence); e >= 0 {
		return i + n + e + n
	}
	return i + n
}

// skipURL skips a web address, whose digits, brackets and @ are not
// citations.
func skipURL(s string, i int) int {
	if i > 0 && (isASCIILetter(s[i-1]) || isDigit(s[i-1])) {
		return 0
	}
	rest := s[i:]
	if !strings.HasPrefix(rest, "http://") && !strings.HasPrefix(rest, "https://") && !strings.HasPrefix(rest, "www.") {
		return 0
	}
	j := i
	for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '>' {
		j++
	}
	return j
}

// skipTo returns the index after the next occurrence of end at or after i,
// or i when it does not occur within maxSpan.
func skipTo(s string, i int, end string) int {
	limit := min(len(s), i+maxSpan)
	if e := strings.Index(s[i:limit], end); e >= 0 {
		return i + e + len(end)
	}
	return i
}

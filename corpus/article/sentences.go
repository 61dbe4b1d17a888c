package article

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// The sentence splitter is written by hand: no Go library available here
// splits sentences well, and none knows that a citation placed after the
// full stop ("spasms.[3] Next", "spasms. [@key] Next") belongs to the
// sentence before it. It looks at each full stop, question mark,
// exclamation mark or ellipsis and decides from the word before it and the
// text after it whether a sentence ends there.

// Sentences splits every block into sentences, numbering them c1, c2, ...
// in reading order, each with the position of its first character.
func Sentences(doc *corpus.Document) []corpus.Sentence {
	var out []corpus.Sentence
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		for _, sp := range splitSentences(b.Text) {
			s := corpus.Sentence{
				ID:        "c" + strconv.Itoa(len(out)+1),
				Text:      b.Text[sp[0]:sp[1]],
				Kind:      b.Kind,
				Paragraph: b.Paragraph,
				Section:   b.Section,
				Block:     bi,
			}
			if sp[0] < len(b.Pos) {
				s.Pos = b.Pos[sp[0]]
			}
			s.Markers = fieldMarkers(b, sp)
			out = append(out, s)
		}
	}
	return out
}

// fieldMarkers returns a marker for each citation field of b that starts
// in the sentence span sp, cut at the sentence's end: the works it cites
// are known, so its text is not read for them (see cite.AnalyzeWith).
func fieldMarkers(b *corpus.Block, sp [2]int) []corpus.Marker {
	var out []corpus.Marker
	for _, f := range b.Fields {
		if f.Start < sp[0] || f.Start >= sp[1] || f.End <= f.Start || f.End > len(b.Text) {
			continue
		}
		end := min(f.End, sp[1])
		m := corpus.Marker{Text: b.Text[f.Start:end], Kind: corpus.MarkerField, Start: f.Start - sp[0], End: end - sp[0]}
		for _, k := range f.Keys {
			m.Cites = append(m.Cites, corpus.Cite{Key: k})
		}
		out = append(out, m)
	}
	return out
}

// abbreviations never end a sentence, whatever follows (lower case, keys
// without the final period).
var abbreviations = set("e.g", "i.e", "cf", "vs", "viz", "fig", "figs", "eq", "eqs", "tab", "tabs", "dr",
	"mr", "mrs", "ms", "prof", "approx", "ca", "nos", "pp", "vol", "vols", "ref", "refs", "sec", "secs",
	"ch", "chap", "sect", "suppl", "resp", "mt", "messrs", "mme", "mlle", "sr", "sra", "srta", "gen", "lt",
	"col", "capt", "sgt", "rev", "hon", "gov", "sen", "rep", "dept", "univ", "assoc", "ed", "eds", "p",
	"para", "paras", "art", "no", "nr", "op", "cit", "ibid", "al", "e.v", "z.b", "d.h", "u.a", "bzw", "vgl",
	"ggf", "usw", "etc", "st", "inc", "ltd", "co", "corp", "jr", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec", "est", "dist", "min", "max", "avg", "wt", "vs", "ex", "incl",
	"tel", "fax")

// weakAbbreviations may end a sentence: they do when the next word is one
// that usually starts one ("...in the U.S. The study").
var weakAbbreviations = set("etc", "al", "st", "inc", "ltd", "co", "corp", "jr", "no", "jan", "feb", "mar",
	"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "est", "min", "max", "ibid", "incl", "ex",
	"tel", "fax")

// stateAbbreviations are the AP-style abbreviations of US states written
// as one word ("PASADENA, Calif. — The…", "Boston, Mass., officials"),
// matched with their capital, since "ill." and "mass." end sentences. Like
// a weak abbreviation, one ends a sentence only before a word that usually
// starts one ("she moved to Calif. Then…"): a dateline's dash, its
// "(AP)", or a name ("the Calif. Department of Health") continue it. The
// dotted ones (N.Y., D.C., W.Va.) are told by isDottedAbbreviation and
// follow the same rule.
var stateAbbreviations = set("Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
	"Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Vt",
	"Va", "Wash", "Wis", "Wyo")

// wordStates are the state abbreviations that are also words or names
// ("attended Mass.", "said Pa.", "Miss. Smith"): they are read as a state
// only after a place name and a comma, as in a dateline or "Salem, Ore.".
var wordStates = set("Del", "Ill", "Ind", "La", "Mass", "Miss", "Mo", "Ore", "Pa", "Wash")

// sentenceStarters are capitalised words that usually start a sentence
// rather than continue a name or an abbreviation.
var sentenceStarters = set("The", "This", "That", "These", "Those", "It", "Its", "In", "We", "Our", "A", "An",
	"However", "But", "And", "Thus", "Therefore", "Moreover", "Furthermore", "There", "They", "Their", "He",
	"She", "His", "Her", "As", "For", "On", "At", "To", "If", "When", "While", "Although", "Such", "Some",
	"Many", "Most", "One", "Each", "All", "Here", "Finally", "Also", "Other", "After", "Before", "Since",
	"Because", "By", "With", "From", "Of", "Both", "Then", "Yet", "So", "Still", "Instead", "Indeed",
	"Nevertheless", "Hence", "Overall", "First", "Second", "Third", "Further", "Similarly", "Likewise",
	"Consequently", "Accordingly", "Unlike", "Despite", "What", "Why", "How", "Who", "Which", "Where",
	"I", "You", "Several", "No", "Not", "More", "Less", "Only", "Even", "Recent", "Previous", "Future")

// splitSentences returns the byte spans of the sentences of text, trimmed
// of white space; never an empty one.
func splitSentences(text string) [][2]int {
	var out [][2]int
	add := func(a, b int) {
		for a < b && isSpaceByte(text[a]) {
			a++
		}
		for b > a && isSpaceByte(text[b-1]) {
			b--
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
	}
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' && blankLineAt(text, i) {
			add(start, i)
			start = i
			i += size
			continue
		}
		if !isTerminator(r) {
			i += size
			continue
		}
		// The run of terminators: "?!", "...".
		termEnd := i + size
		for termEnd < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[termEnd:])
			if !isTerminator(r2) {
				break
			}
			termEnd += s2
		}
		cjk := r == '。' || r == '！' || r == '？'
		// Closing quotes and brackets, and citation markers glued to the
		// stop: spasms.”[3] Next, spasms.^3^ Next.
		j := termEnd
		for {
			k := skipClosers(text, j)
			k = skipMarker(text, k, true)
			if k == j {
				break
			}
			j = k
		}
		if j < len(text) && !isSpaceByte(text[j]) && !cjk {
			i = termEnd // 3.5, example.com, U.S.A
			continue
		}
		// Markers after a space: spasms. [@key] Next, spasms. \cite{x} Next.
		next := skipSpaces(text, j)
		for !narrativeCiteAt(text, next) {
			k := skipMarker(text, next, false)
			if k == next {
				break
			}
			j = skipClosers(text, k)
			next = skipSpaces(text, j)
		}
		if next >= len(text) {
			break // the last sentence ends with the text
		}
		if cjk || endsSentence(text, start, i, termEnd, next) {
			add(start, j)
			start = next
			i = next
			continue
		}
		i = termEnd
	}
	add(start, len(text))
	return out
}

// narrativeCiteAt reports a LaTeX citation that names its authors in the
// prose, \citet{x} or \textcite{x}: after a full stop it is the subject of
// the next sentence, not a citation of the last one.
func narrativeCiteAt(text string, i int) bool {
	for _, cmd := range []string{`\citet`, `\Citet`, `\textcite`, `\Textcite`, `\citeauthor`, `\Citeauthor`, `\citeA`} {
		if strings.HasPrefix(text[i:], cmd) {
			rest := text[i+len(cmd):]
			if rest == "" || rest[0] == '{' || rest[0] == '[' || rest[0] == '*' {
				return true
			}
		}
	}
	return false
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func blankLineAt(text string, i int) bool {
	for k := i + 1; k < len(text); k++ {
		switch text[k] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return false
}

func isTerminator(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '。' || r == '！' || r == '？' || r == '‽'
}

func isCloser(r rune) bool {
	return strings.ContainsRune("\"')]}”’»›", r)
}

func isOpener(r rune) bool {
	return strings.ContainsRune("\"'([{“‘«‹¿¡", r)
}

func skipClosers(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isCloser(r) {
			break
		}
		i += size
	}
	return i
}

func skipSpaces(text string, i int) int {
	for i < len(text) && isSpaceByte(text[i]) {
		i++
	}
	return i
}

// skipMarker returns the end of a citation marker at i, or i if there is
// none. Glued to a full stop, any short bracket or parenthesis is a marker
// ("spasms.(3)", "spasms.(Smith, 2019)"); after a space only unambiguous
// forms are ("[3]", "[@key]", "[^1]", "\cite{x}", "^3^", "³"), since
// "(3) Next" may start a numbered point.
func skipMarker(text string, i int, glued bool) int {
	if i >= len(text) {
		return i
	}
	rest := text[i:]
	if len(rest) > 256 {
		rest = rest[:256] // a marker is short; never search the whole text
	}
	switch rest[0] {
	case '[':
		end := strings.IndexByte(rest, ']')
		if end < 0 || end > 200 {
			return i
		}
		inner := rest[1:end]
		if glued || strings.HasPrefix(inner, "@") || strings.HasPrefix(inner, "-@") || strings.HasPrefix(inner, "^") ||
			isNumericMarker(inner) || (looksLikePandocCite(inner) && !hasSentenceBreak(inner)) {
			return i + end + 1
		}
	case '(':
		if !glued {
			return i
		}
		end := strings.IndexByte(rest, ')')
		if end < 0 || end > 120 || hasSentenceBreak(rest[:end]) {
			return i
		}
		return i + end + 1
	case '^':
		end := strings.IndexByte(rest[1:], '^')
		if end < 0 || end > 40 || strings.ContainsAny(rest[1:1+end], " \n") && !isNumericMarker(rest[1:1+end]) {
			return i
		}
		return i + end + 2
	case '\\':
		j := 1
		for j < len(rest) && isTeXLetter(rest[j]) {
			j++
		}
		if !citeCmds[rest[1:j]] {
			return i
		}
		// Up to two [..] and the {keys}.
		for j < len(rest) && (rest[j] == '*' || rest[j] == '[') {
			if rest[j] == '*' {
				j++
				continue
			}
			e := strings.IndexByte(rest[j:], ']')
			if e < 0 {
				return i
			}
			j += e + 1
		}
		if j < len(rest) && rest[j] == '{' {
			e := strings.IndexByte(rest[j:], '}')
			if e < 0 {
				return i
			}
			return i + j + e + 1
		}
		return i
	}
	// Unicode superscript digits, commas and dashes: ³, ¹²⁻¹⁴, ²,³.
	j := i
	digits := 0
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if isSuperscriptDigit(r) {
			digits++
		} else if r != '⁻' && r != ',' && r != '–' && r != '-' {
			break
		}
		j += size
	}
	if digits > 0 {
		for j > i && (text[j-1] == ',' || text[j-1] == '-') {
			j--
		}
		return j
	}
	return i
}

func isSuperscriptDigit(r rune) bool {
	switch r {
	case '⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹':
		return true
	}
	return false
}

// isNumericMarker reports whether s is the inside of a numeric citation:
// "3", "2–4", "1, 5-7".
func isNumericMarker(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	digit := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == ',' || r == '-' || r == '–' || r == '—' || r == ' ' || r == ';':
		default:
			return false
		}
	}
	return digit
}

// endsSentence decides whether the terminator at text[i:termEnd] ends the
// sentence that started at start, given that the next one would start at
// next.
func endsSentence(text string, start, i, termEnd, next int) bool {
	nr, _ := utf8.DecodeRuneInString(text[skipOpeners(text, next):])
	if unicode.IsLower(nr) {
		return false // e.g. the, et al. showed
	}
	if text[i] != '.' || termEnd-i != 1 {
		return true // ?, !, ..., …
	}
	word := wordBefore(text, start, i)
	if word == "" {
		return true
	}
	nextWord := wordAt(text, skipOpeners(text, next))
	starter := sentenceStarters[nextWord]
	lw := strings.ToLower(word)
	switch {
	case lw == "al" && strings.HasSuffix(strings.TrimRight(text[start:i-len(word)], " "), "et"):
		// et al.: a new sentence only if a common first word follows.
		return starter
	case weakAbbreviations[lw]:
		if lw == "no" && unicode.IsDigit(nr) {
			return false
		}
		if lw == "etc" {
			return unicode.IsUpper(nr) || starter
		}
		return starter
	case abbreviations[lw]:
		return false
	case stateAbbreviations[word] && (!wordStates[word] || afterComma(text, start, i-len(word))):
		return starter
	case isNumber(word):
		// "1. Mix", "Figure 3. Results": a number right at the start is a
		// list or caption number, not a sentence.
		return moreWordsThan(text[start:i], 2)
	case isInitial(word):
		// J. R. R. Tolkien, Smith J. reported; but "vitamin C. The".
		return starter
	case strings.Contains(word, ".") && isDottedAbbreviation(word):
		return starter // U.S., Ph.D., a.m.
	}
	return true
}

// afterComma reports whether the text of the sentence before offset i
// ends with a comma ("Salem, " before "Ore.").
func afterComma(text string, start, i int) bool {
	return strings.HasSuffix(strings.TrimRight(text[start:i], " \t\n"), ",")
}

func skipOpeners(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isOpener(r) {
			break
		}
		i += size
	}
	return i
}

// wordBefore returns the word that ends at i, without opening quotes or
// brackets.
func wordBefore(text string, start, i int) string {
	k := i
	for k > start {
		r, size := utf8.DecodeLastRuneInString(text[start:k])
		if unicode.IsSpace(r) || isOpener(r) || r == '/' || r == '—' || r == '–' {
			break
		}
		k -= size
	}
	return text[k:i]
}

func wordAt(text string, i int) string {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return text[i:j]
}

func isNumber(w string) bool {
	digit := false
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digit = true
		case r == '.' || r == ',':
		default:
			return false
		}
	}
	return digit
}

// isInitial reports whether w is one capital letter ("J").
func isInitial(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r) || size == len(w) && unicode.IsLower(r)
}

// isDottedAbbreviation reports whether w is letters in groups of one or two
// joined by periods: U.S, e.g, Ph.D, a.m.
func isDottedAbbreviation(w string) bool {
	for _, part := range strings.Split(w, ".") {
		n := utf8.RuneCountInString(part)
		if n == 0 || n > 2 {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// hasSentenceBreak reports whether s holds ". " before a capital: more
// than a marker.
func hasSentenceBreak(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '.' && s[i+1] == ' ' {
			r, _ := utf8.DecodeRuneInString(s[i+2:])
			if unicode.IsUpper(r) && !strings.HasSuffix(s[:i], "al") {
				return true
			}
		}
	}
	return false
}

// moreWordsThan reports whether s has more than n words, looking no
// further than it must.
func moreWordsThan(s string, n int) bool {
	words, in := 0, false
	for i := 0; i < len(s); i++ {
		space := isSpaceByte(s[i])
		if !space && !in {
			words++
			if words > n {
				return true
			}
		}
		in = !space
	}
	return false
}

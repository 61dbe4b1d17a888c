package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Character classes and word lists shared by the detectors.

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// isSpaceAt reports whether s has a space at i: ASCII blanks, a no-break
// space, a thin space or a narrow no-break space; n is its width.
func isSpaceAt(s string, i int) (n int, ok bool) {
	if i >= len(s) {
		return 0, false
	}
	switch c := s[i]; {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		return 1, true
	case c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0:
		return 2, true
	case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x89 || s[i+2] == 0xAF || s[i+2] == 0x8A):
		return 3, true
	}
	return 0, false
}

// skipSpace returns the first index at or after i that is not a space.
func skipSpace(s string, i int) int {
	for {
		n, ok := isSpaceAt(s, i)
		if !ok {
			return i
		}
		i += n
	}
}

// skipSpaceBack returns the smallest j <= i such that s[j:i] is all spaces.
func skipSpaceBack(s string, i int) int {
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) {
			return i
		}
		i -= n
	}
	return i
}

// dashAt reports whether s has a range dash at i (hyphen, en dash, em dash,
// figure dash, minus sign, non-breaking hyphen) and its width.
func dashAt(s string, i int) (n int, ok bool) {
	if i >= len(s) {
		return 0, false
	}
	if s[i] == '-' {
		return 1, true
	}
	if s[i] == 0xE2 && i+2 < len(s) {
		switch {
		case s[i+1] == 0x80 && 0x90 <= s[i+2] && s[i+2] <= 0x94: // ‐ ‑ ‒ – —
			return 3, true
		case s[i+1] == 0x88 && s[i+2] == 0x92: // −
			return 3, true
		}
	}
	return 0, false
}

// isNameRune reports whether r may occur inside a name word: letters,
// apostrophes, hyphens and the period of an initial or of "al.".
func isNameRune(r rune) bool {
	return unicode.IsLetter(r) || r == '\'' || r == '’' || r == '-' || r == '‐' || r == '.'
}

// wordAt returns the run of name runes starting at i.
func wordAt(s string, i int) string {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isNameRune(r) {
			break
		}
		j += n
	}
	return s[i:j]
}

// wordBefore returns the run of name runes ending at i.
func wordBefore(s string, i int) string {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !isNameRune(r) {
			break
		}
		j -= n
	}
	return s[j:i]
}

// lettersBefore returns the run of letters ending at i.
func lettersBefore(s string, i int) string {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= n
	}
	return s[j:i]
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// isCapWord reports whether w looks like a capitalised name word: an
// upper-case first letter followed by name runes ("Smith", "O'Brien",
// "Lloyd-Jones", "WHO", "J."), or a lower-case particle glued by an
// apostrophe to a capitalised name ("d'Alembert").
func isCapWord(w string) bool {
	if w == "" {
		return false
	}
	r, n := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) || unicode.IsTitle(r) {
		rest := w[n:]
		if rest == "" {
			return false // a lone capital is a variable, not a name
		}
		if rest == "." {
			return true // an initial
		}
		if strings.Contains(rest, "..") {
			return false
		}
		return true
	}
	if i := strings.IndexAny(w, "'’"); i > 0 && i <= 3 {
		rest := w[i:]
		_, an := utf8.DecodeRuneInString(rest)
		nr := firstRune(rest[an:])
		return unicode.IsUpper(nr)
	}
	return false
}

// particles are the lower-case (or capitalised) parts of surnames that come
// before the main name: "van der Berg", "de la Cruz", "De Souza".
var particles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true,
	"dei": true, "di": true, "da": true, "das": true, "dos": true, "do": true, "du": true,
	"la": true, "le": true, "les": true, "ter": true, "ten": true, "te": true, "bin": true,
	"ibn": true, "al": true, "el": true, "y": true, "zu": true, "zur": true, "af": true,
	"av": true, "op": true, "st.": true,
}

// isParticle reports whether w is a name particle in any case ("van", "Van").
func isParticle(w string) bool {
	if particles[w] {
		return true
	}
	return particles[strings.ToLower(w)]
}

// connectors join the words of corporate author names: "Department of
// Health", "Centers for Disease Control and Prevention".
var connectors = map[string]bool{"of": true, "for": true, "the": true, "on": true, "für": true}

// stopNames are capitalised words that start sentences, name things in a
// document or give dates; a name that starts with one is not an author.
var stopNames = wordSet(`
		January February March April May June July August September October November December
		Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Spring Summer Autumn Fall Winter
		The A An In On At By For From Since Until Till To Of With Without During After Before
		Between Through Around About Circa Ca Approximately Approx Est Estimated As And But Or Nor
		So Yet If When While Where Whereas Although Though This That These Those It Its We Our
		They Their He She His Her I You Your Here There Then Thus Hence However Moreover
		Furthermore Also Recently Previously Later Earlier Finally First Second Third Last Next
		Today Now Table Tables Figure Figures Fig Figs Section Sections Chapter Chapters Appendix
		Eq Eqs Equation Equations Version Release Phase Stage Step Steps Volume Vol Issue No
		Number Page Pages Supplementary Supplemental Supplement Panel Model Study Year Years
		Fiscal FY Updated Accessed Retrieved Published Revised Founded Established Born Died
		Copyright Total Mean Median Average Range Data Source Sources Census Cohort Wave Round
		Term Week Day Month Quarter AD BC BCE CE Age Aged Ages Note Notes Ref Refs Reference
		References Compare See Cf Eg Ie Vs Versus Yes Not Only Both All Each Every Some Many Most
		Several Other Others Such Like Unlike Including Except Per Via New Old Early Late Mid Up
		Down Over Under Until Ever Never What Which Who Whom Whose Why How Is Are Was Were Be Been
		Has Have Had Do Does Did Can Could May Might Must Shall Should Will Would Let Many Much
		Example Examples Box Boxes Item Items Part Parts Line Lines Row Rows Column Columns`)

// isStopName reports whether w (possibly with a trailing period) is a stop word.
func isStopName(w string) bool {
	return stopNames[strings.TrimSuffix(w, ".")]
}

// notCitedAfter are words after which a bracketed number names something in
// the document rather than a reference: "Eq. (3)", "Figure [2]", "step (1)".
var notCitedAfter = wordSet(`
	eq eqs equation equations formula formulae formulas figure figures fig figs table tables tab
	section sections sect sec chapter chapters ch chap appendix theorem lemma proposition corollary`)

// notCitedAfterParen are words after which a parenthesised number is a
// label ("hypothesis (2)", "model (1)") while a bracketed one may well cite
// ("the amyloid hypothesis [3]").
var notCitedAfterParen = wordSet(`
	panel panels step steps line lines row rows column columns col page p pp vol volume issue no
	number definition algorithm listing box inequality expression
	stage item criterion hypothesis condition constraint rule case phase example exercise problem
	part type group level grade class version option question scenario arm wave cohort model
	assumption axiom`)

func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// locatorTerms start a locator: "p. 4", "pp. 33-35", "chap. 2", "§ 3".
var locatorTerms = wordSet(`
		p pp pg pgs page pages chap chaps ch chapter chapters sec secs sect section sections para
		paras paragraph paragraphs fig figs figure figures table tables tab vol vols volume col
		cols column l ll line lines n nn note notes fn app appendix art no nos v vv verse verses
		loc fol fols folio`)

// isLocator reports whether s starts like a locator: a locator term followed
// by a period, a space or a digit, a section or paragraph sign, or a digit.
func isLocator(s string) bool {
	if s == "" {
		return false
	}
	if isDigit(s[0]) || strings.HasPrefix(s, "§") || strings.HasPrefix(s, "¶") {
		return true
	}
	j := 0
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	if j == 0 || !locatorTerms[strings.ToLower(s[:j])] {
		return false
	}
	if j < len(s) && s[j] == '.' {
		j++
	}
	j = skipSpace(s, j)
	return j < len(s) && (isDigit(s[j]) || s[j] == 'x' || s[j] == 'i' || s[j] == 'v')
}

// prefixWords are the capitalised words that may open a citation as a
// prefix; lower-case prose words are accepted as prefix words anyway.
var prefixWords = map[string]bool{
	"See": true, "Cf.": true, "E.g.": true, "Compare": true, "Also": true, "For": true, "I.e.": true,
}

// namingWords in a parenthetical's prefix show that it gives another name
// for something, not a source: "(also known as …)", "(formerly …)".
var namingWords = wordSet(`known called named termed formerly dubbed abbreviated aka a.k.a. renamed`)

// units are unit symbols longer than two letters that take a superscript
// exponent ("mmol²" is rare, "sec⁻¹" is not a citation).
var units = map[string]bool{
	"sec": true, "min": true, "mol": true, "cal": true, "kcal": true, "mmol": true, "µmol": true,
	"μmol": true, "ppm": true, "kPa": true, "MPa": true, "GPa": true, "hPa": true, "ppb": true,
	"day": true, "yr": true, "hr": true,
}

// collapseSpace trims s and turns every run of spaces, tildes and LaTeX
// spacing commands ("\,", "\ ") into one space. It allocates only when
// there is something to change, since most notes are already clean.
func collapseSpace(s string) string {
	s = strings.TrimSpace(s)
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		switch s[i] {
		case '~', '\\', '\t', '\n', '\r':
			clean = false
		case ' ':
			clean = i+1 < len(s) && s[i+1] != ' '
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) && (s[i+1] == ',' || s[i+1] == ' ') {
			c = ' '
			i++
		}
		if c == '~' || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

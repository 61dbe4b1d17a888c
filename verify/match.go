package verify

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// normTitle folds a title for comparison: the markup registries leave in
// titles (Crossref's <i>, <sub>; MathML) and what survives of LaTeX
// (braces, \emph) go first, then corpus.NormalizeTitle folds case, accents
// and punctuation.
func normTitle(s string) string {
	if strings.ContainsAny(s, "<\\{") {
		s = stripMarkup(s)
	}
	return corpus.NormalizeTitle(s)
}

// stripMarkup drops tags (<i>, </mml:mi>) and LaTeX commands and braces,
// keeping the text between them.
func stripMarkup(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '<':
			// A tag is short and has no '<' inside; "x < 5" is no tag.
			if j := strings.IndexByte(s[i:], '>'); j > 1 && j < 200 && !strings.ContainsRune(s[i+1:i+j], '<') && isTagStart(s[i+1]) {
				i += j
				b.WriteByte(' ')
				continue
			}
			b.WriteByte(c)
		case '{', '}':
		case '\\':
			j := i + 1
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
				j++
			}
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isTagStart(c byte) bool {
	return c == '/' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// mainTitle is a normalised title without its subtitle: what comes before
// the first colon, question mark or " - " of the raw title. References and
// records often disagree on whether the subtitle is part of the title.
func mainTitle(raw string) string {
	cut := len(raw)
	for _, sep := range []string{":", "?", " - ", " – ", " — ", ". "} {
		if i := strings.Index(raw, sep); i > 0 && i < cut {
			cut = i
		}
	}
	if cut == len(raw) {
		return ""
	}
	return normTitle(raw[:cut])
}

// titleSimilarity compares two titles as written, from 0 (nothing alike)
// to 1 (the same once folded). A title that is the other's main title (the
// part before a subtitle) counts as the same, at most a little less.
func titleSimilarity(a, b string) float64 {
	na, nb := normTitle(a), normTitle(b)
	if na == "" || nb == "" {
		return 0
	}
	best := similarity(na, nb)
	if best == 1 {
		return 1
	}
	// Works whose titles differ only in a word or a number are often two
	// works: an erratum and its article, part 1 and part 2.
	if isNotice(na) != isNotice(nb) {
		return best * NoticePenalty
	}
	if numbersDiffer(na, nb) {
		best = min(best, NumbersDifferCap)
	}
	// One side left out the subtitle.
	for _, p := range [][2]string{{mainTitle(a), nb}, {na, mainTitle(b)}} {
		if p[0] == "" || len(p[0]) < 12 && len(p[1]) < 12 {
			continue
		}
		if s := similarity(p[0], p[1]); s > best {
			best = s * 0.98
		}
	}
	return best
}

// noticePrefixes begin the titles of works about other works, whose titles
// repeat the other's.
var noticePrefixes = []string{"erratum", "errata", "corrigendum", "correction", "retraction", "retracted",
	"expression of concern", "comment on", "comments on", "reply to", "response to", "author correction", "publisher correction"}

// isNotice reports whether a folded title is of a notice, a comment or a
// supplement rather than of a work.
func isNotice(t string) bool {
	for _, p := range noticePrefixes {
		if strings.HasPrefix(t, p+" ") {
			return true
		}
	}
	return strings.Contains(t, "supplementary material") || strings.Contains(t, "supplemental material") ||
		strings.Contains(t, "supporting information")
}

// numbersDiffer reports whether both folded titles have digits and not the
// same ones, in order ("part 1" and "part 2"). Digits are compared without
// the spaces between them, since formulas split differently ("Si(111)" and
// "Si(1 1 1)", "3.41 eV" and "3.41eV").
func numbersDiffer(a, b string) bool {
	da, db := digits(a), digits(b)
	return da != "" && db != "" && da != db
}

func digits(t string) string {
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		if t[i] >= '0' && t[i] <= '9' {
			b.WriteByte(t[i])
		}
	}
	return b.String()
}

// similarity is the larger of two views of two folded strings: the edit
// ratio (typos, a dropped letter, British and American spelling) and the
// overlap of their words (a word moved, an article dropped).
func similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	return max(editRatio(a, b), wordDice(a, b))
}

// editRatio is 1 minus the edit distance over the longer length.
func editRatio(a, b string) float64 {
	la, lb := len([]rune(a)), len([]rune(b))
	n := max(la, lb)
	if n == 0 {
		return 1
	}
	// Past half the length the titles are unlike whatever the exact count.
	d := corpus.EditDistance(a, b, n/2)
	return max(0, 1-float64(d)/float64(n))
}

// wordDice is the Sørensen–Dice coefficient of the words of a and b.
func wordDice(a, b string) float64 {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	count := make(map[string]int, len(wa))
	for _, w := range wa {
		count[w]++
	}
	common := 0
	for _, w := range wb {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(wa)+len(wb))
}

// particles are the words a family name may begin with that one rendering
// keeps and another drops or moves ("van der Berg", "Berg, van der").
var particles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true,
	"di": true, "da": true, "du": true, "la": true, "le": true, "dos": true, "das": true,
	"do": true, "ter": true, "ten": true, "zu": true, "af": true, "al": true, "el": true, "bin": true, "ibn": true,
}

// familyWords folds a family name into its significant words: particles
// and one-letter initials dropped.
func familyWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(normTitle(s)) {
		if len(w) > 1 && !particles[w] {
			out = append(out, w)
		}
	}
	return out
}

// authorMatches reports whether the reference's name n and the record's
// author a can be the same person. Family names are compared word by word
// after folding (accents, particles), so "van der Berg" and "Berg", and
// "García-Márquez" and "Garcia Marquez", agree; a reference whose name was
// written given-name-last or initials-only ("Smith J") still agrees on the
// family name found among its words.
func authorMatches(n corpus.Name, a registry.Author) bool {
	rec := a.Family
	if rec == "" {
		rec = a.Literal
	}
	recWords := familyWords(rec)
	if len(recWords) == 0 {
		// A family name that is all particle ("De"): compared whole.
		recWords = strings.Fields(normTitle(rec))
	}
	if len(recWords) == 0 {
		return false
	}
	if n.Literal != "" {
		return similarity(normTitle(n.Literal), normTitle(rec)) >= 0.8
	}
	ours := familyWords(n.Family())
	if len(ours) == 0 {
		ours = strings.Fields(normTitle(n.Family()))
	}
	if len(ours) == 0 {
		// A name with no family part: the whole name's words.
		ours = familyWords(n.String())
	}
	if shareWord(ours, recWords) {
		return true
	}
	// A name whose parts were swapped ("Smith, John" read as given name
	// Smith): the family name is still among the words of the whole name.
	all := familyWords(n.First + " " + n.Last)
	if shareWord(all, recWords) {
		return true
	}
	// A transliteration or a typo: one long family name a letter or two
	// from the other.
	fo, fr := strings.Join(ours, ""), strings.Join(recWords, "")
	return len(fo) >= 6 && editRatio(fo, fr) >= 0.8
}

func shareWord(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// venueTokens folds a venue name into the words that carry its identity:
// no articles, prepositions or conjunctions, in order; single letters in a
// row are one word ("U.S.A." is "usa"), and a country suffix goes.
func venueTokens(s string) []string {
	var out []string
	letters := ""
	flush := func() {
		switch {
		case letters == "":
		case len(letters) == 1:
			out = append(out, letters)
		case letters != "usa" && letters != "us" && letters != "uk":
			out = append(out, letters)
		}
		letters = ""
	}
	for _, w := range strings.Fields(normTitle(s)) {
		switch w {
		case "the", "of", "and", "for", "in", "on", "an", "und", "de", "des", "der", "die", "la", "le", "et", "y":
			continue
		}
		if len(w) == 1 {
			letters += w
			continue
		}
		flush()
		out = append(out, w)
	}
	flush()
	return out
}

// venueCompatible reports whether two venue names can name the same
// journal or proceedings: equal once folded, one an abbreviation of the
// other ("J Am Med Assoc" and "Journal of the American Medical
// Association": each abbreviated word is a prefix of a full word, in
// order), or one the initials of the other ("JAMA", "PNAS"). It is lenient
// by design: a venue difference alone makes a mismatch only when the names
// are clearly different.
func venueCompatible(a, b string) bool {
	ta, tb := venueTokens(a), venueTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return true // nothing to disagree on
	}
	if strings.Join(ta, " ") == strings.Join(tb, " ") {
		return true
	}
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	if prefixesInOrder(ta, tb) || prefixesInOrder(tb, ta) {
		return true
	}
	if len(ta) == 1 && isAcronymOf(ta[0], tb) {
		return true
	}
	// Proceedings are named in many ways; share their distinctive words.
	return wordDice(strings.Join(ta, " "), strings.Join(tb, " ")) >= 0.5
}

// prefixesInOrder reports whether every word of short abbreviates a word of
// long, in order ("j am med assoc" in "journal american medical
// association"); words of long may be skipped.
func prefixesInOrder(short, long []string) bool {
	j := 0
	for _, s := range short {
		for j < len(long) && !abbreviates(s, long[j]) {
			j++
		}
		if j == len(long) {
			return false
		}
		j++
	}
	return true
}

// abbreviates reports whether a is w or an abbreviation of it as ISO 4
// writes them: the same first letter, and a's letters in w in order
// ("natl" of "national", "j" of "journal").
func abbreviates(a, w string) bool {
	if a == "" || w == "" || a[0] != w[0] || len(a) > len(w) {
		return false
	}
	i := 0
	for j := 0; j < len(w) && i < len(a); j++ {
		if w[j] == a[i] {
			i++
		}
	}
	return i == len(a)
}

// isAcronymOf reports whether acr is made of the initials of words, with
// words skipped allowed ("jama" from "journal american medical
// association", "pnas" from "proceedings national academy sciences").
func isAcronymOf(acr string, words []string) bool {
	if len(acr) < 2 || len(acr) > len(words)+1 {
		return false
	}
	initials := make([]string, len(words))
	for i, w := range words {
		initials[i] = w[:1]
	}
	return prefixesInOrder(strings.Split(acr, ""), initials)
}

// firstPage returns the first page of a page range ("123–130" → "123",
// "e1001" → "e1001"), folded to lower case.
func firstPage(p string) string {
	p = strings.TrimSpace(strings.ToLower(p))
	if i := strings.IndexFunc(p, func(r rune) bool { return r == '-' || r == '–' || r == '—' || r == ',' || r == ' ' }); i >= 0 {
		p = p[:i]
	}
	return strings.TrimLeft(p, "p.")
}

// sameNumber compares two volumes or page numbers: equal once folded, or
// equal as numbers ("07" and "7").
func sameNumber(a, b string) bool {
	a, b = strings.ToLower(strings.TrimSpace(a)), strings.ToLower(strings.TrimSpace(b))
	if a == b {
		return true
	}
	na, ea := strconv.Atoi(a)
	nb, eb := strconv.Atoi(b)
	return ea == nil && eb == nil && na == nb
}

// hasLetters reports whether s has a letter, to tell a page number from
// an article number.
func hasLetters(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

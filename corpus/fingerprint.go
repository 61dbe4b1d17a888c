package corpus

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeTitle folds a title for comparison: Unicode NFKD with combining
// marks removed, lower-case, punctuation and symbols to spaces, whitespace
// collapsed and trimmed. LaTeX braces and commands are assumed already
// decoded. Letters that NFKD leaves whole are spelt out as a reader would
// type them without the key (ß as ss, æ as ae, ø as o, ł as l), so that
// "Straße" and "Strasse", "Søren" and "Soren" compare equal.
func NormalizeTitle(s string) string {
	if !isASCII(s) {
		// norm passes an invalid byte through and leaves the character
		// after it composed; as U+FFFD it is a separator like any symbol.
		s = norm.NFKD.String(strings.ToValidUTF8(s, "\uFFFD"))
	}
	var b strings.Builder
	b.Grow(len(s))
	gap := false // a separator was seen since the last word rune
	word := func() {
		if gap && b.Len() > 0 {
			b.WriteByte(' ')
		}
		gap = false
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			default:
				gap = true
				continue
			}
			word()
			b.WriteByte(byte(r))
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if !isWordRune(r) {
			gap = true
			continue
		}
		word()
		writeFolded(&b, unicode.ToLower(r))
	}
	return b.String()
}

// writeFolded writes the lower-case rune r, spelling out the letters that
// have no decomposition.
func writeFolded(b *strings.Builder, r rune) {
	switch r {
	case 'ß':
		b.WriteString("ss")
	case 'æ':
		b.WriteString("ae")
	case 'œ':
		b.WriteString("oe")
	case 'ø':
		b.WriteByte('o')
	case 'ł':
		b.WriteByte('l')
	case 'đ', 'ð':
		b.WriteByte('d')
	case 'þ':
		b.WriteString("th")
	case 'ı':
		b.WriteByte('i')
	default:
		b.WriteRune(r)
	}
}

// isWordRune reports whether r belongs to a word: a letter, a number or a
// spacing mark (the vowel signs of Indic scripts are part of the word).
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Fingerprint identifies a work for duplicate detection when it has no DOI:
// the normalised title, the year and the normalised family name of the first
// author (or, without authors, of the first editor), joined with "|", as in
// "attention is all you need|2017|vaswani". An unknown year or name leaves
// its part empty. Fingerprint returns "" when the title is empty, since a
// year and a name alone match too many works.
func Fingerprint(r *Reference) string {
	if r == nil {
		return ""
	}
	title := NormalizeTitle(r.Title)
	if title == "" {
		return ""
	}
	year := ""
	if r.Year != 0 {
		year = strconv.Itoa(r.Year)
	}
	family := ""
	switch {
	case len(r.Authors) > 0:
		family = r.Authors[0].Family()
	case len(r.Editors) > 0:
		family = r.Editors[0].Family()
	}
	return title + "|" + year + "|" + NormalizeTitle(family)
}

package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/cite"
)

// Preparing a sentence: citation markers out, a lower-case copy with the same
// offsets, and tokens.

// token is one word or number of a sentence.
type token struct {
	start, end int  // byte offsets in scan.orig and scan.low
	cap        bool // starts with an upper-case letter
	num        bool // digits, with . or , between them
	mixed      bool // digits and letters: 1980s, 21st, 5mg, d3
	joined     bool // glued to the token before by a hyphen or a dash
}

// clean takes the citation markers out of text and makes the two copies the
// scorer reads: orig with typographic quotes and spaces made plain, low the
// same in lower case with the same byte offsets.
func (s *scan) clean(text string) {
	var o, l strings.Builder
	o.Grow(len(text))
	l.Grow(len(text))
	pos := 0
	for _, mk := range cite.Detect(text) {
		if mk.Start < pos || mk.End < mk.Start || mk.End > len(text) {
			continue
		}
		normalise(&o, &l, text[pos:mk.Start])
		if mk.Narrative {
			// A narrative citation keeps its subject: "Stokes et al.
			// (2020) trained" still says who trained; "@knuth1984 notes"
			// gets a pronoun in place of the key.
			if p := strings.IndexByte(mk.Text, '('); mk.Kind == corpus.MarkerAuthorYear && p > 0 {
				normalise(&o, &l, text[mk.Start:mk.Start+p])
			} else {
				o.WriteString(" They")
				l.WriteString(" they")
			}
		}
		o.WriteByte(' ')
		l.WriteByte(' ')
		pos = mk.End
	}
	normalise(&o, &l, text[pos:])
	s.orig, s.low = o.String(), l.String()
}

// normalise writes t to o with curly quotes and odd spaces made plain, and to
// l the same in lower case, byte for byte as long: a rune whose lower case
// is longer or shorter stays as it is, invalid bytes become U+FFFD in both.
func normalise(o, l *strings.Builder, t string) {
	for i := 0; i < len(t); {
		if c := t[i]; c < utf8.RuneSelf {
			o.WriteByte(c)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			l.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		switch r {
		case '\u2019', '\u2018', '\u02bc':
			r = '\''
		case '\u201c', '\u201d':
			r = '"'
		case '\u00a0', '\u2009', '\u202f', '\u2002', '\u2003':
			r = ' '
		}
		o.WriteRune(r)
		lr := unicode.ToLower(r)
		if utf8.RuneLen(lr) != utf8.RuneLen(r) {
			lr = r
		}
		l.WriteRune(lr)
		i += size
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits low into words and numbers. Hyphens and dashes split words
// but mark the next token as joined; apostrophes stay inside words; points
// and commas stay inside numbers.
func tokenize(low, orig string, toks []token) []token {
	joined := false
	for i := 0; i < len(low); {
		r, size := utf8.DecodeRuneInString(low[i:])
		if !isWordRune(r) {
			joined = r == '-' || r == '\u2013' || r == '\u2014' || r == '\u2010' || r == '\u2011'
			if joined && (len(toks) == 0 || toks[len(toks)-1].end != i) {
				joined = false // a dash after a space joins nothing
			}
			i += size
			continue
		}
		start := i
		digits, letters := 0, 0
		for i < len(low) {
			r, size = utf8.DecodeRuneInString(low[i:])
			if isWordRune(r) {
				if unicode.IsDigit(r) {
					digits++
				} else {
					letters++
				}
				i += size
				continue
			}
			// Inner punctuation: 1.27, 25,871, don't, o'neill.
			if i+1 < len(low) && i > start {
				next, _ := utf8.DecodeRuneInString(low[i+1:])
				prev, _ := utf8.DecodeLastRuneInString(low[:i])
				if (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next) {
					i++
					continue
				}
				if r == '\'' && unicode.IsLetter(prev) && unicode.IsLetter(next) {
					i++
					continue
				}
			}
			break
		}
		first, _ := utf8.DecodeRuneInString(orig[start:])
		t := token{start: start, end: i, cap: unicode.IsUpper(first), joined: joined,
			num: letters == 0, mixed: letters > 0 && digits > 0}
		toks = append(toks, t)
		joined = false
	}
	return toks
}

// lastRune returns the last rune of the sentence that is not a closing
// quote, bracket or space.
func lastRune(t string) rune {
	for len(t) > 0 {
		r, n := utf8.DecodeLastRuneInString(t)
		if !unicode.IsSpace(r) && !strings.ContainsRune("\"')]}*_»", r) {
			return r
		}
		t = t[:len(t)-n]
	}
	return 0
}

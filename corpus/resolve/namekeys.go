package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// nameKey is a surname folded for comparison.
type nameKey struct {
	full      string // accents, case, spaces and punctuation folded: "vanderberg"
	bare      string // without leading particles: "berg"; equal to full when there are none
	last      string // last word of a library person's compound family name, else """
	given     string // folded given names of a library name, "" for a cite
	acronym   string // initials of a corporate name: "who"
	corporate bool
	display   string // as written, for messages
	words     int    // words of the folded name
}

// surnameKey folds a surname as written in an article.
func surnameKey(s string) nameKey {
	s = strings.TrimSpace(s)
	k := foldName(s)
	if isCorporate(s) || k.words >= 3 && k.full == k.bare {
		k.corporate = true
		k.acronym = acronymOf(s)
	}
	return k
}

// foldName computes the folded forms of a surname; words is the number of
// words it has.
func foldName(s string) nameKey {
	k := nameKey{display: s}
	norm := corpus.NormalizeTitle(s)
	if strings.IndexByte(norm, ' ') < 0 {
		k.full, k.bare, k.words = norm, norm, 1
		return k
	}
	words := strings.Fields(norm)
	k.words = len(words)
	k.full = strings.Join(words, "")
	i := 0
	for i < len(words)-1 && (particles[words[i]] || words[i] == "d") {
		i++
	}
	k.bare = strings.Join(words[i:], "")
	if i == 0 {
		k.bare = k.full
	}
	return k
}

// refNameKey folds a library name; given is computed only when asked
// for, since only the first author's is compared.
func refNameKey(n corpus.Name, given bool) nameKey {
	if n.Literal != "" {
		k := surnameKey(n.Literal)
		if k.words >= 2 {
			k.corporate = true
			k.acronym = acronymOf(n.Literal)
		}
		return k
	}
	k := foldName(n.Family())
	if given && n.First != "" {
		k.given = strings.ReplaceAll(corpus.NormalizeTitle(n.First), " ", "")
	}
	if strings.IndexByte(strings.TrimSpace(n.Last), ' ') > 0 {
		if words := strings.Fields(corpus.NormalizeTitle(n.Last)); len(words) > 1 {
			k.last = words[len(words)-1]
		}
	}
	return k
}

// acronymOf returns the initials of the significant words of an
// organisation's name: "World Health Organization" gives "who".
func acronymOf(s string) string {
	var b strings.Builder
	for _, w := range strings.Fields(s) {
		lw := strings.ToLower(w)
		if connectors[lw] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// nameMatch says how well a written surname matches a library name.
type nameMatch int

const (
	nameNo       nameMatch = iota
	nameTypo               // one edit apart: "Smyth" for "Smith"
	nameAcronym            // "WHO" for World Health Organization
	nameParticle           // "Berg" for "van der Berg"
	nameExact
)

// matchName compares a surname as an article writes it with a library
// name. A particle may be left out ("Maaten" for van der Maaten) but not
// added: "van der Berg" does not match a plain "Berg".
func matchName(cite, ref nameKey) nameMatch {
	switch {
	case cite.full == "" || ref.full == "":
		return nameNo
	case cite.full == ref.full:
		return nameExact
	case cite.full == ref.bare && cite.full == cite.bare:
		return nameParticle
	case ref.corporate && len(cite.full) >= 2 && (cite.full == ref.acronym ||
		len(cite.full) >= 3 && strings.HasPrefix(ref.acronym, cite.full)):
		// "CDC" is the initials of Centers for Disease Control and
		// Prevention without the last word: a prefix is accepted from
		// three letters on.
		return nameAcronym
	case ref.last != "" && cite.full == ref.last && cite.full == cite.bare:
		// The last word of a compound family name ("Min" of "Xu
		// Min"), as a given-names-first reading gives it.
		return nameParticle
	case len(cite.full) >= 5 && within1(cite.full, ref.full):
		return nameTypo
	}
	return nameNo
}

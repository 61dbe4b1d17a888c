package bibtex

import (
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// Keys hands out entry keys unique within one file, ignoring case as
// BibTeX does. Readers of formats whose records may lack a key (RIS,
// CSL-JSON) share it, so that both make keys alike.
type Keys struct {
	used map[string]bool
	// Taken, when set, says whether a key (in lower case) is taken
	// elsewhere: in a library too large to list into used.
	Taken func(folded string) bool
}

// Take returns base, or base with a, b, ..., aa, ... appended when base is
// taken already, and marks the result taken.
func (k *Keys) Take(base string) string {
	if k.used == nil {
		k.used = make(map[string]bool)
	}
	key := base
	for i := 0; k.used[strings.ToLower(key)] || k.Taken != nil && k.Taken(strings.ToLower(key)); i++ {
		key = base + suffix(i)
	}
	k.used[strings.ToLower(key)] = true
	return key
}

// suffix gives a, b, ..., z, aa, ab, ...
func suffix(i int) string {
	if i < 26 {
		return string(rune('a' + i))
	}
	return suffix(i/26-1) + suffix(i%26)
}

// ValidKey reports whether k can be written as a BibTeX entry key.
func ValidKey(k string) bool {
	if k == "" {
		return false
	}
	for i := 0; i < len(k); i++ {
		switch c := k[i]; c {
		case ' ', '\t', '{', '}', '(', ')', ',', '=', '"', '#', '%', '\'', '@', '\\', '~':
			return false
		default:
			if c < ' ' {
				return false
			}
		}
	}
	return true
}

// stopWords are skipped when a key takes the first word of a title.
var stopWords = map[string]bool{"a": true, "an": true, "the": true, "on": true, "of": true, "in": true,
	"and": true, "for": true, "to": true, "at": true, "with": true, "from": true, "by": true,
	"der": true, "die": true, "das": true, "le": true, "la": true, "les": true, "el": true}

// MakeKey makes a key for a reference that has none: the first author's
// family name, the year and the first word of the title that is not a
// stop word (smith2019effect); "anon" stands for a missing author.
func MakeKey(r *corpus.Reference) string {
	var b strings.Builder
	if len(r.Authors) > 0 {
		n := r.Authors[0]
		fam := n.Last
		if n.Literal != "" {
			fam = n.Literal
		}
		if w := strings.Fields(corpus.NormalizeTitle(fam)); len(w) > 0 {
			b.WriteString(strings.Join(w, ""))
		}
	}
	if b.Len() == 0 {
		b.WriteString("anon")
	}
	if r.Year != 0 {
		b.WriteString(strconv.Itoa(r.Year))
	}
	for _, w := range strings.Fields(corpus.NormalizeTitle(r.Title)) {
		if !stopWords[w] {
			b.WriteString(w)
			break
		}
	}
	return keySafe(b.String())
}

// keySafe keeps letters and digits; NormalizeTitle has already folded
// accents, but a script without Latin letters keeps its own.
func keySafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || !ValidKey(string(r)) || r == '-' {
			return -1
		}
		return r
	}, s)
}

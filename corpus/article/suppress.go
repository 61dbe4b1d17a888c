package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IgnoreDirective is the word that, in a comment of an article, silences
// findings on the sentence that follows.
const IgnoreDirective = "evident:ignore"

// ParseIgnore reads the text of a comment, without its comment markers
// ("evident:ignore", "evident:ignore uncited-claim stale", codes may also
// be separated by commas), and reports whether it is an ignore directive.
// Text after " -- " is a reason for people and is not read:
// "evident:ignore stale -- a historical survey".
func ParseIgnore(comment string) (codes []string, ok bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(comment), IgnoreDirective)
	if !ok {
		return nil, false
	}
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && !ignoreSeparator(r) {
		return nil, false // evident:ignored, evident:ignore-next-file, ...
	}
	if i := strings.Index(rest, "--"); i >= 0 {
		rest = rest[:i]
	}
	for _, f := range strings.FieldsFunc(rest, ignoreSeparator) {
		codes = append(codes, f)
	}
	return codes, true
}

// ignoreSeparator reports the runes that separate the codes of a
// directive: commas, colons and any white space, a no-break space pasted
// from a word processor included.
func ignoreSeparator(r rune) bool { return r == ',' || r == ':' || unicode.IsSpace(r) }

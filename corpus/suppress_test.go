package corpus

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// FuzzParseIgnore checks the evident:ignore directive: it is recognised
// exactly when the comment starts with the directive as a word, its codes
// are whole words without separators, a reason after " -- " changes
// nothing, and the codes read back written out again.
func FuzzParseIgnore(f *testing.F) {
	for _, s := range []string{
		"evident:ignore", " evident:ignore uncited-claim ", "evident:ignore stale, weak-support -- a survey",
		"evident:ignore: stale", "evident:ignored", "evident:ignore-next", "evident:ignore\tstale\nuncited-claim",
		"evident:ignore a--b", "evident:ignore stale\u00a0-- why", "evident:ignore\u2003stale", "EVIDENT:IGNORE", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, comment string) {
		codes, ok := ParseIgnore(comment)
		rest, prefixed := strings.CutPrefix(strings.TrimSpace(comment), IgnoreDirective)
		want := prefixed && (rest == "" || strings.IndexFunc(rest, func(r rune) bool { return r == ',' || r == ':' || unicode.IsSpace(r) }) == 0)
		if ok != want {
			t.Fatalf("ParseIgnore(%q) ok = %v, want %v", comment, ok, want)
		}
		if !ok {
			if codes != nil {
				t.Fatalf("ParseIgnore(%q) = %q for no directive", comment, codes)
			}
			return
		}
		for _, c := range codes {
			if c == "" || strings.Contains(c, "--") || strings.ContainsAny(c, ",:") || strings.IndexFunc(c, unicode.IsSpace) >= 0 {
				t.Fatalf("ParseIgnore(%q): code %q", comment, c)
			}
		}
		if again, ok := ParseIgnore(comment + " -- a reason"); !ok || !slices.Equal(again, codes) {
			t.Fatalf("ParseIgnore(%q) = %q, with a reason %q", comment, codes, again)
		}
		if again, ok := ParseIgnore(IgnoreDirective + " " + strings.Join(codes, " ")); !ok || !slices.Equal(again, codes) {
			t.Fatalf("ParseIgnore(%q) = %q, written out and read again %q", comment, codes, again)
		}
	})
}

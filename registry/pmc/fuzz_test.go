package pmc

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseArticle: whatever PMC answers, reading it never panics, and
// the text it gives holds no citation placeholder and is valid UTF-8
// where the input was.
func FuzzParseArticle(f *testing.F) {
	f.Add([]byte(`<article><front><article-meta><article-id pub-id-type="pmc">PMC1</article-id></article-meta></front><body><sec><title>A</title><p>x <xref ref-type="bibr">[1]</xref>.</p></sec></body></article>`))
	f.Add([]byte(`<pmc-articleset><article><body><p>(<xref ref-type="bibr">Li 2002</xref>; <xref ref-type="bibr">[3]</xref>)<list><list-item><p>i</p></list-item></list></p></body></article></pmc-articleset>`))
	f.Add([]byte("<article><body><p>\x00\x01\x02<sup>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _ := ParseArticle(data)
		for _, s := range []string{a.Title, a.Abstract, a.FullText} {
			if strings.ContainsAny(s, numCite+yearOpen+yearClose) {
				t.Fatalf("placeholder left in %q", s)
			}
			if utf8.Valid(data) && !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out of valid input: %q", s)
			}
		}
		_, _ = parseAnswer("PMC1", data)
	})
}

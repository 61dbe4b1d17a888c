package resolve

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestByKey_Aliases(t *testing.T) {
	lib := NewLibrary([]*corpus.Reference{
		{Key: "schulze_zur_1933", Aliases: []string{"schulze_zur_1933-1", "Dup"}},
		// An alias never takes another reference's key.
		{Key: "other", Aliases: []string{"schulze_zur_1933", "dup"}},
		{Key: "dup"},
	})
	for _, tc := range []struct{ key, want string }{
		{"schulze_zur_1933-1", "schulze_zur_1933"},
		{"Schulze_Zur_1933-1", "schulze_zur_1933"},
		{"@schulze_zur_1933-1", "schulze_zur_1933"},
		{"schulze_zur_1933", "schulze_zur_1933"},
		{"dup", "dup"},
		{"Dup", "schulze_zur_1933"},
		{"DUP", "dup"},
		{"schulze_zur_1933-2", ""},
	} {
		got := ""
		if r := lib.ByKey(tc.key); r != nil {
			got = r.Key
		}
		if got != tc.want {
			t.Errorf("ByKey(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestIsIdentifierKey_ManubotPrefixes(t *testing.T) {
	for key, want := range map[string]bool{
		"doi:10.1/abc": true, "@pmid:26017442": true, "pubmed:1": true, "pmcid:PMC1": true, "pmc:PMC1": true,
		"arxiv:1706.03762": true, "isbn:9780262035613": true, "url:https://a.org": true, "https://a.org/x": true,
		"DOI:10.1/abc": true, "wikidata:Q1": true,
		"tag:x": false, "smith2019": false, "doi:": false, "fig:zoo": false,
	} {
		if got := IsIdentifierKey(key); got != want {
			t.Errorf("IsIdentifierKey(%q) = %v, want %v", key, got, want)
		}
	}
}

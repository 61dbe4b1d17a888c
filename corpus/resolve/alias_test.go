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

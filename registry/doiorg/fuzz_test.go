package doiorg

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseCSL: any answer parses or fails without panicking, and a
// record it gives is one the verifier can use: named after doi.org, with
// a title or a DOI, valid UTF-8 and no markup left in its title.
func FuzzParseCSL(f *testing.F) {
	// The recorded answer without its 76 references: a seed of 21 KB
	// makes every new input slow to minimise.
	if body, err := os.ReadFile("testdata/science.169.3946.635.csl.json"); err == nil {
		var item map[string]json.RawMessage
		if json.Unmarshal(body, &item) == nil {
			delete(item, "reference")
			if b, err := json.Marshal(item); err == nil {
				f.Add(b)
			}
		}
	}
	for _, s := range []string{
		`{"type": "dataset", "author": [{"literal": "X"}, {"family": "Berg", "non-dropping-particle": "van"}], "DOI": "10.5061/x", "issued": {"date-parts": [["2019", "13", "40"]]}}`,
		`[{"title": ["A <i>b</i> &amp; c"], "page": 12, "abstract": "<jats:sec><jats:title>T</jats:title><jats:p>p</jats:p>"}, 3]`,
		`{"title": "x", "issued": {"date-parts": [[null]]}, "type": 7, "author": "nobody"}`,
		`<!DOCTYPE html><html><body>DOI Not Found</body></html>`,
		`{"title": "cut`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		rec, err := ParseCSL(body)
		if err != nil {
			return
		}
		if rec.Registry != "doi.org" || (rec.Title == "" && rec.DOI == "") {
			t.Fatalf("unusable record %+v", rec)
		}
		for _, s := range []string{rec.Title, rec.Venue, rec.Abstract, rec.Pages, rec.Type} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		if strings.Contains(rec.Title, "<i>") || strings.Contains(rec.Abstract, "<jats:") {
			t.Fatalf("markup left: %q / %q", rec.Title, rec.Abstract)
		}
	})
}

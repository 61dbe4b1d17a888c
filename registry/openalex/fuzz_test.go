package openalex

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseWork: any answer parses or fails without panicking; a record
// it gives is named after OpenAlex, has a title or a DOI, valid UTF-8, no
// more than MaxAbstractWords words of abstract, and a retraction flag that
// agrees with its updates.
func FuzzParseWork(f *testing.F) {
	// The recorded works without their long member lists, so that new
	// inputs minimise quickly.
	for _, name := range []string{"W2109415576.json", "W4381738344.json"} {
		body, err := os.ReadFile("testdata/" + name)
		if err != nil {
			continue
		}
		var w map[string]json.RawMessage
		if json.Unmarshal(body, &w) == nil {
			for _, k := range []string{"locations", "concepts", "topics", "related_works", "referenced_works", "counts_by_year", "mesh", "keywords"} {
				delete(w, k)
			}
			if b, err := json.Marshal(w); err == nil {
				f.Add(b)
			}
		}
	}
	for _, s := range []string{
		`{"title": "x", "abstract_inverted_index": {"late": [1000000000], "early": [0, 0], "odd": [-5], "": [1]}}`,
		`{"display_name": "<i>T</i>", "is_retracted": true, "authorships": [{"author": {"display_name": "A and B"}}, {"raw_author_name": "van, {x}"}]}`,
		`{"doi": "https://doi.org/10.1/x", "ids": {"pmid": "https://pubmed.ncbi.nlm.nih.gov/0", "pmcid": "/"}, "biblio": {"first_page": "", "last_page": "9"}}`,
		`{"title": "x", "publication_year": 99999, "publication_date": "2020-13-40", "primary_location": {"source": null}}`,
		`<!doctype html><title>404 Not Found</title>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		rec, err := ParseWork(body)
		if err != nil {
			return
		}
		if rec.Registry != "openalex" || (rec.Title == "" && rec.DOI == "") {
			t.Fatalf("unusable record %+v", rec)
		}
		for _, s := range []string{rec.Title, rec.Venue, rec.Abstract, rec.Pages} {
			if !utf8.ValidString(s) && utf8.Valid(body) {
				t.Fatalf("invalid UTF-8 in %q from valid input", s)
			}
		}
		if n := len(strings.Fields(rec.Abstract)); n > MaxAbstractWords {
			t.Fatalf("abstract of %d words", n)
		}
		if rec.Retracted != (len(rec.Updates) == 1) {
			t.Fatalf("retracted %v with updates %v", rec.Retracted, rec.Updates)
		}
	})
}

// FuzzAbstract: an index built from a text rebuilds the text's words in
// order, whatever the text.
func FuzzAbstract(f *testing.F) {
	f.Add("Significance The inadequate mechanical properties of engineered tissues", uint(0))
	f.Add("the cat saw the other cat", uint(1000))
	f.Add("  spaced\tout\nwords ", uint(1)<<40)
	f.Fuzz(func(t *testing.T, text string, gap uint) {
		words := strings.Fields(text)
		if len(words) > MaxAbstractWords {
			words = words[:MaxAbstractWords]
		}
		gap %= 1 << 30 // positions stay far from overflowing an int
		index := map[string][]int{}
		for i, w := range words {
			index[w] = append(index[w], i*(1+int(gap)))
		}
		if got, want := Abstract(index), strings.Join(words, " "); got != want {
			t.Fatalf("rebuilt %q, want %q", got, want)
		}
	})
}

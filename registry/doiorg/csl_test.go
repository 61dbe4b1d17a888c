package doiorg

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
)

// The CSL-JSON Crossref answered for 10.1126/science.169.3946.635 through
// content negotiation (recorded by habanero), with its JATS abstract and
// Crossref's own type name.
func TestParseCSL_CrossrefAnswer(t *testing.T) {
	body, err := os.ReadFile("testdata/science.169.3946.635.csl.json")
	if err != nil {
		t.Fatal(err)
	}
	rec, err := ParseCSL(body)
	if err != nil {
		t.Fatal(err)
	}
	abstract := rec.Abstract
	rec.Abstract = ""
	want := registry.Record{
		Registry:  "doi.org",
		DOI:       "10.1126/science.169.3946.635",
		Title:     "The Structure of Ordinary Water",
		Authors:   []registry.Author{{Family: "Frank", Given: "Henry S."}},
		Year:      1970,
		Month:     8,
		Venue:     "Science",
		Volume:    "169",
		Issue:     "3946",
		Pages:     "635-641",
		Type:      "article-journal",
		Publisher: "American Association for the Advancement of Science (AAAS)",
		URL:       "http://dx.doi.org/10.1126/science.169.3946.635",
	}
	if !reflect.DeepEqual(rec, want) {
		t.Errorf("record\n got %+v\nwant %+v", rec, want)
	}
	if !strings.HasPrefix(abstract, "The train of thought pursued in this article has led to the conclusion") ||
		!strings.HasSuffix(abstract, "we will be able to place in our conclusions.") || strings.ContainsAny(abstract, "<>\n") {
		t.Errorf("abstract %q", abstract)
	}
}

// Manubot's recorded CSL-JSON for the deep review (an array of one item,
// 555 references, 36 authors, PMID and PMCID added by Manubot).
func TestParseCSL_DeepReview(t *testing.T) {
	body, err := os.ReadFile(registrytest.Corpus(t, "doi/crossref-deep-review-csl/raw.json"))
	if err != nil {
		t.Fatal(err)
	}
	rec, err := ParseCSL(body)
	if err != nil {
		t.Fatal(err)
	}
	got := []any{rec.Title, rec.Year, rec.Month, rec.Venue, rec.Volume, rec.Issue, rec.Pages, rec.Type, rec.Publisher, rec.DOI, rec.PMID, rec.PMCID, len(rec.Authors), rec.Authors[0], rec.Authors[1], rec.Authors[35], rec.Abstract}
	want := []any{"Opportunities and obstacles for deep learning in biology and medicine", 2018, 4,
		"Journal of The Royal Society Interface", "15", "141", "20170387", "article-journal", "The Royal Society",
		"10.1098/rsif.2017.0387", "29618526", "PMC5938574", 36,
		registry.Author{Family: "Ching", Given: "Travers"}, registry.Author{Family: "Himmelstein", Given: "Daniel S."},
		registry.Author{Family: "Greene", Given: "Casey S."}, ""}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("field %d: got %#v, want %#v", i, got[i], want[i])
		}
	}
}

// Items as other agencies write them: DataCite's organisations and
// particles, string date-parts, plain-text abstracts, CSL types.
func TestParseCSL_OtherAgencies(t *testing.T) {
	body := `{"type": "dataset", "id": "https://doi.org/10.5061/dryad.x",
		"author": [{"literal": "Dryad Consortium"}, {"family": "Berg", "given": "Jan", "non-dropping-particle": "van den"}, {"name": "ENCODE Project"}],
		"issued": {"date-parts": [["2019", "3"]]}, "title": "Data from: <i>Rana</i> calls &amp; songs",
		"container-title": "Dryad", "publisher": "Dryad Digital Repository", "DOI": "10.5061/DRYAD.X",
		"abstract": "First paragraph.\n\nSecond   paragraph.", "page": "e12"}`
	rec, err := ParseCSL([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := registry.Record{
		Registry: "doi.org", DOI: "10.5061/dryad.x", Title: "Data from: Rana calls & songs",
		Authors: []registry.Author{{Literal: "Dryad Consortium"}, {Family: "van den Berg", Given: "Jan"}, {Literal: "ENCODE Project"}},
		Year:    2019, Month: 3, Venue: "Dryad", Pages: "e12", Type: "dataset", Publisher: "Dryad Digital Repository",
		Abstract: "First paragraph.\nSecond paragraph.",
	}
	if !reflect.DeepEqual(rec, want) {
		t.Errorf("record\n got %+v\nwant %+v", rec, want)
	}
}

// Whatever is not a CSL item with a title or a DOI is no answer.
func TestParseCSL_RejectsWhatIsNoItem(t *testing.T) {
	for name, body := range map[string]string{
		"landing page":   "<!DOCTYPE html><html><head><title>Article</title></head><body>Welcome</body></html>",
		"truncated":      `{"type": "article-journal", "title": "Half of it", "DOI": "10.1`,
		"empty object":   `{}`,
		"empty array":    `[]`,
		"null":           `null`,
		"error object":   `{"status": "error", "message": "Not found"}`,
		"no title or id": `{"type": "dataset", "publisher": "Somebody"}`,
		"binary":         "\x00\xff\xfe garbage {{{ \x01",
		"nothing":        "",
	} {
		if rec, err := ParseCSL([]byte(body)); err == nil {
			t.Errorf("%s: parsed as %+v, want an error", name, rec)
		}
	}
}

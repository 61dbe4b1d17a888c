package openalex

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/evident-tools/evident/registry"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The three works paper-qa recorded, read by value: a review with an
// abstract and a PMID, an article with a PMC id written as bare digits,
// and a sparse record with no authors or abstract.
func TestParseWork_RecordedWorks(t *testing.T) {
	for _, c := range []struct {
		file           string
		want           registry.Record
		abstractStart  string
		abstractEnd    string
		abstractLength int // words
	}{
		{
			file: "W2033425827.json",
			want: registry.Record{
				Registry: "openalex", DOI: "10.1016/j.addr.2015.01.008", PMID: "25666165",
				Title: "Pharmacokinetics, biodistribution and cell uptake of antisense oligonucleotides",
				Authors: []registry.Author{{Family: "Geary", Given: "Richard S."}, {Family: "Norris", Given: "Daniel A."},
					{Family: "Yu", Given: "Rosie Z."}, {Family: "Bennett", Given: "C. Frank"}},
				Year: 2015, Month: 2, Venue: "Advanced Drug Delivery Reviews", Volume: "87", Pages: "46-51",
				Type: "article-journal", PubTypes: []string{"review"}, Publisher: "Elsevier BV",
				URL: "https://doi.org/10.1016/j.addr.2015.01.008",
			},
			abstractStart:  "Pharmacokinetic properties of oligonucleotides are largely driven by chemistry of the backbone",
			abstractEnd:    "ultimate potency of antisense oligonucleotides in the future.",
			abstractLength: 215,
		},
		{
			file: "W2109415576.json",
			want: registry.Record{
				Registry: "openalex", DOI: "10.1073/pnas.1414271111", PMID: "25349395", PMCID: "PMC4234579",
				Title: "Developing functional musculoskeletal tissues through hypoxia and lysyl oxidase-induced collagen cross-linking",
				Authors: []registry.Author{{Family: "Makris", Given: "Eleftherios"}, {Family: "Responte", Given: "Donald J."},
					{Family: "Paschos", Given: "Nikolaos K."}, {Family: "Hu", Given: "Jerry C."}, {Family: "Athanasiou", Given: "Kyriacos A."}},
				Year: 2014, Month: 10, Venue: "Proceedings of the National Academy of Sciences", Volume: "111", Issue: "45",
				Type: "article-journal", PubTypes: []string{"article"}, Publisher: "National Academy of Sciences",
				URL: "https://doi.org/10.1073/pnas.1414271111",
			},
			abstractStart:  "Significance The inadequate mechanical properties of engineered tissues",
			abstractEnd:    "across a spectrum of collagen-rich tissues and are clinically applicable.",
			abstractLength: 126,
		},
		{
			file: "W4381738344.json",
			want: registry.Record{
				Registry: "openalex", DOI: "10.1007/s40278-023-41815-2",
				Title: "Convalescent-anti-sars-cov-2-plasma/immune-globulin",
				Year:  2023, Month: 6, Venue: "Reactions Weekly", Volume: "1962", Issue: "1", Pages: "145",
				Type: "article-journal", PubTypes: []string{"article"}, Publisher: "Adis, Springer Healthcare",
				URL: "https://doi.org/10.1007/s40278-023-41815-2",
			},
		},
	} {
		rec, err := ParseWork(readTestdata(t, c.file))
		if err != nil {
			t.Errorf("%s: %v", c.file, err)
			continue
		}
		abstract := rec.Abstract
		rec.Abstract = ""
		if !reflect.DeepEqual(rec, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.file, rec, c.want)
		}
		if !strings.HasPrefix(abstract, c.abstractStart) || !strings.HasSuffix(abstract, c.abstractEnd) || len(strings.Fields(abstract)) != c.abstractLength {
			t.Errorf("%s: abstract of %d words: %.100q … %q", c.file, len(strings.Fields(abstract)), abstract, abstract[max(0, len(abstract)-80):])
		}
	}
}

// The recorded title search: a list of one work.
func TestParseWorks_RecordedList(t *testing.T) {
	recs, err := ParseWorks(readTestdata(t, "works-title-search.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 {
		t.Fatalf("%d works, want 1", len(recs))
	}
	r := recs[0]
	got := []any{r.DOI, r.Title, r.Year, r.Month, r.Venue, r.Volume, r.Issue, r.Authors, r.Retracted, len(strings.Fields(r.Abstract))}
	want := []any{"10.1063/1.4938384", "Effect of native oxide layers on copper thin-film tensile properties: A reactive molecular dynamics study",
		2015, 12, "Journal of Applied Physics", "118", "23",
		[]registry.Author{{Family: "Skarlinski", Given: "Michael"}, {Family: "Quesnel", Given: "David J."}}, false, 290}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("field %d: got %#v, want %#v", i, got[i], want[i])
		}
	}
}

func TestParseWork_RetractedIsFlaggedWithAnUpdate(t *testing.T) {
	rec, err := ParseWork([]byte(`{"title": "Ileal-lymphoid-nodular hyperplasia", "doi": "https://doi.org/10.1016/S0140-6736(97)11096-0", "is_retracted": true, "type": "article"}`))
	if err != nil {
		t.Fatal(err)
	}
	want := []registry.Update{{Type: registry.Retraction, Source: "openalex"}}
	if !rec.Retracted || !reflect.DeepEqual(rec.Updates, want) || rec.DOI != "10.1016/s0140-6736(97)11096-0" {
		t.Errorf("record %+v", rec)
	}
}

// Names as OpenAlex displays them, types by their source, markup in
// titles, pages from one end only.
func TestParseWork_FieldsAsOpenAlexWritesThem(t *testing.T) {
	body := `{"display_name": "The <i>lac</i> operon &amp; <sub>2</sub>", "publication_year": 2001, "publication_date": "2000-12-30",
		"authorships": [
			{"author": {"display_name": "Ludwig van Beethoven"}},
			{"author": {"display_name": "Smith, John"}},
			{"author": {"display_name": "Department of Health and Social Care"}},
			{"author": {"display_name": ""}, "raw_author_name": "Ada  Lovelace"},
			{"author": {"display_name": "  "}},
			{"author": {"display_name": "Plato"}},
			{"author": {"display_name": "{Weird} \\name $x$"}}
		],
		"type": "article", "primary_location": {"source": {"display_name": "Proc. of Something", "type": "conference"}},
		"biblio": {"first_page": null, "last_page": "99"}, "ids": {"pmid": "https://pubmed.ncbi.nlm.nih.gov/00123", "pmcid": "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC77"},
		"id": "https://openalex.org/W1"}`
	rec, err := ParseWork([]byte(body))
	if err != nil {
		t.Fatal(err)
	}
	want := registry.Record{
		Registry: "openalex", PMID: "123", PMCID: "PMC77", Title: "The lac operon & 2",
		Authors: []registry.Author{{Family: "van Beethoven", Given: "Ludwig"}, {Family: "Smith", Given: "John"},
			{Literal: "Department of Health and Social Care"}, {Family: "Lovelace", Given: "Ada"}, {Family: "Plato"},
			// BibTeX's rule: a word that does not start upper-case is
			// a particle; the characters all survive.
			{Family: `\name $x$`, Given: `{Weird}`}},
		// The publication date's year disagrees with publication_year:
		// the year stands, and the date's month is not trusted.
		Year: 2001, Venue: "Proc. of Something", Pages: "99", Type: "paper-conference", PubTypes: []string{"article"},
		URL: "https://openalex.org/W1",
	}
	if !reflect.DeepEqual(rec, want) {
		t.Errorf("\n got %+v\nwant %+v", rec, want)
	}
}

func TestParseWork_RejectsWhatIsNoWork(t *testing.T) {
	for name, body := range map[string]string{
		"HTML 404 page":     `<!doctype html><html lang=en><title>404 Not Found</title><h1>Not Found</h1>`,
		"truncated":         `{"id": "https://openalex.org/W1", "title": "Half`,
		"error object":      `{"error": "Invalid query parameters error.", "message": "x is not a valid field"}`,
		"wrong member kind": `{"title": "x", "publication_year": "2001"}`,
		"a list":            `{"meta": {}, "results": []}`,
		"binary":            "\x00\xff garbage",
	} {
		if rec, err := ParseWork([]byte(body)); err == nil {
			t.Errorf("%s: parsed as %+v", name, rec)
		}
	}
	if _, err := ParseWorks([]byte(`{"id": "W1", "title": "a work, not a list"}`)); err == nil {
		t.Error("a single work read as a list")
	}
}

func TestCSLType_OpenAlexWordsThenCrossrefs(t *testing.T) {
	for _, c := range []struct{ typ, source, want string }{
		{"article", "journal", "article-journal"},
		{"article", "conference", "paper-conference"},
		{"article", "repository", "posted-content"},
		{" review", "journal", "article-journal"},
		{"preprint", "repository", "posted-content"},
		{"supplementary-materials", "", "document"},
		// The words OpenAlex shares with Crossref.
		{"book-chapter", "", "chapter"},
		{"dissertation", "repository", "thesis"},
		{"peer-review", "", "review"},
		{"other", "", "document"},
		{"grant", "", "document"},
		{"something-new", "", "something-new"},
		{"", "", ""},
	} {
		if got := cslType(c.typ, c.source); got != c.want {
			t.Errorf("cslType(%q, %q) = %q, want %q", c.typ, c.source, got, c.want)
		}
	}
}

package verify

import (
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/registry"
)

var day = time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)

var lecunRecord = registry.Record{
	Registry: "crossref", DOI: "10.1038/NATURE14539", Title: "Deep learning",
	Authors: []registry.Author{{Family: "LeCun", Given: "Yann"}, {Family: "Bengio", Given: "Yoshua"}, {Literal: "Google & Co"}},
	Year:    2015, Month: 5, Venue: "Nature", Volume: "521", Issue: "7553", Pages: "436-444",
	Type: "article-journal", Publisher: "Springer Science and Business Media LLC", URL: "https://doi.org/10.1038/nature14539",
}

func TestReference_RecordBecomesABibTeXEntry(t *testing.T) {
	id := registry.ID{Kind: registry.DOI, Value: "10.1038/nature14539"}
	ref := Reference(lecunRecord, id, day)
	if ref.Type != "article" || ref.Title != "Deep learning" || ref.Year != 2015 || ref.Month != 5 || ref.Venue != "Nature" {
		t.Errorf("reference = %+v", ref)
	}
	if ref.IDs.DOI != "10.1038/nature14539" || ref.Source.File != "crossref doi:10.1038/nature14539" {
		t.Errorf("IDs %+v, source %+v", ref.IDs, ref.Source)
	}
	if len(ref.Authors) != 3 || ref.Authors[0].Last != "LeCun" || ref.Authors[2].Literal != "Google & Co" {
		t.Errorf("authors = %+v", ref.Authors)
	}
	if p, _ := ref.Get("pages"); p != "436–444" && p != "436--444" {
		t.Errorf("pages = %q", p)
	}
	for _, f := range ref.Fields {
		if f.Origin != "crossref 10.1038/nature14539, 2026-12-06" {
			t.Errorf("field %s: origin %q", f.Name, f.Origin)
		}
	}
	ref.Key = bibtex.MakeKey(ref)
	if ref.Key != "lecun2015deep" {
		t.Errorf("key = %q, want lecun2015deep", ref.Key)
	}
	SetRaw(ref)
	if !strings.HasPrefix(ref.Raw, "@article{lecun2015deep,\n  author = {LeCun, Yann and Bengio, Yoshua and {Google \\& Co}},") {
		t.Errorf("raw:\n%s", ref.Raw)
	}
	// The raw entry reads back as the same reference.
	p := bibtex.NewParser()
	if _, err := p.Parse("x.bib", []byte(ref.Raw)); err != nil || len(p.References()) != 1 {
		t.Fatalf("raw does not parse: %v", err)
	}
	back := p.References()[0]
	if back.Title != ref.Title || back.IDs != ref.IDs || len(back.Fields) != len(ref.Fields) {
		t.Errorf("read back %+v\nwant %+v", back, ref)
	}
}

func TestReference_Types(t *testing.T) {
	tests := []struct {
		csl, want, venueField string
	}{
		{"article-journal", "article", "journal"},
		{"paper-conference", "inproceedings", "booktitle"},
		{"chapter", "incollection", "booktitle"},
		{"posted-content", "misc", "howpublished"},
		{"something-new", "misc", "howpublished"},
	}
	for _, tt := range tests {
		rec := registry.Record{Registry: "crossref", Type: tt.csl, Title: "A title", Venue: "A venue"}
		ref := Reference(rec, registry.ID{Kind: registry.DOI, Value: "10.5555/x"}, day)
		if ref.Type != tt.want {
			t.Errorf("%s: type %s, want %s", tt.csl, ref.Type, tt.want)
		}
		if v, _ := ref.Get(tt.venueField); v != "A venue" {
			t.Errorf("%s: %s = %q", tt.csl, tt.venueField, v)
		}
	}
}

func TestPlanFill_AddsMissingShowsDifferences(t *testing.T) {
	p := bibtex.NewParser()
	if _, err := p.Parse("refs.bib", []byte("@article{lecun,\n  author = {LeCun, Yann},\n  title = {Deep learning},\n  year = 2015,\n  volume = {999},\n  pages = {436--444},\n}\n")); err != nil {
		t.Fatal(err)
	}
	ref := p.References()[0]
	rec := lecunRecord
	rec.PMID = "26017442"
	rec.Abstract = "Deep learning allows computational models..."
	fills := PlanFill(ref, rec)
	var got []string
	for _, f := range fills {
		s := f.Field + "+"
		if f.Differs {
			s = f.Field + "≠" + f.Ours
		}
		got = append(got, s)
	}
	if strings.Join(got, " ") != "doi+ pmid+ volume≠999 number+ abstract+" {
		t.Errorf("fills = %v", got)
	}
	out := ApplyFill(ref, fills, "crossref 10.1038/nature14539, 2026-12-06")
	if v, _ := out.Get("volume"); v != "999" {
		t.Errorf("a present value was overwritten: volume = %q", v)
	}
	if out.IDs.DOI != "10.1038/nature14539" || out.IDs.PMID != "26017442" {
		t.Errorf("IDs = %+v", out.IDs)
	}
	if f := out.Field("number"); f == nil || f.Origin == "" || f.Value != "7553" {
		t.Errorf("number = %+v", f)
	}
	if _, ok := ref.Get("doi"); ok {
		t.Error("ApplyFill changed the reference it was given")
	}
	// Raw keeps the entry as written and carries the new fields.
	p2 := bibtex.NewParser()
	if _, err := p2.Parse("again.bib", []byte(out.Raw)); err != nil || len(p2.References()) != 1 {
		t.Fatalf("raw does not parse: %v\n%s", err, out.Raw)
	}
	again := p2.References()[0]
	if !strings.Contains(out.Raw, "volume = {999},\n  pages = {436--444},\n  doi = {10.1038/nature14539},") || again.IDs != out.IDs {
		t.Errorf("raw:\n%s\nreads back as %+v", out.Raw, again.IDs)
	}
	if len(PlanFill(out, rec)) != 1 {
		t.Errorf("after filling, only the difference remains: %+v", PlanFill(out, rec))
	}
}

func TestPlanFill_SameValuesWrittenOtherwise(t *testing.T) {
	ref := &corpus.Reference{Key: "k", Fields: []corpus.Field{
		{Name: "doi", Value: "https://doi.org/10.1038/NATURE14539"}, {Name: "pages", Value: "436-444"},
		{Name: "issue", Value: "7553"}, {Name: "volume", Value: "521"},
	}}
	if fills := PlanFill(ref, lecunRecord); len(fills) != 0 {
		t.Errorf("fills = %+v; the values agree", fills)
	}
}

package index

import (
	"context"
	"slices"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// medicalLibrary is a small library where an abbreviation of the text
// ("TB") is also an author's initials.
func medicalLibrary() []*corpus.Reference {
	n := func(first, last string) corpus.Name { return corpus.Name{First: first, Last: last} }
	return []*corpus.Reference{
		{
			Key: "osei2013outcomes", Type: "article", Year: 2013,
			Title:   "Second-line drug resistance and treatment outcomes in MDR-TB",
			Authors: []corpus.Name{n("Kwame", "Osei"), n("Lena", "Brandt"), n("Ravi", "Menon")},
			Venue:   "European Respiratory Journal",
			IDs:     corpus.Identifiers{DOI: "10.1183/example.0001"},
		},
		{
			Key: "haldane2012regimens", Type: "article", Year: 2012,
			Title:   "Treatment regimens for multidrug-resistant pulmonary tuberculosis",
			Authors: []corpus.Name{n("Ines", "Haldane")},
			Venue:   "PLoS Medicine",
			Fields: []corpus.Field{
				{Name: "abstract", Value: "We pooled individual patient data from 32 cohorts of patients treated for multidrug-resistant tuberculosis in 23 countries to compare regimens and outcomes. " +
					"Treatment success was more likely with later-generation fluoroquinolones, ethionamide or prothionamide, and with more drugs in the intensive phase. " +
					"These findings bear on the choice of regimen for MDR-TB wherever drug susceptibility testing is limited."},
			},
		},
		{
			Key: "ortiz2019screening", Type: "article", Year: 2019,
			Title:   "Chest radiography for tuberculosis screening",
			Authors: []corpus.Name{n("Marta", "Ortiz")},
			Venue:   "The Lancet Infectious Diseases",
			Fields: []corpus.Field{
				{Name: "abstract", Value: "Screening for TB with chest radiography finds many cases of TB that symptom screening misses, in settings with a high burden of TB and of HIV."},
			},
		},
		{
			Key: "nakamura2021contacts", Type: "article", Year: 2021,
			Title:   "Preventive therapy for household contacts",
			Authors: []corpus.Name{n("Ken", "Nakamura"), n("Sara", "Lindqvist")},
			Venue:   "Clinical Infectious Diseases",
			Fields: []corpus.Field{
				{Name: "abstract", Value: "Household contacts of people with TB were offered preventive therapy; fewer of them developed TB disease over two years of follow-up than contacts who declined it."},
			},
		},
		{
			// Matches "MDR-TB" only through the initials of its first author.
			Key: "kimura2015bone", Type: "article", Year: 2015,
			Title:   "Bone density after total hip replacement",
			Authors: []corpus.Name{n("TB", "Kimura"), n("K", "Ohno")},
			Venue:   "Journal of Orthopaedic Surgery",
		},
		{
			Key: "brown2020sildenafil", Type: "article", Year: 2020,
			Title:   "Sildenafil for persistent pulmonary hypertension of the newborn",
			Authors: []corpus.Name{n("Alice", "Brown"), n("Tomas", "Ruiz")},
			Venue:   "Pediatrics",
			IDs:     corpus.Identifiers{DOI: "10.1542/example.0002"},
		},
		{
			Key: "lund2018vasodilators", Type: "article", Year: 2018,
			Title:   "Pulmonary vasodilators in neonatal care",
			Authors: []corpus.Name{n("Mette", "Lund")},
			Fields:  []corpus.Field{{Name: "keywords", Value: "sildenafil; nitric oxide"}},
		},
	}
}

func buildMedical(t *testing.T) *Index {
	t.Helper()
	ix, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Apply(context.Background(), medicalLibrary(), nil, 1); err != nil {
		t.Fatal(err)
	}
	return ix
}

func hitByKey(hits []SearchHit, key string) *SearchHit {
	for i := range hits {
		if hits[i].Key == key {
			return &hits[i]
		}
	}
	return nil
}

func TestSearch_InitialsAloneRankBelowTextMatches(t *testing.T) {
	ix := buildMedical(t)
	res := mustSearch(t, ix, Query{Text: "MDR-TB"})
	got := hitNames(res.Hits)
	if len(got) != 5 || !slices.Equal(sorted(got[:2]), []string{"haldane2012regimens", "osei2013outcomes"}) || got[4] != "kimura2015bone" {
		t.Fatalf("MDR-TB: %v, want the two works on MDR-TB, those on TB, then kimura2015bone (initials TB)", got)
	}
	for key, want := range map[string][]string{
		"osei2013outcomes":    {fieldTitle},
		"haldane2012regimens": {fieldAbstract},
		"kimura2015bone":      {fieldGiven},
	} {
		if h := hitByKey(res.Hits, key); h == nil || !slices.Equal(h.MatchedFields, want) {
			t.Errorf("MDR-TB: %s matched in %v, want %v", key, h.MatchedFields, want)
		}
	}
	// SearchRefs, which export --query runs, ranks the same way.
	if keys := search(t, ix, "MDR-TB"); len(keys) != 5 || keys[4] != "kimura2015bone" {
		t.Errorf("SearchRefs(MDR-TB) = %v, want kimura2015bone last", keys)
	}
	// A family name still counts in full.
	if keys := search(t, ix, "kimura bone"); len(keys) == 0 || keys[0] != "kimura2015bone" {
		t.Errorf("SearchRefs(kimura bone) = %v, want kimura2015bone first", keys)
	}
}

func TestSearch_HitNamesAuthorsYearAndVenue(t *testing.T) {
	ix := buildMedical(t)
	res := mustSearch(t, ix, Query{Text: "sildenafil"})
	if got := hitNames(res.Hits); !slices.Equal(got, []string{"brown2020sildenafil", "lund2018vasodilators"}) {
		t.Fatalf("sildenafil: %v", got)
	}
	h := res.Hits[0]
	want := SearchHit{Type: TypeRef, Key: "brown2020sildenafil", Title: "Sildenafil for persistent pulmonary hypertension of the newborn",
		Authors: "Brown & Ruiz", Year: 2020, Venue: "Pediatrics"}
	if h.Title != want.Title || h.Authors != want.Authors || h.Year != want.Year || h.Venue != want.Venue {
		t.Errorf("hit = %+v, want %+v", h, want)
	}
	if !slices.Equal(h.MatchedFields, []string{fieldTitle}) {
		t.Errorf("brown2020sildenafil matched in %v, want [title]", h.MatchedFields)
	}
	if h := res.Hits[1]; !slices.Equal(h.MatchedFields, []string{fieldKeywords}) || h.Venue != "" || h.Authors != "Lund" {
		t.Errorf("lund2018vasodilators: matched in %v, authors %q, venue %q; want [keywords], Lund, no venue", h.MatchedFields, h.Authors, h.Venue)
	}
}

func TestSearch_MatchedFieldsNameTheQueryFields(t *testing.T) {
	ix := buildMedical(t)
	for _, tc := range []struct {
		q, key string
		want   []string
	}{
		{"kimura", "kimura2015bone", []string{"authors"}},
		{"author:kimura", "kimura2015bone", []string{"authors"}},
		{"given:TB", "kimura2015bone", []string{"given"}},
		{"pulmonary", "lund2018vasodilators", []string{"title"}},
		{"pulmonary Brown", "brown2020sildenafil", []string{"title", "authors"}},
		{"neonatal sildenafil", "lund2018vasodilators", []string{"title", "keywords"}},
		{`doi:"10.1542/example.0002"`, "brown2020sildenafil", []string{"doi"}},
		{"+year:2020 +sildenafil", "brown2020sildenafil", []string{"title", "year"}},
		{"key:osei2013outcomes", "osei2013outcomes", []string{"key"}},
		// A phrase of names searches whole names, at full weight.
		{`"Alice Brown"`, "brown2020sildenafil", []string{"authors"}},
		{`"TB Kimura"`, "kimura2015bone", []string{"authors"}},
		{`"Kimura"`, "kimura2015bone", []string{"authors"}},
		{`"TB"`, "kimura2015bone", []string{"given"}},
		{`given:"Alice"`, "brown2020sildenafil", []string{"given"}},
		{`given:"Kwame"`, "osei2013outcomes", []string{"given"}},
		// A must-not clause never matched a hit.
		{"sildenafil -doi:10.1183/example.0001", "brown2020sildenafil", []string{"title"}},
		// An OR of identifiers names only the one that matched.
		{"doi:10.1542/example.0002 doi:10.9999/none pmid:1", "brown2020sildenafil", []string{"doi"}},
	} {
		res := mustSearch(t, ix, Query{Text: tc.q})
		h := hitByKey(res.Hits, tc.key)
		if h == nil {
			t.Errorf("%s: %s not found (%v)", tc.q, tc.key, hitNames(res.Hits))
			continue
		}
		if !slices.Equal(h.MatchedFields, tc.want) {
			t.Errorf("%s: %s matched in %v, want %v", tc.q, tc.key, h.MatchedFields, tc.want)
		}
	}
	// Filters alone match no field.
	res := mustSearch(t, ix, Query{YearFrom: 2020})
	if len(res.Hits) != 2 || res.Hits[0].MatchedFields != nil || res.Hits[1].MatchedFields != nil {
		t.Errorf("year filter only: %+v, want two hits and no matched fields", res.Hits)
	}
}

func TestSearch_ClaimMatchedFields(t *testing.T) {
	ix := buildAll(t)
	res := mustSearch(t, ix, Query{Text: "recurrent", Types: []string{TypeClaim}})
	h := res.Hits
	if len(h) == 0 {
		t.Fatal("recurrent: no claims")
	}
	for _, c := range h {
		if !slices.Contains(c.MatchedFields, fieldSection) && !slices.Contains(c.MatchedFields, fieldText) {
			t.Errorf("%s:%d matched in %v, want its section or text", c.Article, c.Line, c.MatchedFields)
		}
	}
	res = mustSearch(t, ix, Query{Text: "statistics", Types: []string{TypeClaim}})
	if len(res.Hits) != 1 || !slices.Equal(res.Hits[0].MatchedFields, []string{fieldText}) {
		t.Errorf("statistics: %+v, want one claim matched in [text]", res.Hits)
	}
}

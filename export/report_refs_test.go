package export_test

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/export/style"
)

func TestReportReferences_LabelsAndOrderFollowTheStyle(t *testing.T) {
	a, b, c := "smith2019", "smith2019b", "jones2020"
	lib := []*corpus.Reference{
		{Key: a, Type: "article", Fields: []corpus.Field{{Name: "author", Raw: "{Smith, Jane and Lee, Kim}", Value: "Smith, Jane and Lee, Kim"}, {Name: "title", Raw: "{Sugar and caries}", Value: "Sugar and caries"}, {Name: "year", Raw: "2019", Value: "2019"}}},
		{Key: b, Type: "article", Fields: []corpus.Field{{Name: "author", Raw: "{Smith, Jane and Lee, Kim}", Value: "Smith, Jane and Lee, Kim"}, {Name: "title", Raw: "{Tea and caries}", Value: "Tea and caries"}, {Name: "year", Raw: "2019", Value: "2019"}}},
		{Key: c, Type: "article", Fields: []corpus.Field{{Name: "author", Raw: "{Jones, Ann}", Value: "Jones, Ann"}, {Name: "title", Raw: "{Fluoride}", Value: "Fluoride"}, {Name: "year", Raw: "2020", Value: "2020"}}},
		{Key: "uncited", Type: "misc", Fields: []corpus.Field{{Name: "title", Raw: "{Never cited}", Value: "Never cited"}}},
	}
	rep := &corpus.Report{
		Claims:     []corpus.Claim{{Citations: []corpus.CitationLink{{Key: &c}, {Key: &a}, {Key: nil}}}},
		References: []corpus.ListRef{{Key: &b}},
	}
	labels := func(id string) string {
		st, err := style.Lookup(id)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range export.ReportReferences(st, []*corpus.Report{rep}, lib) {
			out = append(out, r.Key+"="+r.Label)
			if !strings.Contains(r.HTML, "caries") && !strings.Contains(r.HTML, "Fluoride") {
				t.Errorf("%s: %s is not formatted: %q", id, r.Key, r.HTML)
			}
		}
		return strings.Join(out, " ")
	}
	// Author-date: sorted, with the year suffixes the in-text citations use.
	if got, want := labels("apa"), "jones2020=Jones 2020 smith2019=Smith et al. 2019a smith2019b=Smith et al. 2019b"; got != want {
		t.Errorf("apa labels = %q, want %q", got, want)
	}
	// Numeric: numbered in order of first citation; the uncited work is left out.
	if got, want := labels("vancouver"), "jones2020=1 smith2019=2 smith2019b=3"; got != want {
		t.Errorf("vancouver labels = %q, want %q", got, want)
	}
}

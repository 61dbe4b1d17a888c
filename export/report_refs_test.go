package export_test

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/export/style"
)

func TestReportReferences_LabelsAndOrderFollowTheStyle(t *testing.T) {
	a, b, c := "smith2019", "smith2019b", "jones2020"
	lib := []*corpus.Reference{
		{Key: a, Type: "article", Authors: []corpus.Name{{First: "Jane", Last: "Smith"}, {First: "Kim", Last: "Lee"}}, Fields: []corpus.Field{{Name: "author", Raw: "{Smith, Jane and Lee, Kim}", Value: "Smith, Jane and Lee, Kim"}, {Name: "title", Raw: "{Sugar and caries}", Value: "Sugar and caries"}, {Name: "year", Raw: "2019", Value: "2019"}}},
		{Key: b, Type: "article", Authors: []corpus.Name{{First: "Jane", Last: "Smith"}, {First: "Kim", Last: "Lee"}}, Fields: []corpus.Field{{Name: "author", Raw: "{Smith, Jane and Lee, Kim}", Value: "Smith, Jane and Lee, Kim"}, {Name: "title", Raw: "{Tea and caries}", Value: "Tea and caries"}, {Name: "year", Raw: "2019", Value: "2019"}}},
		{Key: c, Type: "article", Authors: []corpus.Name{{First: "Ann", Last: "Jones"}}, Fields: []corpus.Field{{Name: "author", Raw: "{Jones, Ann}", Value: "Jones, Ann"}, {Name: "title", Raw: "{Fluoride}", Value: "Fluoride"}, {Name: "year", Raw: "2020", Value: "2020"}}},
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
		refs, err := export.ReportReferences(st, []*corpus.Report{rep}, lib)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range refs {
			out = append(out, r.Key+"="+r.Label)
			if !strings.Contains(r.HTML, "caries") && !strings.Contains(r.HTML, "Fluoride") {
				t.Errorf("%s: %s is not formatted: %q", id, r.Key, r.HTML)
			}
		}
		return strings.Join(out, " ")
	}
	// Author-date: sorted, with the year suffixes the in-text citations use.
	if got, want := labels("apa"), "jones2020=Jones 2020 smith2019=Smith & Lee 2019a smith2019b=Smith & Lee 2019b"; got != want {
		t.Errorf("apa labels = %q, want %q", got, want)
	}
	// Numeric: numbered in order of first citation; the uncited work is left out.
	if got, want := labels("vancouver"), "jones2020=1 smith2019=2 smith2019b=3"; got != want {
		t.Errorf("vancouver labels = %q, want %q", got, want)
	}
}

// TestReportReferences_LabelIsTheAuthorLabel checks that the HTML report
// names a work as the refs listing and the resolver do
// (corpus.AuthorLabel): two authors with "&", three or more and "and
// others" with et al., an edited book by its editors.
func TestReportReferences_LabelIsTheAuthorLabel(t *testing.T) {
	st, err := style.Lookup("apa")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, entry, want string
	}{
		{"one author", `@article{k, author = {Ioannidis, John P. A.}`, "Ioannidis 2005"},
		{"two authors", `@article{k, author = {van der Maaten, Laurens and Hinton, Geoffrey}`, "van der Maaten & Hinton 2005"},
		{"three authors", `@article{k, author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey}`, "LeCun et al. 2005"},
		{"and others", `@article{k, author = {Adams, M. D. and Celniker, S. E. and others}`, "Adams et al. 2005"},
		{"editors", `@book{k, editor = {Rumelhart, David E. and McClelland, James L.}`, "Rumelhart & McClelland 2005"},
		{"nobody", `@misc{k`, "2005"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := bibtex.NewParser()
			if _, err := p.Parse("t.bib", []byte(tc.entry+", title = {A title}, year = {2005}}\n")); err != nil {
				t.Fatal(err)
			}
			lib := p.References()
			key := "k"
			rep := &corpus.Report{References: []corpus.ListRef{{Key: &key}}}
			got, err := export.ReportReferences(st, []*corpus.Report{rep}, lib)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 {
				t.Fatalf("%d references, want 1", len(got))
			}
			if got[0].Label != tc.want {
				t.Errorf("label %q, want %q", got[0].Label, tc.want)
			}
			if want := lib[0].AuthorLabel(); want != "" && !strings.HasPrefix(got[0].Label, want+" ") {
				t.Errorf("label %q does not start with the reference's AuthorLabel %q", got[0].Label, want)
			}
		})
	}
}

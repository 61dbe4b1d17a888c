package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// TestRefsTable_AuthorsColumnIsTheAuthorLabel checks that the refs listing
// names a work as the report and the resolver do (corpus.AuthorLabel).
func TestRefsTable_AuthorsColumnIsTheAuthorLabel(t *testing.T) {
	person := func(last string) corpus.Name { return corpus.Name{First: "A.", Last: last} }
	for _, tc := range []struct {
		name string
		ref  corpus.Reference
		want string
	}{
		{"one author", corpus.Reference{Authors: []corpus.Name{person("Ioannidis")}}, "Ioannidis"},
		{"two authors", corpus.Reference{Authors: []corpus.Name{{First: "Laurens", Von: "van der", Last: "Maaten"}, person("Hinton")}}, "van der Maaten & Hinton"},
		{"three authors", corpus.Reference{Authors: []corpus.Name{person("LeCun"), person("Bengio"), person("Hinton")}}, "LeCun et al."},
		{"and others", corpus.Reference{Authors: []corpus.Name{person("Adams"), person("Celniker")}, AuthorsEtAl: true}, "Adams et al."},
		{"editors", corpus.Reference{Editors: []corpus.Name{person("Rumelhart"), person("McClelland")}}, "Rumelhart & McClelland"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ref := tc.ref
			ref.Key, ref.Year, ref.Title = "k", 2005, "A title"
			var out bytes.Buffer
			if err := refsTable(&out, []*corpus.Reference{&ref}, 0); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(out.String(), "\n")
			if len(lines) < 2 {
				t.Fatalf("no row in %q", out.String())
			}
			row := strings.Join(strings.Fields(lines[1]), " ")
			if want := "k 2005 " + tc.want + " A title"; row != want {
				t.Errorf("row %q, want %q", row, want)
			}
			if tc.want != ref.AuthorLabel() {
				t.Errorf("want %q, but AuthorLabel says %q", tc.want, ref.AuthorLabel())
			}
		})
	}
}

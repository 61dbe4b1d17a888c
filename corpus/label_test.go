package corpus

import "testing"

func TestAuthorLabel_APAInTextRule(t *testing.T) {
	for _, tc := range []struct {
		name     string
		families []string
		etAl     bool
		want     string
	}{
		{"no names", nil, false, ""},
		{"one author", []string{"Ioannidis"}, false, "Ioannidis"},
		{"two authors with an ampersand", []string{"van der Maaten", "Hinton"}, false, "van der Maaten & Hinton"},
		{"three authors", []string{"LeCun", "Bengio", "Hinton"}, false, "LeCun et al."},
		{"eight authors", []string{"Vaswani", "Shazeer", "Parmar", "Uszkoreit", "Jones", "Gomez", "Kaiser", "Polosukhin"}, false, "Vaswani et al."},
		{"one author and others", []string{"Adams"}, true, "Adams et al."},
		{"two authors and others", []string{"Adams", "Celniker"}, true, "Adams et al."},
		{"a corporate author", []string{"World Health Organization"}, false, "World Health Organization"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := AuthorLabel(tc.families, tc.etAl); got != tc.want {
				t.Errorf("AuthorLabel(%q, %v) = %q, want %q", tc.families, tc.etAl, got, tc.want)
			}
		})
	}
}

func TestReference_AuthorLabelFallsBackToEditors(t *testing.T) {
	for _, tc := range []struct {
		name string
		ref  Reference
		want string
	}{
		{"authors", Reference{Authors: []Name{{First: "Laurens", Von: "van der", Last: "Maaten"}, {First: "Geoffrey", Last: "Hinton"}}}, "van der Maaten & Hinton"},
		{"and others", Reference{Authors: []Name{{Last: "Holt"}}, AuthorsEtAl: true}, "Holt et al."},
		{"editors of an edited book", Reference{Editors: []Name{{Last: "Rumelhart"}, {Last: "McClelland"}}}, "Rumelhart & McClelland"},
		{"corporate author", Reference{Authors: []Name{{Literal: "World Health Organization"}}}, "World Health Organization"},
		{"nobody", Reference{Title: "Iris"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.ref.AuthorLabel(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

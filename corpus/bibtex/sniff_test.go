package bibtex

import "testing"

func TestSniff_AnEntryStartsALine(t *testing.T) {
	for text, want := range map[string]bool{
		"@article{smith2019,\n  title = {T}}":                 true,
		"% Encoding: UTF-8\n\n  @Book (b, title = {T})":       true,
		"Some notes about the library.\n@string{jan = {J}}\n": true,
		"@comment{jabref-meta: databaseType:bibtex;}":         true,
		"TY  - JOUR\nTI  - An email: a@b.org\nER  - \n":       false,
		"@ {x}":        false,
		"@article":     false,
		"see @smith19": false,
		"":             false,
	} {
		if got := Sniff(text); got != want {
			t.Errorf("Sniff(%q) = %v, want %v", text, got, want)
		}
	}
}

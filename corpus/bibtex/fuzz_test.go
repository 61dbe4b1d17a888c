package bibtex_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus/bibtex"
)

// FuzzParse feeds arbitrary bytes to the parser: it must never panic, every
// problem must name a line inside the input, and whatever it reads must
// survive export and import unchanged.
func FuzzParse(f *testing.F) {
	seeds := []string{
		"@article{k, title = {x}, year = 2020}",
		"@string{a = {b}}\n@misc{k, note = a # \" c\"}",
		"@misc(k, title = \"q {\"} q\")",
		"@misc{k, title = {unclosed",
		"@misc{k,\n title = {a}\n@misc{j, title = {b}}",
		"@inproceedings{c, crossref = {p}}\n@proceedings{p, title = {P}}",
		"@comment{x}@preamble{\"y\"}",
		"\xef\xbb\xbf@misc{bom, title = {B}}",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	// Seed with small real files when the shared corpora are beside the
	// checkout.
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "bibtex", "bibtex-tidy-tests")
	if ents, err := os.ReadDir(dir); err == nil {
		for _, e := range ents {
			if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && len(data) < 8000 {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p := bibtex.NewParser()
		n, err := p.Parse("fuzz.bib", data)
		if err != nil {
			return
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, pr := range append(p.Problems, p.Warnings...) {
			if pr.Line < 1 || pr.Line > lines {
				t.Fatalf("problem at line %d of a %d-line input: %v", pr.Line, lines, pr)
			}
		}
		refs := p.References()
		if len(refs) != n {
			t.Fatalf("Parse said %d entries, References gave %d", n, len(refs))
		}
		for _, r := range refs {
			if r.Key == "" {
				t.Fatalf("reference without a key: %+v", r)
			}
			for _, fl := range r.Fields {
				if utf8.ValidString(r.Raw) && !utf8.ValidString(fl.Value) {
					t.Fatalf("invalid UTF-8 value from valid input: %q", fl.Value)
				}
			}
		}
		roundTrip(t, "fuzz", refs)
	})
}

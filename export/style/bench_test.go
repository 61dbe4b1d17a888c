package style

import (
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/bibtex/bibtextest"
	"github.com/evident-tools/evident/csl/styles"
	"github.com/evident-tools/evident/export/csl"
)

// benchItems parses n generated real-shaped entries through the importer's
// path (BibTeX parser → references → CSL items).
func benchItems(b *testing.B, n int) []csl.Item {
	b.Helper()
	p := bibtex.NewParser()
	if _, err := p.Parse("bench.bib", bibtextest.Generate(n, 1)); err != nil {
		b.Fatal(err)
	}
	refs := p.References()
	items := make([]csl.Item, len(refs))
	for i, r := range refs {
		items[i] = csl.FromReference(r)
	}
	return items
}

// BenchmarkFormat10k formats a 10,000-entry reference list in each style,
// with the text rendering of every entry.
func BenchmarkFormat10k(b *testing.B) {
	items := benchItems(b, 10000)
	for _, id := range Names() {
		s, _ := Lookup(id)
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, e := range format(b, s, items) {
					_ = s.Text(e)
				}
			}
		})
	}
}

// BenchmarkFormat10kProcessor formats the same 10,000 entries in APA
// through the CSL processor (the embedded apa.csl, parsed and compiled
// once), with the text of every entry: the speed target.
func BenchmarkFormat10kProcessor(b *testing.B) {
	items := benchItems(b, 10000)
	s, err := openCSL("apa", Options{Finder: &styles.Finder{}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, e := range format(b, s, items) {
			_ = s.Text(e)
		}
	}
}

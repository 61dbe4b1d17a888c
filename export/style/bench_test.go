package style

import (
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/bibtex/bibtextest"
	"github.com/evident-tools/evident/export/csl"
)

// items10k are 10,000 generated real-shaped entries (bibtextest), read
// through the importer's parser and mapped to CSL items once.
func items10k(b *testing.B) []csl.Item {
	b.Helper()
	p := bibtex.NewParser()
	if _, err := p.Parse("bench.bib", bibtextest.Generate(10000, 1)); err != nil {
		b.Fatal(err)
	}
	refs := p.References()
	items := make([]csl.Item, len(refs))
	for i, r := range refs {
		items[i] = csl.FromReference(r)
	}
	if len(items) != 10000 {
		b.Fatalf("%d items, want 10000", len(items))
	}
	return items
}

// BenchmarkFormat10k formats a reference list of 10,000 entries in each
// style and renders every entry as text, as `evident export` does.
func BenchmarkFormat10k(b *testing.B) {
	items := items10k(b)
	for _, id := range Names() {
		s, _ := Lookup(id)
		b.Run(id, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, e := range s.Format(items) {
					_ = s.Text(e)
				}
			}
		})
	}
}

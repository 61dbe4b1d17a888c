package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/bibtex/bibtextest"
	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/index"
	"github.com/evident-tools/evident/store"
)

// BenchmarkImport measures each stage of an import of real-shaped entries:
// parse (split entries, expand macros), normalise (crossref, LaTeX, names,
// identifiers), store (one bbolt transaction with duplicate checks) and
// index (Bleve), and the whole. Each reports entries/s.
func BenchmarkImport(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		data := bibtextest.Generate(n, 1)
		name := fmt.Sprintf("%dk", n/1000)
		perSec := func(b *testing.B) {
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
		}
		b.Run(name+"/parse", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				p := bibtex.NewParser()
				if _, err := p.Parse("gen.bib", data); err != nil {
					b.Fatal(err)
				}
			}
			perSec(b)
		})
		p := bibtex.NewParser()
		p.Parse("gen.bib", data)
		b.Run(name+"/normalise", func(b *testing.B) {
			for b.Loop() {
				p.References()
			}
			perSec(b)
		})
		refs := p.References()
		b.Run(name+"/store", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				st, err := store.Open(filepath.Join(b.TempDir(), "library.db"), false)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := st.Update(func(tx *store.Tx) error {
					_, err := tx.Merge(refs, store.Skip)
					return err
				}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
			perSec(b)
		})
		b.Run(name+"/index", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				ix, err := index.Open(filepath.Join(b.TempDir(), "index"))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := ix.Apply(context.Background(), refs, nil, 1); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				ix.Close()
				b.StartTimer()
			}
			perSec(b)
		})
		b.Run(name+"/all", func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				dir := b.TempDir()
				st, err := store.Open(filepath.Join(dir, "library.db"), false)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				sum, err := importer.Import(context.Background(), st, []importer.Input{{Name: "gen.bib", R: bytes.NewReader(data)}}, importer.Options{})
				if err != nil {
					b.Fatal(err)
				}
				ix, _, err := index.Update(context.Background(), filepath.Join(dir, "index"), st, sum.Changes, nil)
				if err != nil {
					b.Fatal(err)
				}
				ix.Close()
				b.StopTimer()
				st.Close()
				b.StartTimer()
			}
			perSec(b)
		})
	}
}

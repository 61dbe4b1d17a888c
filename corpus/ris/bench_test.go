package ris_test

import (
	"bytes"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/bibtex/bibtextest"
	"github.com/evident-tools/evident/corpus/ris"
	"github.com/evident-tools/evident/export"
)

// BenchmarkRead_10k reads 10,000 RIS records, written by export.RIS from
// real-shaped generated BibTeX, and reports records per second.
func BenchmarkRead_10k(b *testing.B) {
	p := bibtex.NewParser()
	if _, err := p.Parse("gen.bib", bibtextest.Generate(10_000, 1)); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.RIS(&buf, p.References()); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		res, err := ris.Read("gen.ris", data)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Problems) > 0 {
			b.Fatal(res.Problems[0])
		}
		n = len(res.Refs)
	}
	if n != 10_000 {
		b.Fatalf("%d records read", n)
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}

package export_test

import (
	"bytes"
	"io"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/bibtex/bibtextest"
	"github.com/evident-tools/evident/export"
)

func generated(b *testing.B, n int) []*corpus.Reference {
	b.Helper()
	p := bibtex.NewParser()
	if _, err := p.Parse("gen.bib", bibtextest.Generate(n, 1)); err != nil {
		b.Fatal(err)
	}
	return p.References()
}

// benchWriter measures writing 10,000 real-shaped references and reports
// references per second and the bytes written per run.
func benchWriter(b *testing.B, write func(io.Writer, []*corpus.Reference) error) {
	refs := generated(b, 10_000)
	var buf bytes.Buffer
	if err := write(&buf, refs); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if err := write(io.Discard, refs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(refs))*float64(b.N)/b.Elapsed().Seconds(), "refs/s")
}

func BenchmarkCSLJSON_10k(b *testing.B) { benchWriter(b, export.CSLJSON) }
func BenchmarkRIS_10k(b *testing.B)     { benchWriter(b, export.RIS) }

package claim

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// BenchmarkJudge scores 400 sentences of the labelled articles, every kind
// and citation style among them, as check does for one long article.
func BenchmarkJudge(b *testing.B) {
	type sentence struct {
		text string
		kind corpus.BlockKind
	}
	var all []sentence
	for _, a := range loadLabelled(b) {
		for _, s := range a.sentences {
			all = append(all, sentence{s.Text, s.Kind})
		}
	}
	if len(all) == 0 {
		b.Fatal("no labelled sentences")
	}
	batch := make([]sentence, 0, 400)
	for len(batch) < 400 {
		batch = append(batch, all[:min(len(all), 400-len(batch))]...)
	}
	size := 0
	for _, s := range batch {
		size += len(s.text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range batch {
			Judge(s.text, s.kind, 0)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(batch)), "ns/sentence")
}

// BenchmarkLayoutJudge judges every sentence of the labelled articles as
// check does: a layout per article, then each sentence where it stands.
func BenchmarkLayoutJudge(b *testing.B) {
	articles := loadLabelled(b)
	n := 0
	for _, a := range articles {
		n += len(a.sentences)
	}
	if n == 0 {
		b.Fatal("no labelled sentences")
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range articles {
			l := NewLayout(a.sentences)
			for i := range a.sentences {
				l.Judge(i, 0)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/sentence")
}

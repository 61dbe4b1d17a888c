package index

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
)

// synthetic returns n references shaped like a real library: a title of about
// ten words, three authors, a venue, a DOI, and for every third reference an
// abstract of about 150 words. Words follow a Zipf distribution over a
// vocabulary of made-up words, as words in real text do; the generator is
// seeded, so every run indexes the same text.
func synthetic(n int) []*corpus.Reference {
	rng := rand.New(rand.NewSource(1))
	syllables := []string{"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "pre", "stra", "ion", "ing", "ed", "al", "ter", "con", "de", "ment"}
	vocab := make([]string, 8000)
	for i := range vocab {
		var b strings.Builder
		for range 2 + rng.Intn(3) {
			b.WriteString(syllables[rng.Intn(len(syllables))])
		}
		vocab[i] = b.String()
	}
	zipf := rand.NewZipf(rng, 1.1, 1, uint64(len(vocab)-1))
	words := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = vocab[zipf.Uint64()]
		}
		return strings.Join(w, " ")
	}
	name := func() corpus.Name {
		return corpus.Name{First: strings.ToUpper(vocab[rng.Intn(500)][:1]) + vocab[rng.Intn(500)][1:], Last: vocab[rng.Intn(len(vocab))]}
	}

	added := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	refs := make([]*corpus.Reference, n)
	for i := range refs {
		r := &corpus.Reference{
			Key:     fmt.Sprintf("ref%06d", i),
			Type:    "article",
			Title:   words(8 + rng.Intn(5)),
			Authors: []corpus.Name{name(), name(), name()},
			Year:    1950 + rng.Intn(75),
			Venue:   "Journal of " + words(2),
			IDs:     corpus.Identifiers{DOI: fmt.Sprintf("10.%d/j.%06d", 1000+rng.Intn(9000), i)},
			Added:   added.Add(time.Duration(i) * time.Minute),
		}
		if i%3 == 0 {
			r.Fields = append(r.Fields, corpus.Field{Name: "abstract", Value: words(130 + rng.Intn(40))})
		}
		refs[i] = r
	}
	return refs
}

// BenchmarkApply10k indexes 10,000 synthetic references into a new index on
// disk, and reports documents per second and bytes on disk per document.
func BenchmarkApply10k(b *testing.B) {
	refs := synthetic(10000)
	var size int64
	for b.Loop() {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "index")
		ix, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := ix.Apply(context.Background(), refs, nil, 1); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
		size = dirSize(b, dir)
		b.StartTimer()
	}
	b.ReportMetric(float64(len(refs)*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(size)/float64(len(refs)), "disk-B/doc")
	b.ReportMetric(float64(size), "disk-B")
}

func dirSize(tb testing.TB, dir string) int64 {
	var size int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		size += info.Size()
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return size
}

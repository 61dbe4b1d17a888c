package index

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/store"
)

// Benchmarks of a library-sized index, made from real text: the sentences of
// the articles in ../../shared/corpora/articles become claims, and the
// entries of the BibTeX files in ../../shared/corpora/bibtex become
// references. There are fewer real ones than a large library holds, so past
// the first pass each new claim joins the first half of one real sentence to
// the second half of another, and each new reference does the same with two
// titles; the words, their frequencies and the lengths stay real.
//
// Sizes: EVIDENT_BENCH_REFS references (default 10,000) and
// EVIDENT_BENCH_CLAIMS claims (default 100,000), 200 claims to an article.
// Build once, search many times:
//
//	go test -run '^$' -bench Build -benchtime 1x ./index/
//	go test -run '^$' -bench Search -benchtime 200x ./index/
//
// and the size, with EVIDENT_BENCH_REFS=100000
// EVIDENT_BENCH_CLAIMS=1000000 and -timeout 60m.

const claimsPerArticle = 200

// benchSize reads a size from the environment.
func benchSize(tb testing.TB, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(strings.ReplaceAll(v, "_", ""))
	if err != nil || n < 0 {
		tb.Fatalf("%s=%q: want a number", name, v)
	}
	return n
}

// benchText is the real text the generated library is made of.
type benchText struct {
	sentences []string
	refs      []*corpus.Reference // real entries that have a title
}

var (
	benchTextOnce sync.Once
	benchTextVal  *benchText
	benchTextErr  error
)

func loadBenchText(tb testing.TB) *benchText {
	tb.Helper()
	benchTextOnce.Do(func() { benchTextVal, benchTextErr = readBenchText() })
	if benchTextErr != nil {
		tb.Skipf("shared corpora not found (they sit beside the checkout): %v", benchTextErr)
	}
	return benchTextVal
}

func readBenchText() (*benchText, error) {
	root := filepath.Join("..", "..", "shared", "corpora")
	t := &benchText{}
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if n := len(strings.Fields(s)); n >= 6 && n <= 80 && !seen[s] {
			seen[s] = true
			t.sentences = append(t.sentences, s)
		}
	}
	md, err := filepath.Glob(filepath.Join(root, "articles", "deep-review", "content", "0*.md"))
	if err != nil || len(md) == 0 {
		return nil, fmt.Errorf("no articles under %s", root)
	}
	for _, f := range md {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, s := range manubotSentences(string(data)) {
			add(citeGroup.ReplaceAllString(s, " "))
		}
	}
	xml, _ := filepath.Glob(filepath.Join(root, "articles", "plos-jats", "*.xml"))
	for _, f := range xml {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, para := range jatsPara.FindAllStringSubmatch(jatsBody.FindString(string(data)), -1) {
			for _, s := range splitSentences(plainText(jatsXref.ReplaceAllString(para[1], " "))) {
				add(s)
			}
		}
	}
	err = filepath.WalkDir(filepath.Join(root, "bibtex"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(path) {
		case ".bib", ".bibtex", ".biblatex":
		default:
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		p := bibtex.NewParser()
		if _, err := p.Parse(filepath.Base(path), data); err != nil {
			return nil // not text: the corpora hold a few on purpose
		}
		for _, r := range p.References() {
			if len(strings.Fields(r.Title)) >= 3 {
				t.refs = append(t.refs, r)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(t.sentences) < 1000 || len(t.refs) < 1000 {
		return nil, fmt.Errorf("only %d sentences and %d references in %s", len(t.sentences), len(t.refs), root)
	}
	return t, nil
}

// halves joins the first half of a to the second half of b.
func halves(a, b string) string {
	wa, wb := strings.Fields(a), strings.Fields(b)
	return strings.Join(append(slices.Clip(wa[:len(wa)/2]), wb[len(wb)/2:]...), " ")
}

// benchLibrary generates the references and articles of a benchmark, one at
// a time, so that generating a large library holds no more of it in memory
// than the index does. The generator is seeded: every run makes the same
// library.
type benchLibrary struct {
	text          *benchText
	nRefs, nClaim int
}

func refKey(i int) string { return fmt.Sprintf("r%07d", i) }

func (l *benchLibrary) eachRef(fn func(*corpus.Reference) error) error {
	rng := rand.New(rand.NewSource(1))
	added := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	refs := l.text.refs
	for i := range l.nRefs {
		base := refs[i%len(refs)]
		r := &corpus.Reference{
			Key: refKey(i), Type: base.Type, Title: base.Title, Authors: base.Authors, Year: base.Year,
			Venue: base.Venue, Fields: base.Fields, Added: added.Add(time.Duration(i) * time.Minute),
		}
		if i >= len(refs) {
			r.Title = halves(base.Title, refs[rng.Intn(len(refs))].Title)
			r.IDs.DOI = fmt.Sprintf("10.%d/bench.%07d", 1000+rng.Intn(9000), i)
		} else {
			r.IDs = base.IDs
		}
		if r.Year == 0 {
			r.Year = 1960 + rng.Intn(65)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

var benchSections = []string{"Introduction", "Background", "Methods", "Results", "Discussion", "Limitations", "Conclusions"}

func (l *benchLibrary) eachArticle(fn func(*store.Article) error) error {
	rng := rand.New(rand.NewSource(2))
	sentences := l.text.sentences
	checked := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for art := 0; n < l.nClaim; art++ {
		a := &store.Article{
			ID:      fmt.Sprintf("articles/a%05d.md", art),
			Title:   l.text.refs[rng.Intn(len(l.text.refs))].Title,
			Checked: checked.Add(time.Duration(art) * time.Hour),
		}
		rep := &corpus.Report{}
		for c := 0; c < claimsPerArticle && n < l.nClaim; c, n = c+1, n+1 {
			text := sentences[n%len(sentences)]
			if n >= len(sentences) {
				text = halves(text, sentences[rng.Intn(len(sentences))])
			}
			cl := corpus.Claim{
				ID: "c" + strconv.Itoa(c+1), Line: 3 + 2*c, Text: text,
				Section: benchSections[c*len(benchSections)/claimsPerArticle],
			}
			switch p := rng.Intn(10); {
			case p < 7:
				cl.Status = "supported"
				for range 1 + rng.Intn(2) {
					k := refKey(rng.Intn(max(l.nRefs, 1)))
					cl.Citations = append(cl.Citations, corpus.CitationLink{Key: &k, Status: "resolved"})
				}
			case p < 9:
				cl.Status = "unsupported"
				rep.Findings = append(rep.Findings, corpus.Finding{Code: check.CodeUncitedClaim, Claim: cl.ID, Line: cl.Line})
			default:
				cl.Status = "not-a-claim"
			}
			rep.Claims = append(rep.Claims, cl)
		}
		var err error
		if a.Report, err = corpus.EncodeReport(rep); err != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// peakHeap samples the heap in use until stop is called, and returns the
// highest sample.
func peakHeap() (stop func() uint64) {
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		var peak uint64
		var m runtime.MemStats
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapInuse)
			select {
			case <-done:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-result }
}

// buildBench builds the benchmark's index in dir as reindex does.
func buildBench(tb testing.TB, dir string, lib *benchLibrary) *Index {
	tb.Helper()
	ix, err := rebuild(context.Background(), dir, 1, source{refs: lib.eachRef, articles: lib.eachArticle})
	if err != nil {
		tb.Fatal(err)
	}
	if n, err := ix.DocCount(); err != nil || n != uint64(lib.nRefs+lib.nClaim) {
		tb.Fatalf("built %d documents, %v; want %d", n, err, lib.nRefs+lib.nClaim)
	}
	return ix
}

// BenchmarkBuild builds an index of the generated library from nothing, as
// `evident reindex` does, and reports documents a second, bytes on disk per
// document, and the peak of the Go heap during the build.
func BenchmarkBuild(b *testing.B) {
	lib := &benchLibrary{
		text:   loadBenchText(b),
		nRefs:  benchSize(b, "EVIDENT_BENCH_REFS", 10000),
		nClaim: benchSize(b, "EVIDENT_BENCH_CLAIMS", 100000),
	}
	docs := lib.nRefs + lib.nClaim
	var size int64
	var peak uint64
	for b.Loop() {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "index")
		runtime.GC()
		stop := peakHeap()
		b.StartTimer()
		ix := buildBench(b, dir, lib)
		if err := ix.Close(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		peak = max(peak, stop())
		size = dirSize(b, dir)
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.ReportMetric(float64(docs*b.N)/b.Elapsed().Seconds(), "docs/s")
	b.ReportMetric(float64(size)/float64(docs), "disk-B/doc")
	b.ReportMetric(float64(size)/(1<<20), "disk-MB")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// benchQueries are typical searches, by kind. The words are common in the
// real text the library is made of.
var benchQueries = map[string][]Query{
	"term": {
		{Text: "protein"}, {Text: "cancer"}, {Text: "sequencing"}, {Text: "imaging"}, {Text: "mortality"},
	},
	"phrase": {
		{Text: `"neural network"`}, {Text: `"gene expression"`}, {Text: `"deep learning"`}, {Text: `"electronic health records"`},
	},
	"field": {
		{Text: "title:protein"}, {Text: "abstract:imaging"}, {Text: "author:smith"}, {Text: "+title:learning +year:>=2015"},
		{Text: "section:methods +text:model"},
	},
	"filter+facets": {
		{Text: "learning", Status: "unsupported", Facets: true},
		{Text: "cancer", YearFrom: 2010, Facets: true},
		{Cites: refKey(7), Facets: true},
		{Text: "model", Article: "articles/a00003.md", Facets: true},
	},
}

// BenchmarkSearch builds the generated library's index once and reports, for
// each kind of query, the median and 95th-percentile latency of Search with
// its usual 20 hits and their fragments.
func BenchmarkSearch(b *testing.B) {
	text := loadBenchText(b)
	lib := &benchLibrary{
		text:   text,
		nRefs:  benchSize(b, "EVIDENT_BENCH_REFS", 10000),
		nClaim: benchSize(b, "EVIDENT_BENCH_CLAIMS", 100000),
	}
	dir := filepath.Join(b.TempDir(), "index")
	start := time.Now()
	ix := buildBench(b, dir, lib)
	defer ix.Close()
	b.Logf("built %d references and %d claims in %s", lib.nRefs, lib.nClaim, time.Since(start).Round(time.Millisecond))
	ctx := context.Background()

	kinds := []string{"term", "phrase", "field", "filter+facets"}
	for _, kind := range kinds {
		queries := benchQueries[kind]
		b.Run(kind, func(b *testing.B) {
			var took []time.Duration
			var hits uint64
			i := 0
			for b.Loop() {
				q := queries[i%len(queries)]
				i++
				t := time.Now()
				res, err := ix.Search(ctx, q)
				took = append(took, time.Since(t))
				if err != nil {
					b.Fatal(err)
				}
				hits += res.Total
			}
			reportLatency(b, took)
			b.ReportMetric(float64(hits)/float64(len(took)), "matches/op")
		})
	}
}

func reportLatency(b *testing.B, took []time.Duration) {
	slices.Sort(took)
	at := func(p float64) float64 {
		return float64(took[min(len(took)-1, int(p*float64(len(took))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.5), "p50-ms")
	b.ReportMetric(at(0.95), "p95-ms")
}

package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/resolve"
	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/store"
)

// The check benchmarks (issue 18): one article of about 2,000 words
// (deep-review's introduction, its citations by DOI, arXiv id and tag)
// checked against libraries of 1,000 to 1,000,000 references made of the
// corpora's real references, repeated with fresh keys and identifiers
// where the corpora run out. EVIDENT_BENCH_SIZES limits the sizes
// ("1000,10000"); each library is built once per run, with Tx.Put, in a
// directory removed at the end, or, when EVIDENT_BENCH_LIBS names a
// directory, kept there and reused by the next run (a million references
// take half an hour to build; before/after comparisons want the same
// file).
//
//	go test ./pipeline -run '^$' -bench CheckLibrary -benchmem -benchtime 10x

var benchLibs = struct {
	sync.Mutex
	dir  string
	keep bool // dir is EVIDENT_BENCH_LIBS: kept after the run
	base []*corpus.Reference
	st   map[int]*store.Store
}{st: map[int]*store.Store{}}

func benchSizes(b *testing.B) []int {
	sizes := []int{1000, 10000, 100000, 1000000}
	if s := os.Getenv("EVIDENT_BENCH_SIZES"); s != "" {
		sizes = nil
		for _, f := range strings.Split(s, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				b.Fatalf("EVIDENT_BENCH_SIZES: %v", err)
			}
			sizes = append(sizes, n)
		}
	}
	return sizes
}

// benchArticle is the article the check benchmarks check.
func benchArticle(b *testing.B) Input {
	path := filepath.Join(corporaDir(b), "articles", "deep-review", "content", "02.intro.md")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return Input{Path: path, Data: data}
}

// baseRefs returns the corpora's references, those the article cites
// first, each key once.
func baseRefs(b *testing.B) []*corpus.Reference {
	if benchLibs.base != nil {
		return benchLibs.base
	}
	dir := corporaDir(b)
	files := []string{filepath.Join(dir, "articles", "deep-review", "output", "references.json")}
	for _, pat := range []string{"bibtex/*/*.bib", "bibtex/*/*.bibtex", "bibtex/*/*.biblatex", "refs-formats/*/*.json", "refs-formats/*/*.ris"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	seen := map[string]bool{}
	for _, f := range files {
		refs, _, err := importer.Parse(context.Background(), []importer.Input{{Name: f}}, nil)
		if err != nil {
			continue // a file that fails alone (macros of another file) is left out
		}
		for _, r := range refs {
			if !seen[r.Key] {
				seen[r.Key] = true
				benchLibs.base = append(benchLibs.base, r)
			}
		}
	}
	return benchLibs.base
}

// benchLibrary returns a library of n references, built on first use.
func benchLibrary(b *testing.B, n int) *store.Store {
	benchLibs.Lock()
	defer benchLibs.Unlock()
	if st := benchLibs.st[n]; st != nil {
		return st
	}
	if benchLibs.dir == "" {
		if d := os.Getenv("EVIDENT_BENCH_LIBS"); d != "" {
			if err := os.MkdirAll(d, 0o755); err != nil {
				b.Fatal(err)
			}
			benchLibs.dir, benchLibs.keep = d, true
		} else {
			d, err := os.MkdirTemp("", "evident-bench-")
			if err != nil {
				b.Fatal(err)
			}
			benchLibs.dir = d
		}
	}
	path := filepath.Join(benchLibs.dir, fmt.Sprintf("lib-%d.db", n))
	// A kept library is complete once its marker is written.
	marker := path + ".done"
	if _, err := os.Stat(marker); err == nil && benchLibs.keep {
		// Read-only, as 'check' opens it: runs can share the file.
		st, err := store.Open(path, true)
		if err != nil {
			b.Fatal(err)
		}
		benchLibs.st[n] = st
		return st
	}
	os.Remove(path)
	base := baseRefs(b)
	st, err := store.Open(path, false)
	if err != nil {
		b.Fatal(err)
	}
	const batch = 20000
	for done := 0; done < n; {
		if _, err := st.Update(func(tx *store.Tx) error {
			for end := min(n, done+batch); done < end; done++ {
				if err := tx.Put(copyRef(base[done%len(base)], done/len(base))); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("library of %d references built from %d distinct corpora references", n, len(base))
	if benchLibs.keep {
		if err := os.WriteFile(marker, nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	benchLibs.st[n] = st
	return st
}

// copyRef returns r itself for round 0 and, for later rounds, a copy under
// a fresh key with fresh identifiers: another work with the same title and
// authors, as a library of a million holds many alike.
func copyRef(r *corpus.Reference, round int) *corpus.Reference {
	if round == 0 {
		return r
	}
	c := *r
	suffix := "~" + strconv.Itoa(round)
	c.Key += suffix
	c.Aliases = nil
	c.IDs = corpus.Identifiers{}
	if r.IDs.DOI != "" {
		c.IDs.DOI = r.IDs.DOI + suffix
	}
	if r.IDs.URL != "" {
		c.IDs.URL = r.IDs.URL + "?copy=" + strconv.Itoa(round)
	}
	return &c
}

// closeBenchLibraries closes and removes the benchmark libraries.
func closeBenchLibraries() {
	for _, st := range benchLibs.st {
		st.Close()
	}
	if benchLibs.dir != "" && !benchLibs.keep {
		os.RemoveAll(benchLibs.dir)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	closeBenchLibraries()
	os.Exit(code)
}

// BenchmarkCheckLibrary checks the article against each library through
// its indexes, as 'check' does.
func BenchmarkCheckLibrary(b *testing.B) {
	benchCheckIndexed(b, benchArticle(b))
}

// BenchmarkCheckLibraryRefList checks an article with a numbered
// reference list of 69 entries (a PLOS Biology article in JATS, its works
// mostly absent from the library): each entry is matched by its title
// words and first author, the posting lists that grow with the library.
func BenchmarkCheckLibraryRefList(b *testing.B) {
	path := filepath.Join(corporaDir(b), "articles", "plos-jats", "journal.pbio.0040088.xml")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	benchCheckIndexed(b, Input{Path: path, Data: data})
}

func benchCheckIndexed(b *testing.B, in Input) {
	for _, n := range benchSizes(b) {
		b.Run("refs="+strconv.Itoa(n), func(b *testing.B) {
			st := benchLibrary(b, n)
			runtime.GC()
			b.ReportAllocs()
			cpu0, cpuOK := cpuTime()
			dec0 := st.Decoded()
			b.ResetTimer()
			for b.Loop() {
				ix, err := FromIndex(st)
				if err != nil || ix == nil {
					b.Fatalf("FromIndex: %v", err)
				}
				if _, err := CheckAll(context.Background(), []Input{in}, nil, Options{Library: ix}); err != nil {
					b.Fatal(err)
				}
			}
			if cpu1, ok := cpuTime(); ok && cpuOK {
				b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
			}
			// The references decoded per check: those the citations and
			// entries could name, never the library.
			b.ReportMetric(float64(st.Decoded()-dec0)/float64(b.N), "decoded/op")
		})
	}
}

// BenchmarkCheckLibraryFullScan is the check as it was before the
// indexes: every reference read (Store.Each) and held in memory. Only up
// to 100,000 references: a million take minutes and gigabytes.
func BenchmarkCheckLibraryFullScan(b *testing.B) {
	in := benchArticle(b)
	for _, n := range benchSizes(b) {
		if n > 100000 {
			continue
		}
		b.Run("refs="+strconv.Itoa(n), func(b *testing.B) {
			st := benchLibrary(b, n)
			runtime.GC()
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				lib, err := FromStore(st)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := CheckAll(context.Background(), []Input{in}, lib, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkNearKey asks each library for the keys near dangling keys
// ("did you mean"): short keys, whose grams are common in a large
// library, and a long one. An op is the four look-ups.
func BenchmarkNearKey(b *testing.B) {
	keys := []string{"smith2019x", "lecun15", "bengio2013", "tag:goodfellow2016deep"}
	for _, n := range benchSizes(b) {
		b.Run("refs="+strconv.Itoa(n), func(b *testing.B) {
			st := benchLibrary(b, n)
			ix, err := st.RefIndex()
			if err != nil || ix == nil {
				b.Fatalf("RefIndex: %v", err)
			}
			b.ReportAllocs()
			cpu0, cpuOK := cpuTime()
			for b.Loop() {
				for _, k := range keys {
					ix.Near(resolve.FieldFold, k, 2)
				}
			}
			if cpu1, ok := cpuTime(); ok && cpuOK {
				b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

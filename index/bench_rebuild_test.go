package index

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/store"
)

// rebuildBenchInput is the BibTeX file BenchmarkRebuildReal imports: the
// 10,000 real entries bench/scale.sh builds its libraries from
// (bench/.work/inputs, made by bench/runner); EVIDENT_BENCH_BIB names
// another, such as real-100k.bib.
func rebuildBenchInput(tb testing.TB) string {
	if p := os.Getenv("EVIDENT_BENCH_BIB"); p != "" {
		return p
	}
	return filepath.Join("..", "bench", ".work", "inputs", "real-10k.bib")
}

// BenchmarkRebuildReal builds the index of a library of real references
// from its store, as the first index of an import does (Rebuild: every
// reference, its passages from the stored texts), and reports references
// a second, bytes on disk per reference and the peak of the Go heap:
//
//	go test ./index -run '^$' -bench RebuildReal -count 6 | benchstat -
//
// The library is stored once, before the timer starts.
func BenchmarkRebuildReal(b *testing.B) {
	path := rebuildBenchInput(b)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("no benchmark input (bench/runner writes bench/.work/inputs; or set EVIDENT_BENCH_BIB): %v", err)
	}
	p := bibtex.NewParser()
	if _, err := p.Parse(filepath.Base(path), data); err != nil {
		b.Fatal(err)
	}
	refs := p.References()
	st, err := store.Open(filepath.Join(b.TempDir(), "library.db"), false)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	seen := map[string]bool{}
	if _, err := st.Update(func(tx *store.Tx) error {
		for _, r := range refs {
			if seen[r.Key] {
				continue // the file repeats a few keys; the import keeps the first
			}
			seen[r.Key] = true
			if err := tx.Put(r); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	refs, data, p = nil, nil, nil
	var size int64
	var peak uint64
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		dir := filepath.Join(b.TempDir(), "index")
		runtime.GC()
		stop := peakHeap()
		before := cpuTime(b)
		b.StartTimer()
		if _, err := Rebuild(context.Background(), dir, st, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		cpu += cpuTime(b) - before
		peak = max(peak, stop())
		size = dirSize(b, dir)
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.ReportMetric(float64(len(seen)*b.N)/b.Elapsed().Seconds(), "refs/s")
	// CPU time (user + system) is the steadier figure on a shared machine:
	// the wall time follows the load.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(size)/float64(len(seen)), "disk-B/ref")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

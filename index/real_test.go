package index

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// realLibrary reads one user's Zotero library (3,725 entries) from the shared
// corpora beside the checkout.
func realLibrary(tb testing.TB) []*corpus.Reference {
	tb.Helper()
	path := filepath.Join("..", "..", "shared", "corpora", "bibtex", "bbt-zotero-exports", "Cache_does_not_seem_to_fill_1296.bibtex")
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("shared corpora not found (they sit beside the checkout): %v", err)
	}
	p := bibtex.NewParser()
	if _, err := p.Parse(filepath.Base(path), data); err != nil {
		tb.Fatal(err)
	}
	return p.References()
}

func TestRealLibrary_EveryDOIFindsItsReference(t *testing.T) {
	refs := realLibrary(t)
	ix, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Apply(context.Background(), refs, nil, 1); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for _, r := range refs {
		keys[r.Key] = true
	}
	if n, _ := ix.DocCount(); n != uint64(len(keys)) {
		t.Errorf("DocCount = %d, want %d distinct keys", n, len(keys))
	}
	var dois, bare int
	for _, r := range refs {
		if r.IDs.DOI == "" {
			continue
		}
		dois++
		// Quoted, a DOI is found whatever characters it holds.
		hits, err := ix.SearchRefs(context.Background(), fmt.Sprintf("doi:%q", r.IDs.DOI), 10)
		if err != nil || !hasKey(hits, r.Key) {
			t.Errorf("doi:%q: %v, %v; want %s", r.IDs.DOI, hits, err, r.Key)
		}
		if hits, err := ix.SearchRefs(context.Background(), "doi:"+r.IDs.DOI, 10); err == nil && hasKey(hits, r.Key) {
			bare++
		}
	}
	t.Logf("%d references, %d with a DOI; %d DOIs also found unquoted", len(refs), dois, bare)
	if dois == 0 {
		t.Error("no DOIs in the library")
	}
}

func hasKey(hits []Hit, key string) bool {
	for _, h := range hits {
		if h.Key == key {
			return true
		}
	}
	return false
}

// BenchmarkApplyRealLibrary indexes a real library of 3,725 references.
func BenchmarkApplyRealLibrary(b *testing.B) {
	refs := realLibrary(b)
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
}

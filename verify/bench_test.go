package verify

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/store"
)

// BenchmarkVerify_WarmCache verifies 1,000 references whose records the
// library's cache holds (900 by DOI, 100 by a cached search): what a second
// run of 'evident verify' costs. The registries are down, so a miss would
// show as an unknown verdict and fail the benchmark.
func BenchmarkVerify_WarmCache(b *testing.B) {
	st, err := store.Open(filepath.Join(b.TempDir(), "library.db"), false)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	sc := NewStoreCache(st)
	down := newFake("crossref")
	down.down = "offline"
	pm := newFake("pubmed")
	pm.down = "offline"
	v := &Verifier{Crossref: down, DOI: down, PubMed: pm, Cache: sc}
	now := time.Now()
	var targets []Target
	for i := range 1000 {
		title := fmt.Sprintf("Effects of intervention %d on outcomes in a randomised trial of adults with sepsis", i)
		rec := registry.Record{Registry: "crossref", Title: title, Year: 2016, Venue: "JAMA", Volume: "315", Pages: "801-810",
			Authors: authors("Mervyn Singer", "Clifford Deutschman", "Christopher Seymour")}
		if i%10 == 0 {
			ref := mkRef(fmt.Sprintf("s%d", i), "Singer, M and Deutschman, C and Seymour, C", title, 2016, "journal", "JAMA", "volume", "315")
			rec.DOI = fmt.Sprintf("10.1000/s%d", i)
			if err := sc.Put(searchKey("crossref", Bibliographic(ref)), Entry{Records: []registry.Record{rec}, Fetched: now}); err != nil {
				b.Fatal(err)
			}
			targets = append(targets, Target{Key: ref.Key, Ref: ref})
			continue
		}
		rec.DOI = fmt.Sprintf("10.1000/d%d", i)
		if err := sc.Put(LookupKey("crossref", registry.ID{Kind: registry.DOI, Value: rec.DOI}), Entry{Record: &rec, Fetched: now}); err != nil {
			b.Fatal(err)
		}
		ref := mkRef(fmt.Sprintf("d%d", i), "Singer, M and Deutschman, C and Seymour, C", title, 2016, "journal", "J Am Med Assoc", "volume", "315", "doi", rec.DOI)
		targets = append(targets, Target{Key: ref.Key, Ref: ref})
	}
	if err := sc.Flush(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := v.Verify(context.Background(), targets)
		if err != nil {
			b.Fatal(err)
		}
		if rep.Summary.Verified != 1000 {
			b.Fatalf("%d verified of 1000: %+v", rep.Summary.Verified, rep.References[0])
		}
	}
}

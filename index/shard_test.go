package index

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// buildShards builds a library index of refs in a new directory with n
// shards, as a rebuild does.
func buildShards(t *testing.T, refs []*corpus.Reference, n int) *Index {
	t.Helper()
	t.Setenv(ShardsEnv, strconv.Itoa(n))
	ix, _, err := Sync(context.Background(), filepath.Join(t.TempDir(), "index"), 1, each(refs))
	if err != nil {
		t.Fatalf("Sync with %d shards: %v", n, err)
	}
	t.Cleanup(func() { ix.Close() })
	if got := len(ix.shards); got != n {
		t.Fatalf("index has %d shards, want %d", got, n)
	}
	return ix
}

// TestShards_AnswerAsOneIndex: a library indexed in three shards finds
// the same references for every query as one index does, with the same
// totals and facets, and a best hit among the best of one index.
func TestShards_AnswerAsOneIndex(t *testing.T) {
	refs := realLibrary(t)
	one, three := buildShards(t, refs, 1), buildShards(t, refs, 3)
	for i, ix := range []*Index{one, three} {
		for s, shard := range ix.shards {
			if n, _ := shard.DocCount(); len(ix.shards) > 1 && n == 0 {
				t.Errorf("index %d: shard %d is empty; every shard should get documents", i, s)
			}
		}
	}
	queries := []string{
		"neural network", "learning", "author:smith", "title:model", "year:2015",
		"protein structure", `"deep learning"`, "cancer OR tumour", "doi:10.1038/nature14539",
		"type:ref climate", "given:j", "keywords:health",
	}
	ctx := context.Background()
	for _, q := range queries {
		want, err := one.Search(ctx, Query{Text: q, Limit: 5000, Facets: true})
		if err != nil {
			t.Fatalf("%s: one shard: %v", q, err)
		}
		got, err := three.Search(ctx, Query{Text: q, Limit: 5000, Facets: true})
		if err != nil {
			t.Fatalf("%s: three shards: %v", q, err)
		}
		if got.Total != want.Total {
			t.Errorf("%s: %d matches in three shards, %d in one", q, got.Total, want.Total)
		}
		if g, w := hitKeys(got.Hits), hitKeys(want.Hits); !slices.Equal(sorted(g), sorted(w)) {
			t.Errorf("%s: three shards find other references than one:\n got %v\nwant %v", q, g, w)
		} else if len(g) > 0 && !nearTop(want.Hits, g[0]) {
			t.Errorf("%s: best hit %s in three shards is not among the best of one (%s, %.3f)", q, g[0], w[0], want.Hits[0].Score)
		}
		gf, _ := json.Marshal(got.Facets)
		wf, _ := json.Marshal(want.Facets)
		if string(gf) != string(wf) {
			t.Errorf("%s: facets differ:\n got %s\nwant %s", q, gf, wf)
		}
	}
}

// nearTop reports whether key is among the three best hits, or ties with
// the best. Bleve takes a term's document frequency from the shard that
// scores it (the document count and field lengths are the whole index's:
// scoredAmong), so scores differ a little from one index's, and hits that
// tie in one index (year:2015) come in another order.
func nearTop(hits []SearchHit, key string) bool {
	for i, h := range hits {
		if h.Key == key {
			return i < 3 || h.Score == hits[0].Score
		}
	}
	return false
}

func hitKeys(hits []SearchHit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Key
	}
	return out
}

// TestShards_ApplyFindsTheDocumentsShard: a replace and a delete reach the
// shard that holds the document, so that no stale copy stays behind in
// another.
func TestShards_ApplyFindsTheDocumentsShard(t *testing.T) {
	refs := library()
	t.Setenv(ShardsEnv, "4")
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := createShards(dir, 4)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	if err := ix.Apply(ctx, refs, nil, 1); err != nil {
		t.Fatal(err)
	}
	changed := *refs[0]
	changed.Title = "Quokkas of Rottnest Island"
	if err := ix.Apply(ctx, []*corpus.Reference{&changed}, []string{refs[1].Key}, 2); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.DocCount(); n != uint64(len(refs)-1) {
		t.Errorf("DocCount = %d, want %d", n, len(refs)-1)
	}
	if got := search(t, ix, "quokkas"); !slices.Equal(got, []string{changed.Key}) {
		t.Errorf("quokkas = %v, want [%s]", got, changed.Key)
	}
	if got := search(t, ix, "key:"+refs[1].Key); len(got) != 0 {
		t.Errorf("deleted %s still found: %v", refs[1].Key, got)
	}
	if g, err := ix.Generation(); g != 2 || err != nil {
		t.Errorf("Generation = %d, %v; want 2", g, err)
	}
}

// TestShards_OwnerKeepsAWorkTogether: a reference and its passages hash
// alike, and so do the claims of one article.
func TestShards_OwnerKeepsAWorkTogether(t *testing.T) {
	tests := []struct{ a, b string }{
		{refID("smith#2019"), passageID("smith#2019", 3)},
		{refID("a:b"), passageID("a:b", 12)},
		{claimID("drafts/x.md", "c1"), claimID("drafts/x.md", "c40")},
	}
	for _, tt := range tests {
		if owner(tt.a) != owner(tt.b) {
			t.Errorf("owner(%q) = %q, owner(%q) = %q; want the same", tt.a, owner(tt.a), tt.b, owner(tt.b))
		}
		for n := 1; n <= 8; n++ {
			if shardOf(tt.a, n) != shardOf(tt.b, n) {
				t.Errorf("%q and %q in different shards of %d", tt.a, tt.b, n)
			}
		}
	}
}

// TestSync_RebuildsAnIndexOfOneBleveIndex: a revision written before
// shards (Bleve's files in the revision itself, and the fingerprint of the
// mapping alone) is rebuilt once, in shards, with a reason.
func TestSync_RebuildsAnIndexOfOneBleveIndex(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, _ := syncOK(t, dir, 3)
	ix.Close()
	// Replace the revision with one of the older layout.
	rev, err := readCurrent(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(rev); err != nil {
		t.Fatal(err)
	}
	old, err := create(rev)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := newMapping()
	data, _ := json.Marshal(m)
	sum := sha256.Sum256(data)
	if err := old.shards[0].SetInternal(keyMapping, sum[:]); err != nil {
		t.Fatal(err)
	}
	if err := old.Apply(context.Background(), library(), nil, 3); err != nil {
		t.Fatal(err)
	}
	old.Close()
	if err := writeManifest(rev, nil); err != nil {
		t.Fatal(err)
	}

	ix, why, err := Sync(context.Background(), dir, 3, each(library()))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !strings.Contains(why, "another version of evident") {
		t.Errorf("why = %q, want it to say another version built the index", why)
	}
	if len(ix.shards) != defaultShards {
		t.Errorf("rebuilt with %d shards, want %d", len(ix.shards), defaultShards)
	}
	ix2, why, err := Sync(context.Background(), dir, 3, each(library()))
	if err != nil {
		t.Fatal(err)
	}
	ix2.Close()
	if why != "" {
		t.Errorf("second Sync rebuilt again: %q", why)
	}
}

// BenchmarkShards builds the index of a real library (3,725 references)
// as a rebuild does, with 1, 2 and 4 shards, and then searches it:
//
//	go test ./index -run '^$' -bench Shards -count 6 | benchstat -col /shards -
func BenchmarkShards(b *testing.B) {
	refs := realLibrary(b)
	queries := []string{"neural network", "author:smith", "year:2015", `"deep learning"`, "title:model"}
	for _, n := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("shards=%d/build", n), func(b *testing.B) {
			for b.Loop() {
				dir := filepath.Join(b.TempDir(), "index")
				ix, err := rebuildShards(dir, n, refs)
				if err != nil {
					b.Fatal(err)
				}
				ix.Close()
			}
			b.ReportMetric(float64(len(refs)*b.N)/b.Elapsed().Seconds(), "refs/s")
		})
		b.Run(fmt.Sprintf("shards=%d/search", n), func(b *testing.B) {
			ix, err := rebuildShards(filepath.Join(b.TempDir(), "index"), n, refs)
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			ctx := context.Background()
			i := 0
			for b.Loop() {
				if _, err := ix.Search(ctx, Query{Text: queries[i%len(queries)], Facets: true}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}

// rebuildShards builds a library index of refs with n shards in dir.
func rebuildShards(dir string, n int, refs []*corpus.Reference) (*Index, error) {
	rev, err := newRevision(dir)
	if err != nil {
		return nil, err
	}
	ix, err := createShards(rev, n)
	if err != nil {
		return nil, err
	}
	w := ix.newWriter(context.Background())
	w.fresh = true
	for _, r := range refs {
		if err := w.put(r); err != nil {
			w.wait()
			ix.Close()
			return nil, err
		}
	}
	if err := w.finish(1); err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// TestShardCount_LargeLibrariesGetTwoShards: a library of shardedFrom
// references or more is built in two shards on a machine of several
// cores, a smaller one in one, and ShardsEnv decides over both.
func TestShardCount_LargeLibrariesGetTwoShards(t *testing.T) {
	multi := runtime.NumCPU() >= largeShards
	for _, tc := range []struct {
		env  string
		size int
		want int
	}{
		{"", 0, defaultShards},
		{"", shardedFrom - 1, defaultShards},
		{"", shardedFrom, map[bool]int{true: largeShards, false: defaultShards}[multi]},
		{"", 1_000_000, map[bool]int{true: largeShards, false: defaultShards}[multi]},
		{"3", 10, 3},
		{"1", 1_000_000, 1},
		{"0", shardedFrom, map[bool]int{true: largeShards, false: defaultShards}[multi]}, // out of range: ignored
		{"17", 10, defaultShards},  // over maxShards: ignored
		{"two", 10, defaultShards}, // not a number: ignored
	} {
		t.Setenv(ShardsEnv, tc.env)
		if got := shardCount(tc.size); got != tc.want {
			t.Errorf("%s=%q, %d references: %d shards, want %d", ShardsEnv, tc.env, tc.size, got, tc.want)
		}
	}
}

package index

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/store"
	"github.com/evident-tools/evident/store/storetest"
)

// firstOfEachKey returns refs without the later ones of a repeated key, as
// a library keeps them.
func firstOfEachKey(refs []*corpus.Reference) []*corpus.Reference {
	seen := map[string]bool{}
	var out []*corpus.Reference
	for _, r := range refs {
		if !seen[r.Key] {
			seen[r.Key] = true
			out = append(out, r)
		}
	}
	return out
}

// TestRebuild_AnswersAsAnIndexBuiltByBatches holds the offline builder of
// a rebuild to the index that batches write (Apply): on a real library,
// every query finds the same documents, the same best one, and nearly the
// same ten best. Not the same scores: Bleve's BM25 takes a field's mean
// length as the sum over segments of their dictionaries' sizes per
// document, which depends on how the documents fell into segments, and a
// rebuild has one segment where batches leave several; that moves the
// scores, and the order of close ones, a little.
func TestRebuild_AnswersAsAnIndexBuiltByBatches(t *testing.T) {
	refs := firstOfEachKey(realLibrary(t))
	st := storetest.Filled(t, refs)
	built := rebuilt(t, st)
	batched, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer batched.Close()
	// The references as the library keeps them, which is what a rebuild
	// reads.
	var stored []*corpus.Reference
	if err := st.Each(func(r *corpus.Reference) error { stored = append(stored, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := batched.Apply(context.Background(), stored, nil, 1); err != nil {
		t.Fatal(err)
	}
	if n, err := built.DocCount(); err != nil || n != uint64(len(refs)) {
		t.Fatalf("rebuilt index holds %d references, %v; want %d", n, err, len(refs))
	}
	for _, q := range []Query{
		{Text: "neural network"}, {Text: "author:smith"}, {Text: "year:2015"}, {Text: `"deep learning"`},
		{Text: "title:model"}, {Text: "sensor", YearFrom: 2010, Facets: true}, {Text: "given:j"},
	} {
		q.Limit = 10000
		want := mustSearch(t, batched, q)
		got := mustSearch(t, built, q)
		if got.Total != want.Total || got.Total == 0 {
			t.Errorf("%q: %d hits, want %d (and some)", q.Text, got.Total, want.Total)
			continue
		}
		found := map[string]bool{}
		for _, h := range want.Hits {
			found[h.Key] = true
		}
		for _, h := range got.Hits {
			if !found[h.Key] {
				t.Errorf("%q: found %s, which the batched index does not", q.Text, h.Key)
			}
		}
		// The best ten, with every hit that ties the tenth: Bleve's
		// builder and batches put a batch's documents into their segment
		// in no set order, so hits of equal score come in any order (a
		// run of them cut at the tenth made "given:j" fail now and then).
		top := func(hits []SearchHit) []string {
			var keys []string
			for i, h := range hits {
				if i >= 10 && h.Score < hits[9].Score {
					break
				}
				keys = append(keys, h.Key)
			}
			return keys
		}
		// best returns the keys of the hits that tie the best.
		best := func(hits []SearchHit) []string {
			var keys []string
			for _, h := range hits {
				if h.Score < hits[0].Score {
					break
				}
				keys = append(keys, h.Key)
			}
			return keys
		}
		if q.Text == "year:2015" {
			continue // every match scores the same: no order to compare
		}
		if w, g := top(want.Hits), top(got.Hits); !slices.Contains(best(want.Hits), g[0]) || len(shared(g, w)) < min(len(g), 10)*7/10 {
			t.Errorf("%q: best ten\n%v, want nearly\n%v", q.Text, g, w)
		}
		for name, counts := range want.Facets {
			if len(counts) > 0 && (len(got.Facets[name]) == 0 || got.Facets[name][0] != counts[0]) {
				t.Errorf("%q: facet %s starts %v, want %v", q.Text, name, got.Facets[name], counts[:1])
			}
		}
	}
}

// TestRebuild_EmptyLibraryAndEmptyShards: the builder cannot finish a
// shard without documents, which an empty library, or a shard no key
// hashes to, has.
func TestRebuild_EmptyLibraryAndEmptyShards(t *testing.T) {
	t.Setenv(ShardsEnv, "3")
	for _, refs := range [][]*corpus.Reference{nil, {withAbstract("only", "Lungs", "One sentence about lungs.")}} {
		st := storetest.Filled(t, refs)
		dir := filepath.Join(t.TempDir(), "index")
		if _, err := Rebuild(context.Background(), dir, st, nil); err != nil {
			t.Fatalf("%d references: %v", len(refs), err)
		}
		ix, err := OpenRead(dir)
		if err != nil {
			t.Fatal(err)
		}
		res := mustSearch(t, ix, Query{Text: "lungs"})
		if res.Total != uint64(len(refs)) {
			t.Errorf("%d references: %d found", len(refs), res.Total)
		}
		ix.Close()
	}
}

// TestFillPassages_AddsThemOnceAndUpdatesKeepThem: a library's index is
// built without passages, a passage search says so rather than finding
// nothing, FillPassages adds them without changing what else the index
// answers, and later writes keep them up to date.
func TestFillPassages_AddsThemOnceAndUpdatesKeepThem(t *testing.T) {
	ctx := context.Background()
	st := storetest.Filled(t, []*corpus.Reference{
		withAbstract("walk2020", "Walking", "We followed 2,000 adults for ten years. Brisk walking lowered blood pressure by 5 mmHg."),
		withAbstract("sugar2019", "Sugar", "A tax on sugary drinks cut purchases by a fifth."),
	})
	dir := filepath.Join(t.TempDir(), "index")
	ix, _, err := Update(ctx, dir, st, store.Changes{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ix.HasPassages() {
		t.Error("a library's first index has passages; they are left for the first passage search")
	}
	if _, err := ix.SearchPassages(ctx, "walking", 5); !errors.Is(err, ErrNoPassages) {
		t.Errorf("passage search without passages: %v, want ErrNoPassages", err)
	}
	ix.Close()

	ix, err = FillPassages(ctx, dir, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	gen, _ := st.Generation()
	if ok, err := ix.Current(gen); !ok || err != nil {
		t.Errorf("after FillPassages the index is not current: %v", err)
	}
	hits, err := ix.SearchPassages(ctx, "walking blood pressure", 5)
	if err != nil || len(hits) == 0 || hits[0].Key != "walk2020" || hits[0].N != 2 {
		t.Errorf("passages after FillPassages: %+v, %v; want walk2020's second sentence first", hits, err)
	}
	if n, _ := ix.DocCount(); n != 2 {
		t.Errorf("DocCount = %d, want the 2 references", n)
	}
	rev := ix.rev
	ix.Close()
	// A second call finds them there.
	if ix, err = FillPassages(ctx, dir, st, nil); err != nil || ix.rev != rev {
		t.Fatalf("second FillPassages: %v, revision %s, want %s unchanged", err, ix.rev, rev)
	}
	ix.Close()

	ch, err := st.Update(func(tx *store.Tx) error {
		return tx.Put(withAbstract("salt2021", "Salt", "Less salt lowered blood pressure within weeks."))
	})
	if err != nil {
		t.Fatal(err)
	}
	ix, _, err = Update(ctx, dir, st, ch, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	hits, err = ix.SearchPassages(ctx, "salt", 5)
	if err != nil || len(hits) != 1 || hits[0].Key != "salt2021" {
		t.Errorf("a work added after FillPassages: %+v, %v; want its passage", hits, err)
	}
}

// rebuilt rebuilds the index of st in a temporary directory and opens it
// for reading until the test ends.
func rebuilt(t *testing.T, st *store.Store) *Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "index")
	if _, err := Rebuild(context.Background(), dir, st, nil); err != nil {
		t.Fatal(err)
	}
	ix, err := OpenRead(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// shared returns the elements of a that b has too.
func shared(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

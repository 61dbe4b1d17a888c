package index

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/store"
)

// openStore returns a new library with library()'s references.
func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Update(func(tx *store.Tx) error {
		for _, r := range library() {
			if err := tx.Put(r); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return st
}

func putArticles(t *testing.T, st *store.Store, put []*store.Article, del []string) store.Changes {
	t.Helper()
	ch, err := st.Update(func(tx *store.Tx) error {
		for _, a := range put {
			if err := tx.PutArticle(a); err != nil {
				return err
			}
		}
		for _, id := range del {
			if err := tx.DeleteArticle(id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func claimNames(t *testing.T, ix *Index) []string {
	t.Helper()
	return sorted(hitNames(mustSearch(t, ix, Query{Types: []string{TypeClaim}}).Hits))
}

func TestUpdate_IndexesArticlesIncrementally(t *testing.T) {
	st := openStore(t)
	dir := filepath.Join(t.TempDir(), "index")
	ix, _, err := Update(context.Background(), dir, st, store.Changes{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()

	ch := putArticles(t, st, articles(), nil)
	if !slices.Equal(ch.Articles, []string{"notes/replication.md", "notes/transformers.md"}) {
		t.Fatalf("Changes.Articles = %v", ch.Articles)
	}
	ix, why, err := Update(context.Background(), dir, st, ch, nil)
	if err != nil {
		t.Fatal(err)
	}
	if why != "" {
		t.Errorf("an index one write behind was rebuilt: %s", why)
	}
	if got := claimNames(t, ix); len(got) != 7 {
		t.Errorf("claims = %v, want 7", got)
	}
	ix.Close()

	// One article checked again with fewer claims, the other removed.
	a := articles()[0]
	rep, err := corpus.DecodeReport(a.Report)
	if err != nil {
		t.Fatal(err)
	}
	rep.Claims = rep.Claims[:2]
	if a.Report, err = corpus.EncodeReport(rep); err != nil {
		t.Fatal(err)
	}
	ch = putArticles(t, st, []*store.Article{a}, []string{"notes/replication.md"})
	var progress [][2]int
	ix, why, err = Update(context.Background(), dir, st, ch, func(done, total int) { progress = append(progress, [2]int{done, total}) })
	if err != nil || why != "" {
		t.Fatalf("Update: rebuilt (%s), %v", why, err)
	}
	defer ix.Close()
	if got, want := claimNames(t, ix), []string{"notes/transformers.md:3", "notes/transformers.md:5"}; !slices.Equal(got, want) {
		t.Errorf("claims = %v, want %v", got, want)
	}
	if !slices.Equal(progress, [][2]int{{1, 1}}) {
		t.Errorf("progress = %v, want one article of one", progress)
	}
	gen, _ := st.Generation()
	if g, _ := ix.Generation(); g != gen {
		t.Errorf("index generation %d, store %d", g, gen)
	}
}

func TestUpdate_RebuildIndexesArticles(t *testing.T) {
	st := openStore(t)
	putArticles(t, st, articles(), nil)
	// No index yet: the first Update builds it from the store, articles
	// included.
	dir := filepath.Join(t.TempDir(), "index")
	ix, _, err := Update(context.Background(), dir, st, store.Changes{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := claimNames(t, ix); len(got) != 7 {
		t.Errorf("claims after a build = %v, want 7", got)
	}
	ix.Close()

	n, err := Rebuild(context.Background(), dir, st, nil)
	if err != nil || n != 10 {
		t.Fatalf("Rebuild = %d, %v; want 10 references", n, err)
	}
	ix, err = OpenRead(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if c, _ := ix.DocCount(); c != 17 {
		t.Errorf("DocCount after Rebuild = %d, want 10 references and 7 claims", c)
	}
}

// A fresh build writes two batches at once; every document must arrive, and
// the generation only with the last.
func TestRebuild_BatchesInFlight(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	refs := synthetic(3500)
	var arts []*store.Article
	for i := range 30 {
		a := articles()[i%2]
		a.ID = fmt.Sprintf("a%02d.md", i)
		arts = append(arts, a)
	}
	ix, err := rebuild(context.Background(), dir, 5, source{refs: each(refs), articles: func(fn func(*store.Article) error) error {
		for _, a := range arts {
			if err := fn(a); err != nil {
				return err
			}
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.DocCount(); n != 3500+15*5+15*2 {
		t.Errorf("DocCount = %d, want %d", n, 3500+15*5+15*2)
	}
	if g, _ := ix.Generation(); g != 5 {
		t.Errorf("Generation = %d, want 5", g)
	}
}

func TestRebuild_CancelledInFlight(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ctx, cancel := context.WithCancel(context.Background())
	refs := synthetic(5000)
	n := 0
	_, err := rebuild(ctx, dir, 5, source{refs: func(fn func(*corpus.Reference) error) error {
		for _, r := range refs {
			if n++; n == 3500 {
				cancel()
			}
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("rebuild = %v, want context.Canceled", err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*")); len(left) > 0 {
		t.Errorf("a cancelled build left %v", left)
	}
}

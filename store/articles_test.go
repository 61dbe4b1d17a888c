package store

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
)

func article(id, source string) *Article {
	return &Article{ID: id, Path: id, Format: corpus.Markdown, Source: []byte(source),
		Checked: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC), Refs: []string{}}
}

func articleIDs(t *testing.T, s *Store) []string {
	t.Helper()
	var ids []string
	if err := s.EachArticle(func(a *Article) error {
		ids = append(ids, a.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestArticles_PutGetDeleteAndChanges(t *testing.T) {
	s := newStore(t)
	a, b := article("a.md", "# A\n\nText.\n"), article("b.md", "# B\n")
	steps := []struct {
		name                string
		fn                  func(tx *Tx) error
		wantGen             uint64
		wantPut, wantDelete []string
	}{
		{"insert two", func(tx *Tx) error {
			if err := tx.PutArticle(a); err != nil {
				return err
			}
			return tx.PutArticle(b)
		}, 1, []string{"a.md", "b.md"}, nil},
		{"identical rewrite", func(tx *Tx) error { return tx.PutArticle(a) }, 1, nil, nil},
		{"replace", func(tx *Tx) error {
			c := *b
			c.Source = []byte("# B, revised\n")
			return tx.PutArticle(&c)
		}, 2, []string{"b.md"}, nil},
		{"delete", func(tx *Tx) error { return tx.DeleteArticle("a.md") }, 3, nil, []string{"a.md"}},
		{"delete missing", func(tx *Tx) error {
			if err := tx.DeleteArticle("a.md"); !errors.Is(err, ErrNotFound) {
				t.Errorf("DeleteArticle(missing) = %v, want ErrNotFound", err)
			}
			return nil
		}, 3, nil, nil},
		{"put then delete", func(tx *Tx) error {
			if err := tx.PutArticle(article("c.md", "C")); err != nil {
				return err
			}
			return tx.DeleteArticle("c.md")
		}, 3, nil, nil},
	}
	for _, st := range steps {
		ch, err := s.Update(st.fn)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if ch.Generation != st.wantGen || !slices.Equal(ch.Articles, st.wantPut) || !slices.Equal(ch.ArticlesDeleted, st.wantDelete) {
			t.Errorf("%s: changes = %+v, want generation %d, articles %q, deleted %q", st.name, ch, st.wantGen, st.wantPut, st.wantDelete)
		}
		if len(ch.Put) != 0 || len(ch.Deleted) != 0 {
			t.Errorf("%s: article writes reported as reference changes: %+v", st.name, ch)
		}
		if g, _ := s.Generation(); g != st.wantGen {
			t.Errorf("%s: Generation() = %d, want %d", st.name, g, st.wantGen)
		}
	}
	got, err := s.GetArticle("b.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Source) != "# B, revised\n" || got.Format != corpus.Markdown || !got.Checked.Equal(b.Checked) {
		t.Errorf("GetArticle(b.md) = %+v, want the revised source, markdown, checked %v", got, b.Checked)
	}
	if _, err := s.GetArticle("a.md"); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetArticle(deleted) error = %v, want ErrNotFound", err)
	}
	if n, _ := s.Count(); n != 0 {
		t.Errorf("Count() = %d, want 0: articles are not references", n)
	}
}

func TestArticles_ReportKeptAsGiven(t *testing.T) {
	s := newStore(t)
	report := `{"schema":1,"article":{"path":"sleep.md"},"claims":[{"id":"c1","text":"x < y & z"}]}`
	a := article("sleep.md", "# Sleep\n")
	a.Title, a.Refs, a.AllResolved, a.Report = "Sleep", []string{"smith2019"}, true, []byte(report)
	if _, err := s.Update(func(tx *Tx) error { return tx.PutArticle(a) }); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetArticle("sleep.md")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Sleep" || !slices.Equal(got.Refs, []string{"smith2019"}) || !got.AllResolved {
		t.Errorf("stored title %q, refs %q, all resolved %v; want Sleep, [smith2019], true", got.Title, got.Refs, got.AllResolved)
	}
	if string(got.Report) != report {
		t.Errorf("stored report = %s, want the bytes given: %s", got.Report, report)
	}
}

func TestTx_ToRecheck(t *testing.T) {
	s := newStore(t)
	if _, err := s.Update(func(tx *Tx) error {
		if _, err := tx.Merge([]*corpus.Reference{ref("smith2019", "Sleep and memory", 2019, "Smith", "10.1/s")}, Skip); err != nil {
			return err
		}
		for _, a := range []*Article{
			{ID: "cites.md", Refs: []string{"smith2019"}, AllResolved: true},
			{ID: "whole.md", Refs: []string{"other"}, AllResolved: true},
			{ID: "dangles.md", Refs: []string{"other"}},
		} {
			if err := tx.PutArticle(a); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		changed []string
		want    []string
	}{
		{"nothing changed", nil, nil},
		{"a cited key changed, still present", []string{"smith2019"}, []string{"cites.md", "dangles.md"}},
		{"a key no article cites was removed", []string{"gone"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			if _, err := s.Update(func(tx *Tx) error {
				arts, err := tx.ToRecheck(tt.changed)
				for _, a := range arts {
					got = append(got, a.ID)
				}
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ToRecheck(%q) = %q, want %q", tt.changed, got, tt.want)
			}
		})
	}
}

func TestTx_ArticlesSeeStagedWrites(t *testing.T) {
	s := newStore(t)
	if _, err := s.Update(func(tx *Tx) error {
		for _, id := range []string{"b", "d", "f"} {
			if err := tx.PutArticle(article(id, id)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	_, err := s.Update(func(tx *Tx) error {
		for _, id := range []string{"a", "e", "g"} {
			if err := tx.PutArticle(article(id, id)); err != nil {
				return err
			}
		}
		if err := tx.PutArticle(article("d", "new d")); err != nil {
			return err
		}
		if err := tx.DeleteArticle("b"); err != nil {
			return err
		}
		var got []string
		if err := tx.EachArticle(func(a *Article) error {
			got = append(got, a.ID+"="+string(a.Source))
			// Writing during the iteration must not disturb it.
			return tx.PutArticle(article("c", "c"))
		}); err != nil {
			return err
		}
		want := []string{"a=a", "d=new d", "e=e", "f=f", "g=g"}
		if !slices.Equal(got, want) {
			t.Errorf("EachArticle in the transaction = %q, want %q", got, want)
		}
		if a, err := tx.GetArticle("d"); err != nil || string(a.Source) != "new d" {
			t.Errorf("GetArticle(d) = %v, %v; want the staged version", a, err)
		}
		if _, err := tx.GetArticle("b"); !errors.Is(err, ErrNotFound) {
			t.Errorf("GetArticle(staged delete) = %v, want ErrNotFound", err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := articleIDs(t, s); !slices.Equal(got, []string{"a", "c", "d", "e", "f", "g"}) {
		t.Errorf("EachArticle = %q, want [a c d e f g]", got)
	}
}

func TestTx_ReferencesAndChangedKeysSeeStagedWrites(t *testing.T) {
	s := newStore(t)
	put(t, s, ref("b", "B", 2020, "X", ""), ref("d", "D", 2020, "X", ""))
	_, err := s.Update(func(tx *Tx) error {
		for _, r := range []*corpus.Reference{ref("a", "A", 2020, "X", ""), ref("c", "C", 2020, "X", ""), ref("b", "B", 2020, "X", "")} {
			if err := tx.Put(r); err != nil {
				return err
			}
		}
		if err := tx.Delete("d"); err != nil {
			return err
		}
		refs, err := tx.References()
		if err != nil {
			return err
		}
		var got []string
		for _, r := range refs {
			got = append(got, r.Key)
		}
		if !slices.Equal(got, []string{"a", "b", "c"}) {
			t.Errorf("References() keys = %q, want [a b c]", got)
		}
		// b was put back as it was: no change.
		if got := tx.ChangedKeys(); !slices.Equal(got, []string{"a", "c", "d"}) {
			t.Errorf("ChangedKeys() = %q, want [a c d]", got)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestArticles_FailedUpdateStoresNothing(t *testing.T) {
	s := newStore(t)
	boom := errors.New("boom")
	_, err := s.Update(func(tx *Tx) error {
		if err := tx.PutArticle(article("a.md", "A")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update error = %v, want boom", err)
	}
	if ids := articleIDs(t, s); len(ids) != 0 {
		t.Errorf("articles after a failed update = %q, want none", ids)
	}
	if g, _ := s.Generation(); g != 0 {
		t.Errorf("Generation() = %d, want 0", g)
	}
}

func TestTx_PutArticleRejectsBadIDs(t *testing.T) {
	s := newStore(t)
	for _, id := range []string{"", "a\x00b", strings.Repeat("x", maxKeyLen+1)} {
		if _, err := s.Update(func(tx *Tx) error { return tx.PutArticle(article(id, "A")) }); err == nil {
			t.Errorf("PutArticle(id %.20q) succeeded, want error", id)
		}
	}
	if _, err := s.Update(func(tx *Tx) error { return tx.PutArticle(nil) }); err == nil {
		t.Error("PutArticle(nil) succeeded, want error")
	}
}

// TestOpen_AddsArticlesBucket opens a library written before articles were
// stored: a reader sees no articles, a writer adds the bucket.
func TestOpen_AddsArticlesBucket(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, ref("a", "A", 2020, "X", ""))
	if err := s.db.Update(func(btx *bolt.Tx) error { return btx.DeleteBucket(bucketArticles) }); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	r, err := Open(path, true)
	if err != nil {
		t.Fatalf("read-only open of a library without articles: %v", err)
	}
	if ids := articleIDs(t, r); len(ids) != 0 {
		t.Errorf("articles = %q, want none", ids)
	}
	if _, err := r.GetArticle("x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetArticle = %v, want ErrNotFound", err)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}

	w, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Update(func(tx *Tx) error { return tx.PutArticle(article("x", "X")) }); err != nil {
		t.Fatalf("PutArticle after reopening for writing: %v", err)
	}
	if ids := articleIDs(t, w); !slices.Equal(ids, []string{"x"}) {
		t.Errorf("articles = %q, want [x]", ids)
	}
	if got := keys(t, w); !slices.Equal(got, []string{"a"}) {
		t.Errorf("references = %q, want [a]", got)
	}
}

package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
)

func byPath(t *testing.T, s *Store, abs string) []string {
	t.Helper()
	ids, err := s.ArticlesByPath(abs)
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func byHash(t *testing.T, s *Store, h string) []string {
	t.Helper()
	var ids []string
	if _, err := s.Update(func(tx *Tx) error {
		var err error
		ids, err = tx.ArticlesByHash(h)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestArticles_PathAndHashIndexesFollowPutAndDelete(t *testing.T) {
	s := newStore(t)
	a := article("a.md", "# A\n")
	a.AbsPath = "/w/a.md"
	b := article("b", "# A\n") // same content, another file
	b.AbsPath = "/w/copy/a.md"
	if _, err := s.Update(func(tx *Tx) error {
		if err := tx.PutArticle(a); err != nil {
			return err
		}
		// The transaction sees its own entries.
		if ids, err := tx.ArticlesByPath("/w/a.md"); err != nil || !slices.Equal(ids, []string{"a.md"}) {
			t.Errorf("in tx: ArticlesByPath = %q, %v; want [a.md]", ids, err)
		}
		return tx.PutArticle(b)
	}); err != nil {
		t.Fatal(err)
	}
	h := ContentHash([]byte("# A\n"))
	if got, err := s.GetArticle("a.md"); err != nil || got.SHA256 != h {
		t.Fatalf("stored SHA256 = %v, %v; want %s", got, err, h)
	}
	if got := byHash(t, s, h); !slices.Equal(got, []string{"a.md", "b"}) {
		t.Errorf("ArticlesByHash = %q, want [a.md b]", got)
	}
	if got := byPath(t, s, "/w/a.md"); !slices.Equal(got, []string{"a.md"}) {
		t.Errorf("ArticlesByPath = %q, want [a.md]", got)
	}

	// The file moved and changed: the old entries go, the new ones come.
	moved := article("a.md", "# A, revised\n")
	moved.AbsPath = "/w/new/a.md"
	if _, err := s.Update(func(tx *Tx) error { return tx.PutArticle(moved) }); err != nil {
		t.Fatal(err)
	}
	if got := byPath(t, s, "/w/a.md"); len(got) != 0 {
		t.Errorf("old path still finds %q", got)
	}
	if got := byPath(t, s, "/w/new/a.md"); !slices.Equal(got, []string{"a.md"}) {
		t.Errorf("new path finds %q, want [a.md]", got)
	}
	if got := byHash(t, s, h); !slices.Equal(got, []string{"b"}) {
		t.Errorf("old hash finds %q, want [b]", got)
	}

	if _, err := s.Update(func(tx *Tx) error { return tx.DeleteArticle("b") }); err != nil {
		t.Fatal(err)
	}
	if got := byHash(t, s, h); len(got) != 0 {
		t.Errorf("deleted article still found by hash: %q", got)
	}
	if got := byPath(t, s, "/w/copy/a.md"); len(got) != 0 {
		t.Errorf("deleted article still found by path: %q", got)
	}
}

// olderLibrary turns the library at path into what evident wrote at
// schema version 1 or 2, holding arts: no article indexes and articles
// without SHA256, and at version 1 no alias bucket either.
func olderLibrary(t *testing.T, path string, version uint64, arts ...*Article) {
	t.Helper()
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	gone := [][]byte{bucketArtPath, bucketArtHash}
	if version < 2 {
		gone = append(gone, bucketAlias)
	}
	if err := s.db.Update(func(btx *bolt.Tx) error {
		for _, name := range gone {
			if err := btx.DeleteBucket(name); err != nil {
				return err
			}
		}
		for _, a := range arts {
			v, err := encodeArticle(a)
			if err != nil {
				return err
			}
			if err := btx.Bucket(bucketArticles).Put([]byte(a.ID), v); err != nil {
				return err
			}
		}
		return putUint(btx.Bucket(bucketMeta), metaSchema, version)
	}); err != nil {
		t.Fatal(err)
	}
}

func TestUpgrades_OneStepPerVersion(t *testing.T) {
	if len(upgrades) != SchemaVersion-1 {
		t.Errorf("%d upgrade steps for schema %d, want %d", len(upgrades), SchemaVersion, SchemaVersion-1)
	}
}

func TestOpen_UpgradesOlderLibraries(t *testing.T) {
	for _, from := range []uint64{1, 2} {
		t.Run(fmt.Sprintf("schema %d", from), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "library.db")
			olderLibrary(t, path, from, article("plos/x.md", "# X\n"), article("y.md", "# Y\n"))

			// A reader takes the old library as it is.
			r, err := Open(path, true)
			if err != nil {
				t.Fatalf("read-only open: %v", err)
			}
			if got := byPath(t, r, "/w/plos/x.md"); len(got) != 0 {
				t.Errorf("ArticlesByPath = %q, want none", got)
			}
			if u := r.Upgraded(); u != (Upgrade{}) {
				t.Errorf("a reader upgraded: %+v", u)
			}
			if v := schemaOf(t, r); v != from {
				t.Errorf("schema after a reader = %d, want %d", v, from)
			}
			if err := r.Close(); err != nil {
				t.Fatal(err)
			}

			w, err := Open(path, false)
			if err != nil {
				t.Fatal(err)
			}
			if want := (Upgrade{From: from, To: SchemaVersion, Hashed: 2}); w.Upgraded() != want {
				t.Errorf("Upgraded() = %+v, want %+v", w.Upgraded(), want)
			}
			if v := schemaOf(t, w); v != SchemaVersion {
				t.Errorf("schema after a writer = %d, want %d", v, SchemaVersion)
			}
			if err := w.db.View(func(btx *bolt.Tx) error {
				for _, name := range buckets {
					if btx.Bucket(name) == nil {
						t.Errorf("no %s bucket after the upgrade", name)
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			if got := byHash(t, w, ContentHash([]byte("# X\n"))); !slices.Equal(got, []string{"plos/x.md"}) {
				t.Errorf("ArticlesByHash after upgrade = %q, want [plos/x.md]", got)
			}
			if a, err := w.GetArticle("plos/x.md"); err != nil || a.SHA256 != ContentHash(a.Source) {
				t.Errorf("article after upgrade = %+v, %v; want its SHA256 set", a, err)
			}
			// The alias bucket works, whether the upgrade made it or not.
			put(t, w, ref("smith2019", "Sleep and memory", 2019, "Smith", ""))
			if out, _ := merge(t, w, []*corpus.Reference{ref("sm19", "Sleep and memory", 2019, "Smith", "")}, Skip); len(out.Aliased) != 1 {
				t.Errorf("%+v, want the duplicate's key kept as an alias", out)
			}
			checkIndexes(t, w)
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}

			// Once.
			w, err = Open(path, false)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if u := w.Upgraded(); u != (Upgrade{}) {
				t.Errorf("second open upgraded again: %+v", u)
			}
			if _, err := w.GetArticle("y.md"); errors.Is(err, ErrNotFound) {
				t.Error("y.md lost in the upgrade")
			}
		})
	}
}

// TestOpen_FailedUpgradeLeavesTheLibraryAsItWas checks that the steps run
// in the transaction that sets the version: a step that fails (here on an
// article that does not decode) leaves the old version and no new buckets.
func TestOpen_FailedUpgradeLeavesTheLibraryAsItWas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	olderLibrary(t, path, 1, article("x.md", "# X\n"))
	s, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(path, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(btx *bolt.Tx) error {
		return btx.Bucket(bucketArticles).Put([]byte("bad.md"), []byte("not an article"))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	w, err := Open(path, false)
	if err == nil {
		w.Close()
		t.Fatal("a writer opened a library whose upgrade failed")
	}
	if !strings.Contains(err.Error(), "upgrade the library from schema 2 to 3") {
		t.Errorf("error = %v, want it to name the step that failed", err)
	}
	r, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if v := schemaOf(t, r); v != 1 {
		t.Errorf("schema after a failed upgrade = %d, want 1", v)
	}
	if err := r.db.View(func(btx *bolt.Tx) error {
		for _, name := range [][]byte{bucketAlias, bucketArtPath, bucketArtHash} {
			if btx.Bucket(name) != nil {
				t.Errorf("%s bucket made by a failed upgrade", name)
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

func schemaOf(t *testing.T, s *Store) uint64 {
	t.Helper()
	var v uint64
	if err := s.db.View(func(btx *bolt.Tx) error {
		v = getUint(btx.Bucket(bucketMeta), metaSchema)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return v
}

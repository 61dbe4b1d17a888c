package store_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/store"
)

// corporaFiles returns every BibTeX, RIS and CSL-JSON file of the shared
// corpora, or skips.
func corporaFiles(tb testing.TB) []string {
	tb.Helper()
	dir := filepath.Join("..", "..", "shared", "corpora")
	if _, err := os.Stat(dir); err != nil {
		tb.Skip("the shared corpora (../shared/corpora from the repository root) are absent")
	}
	var files []string
	for _, pat := range []string{"bibtex/*/*", "refs-formats/*/*", "articles/*/*.bib", "articles/*/*/*.json"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	return files
}

// TestCorpora_StoredReferencesReadBackEqual imports every real reference
// file of the corpora into a library and reads every reference back: each
// must equal what was stored, field for field.
func TestCorpora_StoredReferencesReadBackEqual(t *testing.T) {
	files := corporaFiles(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, read := 0, 0
	for _, f := range files {
		refs, _, err := importer.Parse(context.Background(), []importer.Input{{Name: f}}, nil)
		if err != nil || len(refs) == 0 {
			continue // not a reference file, or one that needs another's macros
		}
		read++
		want := map[string]string{}
		if _, err := st.Update(func(tx *store.Tx) error {
			for _, r := range refs {
				if _, dup := want[r.Key]; dup || tx.KeyByAlias(r.Key) != "" {
					continue
				}
				if err := tx.Put(r); err != nil {
					t.Errorf("%s: %s: %v", f, r.Key, err)
					continue
				}
				want[r.Key] = refJSON(t, r)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		for k, js := range want {
			got, err := st.Get(k)
			if err != nil {
				t.Fatalf("%s: %s: %v", f, k, err)
			}
			if g := refJSON(t, got); g != js {
				t.Errorf("%s: %s read back\n%s\nwant\n%s", filepath.Base(f), k, g, js)
			}
			n++
		}
		// The next file's keys may be this one's.
		if _, err := st.Update(func(tx *store.Tx) error {
			for k := range want {
				if err := tx.Delete(k); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	if read < 100 || n < 10000 {
		t.Fatalf("only %d references of %d files compared", n, read)
	}
	t.Logf("%d references of %d files read back equal", n, read)
}

func refJSON(t testing.TB, r *corpus.Reference) string {
	t.Helper()
	js, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(js)
}

// BenchmarkDecodeAll reads every reference of a library of the corpora's
// real references (about 24,000) with Store.Each, as export of everything,
// refs and an index rebuild do.
func BenchmarkDecodeAll(b *testing.B) {
	files := corporaFiles(b)
	st, err := store.Open(filepath.Join(b.TempDir(), "library.db"), false)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	total := 0
	for _, f := range files {
		refs, _, err := importer.Parse(context.Background(), []importer.Input{{Name: f}}, nil)
		if err != nil {
			continue
		}
		ch, err := st.Update(func(tx *store.Tx) error {
			_, err := tx.Merge(refs, store.Keep)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		total += len(ch.Put)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		if err := st.Each(func(*corpus.Reference) error { n++; return nil }); err != nil {
			b.Fatal(err)
		}
		if n == 0 {
			b.Fatal("no references")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(total), "ns/ref")
}

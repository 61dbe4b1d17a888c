package store

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus/resolve"
)

// TestPostings_HoldTheSetTheOpsMake adds and removes values of two lists
// in batches, at random, and compares the lists with sets kept beside
// them: their values, the changes reported, and the chunks' shape (each
// keyed by its first value, none over maxChunk unless of one value, none
// empty).
func TestPostings_HoldTheSetTheOpsMake(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "p.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	lists := []string{"\x02abc\x00", "\x02abd\x00"}
	model := map[string]map[string]bool{lists[0]: {}, lists[1]: {}}
	for batch := range 30 {
		ops := map[string][]postingOp{}
		want := map[string][]string{}
		for _, p := range lists {
			seen := map[string]bool{}
			// Large batches first (an import), then small ones.
			n := 2000 / (batch + 1)
			for range n {
				v := fmt.Sprintf("value%05d", rng.IntN(3000))
				if seen[v] {
					continue
				}
				seen[v] = true
				add := rng.IntN(3) > 0
				ops[p] = append(ops[p], postingOp{v, add})
				if model[p][v] != add {
					want[p] = append(want[p], v)
				}
				if add {
					model[p][v] = true
				} else {
					delete(model[p], v)
				}
			}
		}
		got := map[string][]string{}
		if err := db.Update(func(btx *bolt.Tx) error {
			b, err := btx.CreateBucketIfNotExists(bucketNear)
			if err != nil {
				return err
			}
			writes := map[string][]byte{}
			if err := applyPostings(packed(b), ops, writes, func(p string, o postingOp) { got[p] = append(got[p], o.v) }); err != nil {
				return err
			}
			_, _, err = flushBucket(b, writes)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if err := db.View(func(btx *bolt.Tx) error {
			b := btx.Bucket(bucketNear)
			for _, p := range lists {
				slices.Sort(want[p])
				slices.Sort(got[p])
				if !slices.Equal(got[p], want[p]) {
					t.Errorf("batch %d, list %q: %d changes reported, want %d", batch, p, len(got[p]), len(want[p]))
				}
				var vals []string
				eachPosting(b, []byte(p), func(v string) bool {
					vals = append(vals, v)
					return true
				})
				wantVals := make([]string, 0, len(model[p]))
				for v := range model[p] {
					wantVals = append(wantVals, v)
				}
				slices.Sort(wantVals)
				if !slices.Equal(vals, wantVals) {
					t.Fatalf("batch %d, list %q holds %d values, want %d", batch, p, len(vals), len(wantVals))
				}
			}
			return b.ForEach(func(k, v []byte) error {
				vals, ok := decodeChunk(v)
				switch {
				case !ok || len(vals) == 0:
					t.Errorf("batch %d: chunk %q empty or damaged", batch, k)
				case !bytes.HasSuffix(k, []byte(vals[0])):
					t.Errorf("batch %d: chunk %q keyed by other than its first value %q", batch, k, vals[0])
				case len(v) > maxChunk && len(vals) > 1:
					t.Errorf("batch %d: chunk %q of %d bytes", batch, k, len(v))
				}
				return nil
			})
		}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDecodeChunk_RefusesDamage: a chunk whose length runs past its end
// does not decode, and the near-miss look-up passes over it.
func TestDecodeChunk_RefusesDamage(t *testing.T) {
	for _, v := range [][]byte{{5, 'a', 'b'}, {0xff}, {1, 'a', 9}} {
		if _, ok := decodeChunk(v); ok {
			t.Errorf("decodeChunk(%q) ok, want damaged", v)
		}
	}
	if vals, ok := decodeChunk([]byte{1, 'a', 2, 'b', 'c'}); !ok || !slices.Equal(vals, []string{"a", "bc"}) {
		t.Errorf("decodeChunk = %q, %v; want [a bc]", vals, ok)
	}
}

// TestUpgrade_FromSchema8RebuildsTheNearIndex: a library whose near-miss
// index has one entry per gram and value, and its title words one per
// word and key in the terms index (schema 8), gets posting lists that
// hold the same values, and the counts stay as they were.
func TestUpgrade_FromSchema8RebuildsTheNearIndex(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(func(tx *Tx) error { _, err := tx.Merge(synthRefs(120, 0), Keep); return err }); err != nil {
		t.Fatal(err)
	}
	want := indexSnapshot(t, s)
	values := 0
	rewind(t, s, 8, func(btx *bolt.Tx) error {
		// Schema 8's entries: "field gram\x00value" and "field \xff length value".
		near := btx.Bucket(bucketNear)
		var old [][]byte
		if err := near.ForEach(func(k, v []byte) error {
			vals, _ := decodeChunk(v)
			p := k[:len(k)-len(vals[0])]
			for _, v := range vals {
				if p[1] == 0xff {
					values++
				}
				old = append(old, append(slices.Clip(p), v...))
			}
			return nil
		}); err != nil {
			return err
		}
		// And the title words in the terms index: "\x0bword\x00key".
		terms := btx.Bucket(bucketTerms)
		if err := btx.Bucket(bucketWords).ForEach(func(k, v []byte) error {
			vals, _ := decodeChunk(v)
			w := k[:bytes.IndexByte(k, 0)]
			for _, key := range vals {
				if err := terms.Put([]byte(termKey(resolve.FieldWord, string(w))+"\x00"+key), nil); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			return err
		}
		if err := btx.DeleteBucket(bucketNear); err != nil {
			return err
		}
		b, err := btx.CreateBucket(bucketNear)
		if err != nil {
			return err
		}
		for _, k := range old {
			if err := b.Put(k, nil); err != nil {
				return err
			}
		}
		return btx.DeleteBucket(bucketWords)
	})
	s.Close()

	s, err = Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if u := s.Upgraded(); u.From != 8 || u.Near != values || values == 0 {
		t.Errorf("Upgraded() = %+v, want from 8 with %d near-miss values", u, values)
	}
	if got := indexSnapshot(t, s); !slices.Equal(got, want) {
		t.Errorf("the upgrade's near-miss index differs from the one written (%d and %d entries)", len(got), len(want))
	}
}

// FuzzDecodeChunk: a chunk read from a damaged file never panics, and the
// values of one that decodes, written as chunks again, read back the same.
func FuzzDecodeChunk(f *testing.F) {
	f.Add([]byte{1, 'a', 2, 'b', 'c'})
	f.Add([]byte{5, 'a'})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, v []byte) {
		vals, ok := decodeChunk(v)
		if !ok {
			return
		}
		writes := map[string][]byte{}
		putChunks(writes, []byte("p"), vals)
		var again []byte
		for _, k := range slices.Sorted(maps.Keys(writes)) {
			again = append(again, writes[k]...)
		}
		if back, ok := decodeChunk(again); sortedUnique(vals) && (!ok || !slices.Equal(back, vals)) {
			t.Errorf("decodeChunk(%q) = %q, written as chunks and read back %q", v, vals, back)
		}
	})
}

func sortedUnique(vals []string) bool {
	for i := 1; i < len(vals); i++ {
		if vals[i-1] >= vals[i] {
			return false
		}
	}
	return true
}

package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/resolve"
	"github.com/golang/snappy"
)

// indexSnapshot is what the resolution buckets hold, as sorted lines.
func indexSnapshot(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.db.View(func(btx *bolt.Tx) error {
		for _, name := range [][]byte{bucketTerms, bucketTermCount} {
			if err := btx.Bucket(name).ForEach(func(k, v []byte) error {
				out = append(out, fmt.Sprintf("%s %q %x", name, k, v))
				return nil
			}); err != nil {
				return err
			}
		}
		// The posting lists by their values, not by how they fall into
		// chunks, which depends on the order of the writes.
		return postingSnapshot(t, btx, &out)
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// postingSnapshot adds to out the values of the posting lists, a line
// each, and reports chunks that do not decode or are keyed wrongly.
func postingSnapshot(t *testing.T, btx *bolt.Tx, out *[]string) error {
	for _, name := range [][]byte{bucketNear, bucketWords} {
		err := btx.Bucket(name).ForEach(func(k, v []byte) error {
			vals, ok := decodeChunk(v)
			if !ok {
				t.Errorf("%s %q: chunk does not decode", name, k)
			}
			if len(vals) == 0 || !bytes.HasSuffix(k, []byte(vals[0])) {
				t.Errorf("%s %q: chunk keyed by other than its first value, %q", name, k, vals)
				return nil
			}
			p := k[:len(k)-len(vals[0])]
			for _, v := range vals {
				*out = append(*out, fmt.Sprintf("%s %q %q", name, p, v))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// rebuilt is the snapshot of a library built afresh from refs.
func rebuilt(t *testing.T, refs []*corpus.Reference) []string {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "fresh.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Update(func(tx *Tx) error {
		for _, r := range refs {
			if err := tx.Put(r); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return indexSnapshot(t, s)
}

// TestTerms_StayInStepWithTheReferences puts, replaces, merges, aliases
// and deletes references over several transactions: the resolution
// indexes must then hold exactly what indexing the remaining references
// afresh gives, counts and near-miss entries included.
func TestTerms_StayInStepWithTheReferences(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "library.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	refs := synthRefs(300, 0)
	if _, err := s.Update(func(tx *Tx) error {
		_, err := tx.Merge(refs[:200], Keep)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(func(tx *Tx) error {
		for i, r := range refs[:200] {
			switch i % 4 {
			case 0:
				c := *r
				c.Title += " revised"
				c.Authors = append([]corpus.Name{{First: "Zed", Last: "Zimmer"}}, c.Authors...)
				if err := tx.Put(&c); err != nil {
					return err
				}
			case 1:
				if err := tx.Delete(r.Key); err != nil {
					return err
				}
			}
		}
		// Duplicates under other keys become aliases (Skip).
		var dups []*corpus.Reference
		for i := 2; i < 40; i += 4 {
			c := *refs[i]
			r := refs[i]
			c.Key = "dup-" + r.Key
			dups = append(dups, &c)
		}
		_, err := tx.Merge(append(dups, refs[200:]...), Skip)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var all []*corpus.Reference
	if err := s.Each(func(r *corpus.Reference) error { all = append(all, r); return nil }); err != nil {
		t.Fatal(err)
	}
	aliased := 0
	for _, r := range all {
		aliased += len(r.Aliases)
	}
	if aliased == 0 {
		t.Fatal("no reference gained an alias: the test does not test aliases")
	}
	got, want := indexSnapshot(t, s), rebuilt(t, all)
	if !slices.Equal(got, want) {
		t.Errorf("the indexes differ from a fresh build of the same %d references", len(all))
		for _, l := range got {
			if !slices.Contains(want, l) {
				t.Errorf("extra: %s", l)
			}
		}
		for _, l := range want {
			if !slices.Contains(got, l) {
				t.Errorf("missing: %s", l)
			}
		}
	}
	ix, err := s.RefIndex()
	if err != nil || ix == nil {
		t.Fatalf("RefIndex: %v, %v", ix, err)
	}
	if ix.Len() != len(all) {
		t.Errorf("Len %d, want %d", ix.Len(), len(all))
	}
}

// TestNear_FindsEveryValueWithinTheEdits compares the trigram index with
// measuring every value: nothing within the edits may be missed.
func TestNear_FindsEveryValueWithinTheEdits(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "library.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	refs := synthRefs(400, 0)
	if _, err := s.Update(func(tx *Tx) error { _, err := tx.Merge(refs, Keep); return err }); err != nil {
		t.Fatal(err)
	}
	ix, _ := s.RefIndex()
	var keys []string
	for _, r := range refs {
		keys = append(keys, strings.ToLower(r.Key))
	}
	queries := []string{"ab", "smth2003", "smith2003memory6", "tanaka2018trial48", "xyz", "tanaka2018trail487", "kowalsky"}
	for _, k := range keys[:40] {
		queries = append(queries, k[1:], k+"x", k[:len(k)/2]+k[len(k)/2+1:])
	}
	for _, q := range queries {
		for _, maxEdits := range []int{1, 2} {
			found := ix.Near(resolve.FieldFold, q, maxEdits)
			for _, k := range keys {
				if corpus.EditDistance(q, k, maxEdits) <= maxEdits && !slices.Contains(found, k) {
					t.Errorf("Near(%q, %d) misses %q", q, maxEdits, k)
				}
			}
		}
	}
}

// TestUpgrade_FromSchema6IndexesAndReencodes opens a library as schema 6
// left it (JSON values, no resolution indexes) for writing: the upgrade
// builds the indexes as a fresh library has them, rewrites every value in
// the compact encoding, and says so.
func TestUpgrade_FromSchema6IndexesAndReencodes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	refs := synthRefs(120, 0)
	if _, err := s.Update(func(tx *Tx) error { _, err := tx.Merge(refs, Keep); return err }); err != nil {
		t.Fatal(err)
	}
	var all []*corpus.Reference
	if err := s.Each(func(r *corpus.Reference) error { all = append(all, r); return nil }); err != nil {
		t.Fatal(err)
	}
	// Back to schema 6: no resolution indexes, references in JSON.
	rewind(t, s, 6, func(btx *bolt.Tx) error {
		b := btx.Bucket(bucketRefs)
		for _, r := range all {
			js, err := json.Marshal(r)
			if err != nil {
				return err
			}
			if err := b.Put([]byte(r.Key), snappy.Encode(nil, js)); err != nil {
				return err
			}
		}
		return nil
	}, bucketTerms, bucketTermCount, bucketNear, bucketWords)
	s.Close()

	s, err = Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u := s.Upgraded()
	if u.From != 6 || u.Indexed != len(all) || u.Reencoded != len(all) {
		t.Errorf("Upgraded() = %+v, want from 6 with %d indexed and re-encoded", u, len(all))
	}
	if got, want := indexSnapshot(t, s), rebuilt(t, all); !slices.Equal(got, want) {
		t.Errorf("the upgrade's indexes differ from a fresh build (%d and %d entries)", len(got), len(want))
	}
	if err := s.db.View(func(btx *bolt.Tx) error {
		return btx.Bucket(bucketRefs).ForEach(func(k, v []byte) error {
			raw, err := snappy.Decode(nil, v)
			if err != nil || len(raw) == 0 || raw[0] != refVersion {
				t.Errorf("%s: not in the compact encoding after the upgrade", k)
			}
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	for _, r := range all {
		got, err := s.Get(r.Key)
		if err != nil || refJSONOf(t, got) != refJSONOf(t, r) {
			t.Errorf("%s read back as %v, %v", r.Key, got, err)
		}
	}
}

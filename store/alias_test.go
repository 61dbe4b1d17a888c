package store

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
)

// untitled is a web page as Manubot writes one: a URL and a note, no
// title, no DOI, so nothing matches it as a duplicate.
func untitled(key string) *corpus.Reference {
	url := "https://example.org/blog/" + key
	return &corpus.Reference{
		Key:  key,
		Type: "misc",
		IDs:  corpus.Identifiers{URL: url},
		Fields: []corpus.Field{
			{Name: "url", Raw: "{" + url + "}", Value: url},
			{Name: "note", Raw: "{generated}", Value: "generated"},
		},
		Raw:    "@misc{" + key + ",\n  url = {" + url + "},\n  note = {generated},\n}",
		Source: corpus.Source{File: "refs.bib", Line: 1},
	}
}

func merge(t *testing.T, s *Store, refs []*corpus.Reference, p Policy) (Outcome, Changes) {
	t.Helper()
	var out Outcome
	ch, err := s.Update(func(tx *Tx) error {
		var err error
		out, err = tx.Merge(refs, p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out, ch
}

// batch is a file's worth of references: works with and without DOIs, an
// untitled one, and a duplicate of the first under another key.
func batch() []*corpus.Reference {
	dup := ref("smith2019-1", "Sleep and memory", 2019, "Smith", "")
	dup.Source.Line = 40
	return []*corpus.Reference{
		ref("smith2019", "Sleep and memory", 2019, "Smith", ""),
		ref("jones2020", "Coffee and attention", 2020, "Jones", "10.1/coffee"),
		untitled("SqhJCztH"),
		dup,
	}
}

func TestMerge_ImportingAgainChangesNothing(t *testing.T) {
	for _, p := range []Policy{Skip, Update, Keep} {
		t.Run(p.String(), func(t *testing.T) {
			s := newStore(t)
			first, _ := merge(t, s, batch(), Skip)
			if first.Added != 3 || first.Duplicates != 1 || len(first.Aliased) != 1 || len(first.Problems) != 0 {
				t.Fatalf("first import: %+v; want 3 added, 1 duplicate aliased", first)
			}
			again := batch()
			// The same file read from elsewhere, and laid out otherwise.
			for _, r := range again {
				r.Source = corpus.Source{File: "copy/refs.bib", Line: 99}
				r.Raw = strings.ReplaceAll(r.Raw, "  ", "\t")
			}
			out, ch := merge(t, s, again, p)
			want := Outcome{Unchanged: 4}
			if out.Unchanged != 4 || out.Added+out.Updated+out.Duplicates != 0 || len(out.Notes)+len(out.Problems)+len(out.Aliased) != 0 {
				t.Errorf("import again: %+v, want %+v", out, want)
			}
			if ch.Generation != 1 || len(ch.Put) != 0 {
				t.Errorf("import again: generation %d, put %q; want no change", ch.Generation, ch.Put)
			}
			checkIndexes(t, s)
		})
	}
}

func TestMerge_UntitledEntry(t *testing.T) {
	s := newStore(t)
	merge(t, s, []*corpus.Reference{untitled("SqhJCztH")}, Skip)

	// The same entry again is no clash, however bare.
	out, _ := merge(t, s, []*corpus.Reference{untitled("SqhJCztH")}, Skip)
	if out.Unchanged != 1 || len(out.Problems) != 0 {
		t.Errorf("same untitled entry: %+v, want unchanged", out)
	}

	// Another entry under its key is still refused.
	other := untitled("SqhJCztH")
	other.Fields[1] = corpus.Field{Name: "note", Raw: "{another}", Value: "another"}
	out, _ = merge(t, s, []*corpus.Reference{other}, Skip)
	if got := msgs(out.Problems); !slices.Equal(got, []string{"key SqhJCztH already names a different work: (untitled)"}) {
		t.Errorf("different untitled entry: problems %q", got)
	}
}

func TestMerge_SameKeyOtherFields(t *testing.T) {
	s := newStore(t)
	merge(t, s, []*corpus.Reference{ref("smith2019", "Sleep and memory", 2019, "Smith", "10.1/x")}, Skip)
	edited := withVenue(ref("smith2019", "Sleep and memory", 2019, "Smith", "10.1/x"), "J Sleep")
	out, ch := merge(t, s, []*corpus.Reference{edited}, Skip)
	if out.Duplicates != 1 || len(ch.Put) != 0 {
		t.Errorf("skip: %+v, put %q; want a duplicate skipped and nothing written", out, ch.Put)
	}
	if got := msgs(out.Notes); !slices.Equal(got, []string{"already in the library (same DOI) with other fields; the stored reference is kept"}) {
		t.Errorf("skip: notes %q", got)
	}
	out, _ = merge(t, s, []*corpus.Reference{edited}, Update)
	if out.Updated != 1 || len(out.Notes) != 0 {
		t.Errorf("update: %+v, want 1 updated without a note", out)
	}
	if r, err := s.Get("smith2019"); err != nil || r.Venue != "J Sleep" {
		t.Errorf("after update: %v, %v; want venue J Sleep", r, err)
	}
}

func TestMerge_AnAliasIsATakenKey(t *testing.T) {
	s := newStore(t)
	merge(t, s, batch(), Skip)
	other := ref("smith2019-1", "Dreams", 2019, "Smith", "")

	out, _ := merge(t, s, []*corpus.Reference{other}, Skip)
	want := "key smith2019-1 already names a different work (as an alias of smith2019): Sleep and memory"
	if got := msgs(out.Problems); !slices.Equal(got, []string{want}) {
		t.Errorf("skip: problems %q, want %q", got, want)
	}

	out, _ = merge(t, s, []*corpus.Reference{other}, Keep)
	if got := msgs(out.Notes); out.Added != 1 || !slices.Equal(got, []string{"key smith2019-1 is taken, stored as smith2019-1-2"}) {
		t.Errorf("keep: %+v", out)
	}
	if r, err := s.Find("smith2019-1"); err != nil || r.Key != "smith2019" {
		t.Errorf("Find(smith2019-1) = %v, %v; want the alias kept", r, err)
	}
	checkIndexes(t, s)
}

func TestMerge_DuplicateUnderATakenKeyIsNoAlias(t *testing.T) {
	s := newStore(t)
	put(t, s, ref("smith2019", "Sleep and memory", 2019, "Smith", "10.1/x"), ref("jones2020", "Coffee", 2020, "Jones", ""))
	// jones2020 names another work: it cannot become an alias of smith2019.
	out, _ := merge(t, s, []*corpus.Reference{ref("jones2020", "Sleep & memory", 2019, "Smith", "10.1/x")}, Skip)
	if got := msgs(out.Notes); out.Duplicates != 1 || len(out.Aliased) != 0 || !slices.Equal(got, []string{"duplicate of smith2019 (same DOI), skipped"}) {
		t.Errorf("%+v", out)
	}
	if r, _ := s.Get("smith2019"); len(r.Aliases) != 0 {
		t.Errorf("aliases %q, want none", r.Aliases)
	}
}

func TestMerge_UpdateKeepsAliases(t *testing.T) {
	s := newStore(t)
	merge(t, s, batch(), Skip)
	out, _ := merge(t, s, []*corpus.Reference{withVenue(ref("smith2019", "Sleep and memory", 2019, "Smith", ""), "new")}, Update)
	if out.Updated != 1 {
		t.Fatalf("%+v, want 1 updated", out)
	}
	r, err := s.Find("smith2019-1")
	if err != nil || r.Key != "smith2019" || r.Venue != "new" || !slices.Equal(r.Aliases, []string{"smith2019-1"}) {
		t.Errorf("Find(smith2019-1) = %+v, %v", r, err)
	}
	checkIndexes(t, s)
}

func TestDelete_RemovesAliases(t *testing.T) {
	s := newStore(t)
	merge(t, s, batch(), Skip)
	if _, err := s.Update(func(tx *Tx) error { return tx.Delete("smith2019") }); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Find("smith2019-1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Find(alias of a removed reference) error = %v, want ErrNotFound", err)
	}
	checkIndexes(t, s)
	// The key is free again.
	out, _ := merge(t, s, []*corpus.Reference{ref("smith2019-1", "Dreams", 2019, "Smith", "")}, Skip)
	if out.Added != 1 {
		t.Errorf("%+v, want the freed key reused", out)
	}
}

func TestPut_RefusesAKeyNamingTwoReferences(t *testing.T) {
	s := newStore(t)
	merge(t, s, batch(), Skip)
	for _, r := range []*corpus.Reference{
		ref("smith2019-1", "Dreams", 2019, "Smith", ""),            // an alias as a key
		{Key: "x", Type: "misc", Aliases: []string{"jones2020"}},   // a key as an alias
		{Key: "y", Type: "misc", Aliases: []string{"smith2019-1"}}, // another's alias
		{Key: "z", Type: "misc", Aliases: []string{"z"}},
	} {
		_, err := s.Update(func(tx *Tx) error { return tx.Put(r) })
		if err == nil {
			t.Errorf("Put(%s, aliases %q) succeeded, want an error", r.Key, r.Aliases)
		}
	}
	checkIndexes(t, s)
}

func TestOpen_Version1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, ref("smith2019", "Sleep and memory", 2019, "Smith", ""))
	s.Close()
	olderLibrary(t, path, 1) // as evident wrote it before aliases

	r, err := Open(path, true)
	if err != nil {
		t.Fatalf("reader of a version 1 library: %v", err)
	}
	if got, err := r.Find("smith2019"); err != nil || got.Key != "smith2019" {
		t.Errorf("Find(smith2019) = %v, %v", got, err)
	}
	if _, err := r.Find("nosuch"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Find(nosuch) error = %v, want ErrNotFound", err)
	}
	r.Close()

	w, err := Open(path, false)
	if err != nil {
		t.Fatalf("writer of a version 1 library: %v", err)
	}
	defer w.Close()
	err = w.db.View(func(btx *bolt.Tx) error {
		if v := getUint(btx.Bucket(bucketMeta), metaSchema); v != SchemaVersion {
			t.Errorf("schema version after a writer opened it = %d, want %d", v, SchemaVersion)
		}
		if btx.Bucket(bucketAlias) == nil {
			t.Error("no alias bucket after a writer opened it")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out, _ := merge(t, w, []*corpus.Reference{ref("sm19", "Sleep and memory", 2019, "Smith", "")}, Skip)
	if len(out.Aliased) != 1 {
		t.Errorf("%+v, want the duplicate's key kept as an alias", out)
	}
	checkIndexes(t, w)
}

// An alias a duplicate leaves (Tx.addAlias) is indexed as Put indexes the
// reference with that alias: a library built by merging duplicates holds,
// bucket for bucket, what putting the merged references holds.
func TestMerge_AliasesIndexedAsPutIndexesThem(t *testing.T) {
	refs := batch()
	for i, key := range []string{"Smith2019a", "SMITH-2019", "smith2019b"} {
		dup := ref(key, "Sleep and memory", 2019, "Smith", "")
		dup.Source.Line = 50 + i
		refs = append(refs, dup)
	}
	merged := newStore(t)
	out, _ := merge(t, merged, refs, Skip)
	if len(out.Aliased) != 4 {
		t.Fatalf("aliased %d duplicates, want 4: %v", len(out.Aliased), out.Aliased)
	}
	var stored []*corpus.Reference
	if err := merged.Each(func(r *corpus.Reference) error {
		stored = append(stored, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	put2 := newStore(t)
	put(t, put2, stored...)
	a, b := contents(t, merged), contents(t, put2)
	if len(a) != len(b) {
		t.Errorf("merged has %d buckets with keys, put %d", len(a), len(b))
	}
	for name := range a {
		if name == "meta" {
			continue
		}
		if !slices.Equal(a[name], b[name]) {
			t.Errorf("bucket %s: merged %q, put %q", name, a[name], b[name])
		}
	}
	if !slices.Contains(a["alias"], "SMITH-2019=smith2019") {
		t.Errorf("alias bucket %q lacks SMITH-2019", a["alias"])
	}
}

// contents returns every key and value of every bucket of s, nested
// buckets' under their path, in order.
func contents(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			var walk func(b *bolt.Bucket, prefix string)
			walk = func(b *bolt.Bucket, prefix string) {
				_ = b.ForEach(func(k, v []byte) error {
					if v == nil {
						walk(b.Bucket(k), prefix+string(k)+"/")
						return nil
					}
					out[string(name)] = append(out[string(name)], prefix+string(k)+"="+string(v))
					return nil
				})
			}
			walk(b, "")
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

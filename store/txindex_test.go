package store

import (
	"errors"
	"slices"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/resolve"
)

func indexRef(key, title, family, doi string) *corpus.Reference {
	return &corpus.Reference{Key: key, Type: "article", Title: title, Year: 2019,
		Authors: []corpus.Name{{First: "Ann", Last: family}}, IDs: corpus.Identifiers{DOI: doi}}
}

// TestTxRefIndex_SeesStagedReferences: the index of a write transaction
// finds the references it put and not those it deleted, and the commit
// reports and indexes what it would have without the index.
func TestTxRefIndex_SeesStagedReferences(t *testing.T) {
	s := newStore(t)
	a := indexRef("adams2019", "Sleep and memory", "Adams", "10.1/a")
	b := indexRef("baker2019", "Coffee and attention", "Baker", "10.1/b")
	c := indexRef("carter2019", "Walking and mood", "Carter", "10.1/c")
	put(t, s, a)
	ch, err := s.Update(func(tx *Tx) error {
		if err := tx.Put(b); err != nil {
			return err
		}
		if err := tx.Delete(a.Key); err != nil {
			return err
		}
		x, err := tx.RefIndex()
		if err != nil {
			return err
		}
		if got := x.Keys(resolve.FieldDOI, "10.1/b", 0); !slices.Equal(got, []string{"baker2019"}) {
			t.Errorf("staged DOI: Keys = %q, want [baker2019]", got)
		}
		if got := x.Keys(resolve.FieldDOI, "10.1/a", 0); len(got) != 0 {
			t.Errorf("deleted DOI: Keys = %q, want none", got)
		}
		if r := x.Get("baker2019"); r == nil || r.Title != b.Title {
			t.Errorf("Get(baker2019) = %+v, want the staged reference", r)
		}
		if x.Get("adams2019") != nil || x.Len() != 1 {
			t.Errorf("deleted reference still found, or Len %d != 1", x.Len())
		}
		if got := x.Near(resolve.FieldFold, "bakr2019", 1); !slices.Contains(got, "baker2019") {
			t.Errorf("Near(bakr2019) = %q, want baker2019 among them", got)
		}
		// Written after the index was taken: the commit has it all the same.
		return tx.Put(c)
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ch.Put, []string{"baker2019", "carter2019"}) || !slices.Equal(ch.Deleted, []string{"adams2019"}) {
		t.Errorf("changes put %q, deleted %q; want [baker2019 carter2019], [adams2019]", ch.Put, ch.Deleted)
	}
	if got, want := indexSnapshot(t, s), rebuilt(t, []*corpus.Reference{b, c}); !slices.Equal(got, want) {
		t.Errorf("resolution index after the commit differs from one built afresh:\n got %q\nwant %q", got, want)
	}
}

// TestTxRefIndex_FailureWritesNothing: the staged references written to
// bbolt for the index are gone when the transaction fails after it.
func TestTxRefIndex_FailureWritesNothing(t *testing.T) {
	s := newStore(t)
	a := indexRef("adams2019", "Sleep and memory", "Adams", "10.1/a")
	put(t, s, a)
	before := indexSnapshot(t, s)
	boom := errors.New("boom")
	_, err := s.Update(func(tx *Tx) error {
		if err := tx.Put(indexRef("baker2019", "Coffee", "Baker", "10.1/b")); err != nil {
			return err
		}
		if err := tx.Delete(a.Key); err != nil {
			return err
		}
		if _, err := tx.RefIndex(); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want boom", err)
	}
	if _, err := s.Get("baker2019"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(baker2019) after the failed write = %v, want not found", err)
	}
	if _, err := s.Get("adams2019"); err != nil {
		t.Errorf("Get(adams2019) after the failed write = %v, want it kept", err)
	}
	if got := indexSnapshot(t, s); !slices.Equal(got, before) {
		t.Errorf("resolution index changed by a failed write:\n got %q\nwant %q", got, before)
	}
}

package store

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

// addChecked checks source against the library as it is and stores it.
func addChecked(t *testing.T, s *Store, id, source string) {
	t.Helper()
	_, err := s.Update(func(tx *Tx) error {
		lib, err := tx.References()
		if err != nil {
			return err
		}
		rep, err := check.Check(id, []byte(source), corpus.Markdown, lib, check.Options{})
		if err != nil {
			return err
		}
		a := &Article{ID: id, Path: id, Format: corpus.Markdown, Source: []byte(source)}
		a.SetReport(rep, time.Now())
		return tx.PutArticle(a)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// citationStates returns "cites=status" for every citation of a stored article.
func citationStates(t *testing.T, s *Store, id string) []string {
	t.Helper()
	a, err := s.GetArticle(id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range a.Report.Claims {
		for _, l := range c.Citations {
			out = append(out, l.Cites+"="+l.Status)
		}
	}
	return out
}

// recheck runs fn and RecheckArticles over what it changed, in one transaction.
func recheck(t *testing.T, s *Store, fn func(tx *Tx) error) ([]string, Changes) {
	t.Helper()
	var ids []string
	ch, err := s.Update(func(tx *Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		var err error
		ids, err = tx.RecheckArticles(tx.ChangedKeys(), nil, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids, ch
}

func TestRecheckArticles(t *testing.T) {
	s := newStore(t)
	smith := ref("smith2019", "Sleep and memory in adults", 2019, "Smith", "10.1/smith")
	jones := ref("jones2020", "Coffee and attention", 2020, "Jones", "10.1/jones")
	other := ref("lee2021", "Walking and mood", 2021, "Lee", "")
	put(t, s, jones)
	addChecked(t, s, "sleep.md", "# Sleep\n\nAdults who sleep six hours remember 40% less [@smith2019].\n")
	addChecked(t, s, "coffee.md", "# Coffee\n\nTwo cups of coffee raise attention by 10% [@jones2020].\n")
	addChecked(t, s, "plain.md", "# Plain\n\nNothing here cites anything.\n")
	if got := citationStates(t, s, "sleep.md"); !slices.Equal(got, []string{"smith2019=dangling"}) {
		t.Fatalf("before: sleep.md citations = %q, want smith2019 dangling", got)
	}

	// Adding the missing reference re-checks the article whose citation
	// dangled, and only it.
	ids, ch := recheck(t, s, func(tx *Tx) error { return tx.Put(smith) })
	if !slices.Equal(ids, []string{"sleep.md"}) {
		t.Errorf("adding smith2019 re-checked %q, want [sleep.md]", ids)
	}
	if !slices.Equal(ch.Articles, []string{"sleep.md"}) || !slices.Equal(ch.Put, []string{"smith2019"}) {
		t.Errorf("changes = %+v, want smith2019 and sleep.md written", ch)
	}
	if got := citationStates(t, s, "sleep.md"); !slices.Equal(got, []string{"smith2019=resolved"}) {
		t.Errorf("after adding: sleep.md citations = %q, want smith2019 resolved", got)
	}
	a, err := s.GetArticle("sleep.md")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.Refs, []string{"smith2019"}) || a.Report.Summary.Dangling != 0 {
		t.Errorf("after adding: refs %q, %d dangling; want [smith2019], 0", a.Refs, a.Report.Summary.Dangling)
	}

	// A reference nobody cites, added when every citation resolves,
	// re-checks nothing.
	if ids, _ := recheck(t, s, func(tx *Tx) error { return tx.Put(other) }); len(ids) != 0 {
		t.Errorf("adding an uncited reference re-checked %q, want nothing", ids)
	}

	// Updating a cited reference re-checks its articles.
	jones2 := ref("jones2020", "Coffee and attention, revisited", 2020, "Jones", "10.1/jones")
	if ids, _ := recheck(t, s, func(tx *Tx) error { return tx.Put(jones2) }); !slices.Equal(ids, []string{"coffee.md"}) {
		t.Errorf("updating jones2020 re-checked %q, want [coffee.md]", ids)
	}

	// Removing a cited reference leaves its citation dangling again.
	ids, _ = recheck(t, s, func(tx *Tx) error { return tx.Delete("smith2019") })
	if !slices.Equal(ids, []string{"sleep.md"}) {
		t.Errorf("removing smith2019 re-checked %q, want [sleep.md]", ids)
	}
	if got := citationStates(t, s, "sleep.md"); !slices.Equal(got, []string{"smith2019=dangling"}) {
		t.Errorf("after removing: sleep.md citations = %q, want smith2019 dangling", got)
	}

	// Nothing changed, nothing re-checked, no library read.
	_, err = s.Update(func(tx *Tx) error {
		ids, err := tx.RecheckArticles(nil, func() ([]*corpus.Reference, error) {
			return nil, errors.New("library read for no change")
		}, nil)
		if len(ids) != 0 {
			t.Errorf("no change re-checked %q", ids)
		}
		return err
	})
	if err != nil {
		t.Error(err)
	}
}

func TestRecheckArticles_UnmatchedListEntry(t *testing.T) {
	s := newStore(t)
	src := "# Sleep\n\nAdults who sleep six hours remember 40% less (1).\n\n## References\n\n" +
		"1. Smith A. Sleep and memory in adults. J Sleep. 2019. doi:10.1/smith\n"
	addChecked(t, s, "sleep.md", src)
	if got := citationStates(t, s, "sleep.md"); !slices.Equal(got, []string{"1=unmatched"}) {
		t.Fatalf("before: citations = %q, want 1 unmatched", got)
	}
	// The caller's library is the one checked against, read once.
	calls := 0
	var ids []string
	_, err := s.Update(func(tx *Tx) error {
		smith := ref("smith2019", "Sleep and memory in adults", 2019, "Smith", "10.1/smith")
		if err := tx.Put(smith); err != nil {
			return err
		}
		var err error
		ids, err = tx.RecheckArticles(tx.ChangedKeys(), func() ([]*corpus.Reference, error) {
			calls++
			return []*corpus.Reference{smith}, nil
		}, nil)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids, []string{"sleep.md"}) || calls != 1 {
		t.Errorf("re-checked %q reading the library %d times, want [sleep.md] once", ids, calls)
	}
	if got := citationStates(t, s, "sleep.md"); !slices.Equal(got, []string{"1=resolved"}) {
		t.Errorf("after: citations = %q, want 1 resolved", got)
	}
}

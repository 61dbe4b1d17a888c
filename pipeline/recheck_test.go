package pipeline

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/config"
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/store"
)

func ref(key, title string, year int, family, doi string) *corpus.Reference {
	return &corpus.Reference{
		Key: key, Type: "article", Title: title, Year: year,
		Authors: []corpus.Name{{First: "Ann", Last: family}},
		IDs:     corpus.Identifiers{DOI: doi},
		Source:  corpus.Source{File: "refs.bib", Line: 1},
	}
}

func newStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// defaults checks every article with the built-in settings, wherever the
// test runs.
func defaults(string) (*config.Config, error) { return config.Defaults(), nil }

// addChecked checks source against the library as it is and stores it, as
// 'evident add' does.
func addChecked(t *testing.T, s *store.Store, id, source string) {
	t.Helper()
	lib, err := FromStore(s)
	if err != nil {
		t.Fatal(err)
	}
	checked, err := CheckAll(context.Background(), []Input{{Path: id, Format: corpus.Markdown, Data: []byte(source)}}, lib, Options{Settings: defaults, NoSupport: true})
	if err != nil {
		t.Fatal(err)
	}
	a, err := Stored(id, checked[0], time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(func(tx *store.Tx) error { return tx.PutArticle(a) }); err != nil {
		t.Fatal(err)
	}
}

// stored returns a stored article and its decoded report.
func stored(t *testing.T, s *store.Store, id string) (*store.Article, *corpus.Report) {
	t.Helper()
	a, err := s.GetArticle(id)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Report(a)
	if err != nil || rep == nil {
		t.Fatalf("report of %s: %v, %v", id, rep, err)
	}
	return a, rep
}

// citationStates returns "cites=status" for every citation of a stored article.
func citationStates(t *testing.T, s *store.Store, id string) []string {
	t.Helper()
	_, rep := stored(t, s, id)
	var out []string
	for _, c := range rep.Claims {
		for _, l := range c.Citations {
			out = append(out, l.Cites+"="+string(l.Status))
		}
	}
	return out
}

// recheck runs fn and Recheck over what it changed, in one transaction.
func recheck(t *testing.T, s *store.Store, o Options, fn func(tx *store.Tx) error) ([]string, []error, store.Changes) {
	t.Helper()
	var ids []string
	var skipped []error
	ch, err := s.Update(func(tx *store.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		var err error
		ids, skipped, err = Recheck(tx, o)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids, skipped, ch
}

func TestStored_ReportRoundTrips(t *testing.T) {
	s := newStore(t)
	if _, err := s.Update(func(tx *store.Tx) error {
		return tx.Put(ref("smith2019", "Sleep and memory", 2019, "Smith", "10.1/s"))
	}); err != nil {
		t.Fatal(err)
	}
	addChecked(t, s, "sleep.md", "# Sleep\n\nPeople who sleep less than six hours remember 40% less [@smith2019].\n")
	a, rep := stored(t, s, "sleep.md")
	if a.Title != "Sleep" || !slices.Equal(a.Refs, []string{"smith2019"}) || !a.AllResolved {
		t.Errorf("stored title %q, refs %q, all resolved %v; want Sleep, [smith2019], true", a.Title, a.Refs, a.AllResolved)
	}
	link := rep.Claims[1].Citations[0]
	if link.Key == nil || *link.Key != "smith2019" || link.Status != corpus.Resolved || rep.Summary.Resolved != 1 {
		t.Errorf("stored citation = %+v, summary %+v; want resolved to smith2019", link, rep.Summary)
	}
}

func TestRecheck(t *testing.T) {
	s := newStore(t)
	o := Options{Settings: defaults, NoSupport: true}
	smith := ref("smith2019", "Sleep and memory in adults", 2019, "Smith", "10.1/smith")
	jones := ref("jones2020", "Coffee and attention", 2020, "Jones", "10.1/jones")
	other := ref("lee2021", "Walking and mood", 2021, "Lee", "")
	if _, err := s.Update(func(tx *store.Tx) error { return tx.Put(jones) }); err != nil {
		t.Fatal(err)
	}
	addChecked(t, s, "sleep.md", "# Sleep\n\nAdults who sleep six hours remember 40% less [@smith2019].\n")
	addChecked(t, s, "coffee.md", "# Coffee\n\nTwo cups of coffee raise attention by 10% [@jones2020].\n")
	addChecked(t, s, "plain.md", "# Plain\n\nNothing here cites anything.\n")
	if got := citationStates(t, s, "sleep.md"); !slices.Equal(got, []string{"smith2019=dangling"}) {
		t.Fatalf("before: sleep.md citations = %q, want smith2019 dangling", got)
	}

	// Adding the missing reference re-checks the article whose citation
	// dangled, and only it.
	ids, _, ch := recheck(t, s, o, func(tx *store.Tx) error { return tx.Put(smith) })
	if !slices.Equal(ids, []string{"sleep.md"}) {
		t.Errorf("adding smith2019 re-checked %q, want [sleep.md]", ids)
	}
	if !slices.Equal(ch.Articles, []string{"sleep.md"}) || !slices.Equal(ch.Put, []string{"smith2019"}) {
		t.Errorf("changes = %+v, want smith2019 and sleep.md written", ch)
	}
	if got := citationStates(t, s, "sleep.md"); !slices.Equal(got, []string{"smith2019=resolved"}) {
		t.Errorf("after adding: sleep.md citations = %q, want smith2019 resolved", got)
	}
	a, rep := stored(t, s, "sleep.md")
	if !slices.Equal(a.Refs, []string{"smith2019"}) || rep.Summary.Dangling != 0 || !a.AllResolved {
		t.Errorf("after adding: refs %q, %d dangling, all resolved %v; want [smith2019], 0, true", a.Refs, rep.Summary.Dangling, a.AllResolved)
	}

	// A reference nobody cites, added when every citation resolves,
	// re-checks nothing.
	if ids, _, _ := recheck(t, s, o, func(tx *store.Tx) error { return tx.Put(other) }); len(ids) != 0 {
		t.Errorf("adding an uncited reference re-checked %q, want nothing", ids)
	}

	// Updating a cited reference re-checks its articles.
	jones2 := ref("jones2020", "Coffee and attention, revisited", 2020, "Jones", "10.1/jones")
	if ids, _, _ := recheck(t, s, o, func(tx *store.Tx) error { return tx.Put(jones2) }); !slices.Equal(ids, []string{"coffee.md"}) {
		t.Errorf("updating jones2020 re-checked %q, want [coffee.md]", ids)
	}

	// Removing a cited reference leaves its citation dangling again.
	ids, _, _ = recheck(t, s, o, func(tx *store.Tx) error { return tx.Delete("smith2019") })
	if !slices.Equal(ids, []string{"sleep.md"}) {
		t.Errorf("removing smith2019 re-checked %q, want [sleep.md]", ids)
	}
	if got := citationStates(t, s, "sleep.md"); !slices.Equal(got, []string{"smith2019=dangling"}) {
		t.Errorf("after removing: sleep.md citations = %q, want smith2019 dangling", got)
	}
}

func TestRecheck_UnmatchedListEntry(t *testing.T) {
	s := newStore(t)
	src := "# Sleep\n\nAdults who sleep six hours remember 40% less (1).\n\n## References\n\n" +
		"1. Smith A. Sleep and memory in adults. J Sleep. 2019. doi:10.1/smith\n"
	addChecked(t, s, "sleep.md", src)
	if got := citationStates(t, s, "sleep.md"); !slices.Equal(got, []string{"1=unmatched"}) {
		t.Fatalf("before: citations = %q, want 1 unmatched", got)
	}
	smith := ref("smith2019", "Sleep and memory in adults", 2019, "Smith", "10.1/smith")
	ids, _, _ := recheck(t, s, Options{Settings: defaults, NoSupport: true}, func(tx *store.Tx) error { return tx.Put(smith) })
	if !slices.Equal(ids, []string{"sleep.md"}) {
		t.Errorf("re-checked %q, want [sleep.md]", ids)
	}
	if got := citationStates(t, s, "sleep.md"); !slices.Equal(got, []string{"1=resolved"}) {
		t.Errorf("after: citations = %q, want 1 resolved", got)
	}
}

// A stored article whose .evident.toml no longer reads is not checked
// with other settings than the editor's: it keeps its report, and the
// re-check says why (before, the broken file was ignored in silence).
func TestRecheck_BrokenSettingsAreReported(t *testing.T) {
	s := newStore(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "sleep.md")
	addChecked(t, s, path, "# Sleep\n\nAdults who sleep six hours remember 40% less [@smith2019].\n")
	if err := os.WriteFile(filepath.Join(dir, config.FileName), []byte("scope = 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	smith := ref("smith2019", "Sleep and memory in adults", 2019, "Smith", "10.1/smith")
	ids, skipped, _ := recheck(t, s, Options{NoSupport: true}, func(tx *store.Tx) error { return tx.Put(smith) })
	if len(ids) != 0 || len(skipped) != 1 || !strings.Contains(skipped[0].Error(), config.FileName) {
		t.Fatalf("re-checked %q, skipped %v; want none re-checked and the broken file named", ids, skipped)
	}
	if got := citationStates(t, s, path); !slices.Equal(got, []string{"smith2019=dangling"}) {
		t.Errorf("citations = %q, want the old report kept", got)
	}
}

// TestRecheck_ReadsOnlyTheCitedReferences: re-checking an article resolves
// through the indexes, so its cost hardly grows with the library. Its
// allocations with 4,000 references stay under twice those with 400: 1.4
// times when written (a deeper tree, more near-miss candidates for the
// dangling citation); reading the library whole, as Recheck did, made
// them 9 times as many.
func TestRecheck_ReadsOnlyTheCitedReferences(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two libraries")
	}
	allocs := func(n int) float64 {
		s := newStore(t)
		if _, err := s.Update(func(tx *store.Tx) error {
			for i := range n {
				r := ref(fmt.Sprintf("other%d", i), fmt.Sprintf("Walking number %d and mood", i), 2000+i%20, fmt.Sprintf("Lee%d", i), fmt.Sprintf("10.1/o%d", i))
				if err := tx.Put(r); err != nil {
					return err
				}
			}
			return tx.Put(ref("jones2020", "Coffee and attention", 2020, "Jones", "10.1/jones"))
		}); err != nil {
			t.Fatal(err)
		}
		addChecked(t, s, "coffee.md", "# Coffee\n\nTwo cups of coffee raise attention by 10% [@jones2020; @smyth2019].\n")
		o := Options{Settings: defaults, NoSupport: true}
		i := 0
		return testing.AllocsPerRun(5, func() {
			i++
			title := fmt.Sprintf("Coffee and attention, version %d", i)
			ids, _, _ := recheck(t, s, o, func(tx *store.Tx) error {
				return tx.Put(ref("jones2020", title, 2020, "Jones", "10.1/jones"))
			})
			if !slices.Equal(ids, []string{"coffee.md"}) {
				t.Fatalf("updating jones2020 re-checked %q, want [coffee.md]", ids)
			}
		})
	}
	small, large := allocs(400), allocs(4000)
	t.Logf("allocations of a re-check: %.0f with 400 references, %.0f with 4,000", small, large)
	if large > small*2 {
		t.Errorf("a re-check with 4,000 references allocates %.0f times, %.2f× as with 400: it reads the library", large, large/small)
	}
}

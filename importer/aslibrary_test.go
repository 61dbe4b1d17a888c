package importer_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/store"
)

// dups.bib has a work twice under two keys (as Zotero exports a work saved
// twice), a work with a DOI twice, an untitled web page, and a key used
// twice for different works.
const dups = `@book{schulze_zur_1933,
  title = {Zur {Geschichte} lateinischer {Eigennamen}},
  author = {Schulze, Wilhelm}, year = {1933}, urldate = {2020-02-21},
}
@book{schulze_zur_1933-1,
  title = {Zur {Geschichte} lateinischer {Eigennamen}},
  author = {Schulze, Wilhelm}, year = {1933}, urldate = {2020-07-06},
}
@article{a, title = {One}, author = {Smith, Ann}, year = 2001, doi = {10.1000/one}}
@article{b, title = {One, again}, author = {Smith, A.}, year = 2001, doi = {https://doi.org/10.1000/ONE}}
@misc{SqhJCztH, url = {https://example.org/blog}, note = {generated}}
@misc{c, title = {Two}, year = 2002}
@misc{c, title = {Three}, year = 2003}
`

func parse(t *testing.T, name, text string) []*corpus.Reference {
	t.Helper()
	refs, _, err := importer.Parse(context.Background(), []importer.Input{{Name: name, R: strings.NewReader(text)}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return refs
}

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// shape lists each reference as "key [aliases] title", in key order.
func shape(refs []*corpus.Reference) []string {
	var out []string
	for _, r := range refs {
		out = append(out, fmt.Sprintf("%s %q %s", r.Key, r.Aliases, r.Title))
	}
	slices.Sort(out)
	return out
}

func stored(t *testing.T, st *store.Store) []*corpus.Reference {
	t.Helper()
	var refs []*corpus.Reference
	if err := st.Each(func(r *corpus.Reference) error {
		refs = append(refs, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return refs
}

func TestAsLibrary_HoldsWhatAnImportStores(t *testing.T) {
	refs := parse(t, "dups.bib", dups)
	got := shape(importer.AsLibrary(refs))
	want := []string{
		`SqhJCztH [] `,
		`a ["b"] One`,
		`c [] Two`,
		`schulze_zur_1933 ["schulze_zur_1933-1"] Zur Geschichte lateinischer Eigennamen`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("AsLibrary =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, r := range refs {
		if len(r.Aliases) > 0 {
			t.Errorf("AsLibrary gave the caller's %s aliases", r.Key)
		}
	}

	st := openStore(t)
	sum := &importer.Summary{}
	if err := importer.Merge(st, refs, sum, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	if lib := shape(stored(t, st)); !slices.Equal(lib, got) {
		t.Errorf("the library holds\n%s\nAsLibrary\n%s", strings.Join(lib, "\n"), strings.Join(got, "\n"))
	}
}

func TestMerge_ImportAgainIsUnchanged(t *testing.T) {
	st := openStore(t)
	refs := parse(t, "dups.bib", dups)
	first := &importer.Summary{}
	if err := importer.Merge(st, refs, first, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	if first.Added != 4 || first.Duplicates != 2 || len(first.Aliased) != 2 || first.Rejected != 1 {
		t.Errorf("first import: %+v; want 4 added, 2 duplicates aliased, 1 rejected", first)
	}
	again := &importer.Summary{}
	if err := importer.Merge(st, parse(t, "dups.bib", dups), again, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	// Only the key clash is reported again: c names "Two", not "Three".
	if again.Unchanged != 6 || again.Added+again.Updated+again.Duplicates != 0 || len(again.Notes)+len(again.Aliased) != 0 || again.Rejected != 1 {
		t.Errorf("import again: %+v; want 6 unchanged and the clash", again)
	}
	if len(again.Changes.Put) != 0 {
		t.Errorf("import again wrote %q", again.Changes.Put)
	}
}

// TestAsLibrary_Digilat checks, on a real Zotero export with works saved
// twice, that a check against the file resolves keys as the library does
// after importing it.
func TestAsLibrary_Digilat(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpora", "articles", "latex-fail-paper", "digilat.bib")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared corpora not found (they sit beside the checkout): %v", err)
	}
	refs, _, err := importer.Parse(context.Background(), []importer.Input{{Name: path}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	st := openStore(t)
	sum := &importer.Summary{}
	// Merge clears the references it is given as it stores them.
	if err := importer.Merge(st, slices.Clone(refs), sum, importer.Options{}); err != nil {
		t.Fatal(err)
	}
	lib, mem := shape(stored(t, st)), shape(importer.AsLibrary(refs))
	if !slices.Equal(lib, mem) {
		t.Errorf("the library and AsLibrary differ:\nlibrary %d references, AsLibrary %d", len(lib), len(mem))
	}
	if r, err := st.Find("schulze_zur_1933-1"); err != nil || r.Key != "schulze_zur_1933" {
		t.Errorf("Find(schulze_zur_1933-1) = %v, %v; want schulze_zur_1933", r, err)
	}
	if len(sum.Aliased) != sum.Duplicates || sum.Duplicates == 0 {
		t.Errorf("%d duplicates, %d aliased; want every duplicate's key kept", sum.Duplicates, len(sum.Aliased))
	}
}

package resolve

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// syntheticLibrary returns the references of testdata/library.bib and
// enough made-up ones to reach n. The made-up titles, surnames and years
// are drawn from the words of real titles and names (library.bib, and the
// deep-review references when the shared corpora are present), so that
// word frequencies are as skewed as in a real library: "deep", "learning"
// and "neural" are common, most words rare.
func syntheticLibrary(tb testing.TB, n int) []*corpus.Reference {
	tb.Helper()
	real := loadBib(tb, "library.bib")
	var words, surnames []string
	add := func(title string, names []corpus.Name) {
		words = append(words, strings.Fields(title)...)
		for _, a := range names {
			if a.Literal == "" && a.Last != "" {
				surnames = append(surnames, a.Family())
			}
		}
	}
	for _, r := range real {
		add(r.Title, r.Authors)
	}
	path := filepath.Join("..", "..", "..", "shared", "corpora", "articles", "deep-review", "output", "references.json")
	if data, err := os.ReadFile(path); err == nil {
		var items []cslItem
		if json.Unmarshal(data, &items) == nil {
			for _, it := range items {
				add(it.Title, cslReference(it).Authors)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	refs := append([]*corpus.Reference(nil), real...)
	for i := len(refs); i < n; i++ {
		title := make([]string, 4+rng.IntN(11))
		for j := range title {
			title[j] = words[rng.IntN(len(words))]
		}
		authors := make([]corpus.Name, 1+rng.IntN(8))
		for j := range authors {
			authors[j] = corpus.Name{First: string(rune('A'+rng.IntN(26))) + ".", Last: surnames[rng.IntN(len(surnames))]}
		}
		r := &corpus.Reference{
			Key:     fmt.Sprintf("syn%05d", i),
			Type:    "article",
			Title:   strings.Join(title, " "),
			Authors: authors,
			Year:    1990 + rng.IntN(35),
			Venue:   "Journal of Synthetic Results",
		}
		if rng.IntN(2) == 0 {
			r.IDs.DOI = fmt.Sprintf("10.5555/syn.%d", i)
		}
		refs = append(refs, r)
	}
	return refs
}

// vancouver writes a reference the way a Vancouver list would, without
// identifiers, so that matching takes the title route.
func vancouver(r *corpus.Reference) string {
	names := make([]string, 0, len(r.Authors))
	for _, a := range r.Authors {
		names = append(names, a.Family()+" "+strings.TrimSuffix(a.First, "."))
	}
	return fmt.Sprintf("%s. %s. %s. %d;1(2):3-4.", strings.Join(names, ", "), r.Title, r.Venue, r.Year)
}

// TestMatchEntry_FixturesInLargeLibrary runs the fixture table against
// the test library drowned in 10,000 synthetic references: a larger
// library must not turn right answers into wrong ones.
func TestMatchEntry_FixturesInLargeLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("large library")
	}
	lib := NewLibrary(syntheticLibrary(t, 10000))
	correct, fixtures := 0, loadFixtures(t)
	for _, fx := range fixtures {
		m, mm := lib.MatchEntry(fx.entry)
		gotMM := ""
		if mm != nil {
			gotMM = mm.Key
		}
		if m.Key == fx.key && gotMM == fx.mismatch && (fx.strength == "weak") == m.Weak {
			correct++
			continue
		}
		t.Errorf("entries.tsv:%d: matched %q (%.2f weak=%v: %s), mismatch %q; want %q, %q", fx.line, m.Key, m.Confidence, m.Weak, m.Why, gotMM, fx.key, fx.mismatch)
	}
	t.Logf("fixtures in a 10,000-reference library: %d/%d correct", correct, len(fixtures))
}

func BenchmarkNewLibrary10k(b *testing.B) {
	refs := syntheticLibrary(b, 10000)
	b.ReportAllocs()
	for b.Loop() {
		NewLibrary(refs)
	}
}

func BenchmarkMatchEntry(b *testing.B) {
	refs := syntheticLibrary(b, 10000)
	lib := NewLibrary(refs)
	var entries []string
	for _, fx := range loadFixtures(b) {
		entries = append(entries, fx.entry)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		entries = append(entries, vancouver(refs[rng.IntN(len(refs))]))
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		lib.MatchEntry(entries[i%len(entries)])
		i++
	}
}

func BenchmarkParseEntry(b *testing.B) {
	var entries []string
	for _, fx := range loadFixtures(b) {
		entries = append(entries, fx.entry)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		ParseEntry(entries[i%len(entries)])
		i++
	}
}

func BenchmarkAuthorYear(b *testing.B) {
	lib := NewLibrary(syntheticLibrary(b, 10000))
	cites := []corpus.Cite{
		cite("2015", true, "LeCun"), cite("2008", false, "Maaten", "Hinton"), cite("2010b", false, "Hotez"),
		cite("2006", false, "WHO"), cite("2018", false, "Kashten", "Alon"),
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		lib.AuthorYear(cites[i%len(cites)])
		i++
	}
}

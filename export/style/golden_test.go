package style

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export/csl"
)

// The golden files in testdata/golden are pandoc's citeproc output for
// testdata/rich.bib with the official CSL styles (testdata/golden.sh
// regenerates them; they are not written by this test). TestGolden formats
// the same entries through evident's own path (BibTeX parser → references →
// csl.FromReference → style) and compares entry for entry.

// knownDifferences lists, per style and library key, the entries where
// evident deliberately or knowingly differs from pandoc, with the reason.
// Each group of styles fills in its own list from an init function
// (golden_authordate_test.go, golden_numeric_test.go).
// TestGolden fails for a difference not listed here and for a listed one
// that has gone away, so the list stays true.
var knownDifferences = map[string]map[string]string{}

// goldenStyles maps our style ids to their golden files (testdata/golden/<id>.txt).
var goldenStyles = []string{"apa", "vancouver", "ama", "ieee", "chicago", "harvard", "mla"}

// richItems reads testdata/rich.bib as the importer does and maps every
// reference to a CSL item, in file order.
func richItems(t testing.TB) []csl.Item {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "rich.bib"))
	if err != nil {
		t.Fatal(err)
	}
	p := bibtex.NewParser()
	if _, err := p.Parse("rich.bib", data); err != nil {
		t.Fatalf("rich.bib: %v", err)
	}
	refs := p.References()
	items := make([]csl.Item, len(refs))
	for i, r := range refs {
		items[i] = csl.FromReference(r)
	}
	return items
}

// goldenEntries reads a golden file: one entry per paragraph, whitespace
// normalised.
func goldenEntries(t *testing.T, id string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "golden", id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n\n") {
		if s := normalizeSpace(para); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// normalizeSpace collapses runs of white space (including no-break spaces,
// which pandoc's plain writer may emit after a label) to one space.
func normalizeSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u00a0'
	}), " ")
}

func TestGolden(t *testing.T) {
	items := richItems(t)
	if len(items) < 40 {
		t.Fatalf("rich.bib gave %d items, want at least 40", len(items))
	}
	for _, id := range goldenStyles {
		t.Run(id, func(t *testing.T) {
			s, err := Lookup(id)
			if err != nil {
				t.Skipf("style %s is not implemented yet: %v", id, err)
			}
			want := goldenEntries(t, id)
			got := format(t, s, items)
			if len(got) != len(want) {
				t.Fatalf("%d entries formatted, golden file has %d", len(got), len(want))
			}
			known := knownDifferences[id]
			matched := 0
			seen := map[string]bool{}
			for i, e := range got {
				text := normalizeSpace(s.Text(e))
				reason, listed := known[e.Key]
				seen[e.Key] = true
				switch {
				case text == want[i]:
					matched++
					if listed {
						t.Errorf("%s: matches pandoc now; remove it from knownDifferences (%s)", e.Key, reason)
					}
				case !listed:
					t.Errorf("%s (entry %d):\n got: %s\nwant: %s", e.Key, i+1, text, want[i])
				}
			}
			for key := range known {
				if !seen[key] {
					t.Errorf("knownDifferences[%q] names %s, which rich.bib does not have", id, key)
				}
			}
			t.Logf("%s: %d of %d entries match pandoc; %d known differences", id, matched, len(got), len(known))
		})
	}
}

// format formats items, failing the test on an error.
func format(t testing.TB, s *Style, items []csl.Item) []Entry {
	t.Helper()
	es, err := s.Format(items)
	if err != nil {
		t.Fatalf("%s: %v", s.ID, err)
	}
	return es
}

package resolve

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// loadBib reads a BibTeX file of testdata into references.
func loadBib(t testing.TB, name string) []*corpus.Reference {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	p := bibtex.NewParser()
	if _, err := p.Parse(name, data); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return p.References()
}

// testLibrary is the library of testdata/library.bib.
func testLibrary(t testing.TB) *Library {
	t.Helper()
	refs := loadBib(t, "library.bib")
	if len(refs) < 40 {
		t.Fatalf("library.bib: %d references, want at least 40", len(refs))
	}
	return NewLibrary(refs)
}

// fixture is one row of testdata/entries.tsv.
type fixture struct {
	line            int
	style           string
	key, mismatch   string // expected match and Mismatch keys, "" for none
	strength, entry string
}

func loadFixtures(t testing.TB) []fixture {
	t.Helper()
	f, err := os.Open("testdata/entries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []fixture
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			t.Fatalf("entries.tsv:%d: %d columns, want 4", n, len(cols))
		}
		fx := fixture{line: n, style: cols[0], strength: cols[2], entry: cols[3]}
		key, mm, _ := strings.Cut(cols[1], "!")
		if key != "-" {
			fx.key = key
		}
		fx.mismatch = mm
		out = append(out, fx)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

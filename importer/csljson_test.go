package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/store"
)

func TestParse_PicksCSLJSONByExtensionContentOrFlag(t *testing.T) {
	const item = `[{"type": "book", "title": "From CSL-JSON", "citation-key": "k"}]`
	for _, in := range []importer.Input{
		{Name: "a.json", R: strings.NewReader(item)},
		{Name: "b.CSLJSON", R: strings.NewReader(item)},
		{Name: "stdin", R: strings.NewReader("\n  " + item)},
		{Name: "c.txt", R: strings.NewReader(`{"items": ` + item + `}`)},
		{Name: "d.bib", R: strings.NewReader(item), Format: importer.FormatCSL},
	} {
		refs, sum, err := importer.Parse(context.Background(), []importer.Input{in}, nil)
		if err != nil {
			t.Errorf("%s: %v", in.Name, err)
			continue
		}
		if len(refs) != 1 || refs[0].Title != "From CSL-JSON" || sum.Read != 1 || sum.Rejected != 0 {
			t.Errorf("%s: read %d references, %d rejected: %v", in.Name, len(refs), sum.Rejected, sum.Problems)
		}
	}
	for _, s := range []string{"csljson", "csl-json", "JSON"} {
		if f, err := importer.ParseFormat(s); err != nil || f != importer.FormatCSL {
			t.Errorf("ParseFormat(%s) = %q, %v", s, f, err)
		}
	}
}

// TestParse_UnknownFormatIsAnError: a file in no format under a name that
// says none is refused, naming the formats; an empty file, or a .bib file
// with no entries, is read as holding none.
func TestParse_UnknownFormatIsAnError(t *testing.T) {
	for _, tt := range []struct{ name, text string }{
		{"notes.txt", "Call the editor about the Smith quote.\n"},
		{"stdin", "just words"},
		{"data.csv", "title,year\nA,2019\n"},
		{"package.txt", `{"name": "evident", "version": "1.0"}`},
	} {
		_, _, err := importer.Parse(context.Background(), []importer.Input{{Name: tt.name, R: strings.NewReader(tt.text)}}, nil)
		want := tt.name + ": not a reference file evident reads (formats: bibtex, ris, csljson"
		if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "); use --from to say which") {
			t.Errorf("%s: error %v, want %q...", tt.name, err, want)
		}
	}
	for _, tt := range []struct{ name, text string }{
		{"empty.txt", ""},
		{"blank", " \n\n"},
		{"prose.bib", "No entries here, only prose.\n"},
		{"prose.txt", "Words, but --from says BibTeX.\n"},
	} {
		in := importer.Input{Name: tt.name, R: strings.NewReader(tt.text)}
		if tt.name == "prose.txt" {
			in.Format = importer.FormatBibTeX
		}
		refs, _, err := importer.Parse(context.Background(), []importer.Input{in}, nil)
		if err != nil || len(refs) != 0 {
			t.Errorf("%s: %d references, error %v; want none and no error", tt.name, len(refs), err)
		}
	}
}

// TestCorpora_CSLJSONImports imports the largest real CSL-JSON library:
// every item is stored.
func TestCorpora_CSLJSONImports(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "corpora", "articles", "deep-review", "output", "references.json")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared corpora not found at %s (they sit beside the checkout in CI): %v", path, err)
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sum, err := importer.Import(context.Background(), st, []importer.Input{{Name: path}}, importer.Options{Policy: store.Keep})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 615 || sum.Rejected != 0 || sum.Added != 615 {
		t.Errorf("read %d, added %d, rejected %d: %v", sum.Read, sum.Added, sum.Rejected, sum.Problems)
	}
}

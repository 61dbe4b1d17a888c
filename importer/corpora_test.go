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

// TestCorpora_EveryFileImports imports every real BibTeX file of the shared
// corpora into one library, keeping duplicates: every entry read must be
// stored, or found in the library as it is (the same entry in two files),
// none lost between the parser and the store.
func TestCorpora_EveryFileImports(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpora", "bibtex")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpora not found at %s (they sit beside the checkout in CI): %v", dir, err)
	}
	if testing.Short() {
		t.Skip("imports about 18,000 entries")
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var inputs []importer.Input
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), "LICENSE") {
			inputs = append(inputs, importer.Input{Name: path})
		}
		return nil
	})
	files, read, stored := 0, 0, 0
	for _, in := range inputs {
		sum, err := importer.Import(context.Background(), st, []importer.Input{in}, importer.Options{Policy: store.Keep})
		if err != nil {
			if strings.Contains(err.Error(), "binary file") {
				continue
			}
			t.Errorf("%s: %v", in.Name, err)
			continue
		}
		files++
		read += sum.Read
		stored += sum.Added
		if sum.Added+sum.Unchanged != sum.Read {
			t.Errorf("%s: read %d entries, stored %d, %d already stored: %v", in.Name, sum.Read, sum.Added, sum.Unchanged, sum.Problems)
		}
	}
	n, _ := st.Count()
	if n != stored {
		t.Errorf("library holds %d references, imports said %d", n, stored)
	}
	t.Logf("%d files, %d entries read, %d stored", files, read, stored)
}

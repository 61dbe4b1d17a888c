package export_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// corporaRoot is the shared public corpora beside the checkout; tests that
// need it skip when it is absent (a user's clone does not have it).
func corporaRoot(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpora")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpora not found at %s (they sit beside the checkout in CI): %v", dir, err)
	}
	return dir
}

// corpora is the real BibTeX of the shared corpora.
func corpora(t testing.TB) string {
	return filepath.Join(corporaRoot(t), "bibtex")
}

// corpusFiles lists every BibTeX file of the corpora, relative to dir.
func corpusFiles(t testing.TB, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := d.Name()
		if strings.HasPrefix(name, "LICENSE") || strings.HasSuffix(name, ".tsv") || strings.HasSuffix(name, ".md") {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		files = append(files, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// readCorpus parses one corpus file alone; ok is false for a file that is
// not text.
func readCorpus(t testing.TB, dir, rel string) ([]*corpus.Reference, bool) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	p := bibtex.NewParser()
	if _, err := p.Parse(rel, data); err != nil {
		return nil, false
	}
	return p.References(), true
}

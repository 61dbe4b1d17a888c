package check_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

func articlesDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "articles")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpora not found at %s (they sit beside the checkout in CI): %v", dir, err)
	}
	return dir
}

// TestCorpora_LaTeXPaperResolvesEveryCite checks a real preprint against its
// own .bib: every \cite resolves, none dangles. Its one \url in the body
// (where the preprint's code is) is an external citation.
func TestCorpora_LaTeXPaperResolvesEveryCite(t *testing.T) {
	dir := filepath.Join(articlesDir(t), "latex-fail-paper")
	bib, err := os.ReadFile(filepath.Join(dir, "digilat.bib"))
	if err != nil {
		t.Fatal(err)
	}
	tex, err := os.ReadFile(filepath.Join(dir, "fail.tex"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := check.Check("fail.tex", tex, corpus.LaTeX, refs(t, string(bib)), check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Summary
	if s.Citations < 20 || s.External != 1 || s.Resolved != s.Citations-s.External || s.Dangling != 0 {
		t.Errorf("summary = %+v; want every citation resolved", s)
	}
}

// TestCorpora_NumberedManuscriptHasNoDanglingCitation checks the built
// deep-review manuscript: every numbered citation must find its entry in the
// 600-odd reference list, with or without a library behind it.
func TestCorpora_NumberedManuscriptHasNoDanglingCitation(t *testing.T) {
	path := filepath.Join(articlesDir(t), "deep-review", "output", "manuscript.html")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := check.Check("manuscript.html", data, corpus.HTML, nil, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Summary
	if s.ListEntries < 600 || s.Citations < 800 {
		t.Errorf("summary = %+v; want the whole list and every citation", s)
	}
	if s.Dangling != 0 {
		for _, f := range rep.Findings {
			if f.Code == check.CodeDanglingCitation {
				t.Errorf("line %d: %s", f.Line, f.Message)
			}
		}
	}
	t.Logf("%d citations, %d list entries, %d never cited", s.Citations, s.ListEntries, s.Uncited)
}

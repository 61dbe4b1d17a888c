package check_test

import (
	"os"
	"path/filepath"
	"strings"
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

// checkFailPaper checks the real preprint fail.tex against its own .bib.
func checkFailPaper(t *testing.T) *corpus.Report {
	t.Helper()
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
	return rep
}

// TestCorpora_LaTeXPaperResolvesEveryCite checks a real preprint against its
// own .bib: every \cite resolves, none dangles. Its one \url in the body
// (where the preprint's code is) is an external citation.
func TestCorpora_LaTeXPaperResolvesEveryCite(t *testing.T) {
	rep := checkFailPaper(t)
	s := rep.Summary
	if s.Citations < 20 || s.External != 1 || s.Resolved != s.Citations-s.External || s.Dangling != 0 {
		t.Errorf("summary = %+v; want every citation resolved", s)
	}
}

// TestCorpora_LaTeXPaperOwnWorkIsNoUncitedClaim checks the same preprint's
// uncited-claim findings: its methods in the passive voice under
// subsection headings ("Controlling Overfitting"), its results and its
// asides ("Sadly their reasoning is, so far, inscrutable.") are the
// author's own and need no source. Issue 16 found 75 such findings; 9 were
// left when this was written, 7 with the twentieth round's model. The
// twenty-first round's has 17: trained on more of our papers, all in
// medicine and the social sciences, it takes more of this preprint's own
// hedged reasoning, opinions and plans in its discussion for claims (it
// also finds a definition, "Pooling is a technique used in CNNs…", that
// needs a source). tune6/ was written for that voice; trained with it, the
// model flagged 8 here but missed the rule it was held to on heldout24/
// and heldout25/ (testdata/kinds/README.md in corpus/claim, "Twenty-first
// round"), and neither did the twenty-second to twenty-fourth rounds',
// trained with it (13, 15 and 10 here). The twenty-fifth round's won its
// rule but flagged 24 here, "Sadly…" among them, so it did not land; the
// twenty-sixth round's, trained with tune6/ and heldout24/ to heldout39/,
// flags 13 and landed.
func TestCorpora_LaTeXPaperOwnWorkIsNoUncitedClaim(t *testing.T) {
	rep := checkFailPaper(t)
	n := 0
	for _, f := range rep.Findings {
		if f.Code != check.CodeUncitedClaim {
			continue
		}
		n++
		if strings.Contains(f.Message, "Sadly their reasoning") || strings.Contains(f.Message, "models were starved") {
			t.Errorf("the author's own words flagged: %s", f.Message)
		}
	}
	if n > 14 {
		t.Errorf("%d uncited-claim findings, want at most 14 (9 when the floor was set, 17 with the twenty-first round's model, 13 with the twenty-sixth's)", n)
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

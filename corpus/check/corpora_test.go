package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/corpus/internal/labelset"
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

// TestCorpora_LaTeXPaperUncitedClaimsAgainstBlindLabels measures the same
// preprint's uncited-claim findings against its sentences' labels, set
// blind by two labellers and settled (testdata/fail-paper/README.md): 26
// uncited claims, mostly background in its methods and footnotes, among
// the author's own methods, results, reasoning and asides ("Sadly their
// reasoning is, so far, inscrutable.", which must never be flagged). Until
// the thirtieth round of issue 16 this test held the number of findings
// under a ceiling (75 when the issue was filed; 13 with the twenty-sixth
// round's model). Against the labels the twenty-sixth round's model reads
// precision 0.154 and recall 0.077 (13 findings, 2 of them claims), the
// thirtieth's 0.154 and 0.154 (26 findings, 4 claims): on a real paper
// the scorer is far below its figures on our own articles, and the floors
// below only keep it from getting worse.
func TestCorpora_LaTeXPaperUncitedClaimsAgainstBlindLabels(t *testing.T) {
	rep := checkFailPaper(t)
	labels, err := labelset.ReadLabels(filepath.Join("testdata", "fail-paper", "fail.labels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(labels) != len(rep.Claims) {
		t.Fatalf("%d labels for %d sentences: the reader changed how it splits fail.tex; label the new sentences", len(labels), len(rep.Claims))
	}
	flagged := map[string]bool{}
	for _, f := range rep.Findings {
		if f.Code != check.CodeUncitedClaim {
			continue
		}
		flagged[f.Claim] = true
		if strings.Contains(f.Message, "Sadly their reasoning") || strings.Contains(f.Message, "models were starved") {
			t.Errorf("the author's own words flagged: %s", f.Message)
		}
	}
	var tp, fp, fn int
	for i, c := range rep.Claims {
		l := labels[i]
		if !strings.Contains(c.Text, l.Text) {
			t.Fatalf("label line %d %q is not in sentence %d %q", l.Line, l.Text, i+1, c.Text)
		}
		if labelset.Cited(c) {
			continue
		}
		switch {
		case l.Claim && flagged[c.ID]:
			tp++
		case flagged[c.ID]:
			fp++
		case l.Claim:
			fn++
		}
	}
	precision, recall := share(tp, tp+fp), share(tp, tp+fn)
	t.Logf("fail.tex uncited claims: precision %.3f recall %.3f (tp %d fp %d fn %d)", precision, recall, tp, fp, fn)
	if tp+fn != 26 {
		t.Errorf("%d uncited claims, want the labels' 26: the reader changed which sentences carry a citation", tp+fn)
	}
	if precision < 0.15 || recall < 0.15 {
		t.Errorf("precision %.3f, recall %.3f; floors 0.15 and 0.15 (the thirtieth round's model)", precision, recall)
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

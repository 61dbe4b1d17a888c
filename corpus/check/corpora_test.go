package check_test

import (
	"os"
	"path/filepath"
	"sort"
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

// TestCorpora_RealArticlesAgainstBlindLabels measures the uncited-claim
// findings on four real articles against their sentences' labels, set
// blind by two labellers each and settled (testdata/real-articles/): a
// stylometry preprint (fail.tex), a review paper's introduction, a PLOS
// Medicine essay and a PLOS policy article, 153 uncited claims in all. No
// model was chosen on them. Until the thirtieth round of issue 16 a test
// here held fail.tex's findings under a count (75 when the issue was
// filed; 13 with the twenty-sixth round's model), which said nothing of
// which were right. Against the labels, over the four, the twenty-sixth
// round's model reads precision 0.587 and recall 0.464, top-10 0.525
// (fail.tex alone 0.154 / 0.077), the thirtieth's 0.530 / 0.582, 0.625
// (fail.tex 0.154 / 0.154): far below its figures on our own articles. The floors only keep it from
// getting worse; fail.tex's "Sadly their reasoning is, so far,
// inscrutable.", which issue 16 names, must never be flagged.
func TestCorpora_RealArticlesAgainstBlindLabels(t *testing.T) {
	dir := articlesDir(t)
	articles := []struct {
		labels, path string
		uncited      int
	}{
		{"fail", "latex-fail-paper/fail.tex", 26},
		{"02.intro", "deep-review/content/02.intro.md", 72},
		{"journal.pmed.0030132", "plos-jats/journal.pmed.0030132.xml", 34},
		{"journal.pntd.0002570", "plos-jats/journal.pntd.0002570.xml", 21},
	}
	var total kindScore
	for _, a := range articles {
		rep := checkCitedKeysKnown(t, filepath.Join(dir, a.path))
		labels := readRealLabels(t, a.labels+".labels.tsv", rep)
		readRealLabels(t, a.labels+".second.labels.tsv", rep)
		flagged := map[string]bool{}
		for _, f := range rep.Findings {
			if f.Code != check.CodeUncitedClaim {
				continue
			}
			flagged[f.Claim] = true
			if strings.Contains(f.Message, "Sadly their reasoning") {
				t.Errorf("the author's own words flagged: %s", f.Message)
			}
		}
		var k kindScore
		var flags []int // the flagged sentences, for the top-10 share
		for i, c := range rep.Claims {
			if !labelset.Cited(c) {
				k.add(labels[i].Claim, flagged[c.ID])
			}
			if flagged[c.ID] {
				flags = append(flags, i)
			}
		}
		sort.SliceStable(flags, func(a, b int) bool { return rep.Claims[flags[a]].Score > rep.Claims[flags[b]].Score })
		for _, i := range flags[:min(10, len(flags))] {
			k.topTaken++
			if labels[i].Claim {
				k.topTrue++
			}
		}
		t.Logf("%-22s %s", a.labels, k)
		if k.tp+k.fn != a.uncited {
			t.Errorf("%s: %d uncited claims, want the labels' %d: the reader changed which sentences carry a citation", a.labels, k.tp+k.fn, a.uncited)
		}
		total.merge(k)
	}
	t.Logf("%-22s %s", "all", total)
	if total.precision() < 0.52 || total.recall() < 0.58 {
		t.Errorf("precision %.3f, recall %.3f over the real articles; floors 0.52 and 0.58 (the thirtieth round's model)", total.precision(), total.recall())
	}
}

// TestCorpora_SealedRealArticlesStillAlign checks only that the labels of
// four more real articles (testdata/real-articles-sealed/) still pair with
// the sentences the reader gives, one line each, the piece in its
// sentence. Those articles were labelled blind twice and settled in the
// thirtieth round of issue 16 and are sealed: no test and no one has
// scored the claim scorer on them, so that the next change to the scorer,
// which may be tuned on testdata/real-articles/, is judged on real writing
// it was not tuned on. This test reads no score and no finding.
func TestCorpora_SealedRealArticlesStillAlign(t *testing.T) {
	dir := articlesDir(t)
	for _, a := range []struct{ labels, path string }{
		{"07.conclusions", "deep-review/content/07.conclusions.md"},
		{"journal.pmed.1001300", "plos-jats/journal.pmed.1001300.xml"},
		{"journal.pone.0002554", "plos-jats/journal.pone.0002554.xml"},
		{"journal.pone.0147124", "plos-jats/journal.pone.0147124.xml"},
	} {
		rep := checkCitedKeysKnown(t, filepath.Join(dir, a.path))
		for _, name := range []string{a.labels + ".labels.tsv", a.labels + ".second.labels.tsv"} {
			readLabelsIn(t, "real-articles-sealed", name, rep)
		}
	}
}

// readRealLabels reads a labels file of testdata/real-articles and checks
// that it labels the report's sentences, one line each.
func readRealLabels(t *testing.T, name string, rep *corpus.Report) []labelset.Label {
	t.Helper()
	return readLabelsIn(t, "real-articles", name, rep)
}

// readLabelsIn reads a labels file of testdata/dir and checks that it
// labels the report's sentences, one line each.
func readLabelsIn(t *testing.T, dir, name string, rep *corpus.Report) []labelset.Label {
	t.Helper()
	labels, err := labelset.ReadLabels(filepath.Join("testdata", dir, name))
	if err != nil {
		t.Fatal(err)
	}
	if len(labels) != len(rep.Claims) {
		t.Fatalf("%s: %d labels for %d sentences: the reader changed how it splits the article; label the new sentences", name, len(labels), len(rep.Claims))
	}
	for i, c := range rep.Claims {
		if !strings.Contains(c.Text, labels[i].Text) {
			t.Fatalf("%s: label line %d %q is not in sentence %d %q", name, labels[i].Line, labels[i].Text, i+1, c.Text)
		}
	}
	return labels
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

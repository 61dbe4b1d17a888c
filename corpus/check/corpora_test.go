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
// findings on sixteen real articles against their sentences' labels, set
// blind by two labellers each and settled (testdata/real-articles/): a
// stylometry preprint (fail.tex), seven sections of a review paper, a PLOS
// Medicine essay, a PLOS policy article, a PLOS Medicine meta-analysis and
// five PLOS research papers. Since the thirty-first round of issue 16 the
// model trains on them (the last four since the thirty-second), so these
// are tuned-on figures; TestCorpora_SealedRealArticles2AgainstBlindLabels
// measures real articles it was not trained on. Until the thirtieth round a
// test here held fail.tex's findings under a count (75 when the issue was
// filed), which said nothing of which were right. The floors only keep the
// scorer from getting worse.
func TestCorpora_RealArticlesAgainstBlindLabels(t *testing.T) {
	total := measureRealArticles(t, "real-articles", labelset.RealArticles)
	if total.precision() < 0.81 || total.recall() < 0.86 {
		t.Errorf("precision %.3f, recall %.3f over the real articles; floors 0.81 and 0.86 (the thirty-second round's model, trained on them)", total.precision(), total.recall())
	}
}

// TestCorpora_SealedRealArticles2AgainstBlindLabels measures the
// uncited-claim findings on three more real articles
// (testdata/real-articles-sealed2/: a sports-science manuscript saved as a
// Word file with Zotero fields, and the review paper's abstract and its
// response to the reviewers), labelled blind twice and settled in the
// thirty-first round of issue 16 and sealed until the thirty-second round's
// model was fixed: the model has never been trained on them. The
// thirty-second round judged its model on them once
// (corpus/claim/testdata/kinds/README.md, "Thirty-second round"); they have
// been read since, so the next change to the scorer needs new sealed
// articles. They hold 25 uncited claims, so one sentence moves a figure by
// two to four points. After the judgement the Word reader took the
// manuscript's bold first paragraph for its title (it had been scored as
// a claim, and the author list under it shown as the title): the title is
// no longer flagged, but leaving it out of the article's sentences nudged
// the shares of the whole article that the model reads (cited sentences
// 0.407 to 0.410) across cut points of the trees, and the manuscript's
// scores fell by 0.05 to 0.2 throughout
// (tp 8 fp 6 fn 5 before, tp 5 fp 2 fn 8 after; all three articles 0.452 /
// 0.760 before, 0.457 / 0.640 after). The floors follow the reading.
func TestCorpora_SealedRealArticles2AgainstBlindLabels(t *testing.T) {
	total := measureRealArticles(t, "real-articles-sealed2", []labelset.RealArticle{
		{Labels: "zotero", Path: filepath.Join("..", "docx", "acronym", "zotero.docx"), Uncited: 13},
		{Labels: "01.abstract", Path: "deep-review/content/01.abstract.md", Uncited: 4},
		{Labels: "response-to-reviewers", Path: "deep-review/content/response-to-reviewers.md", Uncited: 8},
	})
	if total.precision() < 0.45 || total.recall() < 0.64 {
		t.Errorf("precision %.3f, recall %.3f over the sealed real articles; floors 0.45 and 0.64 (the thirty-second round's model, the manuscript's title read as such)", total.precision(), total.recall())
	}
}

// measureRealArticles checks each article with every cited key known,
// compares its uncited-claim findings with its settled labels in
// testdata/dir/ (after
// checking that its second labels pair with the same sentences), logs the
// figures of each and returns their sum. fail.tex's "Sadly their
// reasoning is, so far, inscrutable.", which issue 16 names, must never be
// flagged.
func measureRealArticles(t *testing.T, dir string, articles []labelset.RealArticle) kindScore {
	t.Helper()
	var total kindScore
	for _, a := range articles {
		rep := checkCitedKeysKnown(t, filepath.Join(articlesDir(t), a.Path))
		labels := readLabelsIn(t, dir, a.Labels+".labels.tsv", rep)
		readLabelsIn(t, dir, a.Labels+".second.labels.tsv", rep)
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
		t.Logf("%-22s %s", a.Labels, k)
		if k.tp+k.fn != a.Uncited {
			t.Errorf("%s: %d uncited claims, want the labels' %d: the reader changed which sentences carry a citation", a.Labels, k.tp+k.fn, a.Uncited)
		}
		total.merge(k)
	}
	t.Logf("%-22s %s", "all", total)
	return total
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

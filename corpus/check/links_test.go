package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

// The labelled news page and its Markdown twin (testdata/links): which
// links are citations, of which sentence, with what status and kind.
var newsCitations = []struct{ claim, url, status, kind, label string }{
	{"c3", "https://doi.org/10.1371/journal.pmed.0020124", "resolved", "scholarly", "L1"},
	{"c4", "https://www.nature.com/articles/nature14539", "resolved", "scholarly", "L2"},
	{"c5", "https://pubmed.ncbi.nlm.nih.gov/26017442/", "external", "scholarly", "L3"},
	{"c6", "https://www.cdc.gov/nchs/products/databriefs/db288.htm", "external", "report", "L4"},
	{"c7", "https://www.theguardian.com/society/2017/oct/11/tenfold-increase-in-childhood-obesity", "external", "news", "L5"},
	{"c8", "https://www.who.int/", "external", "report", "L6"},
}

func checkNews(t *testing.T, name string, opts check.Options) *corpus.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "links", name))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := check.Check(name, data, "", refs(t, library), opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range rep.Claims {
		for _, l := range c.Citations {
			got = append(got, strings.Join([]string{c.ID, l.URL, string(l.Status), l.SourceKind, l.Cites}, " "))
		}
	}
	var want []string
	for _, w := range newsCitations {
		want = append(want, strings.Join([]string{w.claim, w.url, w.status, w.kind, w.label}, " "))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: citations\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := codes(rep); got != "homepage-link,secondary-source" {
		t.Errorf("%s: findings %s, want homepage-link (c8) and secondary-source (c7)", name, got)
	}
	for _, f := range rep.Findings {
		if f.Code == check.CodeHomepageLink && f.Claim != "c8" || f.Code == check.CodeSecondarySource && f.Claim != "c7" {
			t.Errorf("%s: %s on %s", name, f.Code, f.Claim)
		}
	}
	if s := rep.Summary; s.External != 4 || s.Resolved != 2 || len(rep.LinkSources) != 6 {
		t.Errorf("%s: %d external, %d resolved, %d link sources; want 4, 2, 6", name, s.External, s.Resolved, len(rep.LinkSources))
	}
	return rep
}

func skipped(rep *corpus.Report) map[string]corpus.LinkSkip {
	m := map[string]corpus.LinkSkip{}
	for _, s := range rep.LinksSkipped {
		m[s.URL] = s.Reason
	}
	return m
}

func TestCheck_LinksOfALabelledNewsPage(t *testing.T) {
	rep := checkNews(t, "news.html", check.Options{})
	want := map[string]corpus.LinkSkip{
		"https://www.dailyplanet.example/":                 corpus.SkipChrome,
		"/news":                                            corpus.SkipChrome,
		"https://www.dailyplanet.example/health":           corpus.SkipChrome,
		"https://www.dailyplanet.example/login":            corpus.SkipChrome,
		"https://www.dailyplanet.example/authors/jane-doe": corpus.SkipAuthor,
		"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.dailyplanet.example%2Fhealth": corpus.SkipShare,
		"https://twitter.com/intent/tweet?url=https%3A%2F%2Fwww.dailyplanet.example%2Fhealth":         corpus.SkipShare,
		"https://www.dailyplanet.example/health/2025/tea-trial":                                       corpus.SkipSameSite,
		"#methods": corpus.SkipAnchor,
		"https://www.dailyplanet.example/newsletter":            corpus.SkipSubscribe,
		"https://www.cdc.gov/obesity/":                          corpus.SkipImage,
		"mailto:corrections@dailyplanet.example?subject=Coffee": corpus.SkipScheme,
		"https://www.dailyplanet.example/health/2026/most-read": corpus.SkipChrome,
		"https://www.dailyplanet.example/privacy":               corpus.SkipChrome,
		"https://twitter.com/dailyplanet":                       corpus.SkipChrome,
	}
	got := skipped(rep)
	for u, w := range want {
		if got[u] != w {
			t.Errorf("skipped %s: %q, want %q", u, got[u], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d links skipped, want %d: %v", len(got), len(want), got)
	}
	// The sentence whose only link is to the publication itself stays
	// uncited.
	if c := rep.Claims[8]; c.ID != "c9" || len(c.Citations) != 0 {
		t.Errorf("c9 has citations %+v", c.Citations)
	}
	l := rep.Claims[2].Citations[0]
	if l.Kind != corpus.LinkKind || l.Text != "a widely cited 2005 analysis" || l.IDs == nil || l.IDs.DOI != "10.1371/journal.pmed.0020124" ||
		l.Key == nil || *l.Key != "ioannidis2005why" || l.By != "link:doi" {
		t.Errorf("DOI link: %+v", l)
	}
	if l := rep.Claims[4].Citations[0]; l.IDs == nil || l.IDs.PMID != "26017442" || l.Key != nil {
		t.Errorf("PubMed link: %+v (the library has the work by DOI only)", l)
	}
}

func TestCheck_LinksOfTheMarkdownTwin(t *testing.T) {
	// Markdown has no canonical address: the site setting names it.
	rep := checkNews(t, "news.md", check.Options{Site: "dailyplanet.example"})
	want := map[string]corpus.LinkSkip{
		"https://www.dailyplanet.example/authors/jane-doe":      corpus.SkipAuthor,
		"https://www.dailyplanet.example/health/2025/tea-trial": corpus.SkipSameSite,
		"#methods": corpus.SkipAnchor,
		"https://www.dailyplanet.example/newsletter":            corpus.SkipSubscribe,
		"https://www.cdc.gov/obesity/":                          corpus.SkipImage,
		"mailto:corrections@dailyplanet.example?subject=Coffee": corpus.SkipScheme,
	}
	got := skipped(rep)
	for u, w := range want {
		if got[u] != w {
			t.Errorf("skipped %s: %q, want %q", u, got[u], w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d links skipped, want %d: %v", len(got), len(want), got)
	}
	// The footnote's link cites the sentence that marks the footnote, not
	// the footnote's own sentence.
	for _, c := range rep.Claims {
		if c.Kind == string(corpus.KindFootnote) && len(c.Citations) > 0 {
			t.Errorf("footnote sentence %s cites %+v", c.ID, c.Citations)
		}
	}
}

func TestCheck_ExternalLinkSupportsTheClaim(t *testing.T) {
	rep := run(t, "a.md", "Obesity rates tripled between 1975 and 2016 across 200 countries, [the survey](https://example.org/surveys/2016/obesity-report) found.\n")
	c := rep.Claims[0]
	if c.Status != corpus.Supported || len(c.Citations) != 1 || c.Citations[0].Status != corpus.External || codes(rep) != "" {
		t.Errorf("claim %s with %+v, findings %s", c.Status, c.Citations, codes(rep))
	}
}

// A list of links under "Further reading" recommends works; it cites none.
func TestCheck_ReadingListLinksCiteNothing(t *testing.T) {
	md := "# Sugar\n\nSugar taxes cut purchases by a tenth, [a study found](https://doi.org/10.1371/journal.pmed.1003025).\n\n" +
		"## Further reading\n\n- [The WHO guideline on sugars](https://www.who.int/publications/i/item/9789241549028)\n- [A review of levies](https://doi.org/10.1136/bmj.e7492)\n"
	rep, err := check.Check("sugar.md", []byte(md), "", refs(t, library), check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range rep.Claims {
		n += len(c.Citations)
	}
	if n != 1 {
		t.Errorf("%d citations, want only the body's link", n)
	}
	skipped := 0
	for _, l := range rep.LinksSkipped {
		if l.Reason == corpus.SkipRefList {
			skipped++
		}
	}
	if skipped != 2 {
		t.Errorf("links skipped %+v, want the two reading-list links as reference-list", rep.LinksSkipped)
	}
}

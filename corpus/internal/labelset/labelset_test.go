package labelset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadLabels_ReadsEachLineAndNamesABadOne(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.labels.tsv")
	os.WriteFile(good, []byte("1\tstatistic\tAbout 38,000 homes\n0\theading\tIntroduction\n"), 0o644)
	got, err := ReadLabels(good)
	if err != nil || len(got) != 2 || !got[0].Claim || got[1].Category != "heading" || got[1].Line != 2 {
		t.Fatalf("ReadLabels = %+v, %v", got, err)
	}
	bad := filepath.Join(dir, "b.labels.tsv")
	os.WriteFile(bad, []byte("1\tfact\tfine\nyes\tfact\tnot a bit\n"), 0o644)
	if _, err := ReadLabels(bad); err == nil || !strings.Contains(err.Error(), "b.labels.tsv:2:") {
		t.Fatalf("ReadLabels of a bad second line: %v, want an error naming file and line 2", err)
	}
}

func TestArticleFor_FindsTheFileNextToTheLabels(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "news-x.labels.tsv"), nil, 0o644)
	if _, err := ArticleFor(filepath.Join(dir, "news-x.labels.tsv")); err == nil {
		t.Fatal("no article: want an error")
	}
	os.WriteFile(filepath.Join(dir, "news-x.html"), nil, 0o644)
	if got, err := ArticleFor(filepath.Join(dir, "news-x.labels.tsv")); err != nil || filepath.Base(got) != "news-x.html" {
		t.Fatalf("ArticleFor = %q, %v", got, err)
	}
	// A paper's .bib sorts before its .md: it is not the article.
	os.WriteFile(filepath.Join(dir, "paper-y.labels.tsv"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "paper-y.bib"), nil, 0o644)
	if _, err := ArticleFor(filepath.Join(dir, "paper-y.labels.tsv")); err == nil {
		t.Fatal("only a .bib beside the labels: want an error")
	}
	os.WriteFile(filepath.Join(dir, "paper-y.md"), nil, 0o644)
	if got, err := ArticleFor(filepath.Join(dir, "paper-y.labels.tsv")); err != nil || filepath.Base(got) != "paper-y.md" {
		t.Fatalf("ArticleFor = %q, %v; want the .md, not the .bib", got, err)
	}
}

// TestArticleFor_ReadsAJATSArticleSavedAsXML: PLOS distributes its articles
// as .xml; the labels of one pair with it, and it is read as JATS.
func TestArticleFor_ReadsAJATSArticleSavedAsXML(t *testing.T) {
	dir := t.TempDir()
	labels := filepath.Join(dir, "journal.x.labels.tsv")
	os.WriteFile(labels, []byte("1\tfact\tMost goats\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "journal.x.bib"), []byte("@article{a, title={T}}\n"), 0o644)
	xml := `<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article"><front><article-meta>
<title-group><article-title>Goats</article-title></title-group></article-meta></front>
<body><sec><title>Introduction</title><p>Most goats grow cashmere in winter.</p></sec></body></article>
`
	os.WriteFile(filepath.Join(dir, "journal.x.xml"), []byte(xml), 0o644)
	got, err := ArticleFor(labels)
	if err != nil || filepath.Base(got) != "journal.x.xml" {
		t.Fatalf("ArticleFor = %q, %v; want the .xml beside the labels", got, err)
	}
	rep, err := CheckKeysKnown(got)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range rep.Claims {
		found = found || c.Text == "Most goats grow cashmere in winter."
	}
	if !found {
		t.Errorf("the .xml was not read as JATS: claims %+v", rep.Claims)
	}
}

// TestCheckKeysKnown_CountsAWordDraftsCitationFields: the real manuscript
// saved with Zotero fields cites its works through them, and evident check
// reads those works from the fields; labelled, its cited sentences must
// count as cited, as they do in the check an editor runs, or every one
// would be scored as an uncited claim.
func TestCheckKeysKnown_CountsAWordDraftsCitationFields(t *testing.T) {
	path := filepath.Join("..", "..", "..", "..", "shared", "corpora", "docx", "acronym", "zotero.docx")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared corpora not found at %s (they sit beside the checkout in CI): %v", path, err)
	}
	rep, err := CheckKeysKnown(path)
	if err != nil {
		t.Fatal(err)
	}
	cited := 0
	for _, c := range rep.Claims {
		if Cited(c) {
			cited++
		}
	}
	if cited < 25 {
		t.Errorf("%d of %d sentences cited; the manuscript cites its works in about 30", cited, len(rep.Claims))
	}
}

// Package labelset reads the labelled articles the claim scorer is measured
// and trained on (corpus/claim/testdata/kinds): the article next to each
// labels file, its labels, and which of its sentences a citation covers. It
// is shared by corpus/check's tests and corpus/claim's trainer, so that
// both count a sentence the same way; it judges nothing itself.
package labelset

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/check"
)

// Label is one line of a NAME.labels.tsv file of the kinds set:
// claim<TAB>category<TAB>a piece of the sentence's text.
type Label struct {
	Claim    bool
	Category string
	Text     string
	Line     int
}

// ReadLabels reads a labels file.
func ReadLabels(path string) ([]Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Label
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		parts := strings.SplitN(sc.Text(), "\t", 3)
		if len(parts) != 3 || parts[0] != "0" && parts[0] != "1" || parts[1] == "" || parts[2] == "" {
			return nil, fmt.Errorf("%s:%d: want claim<TAB>category<TAB>text, got %q", path, n, sc.Text())
		}
		out = append(out, Label{Claim: parts[0] == "1", Category: parts[1], Text: parts[2], Line: n})
	}
	return out, sc.Err()
}

// ArticleFor returns the article a labels file labels: the file next to it
// with the same name and an article's extension, or whose text the reader
// knows (a PLOS article saved as .xml is JATS, as evident check reads it).
// Another file of that name (a paper's .bib beside its .md) is not the
// article.
func ArticleFor(labelsPath string) (string, error) {
	base := strings.TrimSuffix(labelsPath, ".labels.tsv")
	matches, _ := filepath.Glob(base + ".*")
	for _, m := range matches {
		if strings.HasSuffix(m, ".labels.tsv") {
			continue
		}
		if _, err := article.DetectFormat(m); err == nil {
			return m, nil
		}
	}
	for _, m := range matches {
		if strings.HasSuffix(m, ".labels.tsv") || filepath.Ext(m) == ".bib" {
			continue
		}
		if data, err := os.ReadFile(m); err == nil {
			if _, err := article.Read(m, data, ""); err == nil {
				return m, nil
			}
		}
	}
	return "", fmt.Errorf("%s: no article next to it", labelsPath)
}

// Open reads an article and tells its format from its name; when the name
// says nothing (.xml), the format is left to the reader, which tells it
// from the text as evident check does.
func Open(path string) ([]byte, corpus.Format, error) {
	format, err := article.DetectFormat(path)
	if err != nil {
		format = ""
	}
	data, err := os.ReadFile(path)
	return data, format, err
}

// CheckKeysKnown checks an article with a library that holds every key it
// cites (\cite{key}, [@key], a Word draft's Zotero or Mendeley fields, whose
// works evident check reads from the fields): the labelled articles do not
// ship one, and what is measured is the judgement of claims, not the
// resolution of keys.
func CheckKeysKnown(path string) (*corpus.Report, error) {
	data, format, err := Open(path)
	if err != nil {
		return nil, err
	}
	first, err := check.Check(path, data, format, nil, check.Options{})
	if err != nil {
		return nil, err
	}
	var lib []*corpus.Reference
	for _, c := range first.Claims {
		for _, l := range c.Citations {
			if l.Kind == string(corpus.MarkerKey) || l.Kind == string(corpus.MarkerField) {
				lib = append(lib, &corpus.Reference{Key: l.Cites, Type: "misc", Title: l.Cites})
			}
		}
	}
	return check.Check(path, data, format, lib, check.Options{})
}

// Cited reports whether a citation that counts covers the claim: the
// sentences that cannot be uncited-claim findings.
func Cited(c corpus.Claim) bool {
	for _, l := range c.Citations {
		if l.Status.Counts() {
			return true
		}
	}
	return false
}

// RealArticle is a real article of the shared corpora, none of them ours,
// labelled blind by two labellers and settled: its labels are
// corpus/check/testdata/real-articles/LABELS.labels.tsv, the article is
// PATH under the shared corpora's articles/.
type RealArticle struct {
	Labels, Path string
	// Uncited is how many of its sentences without a citation that
	// counts the labels call claims.
	Uncited int
}

// RealArticles are the real articles the claim model trains on beside our
// own since the thirty-first round of issue 16 (corpus/claim's traingen,
// in this order), and corpus/check measures in-sample. Our own articles
// are short and written to the rules; a real paper's claims sit in its
// methods as background and its authors' results and reasoning read like
// claims, which no writer of ours imitated (the thirtieth round's model
// read 0.53 / 0.58 on the first four). The last four were sealed until the
// thirty-first round's model was judged on them, and are trained on from
// the thirty-second; those of corpus/check/testdata/real-articles-sealed2/,
// on which the thirty-second round's model was judged, are not listed.
var RealArticles = []RealArticle{
	{"fail", "latex-fail-paper/fail.tex", 26},
	{"02.intro", "deep-review/content/02.intro.md", 72},
	{"journal.pmed.0030132", "plos-jats/journal.pmed.0030132.xml", 34},
	{"journal.pntd.0002570", "plos-jats/journal.pntd.0002570.xml", 21},
	{"03.categorize", "deep-review/content/03.categorize.md", 111},
	{"04.study", "deep-review/content/04.study.md", 158},
	{"05.treat", "deep-review/content/05.treat.md", 45},
	{"06.discussion", "deep-review/content/06.discussion.md", 125},
	{"08.methods", "deep-review/content/08.methods.md", 6},
	{"journal.pbio.0040088", "plos-jats/journal.pbio.0040088.xml", 34},
	{"journal.pcbi.1000112", "plos-jats/journal.pcbi.1000112.xml", 20},
	{"journal.pcbi.1001083", "plos-jats/journal.pcbi.1001083.xml", 56},
	{"07.conclusions", "deep-review/content/07.conclusions.md", 11},
	{"journal.pmed.1001300", "plos-jats/journal.pmed.1001300.xml", 18},
	{"journal.pone.0002554", "plos-jats/journal.pone.0002554.xml", 33},
	{"journal.pone.0147124", "plos-jats/journal.pone.0147124.xml", 41},
}

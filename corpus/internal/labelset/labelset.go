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

package endnote_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/endnote"
)

// compared are the fields checked against JabRef's answer keys: the facts
// of a work, not JabRef's choices for EndNote's own elements.
var compared = []string{"title", "author", "year", "journal", "volume", "pages", "doi", "isbn", "url", "keywords", "abstract"}

// TestCorpora_JabRefAnswerKeys reads JabRef's EndNote XML test files and
// compares each record's facts with JabRef's expected BibTeX, value by
// value: the same text once separators, dashes and spacing are set aside.
func TestCorpora_JabRefAnswerKeys(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "refs-formats", "jabref", "endnote-xml")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	if len(files) == 0 {
		t.Skipf("shared corpora not found at %s (they sit beside the checkout in CI)", dir)
	}
	for _, xmlFile := range files {
		name := filepath.Base(xmlFile)
		t.Run(strings.TrimSuffix(name, ".xml"), func(t *testing.T) {
			data, err := os.ReadFile(xmlFile)
			if err != nil {
				t.Fatal(err)
			}
			key, err := os.ReadFile(strings.TrimSuffix(xmlFile, ".xml") + ".bib")
			if err != nil {
				t.Fatal(err)
			}
			res, err := endnote.Read(name, data)
			if err != nil {
				t.Fatal(err)
			}
			want := answerKey(string(key))
			if len(res.Problems) > 0 || len(res.Refs) != len(want) {
				t.Fatalf("%d records (problems %v), answer key has %d", len(res.Refs), res.Problems, len(want))
			}
			agree, total := 0, 0
			for i, r := range res.Refs {
				for _, f := range compared {
					w, ok := want[i][f]
					got := ours(r, f)
					if !ok && got == "" {
						continue
					}
					total++
					if norm(got) == norm(w) {
						agree++
					} else {
						t.Errorf("record %d (%s): %s = %q, JabRef %q", i+1, r.Key, f, got, w)
					}
				}
			}
			t.Logf("%s: %d of %d fields agree", name, agree, total)
		})
	}
}

// ours is the value evident holds for a field JabRef names: an ISSN read
// from <isbn> is an issn, a link that is no URL an endnote-related-urls-url.
func ours(r *corpus.Reference, field string) string {
	v, _ := r.Get(field)
	switch field {
	case "isbn":
		issn, _ := r.Get("issn")
		v = strings.TrimSpace(v + " " + issn)
	case "url":
		if v == "" {
			v, _ = r.Get("endnote-related-urls-url")
		}
	}
	return v
}

var (
	entryRE = regexp.MustCompile(`(?m)^@\w+\{`)
	fieldRE = regexp.MustCompile(`(?m)^\s*(\w+) = \{(.*)\},?\s*$`)
)

// answerKey reads JabRef's expected BibTeX, one field a line, which its
// test files always are.
func answerKey(src string) []map[string]string {
	var out []map[string]string
	for _, e := range entryRE.Split(src, -1)[1:] {
		m := map[string]string{}
		for _, f := range fieldRE.FindAllStringSubmatch(e, -1) {
			m[strings.ToLower(f[1])] = f[2]
		}
		out = append(out, m)
	}
	return out
}

// norm sets aside what the two programs write differently on purpose:
// list separators, dashes in ranges, spacing and case.
func norm(s string) string {
	s = strings.NewReplacer(",", " ", ";", " ", "–", "-", "--", "-", " and ", " ").Replace(strings.ToLower(s))
	return strings.Join(strings.Fields(s), " ")
}

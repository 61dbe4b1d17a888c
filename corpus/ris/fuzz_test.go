package ris_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/ris"
	"github.com/evident-tools/evident/corpus/textfile"
	"github.com/evident-tools/evident/export"
)

// FuzzRIS reads arbitrary input as RIS. It must not panic; every reference
// must have a unique key usable in BibTeX and point at its TY line; and the
// BibTeX written from the references must be valid BibTeX with the same
// entries.
func FuzzRIS(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "sample.ris")); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		"TY  - JOUR\nER  - \n",
		"TY  - JOUR\nAU  - {Smith}, J\\n\nTI  - 100% {un}balanced } \\emph{x}\nER  - \n",
		"ER  - \nAU  - x\nTY  - BOOK\nTY  - BOOK\nPY  - 20/19/\n",
		"\ufeffTY - CHAP\r\nSP  - 1--\r\n  continued\r\nER  -",
		"TY  - X\nAU  - ,,,\nA2  - and\nKW  - ;\nSN  - 1234-567X; 978-0-00-000000-2\nER  - \n",
	} {
		f.Add([]byte(s))
	}
	// RIS as we write it for real bibliographies.
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "bibtex")
	for _, rel := range []string{"bibliotex/references_bnmr_heidelberg.bib", "jabref-tests/testjabref.bib",
		"bbt-zotero-exports/Split_CJK_names_2624.biblatex", "colrev-database-exports/web_of_science_bib.bib"} {
		data, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil {
			continue
		}
		p := bibtex.NewParser()
		if _, err := p.Parse(rel, data); err != nil {
			continue
		}
		refs := p.References()
		if len(refs) > 20 {
			refs = refs[:20]
		}
		var buf bytes.Buffer
		if err := export.RIS(&buf, refs); err == nil {
			f.Add(buf.Bytes())
		}
	}
	tyLine := regexp.MustCompile(`^TY {1,2}-`)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := ris.Read("f.ris", data)
		if err != nil {
			if !errors.Is(err, textfile.ErrBinary) || !strings.HasPrefix(err.Error(), "f.ris:") {
				t.Fatalf("error %v is not a binary file named", err)
			}
			return
		}
		// The reader reads the text as every reader decodes it.
		text, _, _ := textfile.Decode("f.ris", data)
		lines := regexp.MustCompile(`\r\n|\r|\n`).Split(text, -1)
		keys := map[string]bool{}
		for _, r := range res.Refs {
			k := strings.ToLower(r.Key)
			if r.Key == "" || keys[k] || strings.ContainsAny(r.Key, " ,{}\"#%'()=\\~") {
				t.Fatalf("bad or repeated key %q", r.Key)
			}
			keys[k] = true
			if r.Source.Line < 1 || r.Source.Line > len(lines) || !tyLine.MatchString(lines[r.Source.Line-1]) {
				t.Fatalf("%s: line %d is not a TY line", r.Key, r.Source.Line)
			}
		}
		var buf bytes.Buffer
		if err := export.BibTeX(&buf, res.Refs); err != nil {
			t.Fatal(err)
		}
		p := bibtex.NewParser()
		if _, err := p.Parse("f.bib", buf.Bytes()); err != nil {
			t.Fatal(err)
		}
		if len(p.Problems) > 0 || len(p.References()) != len(res.Refs) {
			t.Fatalf("BibTeX written from RIS does not read back: %v\n%s", p.Problems, buf.String())
		}
	})
}

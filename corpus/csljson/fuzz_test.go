package csljson_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/csljson"
	"github.com/evident-tools/evident/export"
)

// FuzzRead: any text reads without panicking, every problem and warning
// names the file and a line in it, every reference has a key unique in the
// file, and the BibTeX written from the references reads back.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		`[{"type": "book", "title": "A <i>b</i>", "issued": {"date-parts": [["2019", 3, 1]]}}]`,
		`{"items": [{"id": "x", "author": [{"family": "van", "given": "J", "suffix": "Jr."}]}]}`,
		`{"type": "webpage", "issued": "2011-05-25~/2012-06-26~", "accessed": {"raw": "2019"}}`,
		`[{"title": ["A"], "issued": {"date-parts": [[null]]}}, 1, {"issued": {"date-parts": [[2001], [2003]]}}]`,
		`[{"title": "<span class=\"nocase\">x</span></i>{", "author": "nobody", "funder": [{}]}`,
		`[{"title": "x", "issued": {"season": 2, "date-parts": [[2017, 22, 40, 1]]}, "page": 12}]`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		res := csljson.ReadText("f.json", text)
		lines := strings.Count(text, "\n") + 1
		for _, p := range append(res.Problems, res.Warnings...) {
			if p.File != "f.json" || p.Line < 1 || p.Line > lines {
				t.Errorf("problem at %s:%d of %d lines: %s", p.File, p.Line, lines, p.Msg)
			}
		}
		keys := map[string]bool{}
		for _, r := range res.Refs {
			k := strings.ToLower(r.Key)
			if r.Key == "" || keys[k] || r.Source.File != "f.json" {
				t.Fatalf("bad or repeated key, or no file: %+v", r)
			}
			keys[k] = true
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
			t.Fatalf("BibTeX written from CSL-JSON does not read back: %v\n%s", p.Problems, buf.String())
		}
	})
}

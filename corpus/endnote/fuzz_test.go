package endnote_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/endnote"
	"github.com/evident-tools/evident/corpus/textfile"
	"github.com/evident-tools/evident/export"
)

// FuzzRead reads arbitrary input as EndNote XML. It must not panic; every
// problem must name the file and a line in it; every reference must have a
// unique key and point at a line that opens a <record>; and the BibTeX
// written from the references must read back as the same entries.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"sample.xml", "malformed.xml"} {
		if data, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"<xml><records><record><titles><title><style face=\"italic\">{</style>}\\</title></titles></record></records></xml>",
		"<xml><records><record><ref-type name=\"x\">99</ref-type><a><b><c>v</c></b></a><é>x</é></record>",
		"<xml><records></record><record><record>",
		"<?xml version=\"1.0\" encoding=\"latin1\"?><xml><records><record><dates><year>20x</year><pub-dates><date>Mar 40</date></pub-dates></dates></record></records></xml>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := endnote.Read("f.xml", data)
		if err != nil {
			if !errors.Is(err, textfile.ErrBinary) || !strings.HasPrefix(err.Error(), "f.xml:") {
				t.Fatalf("error %v is not a binary file named", err)
			}
			return
		}
		text, _, _ := textfile.Decode("f.xml", data)
		lines := regexp.MustCompile(`\r\n|\r|\n`).Split(text, -1)
		for _, p := range append(res.Problems, res.Warnings...) {
			if p.File != "f.xml" || p.Line < 0 || p.Line > len(lines) {
				t.Fatalf("problem %v is not at a line of f.xml (%d lines)", p, len(lines))
			}
		}
		keys := map[string]bool{}
		for _, r := range res.Refs {
			k := strings.ToLower(r.Key)
			if r.Key == "" || keys[k] || strings.ContainsAny(r.Key, " ,{}\"#%'()=\\~") {
				t.Fatalf("bad or repeated key %q", r.Key)
			}
			keys[k] = true
			if r.Source.Line < 1 || r.Source.Line > len(lines) || !strings.Contains(lines[r.Source.Line-1], "<record") {
				t.Fatalf("%s: line %d does not open a record", r.Key, r.Source.Line)
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
			t.Fatalf("BibTeX written from EndNote XML does not read back: %v\n%s", p.Problems, buf.String())
		}
	})
}

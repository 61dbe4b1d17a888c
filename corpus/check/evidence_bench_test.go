package check

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/evidence/evidencetest"
)

// BenchmarkEvidence_Article5000WordsLibrary10000 checks a 5,000-word
// article citing 200 works of a library of 10,000 references with
// abstracts, with and without the evidence stage; the issue asks for the
// evidence under 0.5 s.
func BenchmarkEvidence_Article5000WordsLibrary10000(b *testing.B) {
	refs, data := evidencetest.Library(10000, 200, 5000)
	doc, err := article.Read("long.md", data, corpus.Markdown)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		opts Options
	}{{"without-evidence", Options{}}, {"with-evidence", Options{Evidence: &Evidence{}}}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				rep := CheckDocument(doc, refs, bc.opts)
				if bc.opts.Evidence != nil && rep.Claims[1].Citations[0].Evidence == nil {
					b.Fatal("no evidence on a resolved citation")
				}
			}
		})
	}
}

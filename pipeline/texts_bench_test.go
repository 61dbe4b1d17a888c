package pipeline

import (
	"context"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/evidence/evidencetest"
	"github.com/evident-tools/evident/store/storetest"
)

// BenchmarkEvidence_StoredTexts checks the 5,000-word article citing 200
// works of a stored library of 10,000 references with abstracts (the
// corpus/check benchmark's), its cited works read and split at each check
// as before the texts bucket, and read from the library's stored texts.
func BenchmarkEvidence_StoredTexts(b *testing.B) {
	refs, data := evidencetest.Library(10000, 200, 5000)
	st := storetest.Filled(b, refs)
	lib, err := FromStore(st)
	if err != nil {
		b.Fatal(err)
	}
	in := Input{Path: "long.md", Format: corpus.Markdown, Data: data}
	for _, bc := range []struct {
		name string
		o    Options
	}{
		{"without-evidence", Options{NoSupport: true}},
		{"read-at-each-check", Options{}},
		{"stored-texts", Options{Texts: st}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			o := bc.o
			o.Settings, o.NoArticleBibliography = defaults, true
			for b.Loop() {
				checked, err := CheckAll(context.Background(), []Input{in}, lib, o)
				if err != nil {
					b.Fatal(err)
				}
				if !o.NoSupport && checked[0].Report.Claims[1].Citations[0].Evidence == nil {
					b.Fatal("no evidence on a resolved citation")
				}
			}
		})
	}
}

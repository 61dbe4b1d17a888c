package csl_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/csl"
	exportcsl "github.com/evident-tools/evident/export/csl"
)

// benchItems reads n real references from the corpora's BibTeX (the largest
// libraries first), mapped by export/csl, with unique ids.
func benchItems(b *testing.B, n int) []csl.Item {
	files := []string{
		"bbt-zotero-exports/Cache_does_not_seem_to_fill_1296.bibtex",
	}
	more, _ := filepath.Glob(filepath.Join(corpora, "bibtex", "iridia", "*.bib"))
	zotero, _ := filepath.Glob(filepath.Join(corpora, "bibtex", "bbt-zotero-exports", "*.bibtex"))
	more = append(more, zotero...)
	sort.Strings(more)
	p := bibtex.NewParser()
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(corpora, "bibtex", f))
		if err != nil {
			b.Skipf("corpora absent: %v", err)
		}
		_, _ = p.Parse(f, data)
	}
	for _, f := range more {
		data, _ := os.ReadFile(f)
		_, _ = p.Parse(filepath.Base(f), data)
	}
	refs := p.References()
	b.Logf("%d references read for %d items", len(refs), n)
	var raw []map[string]any
	for i := 0; len(raw) < n && len(refs) > 0; i++ {
		js, _ := json.Marshal(exportcsl.FromReference(refs[i%len(refs)]))
		var m map[string]any
		_ = json.Unmarshal(js, &m)
		m["id"] = i
		raw = append(raw, m)
	}
	js, _ := json.Marshal(raw)
	items, err := csl.ItemsFromJSON(js)
	if err != nil {
		b.Fatal(err)
	}
	return items
}

// BenchmarkAPABibliography10k renders 10,000 corpora references as an APA
// bibliography with a style parsed and compiled once (issue 19: < 0.5 s and
// < 200 MB).
func BenchmarkAPABibliography10k(b *testing.B) {
	items := benchItems(b, 10000)
	data, err := os.ReadFile(filepath.Join(corpora, "csl", "apa.csl"))
	if err != nil {
		b.Skipf("corpora absent: %v", err)
	}
	st, err := csl.ParseStyle(data, "apa.csl")
	if err != nil {
		b.Fatal(err)
	}
	p, err := csl.New(st, csl.DirLocales(filepath.Join(corpora, "csl")), csl.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		es, err := p.Bibliography(items)
		if err != nil || len(es) != len(items) {
			b.Fatal(err, len(es))
		}
	}
}

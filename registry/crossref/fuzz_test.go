package crossref

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry/registrytest"
)

// seedBodies adds every recorded Crossref body of testdata to f.
func seedBodies(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.y*ml"))
	for _, name := range names {
		ins, err := registrytest.Load(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, in := range ins {
			if strings.Contains(in.URI, "api.crossref.org") {
				f.Add(in.Body)
			}
		}
	}
	f.Add(workJSON(`{"DOI":"10.1000/x","issued":{"date-parts":[["2019",null]]},"author":{"name":"X"},"relation":{"has-preprint":{"id-type":"doi","id":"10.1/2"}},"updated-by":[{"type":"retraction","source":"retraction-watch","DOI":"10.1000/n"}]}`))
	f.Add([]byte(`{"status":"ok","message-type":"work-list","message":{"items":[{"DOI":"10.1/a","score":1e308}]}}`))
}

func FuzzParseWork(f *testing.F) {
	seedBodies(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		if rec, err := parseWork(body); err == nil {
			if rec.Registry != "crossref" || rec.DOI == "" || corpus.NormalizeDOI(rec.DOI) != rec.DOI {
				t.Fatalf("record with registry %q, DOI %q", rec.Registry, rec.DOI)
			}
			if strings.ContainsAny(rec.Title, "\n\r") || strings.TrimSpace(rec.Title) != rec.Title {
				t.Fatalf("title %q is not one trimmed line", rec.Title)
			}
			if rec.Month < 0 || rec.Month > 12 || rec.Year < 0 {
				t.Fatalf("date %d-%d", rec.Year, rec.Month)
			}
		}
		recs, _ := parseList(body)
		for _, r := range recs {
			if r.DOI == "" {
				t.Fatalf("candidate without DOI: %+v", r)
			}
		}
	})
}

package verify

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// The evidence stage reads abstracts from what verification fetched:
// CachedRecords must find a record under the key the run wrote it.
func TestCachedRecords_FindsWhatAVerificationRunFetched(t *testing.T) {
	f := newFakes()
	rec := *record()
	rec.Abstract = "Sepsis is life-threatening organ dysfunction."
	f.crossref.add(rec)
	f.pubmed.add(registry.Record{Registry: "pubmed", PMID: "26903338", Title: sepsisTitle, Abstract: "IMPORTANCE: Definitions of sepsis have not changed since 2001."})
	f.verifyOne(t, Target{Key: "singer2016", Ref: sepsisRef("doi", rec.DOI)})
	f.verifyOne(t, Target{Key: "singer2016", Ref: sepsisRef("pmid", "26903338")})

	tests := []struct {
		name string
		ids  corpus.Identifiers
		want []string // the registries of the records, in order
	}{
		{"by DOI", corpus.Identifiers{DOI: rec.DOI}, []string{"crossref"}},
		{"PubMed first", corpus.Identifiers{DOI: rec.DOI, PMID: "26903338"}, []string{"pubmed", "crossref"}},
		{"nothing fetched", corpus.Identifiers{DOI: "10.1000/never-asked"}, nil},
		{"no identifiers", corpus.Identifiers{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CachedRecords(f.cache, tt.ids)
			var regs []string
			for _, r := range got {
				regs = append(regs, r.Registry)
			}
			if len(regs) != len(tt.want) {
				t.Fatalf("records from %v, want %v", regs, tt.want)
			}
			for i := range regs {
				if regs[i] != tt.want[i] {
					t.Fatalf("records from %v, want %v", regs, tt.want)
				}
			}
		})
	}
	if got := CachedRecords(nil, corpus.Identifiers{DOI: rec.DOI}); got != nil {
		t.Errorf("no cache gave %v", got)
	}
}

package verify

import (
	"context"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// A verified work whose PubMed record names a PMCID has its PMC full text
// fetched once, cached with the other records, and read back by
// CachedRecords; a second run, and an offline one, ask nothing.
func TestVerify_FetchesPMCFullTextOncePerWork(t *testing.T) {
	f := newFakes()
	pmc := newFake("pmc")
	f.v.PMC = pmc
	f.pubmed.add(registry.Record{Registry: "pubmed", PMID: "26903338", PMCID: "PMC4968574", Title: sepsisTitle, Year: 2016,
		Authors: []registry.Author{{Family: "Singer", Given: "Mervyn"}}, Venue: "JAMA", Volume: "315"})
	pmcID := registry.ID{Kind: registry.PMCID, Value: "PMC4968574"}
	pmc.records[pmcID] = registry.Record{Registry: "pmc", PMCID: "PMC4968574", FullText: "Introduction\nSepsis is common."}

	for run := range 2 {
		f.verifyOne(t, Target{Key: "singer2016", Ref: sepsisRef("pmid", "26903338")})
		if pmc.lookups != 1 {
			t.Fatalf("run %d: PMC asked %d times, want once", run+1, pmc.lookups)
		}
	}
	recs := CachedRecords(f.cache, corpus.Identifiers{PMID: "26903338"})
	if len(recs) != 2 || recs[1].Registry != "pmc" || recs[1].FullText == "" {
		t.Fatalf("cached records %+v, want PubMed's then PMC's with its full text", recs)
	}

	off := newFakes()
	off.cache = f.cache
	off.v.Cache, off.v.Opts.Offline = f.cache, true
	offPMC := newFake("pmc")
	off.v.PMC = offPMC
	if rec, ok := off.v.FullText(context.Background(), corpus.Identifiers{PMCID: "PMC4968574"}, nil); !ok || rec.FullText == "" || offPMC.lookups != 0 {
		t.Errorf("offline: full text %v, %d lookups; want the cached one and none", ok, offPMC.lookups)
	}
	if _, ok := off.v.FullText(context.Background(), corpus.Identifiers{PMCID: "PMC1"}, nil); ok || offPMC.lookups != 0 {
		t.Errorf("offline, not cached: %v, %d lookups; want nothing asked", ok, offPMC.lookups)
	}
}

// A PMCID PMC does not know is remembered as such; a PMC that cannot be
// asked is asked again next time; a work with no PMCID is never asked
// about; and none of it changes the verdict.
func TestVerify_PMCAnswersOtherThanAFullText(t *testing.T) {
	f := newFakes()
	pmc := newFake("pmc")
	f.v.PMC = pmc
	f.crossref.add(*record())
	res := f.verifyOne(t, Target{Key: "singer2016", Ref: sepsisRef("doi", "10.1001/jama.2016.0287")})
	if res.Verdict != Verified || pmc.lookups != 0 {
		t.Fatalf("no PMCID: verdict %s, PMC asked %d times", res.Verdict, pmc.lookups)
	}

	ids := corpus.Identifiers{PMCID: "PMC1"}
	for range 2 {
		if _, ok := f.v.FullText(context.Background(), ids, nil); ok {
			t.Error("full text for a PMCID PMC does not know")
		}
	}
	if pmc.lookups != 1 {
		t.Errorf("unknown PMCID asked %d times, want once (not found is cached)", pmc.lookups)
	}

	pmc.down = "HTTP 503"
	ids = corpus.Identifiers{PMCID: "PMC2"}
	for range 2 {
		f.v.FullText(context.Background(), ids, nil)
	}
	if pmc.lookups != 3 {
		t.Errorf("PMC down: asked %d times in all, want 3 (an unanswered request is not cached)", pmc.lookups)
	}
}

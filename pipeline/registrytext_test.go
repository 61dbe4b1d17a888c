package pipeline

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/verify"
)

const walkAbstract = "<jats:p>In this randomised trial of 400 older adults, daily walking lowered systolic blood pressure by 5 mmHg over a year.</jats:p>"

const walkArticle = "# Walking\n\nDaily walking lowered systolic blood pressure by 5 mmHg in older adults [@doe2020].\n"

// walkLibrary is a library whose verification cache holds Crossref's
// record of doe2020, abstract included, as 'evident verify' leaves it.
func walkLibrary(t *testing.T, abstract string) verify.Cache {
	t.Helper()
	sc := verify.NewStoreCache(newStore(t))
	rec := registry.Record{Registry: "crossref", DOI: "10.5555/walk", Title: "A walking trial", Abstract: abstract}
	if err := sc.Put(verify.LookupKey("crossref", registry.ID{Kind: registry.DOI, Value: rec.DOI}), verify.Entry{Record: &rec, Fetched: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if err := sc.Flush(); err != nil {
		t.Fatal(err)
	}
	return sc
}

func TestCheck_EvidenceReadsTheRegistryAbstractOfAWorkWithNone(t *testing.T) {
	tests := []struct {
		name        string
		cache       bool   // the run is given the library's cache
		abstract    string // the cached record's
		own         string // the reference's own abstract
		wantVerdict corpus.Verdict
		wantText    string // in the passage
		wantWhy     string // in why
	}{
		{"the cached abstract stands in", true, walkAbstract, "", corpus.VerdictSupports, "daily walking lowered systolic", "Crossref record"},
		{"no cache: a title only", false, walkAbstract, "", corpus.VerdictNoText, "A walking trial", "only the title"},
		{"a record without an abstract", true, "", "", corpus.VerdictNoText, "A walking trial", "only the title"},
		{"the work's own abstract wins", true, walkAbstract, "Daily walking lowered systolic blood pressure by 5 mmHg in older adults, this cohort found.", corpus.VerdictSupports, "this cohort found", "states it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref := ref("doe2020", "A walking trial", 2020, "Doe", "10.5555/walk")
			if tt.own != "" {
				ref.Fields = append(ref.Fields, corpus.Field{Name: "abstract", Value: tt.own})
			}
			o := Options{Settings: defaults}
			if tt.cache {
				o.Registry = walkLibrary(t, tt.abstract)
			}
			checked, err := CheckAll(context.Background(), []Input{{Path: "a.md", Format: corpus.Markdown, Data: []byte(walkArticle)}},
				[]*corpus.Reference{ref}, o)
			if err != nil {
				t.Fatal(err)
			}
			ev := firstEvidence(checked[0].Report)
			if ev == nil {
				t.Fatalf("no evidence on the claim; claims %+v", checked[0].Report.Claims)
			}
			if ev.Verdict != tt.wantVerdict || !strings.Contains(strings.ToLower(ev.Text), strings.ToLower(tt.wantText)) || !strings.Contains(ev.Why, tt.wantWhy) {
				t.Errorf("evidence %s from %s: %q (%s); want %s with %q, why with %q", ev.Verdict, ev.Source, ev.Text, ev.Why, tt.wantVerdict, tt.wantText, tt.wantWhy)
			}
			if tt.own != "" && strings.Contains(ev.Why, "Crossref") {
				t.Errorf("why names Crossref, but the work's own abstract was read: %s", ev.Why)
			}
			if ev.Verdict != corpus.VerdictNoText && ev.Source != corpus.SourceAbstract {
				t.Errorf("source %q, want abstract", ev.Source)
			}
			if strings.Contains(ev.Text, "<") {
				t.Errorf("the passage keeps Crossref's JATS markup: %q", ev.Text)
			}
		})
	}
}

// firstEvidence is the evidence on the report's first cited claim.
func firstEvidence(rep *corpus.Report) *corpus.Evidence {
	for _, c := range rep.Claims {
		for _, l := range c.Citations {
			if l.Evidence != nil {
				return l.Evidence
			}
		}
	}
	return nil
}

// A PMC full text the verification cache holds (by the PMCID PubMed's
// record names) is read after the work's abstract: check quotes the
// passage of the body that states the claim, source "fulltext".
func TestCheck_EvidenceQuotesTheCachedPMCFullText(t *testing.T) {
	sc := verify.NewStoreCache(newStore(t))
	pm := registry.Record{Registry: "pubmed", PMID: "123", PMCID: "PMC456", Title: "A walking trial",
		Abstract: "Older adults were asked to walk daily for a year."}
	full := registry.Record{Registry: "pmc", PMCID: "PMC456", Title: "A walking trial",
		FullText: "Results\nDaily walking lowered systolic blood pressure by 5 mmHg in the older adults of the trial group.\nDiscussion\nWalking is cheap."}
	for key, rec := range map[string]*registry.Record{
		verify.LookupKey("pubmed", registry.ID{Kind: registry.PMID, Value: "123"}):  &pm,
		verify.LookupKey("pmc", registry.ID{Kind: registry.PMCID, Value: "PMC456"}): &full,
	} {
		if err := sc.Put(key, verify.Entry{Record: rec, Fetched: time.Now()}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sc.Flush(); err != nil {
		t.Fatal(err)
	}
	r := ref("doe2020", "A walking trial", 2020, "Doe", "")
	r.IDs = corpus.Identifiers{PMID: "123"}
	checked, err := CheckAll(context.Background(), []Input{{Path: "a.md", Format: corpus.Markdown, Data: []byte(walkArticle)}},
		[]*corpus.Reference{r}, Options{Settings: defaults, Registry: sc})
	if err != nil {
		t.Fatal(err)
	}
	ev := firstEvidence(checked[0].Report)
	if ev == nil {
		t.Fatal("no evidence on the claim")
	}
	if ev.Source != corpus.SourceFullText || ev.Verdict != corpus.VerdictSupports || !strings.HasPrefix(ev.Text, "Daily walking lowered") {
		t.Errorf("evidence %s from %s: %q; want supports from the full text", ev.Verdict, ev.Source, ev.Text)
	}
}

package check

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// A registry record's abstract stands in for a work's missing one; its
// publication types tell the design, so a causal claim citing an
// observational study is overstated even when the abstract does not name
// the design. The library's reference is left as it was.
func TestEvidence_RegistryTextStandsInForAMissingAbstract(t *testing.T) {
	const abstract = "Drinking coffee was linked with less chronic liver disease among 2,000 adults followed for ten years."
	tests := []struct {
		name           string
		rt             *RegistryText // nil: the lookup has nothing
		wantVerdict    corpus.Verdict
		wantOverstated bool
		wantWhy        string
	}{
		{"PubMed record with its publication types", &RegistryText{Registry: "pubmed", Abstract: abstract, PubTypes: []string{"Journal Article", "Observational Study"}},
			corpus.VerdictSupports, true, "the PubMed record"},
		{"Crossref record, no publication types", &RegistryText{Registry: "crossref", Abstract: "<jats:p>" + abstract + "</jats:p>"},
			corpus.VerdictSupports, false, "the Crossref record"},
		{"a record with an empty abstract", &RegistryText{Registry: "crossref", Abstract: "  "}, corpus.VerdictNoText, false, "only the title"},
		{"nothing cached", nil, corpus.VerdictNoText, false, "only the title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ref := &corpus.Reference{Key: "kim2020", Type: "article", Title: "Coffee and the liver", Year: 2020, IDs: corpus.Identifiers{DOI: "10.5555/coffee"}}
			asked := 0
			lookup := func(r *corpus.Reference) (RegistryText, bool) {
				asked++
				if tt.rt == nil {
					return RegistryText{}, false
				}
				return *tt.rt, true
			}
			md := "# Coffee\n\nDrinking coffee prevents chronic liver disease in adults [@kim2020].\n"
			rep, err := Check("a.md", []byte(md), corpus.Markdown, []*corpus.Reference{ref}, Options{Evidence: &Evidence{Registry: lookup}})
			if err != nil {
				t.Fatal(err)
			}
			if asked != 1 {
				t.Errorf("the lookup was asked %d times for one cited work", asked)
			}
			if _, ok := ref.Get("abstract"); ok || len(ref.Fields) != 0 {
				t.Errorf("the library's reference was changed: %+v", ref.Fields)
			}
			ev := lastEvidence(rep)
			if ev == nil {
				t.Fatal("no evidence on the citation")
			}
			if ev.Verdict != tt.wantVerdict || !strings.Contains(ev.Why, tt.wantWhy) {
				t.Errorf("%s (%s): %q; want %s, why with %q", ev.Verdict, ev.Why, ev.Text, tt.wantVerdict, tt.wantWhy)
			}
			overstated := false
			for _, f := range rep.Findings {
				if f.Code == CodeOverstated {
					overstated = true
				}
			}
			if overstated != tt.wantOverstated {
				t.Errorf("overstated %v, want %v (design %q; findings %+v)", overstated, tt.wantOverstated, ev.Design, rep.Findings)
			}
		})
	}
}

// A work's own abstract is never replaced by a registry's.
func TestEvidence_OwnAbstractIsNotReplaced(t *testing.T) {
	ref := &corpus.Reference{Key: "kim2020", Type: "article", Title: "Coffee and the liver", Year: 2020,
		Fields: []corpus.Field{{Name: "abstract", Value: "Coffee drinkers had less chronic liver disease in this cohort of adults."}}}
	lookup := func(*corpus.Reference) (RegistryText, bool) {
		return RegistryText{Registry: "crossref", Abstract: "Tea drinkers had less chronic liver disease in this cohort of adults."}, true
	}
	md := "# Coffee\n\nCoffee drinkers had less chronic liver disease [@kim2020].\n"
	rep, err := Check("a.md", []byte(md), corpus.Markdown, []*corpus.Reference{ref}, Options{Evidence: &Evidence{Registry: lookup}})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range rep.Claims {
		for _, l := range c.Citations {
			if l.Evidence == nil {
				continue
			}
			n++
			if strings.Contains(l.Evidence.Why, "record verification fetched") || strings.Contains(l.Evidence.Text, "Tea") {
				t.Errorf("the registry's abstract was used: %q (%s)", l.Evidence.Text, l.Evidence.Why)
			}
		}
	}
	if n == 0 {
		t.Fatal("no evidence on the citation")
	}
}

// A registry's full text (PubMed Central's) follows the work's abstract:
// a claim only its body states is quoted from it, source "fulltext", and
// a section heading is never a passage.
func TestEvidence_RegistryFullTextFollowsTheAbstract(t *testing.T) {
	ref := &corpus.Reference{Key: "rvf2013", Type: "article", Title: "Rift Valley fever in Mozambique", Year: 2013,
		Fields: []corpus.Field{{Name: "abstract", Value: "Sheep and goats in Zambezia carried antibodies against Rift Valley fever virus. The virus circulates without clinical disease."}}}
	full := "Introduction\nDuring an epidemic of Rift Valley fever in 2010 in South Africa, 192 laboratory-confirmed human cases including 18 deaths were reported.\nMaterials and Methods\nBlood was drawn from the jugular vein of sheep and goats."
	for _, tt := range []struct {
		name, claim, wantSource, wantText string
		wantVerdict                       corpus.Verdict
	}{
		{"a sentence of the body", "A Rift Valley fever epidemic in South Africa in 2010 caused 192 laboratory-confirmed human cases and 18 deaths.",
			corpus.SourceFullText, "During an epidemic of Rift Valley fever in 2010", corpus.VerdictSupports},
		{"a sentence of the abstract", "Sheep and goats in Zambezia carried antibodies against the Rift Valley fever virus.",
			corpus.SourceAbstract, "Sheep and goats in Zambezia", corpus.VerdictSupports},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lookup := func(*corpus.Reference) (RegistryText, bool) { return RegistryText{FullText: full}, true }
			md := "# RVF\n\n" + tt.claim + " [@rvf2013]\n"
			rep, err := Check("a.md", []byte(md), corpus.Markdown, []*corpus.Reference{ref}, Options{Evidence: &Evidence{Registry: lookup}})
			if err != nil {
				t.Fatal(err)
			}
			ev := lastEvidence(rep)
			if ev == nil {
				t.Fatal("no evidence on the citation")
			}
			if ev.Source != tt.wantSource || !strings.HasPrefix(ev.Text, tt.wantText) || ev.Verdict != tt.wantVerdict {
				t.Errorf("%s from %s: %q; want %s from %s: %q…", ev.Verdict, ev.Source, ev.Text, tt.wantVerdict, tt.wantSource, tt.wantText)
			}
			for _, c := range rep.Claims {
				for _, l := range c.Citations {
					if l.Evidence != nil && (l.Evidence.Text == "Introduction" || l.Evidence.Text == "Materials and Methods") {
						t.Errorf("a heading was quoted: %q", l.Evidence.Text)
					}
				}
			}
		})
	}
}

// lastEvidence returns the evidence of the report's last citation that
// has one.
func lastEvidence(rep *corpus.Report) *corpus.Evidence {
	var ev *corpus.Evidence
	for _, c := range rep.Claims {
		for _, l := range c.Citations {
			if l.Evidence != nil {
				ev = l.Evidence
			}
		}
	}
	return ev
}

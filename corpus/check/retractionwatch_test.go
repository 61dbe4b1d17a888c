package check

import (
	"reflect"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// TestLoadRetractions_RetractionWatchExport reads 20 rows of the real
// database as Crossref publishes it: float PubMed IDs, M/D/YYYY dates,
// ";"-lists with a trailing ";" and reasons prefixed "+".
func TestLoadRetractions_RetractionWatchExport(t *testing.T) {
	rs := loadRetractionsFile(t, "retractionwatch/stub_retractions.csv")
	if rs.Len() != 20 || rs.Skipped != 0 {
		t.Fatalf("Len = %d, Skipped = %d; want 20 and 0", rs.Len(), rs.Skipped)
	}
	first := rs.Rows()[0]
	want := Retraction{
		DOI: "10.1155/2022/9172719", PMID: "36035816", Date: "2023-07-12", Nature: "Retraction",
		Title: "The Feature Recognition of Motor Noise Based on the Improved EEMD Model",
		Line:  2, RecordID: "56416", NoticeDOI: "10.1155/2023/9756480", NoticePMID: "37476288",
		Reasons: []string{
			"Concerns/Issues About Data", "Concerns/Issues About Results",
			"Concerns/Issues about Referencing/Attributions", "Concerns/Issues with Peer Review",
			"Investigation by Journal/Publisher", "Investigation by Third Party", "Paper Mill",
			"Randomly Generated Content", "Unreliable Results",
		},
		Source: "retractionwatch/stub_retractions.csv",
	}
	if !reflect.DeepEqual(first, want) {
		t.Errorf("first row:\n got %+v\nwant %+v", first, want)
	}
	tests := []struct {
		name     string
		ids      corpus.Identifiers
		recordID string
		date     string
	}{
		{"by the work's PubMed ID, written 36035816.0", corpus.Identifiers{PMID: "36035816"}, "56416", "2023-07-12"},
		{"by the work's DOI, a row whose PubMed IDs are 0.0", corpus.Identifiers{DOI: "10.1155/2022/8341966"}, "56362", "2023-09-27"},
		{"a date in October", corpus.Identifiers{DOI: "10.1155/2022/5856069"}, "56406", "2023-10-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := rs.Lookup(tt.ids)
			if !ok || r.RecordID != tt.recordID || r.Date != tt.date || r.Kind() != "retraction" {
				t.Errorf("Lookup(%+v) = %+v, %v; want record %s of %s", tt.ids, r, ok, tt.recordID, tt.date)
			}
		})
	}
	for _, ids := range []corpus.Identifiers{
		{DOI: "10.1155/2023/9756480"}, // the notice's DOI
		{PMID: "37476288"},            // the notice's PubMed ID
		{PMID: "0"},
	} {
		if r, ok := rs.Lookup(ids); ok {
			t.Errorf("Lookup(%+v) = record %s; a notice's identifiers or 0 name no work", ids, r.RecordID)
		}
	}
}

func TestWholeNumber_OnlyZeroFractions(t *testing.T) {
	for in, want := range map[string]string{
		"37476288.0": "37476288", "37476288.00": "37476288", "37476288": "37476288",
		"37476288.5": "37476288.5", "0.0": "0", "abc.0": "abc.0", ".0": ".0", "": "",
	} {
		if got := wholeNumber(in); got != want {
			t.Errorf("wholeNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReasons_PlusAndTrailingSemicolon(t *testing.T) {
	got := reasons("+Paper Mill;+ Unreliable Results ;;")
	if !reflect.DeepEqual(got, []string{"Paper Mill", "Unreliable Results"}) {
		t.Errorf("reasons = %q", got)
	}
	if reasons("") != nil {
		t.Error("no reasons must be nil")
	}
}

func TestSources_PrevailingOverAll(t *testing.T) {
	a := loadRetractionsString(t, "DOI,RetractionDate,RetractionNature\n10.5555/x,1/1/2019,Correction\n")
	b := loadRetractionsString(t, "DOI,RetractionDate,RetractionNature\n10.5555/x,1/1/2020,Retraction\n")
	r, ok := Sources{a, nil, b}.Lookup(corpus.Identifiers{DOI: "10.5555/x"})
	if !ok || r.Nature != "Retraction" {
		t.Errorf("Lookup = %+v, %v; want the retraction", r, ok)
	}
	if _, ok := (Sources{}).Lookup(corpus.Identifiers{DOI: "10.5555/x"}); ok {
		t.Error("no sources found something")
	}
}

package check

import (
	"reflect"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// suppressReport is a report of three sentences and a two-entry list.
func suppressReport() *corpus.Report {
	return &corpus.Report{
		Claims: []corpus.Claim{
			{ID: "c1", Line: 3, Col: 1, Text: "Coffee cures everything."},
			{ID: "c2", Line: 3, Col: 26, Text: "Tea cures the rest."},
			{ID: "c3", Line: 7, Col: 1, Text: "Water is wet (9)."},
			{ID: "c4", Line: 30, Col: 1, Text: "A footnote, read last."},
		},
		References: []corpus.ListRef{{Label: "1", Line: 12}, {Label: "2", Line: 13}},
		Findings: []corpus.Finding{
			{Code: CodeUncitedClaim, Line: 3, Claim: "c1"},
			{Code: CodeUncitedClaim, Line: 3, Claim: "c2"},
			{Code: CodeDanglingCitation, Line: 7, Claim: "c3", Marker: "(9)"},
			{Code: CodeStale, Line: 7, Claim: "c3"},
			{Code: CodeUncitedReference, Line: 12},
			{Code: CodeUnmatchedReference, Line: 13},
			{Code: CodeUncitedReference, Line: 13},
			{Code: CodeUncitedClaim, Line: 30, Claim: "c4"},
		},
	}
}

func codesAt(fs []corpus.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Claim+"/"+f.Code)
	}
	return out
}

func TestApplySuppressions(t *testing.T) {
	tests := []struct {
		name string
		sups []corpus.Suppression
		n    int
		gone []string
	}{
		{"none", nil, 0, nil},
		{"line above a sentence silences its findings only", []corpus.Suppression{{Line: 2}}, 1, []string{"c1/uncited-claim"}},
		{"listed codes only", []corpus.Suppression{{Line: 5, Codes: []string{CodeStale}}}, 1, []string{"c3/stale"}},
		{"several codes", []corpus.Suppression{{Line: 7, Codes: []string{CodeStale, CodeDanglingCitation}}}, 2, []string{"c3/dangling-citation", "c3/stale"}},
		{"a code the sentence lacks silences nothing", []corpus.Suppression{{Line: 1, Codes: []string{CodeRetracted}}}, 0, nil},
		{"above a list entry", []corpus.Suppression{{Line: 13, Codes: []string{CodeUncitedReference}}}, 1, []string{"/uncited-reference"}},
		{"above a list entry, every code", []corpus.Suppression{{Line: 11}}, 1, []string{"/uncited-reference"}},
		{"after the list: a footnote sentence", []corpus.Suppression{{Line: 20}}, 1, []string{"c4/uncited-claim"}},
		{"after everything", []corpus.Suppression{{Line: 99}}, 0, nil},
		{"two comments", []corpus.Suppression{{Line: 1}, {Line: 4}}, 3, []string{"c1/uncited-claim", "c3/dangling-citation", "c3/stale"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := suppressReport()
			before := codesAt(rep.Findings)
			n := applySuppressions(&state{Report: rep}, &corpus.Document{Suppressions: tt.sups})
			if n != tt.n {
				t.Errorf("suppressed %d, want %d", n, tt.n)
			}
			after := map[string]int{}
			for _, c := range codesAt(rep.Findings) {
				after[c]++
			}
			var gone []string
			for _, c := range before {
				if after[c] > 0 {
					after[c]--
				} else {
					gone = append(gone, c)
				}
			}
			if !reflect.DeepEqual(gone, tt.gone) {
				t.Errorf("removed %v, want %v", gone, tt.gone)
			}
		})
	}
}

package corpus

import (
	"reflect"
	"testing"
)

func TestRankFindings_SeverityThenListThenScoreThenLine(t *testing.T) {
	r := &Report{
		Claims: []Claim{{ID: "c1", Score: 0.6}, {ID: "c2", Score: 0.9}, {ID: "c3", Score: 0.9}},
		Findings: []Finding{
			{Code: "uncited-claim", Severity: Warning, Claim: "c1", Line: 1},
			{Code: "stale", Severity: Info, Line: 2},
			{Code: "uncited-claim", Severity: Warning, Claim: "c3", Line: 9},
			{Code: "uncited-reference", Severity: Warning, Line: 40},
			{Code: "uncited-claim", Severity: Warning, Claim: "c2", Line: 5},
			{Code: "dangling-citation", Severity: Error, Claim: "c1", Line: 1},
		},
	}
	r.RankFindings()
	var got []int
	for _, f := range r.Findings {
		got = append(got, f.Line)
	}
	if want := []int{1, 40, 5, 9, 1, 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("lines in rank order %v, want %v", got, want)
	}
}

func TestFindingFilter_TopAndSeverity(t *testing.T) {
	fs := []Finding{{Severity: Error, Line: 1}, {Severity: Warning, Line: 2}, {Severity: Warning, Line: 3}, {Severity: Info, Line: 4}}
	tests := []struct {
		f      FindingFilter
		lines  []int
		hidden int
	}{
		{FindingFilter{}, []int{1, 2, 3, 4}, 0},
		{FindingFilter{Top: 2}, []int{1, 2}, 2},
		{FindingFilter{MinSeverity: Warning}, []int{1, 2, 3}, 1},
		{FindingFilter{MinSeverity: Error, Top: 5}, []int{1}, 3},
		{FindingFilter{MinSeverity: Warning, Top: 1}, []int{1}, 3},
	}
	for _, tt := range tests {
		shown, hidden := tt.f.Apply(fs)
		var lines []int
		for _, f := range shown {
			lines = append(lines, f.Line)
		}
		if !reflect.DeepEqual(lines, tt.lines) || hidden != tt.hidden {
			t.Errorf("%+v: shown %v hidden %d, want %v and %d", tt.f, lines, hidden, tt.lines, tt.hidden)
		}
	}
}

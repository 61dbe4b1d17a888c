package check

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func baselineOf(t *testing.T, reps ...*corpus.Report) *Baseline {
	t.Helper()
	var buf bytes.Buffer
	for _, r := range reps {
		if err := json.NewEncoder(&buf).Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	b, err := LoadBaseline(&buf, "old.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func oldReport() *corpus.Report {
	return &corpus.Report{
		Schema:  corpus.ReportSchema,
		Article: corpus.ArticleInfo{Path: "news/story.md"},
		Claims: []corpus.Claim{
			{ID: "c1", Line: 3, Text: "Coffee cures everything."},
			{ID: "c2", Line: 5, Text: "Water is wet (9)."},
		},
		Findings: []corpus.Finding{
			{Code: CodeUncitedClaim, Severity: corpus.Warning, Line: 3, Claim: "c1", Message: "claim with no citation"},
			{Code: CodeDanglingCitation, Severity: corpus.Error, Line: 5, Claim: "c2", Marker: "(9)", Message: "(9): number 9 is beyond the end"},
			{Code: CodeUncitedReference, Severity: corpus.Warning, Line: 20, Message: "reference 8 is never cited in the text"},
		},
		Summary: corpus.Summary{Errors: 1, Warnings: 2},
	}
}

// newReport is the article revised: a paragraph added above (lines move,
// ids shift), references renumbered, one new problem.
func newReport() *corpus.Report {
	return &corpus.Report{
		Schema:  corpus.ReportSchema,
		Article: corpus.ArticleInfo{Path: "news/story.md"},
		Claims: []corpus.Claim{
			{ID: "c1", Line: 3, Text: "Tea cures the rest."},
			{ID: "c2", Line: 7, Text: "Coffee  cures\neverything."},
			{ID: "c3", Line: 9, Text: "Water is wet [10]."},
		},
		Findings: []corpus.Finding{
			{Code: CodeUncitedClaim, Severity: corpus.Warning, Line: 3, Claim: "c1", Message: "claim with no citation"},
			{Code: CodeUncitedClaim, Severity: corpus.Warning, Line: 7, Claim: "c2", Message: "claim with no citation"},
			{Code: CodeDanglingCitation, Severity: corpus.Error, Line: 9, Claim: "c3", Marker: "[10]", Message: "[10]: number 10 is beyond the end"},
			{Code: CodeUncitedReference, Severity: corpus.Warning, Line: 24, Message: "reference 9 is never cited in the text"},
			{Code: CodeUnmatchedReference, Severity: corpus.Warning, Line: 25, Message: "reference 10 matches nothing in the library"},
		},
		Summary: corpus.Summary{Errors: 1, Warnings: 4},
	}
}

func TestBaseline_KeepsOnlyNewFindings(t *testing.T) {
	b := baselineOf(t, oldReport())
	rep := newReport()
	kept, known := b.Filter(rep)
	if kept != 2 || known != 3 {
		t.Fatalf("kept %d known %d, want 2 and 3", kept, known)
	}
	got := codesAt(rep.Findings)
	want := []string{"c1/uncited-claim", "/unmatched-reference"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("kept %v, want %v", got, want)
	}
	if rep.Summary.Errors != 0 || rep.Summary.Warnings != 2 {
		t.Errorf("summary errors %d warnings %d, want 0 and 2", rep.Summary.Errors, rep.Summary.Warnings)
	}
	// Filtering is repeatable: the baseline is not used up.
	rep2 := newReport()
	if kept, known := b.Filter(rep2); kept != 2 || known != 3 {
		t.Errorf("second Filter: kept %d known %d", kept, known)
	}
}

func TestBaseline_EachOldFindingAccountsForOneNew(t *testing.T) {
	b := baselineOf(t, oldReport())
	rep := newReport()
	// The same sentence twice in the new version: only one was known.
	rep.Claims = append(rep.Claims, corpus.Claim{ID: "c4", Line: 30, Text: "Coffee cures everything!"})
	rep.Findings = append(rep.Findings, corpus.Finding{Code: CodeUncitedClaim, Severity: corpus.Warning, Line: 30, Claim: "c4"})
	if kept, known := b.Filter(rep); kept != 3 || known != 3 {
		t.Errorf("kept %d known %d, want 3 and 3", kept, known)
	}
}

func TestBaseline_ArticleByPath(t *testing.T) {
	other := oldReport()
	other.Article.Path = "news/other.md"
	other.Findings = other.Findings[:1]
	b := baselineOf(t, other, oldReport())
	rep := newReport()
	rep.Article.Path = "./news/story.md"
	if _, known := b.Filter(rep); known != 3 {
		t.Errorf("known %d, want 3 (the report of news/story.md)", known)
	}
	rep = newReport()
	rep.Article.Path = "elsewhere.md"
	if kept, known := b.Filter(rep); kept != 5 || known != 0 {
		t.Errorf("an article the baseline lacks: kept %d known %d", kept, known)
	}
	// A baseline of one article applies to a renamed one.
	single := baselineOf(t, oldReport())
	if _, known := single.Filter(rep); known != 3 {
		t.Errorf("single-article baseline: known %d, want 3", known)
	}
}

func TestLoadBaseline_Errors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "old.json: empty"},
		{"{\"schema\": 1,\n \"findings\": [\n}", "old.json:3: not a JSON check report"},
		{`{"findings": []}`, "old.json: not the JSON report of an evident check"},
		{`{"schema": 99}`, "newer evident (report schema 99"},
		{`{"schema": 1, "findings": "x"}`, "old.json:1: not a JSON check report"},
		// A wrong type in the second report of a file is found on its
		// own line, not counted from the start of that report.
		{"{\"schema\": 1, \"findings\": []}\n\n\n\n{\"schema\": 1,\n \"findings\": [\n  {\"code\": 3}\n ]\n}\n", "old.json:7: not a JSON check report"},
	}
	for _, tt := range tests {
		_, err := LoadBaseline(strings.NewReader(tt.in), "old.json")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("LoadBaseline(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestLoadBaseline_ArrayOfReports(t *testing.T) {
	data, err := json.Marshal([]*corpus.Report{oldReport()})
	if err != nil {
		t.Fatal(err)
	}
	b, err := LoadBaseline(bytes.NewReader(data), "old.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, known := b.Filter(newReport()); known != 3 {
		t.Errorf("known %d, want 3", known)
	}
}

package export

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

func sampleReports() []*corpus.Report {
	return []*corpus.Report{
		{
			Schema:  corpus.ReportSchema,
			Article: corpus.ArticleInfo{Path: "news/back pain.md"},
			Claims:  []corpus.Claim{{ID: "c1", Line: 22, Text: "Bed rest slows recovery (9)."}},
			Findings: []corpus.Finding{
				{Code: check.CodeDanglingCitation, Severity: corpus.Error, Line: 22, Claim: "c1", Marker: "(9)", Message: "(9): number 9 is beyond the end of the reference list (8 entries)"},
				{Code: check.CodeUncitedReference, Severity: corpus.Warning, Line: 46, Message: "reference 8 is never cited in the text"},
			},
		},
		{
			Schema:  corpus.ReportSchema,
			Article: corpus.ArticleInfo{Path: "essay.tex"},
			Findings: []corpus.Finding{
				{Code: check.CodeStale, Severity: corpus.Info, Line: 3, Message: "cites a 1990 work"},
				{Code: "made-up-code", Severity: corpus.Warning, Message: "a finding of no line"},
			},
		},
	}
}

// sarif is the log as a consumer reads it, with every field the 2.1.0
// schema requires of what evident writes.
type sarif struct {
	Schema  *string `json:"$schema"`
	Version *string `json:"version"`
	Runs    []struct {
		Tool *struct {
			Driver *struct {
				Name           *string `json:"name"`
				Version        string  `json:"version"`
				InformationURI string  `json:"informationUri"`
				Rules          []struct {
					ID               *string `json:"id"`
					Name             string  `json:"name"`
					ShortDescription *struct {
						Text *string `json:"text"`
					} `json:"shortDescription"`
					DefaultConfiguration *struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results *[]struct {
			RuleID    string `json:"ruleId"`
			RuleIndex *int   `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   *struct {
				Text *string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation *struct {
						URI *string `json:"uri"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
		Artifacts []struct {
			Location *struct {
				URI *string `json:"uri"`
			} `json:"location"`
			Description *struct {
				Text *string `json:"text"`
			} `json:"description"`
		} `json:"artifacts"`
	} `json:"runs"`
}

func TestCheckSARIF_Structure(t *testing.T) {
	var buf bytes.Buffer
	if err := CheckSARIF(&buf, sampleReports(), "1.2.3"); err != nil {
		t.Fatal(err)
	}
	var log sarif
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("decode: %v\n%s", err, buf.String())
	}
	// sarifLog: version (required, "2.1.0") and runs (required).
	if log.Version == nil || *log.Version != "2.1.0" || log.Schema == nil || !strings.Contains(*log.Schema, "sarif-2.1.0") {
		t.Fatalf("version/schema: %v %v", log.Version, log.Schema)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	// run: tool (required); tool: driver (required); toolComponent: name (required).
	if run.Tool == nil || run.Tool.Driver == nil || run.Tool.Driver.Name == nil || *run.Tool.Driver.Name != "evident" || run.Tool.Driver.Version != "1.2.3" {
		t.Fatalf("tool.driver: %+v", run.Tool)
	}
	var ruleIDs []string
	for _, r := range run.Tool.Driver.Rules {
		// reportingDescriptor: id (required).
		if r.ID == nil || *r.ID == "" || r.ShortDescription == nil || r.ShortDescription.Text == nil || *r.ShortDescription.Text == "" {
			t.Errorf("rule without id or description: %+v", r)
			continue
		}
		ruleIDs = append(ruleIDs, *r.ID)
		if *r.ID == check.CodeUncitedClaim && (r.Name != "UncitedClaim" || r.DefaultConfiguration == nil || r.DefaultConfiguration.Level != "warning") {
			t.Errorf("rule %s: name %q, default %+v", *r.ID, r.Name, r.DefaultConfiguration)
		}
	}
	for _, code := range append(check.Codes(), "made-up-code") {
		if !slices.Contains(ruleIDs, code) {
			t.Errorf("no rule for %s", code)
		}
	}
	// artifact: location with uri, and the article's verdict as its
	// description.
	if len(run.Artifacts) != 2 {
		t.Fatalf("%d artifacts, want one per article", len(run.Artifacts))
	}
	for i, a := range run.Artifacts {
		if a.Location == nil || a.Location.URI == nil || a.Description == nil || a.Description.Text == nil {
			t.Fatalf("artifact %d: %+v", i, a)
		}
		if want := check.Verdict(sampleReports()[i]); *a.Description.Text != want {
			t.Errorf("artifact %d describes %q, want the verdict %q", i, *a.Description.Text, want)
		}
	}
	if *run.Artifacts[0].Location.URI != "news/back%20pain.md" {
		t.Errorf("artifact 0 is %s", *run.Artifacts[0].Location.URI)
	}
	if run.Results == nil || len(*run.Results) != 4 {
		t.Fatalf("results: %+v", run.Results)
	}
	type want struct {
		rule, level, uri string
		line             int
	}
	wants := []want{
		{check.CodeDanglingCitation, "error", "news/back%20pain.md", 22},
		{check.CodeUncitedReference, "warning", "news/back%20pain.md", 46},
		{check.CodeStale, "note", "essay.tex", 3},
		{"made-up-code", "warning", "essay.tex", 0},
	}
	prints := map[string]bool{}
	for i, r := range *run.Results {
		w := wants[i]
		// result: message (required) with text.
		if r.Message == nil || r.Message.Text == nil || *r.Message.Text == "" {
			t.Errorf("result %d: no message text", i)
		}
		if r.RuleID != w.rule || r.Level != w.level {
			t.Errorf("result %d: rule %s level %s, want %s %s", i, r.RuleID, r.Level, w.rule, w.level)
		}
		if r.RuleIndex == nil || ruleIDs[*r.RuleIndex] != r.RuleID {
			t.Errorf("result %d: ruleIndex %v does not point at %s", i, r.RuleIndex, r.RuleID)
		}
		if len(r.Locations) != 1 || r.Locations[0].PhysicalLocation == nil || r.Locations[0].PhysicalLocation.ArtifactLocation == nil {
			t.Fatalf("result %d: locations %+v", i, r.Locations)
		}
		pl := r.Locations[0].PhysicalLocation
		if uri := pl.ArtifactLocation.URI; uri == nil || *uri != w.uri {
			t.Errorf("result %d: uri %v, want %s", i, uri, w.uri)
		}
		switch {
		case w.line == 0 && pl.Region != nil:
			t.Errorf("result %d: a region for a finding of no line", i)
		case w.line > 0 && (pl.Region == nil || pl.Region.StartLine != w.line):
			t.Errorf("result %d: region %+v, want startLine %d", i, pl.Region, w.line)
		}
		fp := r.PartialFingerprints[sarifFingerprint]
		if len(fp) != 32 || prints[fp] {
			t.Errorf("result %d: fingerprint %q missing or repeated", i, fp)
		}
		prints[fp] = true
	}
}

func TestCheckSARIF_NoFindingsIsAnEmptyResultList(t *testing.T) {
	var buf bytes.Buffer
	if err := CheckSARIF(&buf, nil, ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"results": []`) {
		t.Errorf("results must be an empty list, not absent:\n%s", buf.String())
	}
}

func TestCheckSARIF_FingerprintSurvivesMovedLines(t *testing.T) {
	fingerprint := func(line int) string {
		reps := sampleReports()[:1]
		reps[0].Findings = reps[0].Findings[:1]
		reps[0].Findings[0].Line = line
		reps[0].Claims[0].Line = line
		var buf bytes.Buffer
		if err := CheckSARIF(&buf, reps, ""); err != nil {
			t.Fatal(err)
		}
		var log sarif
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		return (*log.Runs[0].Results)[0].PartialFingerprints[sarifFingerprint]
	}
	if a, b := fingerprint(22), fingerprint(40); a != b {
		t.Errorf("fingerprint changed with the line: %s, %s", a, b)
	}
}

func TestArtifactURI(t *testing.T) {
	for in, want := range map[string]string{
		"story.md":           "story.md",
		"news/back pain.md":  "news/back%20pain.md",
		"/srv/news/story.md": "file:///srv/news/story.md",
		"a:b.md":             "./a:b.md",
	} {
		if got := artifactURI(in); got != want {
			t.Errorf("artifactURI(%q) = %q, want %q", in, got, want)
		}
	}
}

// Notes travel as tool execution notifications on the run's invocation,
// located at their article; a run without notes has no invocation.
func TestCheckSARIF_NotesAreNotifications(t *testing.T) {
	reps := []*corpus.Report{{Article: corpus.ArticleInfo{Path: "news/a.md"}, Notes: []string{"warning: news/a.md: the article is empty"}}}
	var buf bytes.Buffer
	if err := CheckSARIF(&buf, reps, "test"); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful bool `json:"executionSuccessful"`
				Notifications       []struct {
					Level   string `json:"level"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI string `json:"uri"`
							} `json:"artifactLocation"`
						} `json:"physicalLocation"`
					} `json:"locations"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	inv := log.Runs[0].Invocations
	if len(inv) != 1 || !inv[0].ExecutionSuccessful || len(inv[0].Notifications) != 1 {
		t.Fatalf("invocations = %+v, want one successful one with one notification", inv)
	}
	n := inv[0].Notifications[0]
	if n.Level != "note" || n.Message.Text != reps[0].Notes[0] || len(n.Locations) != 1 || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "news/a.md" {
		t.Errorf("notification = %+v", n)
	}

	buf.Reset()
	if err := CheckSARIF(&buf, []*corpus.Report{{Article: corpus.ArticleInfo{Path: "b.md"}}}, "test"); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("invocations")) {
		t.Errorf("a run without notes has invocations:\n%s", buf.String())
	}
}

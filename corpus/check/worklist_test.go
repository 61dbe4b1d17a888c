package check_test

import (
	"os"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

func countCode(rep *corpus.Report, code string) int {
	n := 0
	for _, f := range rep.Findings {
		if f.Code == code {
			n++
		}
	}
	return n
}

// The scraped explainer of issue 16 (the article reader's testdata): 13
// numbered citations, a "References" heading with only bios, related
// articles and the page footer under it. One finding says it, naming the markers, instead of
// 13 dangling citations, 13 uncited claims and five fake entries.
func TestCheck_EmptyReferenceListIsOneFinding(t *testing.T) {
	for _, tt := range []struct{ file, heading string }{
		{"../article/testdata/explainer/explainer.txt", "References"},
		{"../article/testdata/explainer/explainer.html", "Research Citations"},
	} {
		data, err := os.ReadFile(tt.file)
		if err != nil {
			t.Fatal(err)
		}
		format := corpus.Text
		if strings.HasSuffix(tt.file, ".html") {
			format = corpus.HTML
		}
		rep, err := check.Check(tt.file, data, format, nil, check.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if n := countCode(rep, check.CodeEmptyRefList); n != 1 {
			t.Fatalf("%s: %d empty-reference-list findings, want 1: %+v", tt.file, n, rep.Findings)
		}
		for _, code := range []string{check.CodeDanglingCitation, check.CodeUnmatchedReference, check.CodeUncitedReference} {
			if n := countCode(rep, code); n != 0 {
				t.Errorf("%s: %d %s findings, want none", tt.file, n, code)
			}
		}
		f := rep.Findings[0]
		if f.Code != check.CodeEmptyRefList || f.Severity != corpus.Error {
			t.Errorf("%s: first finding %+v, want the empty list, an error, first", tt.file, f)
		}
		for _, want := range []string{"13 numbered citations point nowhere", "“" + tt.heading + "”", "[1] (line ", "[12] (line ", "and 1 more"} {
			if !strings.Contains(f.Message, want) {
				t.Errorf("%s: message %q lacks %q", tt.file, f.Message, want)
			}
		}
		if !strings.HasPrefix(rep.Verdict, "13 numbered citations point nowhere: the reference list is empty") {
			t.Errorf("%s: verdict %q", tt.file, rep.Verdict)
		}
		if rep.Summary.Dangling != 13 || rep.Summary.ListEntries != 0 {
			t.Errorf("%s: summary %+v, want 13 dangling citations and no list", tt.file, rep.Summary)
		}
		if len(rep.Findings) > 4 {
			t.Errorf("%s: %d findings, want at most 4 (was 37)", tt.file, len(rep.Findings))
		}
	}
}

func TestCheck_MissingReferenceListIsOneFinding(t *testing.T) {
	rep := run(t, "a.md", "Coffee cuts liver disease by 40% [1].\n\nTea cuts it by 20% [2, 3].\n")
	if n := countCode(rep, check.CodeMissingRefList); n != 1 {
		t.Fatalf("%d missing-reference-list findings, want 1: %+v", n, rep.Findings)
	}
	if n := countCode(rep, check.CodeDanglingCitation) + countCode(rep, check.CodeUncitedClaim); n != 0 {
		t.Errorf("%d dangling or uncited findings beside it, want none: %+v", n, rep.Findings)
	}
	f := rep.Findings[0]
	if f.Line != 1 || !strings.Contains(f.Message, "3 numbered citations point nowhere: the article has no reference list: [1] (line 1), [2, 3] (line 3)") {
		t.Errorf("finding %+v", f)
	}
	if rep.Verdict != "3 numbered citations point nowhere: there is no reference list" {
		t.Errorf("verdict %q", rep.Verdict)
	}
}

// A claim whose only citation dangles has one problem, the dangling
// citation: it is unsupported, and not reported again as uncited.
func TestCheck_DanglingCitationIsNotAlsoAnUncitedClaim(t *testing.T) {
	rep := run(t, "a.md", "Coffee cuts liver disease by 40% [@nosuch2020].\n")
	if got := codes(rep); got != check.CodeDanglingCitation {
		t.Errorf("codes %q, want only dangling-citation", got)
	}
	if n := countCode(rep, check.CodeUncitedClaim); n != 0 {
		t.Errorf("%d uncited-claim findings beside the dangling citation", n)
	}
	if rep.Claims[0].Status != corpus.Unsupported {
		t.Errorf("status %s, want unsupported", rep.Claims[0].Status)
	}
}

// Errors first, then warnings; within one, findings of the article and
// its list before those of claims, claims by score, highest first.
func TestCheck_FindingsRankedBySeverityThenScore(t *testing.T) {
	rep := run(t, "a.md", `# Sugar

Sugar is sweet.

Sugary drinks raised the risk of type 2 diabetes by 26% in a meta-analysis of 310,819 adults.

Deep networks learn features [@lecun2015deep]. Coffee protects the liver [@nosuch].
`)
	var last corpus.Severity = corpus.Error
	lastScore := 2.0
	score := map[string]float64{}
	for _, c := range rep.Claims {
		score[c.ID] = c.Score
	}
	for i, f := range rep.Findings {
		if f.Severity > last {
			t.Errorf("finding %d (%s) is more severe than the one before", i, f.Code)
		}
		if f.Severity < last {
			lastScore = 2.0
		}
		if f.Claim != "" {
			if s := score[f.Claim]; s > lastScore {
				t.Errorf("finding %d (%s) scores %.2f, above the one before (%.2f)", i, f.Code, s, lastScore)
			} else {
				lastScore = s
			}
		}
		last = f.Severity
	}
	if rep.Findings[0].Code != check.CodeDanglingCitation {
		t.Errorf("first finding %s, want the dangling citation (an error)", rep.Findings[0].Code)
	}
}

func TestVerdict_MostSeriousFirst(t *testing.T) {
	claims := []corpus.Claim{{ID: "c1", Score: 0.95}, {ID: "c2", Score: 0.6}, {ID: "c3", Score: 0.9}}
	f := func(code string, sev corpus.Severity, claim string) corpus.Finding {
		return corpus.Finding{Code: code, Severity: sev, Claim: claim}
	}
	tests := []struct {
		name string
		rep  corpus.Report
		want string
	}{
		{"nothing found", corpus.Report{Summary: corpus.Summary{Claims: 4}}, "No findings: 4 claims, all supported"},
		{"no claims", corpus.Report{}, "No findings"},
		{"uncited claims, some high-scoring", corpus.Report{Claims: claims, Findings: []corpus.Finding{
			f(check.CodeUncitedClaim, corpus.Warning, "c1"), f(check.CodeUncitedClaim, corpus.Warning, "c2")}},
			"1 high-scoring claim has no source (2 in all)"},
		{"errors before warnings, whatever the order", corpus.Report{Claims: claims, Findings: []corpus.Finding{
			f(check.CodeUncitedReference, corpus.Warning, ""), f(check.CodeUncitedClaim, corpus.Warning, "c1"),
			f(check.CodeUncitedClaim, corpus.Warning, "c3"), f(check.CodeDanglingCitation, corpus.Error, "c2")}},
			"1 citation points nowhere; 2 high-scoring claims have no source; 1 reference is never cited"},
		{"past three problems, a count", corpus.Report{Claims: claims, Findings: []corpus.Finding{
			f(check.CodeDanglingCitation, corpus.Error, "c2"), f(check.CodeHomepageLink, corpus.Warning, "c1"),
			f(check.CodeUncitedReference, corpus.Warning, ""), f(check.CodeStale, corpus.Info, ""), f(check.CodeStale, corpus.Info, "")}},
			"1 citation points nowhere; 1 claim links only to a home page; 1 reference is never cited; 2 more findings"},
		{"a severity set by the editor counts", corpus.Report{Findings: []corpus.Finding{
			f(check.CodeUncitedReference, corpus.Warning, ""), f(check.CodeStale, corpus.Error, "")}},
			"1 citation of old evidence; 1 reference is never cited"},
	}
	for _, tt := range tests {
		if got := check.Verdict(&tt.rep); got != tt.want {
			t.Errorf("%s: Verdict = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A sentence that plainly continues a cited one about the same study is
// supported by its citation, in either scope; any other is judged alone.
// What is tested is the inheritance: the sentences are ones the model
// reads as claims in these two-sentence articles. (The thirteenth round's
// trees score "They found that 40% of findings were false." 0.30 after a
// cited sentence and "…of published findings…" 0.54: a sentence this
// short, alone after a cited one, sits near the threshold.)
func TestCheck_ContinuationSharesTheCitation(t *testing.T) {
	tests := []struct {
		name, text string
		supported  bool
	}{
		{"they found", "A trial followed 2,000 adults for ten years [@ioannidis2005why]. They found that 40% of published findings were false.", true},
		{"they also found", "A trial followed 2,000 adults for ten years [@ioannidis2005why]. They also reported that 12% of patients died.", true},
		{"the researchers", "A trial followed 2,000 adults for ten years [@ioannidis2005why]. The researchers saw a 30% drop in deaths.", true},
		{"the study also", "A trial followed 2,000 adults for ten years [@ioannidis2005why]. The study also linked sugar to a 26% higher risk of diabetes.", true},
		{"through a chain", "A trial followed 2,000 adults for ten years [@ioannidis2005why]. They found 40% fewer deaths. They also found a 12% drop in strokes.", true},
		{"a pronoun that reports nothing", "A trial followed 2,000 adults for ten years [@ioannidis2005why]. They are 40% more likely to die of heart disease.", false},
		{"a new subject", "A trial followed 2,000 adults for ten years [@ioannidis2005why]. Sugar raises the risk of diabetes by 26%.", false},
		{"the sentence before dangles", "A trial followed 2,000 adults for ten years [@nosuch]. They found that 40% of findings were false.", false},
		{"another paragraph", "A trial followed 2,000 adults for ten years [@ioannidis2005why].\n\nThey found that 40% of findings were false.", false},
	}
	for _, tt := range tests {
		rep := run(t, "a.md", tt.text+"\n")
		last := rep.Claims[len(rep.Claims)-1]
		if got := last.Status == corpus.Supported; got != tt.supported {
			t.Errorf("%s: %q is %s (covered by %+v), want supported %v", tt.name, last.Text, last.Status, last.CoveredBy, tt.supported)
		}
		if tt.supported && (last.CoveredBy == nil || !last.CoveredBy.Inherited) {
			t.Errorf("%s: coverage %+v, want inherited", tt.name, last.CoveredBy)
		}
	}
}

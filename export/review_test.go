package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/evident-tools/evident/corpus"
)

// reviewedExample is the example article with two findings marked: the
// dangling (9) as a false alarm, and the uncited "gentler on the stomach" claim
// as checked, with a note that needs escaping.
func reviewedExample(t *testing.T) (ReportArticle, corpus.Finding, corpus.Finding) {
	t.Helper()
	a := exampleArticle(t)
	rep := a.Report
	var marks []corpus.ReviewMark
	at := time.Date(2026, 12, 6, 9, 30, 0, 0, time.UTC)
	var dangling, gentler corpus.Finding
	for i := range rep.Findings {
		f := &rep.Findings[i]
		switch {
		case f.Code == "dangling-citation":
			marks = append(marks, rep.NewReviewMark(f, corpus.Review{As: corpus.ReviewWrong, By: "bob", At: at}))
			dangling = *f
		case f.Code == "uncited-claim" && strings.Contains(f.Message, "gentler on the stomach"):
			marks = append(marks, rep.NewReviewMark(f, corpus.Review{As: corpus.ReviewOK, Note: "source in the <print> box | p. 2", By: "ann", At: at}))
			gentler = *f
		}
	}
	if dangling.ID == "" || gentler.ID == "" {
		t.Fatalf("the example lacks the findings to mark: %+v", rep.Findings)
	}
	if stale := rep.ApplyReviews(marks); len(stale) != 0 {
		t.Fatalf("stale marks on the report they were made on: %+v", stale)
	}
	return a, dangling, gentler
}

func TestReports_ShowReviewedFindingsAsReviewed(t *testing.T) {
	a, dangling, gentler := reviewedExample(t)
	rep := a.Report

	t.Run("text", func(t *testing.T) {
		var b bytes.Buffer
		if err := CheckText(&b, rep, false); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		errorsPart, reviewedPart, ok := strings.Cut(out, "\nreviewed (2)\n")
		if !ok {
			t.Fatalf("no reviewed group:\n%s", out)
		}
		if strings.Contains(errorsPart, "dangling-citation") {
			t.Errorf("the reviewed dangling citation is still among the open findings:\n%s", errorsPart)
		}
		for _, want := range []string{
			"dangling-citation: (9): number 9 is beyond", "[" + corpus.FindingHash(dangling.ID) + "]",
			"reviewed wrong by bob, 2026-12-06\n",
			"reviewed ok by ann, 2026-12-06: source in the <print> box | p. 2\n",
		} {
			if !strings.Contains(reviewedPart, want) {
				t.Errorf("reviewed group lacks %q:\n%s", want, reviewedPart)
			}
		}
		if !strings.Contains(errorsPart, "errors (1)") {
			t.Errorf("want one open error left (the identifier mismatch):\n%s", errorsPart)
		}
	})

	t.Run("markdown", func(t *testing.T) {
		md := renderMarkdown(t, rep)
		for _, want := range []string{
			"**1 error, 7 warnings, 0 info**",
			"#### Findings (8)\n",
			"#### Reviewed (2)\n",
			"| 22 | `dangling-citation` | (9): number 9 is beyond the end of the reference list (8 entries) | “Even short courses",
			"| ok by ann, 2026-12-06: source in the \\<print\\> box \\| p. 2 | `" + corpus.FindingHash(gentler.ID) + "` |\n",
		} {
			if !strings.Contains(md, want) {
				t.Errorf("Markdown lacks %q\n%s", want, md)
			}
		}
		open, _, _ := strings.Cut(md, "#### Reviewed")
		if strings.Contains(open, "`dangling-citation` |") {
			t.Errorf("the reviewed finding is in the open table:\n%s", open)
		}
	})

	t.Run("html", func(t *testing.T) {
		doc := parseHTML(t, renderHTML(t, []ReportArticle{a}, nil))
		var dimmed, notes []string
		walk(doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			cls, _ := attr(n, "class")
			if n.Data == "li" && strings.Contains(cls, "reviewed") {
				dimmed = append(dimmed, textOf(n))
			}
			if cls == "rv" {
				notes = append(notes, textOf(n))
			}
		})
		if len(dimmed) != 2 {
			t.Fatalf("dimmed findings = %q, want the two reviewed", dimmed)
		}
		if !strings.Contains(strings.Join(notes, "\n"), "reviewed ok by ann, 2026-12-06: source in the <print> box | p. 2") {
			t.Errorf("the note is not shown (escaped as text): %q", notes)
		}
		// The sentence whose one finding is reviewed is dimmed too.
		var gentlerSentence *html.Node
		walk(doc, func(n *html.Node) {
			if cls, _ := attr(n, "class"); n.Type == html.ElementNode && n.Data == "span" && strings.HasPrefix(cls, "s ") &&
				strings.HasPrefix(textOf(n), "Paracetamol is also thought to be gentler") {
				gentlerSentence = n
			}
		})
		if gentlerSentence == nil {
			t.Fatal("no sentence “Paracetamol is also thought to be gentler…” on the page")
		}
		if cls, _ := attr(gentlerSentence, "class"); !strings.Contains(cls, "reviewed") {
			t.Errorf("the reviewed sentence is not dimmed")
		}
	})

	t.Run("sarif", func(t *testing.T) {
		var b bytes.Buffer
		if err := CheckSARIF(&b, []*corpus.Report{rep}, "test"); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Results []struct {
					RuleID       string `json:"ruleId"`
					Suppressions []struct {
						Kind, Status, Justification string
					} `json:"suppressions"`
					Properties struct {
						ID string `json:"evidentFindingId"`
					} `json:"properties"`
				} `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(b.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		suppressed := map[string]string{}
		for _, r := range log.Runs[0].Results {
			if r.Properties.ID == "" {
				t.Errorf("%s result without its finding id", r.RuleID)
			}
			for _, s := range r.Suppressions {
				if s.Kind != "external" || s.Status != "accepted" {
					t.Errorf("suppression %+v, want external and accepted", s)
				}
				suppressed[r.Properties.ID] = s.Justification
			}
		}
		want := map[string]string{dangling.ID: "reviewed wrong by bob, 2026-12-06", gentler.ID: "source in the <print> box | p. 2"}
		if len(suppressed) != 2 || suppressed[dangling.ID] != want[dangling.ID] || suppressed[gentler.ID] != want[gentler.ID] {
			t.Errorf("suppressions = %q, want %q", suppressed, want)
		}
	})

	t.Run("github", func(t *testing.T) {
		var b bytes.Buffer
		if err := CheckGitHub(&b, rep); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !strings.Contains(out, "::notice file=../examples/back-pain.md,line=22,title=dangling-citation::reviewed wrong by bob, 2026-12-06: (9)") {
			t.Errorf("the reviewed error is not a notice:\n%s", out)
		}
		if strings.Contains(out, "::error file=../examples/back-pain.md,line=22,") {
			t.Errorf("the reviewed error is still an error:\n%s", out)
		}
	})

	t.Run("json", func(t *testing.T) {
		var b bytes.Buffer
		if err := CheckJSON(&b, rep); err != nil {
			t.Fatal(err)
		}
		var back struct {
			Findings []struct {
				ID     string         `json:"id"`
				Review map[string]any `json:"review"`
			} `json:"findings"`
			Summary struct{ Reviewed, Errors int } `json:"summary"`
		}
		if err := json.Unmarshal(b.Bytes(), &back); err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range back.Findings {
			if f.Review == nil {
				continue
			}
			n++
			for _, k := range []string{"as", "by", "at"} {
				if _, ok := f.Review[k]; !ok {
					t.Errorf("review of %s lacks %q: %v", f.ID, k, f.Review)
				}
			}
		}
		if n != 2 || back.Summary.Reviewed != 2 || back.Summary.Errors != 1 {
			t.Errorf("%d reviewed findings, summary %+v; want 2, reviewed 2, errors 1", n, back.Summary)
		}
	})
}

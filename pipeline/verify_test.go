package pipeline

import (
	"context"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/verify"
)

// stubVerifier answers every target with one verdict and counts calls; an
// err is returned with the results, as an interrupted run does.
type stubVerifier struct {
	calls   int
	targets []verify.Target
	err     error
}

func (s *stubVerifier) Verify(ctx context.Context, ts []verify.Target) (*verify.Report, error) {
	s.calls++
	s.targets = append(s.targets, ts...)
	rep := &verify.Report{}
	for _, t := range ts {
		rep.References = append(rep.References, verify.Result{Key: t.Key, Verdict: verify.NotFound,
			Updates: []registry.Update{{Type: registry.Retraction, DOI: "10.5555/notice", Date: "2020-01-01", Source: "publisher"}},
			Message: "no record for DOI 10.5555/x"})
	}
	return rep, s.err
}

const verifyArticle = "# A\n\nWalking helped (1).\n\n## References\n\n1. Doe J. A walking trial. J Ex. 2001. doi:10.5555/x\n"

func TestCheck_VerifyAddsFindingsAndVerifications(t *testing.T) {
	sv := &stubVerifier{}
	checked, err := CheckAll(context.Background(), []Input{{Path: "a.md", Format: corpus.Markdown, Data: []byte(verifyArticle)}},
		nil, Options{Settings: defaults, NoSupport: true, Verify: sv})
	if err != nil {
		t.Fatal(err)
	}
	rep := checked[0].Report
	if sv.calls != 1 || len(sv.targets) != 1 || !strings.HasPrefix(sv.targets[0].Text, "Doe J.") {
		t.Fatalf("verifier asked %d times for %+v", sv.calls, sv.targets)
	}
	v := rep.References[0].Verification
	if v == nil || v.Verdict != "not-found" || len(v.Updates) != 1 || v.Updates[0].Source != "publisher" {
		t.Errorf("verification = %+v", v)
	}
	codes := map[string]corpus.Severity{}
	for _, f := range rep.Findings {
		codes[f.Code] = f.Severity
	}
	if codes[check.CodeNotFound] != corpus.Warning || codes[check.CodeRetracted] != corpus.Error {
		t.Errorf("findings = %+v", rep.Findings)
	}
	if rep.Summary.Errors == 0 {
		t.Error("the summary does not count the verification's findings")
	}
}

func TestCheck_VerifyInterruptedEndsTheRun(t *testing.T) {
	sv := &stubVerifier{err: context.Canceled}
	in := Input{Path: "a.md", Format: corpus.Markdown, Data: []byte(verifyArticle)}
	n := 0
	err := Check(context.Background(), []Input{in, in}, nil, Options{Settings: defaults, NoSupport: true, Verify: sv},
		func(Checked) error { n++; return nil })
	if err != context.Canceled || n != 0 || sv.calls != 1 {
		t.Errorf("err %v after %d reports and %d calls; want the interrupt at once", err, n, sv.calls)
	}
}

func TestCheck_NoVerifierAsksNothing(t *testing.T) {
	checked, err := CheckAll(context.Background(), []Input{{Path: "a.md", Format: corpus.Markdown, Data: []byte(verifyArticle)}},
		nil, Options{Settings: defaults, NoSupport: true})
	if err != nil || checked[0].Report.References[0].Verification != nil {
		t.Errorf("err %v, verification %+v", err, checked[0].Report.References[0].Verification)
	}
}

package check

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// fakeVerify answers from a table keyed by a work's library key, its text's
// first word or its DOI, and records what it was asked.
type fakeVerify struct {
	answers map[string]*corpus.Verification
	asked   []Work
}

func (f *fakeVerify) verify(works []Work) []*corpus.Verification {
	f.asked = append(f.asked, works...)
	out := make([]*corpus.Verification, len(works))
	for i, w := range works {
		k := w.Key
		switch {
		case k != "":
		case w.Text != "":
			k = strings.Fields(w.Text)[0]
		default:
			k = w.IDs.DOI
		}
		out[i] = f.answers[k]
	}
	return out
}

func verifiedReport(t *testing.T, text string, f *fakeVerify, rs RetractionSource) *corpus.Report {
	t.Helper()
	return checkRuleLibrary(t, text, Options{Verify: f.verify, Retractions: rs}).Report
}

func findingsOf(rep *corpus.Report, code string) []corpus.Finding {
	var out []corpus.Finding
	for _, f := range rep.Findings {
		if f.Code == code {
			out = append(out, f)
		}
	}
	return out
}

func TestVerify_EachKindOfWorkIsAskedOnce(t *testing.T) {
	text := "# An article\n\nDeep learning changed vision (1). Walking helped [@example2019review]. " +
		"A case series was retracted [@example2019review]. See [the trial](https://doi.org/10.5555/linked.1).\n\n" +
		"## References\n\n1. " + entryLeCun + "\n2. " + entryUnimported + "\n"
	f := &fakeVerify{}
	verifiedReport(t, text, f, nil)
	var got []string
	for _, w := range f.asked {
		switch {
		case w.Ref != nil:
			got = append(got, "ref:"+w.Key)
		case w.Text != "":
			got = append(got, "text:"+strings.Fields(w.Text)[0])
		default:
			got = append(got, "ids:"+w.IDs.DOI)
		}
	}
	want := "ref:lecun2015deep text:Doe ids:10.5555/linked.1 ref:example2019review"
	if strings.Join(got, " ") != want {
		t.Errorf("asked %v\nwant  %s", got, want)
	}
}

func TestVerify_FindingsOfEachVerdict(t *testing.T) {
	text := "# An article\n\nDeep learning changed vision (1). Something was found (2). Trials say so (3).\n\n" +
		"## References\n\n1. " + entryLeCun + "\n2. " + entryUnimported + "\n3. " + entryIoannidis + "\n"
	f := &fakeVerify{answers: map[string]*corpus.Verification{
		"lecun2015deep": {Key: "lecun2015deep", Verdict: corpus.VerdictMismatch,
			Differences: []corpus.VerifyDifference{{Field: "year", Ours: "2015", Record: "2017"}},
			Record:      &corpus.VerifiedRecord{Registry: "crossref", DOI: "10.1038/nature14539"}},
		"Doe": {Verdict: corpus.VerdictNotFound, Message: "no search match; books are often not indexed"},
		"ioannidis2005why": {Key: "ioannidis2005why", Verdict: corpus.VerdictWrongIdentifier,
			Record: &corpus.VerifiedRecord{Registry: "crossref", Title: "Another work entirely", DOI: "10.1371/journal.pmed.0020124"}},
	}}
	rep := verifiedReport(t, text, f, nil)
	tests := []struct {
		code     string
		severity corpus.Severity
		line     int
		has      string
	}{
		{CodeMetadataMismatch, corpus.Warning, 7, `year “2015” in the reference, “2017” in the record`},
		{CodeNotFound, corpus.Warning, 8, "reference 2 “A study nobody has imported”"},
		{CodeIdentifierMismatch, corpus.Error, 9, "belongs to another work in crossref, “Another work entirely”"},
	}
	for _, tt := range tests {
		fs := findingsOf(rep, tt.code)
		if len(fs) != 1 || fs[0].Severity != tt.severity || fs[0].Line != tt.line || !strings.Contains(fs[0].Message, tt.has) {
			t.Errorf("%s: findings %+v; want one %v at line %d with %q", tt.code, fs, tt.severity, tt.line, tt.has)
		}
	}
	if v := rep.References[1].Verification; v == nil || v.Verdict != corpus.VerdictNotFound {
		t.Errorf("entry 2 keeps no verification: %+v", v)
	}
	js, _ := json.Marshal(rep.References[0])
	if !strings.Contains(string(js), `"verification":{"key":"lecun2015deep","verdict":"mismatch"`) {
		t.Errorf("JSON of entry 1: %s", js)
	}
}

func TestVerify_NoticesPreprintsAndUnknowns(t *testing.T) {
	text := "# An article\n\nWalking helped [@example2019review]. Bed rest did not [@example1998review]. " +
		"A trial says so [@example2020pmid]. A note [@example2021note].\n"
	f := &fakeVerify{answers: map[string]*corpus.Verification{
		"example2019review": {Key: "example2019review", Verdict: corpus.VerdictVerified, Updates: []corpus.VerifyNotice{
			{Type: "correction", Date: "2019-01-01", Source: "publisher"},
			{Type: "retraction", DOI: "10.5555/notice", Date: "2020-02-02", Source: "retraction-watch"},
		}},
		"example1998review": {Key: "example1998review", Verdict: corpus.VerdictVerified,
			Updates: []corpus.VerifyNotice{{Type: "expression-of-concern", Date: "2000-01-01", Source: "publisher"}}},
		"example2020pmid": {Key: "example2020pmid", Verdict: corpus.VerdictVerified,
			Record: &corpus.VerifiedRecord{Registry: "crossref", PublishedAs: "10.5555/published"}},
		"example2021note": {Key: "example2021note", Verdict: corpus.VerdictUnknown, Message: "crossref: offline: not in the cache"},
	}}
	rep := verifiedReport(t, text, f, nil)
	tests := []struct {
		code     string
		severity corpus.Severity
		has      string
	}{
		{CodeRetracted, corpus.Error, "was retracted on 2020-02-02 (notice reported by retraction-watch, DOI 10.5555/notice)"},
		{CodeExpressionOfConcern, corpus.Warning, "library reference example1998review “Bed rest"},
		{CodePreprintSuperseded, corpus.Info, "later published (DOI 10.5555/published)"},
		{CodeUnverified, corpus.Info, "could not be verified: crossref: offline: not in the cache"},
	}
	for _, tt := range tests {
		fs := findingsOf(rep, tt.code)
		if len(fs) != 1 || fs[0].Severity != tt.severity || fs[0].Claim == "" || !strings.Contains(fs[0].Message, tt.has) {
			t.Errorf("%s: findings %+v; want one %v on a claim with %q", tt.code, fs, tt.severity, tt.has)
		}
	}
	if n := len(findingsOf(rep, CodeCorrected)); n != 0 {
		t.Errorf("%d corrected findings; the retraction prevails over the earlier correction", n)
	}
	if len(rep.Verifications) != 4 || rep.Verifications[0].Key != "example2019review" {
		t.Errorf("report verifications = %+v", rep.Verifications)
	}
}

func TestVerify_RetractionDatabaseFirstNotTwice(t *testing.T) {
	rs := loadRetractionsFile(t, "retractions-rw.csv")
	text := "# An article\n\nA case series linked vaccination and autism [@wakefield1998ileal].\n"
	f := &fakeVerify{answers: map[string]*corpus.Verification{
		"wakefield1998ileal": {Key: "wakefield1998ileal", Verdict: corpus.VerdictVerified,
			Updates: []corpus.VerifyNotice{{Type: "retraction", Date: "2010-02-06", Source: "publisher"}}},
	}}
	rep := verifiedReport(t, text, f, rs)
	fs := findingsOf(rep, CodeRetracted)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "retractions-rw.csv:3") {
		t.Errorf("retracted findings = %+v; want one, from the database", fs)
	}
}

func TestVerify_NothingToVerifyAsksNothing(t *testing.T) {
	f := &fakeVerify{}
	rep := verifiedReport(t, "# An article\n\nNo citations here at all.\n", f, nil)
	if len(f.asked) != 0 || len(rep.Verifications) != 0 {
		t.Errorf("asked %+v", f.asked)
	}
}

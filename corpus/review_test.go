package corpus

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// reviewReport is a small report: a claim citing (1) with a finding on
// it, an uncited claim, and a list entry that matches nothing.
func reviewReport(marker, claim string) *Report {
	r := &Report{
		Claims: []Claim{
			{ID: "c1", Line: 3, Text: "Sugar raises the risk of diabetes by 26% " + marker + ".",
				Citations: []CitationLink{{Marker: marker, Kind: "numeric", Cites: strings.Trim(marker, "()"), Status: Dangling}}},
			{ID: "c2", Line: 4, Text: claim},
		},
		References: []ListRef{{Label: "1", Text: "Nobody N. A missing work. 2011.", Line: 9}},
		Findings: []Finding{
			{Code: "dangling-citation", Severity: Error, Line: 3, Claim: "c1", Marker: marker, Message: marker + ": no entry"},
			{Code: "uncited-claim", Severity: Warning, Line: 4, Claim: "c2", Message: "claim with no citation"},
			{Code: "unmatched-reference", Severity: Warning, Line: 9, Message: "reference 1 matches nothing in the library"},
		},
	}
	r.SetFindingIDs()
	return r
}

func TestNormaliseText_FoldsCaseAndPunctuationKeepsDigits(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Adults  who drink — two sugary drinks, a day!", "adults who drink two sugary drinks a day"},
		{"STRASSE and Straße", "strasse and strasse"},
		{"40% of adults (n = 1,203)", "40 of adults n 1 203"},
		{"  ", ""},
	} {
		if got := normaliseText(tc.in); got != tc.want {
			t.Errorf("normaliseText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSetFindingIDs_MarkersAndCaseDoNotCountNumbersDo(t *testing.T) {
	a := reviewReport("(1)", "Children eat 40% more sugar than in 1990.")
	// The list renumbered: (1) is (3) now; the claim recased and spaced.
	b := reviewReport("(3)", "children eat 40%  more sugar than in 1990")
	if a.Findings[1].ID != b.Findings[1].ID {
		t.Errorf("uncited claim: %s became %s when only case and spacing changed", a.Findings[1].ID, b.Findings[1].ID)
	}
	if a.Findings[2].ID != b.Findings[2].ID {
		t.Errorf("list entry: %s became %s", a.Findings[2].ID, b.Findings[2].ID)
	}
	// The dangling finding names its marker: another number is another
	// finding.
	if a.Findings[0].ID == b.Findings[0].ID {
		t.Errorf("dangling (1) and dangling (3) share id %s", a.Findings[0].ID)
	}
	c := reviewReport("(1)", "Children eat 50% more sugar than in 1990.")
	if a.Findings[1].ID == c.Findings[1].ID {
		t.Errorf("40%% and 50%% claims share id %s", a.Findings[1].ID)
	}
	// The sentence of the dangling marker, its marker aside, is the same.
	d := reviewReport("(1)", "x")
	d.Claims[0].Text = strings.Replace(d.Claims[0].Text, "(1)", "", 1)
	if claimSubject(&a.Claims[0]) != claimSubject(&d.Claims[0]) {
		t.Errorf("subject with marker %q, without %q", claimSubject(&a.Claims[0]), claimSubject(&d.Claims[0]))
	}
}

func TestMatchFindingID_FullHashOrUniquePrefix(t *testing.T) {
	ids := []string{"uncited-claim:3fa9c1d2e0", "uncited-claim:3fa9c1d2e0-2", "dangling-citation:3f00aa11bb"}
	for _, tc := range []struct {
		what string
		want []string
	}{
		{"uncited-claim:3fa9c1d2e0", ids[:1]},
		{"3fa9c1d2e0", ids[:1]},
		{"3fa9c1d2e0-2", ids[1:2]},
		{"3fa9", ids[:2]},
		{"3f", nil}, // too short to name anything
		{"dangling-citation:3f", ids[2:]},
		{"ffff", nil},
	} {
		if got := MatchFindingID(ids, tc.what); !slices.Equal(got, tc.want) {
			t.Errorf("MatchFindingID(%q) = %q, want %q", tc.what, got, tc.want)
		}
	}
}

func TestApplyReviews_MarksCountsAndStaleNotes(t *testing.T) {
	at := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	old := reviewReport("(1)", "Children eat 40% more sugar than in 1990.")
	markClaim := old.NewReviewMark(&old.Findings[1], Review{As: ReviewOK, Note: "from the print edition", By: "ann", At: at})
	markDangling := old.NewReviewMark(&old.Findings[0], Review{As: ReviewWrong, By: "bob", At: at})
	markEntry := old.NewReviewMark(&old.Findings[2], Review{As: ReviewOK, By: "ann", At: at})
	if markClaim.Text != "Children eat 40% more sugar than in 1990." || markEntry.Text != "Nobody N. A missing work. 2011." {
		t.Errorf("marks keep %q and %q, want the sentence and the entry", markClaim.Text, markEntry.Text)
	}

	// The same article: every mark lands; errors no longer count.
	rep := reviewReport("(1)", "Children eat 40% more sugar than in 1990.")
	stale := rep.ApplyReviews([]ReviewMark{markClaim, markDangling})
	if len(stale) != 0 || len(rep.Notes) != 0 {
		t.Errorf("stale = %v, notes %q; want none", stale, rep.Notes)
	}
	if rv := rep.Findings[1].Review; rv == nil || rv.Note != "from the print edition" || rv.By != "ann" {
		t.Errorf("uncited claim's review = %+v", rv)
	}
	if s := rep.Summary; s.Reviewed != 2 || s.Errors != 0 || s.Warnings != 1 {
		t.Errorf("summary: %d reviewed, %d errors, %d warnings; want 2, 0, 1", s.Reviewed, s.Errors, s.Warnings)
	}
	if w, ok := rep.Worst(); !ok || w != Warning {
		t.Errorf("Worst = %v, %v; want warning (the error is reviewed)", w, ok)
	}
	rep.ApplyReviews([]ReviewMark{markClaim, markDangling, markEntry})
	if _, ok := rep.Worst(); ok {
		t.Error("Worst found a finding when every one is reviewed")
	}

	// The claim rewritten (another number), the marker now resolving: two
	// stale marks, told apart.
	edited := reviewReport("(1)", "Children eat 60% more sugar than in 1990.")
	edited.Findings = edited.Findings[1:] // (1) resolves now
	stale = edited.ApplyReviews([]ReviewMark{markClaim, markDangling, markEntry})
	edited.NoteStale(stale)
	if len(stale) != 2 {
		t.Fatalf("stale = %+v, want the claim's and the dangling marker's", stale)
	}
	if got := edited.MarkState(markClaim); got != MarkSentenceGone {
		t.Errorf("rewritten claim: %s, want %s", got, MarkSentenceGone)
	}
	if got := edited.MarkState(markDangling); got != MarkNotReported {
		t.Errorf("resolved marker: %s, want %s", got, MarkNotReported)
	}
	if got := edited.MarkState(markEntry); got != MarkCurrent {
		t.Errorf("entry: %s, want current", got)
	}
	notes := strings.Join(edited.Notes, "\n")
	for _, want := range []string{
		"review mark " + markClaim.Finding + " (ok by ann, 2026-12-06) is stale: its sentence is no longer in the article: “Children eat 40%",
		"review mark " + markDangling.Finding + " (wrong by bob, 2026-12-06) is stale: the check no longer reports it",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}

// FuzzSetFindingIDs gives ids to findings on arbitrary sentences, markers
// and typed ids: never a panic, always unique and the same twice.
func FuzzSetFindingIDs(f *testing.F) {
	f.Add("Sugar raises the risk by 26% (1).", "(1)", "3fa9")
	f.Add("", "", "")
	f.Add("Straße \u0130 \xff (2–4)", "(2–4)", "uncited-claim:")
	f.Fuzz(func(t *testing.T, text, marker, typed string) {
		r := &Report{
			Claims: []Claim{{ID: "c1", Text: text, Citations: []CitationLink{{Marker: marker, Status: Dangling, Cites: marker}}},
				{ID: "c2", Text: text}},
			References: []ListRef{{Text: text, Line: 5}},
			Findings: []Finding{
				{Code: "dangling-citation", Claim: "c1", Marker: marker, Message: text},
				{Code: "dangling-citation", Claim: "c1", Marker: marker, Message: marker},
				{Code: "uncited-claim", Claim: "c2", Message: text},
				{Code: "uncited-claim", Claim: "c2", Message: text},
				{Code: "unmatched-reference", Line: 5, Message: text},
				{Code: "x", Message: text},
			},
		}
		r.SetFindingIDs()
		first := make([]string, len(r.Findings))
		seen := map[string]bool{}
		for i, fd := range r.Findings {
			if fd.ID == "" || seen[fd.ID] {
				t.Fatalf("finding %d: id %q empty or repeated", i, fd.ID)
			}
			seen[fd.ID] = true
			first[i] = fd.ID
		}
		r.SetFindingIDs()
		for i, fd := range r.Findings {
			if fd.ID != first[i] {
				t.Fatalf("finding %d: id %q, then %q", i, first[i], fd.ID)
			}
		}
		MatchFindingID(first, typed)
		m := r.NewReviewMark(&r.Findings[2], Review{As: ReviewOK})
		if r.MarkState(m) != MarkCurrent {
			t.Fatalf("a mark on the report it was made on is %s", r.MarkState(m))
		}
		r.ApplyReviews([]ReviewMark{m})
	})
}

package corpus

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// ReviewVerdict is what an editor decided about a finding (evident review).
type ReviewVerdict string

// The verdicts. Either takes the finding out of --fail-on; they differ in
// what they say about evident: ok means the finding was worth raising and
// has been dealt with, wrong that it should not have been raised.
const (
	// ReviewOK: checked, and the text stands as it is: the claim is sound
	// or common knowledge, or its source is given where evident cannot
	// see it (print edition, a box, the caption).
	ReviewOK ReviewVerdict = "ok"
	// ReviewWrong: a false alarm: the sentence is no claim, the citation
	// does resolve, the reference is not a duplicate.
	ReviewWrong ReviewVerdict = "wrong"
)

// ReviewVerdicts are the verdicts by name, for flags and help.
var ReviewVerdicts = []string{string(ReviewOK), string(ReviewWrong)}

// Review is an editor's mark on a finding: the verdict, why, who and when.
type Review struct {
	As   ReviewVerdict `json:"as"`
	Note string        `json:"note,omitempty"`
	By   string        `json:"by"`
	At   time.Time     `json:"at"`
}

// ReviewMark is a Review of one finding of a stored article, as the
// library keeps it: the finding's id, and what the finding was about when
// it was marked, so that a mark whose finding is gone can say what it was.
type ReviewMark struct {
	Finding string `json:"finding"` // the finding's ID
	Code    string `json:"code"`
	// Text is the sentence, reference-list entry or message the finding
	// was about; Line where it stood then.
	Text string `json:"text"`
	Line int    `json:"line,omitempty"`
	// Subject is the normalised text the finding's id was made from: a
	// mark whose finding is gone but whose subject is still in the article
	// is no longer reported; one whose subject is gone, its sentence was
	// edited or deleted.
	Subject string `json:"subject"`
	Review
}

// MarkState says whether a mark still names a finding of the latest check.
type MarkState string

// The mark states; every one but MarkCurrent is stale.
const (
	MarkCurrent      MarkState = "current"      // the check reports the finding
	MarkNotReported  MarkState = "not-reported" // its sentence is there, the finding is not (a citation was added)
	MarkSentenceGone MarkState = "sentence-gone"
)

// Stale reports whether the mark names no finding of the check.
func (s MarkState) Stale() bool { return s != MarkCurrent }

// Describe says in words why a mark is stale, or "current".
func (s MarkState) Describe() string {
	switch s {
	case MarkNotReported:
		return "stale: the check no longer reports it"
	case MarkSentenceGone:
		return "stale: its sentence is no longer in the article"
	}
	return string(s)
}

// NewReviewMark is the mark rv makes on the finding f of this report.
func (r *Report) NewReviewMark(f *Finding, rv Review) ReviewMark {
	m := ReviewMark{Finding: f.ID, Code: f.Code, Text: f.Message, Line: f.Line, Review: rv}
	claims := r.claimIndex()
	m.Subject, _ = r.findingSubject(f, claims)
	if i, ok := claims[f.Claim]; ok && f.Claim != "" {
		m.Text = r.Claims[i].Text
	} else if e := r.entryOf(f); e != nil {
		m.Text = e.Text
	}
	return m
}

// MarkState says whether m names a finding of this report.
func (r *Report) MarkState(m ReviewMark) MarkState {
	for i := range r.Findings {
		if r.Findings[i].ID == m.Finding {
			return MarkCurrent
		}
	}
	if m.Subject == "" {
		return MarkSentenceGone
	}
	for i := range r.Claims {
		if "s:"+claimSubject(&r.Claims[i]) == m.Subject {
			return MarkNotReported
		}
	}
	for i := range r.References {
		if "r:"+normaliseText(r.References[i].Text) == m.Subject {
			return MarkNotReported
		}
	}
	if strings.HasPrefix(m.Subject, "m:") {
		// A finding about the whole article: its subject is its message.
		return MarkNotReported
	}
	return MarkSentenceGone
}

// ApplyReviews puts each mark on the finding it names (Finding.Review) and
// counts the findings marked in Summary.Reviewed and the others by
// severity. It returns the marks that name no finding of this report, for
// NoteStale. Applying again replaces what an earlier call did.
func (r *Report) ApplyReviews(marks []ReviewMark) []ReviewMark {
	byID := make(map[string]*ReviewMark, len(marks))
	for i := range marks {
		byID[marks[i].Finding] = &marks[i]
	}
	used := map[string]bool{}
	s := &r.Summary
	s.Errors, s.Warnings, s.Infos, s.Reviewed = 0, 0, 0, 0
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Review = nil
		if m, ok := byID[f.ID]; ok {
			rv := m.Review
			f.Review = &rv
			used[f.ID] = true
			s.Reviewed++
			continue
		}
		switch f.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
	var stale []ReviewMark
	for _, m := range marks {
		if !used[m.Finding] {
			stale = append(stale, m)
		}
	}
	return stale
}

// NoteStale adds a note to the report for each mark that names none of
// its findings (ApplyReviews), saying why it is stale. A check that left
// findings out (--baseline) does not call it: their marks are not stale.
func (r *Report) NoteStale(stale []ReviewMark) {
	for _, m := range stale {
		r.Notes = append(r.Notes, fmt.Sprintf("review mark %s (%s) is %s: %s", m.Finding, m.Review.Summary(),
			r.MarkState(m).Describe(), quoteShort(m.Text, 80)))
	}
}

// Summary says a review in a few words: "ok by ann, 2026-12-06".
func (rv Review) Summary() string {
	s := string(rv.As)
	if rv.By != "" {
		s += " by " + rv.By
	}
	if !rv.At.IsZero() {
		s += ", " + rv.At.UTC().Format(time.DateOnly)
	}
	return s
}

// quoteShort quotes s on one line, cut to at most max runes.
func quoteShort(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max-1]) + "…"
	}
	return "\u201c" + s + "\u201d"
}

func (r *Report) claimIndex() map[string]int {
	claims := make(map[string]int, len(r.Claims))
	for i := range r.Claims {
		claims[r.Claims[i].ID] = i
	}
	return claims
}

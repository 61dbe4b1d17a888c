package corpus

import "sort"

// RankFindings orders the report's findings by what an editor should look
// at first: errors, then warnings, then info; within a severity, the
// findings about the article or its reference list (a missing list, an
// identifier that belongs to another work), which are facts, before those
// about claims, which rest on a score; claims by their score, highest
// first; then by position. Every format lists findings in this order.
func (r *Report) RankFindings() {
	score := make(map[string]float64, len(r.Claims))
	for _, c := range r.Claims {
		score[c.ID] = c.Score
	}
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if (a.Claim == "") != (b.Claim == "") {
			return a.Claim == ""
		}
		if sa, sb := score[a.Claim], score[b.Claim]; sa != sb {
			return sa > sb
		}
		return a.Line < b.Line
	})
}

// FindingFilter picks the findings a report for people shows: those at
// least MinSeverity, the first Top of them in rank order (0: all). The
// zero value shows everything.
type FindingFilter struct {
	MinSeverity Severity
	Top         int
}

// Active reports whether the filter hides anything at all.
func (f FindingFilter) Active() bool { return f.MinSeverity > Info || f.Top > 0 }

// Apply returns the findings of fs the filter shows, in their order, and
// how many it hides.
func (f FindingFilter) Apply(fs []Finding) (shown []Finding, hidden int) {
	keep, hidden := f.Pick(fs)
	for i, x := range fs {
		if keep[i] {
			shown = append(shown, x)
		}
	}
	return shown, hidden
}

// Pick says of each finding of fs whether the filter shows it, and how
// many it hides.
func (f FindingFilter) Pick(fs []Finding) (keep []bool, hidden int) {
	keep = make([]bool, len(fs))
	n := 0
	for i, x := range fs {
		if x.Severity < f.MinSeverity || f.Top > 0 && n >= f.Top {
			hidden++
			continue
		}
		keep[i] = true
		n++
	}
	return keep, hidden
}

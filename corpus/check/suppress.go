package check

import (
	"slices"

	"github.com/evident-tools/evident/corpus"
)

// applySuppressions removes the findings that the article's evident:ignore
// comments silence and returns how many it removed. A comment applies to
// the first sentence starting at or after its line, or to the first
// reference-list entry there when that comes first (so that a comment
// above an entry silences uncited-reference and its kin), and silences the
// codes it lists, or every code. A code it lists that no finding has
// silences nothing.
func applySuppressions(rep *state, doc *corpus.Document) int {
	if len(doc.Suppressions) == 0 || len(rep.Findings) == 0 {
		return 0
	}
	drop := make([]bool, len(rep.Findings))
	for _, s := range doc.Suppressions {
		claim, entryLine := rep.suppressionTarget(s.Line)
		for i, f := range rep.Findings {
			if len(s.Codes) > 0 && !silences(s.Codes, f.Code) {
				continue
			}
			if claim != "" && f.Claim == claim || claim == "" && entryLine > 0 && f.Claim == "" && f.Line == entryLine {
				drop[i] = true
			}
		}
	}
	kept := rep.Findings[:0]
	n := 0
	for i, f := range rep.Findings {
		if drop[i] {
			n++
			continue
		}
		kept = append(kept, f)
	}
	rep.Findings = kept
	return n
}

// suppressionTarget finds what a comment on line silences: the claim (by
// id) starting first at or after it, or else the line of the list entry
// starting first at or after it, whichever is nearer; a claim wins a tie.
// Claims are not sorted by line (footnotes come last), so all are looked at.
func (rep *state) suppressionTarget(line int) (claim string, entryLine int) {
	var best *corpus.Claim
	for i := range rep.Claims {
		c := &rep.Claims[i]
		if c.Line < line {
			continue
		}
		if best == nil || c.Line < best.Line || c.Line == best.Line && c.Col < best.Col {
			best = c
		}
	}
	for _, e := range rep.References {
		if e.Line >= line && (entryLine == 0 || e.Line < entryLine) {
			entryLine = e.Line
		}
	}
	if best != nil && (entryLine == 0 || best.Line <= entryLine) {
		return best.ID, 0
	}
	return "", entryLine
}

// silences reports whether a comment's codes name code, itself or by an
// old name (evident:ignore weak-support silences unsupported-by-source).
func silences(codes []string, code string) bool {
	if slices.Contains(codes, code) {
		return true
	}
	for _, c := range codes {
		if slices.Contains(CodeAliases[c], code) {
			return true
		}
	}
	return false
}

package check

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// HighScore is the claim score from which the verdict calls an uncited
// claim high-scoring: the claims an editor should source first.
const HighScore = 0.8

// verdictParts is how many problems the verdict names before it counts
// the rest.
const verdictParts = 3

// verdictOrder ranks the codes of one severity in the verdict: the
// problems that make many findings at once come first.
var verdictOrder = []string{
	CodeEmptyRefList, CodeMissingRefList, CodeDanglingCitation, CodeIdentifierMismatch, CodeRetracted,
	CodeUncitedClaim, CodeHomepageLink, CodeUnmatchedReference, CodeUncitedReference,
	CodeDuplicateReference, CodeSecondarySource, CodeOutOfOrder, CodeIncompleteReference, CodeStale,
}

// Verdict is the one line that heads an article's report in every format:
// its problems, most serious first, in words ("13 numbered citations point
// nowhere: the reference list is empty; 6 high-scoring claims have no
// source"), built from the report's findings.
func Verdict(rep *corpus.Report) string {
	if len(rep.Findings) == 0 {
		if s := rep.Summary; s.Claims > 0 && s.Unsupported == 0 {
			return fmt.Sprintf("No findings: %d %s, all supported", s.Claims, plural(s.Claims, "claim", "claims"))
		}
		return "No findings"
	}
	type group struct {
		code  string
		worst corpus.Severity
		n     int
	}
	byCode := map[string]*group{}
	var groups []*group
	for _, f := range rep.Findings {
		g := byCode[f.Code]
		if g == nil {
			g = &group{code: f.Code, worst: f.Severity}
			byCode[f.Code] = g
			groups = append(groups, g)
		}
		g.n++
		g.worst = max(g.worst, f.Severity)
	}
	rank := func(code string) int {
		for i, c := range verdictOrder {
			if c == code {
				return i
			}
		}
		return len(verdictOrder)
	}
	sort.SliceStable(groups, func(i, j int) bool {
		if groups[i].worst != groups[j].worst {
			return groups[i].worst > groups[j].worst
		}
		return rank(groups[i].code) < rank(groups[j].code)
	})
	var parts []string
	rest := 0
	for _, g := range groups {
		if len(parts) == verdictParts {
			rest += g.n
			continue
		}
		parts = append(parts, verdictPart(rep, g.code, g.n))
	}
	line := strings.Join(parts, "; ")
	if rest > 0 {
		line += fmt.Sprintf("; %d more %s", rest, plural(rest, "finding", "findings"))
	}
	r, size := utf8.DecodeRuneInString(line)
	return string(unicode.ToUpper(r)) + line[size:]
}

// verdictPart says in words what n findings of code mean.
func verdictPart(rep *corpus.Report, code string, n int) string {
	switch code {
	case CodeEmptyRefList, CodeMissingRefList:
		k := 0
		for _, c := range rep.Claims {
			for _, l := range c.Citations {
				if l.Kind == string(corpus.MarkerNumeric) && l.Status == corpus.Dangling {
					k++
				}
			}
		}
		why := "the reference list is empty"
		if code == CodeMissingRefList {
			why = "there is no reference list"
		}
		return fmt.Sprintf("%d numbered %s %s nowhere: %s", k, plural(k, "citation", "citations"), plural(k, "points", "point"), why)
	case CodeUncitedClaim:
		high := 0
		score := map[string]float64{}
		for _, c := range rep.Claims {
			score[c.ID] = c.Score
		}
		for _, f := range rep.Findings {
			if f.Code == code && score[f.Claim] >= HighScore {
				high++
			}
		}
		switch high {
		case 0:
			return fmt.Sprintf("%d %s no source", n, plural(n, "claim has", "claims have"))
		case n:
			return fmt.Sprintf("%d high-scoring %s no source", n, plural(n, "claim has", "claims have"))
		}
		return fmt.Sprintf("%d high-scoring %s no source (%d in all)", high, plural(high, "claim has", "claims have"), n)
	}
	if p, ok := verdictPhrases[code]; ok {
		return fmt.Sprintf("%d %s", n, plural(n, p[0], p[1]))
	}
	return fmt.Sprintf("%d %s", n, code)
}

// verdictPhrases say what one and many findings of a code mean, after
// their count.
var verdictPhrases = map[string][2]string{
	CodeDanglingCitation:    {"citation points nowhere", "citations point nowhere"},
	CodeIdentifierMismatch:  {"reference carries another work's DOI or PMID", "references carry another work's DOI or PMID"},
	CodeRetracted:           {"citation of a retracted work", "citations of retracted works"},
	CodeHomepageLink:        {"claim links only to a home page", "claims link only to home pages"},
	CodeUnmatchedReference:  {"reference is not in the library", "references are not in the library"},
	CodeUncitedReference:    {"reference is never cited", "references are never cited"},
	CodeDuplicateReference:  {"duplicate reference", "duplicate references"},
	CodeSecondarySource:     {"claim rests on a news story", "claims rest on news stories"},
	CodeOutOfOrder:          {"citation out of order", "citations out of order"},
	CodeIncompleteReference: {"incomplete reference", "incomplete references"},
	CodeStale:               {"citation of old evidence", "citations of old evidence"},
}

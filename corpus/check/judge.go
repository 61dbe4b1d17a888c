package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/claim"
)

// judge decides which sentences are claims, which citations cover them
// under the scope, and reports uncited claims and what the evidence stage
// finds.
func (rep *state) judge(sentences []corpus.Sentence, opts Options) {
	scope := opts.Scope
	if scope == "" {
		scope = ScopeSentence
	}
	var ev *evidenceStage
	if opts.Evidence != nil && opts.Verify == nil {
		// With --verify the stage waits for verification (lateEvidence).
		ev = rep.newEvidence(opts.Evidence)
	}
	// The layout reads where each sentence stands: the part of a paper,
	// the notice a paragraph opens.
	layout := claim.NewLayout(sentences)
	// What the writer cited, resolved or not: the scorer reads a
	// sentence's neighbours' citations (claim/neighbours.go).
	layout.SetCited(func(i int) bool { return len(rep.Claims[i].Citations) > 0 })
	for i := range rep.Claims {
		c := &rep.Claims[i]
		s := sentences[i]
		if p := ignored(s.Text, opts); p != "" {
			c.Status, c.Reasons = corpus.NotAClaim, []string{"ignored by pattern " + p}
			continue
		}
		j := layout.Judge(i, opts.ClaimThreshold)
		c.Score, c.Reasons = j.Score, j.Reasons
		if c.Reasons == nil {
			c.Reasons = []string{}
		}
		if cited(c) {
			c.CoveredBy = &corpus.Coverage{Claim: c.ID, Keys: resolvedKeys(c)}
		} else if scope == ScopeParagraph && j.Claim {
			c.CoveredBy = rep.inherited(i, sentences)
		}
		if c.CoveredBy == nil && j.Claim && len(c.Citations) == 0 {
			c.CoveredBy = rep.continued(i, sentences)
		}
		switch {
		case !j.Claim && !cited(c):
			c.Status = corpus.NotAClaim
		case c.CoveredBy != nil:
			c.Status = corpus.Supported
		case len(c.Citations) > 0:
			// Its citations dangle: the dangling-citation (or
			// empty-reference-list) finding is the one problem to fix.
			c.Status = corpus.Unsupported
		default:
			c.Status = corpus.Unsupported
			// The score leads the reasons, so that every report format that
			// prints the message shows it.
			detail := fmt.Sprintf("score %.2f", j.Score)
			if len(j.Reasons) > 0 {
				detail += "; " + strings.Join(j.Reasons, "; ")
			}
			rep.add(CodeUncitedClaim, c.Line, c.ID, "", fmt.Sprintf("claim with no citation (%s): %s", detail, quote(c.Text)))
		}
		if ev != nil && evidenceDue(c) {
			rep.evidence(c, ev)
		}
	}
}

// evidenceDue reports whether the evidence stage judges a claim: one its
// own citations support.
func evidenceDue(c *corpus.Claim) bool {
	return c.Status == corpus.Supported && c.CoveredBy != nil && !c.CoveredBy.Inherited
}

// lateEvidence runs the evidence stage after 'check --verify' has verified
// the cited works, so that the abstracts and full texts the registries
// gave count in this run, not only the next (the text look-up sees what
// verification fetched).
func (rep *state) lateEvidence(opts Options) {
	if opts.Evidence == nil || opts.Verify == nil {
		return
	}
	ev := rep.newEvidence(opts.Evidence)
	if ev == nil {
		return
	}
	for i := range rep.Claims {
		if c := &rep.Claims[i]; evidenceDue(c) {
			rep.evidence(c, ev)
		}
	}
}

// cited reports whether a claim's own citations give it a source
// (corpus.Claim.HasSource, the one rule): only dangling markers and
// remarks leave a claim uncited.
func cited(c *corpus.Claim) bool { return c.HasSource() }

func resolvedKeys(c *corpus.Claim) []string {
	keys := []string{}
	for _, l := range c.Citations {
		if l.Status == corpus.Resolved && l.Key != nil {
			keys = append(keys, *l.Key)
		}
	}
	return keys
}

// inherited finds a later sentence of the same paragraph or list item whose
// citations cover the sentence at i.
func (rep *state) inherited(i int, sentences []corpus.Sentence) *corpus.Coverage {
	s := sentences[i]
	for j := i + 1; j < len(sentences); j++ {
		t := sentences[j]
		if t.Paragraph != s.Paragraph || t.Kind != s.Kind {
			break
		}
		if cited(&rep.Claims[j]) {
			return &corpus.Coverage{Claim: rep.Claims[j].ID, Keys: resolvedKeys(&rep.Claims[j]), Inherited: true}
		}
	}
	return nil
}

func ignored(text string, opts Options) string {
	for _, re := range opts.Ignore {
		if re.MatchString(text) {
			return re.String()
		}
	}
	return ""
}

func quoteTerms(ts []string) string {
	if len(ts) > 6 {
		ts = append(ts[:6:6], "…")
	}
	return "'" + strings.Join(ts, "', '") + "'"
}

// stripMarkers removes the claim's citation markers, which are not words of
// the claim.
func stripMarkers(c *corpus.Claim) string {
	text := c.Text
	for _, l := range c.Citations {
		text = strings.ReplaceAll(text, l.Marker, " ")
	}
	return strings.Join(strings.Fields(text), " ")
}

// applySeverities applies the configured severities; a code set to Off is
// dropped.
func (rep *state) applySeverities(opts Options) {
	if len(opts.Severity) == 0 {
		return
	}
	kept := rep.Findings[:0]
	for _, f := range rep.Findings {
		if s, ok := severityOf(opts.Severity, f.Code); ok {
			if s == corpus.Off {
				continue
			}
			f.Severity = s
		}
		kept = append(kept, f)
	}
	rep.Findings = kept
}

// severityOf returns the severity set for code, or else for an old name
// of it (weak-support for unsupported-by-source).
func severityOf(set map[string]corpus.Severity, code string) (corpus.Severity, bool) {
	if s, ok := set[code]; ok {
		return s, true
	}
	for alias, codes := range CodeAliases {
		if s, ok := set[alias]; ok && slices.Contains(codes, code) {
			return s, true
		}
	}
	return 0, false
}

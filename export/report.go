package export

import (
	"strings"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// FormattedRef is one library reference as a reference-list style wrote it,
// for the reports that show what a citation resolved to. The reports take
// the formatted list as input so that they do not depend on the styles.
type FormattedRef struct {
	Key   string // the library key
	Label string // how the list labels it ("Williams et al. 2014", "3")
	// HTML is the formatted entry, escaped by the style that wrote it and
	// holding only inline markup (<i>, <b>, <a href>). The HTML report
	// still passes it through an allow-list before it trusts it.
	HTML string
}

// ReportArticle is one checked article for a report: the check result and
// the article as the reader returned it, whose blocks the HTML report
// shows. Doc may be nil; the text is then shown one sentence a paragraph.
type ReportArticle struct {
	Report *corpus.Report
	Doc    *corpus.Document
	// Library, when set, is what this article was checked against, when it
	// holds more than ReportOptions.Library (its own bibliography's
	// references); the HTML report's reference list draws on both.
	Library []*corpus.Reference
}

// The marks a report gives a sentence.
const (
	markSupported   = "supported"
	markUnsupported = "unsupported"
	markNotClaim    = "not-a-claim"
)

// sentenceMark says how a report marks a claim: by its status, the one
// meaning of supported every format shares (see corpus.Claim.HasSource).
// why says what is wrong with an unsupported claim, or, for a supported
// one, what is flagged about its sources (a dangling or unmatched
// citation beside the one that counts, weak support, a retracted work),
// which the reports show beside the mark.
func sentenceMark(c *corpus.Claim, findings []corpus.Finding) (mark, why string) {
	switch c.Status {
	case corpus.NotAClaim:
		return markNotClaim, ""
	case corpus.Unsupported:
		if len(c.Citations) > 0 {
			return markUnsupported, "its only citations dangle"
		}
		return markUnsupported, "no citation"
	}
	var flagged []string
	for _, l := range c.Citations {
		switch l.Status {
		case corpus.Dangling:
			flagged = append(flagged, l.Marker+" dangles")
		case corpus.Unmatched:
			flagged = append(flagged, l.Cites+" in "+l.Marker+" is not in the library")
		}
	}
	for _, f := range findings {
		// A finding an editor has marked (evident review) is settled.
		if f.Claim == c.ID && f.Severity >= corpus.Warning && f.Review == nil {
			flagged = append(flagged, f.Code)
		}
	}
	if len(flagged) > 0 {
		return markSupported, "cited, but " + strings.Join(dedupe(flagged), "; ")
	}
	return markSupported, ""
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// markCounts counts the sentences of a report by mark.
type markCounts struct{ Supported, Unsupported, NotClaim int }

func countMarks(rep *corpus.Report) markCounts {
	var n markCounts
	for i := range rep.Claims {
		switch m, _ := sentenceMark(&rep.Claims[i], rep.Findings); m {
		case markSupported:
			n.Supported++
		case markUnsupported:
			n.Unsupported++
		default:
			n.NotClaim++
		}
	}
	return n
}

// shorten cuts s to at most max runes on a word boundary, with an ellipsis.
func shorten(s string, max int) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)[:max-1]
	cut := len(r)
	for i := len(r) - 1; i > max/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + "…"
}

package export

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

// CheckJSON writes a check report in its stable JSON shape.
func CheckJSON(w io.Writer, rep *corpus.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

// ANSI colours, used only when the caller says the output is a terminal
// and NO_COLOR is unset.
const (
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiReset  = "\x1b[0m"
)

// CheckText writes a check report for people: a summary, then the findings
// grouped by severity, each with file:line, the sentence and why.
func CheckText(w io.Writer, rep *corpus.Report, color bool) error {
	return checkText(w, rep, color, corpus.FindingFilter{})
}

// verdictOf is the report's verdict, made now for a report stored before
// reports carried one.
func verdictOf(rep *corpus.Report) string {
	if rep.Verdict != "" {
		return rep.Verdict
	}
	return check.Verdict(rep)
}

// shownNote says how many findings a filter left out, or "" when none.
func shownNote(shown, hidden int) string {
	if hidden == 0 {
		return ""
	}
	return fmt.Sprintf("showing %d of %d findings (the rest are left out by --top or --severity)", shown, shown+hidden)
}

func checkText(w io.Writer, rep *corpus.Report, color bool, filter corpus.FindingFilter) error {
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + ansiReset
	}
	s := rep.Summary
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", paint(ansiBold, rep.Article.Path))
	if rep.Article.Title != "" {
		fmt.Fprintf(&b, "  %s\n", oneLine(rep.Article.Title))
	}
	fmt.Fprintf(&b, "  %s\n", paint(ansiBold, verdictOf(rep)))
	fmt.Fprintf(&b, "  %d sentences, %d claims: %d supported, %d unsupported\n", s.Sentences, s.Claims, s.Supported, s.Unsupported)
	fmt.Fprintf(&b, "  %d citations: %d resolved, %d dangling, %d unmatched", s.Citations, s.Resolved, s.Dangling, s.Unmatched)
	if s.External > 0 {
		fmt.Fprintf(&b, ", %d external", s.External)
	}
	b.WriteString("\n")
	if len(rep.LinkSources) > 0 || len(rep.LinksSkipped) > 0 {
		fmt.Fprintf(&b, "  %d linked %s, %d %s that cite nothing\n", len(rep.LinkSources), Plural(len(rep.LinkSources), "source", "sources"),
			len(rep.LinksSkipped), Plural(len(rep.LinksSkipped), "link", "links"))
	}
	fmt.Fprintf(&b, "  %d reference list entries, %d never cited\n", s.ListEntries, s.Uncited)
	if s.Suppressed > 0 {
		fmt.Fprintf(&b, "  %d %s silenced by evident:ignore comments\n", s.Suppressed, Plural(s.Suppressed, "finding", "findings"))
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(&b, "  note: %s\n", n)
	}
	findings, hidden := filter.Apply(rep.Findings)
	if note := shownNote(len(findings), hidden); note != "" {
		fmt.Fprintf(&b, "  %s\n", note)
	}
	if len(findings) == 0 {
		if hidden == 0 {
			b.WriteString("  no findings\n")
		}
		writeTextEvidence(&b, rep, paint)
		writeLinkSources(&b, rep, paint)
		_, err := io.WriteString(w, b.String())
		return err
	}
	claims := make(map[string]*corpus.Claim, len(rep.Claims))
	for i := range rep.Claims {
		claims[rep.Claims[i].ID] = &rep.Claims[i]
	}
	groups := []struct {
		sev   corpus.Severity
		title string
		color string
	}{{corpus.Error, "errors", ansiRed}, {corpus.Warning, "warnings", ansiYellow}, {corpus.Info, "info", ansiCyan}}
	for _, g := range groups {
		var fs []corpus.Finding
		for _, f := range findings {
			if f.Severity == g.sev && f.Review == nil {
				fs = append(fs, f)
			}
		}
		if len(fs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s\n", paint(g.color+ansiBold, fmt.Sprintf("%s (%d)", g.title, len(fs))))
		for _, f := range fs {
			writeTextFinding(&b, rep, f, claims, paint, g.color)
		}
	}
	writeTextReviewed(&b, rep, claims, paint)
	writeTextEvidence(&b, rep, paint)
	writeLinkSources(&b, rep, paint)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTextFinding writes one finding: where, its code, the message and
// its id's hash (what 'evident review' takes), then the sentence it is on.
func writeTextFinding(b *strings.Builder, rep *corpus.Report, f corpus.Finding, claims map[string]*corpus.Claim, paint func(code, s string) string, color string) {
	fmt.Fprintf(b, "  %s: %s: %s", rep.Article.Positions.Place(rep.Article.Path, f.Line), paint(color, f.Code), f.Message)
	if f.ID != "" {
		b.WriteString(" " + paint(ansiDim, "["+corpus.FindingHash(f.ID)+"]"))
	}
	b.WriteString("\n")
	if c, ok := claims[f.Claim]; ok && f.Code != check.CodeUncitedClaim {
		fmt.Fprintf(b, "      %s\n", paint(ansiDim, "\u201c"+oneLine(c.Text)+"\u201d"))
	}
}

// writeTextReviewed lists the findings an editor has marked (evident
// review) in a group of their own, after the open ones, each with the
// mark and its note.
func writeTextReviewed(b *strings.Builder, rep *corpus.Report, claims map[string]*corpus.Claim, paint func(code, s string) string) {
	var fs []corpus.Finding
	for _, f := range rep.Findings {
		if f.Review != nil {
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s\n", paint(ansiBold, fmt.Sprintf("reviewed (%d)", len(fs))))
	for _, f := range fs {
		writeTextFinding(b, rep, f, claims, paint, ansiDim)
		line := "reviewed " + f.Review.Summary()
		if f.Review.Note != "" {
			line += ": " + oneLine(f.Review.Note)
		}
		fmt.Fprintf(b, "      %s\n", line)
	}
}

// writeLinkSources lists the sources the article links to, as its
// citations name them (L1, L2, ...).
func writeLinkSources(b *strings.Builder, rep *corpus.Report, paint func(code, s string) string) {
	if len(rep.LinkSources) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s\n", paint(ansiBold, fmt.Sprintf("linked sources (%d)", len(rep.LinkSources))))
	for _, e := range rep.LinkSources {
		where := "not in the library"
		if e.Key != nil {
			where = "library: " + *e.Key
		}
		fmt.Fprintf(b, "  %s %s: %s <%s> (%s)\n", e.Label, rep.Article.Positions.Place(rep.Article.Path, e.Line), oneLine(e.Text), e.URL, where)
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

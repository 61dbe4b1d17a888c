package export

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// CheckGitHub writes a report as GitHub Actions workflow commands, one
// annotation per finding, which GitHub shows on the lines of the article
// in a pull request:
//
//	::error file=news/story.md,line=12,title=dangling-citation::(9): no entry 9 in the reference list
func CheckGitHub(w io.Writer, rep *corpus.Report) error {
	var b strings.Builder
	file := escapeProperty(filepath.ToSlash(rep.Article.Path))
	// The report's notes (a check that could not run, a file read with a
	// warning) are notices on the file, so that a pull request shows them.
	if len(rep.Findings) > 0 {
		// The verdict heads the article's annotations; a clean article
		// stays silent in a pull request.
		fmt.Fprintf(&b, "::notice file=%s,title=evident verdict::%s\n", file, escapeData(verdictOf(rep)))
	}
	for _, n := range rep.Notes {
		fmt.Fprintf(&b, "::notice file=%s,title=evident::%s\n", file, escapeData(n))
	}
	for _, f := range rep.Findings {
		cmd := "notice"
		switch {
		case f.Review != nil:
			// Settled by an editor (evident review): shown, not raised.
		case f.Severity == corpus.Error:
			cmd = "error"
		case f.Severity == corpus.Warning:
			cmd = "warning"
		}
		fmt.Fprintf(&b, "::%s file=%s", cmd, file)
		if f.Line > 0 {
			fmt.Fprintf(&b, ",line=%d", f.Line)
		}
		msg := withParagraph(rep, f)
		if f.Review != nil {
			msg = "reviewed " + f.Review.Summary() + reviewNote(f.Review) + ": " + msg
		}
		fmt.Fprintf(&b, ",title=%s::%s\n", escapeProperty(f.Code), escapeData(msg))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// reviewNote is a mark's note in parentheses, or "".
func reviewNote(rv *corpus.Review) string {
	if rv.Note == "" {
		return ""
	}
	return " (" + rv.Note + ")"
}

// escapeData escapes a workflow command's message as the runner unescapes
// it.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value, in which a
// comma or colon would end it.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// withParagraph is a finding's message for a tool that wants a line: for a
// document whose positions are paragraphs (Word), the line is the
// paragraph's number, and the message says so.
func withParagraph(rep *corpus.Report, f corpus.Finding) string {
	if rep.Article.Positions != corpus.PositionsParagraphs || f.Line <= 0 {
		return f.Message
	}
	return rep.Article.Positions.Label(f.Line) + ": " + f.Message
}

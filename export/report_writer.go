package export

import (
	"fmt"
	"io"
	"slices"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export/style"
)

// ReportWriter writes the reports of a check in one format. Add takes each
// article's report as soon as it is made; Close writes what a format can
// only write once it has every report (SARIF, Markdown and HTML hold all
// the articles in one document) and must be called once at the end.
type ReportWriter interface {
	Add(ReportArticle) error
	Close() error
}

// ReportOptions are what some report formats need besides the reports.
type ReportOptions struct {
	// Color paints the text report with ANSI colours (a terminal without
	// NO_COLOR).
	Color bool
	// Version is evident's version, which SARIF names.
	Version string
	// Style formats the reference list of the HTML report; Library holds
	// the references the citations may have resolved to.
	Style   *style.Style
	Library []*corpus.Reference
	// Filter picks the findings the reports for people (text, Markdown,
	// HTML) list; JSON, SARIF and GitHub annotations keep every finding.
	// Summaries and the verdict always count them all.
	Filter corpus.FindingFilter
}

// ReportFormats are the formats NewReportWriter knows, in the order help
// lists them.
var ReportFormats = []string{"text", "json", "markdown", "html", "sarif", "github"}

// NewReportWriter returns the writer of reports in format to w.
func NewReportWriter(format string, w io.Writer, o ReportOptions) (ReportWriter, error) {
	switch format {
	case "text":
		return &textReports{w: w, color: o.Color, filter: o.Filter}, nil
	case "json":
		return eachReport(func(a ReportArticle) error { return CheckJSON(w, a.Report) }), nil
	case "github":
		return eachReport(func(a ReportArticle) error { return CheckGitHub(w, a.Report) }), nil
	case "sarif":
		return &allReports{write: func(as []ReportArticle) error { return CheckSARIF(w, reportsOf(as), o.Version) }}, nil
	case "markdown":
		return &allReports{write: func(as []ReportArticle) error { return checkMarkdown(w, reportsOf(as), o.Filter) }}, nil
	case "html":
		if o.Style == nil {
			return nil, fmt.Errorf("the HTML report needs a reference-list style")
		}
		return &allReports{write: func(as []ReportArticle) error {
			refs, err := ReportReferences(o.Style, reportsOf(as), librariesOf(o.Library, as))
			if err != nil {
				return err
			}
			return checkHTML(w, as, refs, o.Filter)
		}}, nil
	}
	return nil, fmt.Errorf("unknown report format %q", format)
}

// eachReport writes every report as it comes.
type eachReport func(ReportArticle) error

func (f eachReport) Add(a ReportArticle) error { return f(a) }
func (f eachReport) Close() error              { return nil }

// textReports writes every report as it comes, a blank line between two.
type textReports struct {
	w      io.Writer
	color  bool
	filter corpus.FindingFilter
	n      int
}

func (t *textReports) Add(a ReportArticle) error {
	if t.n > 0 {
		if _, err := fmt.Fprintln(t.w); err != nil {
			return err
		}
	}
	t.n++
	return checkText(t.w, a.Report, t.color, t.filter)
}

func (t *textReports) Close() error { return nil }

// allReports keeps the reports and writes them in one document at Close.
type allReports struct {
	articles []ReportArticle
	write    func([]ReportArticle) error
}

func (r *allReports) Add(a ReportArticle) error {
	r.articles = append(r.articles, a)
	return nil
}

func (r *allReports) Close() error { return r.write(r.articles) }

// librariesOf returns the references the reports may cite: the library
// given, and what each article's own bibliography added to it.
func librariesOf(lib []*corpus.Reference, as []ReportArticle) []*corpus.Reference {
	out := slices.Clip(lib) // appending copies: the caller's slice stays as it was
	seen := make(map[*corpus.Reference]bool, len(lib))
	for _, r := range lib {
		seen[r] = true
	}
	for _, a := range as {
		for _, r := range a.Library {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}

func reportsOf(as []ReportArticle) []*corpus.Report {
	out := make([]*corpus.Report, len(as))
	for i, a := range as {
		out[i] = a.Report
	}
	return out
}

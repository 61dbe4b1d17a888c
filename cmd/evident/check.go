package main

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/config"
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/pipeline"
)

type checkOptions struct {
	inputFormat corpus.Format
	bib         []string
	format      string
	failOn      string
	scope       string
	maxAge      int
	retractions string
	baseline    string
	severity    []string
	ignore      []string
	noSupport   bool
	style       string
}

func newCheckCmd(a *App) *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use: "check ARTICLE...",
		Example: `  evident check draft.md                       # against the library
  evident check --bib refs.bib draft.html      # one-shot, nothing stored
  evident check --format json paper.tex        # for tools
  evident check --fail-on warning draft.md     # gate on warnings too
  evident check --format html draft.md > report.html`,
		Short: "Tie every citation of an article to a reference and report where the chain breaks",
		Long: `Read an article (Markdown, plain text, HTML or LaTeX, by extension or
--input-format), split it into sentences, find every citation marker, and
resolve each through the article's own reference list, DOI, key or author and
year to a reference of the library (or of the --bib files, for a one-shot
check that stores nothing). Each sentence is scored as a check-worthy claim
or not, with its reasons.

Findings: uncited-claim, dangling-citation, unmatched-reference,
uncited-reference, identifier-mismatch, duplicate-reference, out-of-order,
incomplete-reference, unsupported-by-source, contradicted-by-source,
overstated, no-source-text, homepage-link, secondary-source, retracted
(--retractions) and stale (--max-age).

Evidence: each citation of a claim is read against the cited work's text
(its abstract, or an attached HTML, text or JATS full text): the passage
that bears on the claim best is shown with a verdict, supports, related,
unrelated, contradicts or no-text (the library holds only a title, and a
title is no evidence). unsupported-by-source reports an unrelated work,
contradicted-by-source a passage with the opposite direction, no effect or
another number, overstated a causal claim ("causes", "prevents") citing
only observational, animal, in-vitro or case-report studies, and
no-source-text (info, once per work) a work with a title only: 'evident refs
update' fetches abstracts. weak-support, the older title-based check, is
still accepted in settings and evident:ignore as unsupported-by-source.

In HTML and Markdown, a link in the body to a source outside the
publication cites it; links that are no source (page chrome, share buttons,
bylines, the publication's own site) are listed as skipped, with why.

Settings come from .evident.toml files (nearest first, see 'evident config')
and these flags, which win. An <!-- evident:ignore [CODE...] --> comment (or
% evident:ignore in LaTeX) silences the next sentence.

Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for
usage or input errors.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runCheck(cmd, args, &opts)
		},
	}
	f := cmd.Flags()
	inputFormatFlag(f, &opts.inputFormat)
	f.StringArrayVar(&opts.bib, "bib", nil, "check against this BibTeX `FILE` instead of the library (repeatable; nothing is stored)")
	enumFlag(f, &opts.format, "format", "text", export.ReportFormats, "report format (markdown: a comment; html: one self-contained page)")
	enumFlag(f, &opts.failOn, "fail-on", "error", corpus.SeverityNames, "exit 1 when a finding is at least this severe")
	enumFlag(f, &opts.scope, "scope", "sentence", []string{string(check.ScopeSentence), string(check.ScopeParagraph)}, "citation scope (paragraph: a later citation in the paragraph covers a claim)")
	f.IntVar(&opts.maxAge, "max-age", 0, "report cited evidence older than this many `YEARS` (stale; 0 = off)")
	f.StringVar(&opts.retractions, "retractions", "", "CSV `FILE` of retracted works (Retraction Watch columns, or DOI / PubMed ID)")
	f.StringVar(&opts.baseline, "baseline", "", "earlier JSON report `FILE`: report and gate only on findings new since then")
	f.StringArrayVar(&opts.severity, "severity", nil, "set a finding's severity, `CODE=LEVEL` with LEVEL one of "+strings.Join(config.SeverityLevels, ", ")+" (repeatable)")
	f.StringArrayVar(&opts.ignore, "ignore", nil, "never judge sentences matching this `REGEXP` (repeatable)")
	f.BoolVar(&opts.noSupport, "no-support", false, "skip the evidence stage (passages, verdicts and the findings on them)")
	styleFlag(f, &opts.style, "citation style of the reference list in --format html (default: the style setting)")
	return cmd
}

// runCheck is 'evident check': flags → settings → one pipeline run → one
// report writer.
func (a *App) runCheck(cmd *cobra.Command, args []string, opts *checkOptions) error {
	ctx := cmd.Context()
	settings := checkSettings(cmd, opts)
	// The command's own settings (fail-on, the HTML report's style) are
	// those that apply to the first article.
	cfg, err := settings(args[0])
	if err != nil {
		return err
	}
	failOn, err := cfg.FailOnSeverity()
	if err != nil {
		return err
	}
	po := pipeline.Options{Settings: settings, NoSupport: opts.noSupport, NoArticleBibliography: len(opts.bib) > 0}
	if opts.retractions != "" {
		if po.Retractions, err = a.loadRetractions(opts.retractions); err != nil {
			return err
		}
	}
	if opts.baseline != "" {
		if po.Baseline, err = loadBaseline(opts.baseline); err != nil {
			return err
		}
	}
	lib, none, err := a.checkAgainst(ctx, opts.bib)
	if err != nil {
		return err
	}
	po.NoLibrary = none
	ro := export.ReportOptions{Color: a.OutTTY && !a.NoColor, Version: buildVersion().Version, Library: lib}
	if opts.format == "html" {
		if ro.Style, err = lookupStyle(cfg.Style, cfg.Source("style")); err != nil {
			return err
		}
	}
	w, err := export.NewReportWriter(opts.format, a.Out, ro)
	if err != nil {
		return err
	}
	inputs := make([]pipeline.Input, len(args))
	for i, path := range args {
		inputs[i] = pipeline.Input{Path: path, Format: opts.inputFormat}
	}
	failed := false
	err = pipeline.Check(ctx, inputs, lib, po, func(c pipeline.Checked) error {
		if worst, ok := c.Report.Worst(); ok && worst >= failOn {
			failed = true
		}
		return w.Add(export.ReportArticle{Report: c.Report, Doc: c.Doc, Library: c.Library})
	})
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if failed {
		return errFindings
	}
	return nil
}

// checkSettings returns the settings each article is checked with: the
// .evident.toml files that apply to it, with the flags the user gave laid
// over them. 'check' passes its flags; 'add' and 'suggest', which have
// none of these flags, pass nil and get the files' settings alone.
func checkSettings(cmd *cobra.Command, opts *checkOptions) pipeline.Settings {
	return func(path string) (*config.Config, error) {
		cfg, err := config.ForFile(path)
		if err != nil || opts == nil {
			return cfg, err
		}
		changed := cmd.Flags().Changed
		for _, s := range []struct{ flag, value string }{
			{"fail-on", opts.failOn},
			{"scope", opts.scope},
			{"max-age", strconv.Itoa(opts.maxAge)},
			{"style", opts.style},
		} {
			if changed(s.flag) {
				if err := cfg.Set(s.flag, s.value, "--"+s.flag); err != nil {
					return nil, err
				}
			}
		}
		for _, sv := range opts.severity {
			code, level, ok := strings.Cut(sv, "=")
			if !ok {
				return nil, fmt.Errorf("--severity %q: want CODE=LEVEL", sv)
			}
			if err := cfg.Set("severity."+code, level, "--severity"); err != nil {
				return nil, err
			}
		}
		for _, p := range opts.ignore {
			if err := cfg.Set("ignore", p, "--ignore"); err != nil {
				return nil, err
			}
		}
		return cfg, nil
	}
}

func (a *App) loadRetractions(path string) (*check.Retractions, error) {
	data, err := pipeline.ReadFile(path, "a CSV file")
	if err != nil {
		return nil, err
	}
	rs, err := check.LoadRetractions(bytes.NewReader(data), path)
	if err == nil {
		for _, w := range rs.Warnings {
			fmt.Fprintf(a.Err, "warning: %s\n", w.Error())
		}
	}
	return rs, err
}

func loadBaseline(path string) (*check.Baseline, error) {
	data, err := pipeline.ReadFile(path, "a JSON report")
	if err != nil {
		return nil, err
	}
	return check.LoadBaseline(bytes.NewReader(data), path)
}

// checkAgainst is checkLibrary for 'check', which also runs where there is
// no library yet: dangling numbers, uncited list entries and uncited claims
// need none. Then it checks against no references and says none (the
// pipeline notes it in each report). It never creates a library.
func (a *App) checkAgainst(ctx context.Context, bibs []string) (lib []*corpus.Reference, none bool, err error) {
	if len(bibs) == 0 {
		loc, err := a.locate()
		if err != nil {
			return nil, false, err
		}
		if !loc.Exists() {
			return nil, true, nil
		}
	}
	lib, err = a.checkLibrary(ctx, bibs)
	return lib, false, err
}

// checkLibrary returns the references to check against: the --bib files,
// read into memory (their warnings said on standard error), or the
// library's.
func (a *App) checkLibrary(ctx context.Context, bibs []string) ([]*corpus.Reference, error) {
	if len(bibs) > 0 {
		refs, warnings, err := pipeline.FromFiles(ctx, bibs)
		for _, w := range warnings {
			fmt.Fprintf(a.Err, "warning: %s\n", w)
		}
		return refs, err
	}
	st, _, err := a.openRead()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return pipeline.FromStore(st)
}

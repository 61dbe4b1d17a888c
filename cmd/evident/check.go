package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/config"
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/index"
)

type checkOptions struct {
	inputFormat string
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
		Use:   "check ARTICLE...",
		Short: "Tie every citation of an article to a reference and report where the chain breaks",
		Long: `Read an article (Markdown, plain text, HTML or LaTeX, by extension or
--input-format), split it into sentences, find every citation marker, and
resolve each through the article's own reference list, DOI, key or author and
year to a reference of the library (or of the --bib files, for a one-shot
check that stores nothing). Each sentence is scored as a check-worthy claim
or not, with its reasons.

Findings: uncited-claim, dangling-citation, unmatched-reference,
uncited-reference, identifier-mismatch, duplicate-reference, out-of-order,
incomplete-reference, weak-support, retracted (--retractions) and stale
(--max-age).

Settings come from .evident.toml files (nearest first, see 'evident config')
and these flags, which win. An <!-- evident:ignore [CODE...] --> comment (or
% evident:ignore in LaTeX) silences the next sentence.

Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for
usage or input errors.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch opts.format {
			case "text", "json", "sarif", "github", "markdown", "html":
			default:
				return inputErr(fmt.Errorf("--format must be text, json, markdown, html, sarif or github, not %q", opts.format))
			}
			cfg, err := checkConfig(cmd, args[0], &opts)
			if err != nil {
				return inputErr(err)
			}
			failOn, err := check.ParseSeverity(cfg.FailOn)
			if err != nil {
				return inputErr(fmt.Errorf("fail-on: %w", err))
			}
			copts, err := checkOptionsFrom(cfg, &opts)
			if err != nil {
				return inputErr(err)
			}
			var forced corpus.Format
			if opts.inputFormat != "" {
				if forced, err = article.ParseFormat(opts.inputFormat); err != nil {
					return inputErr(fmt.Errorf("--input-format: %w", err))
				}
			}
			var baseline *check.Baseline
			if opts.baseline != "" {
				f, err := openInput(opts.baseline, "a JSON report")
				if err != nil {
					return inputErr(err)
				}
				baseline, err = check.LoadBaseline(f, opts.baseline)
				f.Close()
				if err != nil {
					return inputErr(err)
				}
			}
			refs, err := a.checkLibrary(cmd, opts.bib)
			if err != nil {
				return err
			}
			failed := false
			var reports []*check.Report
			var articles []export.ReportArticle
			for i, path := range args {
				format := forced
				if format == "" {
					if format, err = article.DetectFormat(path); err != nil {
						return inputErr(err)
					}
				}
				data, err := readArticle(path)
				if err != nil {
					return inputErr(err)
				}
				doc, err := article.Read(path, data, format)
				if err != nil {
					return inputErr(err)
				}
				rep := check.CheckDocument(doc, refs, copts)
				if baseline != nil {
					if _, known := baseline.Filter(rep); known > 0 {
						rep.Notes = append(rep.Notes, fmt.Sprintf("%d %s already in %s not shown", known, plural(known, "finding", "findings"), opts.baseline))
					}
				}
				reports = append(reports, rep)
				articles = append(articles, export.ReportArticle{Report: rep, Doc: doc})
				switch opts.format {
				case "json":
					err = export.CheckJSON(a.Out, rep)
				case "github":
					err = export.CheckGitHub(a.Out, rep)
				case "text":
					if i > 0 {
						fmt.Fprintln(a.Out)
					}
					err = export.CheckText(a.Out, rep, a.OutTTY && !a.NoColor)
				}
				if err != nil {
					return err
				}
				if worst, ok := rep.Worst(); ok && worst >= failOn {
					failed = true
				}
			}
			// These formats hold every article in one document.
			var werr error
			switch opts.format {
			case "sarif":
				werr = export.CheckSARIF(a.Out, reports, version)
			case "markdown":
				werr = export.CheckMarkdown(a.Out, reports)
			case "html":
				st, err := lookupStyle(cfg.Style, cfg.Source("style"))
				if err != nil {
					return err
				}
				werr = export.CheckHTML(a.Out, articles, export.ReportReferences(st, reports, refs))
			}
			if werr != nil {
				return werr
			}
			if failed {
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.inputFormat, "input-format", "", "article format: markdown, text, html or latex (default: from the extension)")
	f.StringArrayVar(&opts.bib, "bib", nil, "check against this BibTeX `FILE` instead of the library (repeatable; nothing is stored)")
	f.StringVar(&opts.format, "format", "text", "report format: text, json, markdown (a comment), html (one self-contained page), sarif or github")
	f.StringVar(&opts.failOn, "fail-on", "error", "exit 1 when a finding is at least this severe: info, warning, error or none")
	f.StringVar(&opts.scope, "scope", "sentence", "citation scope: sentence (a claim needs its own citation) or paragraph (a later citation in the paragraph covers it)")
	f.IntVar(&opts.maxAge, "max-age", 0, "report cited evidence older than this many `YEARS` (stale; 0 = off)")
	f.StringVar(&opts.retractions, "retractions", "", "CSV `FILE` of retracted works (Retraction Watch columns, or DOI / PubMed ID)")
	f.StringVar(&opts.baseline, "baseline", "", "earlier JSON report `FILE`: report and gate only on findings new since then")
	f.StringArrayVar(&opts.severity, "severity", nil, "set a finding's severity, `CODE=LEVEL` (info, warning, error or off; repeatable)")
	f.StringArrayVar(&opts.ignore, "ignore", nil, "never judge sentences matching this `REGEXP` (repeatable)")
	f.BoolVar(&opts.noSupport, "no-support", false, "skip the weak-support check")
	f.StringVar(&opts.style, "style", "apa", "citation `STYLE` of the reference list in --format html (default: the style setting)")
	return cmd
}

// checkConfig reads the .evident.toml files that apply to the article and
// lays the flags the user gave over them.
func checkConfig(cmd *cobra.Command, article string, opts *checkOptions) (*config.Config, error) {
	cfg, err := config.Load(filepath.Dir(article), check.Codes())
	if err != nil {
		return nil, err
	}
	set := func(flag, name, value string) error {
		if !cmd.Flags().Changed(flag) {
			return nil
		}
		return cfg.Set(name, value, "--"+flag)
	}
	for _, s := range []struct{ flag, name, value string }{
		{"fail-on", "fail-on", opts.failOn},
		{"scope", "scope", opts.scope},
		{"max-age", "max-age", strconv.Itoa(opts.maxAge)},
		{"style", "style", opts.style},
	} {
		if err := set(s.flag, s.name, s.value); err != nil {
			return nil, err
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
	return cfg, nil
}

// checkOptionsFrom turns the effective settings into check options.
func checkOptionsFrom(cfg *config.Config, opts *checkOptions) (check.Options, error) {
	co := check.Options{
		Scope:            check.Scope(cfg.Scope),
		MaxAge:           cfg.MaxAge,
		ClaimThreshold:   cfg.ClaimThreshold,
		SupportThreshold: cfg.SupportThreshold,
		Severity:         map[string]check.Severity{},
	}
	if co.Scope != check.ScopeSentence && co.Scope != check.ScopeParagraph {
		return co, fmt.Errorf("scope must be sentence or paragraph, not %q", cfg.Scope)
	}
	for code, level := range cfg.Severity {
		if strings.EqualFold(level, "off") {
			co.Severity[code] = check.Off
			continue
		}
		s, err := check.ParseSeverity(level)
		if err != nil || s > check.Error {
			return co, fmt.Errorf("severity of %s: %q is not info, warning, error or off", code, level)
		}
		co.Severity[code] = s
	}
	for _, p := range append(append([]string(nil), cfg.Ignore...), opts.ignore...) {
		re, err := regexp.Compile(p)
		if err != nil {
			return co, fmt.Errorf("ignore pattern %q: %w", p, err)
		}
		co.Ignore = append(co.Ignore, re)
	}
	if opts.retractions != "" {
		f, err := openInput(opts.retractions, "a CSV file")
		if err != nil {
			return co, err
		}
		defer f.Close()
		if co.Retractions, err = check.LoadRetractions(f, opts.retractions); err != nil {
			return co, err
		}
	}
	if !opts.noSupport {
		co.Support = supporter
	}
	return co, nil
}

// supporter scores claims against their cited references with an
// in-memory Bleve index of just those references.
func supporter(cited []*corpus.Reference) (check.SupportFunc, func(), error) {
	s, err := index.NewSupport(cited)
	if err != nil {
		return nil, nil, err
	}
	fn := func(claim, key string) (float64, []string, []string, error) {
		sc, err := s.Score(claim, key)
		return sc.Score, sc.Matched, sc.Missing, err
	}
	return fn, func() { s.Close() }, nil
}

// checkLibrary returns the references to check against: the --bib files,
// parsed in memory, or the library's.
func (a *App) checkLibrary(cmd *cobra.Command, bibs []string) ([]*corpus.Reference, error) {
	if len(bibs) > 0 {
		inputs := make([]importer.Input, len(bibs))
		for i, b := range bibs {
			inputs[i] = importer.Input{Name: b}
		}
		refs, sum, err := importer.Parse(cmd.Context(), inputs, nil)
		if err != nil {
			return nil, inputErr(err)
		}
		for _, p := range sum.Problems {
			fmt.Fprintf(a.Err, "warning: %s (entry skipped)\n", p.Error())
		}
		for _, p := range importer.DuplicateKeys(refs) {
			fmt.Fprintf(a.Err, "warning: %s\n", p.Error())
		}
		// Duplicates resolve as they would once imported.
		return importer.AsLibrary(refs), nil
	}
	st, _, err := a.openRead()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	var refs []*corpus.Reference
	err = st.Each(func(r *corpus.Reference) error {
		refs = append(refs, r)
		return nil
	})
	return refs, err
}

// openInput opens a file the user named, refusing a directory; errors
// name the file once ("x.csv: is a directory, not a CSV file").
func openInput(path, what string) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, importer.ReadError(path, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not %s", path, what)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, importer.ReadError(path, err)
	}
	return f, nil
}

func readArticle(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, importer.ReadError(path, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not an article", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, importer.ReadError(path, err)
	}
	return data, nil
}

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
	"github.com/evident-tools/evident/store"
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
	locale      string
	verify      bool
	registry    registryFlags
	top         int
	noPager     bool
}

func newCheckCmd(a *App) *cobra.Command {
	var opts checkOptions
	cmd := &cobra.Command{
		Use: "check ARTICLE...",
		Example: `  evident check draft.md                       # against the library
  evident check --bib refs.bib draft.html      # one-shot, nothing stored
  evident check --format json paper.tex        # for tools
  evident check --fail-on warning draft.md     # gate on warnings too
  evident check --format html draft.md > report.html
  evident check --verify draft.md              # against Crossref, PubMed...`,
		Short: "Tie every citation of an article to a reference and report where the chain breaks",
		Long: `Read an article (Markdown, plain text, HTML or LaTeX, by extension or
--input-format), split it into sentences, find every citation marker, and
resolve each through the article's own reference list, DOI, key or author and
year to a reference of the library (or of the --bib files, for a one-shot
check that stores nothing). Each sentence is scored as a check-worthy claim
or not, with its reasons.

Findings: uncited-claim, dangling-citation, empty-reference-list,
missing-reference-list, unmatched-reference, uncited-reference,
identifier-mismatch, duplicate-reference, out-of-order,
incomplete-reference, unsupported-by-source, contradicted-by-source,
overstated, no-source-text, homepage-link, secondary-source,
retracted, expression-of-concern and corrected (--retractions, or the
library's database: 'evident retractions update'), stale (--max-age), and
with --verify not-found, metadata-mismatch, preprint-superseded and
unverified. They come ranked: errors, then warnings, then info; claims by
score. A one-line verdict heads each article. --top N and --severity LEVEL
choose which the text, Markdown and HTML reports list; on a terminal the
text report is paged ($PAGER, else less -FRX; --no-pager for none).

--verify asks Crossref, doi.org, PubMed and OpenAlex about every cited work:
the library references the article cites, its reference-list entries (by
their text) and the scholarly sources it links to. An unverified work (no
registry could be asked) is info: it changes the exit status only under
--fail-on info. --offline asks nothing and uses what the library's cache
holds; --refresh asks again whatever it holds.

A claim is supported when a citation that points at a source covers it (a
library reference, an entry of the article's reference list, a linked
page; its own, a later one of its paragraph under --scope paragraph, or
that of the sentence it continues: "They found..."). A citation that
points nowhere supports nothing.

Evidence: each citation of a claim is read against the cited work's text
(its abstract, or an attached HTML, text or JATS full text; a work with
no abstract is read by its registry record's once 'evident verify' has
fetched it into the library): the passage
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
	f.StringArrayVar(&opts.severity, "severity", nil, "`LEVEL`: show only findings at least this severe (info, warning, error; text, markdown, html); CODE=LEVEL: set a finding's severity, LEVEL one of "+strings.Join(config.SeverityLevels, ", ")+" (repeatable)")
	f.IntVar(&opts.top, "top", 0, "show only the first `N` findings, most serious first (text, markdown, html; 0 = all)")
	f.BoolVar(&opts.noPager, "no-pager", false, "never page the text report (it is paged only on a terminal: $PAGER, else less -FRX)")
	f.StringArrayVar(&opts.ignore, "ignore", nil, "never judge sentences matching this `REGEXP` (repeatable)")
	f.BoolVar(&opts.noSupport, "no-support", false, "skip the evidence stage (passages, verdicts and the findings on them)")
	styleFlag(f, &opts.style, "citation style of the reference list in --format html (default: the style setting)")
	f.StringVar(&opts.locale, "locale", "", "language of that style's terms and dates, such as de-DE (default: the locale setting)")
	f.BoolVar(&opts.verify, "verify", false, "verify the cited works against Crossref, doi.org, PubMed and OpenAlex (not-found, metadata-mismatch, retracted...)")
	addRegistryFlags(f, &opts.registry)
	return cmd
}

// runCheck is 'evident check': flags → settings → one pipeline run → one
// report writer.
func (a *App) runCheck(cmd *cobra.Command, args []string, opts *checkOptions) error {
	ctx := cmd.Context()
	settings := a.checkSettings(cmd, opts)
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
	var sources check.Sources
	if opts.retractions != "" {
		rs, err := a.loadRetractions(opts.retractions)
		if err != nil {
			return err
		}
		sources = append(sources, rs)
	}
	if (opts.registry.offline || opts.registry.refresh) && !opts.verify {
		return fmt.Errorf("--offline and --refresh go with --verify")
	}
	// --verify fills the library's registry cache, as 'verify' does.
	st, closeLib, err := a.libraryForRun(opts.verify && !opts.registry.offline)
	if err != nil {
		return err
	}
	defer closeLib()
	if st != nil {
		lr, err := pipeline.NewLibraryRetractions(st)
		if err != nil {
			return err
		}
		if lr != nil {
			sources = append(sources, lr)
		}
	}
	if len(sources) > 0 {
		po.Retractions = sources
	}
	var run registryRun
	if opts.verify {
		if run, err = a.newVerifier(cfg, st, opts.registry); err != nil {
			return err
		}
		// What was fetched is kept, whatever happens to the run.
		defer run.flush(a)
		po.Verify = run.v
	}
	if !opts.noSupport {
		po.Registry = registryCache(st, run)
		if st != nil && len(opts.bib) == 0 {
			po.Texts = st
		}
	}
	if opts.verify && st != nil && !opts.registry.offline && len(opts.bib) == 0 {
		// The abstracts and full texts verification fetches are kept as
		// the works' texts, once the articles are checked.
		po.Fetched = pipeline.NewFetched()
		defer a.keepFetched(ctx, st, po.Fetched)
	}
	if opts.baseline != "" {
		if po.Baseline, err = loadBaseline(opts.baseline); err != nil {
			return err
		}
	}
	lib, none, err := a.checkAgainst(ctx, opts.bib, st, &po)
	if err != nil {
		return err
	}
	po.NoLibrary = none
	marks := a.reviewMarks(args, st)
	filter, err := findingFilter(opts)
	if err != nil {
		return err
	}
	ro := export.ReportOptions{Color: a.OutTTY && !a.NoColor, Version: buildVersion().Version, Library: lib, Filter: filter}
	if opts.format == "html" {
		if ro.Style, err = a.lookupStyle(cfg.Style, cfg.Locale, cfg.Source("style")); err != nil {
			return err
		}
	}
	out, donePaging := a.Out, func() {}
	if opts.format == "text" {
		out, donePaging = a.startPager(!opts.noPager)
	}
	defer donePaging()
	w, err := export.NewReportWriter(opts.format, out, ro)
	if err != nil {
		return err
	}
	inputs := make([]pipeline.Input, len(args))
	for i, path := range args {
		inputs[i] = pipeline.Input{Path: path, Format: opts.inputFormat}
	}
	failed := false
	err = pipeline.Check(ctx, inputs, lib, po, func(c pipeline.Checked) error {
		if ms := marks[c.Input.Path]; len(ms) > 0 {
			stale := c.Report.ApplyReviews(ms)
			if po.Baseline == nil {
				// A baseline leaves findings out: their marks are not stale.
				c.Report.NoteStale(stale)
			}
		}
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
func (a *App) checkSettings(cmd *cobra.Command, opts *checkOptions) pipeline.Settings {
	return func(path string) (*config.Config, error) {
		cfg, err := config.ForFile(path)
		a.sayConfigWarnings(cfg)
		if err != nil || opts == nil {
			return cfg, err
		}
		changed := cmd.Flags().Changed
		for _, s := range []struct{ flag, value string }{
			{"fail-on", opts.failOn},
			{"scope", opts.scope},
			{"max-age", strconv.Itoa(opts.maxAge)},
			{"style", opts.style},
			{"locale", opts.locale},
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
				continue // a level to show from: findingFilter's
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

// findingFilter reads --top and the --severity LEVEL among the
// --severity CODE=LEVEL settings (the last one wins): which findings the
// reports for people list.
func findingFilter(opts *checkOptions) (corpus.FindingFilter, error) {
	var f corpus.FindingFilter
	if opts.top < 0 {
		return f, fmt.Errorf("--top %d: want a number of findings, or 0 for all", opts.top)
	}
	f.Top = opts.top
	for _, sv := range opts.severity {
		if strings.Contains(sv, "=") {
			continue
		}
		s, err := corpus.ParseSeverity(sv)
		if err != nil || s > corpus.Error {
			return f, fmt.Errorf("--severity %q: want a LEVEL to show from (info, warning, error) or CODE=LEVEL", sv)
		}
		f.MinSeverity = s
	}
	return f, nil
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
//
// st is the library the run already holds, or nil: a command opens the
// library once, since a second open waits at the gate a writer closes
// while the first still holds the lock the writer waits for. When st has
// its resolution indexes, po.Library is set to resolve through them and
// lib is nil: the check reads only the references citations could name.
func (a *App) checkAgainst(ctx context.Context, bibs []string, st *store.Store, po *pipeline.Options) (lib []*corpus.Reference, none bool, err error) {
	if len(bibs) == 0 && st != nil {
		lib, po.Library, err = libraryOf(st)
		return lib, false, err
	}
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

// libraryOf returns what to check against in st: its resolution indexes,
// or, in a library of an older evident opened for reading, its
// references.
func libraryOf(st *store.Store) ([]*corpus.Reference, *pipeline.Indexed, error) {
	ix, err := pipeline.FromIndex(st)
	if err != nil || ix != nil {
		return nil, ix, err
	}
	lib, err := pipeline.FromStore(st)
	return lib, nil, err
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

// reviewMarks returns the editor's marks (evident review) on the findings
// of each article about to be checked, by path, when its file is a stored
// article. Marks are an overlay on the check: a library that cannot be
// read for them is a warning, not a failed check.
//
// held is the library the run already holds (see checkAgainst), or nil.
func (a *App) reviewMarks(paths []string, held *store.Store) map[string][]corpus.ReviewMark {
	st := held
	var err error
	if st == nil {
		loc, lerr := a.locate()
		if lerr != nil || !loc.Exists() {
			return nil
		}
		if st, err = store.Open(loc.StorePath(), true); err == nil {
			defer st.Close()
		}
	}
	if err == nil {
		var marks map[string][]corpus.ReviewMark
		if marks, err = pipeline.MarksFor(st, paths); err == nil {
			return marks
		}
	}
	fmt.Fprintf(a.Err, "warning: review marks not read, findings are shown unreviewed: %v\n", err)
	return nil
}

// keepFetched keeps in the library the texts of the records 'check
// --verify' fetched (the works' abstracts and full texts), and brings the
// search index's passages up to date; a failure is a warning, as for the
// cache: the next verification fetches them again.
func (a *App) keepFetched(ctx context.Context, st *store.Store, f *pipeline.Fetched) {
	changes, err := f.Save(st)
	if err == nil && len(changes.Texts) > 0 {
		var loc store.Location
		if loc, err = a.locate(); err == nil {
			err = a.syncIndex(ctx, st, loc, changes)
		}
	}
	if err != nil {
		fmt.Fprintf(a.Err, "warning: the texts verification fetched could not be kept: %v\n", err)
	}
}

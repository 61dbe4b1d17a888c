package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/evident-tools/evident/config"
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/pipeline"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/store"
	"github.com/evident-tools/evident/verify"
)

type verifyOptions struct {
	bib         []string
	offline     bool
	refresh     bool
	format      string
	failOn      string
	retractions string
	quiet       bool
}

func newVerifyCmd(a *App) *cobra.Command {
	var opts verifyOptions
	cmd := &cobra.Command{
		Use: "verify [KEY...]",
		Example: `  evident verify                          # every reference of the library
  evident verify singer2016 smith2019     # some of them
  evident verify --bib refs.bib           # a file, nothing stored
  evident verify --offline                # only what earlier runs fetched
  evident verify --fail-on problems       # exit 1 on a mismatch, wrong identifier, not found or retraction
  evident verify --format json > verify.json`,
		Short: "Check references against Crossref, doi.org and PubMed: exists, right metadata, not retracted",
		Long: `Look each reference up by its DOI (Crossref, then doi.org for the other
agencies), PMID or PMCID (PubMed) or arXiv id (doi.org), or, without an
identifier, search Crossref and then PubMed with the whole reference, and
compare the record with the reference. Each gets a verdict:

  verified          a record exists and agrees
  mismatch          the record exists and fields differ (listed)
  wrong-identifier  the DOI or PMID belongs to another work
  not-found         no record and no search match (books, theses, reports and
                    journals outside English are often not indexed)
  unknown           a registry could not be asked (offline, an error)

and the notices about the work: retractions, corrections, expressions of
concern, from the publisher (Crossref), PubMed, OpenAlex, the library's Retraction
Watch database (retractions update) and --retractions.

What the registries answer is kept in the library for cache-days (30) and
their retraction status for retraction-cache-days (7); --offline uses only
that, --refresh asks again. Set mailto in .evident.toml (or EVIDENT_MAILTO):
Crossref serves requests that name a contact from its faster "polite" pool.

Exit status: 0, or 1 when a verdict or notice named by --fail-on occurs
(default none; "problems" is mismatch, wrong-identifier, not-found and
retracted; unknown counts only when named), 2 for usage or input errors,
130 when interrupted (what was fetched is kept).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runVerify(cmd.Context(), args, &opts)
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&opts.bib, "bib", nil, "verify the references of this `FILE` (any import format) instead of the library's (repeatable; nothing is stored)")
	f.BoolVar(&opts.offline, "offline", false, "send nothing: use only what earlier runs fetched")
	f.BoolVar(&opts.refresh, "refresh", false, "ask the registries again, whatever the cache holds")
	formatFlag(f, &opts.format)
	failOnFlag(f, &opts.failOn)
	f.StringVar(&opts.retractions, "retractions", "", "CSV `FILE` of retracted works (Retraction Watch columns, or DOI / PubMed ID)")
	f.BoolVarP(&opts.quiet, "quiet", "q", false, "no progress bar")
	return cmd
}

// failOnValues are what --fail-on names: verdicts, notices, and two
// shorthands.
var failOnValues = []string{"none", "problems", string(verify.Mismatch), string(verify.WrongIdentifier),
	string(verify.NotFound), "retracted", "expression-of-concern", string(verify.Unknown)}

// failOnFlag defines --fail-on: a comma-separated list of failOnValues,
// checked when the flags are parsed.
func failOnFlag(f *pflag.FlagSet, p *string) {
	v := enumFlag(f, p, "fail-on", "none", failOnValues, "exit 1 when a reference has one of these verdicts or notices (comma-separated)")
	v.accept = func(s string) (string, error) {
		_, err := parseFailOn(s)
		return strings.ToLower(s), err
	}
}

// runVerify is 'evident verify': the targets, a verifier, one run, one
// report.
func (a *App) runVerify(ctx context.Context, keys []string, opts *verifyOptions) error {
	if opts.offline && opts.refresh {
		return fmt.Errorf("--offline and --refresh contradict each other: --offline asks nothing, --refresh asks again")
	}
	failOn, err := parseFailOn(opts.failOn)
	if err != nil {
		return fmt.Errorf("--fail-on: %w", err)
	}
	refs, err := a.verifyRefs(ctx, keys, opts.bib)
	if err != nil {
		return err
	}
	cfg, err := a.verifySettings()
	if err != nil {
		return err
	}
	settings, err := cfg.Registry.Settings().WithEnv(a.Getenv)
	if err != nil {
		return err
	}
	var rs verify.Retractions
	if opts.retractions != "" {
		list, err := a.loadRetractions(opts.retractions)
		if err != nil {
			return err
		}
		rs = pipeline.ListNotices(list)
	}

	// The cache lives in the library, when there is one. A run that asks
	// the registries holds the library for writing, as an import does:
	// readers go on, another writer waits.
	var cache verify.Cache
	var sc *verify.StoreCache
	// lib is the library the works' fetched texts are kept in: one opened
	// for writing, whose references are those verified.
	var lib *store.Store
	if loc, err := a.locate(); err == nil && loc.Exists() {
		var st *store.Store
		if opts.offline {
			st, _, err = a.openRead()
		} else {
			st, _, err = a.openWrite(false)
		}
		if err != nil {
			return err
		}
		defer st.Close()
		if !opts.offline && len(opts.bib) == 0 {
			lib = st
		}
		sc = verify.NewStoreCache(st)
		cache = sc
		// The Retraction Watch database 'retractions update' imported.
		if rs != nil {
			rs = pipeline.BothRetractions{rs, st}
		} else {
			rs = st
		}
	}

	vo := verify.Options{Offline: opts.offline, Refresh: opts.refresh}
	vo.MaxAge, vo.UpdatesMaxAge = cfg.Registry.CacheAges()
	if a.ErrTTY && !opts.quiet {
		bar := newCountBar(a.Err, "verifying")
		vo.Progress = func(done, total int) {
			bar.ChangeMax(total)
			bar.Set(done)
		}
		defer bar.Finish()
	}
	v, err := verify.New(settings, buildVersion().Version, cache, rs, vo)
	if err != nil {
		return err
	}
	targets := make([]verify.Target, len(refs))
	for i, r := range refs {
		targets[i] = verify.Target{Key: r.Key, Ref: r}
	}
	rep, verr := v.Verify(ctx, targets)
	if sc != nil {
		// Whatever happened, what was fetched is kept.
		if err := sc.Flush(); err != nil && verr == nil {
			fmt.Fprintf(a.Err, "warning: the registry cache could not be written: %v\n", err)
		}
	}
	if lib != nil && rep != nil {
		f := pipeline.NewFetched()
		f.AddResults(rep.References)
		a.keepFetched(ctx, lib, f)
	}
	if verr != nil {
		return verr
	}
	if opts.format == "json" {
		err = writeJSON(a.Out, rep)
	} else {
		err = writeVerifyText(a.Out, rep, refs)
	}
	if err != nil {
		return err
	}
	if failed(rep, failOn) {
		return errFindings
	}
	return nil
}

// verifySettings are the settings of the working directory's
// .evident.toml files.
func (a *App) verifySettings() (*config.Config, error) {
	cwd, err := a.Getwd()
	if err != nil {
		return nil, err
	}
	cfg, err := config.Load(cwd, check.KnownCodes())
	a.sayConfigWarnings(cfg)
	return cfg, err
}

// verifyRefs returns the references to verify: the --bib files' or the
// library's, all of them or those named by keys (or their aliases).
func (a *App) verifyRefs(ctx context.Context, keys, bibs []string) ([]*corpus.Reference, error) {
	var all []*corpus.Reference
	if len(bibs) > 0 {
		refs, warnings, err := pipeline.FromFiles(ctx, bibs)
		for _, w := range warnings {
			fmt.Fprintf(a.Err, "warning: %s\n", w)
		}
		if err != nil {
			return nil, err
		}
		all = refs
	} else {
		st, _, err := a.openRead()
		if err != nil {
			return nil, err
		}
		defer st.Close()
		if len(keys) > 0 {
			var out []*corpus.Reference
			var missing []string
			for _, k := range keys {
				r, err := st.Find(k)
				if err != nil {
					missing = append(missing, k)
					continue
				}
				out = append(out, r)
			}
			if len(missing) > 0 {
				return nil, fmt.Errorf("no reference %s in the library", strings.Join(missing, ", "))
			}
			return out, nil
		}
		if all, err = pipeline.FromStore(st); err != nil {
			return nil, err
		}
	}
	if len(keys) == 0 {
		return all, nil
	}
	var out []*corpus.Reference
	var missing []string
	for _, k := range keys {
		i := slices.IndexFunc(all, func(r *corpus.Reference) bool { return r.Key == k || slices.Contains(r.Aliases, k) })
		if i < 0 {
			missing = append(missing, k)
			continue
		}
		out = append(out, all[i])
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("no reference %s in %s", strings.Join(missing, ", "), strings.Join(bibs, ", "))
	}
	return out, nil
}

// writeVerifyText writes one line per reference (verdict, key, short
// title), then the details of each that is not simply verified, then the
// summary.
func writeVerifyText(w io.Writer, rep *verify.Report, refs []*corpus.Reference) error {
	titles := make(map[string]string, len(refs))
	for _, r := range refs {
		titles[r.Key] = r.Title
	}
	width := len("wrong-identifier")
	keyWidth := 0
	for _, r := range rep.References {
		keyWidth = max(keyWidth, len(r.Key))
	}
	for _, r := range rep.References {
		mark := ""
		if notice := worstNotice(r.Updates); notice != "" {
			mark = " [" + notice + "]"
		}
		fmt.Fprintf(w, "%-*s  %-*s  %s%s\n", width, r.Verdict, keyWidth, r.Key, truncate(strings.Join(strings.Fields(titles[r.Key]), " "), 60), mark)
	}
	for _, r := range rep.References {
		if r.Verdict == verify.Verified && len(r.Updates) == 0 && r.Message == "" {
			continue
		}
		fmt.Fprintf(w, "\n%s: %s\n", r.Key, r.Verdict)
		for _, d := range r.Differences {
			fmt.Fprintf(w, "  %s: ours %q, record %q\n", d.Field, d.Ours, d.Record)
		}
		for _, u := range r.Updates {
			fmt.Fprintf(w, "  %s%s\n", u.Type, noticeDetails(u))
		}
		if r.Record != nil && r.Verdict != verify.Verified {
			fmt.Fprintf(w, "  record: %s\n", recordLine(r.Record))
		}
		if r.Message != "" {
			fmt.Fprintf(w, "  %s\n", r.Message)
		}
	}
	s := rep.Summary
	fmt.Fprintf(w, "\n%d %s: %d verified, %d mismatch, %d wrong identifier, %d not found, %d unknown",
		s.References, export.Plural(s.References, "reference", "references"), s.Verified, s.Mismatch, s.WrongIdentifier, s.NotFound, s.Unknown)
	if s.Retracted+s.Concerns+s.Corrected > 0 {
		fmt.Fprintf(w, "; %d retracted, %d with an expression of concern, %d corrected", s.Retracted, s.Concerns, s.Corrected)
	}
	_, err := fmt.Fprintf(w, " (%d %s sent)\n", s.Requests, export.Plural(s.Requests, "request", "requests"))
	return err
}

// worstNotice names the gravest notice about a work, for its line.
func worstNotice(us []registry.Update) string {
	for _, t := range []string{registry.Retraction, registry.Withdrawal, registry.ExpressionOfConcern, registry.Correction} {
		for _, u := range us {
			if u.Type == t {
				return t
			}
		}
	}
	return ""
}

func noticeDetails(u registry.Update) string {
	var parts []string
	if u.DOI != "" {
		parts = append(parts, "DOI "+u.DOI)
	}
	if u.Date != "" {
		parts = append(parts, u.Date)
	}
	if u.Source != "" {
		parts = append(parts, "from "+u.Source)
	}
	if len(parts) == 0 {
		return ""
	}
	return ": " + strings.Join(parts, ", ")
}

// recordLine names a record: registry, identifier, title, first author,
// year.
func recordLine(rec *registry.Record) string {
	var parts []string
	if rec.DOI != "" {
		parts = append(parts, "DOI "+rec.DOI)
	} else if rec.PMID != "" {
		parts = append(parts, "PMID "+rec.PMID)
	}
	if rec.Title != "" {
		parts = append(parts, "“"+truncate(rec.Title, 80)+"”")
	}
	if len(rec.Authors) > 0 {
		a := rec.Authors[0].Family
		if a == "" {
			a = rec.Authors[0].Literal
		}
		parts = append(parts, a)
	}
	if rec.Year > 0 {
		parts = append(parts, fmt.Sprint(rec.Year))
	}
	return rec.Registry + ": " + strings.Join(parts, ", ")
}

// failSet is what --fail-on names.
type failSet map[string]bool

// parseFailOn reads --fail-on: a comma-separated list of failOnValues.
func parseFailOn(s string) (failSet, error) {
	set := failSet{}
	for _, v := range strings.Split(strings.ToLower(s), ",") {
		v = strings.TrimSpace(v)
		switch {
		case v == "" || v == "none":
		case v == "problems":
			for _, p := range []string{string(verify.Mismatch), string(verify.WrongIdentifier), string(verify.NotFound), "retracted"} {
				set[p] = true
			}
		case slices.Contains(failOnValues, v):
			set[v] = true
		default:
			return nil, fmt.Errorf("%q is not one of %s", v, strings.Join(failOnValues, ", "))
		}
	}
	return set, nil
}

// failed reports whether any reference has a verdict or notice in set.
func failed(rep *verify.Report, set failSet) bool {
	for _, r := range rep.References {
		if set[string(r.Verdict)] {
			return true
		}
		for _, u := range r.Updates {
			switch {
			case set["retracted"] && (u.Type == registry.Retraction || u.Type == registry.Withdrawal),
				set["expression-of-concern"] && u.Type == registry.ExpressionOfConcern:
				return true
			}
		}
	}
	return false
}

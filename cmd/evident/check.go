package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/corpus/importer"
	"github.com/evident-tools/evident/export"
)

type checkOptions struct {
	inputFormat string
	bib         []string
	format      string
	failOn      string
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
check that stores nothing).

Findings: dangling-citation (a marker that resolves to nothing),
unmatched-reference (a list entry that matches nothing in the library),
uncited-reference (a list entry never cited), identifier-mismatch (a list
entry whose DOI or PMID belongs to a different work) and uncited-claim.

Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for
usage or input errors.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.format != "text" && opts.format != "json" {
				return inputErr(fmt.Errorf("--format must be text or json, not %q", opts.format))
			}
			failOn, err := check.ParseSeverity(opts.failOn)
			if err != nil {
				return inputErr(fmt.Errorf("--fail-on: %w", err))
			}
			var forced corpus.Format
			if opts.inputFormat != "" {
				if forced, err = article.ParseFormat(opts.inputFormat); err != nil {
					return inputErr(fmt.Errorf("--input-format: %w", err))
				}
			}
			refs, err := a.checkLibrary(cmd, opts.bib)
			if err != nil {
				return err
			}
			failed := false
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
				rep, err := check.Check(path, data, format, refs)
				if err != nil {
					return inputErr(err)
				}
				if opts.format == "json" {
					err = export.CheckJSON(a.Out, rep)
				} else {
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
			if failed {
				return &exitError{code: exitFindings}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&opts.inputFormat, "input-format", "", "article format: markdown, text, html or latex (default: from the extension)")
	cmd.Flags().StringArrayVar(&opts.bib, "bib", nil, "check against this BibTeX `FILE` instead of the library (repeatable; nothing is stored)")
	cmd.Flags().StringVar(&opts.format, "format", "text", "report format: text or json")
	cmd.Flags().StringVar(&opts.failOn, "fail-on", "error", "exit 1 when a finding is at least this severe: info, warning, error or none")
	return cmd
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
		return refs, nil
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

func readArticle(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not an article", path)
	}
	return os.ReadFile(path)
}

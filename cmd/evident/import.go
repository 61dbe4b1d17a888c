package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/store"
)

type importOptions struct {
	onDuplicate string
	format      string
	from        string
	quiet       bool
	verbose     bool
	registry    registryFlags
}

func newImportCmd(a *App) *cobra.Command {
	var opts importOptions
	cmd := &cobra.Command{
		Use: "import FILE|ID...",
		Example: `  evident import refs.bib more.bib
  evident import 10.1038/nature14539 PMID:9500320 arXiv:1706.03762
  evident import refs.ris
  evident import zotero.json
  cat refs.bib | evident import -
  evident import --on-duplicate update refs.bib`,
		Short: "Import reference files (BibTeX, RIS, CSL-JSON, PubMed, EndNote XML) into the library ('-' reads standard input)",
		Long: `Import reference files into the library: BibTeX, RIS, CSL-JSON, PubMed
(MEDLINE .nbib text and efetch XML) and EndNote XML. Every field of every
entry is kept. A file's format is told by its content (a TY line is RIS, a
JSON array of CSL items is CSL-JSON, a PMID- line is MEDLINE, the root
element of XML says PubMed or EndNote), else by its extension; --from
decides instead. Records of the other formats become BibTeX entries.
A file in none of these formats is refused (exit status 2).
Files in UTF-8, UTF-16 or Windows-1252 are read alike.
A malformed entry is reported as FILE:LINE: entry KEY: what is wrong, the
other entries still import, and the exit status is 2. The whole import is one
transaction: it lands entirely or not at all.

An entry the library holds already, as it is, is counted as unchanged:
importing a file again changes nothing and says so in one line.
Duplicates (same DOI, or same title, year and first author) are skipped by
default, and the key of a duplicate skipped becomes an alias of the reference
it duplicates, so that citations by that key still resolve (--verbose lists
them); --on-duplicate update replaces the stored reference, keep stores both.

An argument that is no file but a DOI (10.1000/xyz, doi:..., a doi.org
address), a PMID (PMID:123), a PMCID (PMC123) or an arXiv identifier
(arXiv:2101.00001) is fetched from the registries (Crossref, doi.org,
PubMed) and imported like an entry of a file: keyed by first author, year
and first title word, de-duplicated the same way, each field noting the
record it came from ('refs show'). A file of that name wins. An identifier
that is malformed, names no work or cannot be fetched is named and skipped;
the others still import, and the exit status is 2. --offline fetches
nothing and uses what the library's cache holds.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			policy, err := store.ParsePolicy(opts.onDuplicate)
			if err != nil {
				return fmt.Errorf("--on-duplicate: %w", err)
			}
			from := opts.from
			inputs := make([]importer.Input, 0, len(args))
			var idArgs []importArg
			for _, arg := range args {
				if ia := classifyImportArg(arg); ia.isID() {
					idArgs = append(idArgs, ia)
					continue
				}
				if arg == "-" {
					inputs = append(inputs, importer.Input{Name: "stdin", R: a.In, Format: from})
					continue
				}
				inputs = append(inputs, importer.Input{Name: arg, Format: from})
			}
			// Parse before taking the write lock, so that a long parse does
			// not keep other writers waiting.
			iopts := importer.Options{Policy: policy, Recheck: a.recheck}
			a.noProgress = opts.quiet
			if a.ErrTTY && !opts.quiet {
				bar := newProgress(a.Err, "parsing")
				iopts.Progress = func(done, total int64) {
					bar.ChangeMax64(total)
					bar.Set64(done)
				}
				defer bar.Finish()
			}
			refs, sum, err := importer.Parse(cmd.Context(), inputs, iopts.Progress)
			if err != nil {
				return err
			}
			st, loc, err := a.openWrite(true)
			if err != nil {
				return err
			}
			defer st.Close()
			if len(idArgs) > 0 {
				// Fetched with the library's cache, which the import holds
				// for writing already.
				fetched, problems, err := a.fetchIDs(cmd.Context(), st, idArgs, opts.registry)
				if err != nil {
					return err
				}
				refs = append(refs, fetched...)
				sum.Identifiers, sum.Read = len(idArgs), sum.Read+len(fetched)
				sum.Problems = append(sum.Problems, problems...)
				sum.Rejected += len(problems)
			}
			if err := importer.Merge(st, refs, sum, iopts); err != nil {
				return err
			}
			// What was stored is said even when the index then fails.
			ixErr := a.syncIndex(cmd.Context(), st, loc, sum.Changes)
			a.reportRechecked(sum.Rechecked)
			if err := printImportSummary(a.Out, a.Err, sum, opts.format, opts.verbose); err != nil {
				return err
			}
			if ixErr != nil {
				return ixErr
			}
			if sum.Rejected > 0 {
				return fmt.Errorf("%d %s rejected", sum.Rejected, export.Plural(sum.Rejected, "entry", "entries"))
			}
			return nil
		},
	}
	enumFlag(cmd.Flags(), &opts.onDuplicate, "on-duplicate", "skip", store.PolicyNames(), "what to do with a work already in the library")
	formatFlag(cmd.Flags(), &opts.format)
	cmd.Flags().BoolVarP(&opts.quiet, "quiet", "q", false, "no progress bar")
	cmd.Flags().BoolVarP(&opts.verbose, "verbose", "v", false, "list every duplicate whose key was kept as an alias")
	addRegistryFlags(cmd.Flags(), &opts.registry)
	from := enumFlag(cmd.Flags(), &opts.from, "from", "", importer.FormatNames(), "input format (default: by content, else by extension)")
	from.accept = importer.ParseFormat
	return cmd
}

func newProgress(w io.Writer, what string) *progressbar.ProgressBar {
	return progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowBytes(true),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100e6),
	)
}

func newCountBar(w io.Writer, what string) *progressbar.ProgressBar {
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionThrottle(100e6),
	)
}

// maxListed bounds how many warnings a summary prints; the rest are counted.
const maxListed = 20

// printImportSummary prints the problems, warnings and notes on errw and one
// summary line on out. The duplicates whose keys became aliases are counted
// in the line, and listed only when verbose: they need nothing from the
// user (their citations still resolve), and a file merged from several
// exports can hold hundreds.
func printImportSummary(out, errw io.Writer, sum *importer.Summary, format string, verbose bool) error {
	if format == "json" {
		return writeJSON(out, importJSON(sum))
	}
	for _, p := range sum.Problems {
		fmt.Fprintln(errw, p.Error())
	}
	printLimited(errw, "warning", sum.Warnings)
	printLimited(errw, "note", sum.Notes)
	if verbose {
		for _, p := range sum.Aliased {
			fmt.Fprintf(errw, "note: %s\n", p.Error())
		}
	}
	from := fmt.Sprintf("%d %s", sum.Files, export.Plural(sum.Files, "file", "files"))
	switch {
	case sum.Identifiers > 0 && sum.Files == 0:
		from = fmt.Sprintf("%d %s", sum.Identifiers, export.Plural(sum.Identifiers, "identifier", "identifiers"))
	case sum.Identifiers > 0:
		from += fmt.Sprintf(" and %d %s", sum.Identifiers, export.Plural(sum.Identifiers, "identifier", "identifiers"))
	}
	fmt.Fprintf(out, "read %d %s from %s: %s\n", sum.Read, export.Plural(sum.Read, "entry", "entries"), from, importCounts(sum))
	return nil
}

// importCounts says what an import did, leaving out what it did not do:
// "3 added, 1 skipped as duplicates, 1 key kept as an alias", "615 already
// in the library, unchanged".
func importCounts(sum *importer.Summary) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, what))
		}
	}
	add(sum.Added, "added")
	add(sum.Updated, "updated")
	add(sum.Duplicates, "skipped as duplicates")
	if n := len(sum.Aliased); n > 0 {
		parts = append(parts, fmt.Sprintf("%d %s kept as %s", n, export.Plural(n, "key", "keys"), export.Plural(n, "an alias", "aliases")))
	}
	add(sum.Rejected, "rejected")
	add(sum.Unchanged, "already in the library, unchanged")
	if len(parts) == 0 {
		return "nothing to import"
	}
	return strings.Join(parts, ", ")
}

func printLimited(w io.Writer, what string, ps []corpus.Problem) {
	for i, p := range ps {
		if i == maxListed {
			fmt.Fprintf(w, "... and %d more %ss (see --format json)\n", len(ps)-maxListed, what)
			return
		}
		fmt.Fprintf(w, "%s: %s\n", what, p.Error())
	}
}

type problemJSON struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Key  string `json:"key,omitempty"`
	Msg  string `json:"message"`
}

func problemsJSON(ps []corpus.Problem) []problemJSON {
	out := make([]problemJSON, 0, len(ps))
	for _, p := range ps {
		out = append(out, problemJSON{File: p.File, Line: p.Line, Key: p.Key, Msg: p.Msg})
	}
	return out
}

func importJSON(sum *importer.Summary) any {
	return struct {
		Files      int           `json:"files"`
		Read       int           `json:"read"`
		Added      int           `json:"added"`
		Updated    int           `json:"updated"`
		Duplicates int           `json:"duplicates"`
		Unchanged  int           `json:"unchanged"` // entries the library held already, as they are
		Aliased    int           `json:"aliased"`   // duplicates whose keys became aliases (listed in notes)
		Rejected   int           `json:"rejected"`
		Problems   []problemJSON `json:"problems"`
		Warnings   []problemJSON `json:"warnings"`
		Notes      []problemJSON `json:"notes"`
		Rechecked  []string      `json:"rechecked"` // ids of stored articles checked again
	}{sum.Files, sum.Read, sum.Added, sum.Updated, sum.Duplicates, sum.Unchanged, len(sum.Aliased), sum.Rejected,
		problemsJSON(sum.Problems), problemsJSON(sum.Warnings), problemsJSON(append(slices.Clip(sum.Notes), sum.Aliased...)), nonNil(sum.Rechecked)}
}

// splitKeys reads a --keys value: keys separated by commas or spaces.
func splitKeys(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
}

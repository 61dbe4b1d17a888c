package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/config"
	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/csl/styles"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/export/style"
	"github.com/evident-tools/evident/pipeline"
	"github.com/evident-tools/evident/store"
)

type exportOptions struct {
	format      string
	keys        string
	query       string
	style       string
	locale      string
	output      string
	salvage     bool
	libraryOnly bool
}

// exportFormats are the --format values, true for the reference-list
// formats, which need a style; a data format (bibtex, ris, csljson) writes
// the references themselves (see referenceWriter).
var exportFormats = map[string]bool{"text": true, "markdown": true, "html": true, "bibtex": false, "ris": false, "csljson": false}

// exportFormatNames are the --format values in the order help lists them.
var exportFormatNames = []string{"text", "markdown", "html", "bibtex", "ris", "csljson"}

func newExportCmd(a *App) *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use: "export [ARTICLE]",
		Example: `  evident export                               # the library, in the style setting
  evident export --style vancouver draft.md    # what a stored article cites, in citation order
  evident export --format bibtex draft.md      # the same, linked web pages included, as BibTeX
  evident export --library-only draft.md       # without the linked sources the library lacks
  evident export --style chicago --keys ioannidis2005,box1979
  evident export --format bibtex -o library.bib
  evident export --salvage -o rescued.bib      # out of a damaged library file`,
		Short: "Write a reference list in a citation style, or the references as BibTeX, RIS or CSL-JSON",
		Long: `Write a reference list of the library, of the references a stored article
cites (ARTICLE: its id, as 'evident articles' lists it), of the references
named by --keys, or of those a search finds (--query, Bleve query syntax as
'evident search' takes it).

A stored article's list holds what its markers and its links cite, in the
order of first citation: a link resolved to the library (by a DOI, PMID,
arXiv id or address) gives that reference; a linked source the library
lacks becomes a web page (BibTeX @online, CSL webpage, RIS ELEC) titled
with the link's text, with its address and any identifier the address
carries. --library-only leaves those out.

--style takes a built-in style (` + strings.Join(style.Names(), ", ") + `),
a path to a .csl file, or the id or file name of a CSL style in a styles
folder (~/.local/share/evident/styles, Zotero's ~/Zotero/styles, the
system's CSL styles; 'evident styles' lists them). It defaults to the style
setting of .evident.toml (see 'evident config'), which defaults to apa.
--locale (or the locale setting) overrides the style's language: its terms,
dates and punctuation ("de-DE"). Numeric styles number an article's
references in the order of first citation; author-date styles sort them.

--format text (one entry per line), markdown, html (a <ol> or <ul> fragment),
or a data format: bibtex (every field from its stored source: import, export
and import again gives the same references), ris (EndNote, Zotero, Mendeley;
CRLF line ends) or csljson (pandoc, Zotero, citeproc processors). Without
--format, -o FILE picks the format from the file's extension (.bib, .md,
.html, .ris, .json; anything else is text).

With --salvage, read the references out of a damaged library file that
evident cannot open or read as a whole: every page of the file is looked
through and every reference that can still be read is written out (as
BibTeX unless --format says otherwise), without changing the file. What
could not be read, and any reference that may be an older copy, is reported
on standard error.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("format") {
				if opts.output != "" {
					opts.format = formatForFile(opts.output)
				}
				if opts.salvage && (opts.output == "" || opts.format == "text") {
					opts.format = "bibtex" // a rescue keeps every field
				}
			}
			list := exportFormats[opts.format]
			selectors := 0
			for _, set := range []bool{len(args) == 1, opts.keys != "", opts.query != ""} {
				if set {
					selectors++
				}
			}
			if selectors > 1 {
				return errors.New("give one of ARTICLE, --keys and --query")
			}
			var st *style.Style
			if list {
				var err error
				if st, err = a.exportStyle(cmd, opts.style, opts.locale); err != nil {
					return err
				}
			}
			if opts.libraryOnly && len(args) == 0 {
				return errors.New("--library-only goes with ARTICLE, a stored article")
			}
			if opts.salvage && selectors > 0 {
				return errors.New("--salvage writes out everything it can read; it takes no ARTICLE, --keys or --query")
			}
			var refs []*corpus.Reference
			var err error
			if opts.salvage {
				refs, err = a.salvage()
			} else {
				refs, err = a.exportRefs(cmd, args, opts)
			}
			if err != nil {
				return err
			}
			write := func(w io.Writer) error {
				if data := referenceWriter(opts.format); data != nil {
					return data(w, refs)
				}
				entries, err := st.References(refs)
				if err != nil {
					return err
				}
				return export.ReferenceList(w, st, entries, opts.format)
			}
			if opts.output == "" || opts.output == "-" {
				return write(a.Out)
			}
			return store.WriteFile(opts.output, write)
		},
	}
	f := cmd.Flags()
	format := enumFlag(f, &opts.format, "format", "text", exportFormatNames, "output format")
	format.accept = func(s string) (string, error) {
		s = strings.ToLower(s)
		if s == "csl-json" { // the name pandoc gives it
			s = "csljson"
		}
		if _, ok := exportFormats[s]; !ok {
			return "", fmt.Errorf("%q is not one of %s", s, strings.Join(exportFormatNames, ", "))
		}
		return s, nil
	}
	styleFlag(f, &opts.style, "citation style (default: the style setting, apa)")
	f.StringVar(&opts.locale, "locale", "", "language of the style's terms and dates, such as de-DE (default: the locale setting, else the style's own)")
	f.StringVar(&opts.keys, "keys", "", "only these references (comma-separated keys)")
	f.StringVar(&opts.query, "query", "", "only the references this search `QUERY` finds")
	f.StringVarP(&opts.output, "output", "o", "", "write to `FILE` instead of standard output")
	f.BoolVar(&opts.salvage, "salvage", false, "read what can still be read out of a damaged library file")
	f.BoolVar(&opts.libraryOnly, "library-only", false, "with ARTICLE: leave out the linked sources that are not in the library")
	return cmd
}

// formatForFile picks an export format from an output file's extension.
func formatForFile(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".bib", ".bibtex":
		return "bibtex"
	case ".md", ".markdown":
		return "markdown"
	case ".html", ".htm":
		return "html"
	case ".ris":
		return "ris"
	case ".json":
		return "csljson"
	}
	return "text"
}

// exportStyle finds the style: the flag, else the style setting of the
// .evident.toml files that apply to the working directory; and its locale
// the same way.
func (a *App) exportStyle(cmd *cobra.Command, flag, locale string) (*style.Style, error) {
	if cmd.Flags().Changed("style") && cmd.Flags().Changed("locale") {
		return a.lookupStyle(flag, locale, "--style")
	}
	cwd, err := a.Getwd()
	if err != nil {
		return nil, err
	}
	cfg, err := config.Load(cwd, check.KnownCodes())
	if err != nil {
		var ce *config.Error
		if errors.As(err, &ce) {
			ce.File = relPath(cwd, ce.File)
		}
		return nil, err
	}
	a.sayConfigWarnings(cfg)
	name, source := cfg.Style, relSource(cwd, cfg.Source("style"))
	if cmd.Flags().Changed("style") {
		name, source = flag, "--style"
	}
	if !cmd.Flags().Changed("locale") {
		locale = cfg.Locale
	}
	return a.lookupStyle(name, locale, source)
}

// lookupStyle finds a style by name (built in, a .csl file, or in a styles
// folder) with a locale ("" for the style's own); an unknown one is a usage
// error that names the .evident.toml it was set in, if it came from one.
func (a *App) lookupStyle(name, locale, source string) (*style.Style, error) {
	st, err := style.Open(name, style.Options{Locale: locale, Finder: styles.NewFinder(a.Getenv)})
	if err != nil {
		if !strings.HasPrefix(source, "--") && source != config.SourceDefault {
			err = fmt.Errorf("%s: style: %w", source, err)
		}
		return nil, err
	}
	return st, nil
}

// exportRefs picks the references to export: those a stored article cites
// (in order of first citation), --keys, a --query, or the whole library.
func (a *App) exportRefs(cmd *cobra.Command, args []string, opts exportOptions) ([]*corpus.Reference, error) {
	var keys []string
	if opts.query != "" {
		ix, err := a.openIndex(cmd)
		if err != nil {
			return nil, err
		}
		hits, err := ix.SearchRefs(cmd.Context(), opts.query, 1<<20)
		ix.Close()
		if err != nil {
			return nil, err
		}
		if len(hits) == 0 {
			return nil, fmt.Errorf("no reference matches %q", opts.query)
		}
		for _, h := range hits {
			keys = append(keys, h.Key)
		}
	}
	st, _, err := a.openRead()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	switch {
	case len(args) == 1:
		art, err := pipeline.Find(st, args[0])
		if errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("no stored article %q (see 'evident articles')", args[0])
		}
		if err != nil {
			return nil, err
		}
		rep, err := pipeline.Report(art)
		if err != nil {
			return nil, err
		}
		cited := export.CitedInOrder(rep, !opts.libraryOnly)
		if len(cited) == 0 {
			fmt.Fprintf(a.Err, "note: %s cites no reference in the library\n", art.ID)
		}
		return a.citedRefs(st, cited)
	case opts.keys != "":
		keys = splitKeys(opts.keys)
	case opts.query == "":
		var refs []*corpus.Reference
		err := st.Each(func(r *corpus.Reference) error {
			refs = append(refs, r)
			return nil
		})
		return refs, err
	}
	refs := make([]*corpus.Reference, 0, len(keys))
	for _, k := range keys {
		r, err := st.Find(k)
		if errors.Is(err, store.ErrNotFound) {
			return nil, fmt.Errorf("no reference with key %q", k)
		}
		if err != nil {
			return nil, err
		}
		refs = append(refs, r)
	}
	return refs, nil
}

// citedRefs gives what a stored article cites, in order: a library
// reference by its key, or a linked source made into a reference. A cited
// reference removed from the library since is left out, with a note,
// rather than failing the whole list.
func (a *App) citedRefs(st *store.Store, cited []export.Cited) ([]*corpus.Reference, error) {
	refs := make([]*corpus.Reference, 0, len(cited))
	for _, c := range cited {
		if c.Ref != nil {
			refs = append(refs, c.Ref)
			continue
		}
		r, err := st.Find(c.Key)
		if errors.Is(err, store.ErrNotFound) {
			fmt.Fprintf(a.Err, "note: %s is cited but no longer in the library; left out\n", c.Key)
			continue
		}
		if err != nil {
			return nil, err
		}
		refs = append(refs, r)
	}
	export.KeyLinkReferences(refs)
	return refs, nil
}

// salvage reads what it can out of the library file and says on standard
// error what it could not.
func (a *App) salvage() ([]*corpus.Reference, error) {
	loc, err := a.locate()
	if err != nil {
		return nil, err
	}
	if !loc.Exists() {
		return nil, fmt.Errorf("no library at %s (chosen by %s)", loc.Dir, loc.Why)
	}
	refs, rep, err := store.Salvage(loc.StorePath())
	if err != nil {
		return nil, err
	}
	printSalvageReport(a.Err, rep)
	if len(refs) == 0 {
		return nil, fmt.Errorf("no reference could be read from %s", rep.Path)
	}
	return refs, nil
}

func printSalvageReport(w io.Writer, rep *store.SalvageReport) {
	fmt.Fprintf(w, "evident: salvaged %d %s from %s (%d pages of %d bytes; %s)\n",
		rep.References, export.Plural(rep.References, "reference", "references"), rep.Path, rep.Pages, rep.PageSize, rep.Header)
	for i, p := range rep.Unreadable {
		if i == maxListed {
			fmt.Fprintf(w, "evident: ... and %d more unreadable pages\n", len(rep.Unreadable)-maxListed)
			break
		}
		fmt.Fprintf(w, "evident: unreadable: %s\n", p)
	}
	if n := len(rep.Uncertain); n > 0 {
		fmt.Fprintf(w, "evident: %d %s came from pages no longer linked into the library while its list of free pages was lost: each may be an older copy, or a reference that was removed: %s\n",
			n, export.Plural(n, "reference", "references"), listSome(rep.Uncertain, maxListed))
	}
	if rep.Ignored > 0 {
		fmt.Fprintf(w, "evident: left out %d older %s found on pages no longer in use\n", rep.Ignored, export.Plural(rep.Ignored, "copy", "copies"))
	}
	if len(rep.Unreadable) == 0 && len(rep.Uncertain) == 0 {
		fmt.Fprintln(w, "evident: every page in use was read")
	}
}

// listSome joins up to n items and says how many more there are.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}

package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/store"
	"github.com/evident-tools/evident/export"
)

type exportOptions struct {
	format  string
	keys    string
	output  string
	salvage bool
}

func newExportCmd(a *App) *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the library, or some of its references, as BibTeX",
		Long: `Write the library (or the references named by --keys) as BibTeX. Every field
is written from its stored source form, so import, export and import again
gives the same references.

With --salvage, read the references out of a damaged library file that
evident cannot open or read as a whole: every page of the file is looked
through and every reference that can still be read is written out, without
changing the file. What could not be read, and any reference that may be an
older copy, is reported on standard error.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.format != "bibtex" {
				return inputErr(fmt.Errorf("--format %q is not supported; use bibtex", opts.format))
			}
			if opts.salvage && opts.keys != "" {
				return inputErr(errors.New("--salvage writes out everything it can read; it takes no --keys"))
			}
			var refs []*corpus.Reference
			var err error
			if opts.salvage {
				refs, err = a.salvage()
			} else {
				refs, err = a.exportRefs(opts.keys)
			}
			if err != nil {
				return err
			}
			if opts.output == "" || opts.output == "-" {
				return export.BibTeX(a.Out, refs)
			}
			return writeFileAtomic(opts.output, func(f *os.File) error { return export.BibTeX(f, refs) })
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "bibtex", "output format: bibtex")
	cmd.Flags().StringVar(&opts.keys, "keys", "", "only these references (comma-separated keys)")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to `FILE` instead of standard output")
	cmd.Flags().BoolVar(&opts.salvage, "salvage", false, "read what can still be read out of a damaged library file")
	return cmd
}

// exportRefs reads references from the library: all of them, or those
// named by keys. It closes the library before returning, so that printing
// them, however slowly the reader of the output takes them, never keeps a
// writer waiting to commit.
func (a *App) exportRefs(keys string) ([]*corpus.Reference, error) {
	st, _, err := a.openRead()
	if err != nil {
		return nil, err
	}
	defer st.Close()
	var refs []*corpus.Reference
	if keys == "" {
		err := st.Each(func(r *corpus.Reference) error {
			refs = append(refs, r)
			return nil
		})
		return refs, err
	}
	for _, k := range splitKeys(keys) {
		r, err := st.Get(k)
		if errors.Is(err, store.ErrNotFound) {
			return nil, inputErr(fmt.Errorf("no reference with key %q", k))
		}
		if err != nil {
			return nil, err
		}
		refs = append(refs, r)
	}
	return refs, nil
}

// salvage reads what it can out of the library file and says on standard
// error what it could not.
func (a *App) salvage() ([]*corpus.Reference, error) {
	loc, err := a.locate()
	if err != nil {
		return nil, inputErr(err)
	}
	if !loc.Exists() {
		return nil, inputErr(fmt.Errorf("no library at %s (chosen by %s)", loc.Dir, loc.Why))
	}
	refs, rep, err := store.Salvage(loc.StorePath())
	if err != nil {
		return nil, inputErr(err)
	}
	printSalvageReport(a.Err, rep)
	if len(refs) == 0 {
		return nil, inputErr(fmt.Errorf("no reference could be read from %s", rep.Path))
	}
	return refs, nil
}

func printSalvageReport(w io.Writer, rep *store.SalvageReport) {
	fmt.Fprintf(w, "evident: salvaged %d %s from %s (%d pages of %d bytes; %s)\n",
		rep.References, plural(rep.References, "reference", "references"), rep.Path, rep.Pages, rep.PageSize, rep.Header)
	for i, p := range rep.Unreadable {
		if i == maxListed {
			fmt.Fprintf(w, "evident: ... and %d more unreadable pages\n", len(rep.Unreadable)-maxListed)
			break
		}
		fmt.Fprintf(w, "evident: unreadable: %s\n", p)
	}
	if n := len(rep.Uncertain); n > 0 {
		fmt.Fprintf(w, "evident: %d %s came from pages no longer linked into the library while its list of free pages was lost: each may be an older copy, or a reference that was removed: %s\n",
			n, plural(n, "reference", "references"), listSome(rep.Uncertain, maxListed))
	}
	if rep.Ignored > 0 {
		fmt.Fprintf(w, "evident: left out %d older %s found on pages no longer in use\n", rep.Ignored, plural(rep.Ignored, "copy", "copies"))
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

// writeFileAtomic writes through a temporary file and renames it into place,
// so a failed export never leaves half a file where a good one was.
func writeFileAtomic(path string, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".evident-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

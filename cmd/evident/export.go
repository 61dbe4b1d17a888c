package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/store"
)

type exportOptions struct {
	format string
	keys   string
	output string
}

func newExportCmd(a *App) *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the library, or some of its references, as BibTeX, RIS or CSL-JSON",
		Long: `Write the library (or the references named by --keys) as BibTeX. Every field
is written from its stored source form, so import, export and import again
gives the same references.

--format ris writes RIS (EndNote, Zotero, Mendeley; CRLF line ends) and
--format csljson writes CSL-JSON (pandoc, Zotero, citeproc processors).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			write := referenceWriter(opts.format)
			if write == nil {
				return inputErr(fmt.Errorf("--format %q is not supported; use bibtex, ris or csljson", opts.format))
			}
			st, _, err := a.openRead()
			if err != nil {
				return err
			}
			defer st.Close()
			var refs []*corpus.Reference
			if opts.keys != "" {
				for _, k := range splitKeys(opts.keys) {
					r, err := st.Get(k)
					if errors.Is(err, store.ErrNotFound) {
						return inputErr(fmt.Errorf("no reference with key %q", k))
					}
					if err != nil {
						return err
					}
					refs = append(refs, r)
				}
			} else if err := st.Each(func(r *corpus.Reference) error {
				refs = append(refs, r)
				return nil
			}); err != nil {
				return err
			}
			if opts.output == "" || opts.output == "-" {
				return write(a.Out, refs)
			}
			return writeFileAtomic(opts.output, func(f *os.File) error { return write(f, refs) })
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", "bibtex", "output format: bibtex, ris or csljson")
	cmd.Flags().StringVar(&opts.keys, "keys", "", "only these references (comma-separated keys)")
	cmd.Flags().StringVarP(&opts.output, "output", "o", "", "write to `FILE` instead of standard output")
	return cmd
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

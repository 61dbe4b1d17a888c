package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/store"
)

func newRefsCmd(a *App) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use: "refs",
		Example: `  evident refs
  evident refs show smith2019
  evident refs --format json`,
		Short: "List the references in the library",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			refs, err := a.exportRefs(cmd, nil, exportOptions{})
			if err != nil {
				return err
			}
			if format == "json" {
				return writeJSON(a.Out, refsJSON(refs))
			}
			width := 0
			if a.OutTTY {
				width = terminalWidth(a.Getenv)
			}
			return refsTable(a.Out, refs, width)
		},
	}
	formatFlag(cmd.Flags(), &format)
	cmd.AddCommand(newRefsShowCmd(a), newRefsRmCmd(a), newRefsUpdateCmd(a))
	return cmd
}

// refsTable prints one aligned row per reference. On a terminal, titles are
// cut to fit width; piped output keeps them whole.
func refsTable(w io.Writer, refs []*corpus.Reference, width int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tYEAR\tAUTHORS\tTITLE")
	for _, r := range refs {
		year := ""
		if r.Year > 0 {
			year = strconv.Itoa(r.Year)
		}
		title := r.Title
		if width > 0 {
			used := utf8.RuneCountInString(r.Key) + 4 + 2 + 24 + 6
			title = truncate(title, width-used)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Key, year, truncate(r.AuthorLabel(), 24), title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d %s\n", len(refs), export.Plural(len(refs), "reference", "references"))
	return err
}

func truncate(s string, n int) string {
	if n < 8 {
		n = 8
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func terminalWidth(getenv func(string) string) int {
	if c, err := strconv.Atoi(getenv("COLUMNS")); err == nil && c > 20 {
		return c
	}
	return 100
}

type refJSON struct {
	Key       string             `json:"key"`
	Requested string             `json:"requested,omitempty"` // the alias refs show was given, when it was one
	Aliases   []string           `json:"aliases,omitempty"`
	Type      string             `json:"type"`
	Title     string             `json:"title,omitempty"`
	Authors   []string           `json:"authors,omitempty"`
	EtAl      bool               `json:"authors_et_al,omitempty"`
	Editors   []string           `json:"editors,omitempty"`
	Year      int                `json:"year,omitempty"`
	Month     int                `json:"month,omitempty"`
	Venue     string             `json:"venue,omitempty"`
	IDs       corpus.Identifiers `json:"ids"`
	Protected []string           `json:"protected,omitempty"`
	Fields    []corpus.Field     `json:"fields,omitempty"`
	Raw       string             `json:"raw,omitempty"`
	Source    corpus.Source      `json:"source"`
}

func toRefJSON(r *corpus.Reference, full bool) refJSON {
	j := refJSON{Key: r.Key, Aliases: r.Aliases, Type: r.Type, Title: r.Title, EtAl: r.AuthorsEtAl, Year: r.Year, Month: r.Month,
		Venue: r.Venue, IDs: r.IDs, Source: r.Source}
	for _, n := range r.Authors {
		j.Authors = append(j.Authors, n.String())
	}
	for _, n := range r.Editors {
		j.Editors = append(j.Editors, n.String())
	}
	if full {
		j.Protected, j.Fields, j.Raw = r.Protected, r.Fields, r.Raw
	}
	return j
}

func refsJSON(refs []*corpus.Reference) any {
	out := make([]refJSON, 0, len(refs))
	for _, r := range refs {
		out = append(out, toRefJSON(r, false))
	}
	return out
}

func newRefsShowCmd(a *App) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use: "show KEY",
		Example: `  evident refs show smith2019
  evident refs show --format json smith2019`,
		Short: "Show one reference: its normalised fields, its aliases and its raw BibTeX",
		Long: `Show one reference: its normalised fields, its aliases and its raw BibTeX.
KEY may be an alias (the key of a duplicate merged into the reference on
import); the reference it names is shown, and said to be so.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, _, err := a.openRead()
			if err != nil {
				return err
			}
			r, err := st.Find(args[0])
			st.Close() // before printing: a slow reader of the output must not hold up a writer
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no reference with key %q", args[0])
			}
			if err != nil {
				return err
			}
			if format == "json" {
				j := toRefJSON(r, true)
				if r.Key != args[0] {
					j.Requested = args[0]
				}
				return writeJSON(a.Out, j)
			}
			if r.Key != args[0] {
				fmt.Fprintf(a.Out, "%s is an alias of %s\n\n", args[0], r.Key)
			}
			return showRef(a.Out, r)
		},
	}
	formatFlag(cmd.Flags(), &format)
	return cmd
}

func showRef(w io.Writer, r *corpus.Reference) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "%s\t%s\n", k, v)
		}
	}
	row("key", r.Key)
	row("aliases", strings.Join(r.Aliases, ", "))
	row("type", r.Type)
	row("title", r.Title)
	names := func(ns []corpus.Name) string {
		s := make([]string, len(ns))
		for i, n := range ns {
			s[i] = n.String()
		}
		return strings.Join(s, "; ")
	}
	authors := names(r.Authors)
	if r.AuthorsEtAl {
		authors += "; et al."
	}
	row("authors", authors)
	row("editors", names(r.Editors))
	if r.Year > 0 {
		row("year", strconv.Itoa(r.Year))
	}
	row("venue", r.Venue)
	row("doi", r.IDs.DOI)
	row("pmid", r.IDs.PMID)
	row("pmcid", r.IDs.PMCID)
	row("arxiv", r.IDs.ArXiv)
	row("isbn", r.IDs.ISBN)
	row("url", r.IDs.URL)
	row("source", fmt.Sprintf("%s:%d", r.Source.File, r.Source.Line))
	fmt.Fprintln(tw, "\t")
	fmt.Fprintln(tw, "FIELD\tVALUE")
	for _, f := range r.Fields {
		v := f.Value
		if o := fieldOrigin(f); o != "" {
			v += "  (" + o + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\n", f.Name, v)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", r.Raw)
	return err
}

// fieldOrigin says where a field's value came from when not from the
// reference's source (the file it was imported from, shown above the
// fields): a registry's record ('refs update', 'import ID') or the
// crossref or xdata parent it was inherited from.
func fieldOrigin(f corpus.Field) string {
	switch {
	case f.Origin != "":
		return f.Origin
	case f.From != "":
		return "from " + f.From
	}
	return ""
}

func newRefsRmCmd(a *App) *cobra.Command {
	return &cobra.Command{
		Use: "rm KEY...",
		Example: `  evident refs rm smith2019
  evident refs rm smith2019 jones2020`,
		Short: "Remove references, with their aliases, from the library (all or none)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, loc, err := a.openWrite(false)
			if err != nil {
				return err
			}
			defer st.Close()
			var rechecked []string
			changes, err := st.Update(func(tx *store.Tx) error {
				for _, k := range args {
					if err := tx.Delete(k); err != nil {
						if !errors.Is(err, store.ErrNotFound) {
							return err
						}
						if of := tx.KeyByAlias(k); of != "" {
							return fmt.Errorf("%s is an alias of %s, not a reference's key; nothing removed ('evident refs rm %s' removes the reference and its aliases)", k, of, of)
						}
						return fmt.Errorf("no reference with key %q; nothing removed", k)
					}
				}
				var err error
				rechecked, err = a.recheck(tx)
				return err
			})
			if err != nil {
				return err
			}
			// What was removed is said even when the index then fails.
			ixErr := a.syncIndex(cmd.Context(), st, loc, changes)
			a.reportRechecked(rechecked)
			fmt.Fprintf(a.Out, "removed %d %s\n", len(changes.Deleted), export.Plural(len(changes.Deleted), "reference", "references"))
			return ixErr
		},
	}
}

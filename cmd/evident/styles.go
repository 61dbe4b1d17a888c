package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/csl/styles"
	"github.com/evident-tools/evident/export"
)

func newStylesCmd(a *App) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use: "styles [QUERY]",
		Example: `  evident styles                 # every style --style can name
  evident styles nature          # those whose name, id or title holds "nature"
  evident styles --format json psychology`,
		Short: "List the citation styles --style can name, with their titles and where they are",
		Long: `List the citation styles that --style and the style setting can name:
the built-in ones, then the CSL styles in evident's styles folder
(~/.local/share/evident/styles, or $XDG_DATA_HOME/evident/styles), in
Zotero's (~/Zotero/styles, and the profiles of older Zotero versions on
Linux), and in the system's (` + styles.SystemDir + `/styles, Debian's
citation-style-language-styles; EVIDENT_CSL_DIR names another folder of
that shape). --style finds them in this order. A dependent style is a
journal's name for an independent style's rules, which it names as its
parent; it is used with its parent's rules and its own language.

QUERY keeps the styles whose name, id or title holds every word of it,
in any case. A file in a folder that is not a readable CSL style is named
on standard error and left out.`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			list, skipped := styles.NewFinder(a.Getenv).List(strings.Join(args, " "))
			for _, err := range skipped {
				fmt.Fprintf(a.Err, "warning: %v\n", err)
			}
			if format == "json" {
				out := make([]styleJSON, len(list))
				for i, in := range list {
					out[i] = styleJSON{Info: in, Dependent: in.Dependent()}
				}
				return writeJSON(a.Out, out)
			}
			width := 0
			if a.OutTTY {
				width = terminalWidth(a.Getenv)
			}
			return stylesTable(a.Out, list, width)
		},
	}
	formatFlag(cmd.Flags(), &format)
	return cmd
}

// styleJSON is a style for machines: its <info>, where it is, and whether it
// is dependent.
type styleJSON struct {
	styles.Info
	Dependent bool `json:"dependent"`
}

// stylesTable prints one row per style: the name --style takes, its title,
// where it is, and its kind. On a terminal, titles are cut to fit width.
func stylesTable(w io.Writer, list []styles.Info, width int) error {
	nameWidth := 4
	for _, in := range list {
		nameWidth = max(nameWidth, utf8.RuneCountInString(in.Name))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tTITLE\tFROM\tKIND")
	for _, in := range list {
		kind := in.Format
		if kind == "" {
			kind = "-"
		}
		if in.Dependent() {
			kind = "dependent on " + shortStyleID(in.Parent)
		}
		title := in.Title
		if width > 0 {
			title = truncate(title, width-nameWidth-len(in.Origin)-len(kind)-3*2)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", in.Name, title, in.Origin, kind)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d %s\n", len(list), export.Plural(len(list), "style", "styles"))
	return err
}

// shortStyleID is the last element of a style id URL, the name --style
// takes for it.
func shortStyleID(id string) string {
	id = strings.TrimRight(id, "/")
	return id[strings.LastIndexByte(id, '/')+1:]
}

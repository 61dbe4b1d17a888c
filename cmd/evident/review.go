package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/pipeline"
	"github.com/evident-tools/evident/store"
)

type reviewOptions struct {
	as     string
	note   string
	by     string
	clear  bool
	list   bool
	format string
}

func newReviewCmd(a *App) *cobra.Command {
	var opts reviewOptions
	cmd := &cobra.Command{
		Use: "review ARTICLE FINDING-ID --as ok|wrong",
		Example: `  evident review draft.md uncited-claim:3fa9c1d2e0 --as ok --note "source is in the print box"
  evident review draft.md 3fa9c1d2e0 --as wrong      # the hash alone, or a prefix of it, will do
  evident review draft.md 3fa9 --clear
  evident review --list                              # every mark, and which are stale
  evident review --list draft.md --format json`,
		Short: "Mark a finding of a stored article as checked (ok) or a false alarm (wrong)",
		Long: `Mark a finding of an article stored with 'evident add' without editing the
article. FINDING-ID is the id a check gives each finding ("id" in JSON, in
brackets in text): the code and a hash of the sentence it is about, which
stays the same when the article is edited elsewhere. Its hash part alone, or
a prefix of four or more characters that names one finding, will do.

  --as ok      checked: the text stands as it is (the claim is sound, or its
               source is given where evident cannot see it)
  --as wrong   a false alarm: evident should not have raised it

Marks live in the library with who made them (--by, else git's user.name,
else $USER) and when. Later checks of the article's file show the finding as
reviewed, with the note, and leave it out of --fail-on. A mark whose finding
the latest check no longer reports (its sentence edited or gone) is stale:
checks note it, and --list shows it.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if opts.list {
				return cobra.MaximumNArgs(1)(cmd, args)
			}
			if len(args) != 2 {
				return fmt.Errorf("want ARTICLE FINDING-ID (or --list [ARTICLE]); got %d %s", len(args), export.Plural(len(args), "argument", "arguments"))
			}
			switch {
			case opts.clear && opts.as != "":
				return errors.New("--clear and --as exclude each other")
			case !opts.clear && opts.as == "":
				return errors.New("say --as ok, --as wrong or --clear")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.list {
				name := ""
				if len(args) == 1 {
					name = args[0]
				}
				return a.listReviews(name, opts.format)
			}
			return a.review(cmd.Context(), args[0], args[1], opts)
		},
	}
	f := cmd.Flags()
	enumFlag(f, &opts.as, "as", "", corpus.ReviewVerdicts, "the verdict (ok: checked, the text stands; wrong: a false alarm)")
	f.StringVar(&opts.note, "note", "", "why, in a few words (shown beside the finding in every report)")
	f.StringVar(&opts.by, "by", "", "who reviewed it (default: git config user.name, else $USER)")
	f.BoolVar(&opts.clear, "clear", false, "remove the mark on the finding")
	f.BoolVar(&opts.list, "list", false, "list the marks (of ARTICLE, or of every stored article) and which are stale")
	formatFlag(f, &opts.format)
	return cmd
}

// review marks or clears one finding, in one transaction.
func (a *App) review(ctx context.Context, name, what string, opts reviewOptions) error {
	var rv corpus.Review
	if !opts.clear {
		rv = corpus.Review{As: corpus.ReviewVerdict(opts.as), Note: strings.TrimSpace(opts.note),
			By: reviewer(opts.by, a.Getenv, gitUserName(ctx)), At: time.Now().UTC().Truncate(time.Second)}
	}
	st, _, err := a.openWrite(false)
	if err != nil {
		return err
	}
	defer st.Close()
	var done pipeline.Marked
	if _, err := st.Update(func(tx *store.Tx) error {
		var err error
		if opts.clear {
			done, err = pipeline.ClearMark(tx, name, what)
		} else {
			done, err = pipeline.MarkFinding(tx, name, what, rv)
		}
		return err
	}); err != nil {
		return err
	}
	st.Close() // before printing
	if opts.format == "json" {
		return writeJSON(a.Out, done)
	}
	m := done.Mark
	switch done.Action {
	case "cleared":
		fmt.Fprintf(a.Out, "%s: cleared the mark on %s (%s)\n", done.Article, m.Finding, m.Review.Summary())
	default:
		fmt.Fprintf(a.Out, "%s: %s %s as %s\n", done.Article, done.Action, m.Finding, m.Review.Summary())
	}
	_, err = fmt.Fprintf(a.Out, "  %s\n", quoted(m.Text))
	return err
}

// listReviews prints the marks of one stored article or of all, with
// their state against each article's last stored check.
func (a *App) listReviews(name, format string) error {
	st, _, err := a.openRead()
	if err != nil {
		return err
	}
	rows, err := pipeline.ListMarks(st, name)
	st.Close()
	if err != nil {
		return err
	}
	if format == "json" {
		if rows == nil {
			rows = []pipeline.Marked{}
		}
		return writeJSON(a.Out, rows)
	}
	width := 0
	if a.OutTTY {
		width = terminalWidth(a.Getenv)
	}
	return reviewsTable(a.Out, rows, width)
}

// reviewsTable prints one row per mark, then how many are stale. On a
// terminal the note is cut to fit.
func reviewsTable(w io.Writer, rows []pipeline.Marked, width int) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ARTICLE\tFINDING\tAS\tBY\tDATE\tSTATE\tNOTE")
	stale := 0
	for _, r := range rows {
		m := r.Mark
		state := string(r.State)
		if r.State.Stale() {
			stale++
			state = "stale (" + strings.ReplaceAll(string(r.State), "-", " ") + ")"
		}
		note := m.Note
		if width > 0 {
			note = truncate(note, width-len(r.Article)-len(m.Finding)-len(m.By)-60)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Article, m.Finding, m.As, m.By, m.At.Local().Format(time.DateOnly), state, note)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d %s, %d stale\n", len(rows), export.Plural(len(rows), "mark", "marks"), stale)
	return err
}

// reviewer is who a mark is by: --by, else git's user.name, else the
// login name.
func reviewer(by string, getenv func(string) string, git func() string) string {
	if by = strings.TrimSpace(by); by != "" {
		return by
	}
	for _, name := range []string{git(), getenv("USER"), getenv("USERNAME")} {
		if name = strings.TrimSpace(name); name != "" {
			return name
		}
	}
	return "unknown"
}

// gitUserName asks git for user.name; "" when git is missing, or says
// nothing within a second.
func gitUserName(ctx context.Context) func() string {
	return func() string {
		ctx, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		out, err := exec.CommandContext(ctx, "git", "config", "user.name").Output()
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(out))
	}
}

// quoted puts a sentence on one line in quotation marks.
func quoted(s string) string {
	return "\u201c" + strings.Join(strings.Fields(s), " ") + "\u201d"
}

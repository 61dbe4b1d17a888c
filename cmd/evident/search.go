package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/index"
	"github.com/evident-tools/evident/pipeline"
	"github.com/evident-tools/evident/store"
)

type searchOptions struct {
	typ      string
	article  string
	status   string
	cites    string
	yearFrom int
	yearTo   int
	limit    int
	offset   int
	facets   bool
	format   string
}

func newSearchCmd(a *App) *cobra.Command {
	var opts searchOptions
	cmd := &cobra.Command{
		Use: "search QUERY",
		Example: `  evident search 'ibuprofen +risk'
  evident search --type claims --status unsupported sugar
  evident search --facets 'title:"deep learning"'
  evident search --type refs --year-from 2015 exercise`,
		Short: "Search the library's references and the claims of stored articles",
		Long: `Search references and the claims of stored articles with Bleve's query
syntax: words, "phrases", +must, -not, field:value, year:>=2015, fuzzy~.
Fields: title, authors, abstract, keywords, venue, year, doi, type (refs);
text, article, section, status, cites, codes (claims).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := index.Query{Text: strings.Join(args, " "), Article: opts.article, Status: opts.status, Cites: opts.cites,
				YearFrom: opts.yearFrom, YearTo: opts.yearTo, Limit: opts.limit, Offset: opts.offset, Facets: opts.facets}
			switch opts.typ {
			case "", "all":
			case "refs", "ref", "references":
				q.Types = []string{"ref"}
			case "claims", "claim":
				q.Types = []string{"claim"}
			default:
				return fmt.Errorf("--type must be refs or claims, not %q", opts.typ)
			}
			ix, err := a.openIndex(cmd)
			if err != nil {
				return err
			}
			defer ix.Close()
			var res *index.Result
			err = a.search(cmd, ix, func(ix *index.Index) error {
				var err error
				res, err = ix.Search(cmd.Context(), q)
				return err
			})
			if err != nil {
				return fmt.Errorf("search: %w", err)
			}
			if opts.format == "json" {
				return writeJSON(a.Out, res)
			}
			return searchText(a.Out, res, opts.offset, a.claimTexts(res), a.OutTTY && !a.NoColor)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.typ, "type", "", "refs or claims (default both)")
	f.StringVar(&opts.article, "article", "", "only claims of this stored article `ID`")
	f.StringVar(&opts.status, "status", "", "only claims with this status: supported, unsupported or not-a-claim")
	f.StringVar(&opts.cites, "cites", "", "only claims citing this reference `KEY`")
	f.IntVar(&opts.yearFrom, "year-from", 0, "only references from this year on")
	f.IntVar(&opts.yearTo, "year-to", 0, "only references up to this year")
	f.IntVar(&opts.limit, "limit", 20, "results per page")
	f.IntVar(&opts.offset, "offset", 0, "skip this many results")
	f.BoolVar(&opts.facets, "facets", false, "show counts by type, year, venue and status")
	formatFlag(f, &opts.format)
	return cmd
}

// searchText prints ranked hits, each with its fragments, then facets.
func searchText(w io.Writer, res *index.Result, offset int, texts map[int]string, color bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s", res.Total, export.Plural(int(res.Total), "result", "results"))
	if len(res.Hits) > 0 && int(res.Total) > len(res.Hits) {
		fmt.Fprintf(&b, ", showing %d–%d", offset+1, offset+len(res.Hits))
	}
	b.WriteString("\n")
	for i, h := range res.Hits {
		where := h.Key
		if h.Type == "claim" {
			where = h.Article + ":" + strconv.Itoa(h.Line)
		}
		fmt.Fprintf(&b, "\n%d. %s %s  (%.2f)\n", offset+i+1, h.Type, where, h.Score)
		fields := make([]string, 0, len(h.Fragments))
		for f := range h.Fragments {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, f := range fields {
			for _, frag := range h.Fragments[f] {
				fmt.Fprintf(&b, "   %s: %s\n", f, highlight(oneLineText(frag), color))
			}
		}
		if t := texts[i]; len(fields) == 0 && t != "" {
			fmt.Fprintf(&b, "   %s\n", oneLineText(t))
		}
	}
	if len(res.Facets) > 0 {
		names := make([]string, 0, len(res.Facets))
		for n := range res.Facets {
			names = append(names, n)
		}
		sort.Strings(names)
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, n := range names {
			if len(res.Facets[n]) == 0 {
				continue
			}
			fmt.Fprintf(tw, "\n%s\t\n", strings.ToUpper(n))
			for _, fc := range res.Facets[n] {
				fmt.Fprintf(tw, "  %s\t%d\n", fc.Term, fc.Count)
			}
		}
		tw.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// highlight renders the index's match marks: bold on a terminal, kept as
// they are otherwise.
func highlight(s string, color bool) string {
	if !color {
		return s
	}
	s = strings.ReplaceAll(s, index.MarkStart, "\x1b[1m")
	return strings.ReplaceAll(s, index.MarkEnd, "\x1b[0m")
}

func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }

func newSuggestCmd(a *App) *cobra.Command {
	var claimText, format, inputFormat string
	var limit int
	cmd := &cobra.Command{
		Use: "suggest [ARTICLE] [--claim TEXT]",
		Example: `  evident suggest draft.md
  evident suggest --claim "Exercise reduces chronic back pain"`,
		Short: "Suggest library references for an article's unsupported claims, or for one claim",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if (claimText == "") == (len(args) == 0) {
				return fmt.Errorf("give an ARTICLE or --claim TEXT")
			}
			type claimSuggestions struct {
				Claim       string             `json:"claim"`
				Line        int                `json:"line,omitempty"`
				Suggestions []index.Suggestion `json:"suggestions"`
			}
			var claims []claimSuggestions
			if claimText != "" {
				claims = append(claims, claimSuggestions{Claim: claimText})
			} else {
				rep, err := a.checkOne(cmd, args[0], inputFormat)
				if err != nil {
					return err
				}
				for _, c := range rep.Claims {
					if c.Status == corpus.Unsupported {
						claims = append(claims, claimSuggestions{Claim: c.Text, Line: c.Line})
					}
				}
			}
			ix, err := a.openIndex(cmd)
			if err != nil {
				return err
			}
			defer ix.Close()
			if err := a.search(cmd, ix, func(ix *index.Index) error {
				for i := range claims {
					s, err := ix.Suggest(cmd.Context(), claims[i].Claim, limit)
					if err != nil {
						return err
					}
					if s == nil {
						s = []index.Suggestion{}
					}
					claims[i].Suggestions = s
				}
				return nil
			}); err != nil {
				return err
			}
			if format == "json" {
				return writeJSON(a.Out, claims)
			}
			var b strings.Builder
			if len(claims) == 0 {
				b.WriteString("no unsupported claims\n")
			}
			for _, c := range claims {
				if c.Line > 0 {
					fmt.Fprintf(&b, "%s:%d: %s\n", args[0], c.Line, oneLineText(c.Claim))
				} else {
					fmt.Fprintf(&b, "%s\n", oneLineText(c.Claim))
				}
				if len(c.Suggestions) == 0 {
					b.WriteString("   no library reference matches\n")
				}
				for i, s := range c.Suggestions {
					fmt.Fprintf(&b, "   %d. %s (%.2f): %s\n", i+1, s.Key, s.Score, strings.Join(s.Matched, ", "))
				}
			}
			_, err = io.WriteString(a.Out, b.String())
			return err
		},
	}
	cmd.Flags().StringVar(&claimText, "claim", "", "suggest references for this claim `TEXT`")
	cmd.Flags().IntVar(&limit, "limit", 3, "suggestions per claim")
	formatFlag(cmd.Flags(), &format)
	cmd.Flags().StringVar(&inputFormat, "input-format", "", "article format (default: from the extension)")
	return cmd
}

// claimTexts finds the sentence of each claim hit that matched outside its
// text (a section heading, a cited key): the index does not store it, the
// store does.
func (a *App) claimTexts(res *index.Result) map[int]string {
	texts := map[int]string{}
	var st *store.Store
	for i, h := range res.Hits {
		if h.Type != "claim" || len(h.Fragments["text"]) > 0 {
			continue
		}
		if st == nil {
			var err error
			if st, _, err = a.openRead(); err != nil {
				return texts
			}
			defer st.Close()
		}
		art, err := st.GetArticle(h.Article)
		if err != nil {
			continue
		}
		rep, err := pipeline.Report(art)
		if err != nil || rep == nil {
			continue
		}
		for _, c := range rep.Claims {
			if c.ID == h.Claim {
				texts[i] = c.Text
			}
		}
	}
	return texts
}

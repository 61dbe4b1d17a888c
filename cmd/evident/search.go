package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
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
Fields: title, authors, given, abstract, keywords, venue, year, doi, type
(refs); text, article, section, status, cites, codes (claims). A bare term
searches authors by family name; a match on given names or initials alone
(given) weighs a tenth as much, so "MDR-TB" finds works on MDR-TB before
works by T. B. Smith.

Each reference found is shown with its authors, year, title and venue, and
each hit with the fields that matched ([matched: title, abstract]) and the
passages that matched, matches between « and ».`,
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
			case "passage", "passages":
				return a.searchPassages(cmd, q.Text, opts)
			default:
				return fmt.Errorf("--type must be refs, claims or passage, not %q", opts.typ)
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
	f.StringVar(&opts.typ, "type", "", "refs, claims or passage (sentences of the works' abstracts and full texts; default refs and claims)")
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

// searchText prints ranked hits, each with what it is (a reference's
// authors, year, title and venue; a claim's place), where the query matched
// it and the passages that matched, then facets.
func searchText(w io.Writer, res *index.Result, offset int, texts map[int]string, color bool) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s", res.Total, export.Plural(int(res.Total), "result", "results"))
	if len(res.Hits) > 0 && int(res.Total) > len(res.Hits) {
		fmt.Fprintf(&b, ", showing %d–%d", offset+1, offset+len(res.Hits))
	}
	b.WriteString("\n")
	for i, h := range res.Hits {
		frags := h.Fragments
		fmt.Fprintf(&b, "\n%d. %s ", offset+i+1, h.Type)
		if h.Type == index.TypeClaim {
			b.WriteString(article.PositionsFor(h.Article).Place(h.Article, h.Line))
		} else {
			title, whole := wholeTitle(h)
			if whole {
				frags = withoutField(frags, "title")
			}
			fmt.Fprintf(&b, "%s  %s", h.Key, highlight(hitCitation(h, title), color))
		}
		if len(h.MatchedFields) > 0 {
			fmt.Fprintf(&b, "  [matched: %s]", strings.Join(h.MatchedFields, ", "))
		}
		fmt.Fprintf(&b, "  (%.2f)\n", h.Score)
		fields := make([]string, 0, len(frags))
		for f := range frags {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, f := range fields {
			for _, frag := range frags[f] {
				fmt.Fprintf(&b, "   %s: %s\n", f, highlight(oneLineText(frag), color))
			}
		}
		if t := texts[i]; h.Type == index.TypeClaim && len(fields) == 0 && t != "" {
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

// wholeTitle returns a reference hit's title with its matches marked when
// the title matched and its one fragment is the whole title, and whether it
// is; otherwise the plain title (its fragment then prints on its own line).
func wholeTitle(h index.SearchHit) (string, bool) {
	if frags := h.Fragments["title"]; len(frags) == 1 {
		t := oneLineText(frags[0])
		if !strings.HasPrefix(t, "…") && !strings.HasSuffix(t, "…") {
			return t, true
		}
	}
	return oneLineText(h.Title), false
}

func withoutField(frags map[string][]string, field string) map[string][]string {
	out := make(map[string][]string, len(frags))
	for f, v := range frags {
		if f != field {
			out[f] = v
		}
	}
	return out
}

// hitCitation is a reference hit in a few words: "Smith et al. (2019).
// Title. Venue." with what it lacks left out.
func hitCitation(h index.SearchHit, title string) string {
	var parts []string
	switch {
	case h.Authors != "" && h.Year > 0:
		parts = append(parts, fmt.Sprintf("%s (%d)", h.Authors, h.Year))
	case h.Authors != "":
		parts = append(parts, h.Authors)
	case h.Year > 0:
		parts = append(parts, fmt.Sprintf("(%d)", h.Year))
	}
	for _, p := range []string{title, oneLineText(h.Venue)} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	for i, p := range parts {
		parts[i] = endSentence(p)
	}
	return strings.Join(parts, " ")
}

// endSentence ends s with a full stop unless it ends with punctuation that
// ends a sentence already ("Is it safe?", "et al.").
func endSentence(s string) string {
	t := strings.TrimRight(s, index.MarkEnd)
	if strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") {
		return s
	}
	return s + "."
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
	var claimText, format string
	var inputFormat corpus.Format
	var limit int
	var minScore float64
	cmd := &cobra.Command{
		Use: "suggest [ARTICLE] [--claim TEXT]",
		Example: `  evident suggest draft.md
  evident suggest --claim "Exercise reduces chronic back pain"`,
		Short: "Suggest library works whose passage supports an article's unsupported claims, or one claim",
		Long: `For each claim with no citation (or the one --claim gives), find the
passages of the library's works (sentences of their abstracts and attached
full texts) that share its words, judge each work as check judges a
citation, and propose only the works with a passage that states the claim,
scoring at least --min-score: no suggestion beats a bad one. Each shows the
passage, where it comes from, and the work's authors, year and title. A
library of titles only has no passages: 'evident refs update' fetches
abstracts.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if (claimText == "") == (len(args) == 0) {
				return fmt.Errorf("give an ARTICLE or --claim TEXT")
			}
			type claimSuggestions struct {
				Claim     string `json:"claim"`
				Line      int    `json:"line,omitempty"`
				Paragraph int    `json:"paragraph,omitempty"` // Line, in a Word document
				pipeline.Suggestions
			}
			var claims []claimSuggestions
			var positions corpus.Positions
			if claimText != "" {
				claims = append(claims, claimSuggestions{Claim: claimText})
			} else {
				rep, err := a.checkForSuggest(cmd, args[0], inputFormat)
				if err != nil {
					return err
				}
				positions = rep.Article.Positions
				for _, c := range rep.Claims {
					if c.Status == corpus.Unsupported {
						claims = append(claims, claimSuggestions{Claim: c.Text, Line: c.Line, Paragraph: c.Paragraph})
					}
				}
			}
			ix, err := a.openPassageIndex(cmd)
			if err != nil {
				return err
			}
			defer ix.Close()
			st, _, err := a.openRead()
			if err != nil {
				return err
			}
			defer st.Close()
			if err := a.search(cmd, ix, func(ix *index.Index) error {
				for i := range claims {
					s, err := pipeline.Suggest(cmd.Context(), ix, st.Get, st, claims[i].Claim, limit, minScore)
					if err != nil {
						return err
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
					fmt.Fprintf(&b, "%s: %s\n", positions.Place(args[0], c.Line), oneLineText(c.Claim))
				} else {
					fmt.Fprintf(&b, "%s\n", oneLineText(c.Claim))
				}
				switch {
				case c.Weighed == 0:
					b.WriteString("   no passage of the library shares its words (works with a title only have none: 'evident refs update' fetches abstracts)\n")
				case len(c.Suggestions.Suggestions) == 0:
					fmt.Fprintf(&b, "   no library work states it (%d with passages on its words weighed; none scored %.2f or more)\n", c.Weighed, minScore)
				}
				for i, s := range c.Suggestions.Suggestions {
					who := s.Authors
					if s.Year > 0 {
						who = strings.TrimSpace(fmt.Sprintf("%s (%d)", who, s.Year))
					}
					fmt.Fprintf(&b, "   %d. %s  %s %s\n", i+1, s.Key, endSentence(who), endSentence(oneLineText(s.Title)))
					fmt.Fprintf(&b, "      %s (%s, %.2f): \u201c%s\u201d\n", s.Evidence.Verdict, s.Evidence.Source, s.Evidence.Score, oneLineText(s.Evidence.Text))
				}
			}
			_, err = io.WriteString(a.Out, b.String())
			return err
		},
	}
	cmd.Flags().StringVar(&claimText, "claim", "", "suggest references for this claim `TEXT`")
	cmd.Flags().IntVar(&limit, "limit", 3, "suggestions per claim")
	cmd.Flags().Float64Var(&minScore, "min-score", pipeline.DefaultSuggestScore, "propose nothing whose passage covers less of the claim than this (0..1)")
	formatFlag(cmd.Flags(), &format)
	inputFormatFlag(cmd.Flags(), &inputFormat)
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

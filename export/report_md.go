package export

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// mdTableRows is how many rows a Markdown table shows before the rest
// folds into a <details> element, so a long report stays a short comment.
const mdTableRows = 20

// CheckMarkdown writes check reports as Markdown fit for a pull-request or
// CMS comment: per article a summary line, a table of the findings and
// the unsupported claims. It renders on GitHub (GFM tables, <details>) and
// stays readable as plain CommonMark. Article and library text is escaped,
// so nothing in it can become markup, a link or a mention.
func CheckMarkdown(w io.Writer, reps []*corpus.Report) error {
	return checkMarkdown(w, reps, corpus.FindingFilter{})
}

// checkMarkdown is CheckMarkdown listing only the findings filter shows,
// and only the unsupported claims they are about.
func checkMarkdown(w io.Writer, reps []*corpus.Report, filter corpus.FindingFilter) error {
	var b strings.Builder
	for i, rep := range reps {
		if i > 0 {
			b.WriteString("\n")
		}
		writeMarkdown(&b, rep, filter)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMarkdown(b *strings.Builder, rep *corpus.Report, filter corpus.FindingFilter) {
	s := rep.Summary
	fmt.Fprintf(b, "### evident: %s\n\n", mdEscape(rep.Article.Path))
	if rep.Article.Title != "" {
		fmt.Fprintf(b, "_%s_\n\n", mdEscape(rep.Article.Title))
	}
	fmt.Fprintf(b, "**%s**\n\n", mdEscape(verdictOf(rep)))
	n := countMarks(rep)
	external := ""
	if s.External > 0 {
		external = fmt.Sprintf(", %d external", s.External)
	}
	fmt.Fprintf(b, "**%s** · %d sentences, %d claims: %d supported, %d unsupported · %d citations: %d resolved, %d dangling, %d unmatched%s · %d reference list entries, %d never cited\n",
		severityCounts(s), s.Sentences, n.Supported+n.Unsupported, n.Supported, n.Unsupported,
		s.Citations, s.Resolved, s.Dangling, s.Unmatched, external, s.ListEntries, s.Uncited)
	open, reviewed := splitReviewed(rep.Findings)
	if kinds := kindCounts(open); kinds != "" {
		fmt.Fprintf(b, "\nBy kind: %s\n", kinds)
	}
	if s.Suppressed > 0 {
		fmt.Fprintf(b, "\n%d %s silenced by evident:ignore comments.\n", s.Suppressed, Plural(s.Suppressed, "finding", "findings"))
	}
	for _, note := range rep.Notes {
		fmt.Fprintf(b, "\nNote: %s\n", mdEscape(note))
	}

	claims := make(map[string]*corpus.Claim, len(rep.Claims))
	for i := range rep.Claims {
		claims[rep.Claims[i].ID] = &rep.Claims[i]
	}
	shown, hidden := filter.Apply(open)
	onClaim := map[string]bool{}
	for _, f := range shown {
		onClaim[f.Claim] = true
	}
	column := "Line"
	if rep.Article.Positions == corpus.PositionsParagraphs {
		column = "¶"
	}
	writeFindingTable(b, "Findings", shownNote(len(shown), hidden), "| Severity | "+column+" | Code | Finding | Sentence | ID |\n|---|--:|---|---|---|---|\n",
		shown, "findings", func(f corpus.Finding) string {
			msg, quoted := mdFindingCells(f, claims)
			return fmt.Sprintf("| %s | %d | `%s` | %s | %s | %s |\n", severityLabel(f.Severity), f.Line, f.Code, msg, quoted, mdFindingID(f))
		})
	writeFindingTable(b, "Reviewed", "", "| "+column+" | Code | Finding | Sentence | Review | ID |\n|--:|---|---|---|---|---|\n",
		reviewed, "reviewed findings", func(f corpus.Finding) string {
			msg, quoted := mdFindingCells(f, claims)
			review := f.Review.Summary()
			if f.Review.Note != "" {
				review += ": " + f.Review.Note
			}
			return fmt.Sprintf("| %d | `%s` | %s | %s | %s | %s |\n", f.Line, f.Code, msg, quoted, mdEscape(shorten(review, 160)), mdFindingID(f))
		})

	var unsupported []string
	for i := range rep.Claims {
		c := &rep.Claims[i]
		mark, why := sentenceMark(c, rep.Findings)
		if mark != markUnsupported || filter.Active() && !onClaim[c.ID] {
			continue
		}
		line := fmt.Sprintf("- %s: “%s”", rep.Article.Positions.Name(c.Line), mdEscape(shorten(c.Text, 200)))
		if why != "" {
			line += " — " + mdEscape(why)
		}
		if len(c.Reasons) > 0 {
			line += " (" + mdEscape(strings.Join(c.Reasons, "; ")) + ")"
		}
		unsupported = append(unsupported, line+"\n")
	}
	if len(unsupported) > 0 {
		fmt.Fprintf(b, "\n#### Unsupported claims (%d)\n\n", len(unsupported))
		writeFolded(b, "", unsupported, "unsupported claims")
	}
	if len(shown) == 0 && len(reviewed) == 0 && len(unsupported) == 0 && hidden == 0 {
		b.WriteString("\nNo findings.\n")
	}
	writeMarkdownEvidence(b, rep)
	writeMarkdownLinkSources(b, rep)
}

// writeFindingTable writes fs, when there are any, under a heading that
// counts them, a row each (the rows past mdTableRows folded).
func writeFindingTable(b *strings.Builder, title, note, header string, fs []corpus.Finding, what string, row func(corpus.Finding) string) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(b, "\n#### %s (%d)\n\n", title, len(fs))
	if note != "" {
		fmt.Fprintf(b, "%s.\n\n", note)
	}
	rows := make([]string, len(fs))
	for i, f := range fs {
		rows[i] = row(f)
	}
	writeFolded(b, header, rows, what)
}

// splitReviewed parts the findings no editor has marked from those marked
// (evident review), each in report order.
func splitReviewed(fs []corpus.Finding) (open, reviewed []corpus.Finding) {
	for _, f := range fs {
		if f.Review != nil {
			reviewed = append(reviewed, f)
		} else {
			open = append(open, f)
		}
	}
	return open, reviewed
}

// mdFindingCells are a finding's message and quoted sentence, escaped, for
// a table row.
func mdFindingCells(f corpus.Finding, claims map[string]*corpus.Claim) (msg, quoted string) {
	msg = f.Message
	if c, ok := claims[f.Claim]; ok {
		quoted = "“" + mdEscape(shorten(c.Text, 80)) + "”"
		msg = withoutQuote(msg)
	}
	return mdEscape(shorten(msg, 160)), quoted
}

// mdFindingID is the hash of a finding's id as a code span: what 'evident
// review' takes.
func mdFindingID(f corpus.Finding) string {
	if f.ID == "" {
		return ""
	}
	return mdCode(corpus.FindingHash(f.ID))
}

// writeMarkdownLinkSources lists the sources the article links to, as its
// citations name them (L1, L2, ...). Addresses are code spans, so that
// GitHub makes no link of them: the report quotes, it does not send
// readers anywhere.
func writeMarkdownLinkSources(b *strings.Builder, rep *corpus.Report) {
	if len(rep.LinkSources) == 0 {
		return
	}
	rows := make([]string, len(rep.LinkSources))
	for i, e := range rep.LinkSources {
		where := "not in the library"
		if e.Key != nil {
			where = "library: " + mdCode(*e.Key)
		}
		rows[i] = fmt.Sprintf("- %s, %s: %s — %s (%s)\n", e.Label, rep.Article.Positions.Name(e.Line),
			mdEscape(shorten(e.Text, 120)), mdCode(e.URL), where)
	}
	fmt.Fprintf(b, "\n#### Linked sources (%d)\n\n", len(rows))
	writeFolded(b, "", rows, "linked sources")
}

// mdCode writes s on one line as a code span, fenced with more backticks
// than any run inside it, so that nothing in it is markup.
func mdCode(s string) string {
	s = oneLine(s)
	run, longest := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if longest > 0 || strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}

// withoutQuote drops the quoted sentence some messages end with, which
// the table shows in a column of its own.
func withoutQuote(msg string) string {
	if i := strings.LastIndex(msg, ": “"); i > 0 && strings.HasSuffix(msg, "”") {
		return msg[:i]
	}
	return msg
}

// writeFolded writes the first rows after header, and the rest in a
// <details> element with the header repeated (a table cannot span it).
func writeFolded(b *strings.Builder, header string, rows []string, what string) {
	shown := rows
	if len(rows) > mdTableRows {
		shown = rows[:mdTableRows]
	}
	b.WriteString(header)
	for _, r := range shown {
		b.WriteString(r)
	}
	if len(rows) <= mdTableRows {
		return
	}
	rest := rows[mdTableRows:]
	// Blank lines around the content let GitHub render it as Markdown.
	fmt.Fprintf(b, "\n<details>\n<summary>%d more %s</summary>\n\n", len(rest), what)
	b.WriteString(header)
	for _, r := range rest {
		b.WriteString(r)
	}
	b.WriteString("\n</details>\n")
}

func severityCounts(s corpus.Summary) string {
	return fmt.Sprintf("%d %s, %d %s, %d info", s.Errors, Plural(s.Errors, "error", "errors"),
		s.Warnings, Plural(s.Warnings, "warning", "warnings"), s.Infos)
}

// Plural returns one when n is 1, else many: "1 finding", "2 findings".
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// kindCounts lists the finding codes with their counts, most frequent
// first: "uncited-claim 6, dangling-citation 1".
func kindCounts(fs []corpus.Finding) string {
	counts := map[string]int{}
	for _, f := range fs {
		counts[f.Code]++
	}
	codes := make([]string, 0, len(counts))
	for c := range counts {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		if counts[codes[i]] != counts[codes[j]] {
			return counts[codes[i]] > counts[codes[j]]
		}
		return codes[i] < codes[j]
	})
	parts := make([]string, len(codes))
	for i, c := range codes {
		parts[i] = fmt.Sprintf("`%s` %d", c, counts[c])
	}
	return strings.Join(parts, ", ")
}

func severityLabel(s corpus.Severity) string {
	switch s {
	case corpus.Error:
		return "❌ error"
	case corpus.Warning:
		return "⚠️ warning"
	}
	return "ℹ️ info"
}

// mdEscape makes text safe to place in a Markdown paragraph, list item or
// table cell: on one line, with every character that could open markup
// (emphasis, code, links, raw HTML, entities, table cells, strike-through)
// backslash-escaped, which CommonMark allows before any ASCII punctuation.
// An @ gets a zero-width space after it so that GitHub makes no mention of
// it ("@smith2019" is a citation key, not a user).
func mdEscape(s string) string {
	s = oneLine(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for _, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '!', '#', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '@':
			b.WriteString("@\u200b")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

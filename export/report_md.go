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
	var b strings.Builder
	for i, rep := range reps {
		if i > 0 {
			b.WriteString("\n")
		}
		writeMarkdown(&b, rep)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMarkdown(b *strings.Builder, rep *corpus.Report) {
	s := rep.Summary
	fmt.Fprintf(b, "### evident: %s\n\n", mdEscape(rep.Article.Path))
	if rep.Article.Title != "" {
		fmt.Fprintf(b, "_%s_\n\n", mdEscape(rep.Article.Title))
	}
	n := countMarks(rep)
	external := ""
	if s.External > 0 {
		external = fmt.Sprintf(", %d external", s.External)
	}
	fmt.Fprintf(b, "**%s** · %d sentences, %d claims: %d supported, %d unsupported · %d citations: %d resolved, %d dangling, %d unmatched%s · %d reference list entries, %d never cited\n",
		severityCounts(s), s.Sentences, n.Supported+n.Unsupported, n.Supported, n.Unsupported,
		s.Citations, s.Resolved, s.Dangling, s.Unmatched, external, s.ListEntries, s.Uncited)
	if kinds := kindCounts(rep.Findings); kinds != "" {
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
	if len(rep.Findings) > 0 {
		fmt.Fprintf(b, "\n#### Findings (%d)\n\n", len(rep.Findings))
		column := "Line"
		if rep.Article.Positions == corpus.PositionsParagraphs {
			column = "¶"
		}
		header := "| Severity | " + column + " | Code | Finding | Sentence |\n|---|--:|---|---|---|\n"
		rows := make([]string, len(rep.Findings))
		for i, f := range rep.Findings {
			quoted, msg := "", f.Message
			if c, ok := claims[f.Claim]; ok {
				quoted = "“" + mdEscape(shorten(c.Text, 80)) + "”"
				msg = withoutQuote(msg)
			}
			rows[i] = fmt.Sprintf("| %s | %d | `%s` | %s | %s |\n", severityLabel(f.Severity), f.Line, f.Code,
				mdEscape(shorten(msg, 160)), quoted)
		}
		writeFolded(b, header, rows, "findings")
	}

	var unsupported []string
	for i := range rep.Claims {
		c := &rep.Claims[i]
		mark, why := sentenceMark(c, rep.Findings)
		if mark != markUnsupported {
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
	if len(rep.Findings) == 0 && len(unsupported) == 0 {
		b.WriteString("\nNo findings.\n")
	}
	writeMarkdownEvidence(b, rep)
	writeMarkdownLinkSources(b, rep)
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

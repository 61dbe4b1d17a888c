package export

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// evidenceRow is one claim → cited work pair of a report with what the
// work's text says about the claim (corpus.Evidence), as every report
// format shows it.
type evidenceRow struct {
	Claim  *corpus.Claim
	Marker string
	Key    string
	Ev     *corpus.Evidence
}

// evidenceRows lists the report's citations that carry evidence, in
// reading order, each claim and work once.
func evidenceRows(rep *corpus.Report) []evidenceRow {
	var out []evidenceRow
	for i := range rep.Claims {
		c := &rep.Claims[i]
		seen := map[string]bool{}
		for _, l := range c.Citations {
			if l.Evidence == nil || l.Key == nil || seen[*l.Key] {
				continue
			}
			seen[*l.Key] = true
			out = append(out, evidenceRow{Claim: c, Marker: l.Marker, Key: *l.Key, Ev: l.Evidence})
		}
	}
	return out
}

// verdictCounts says how many rows have each verdict, in the order of
// corpus.Verdicts: "3 supports, 1 contradicts".
func verdictCounts(rows []evidenceRow) string {
	n := map[corpus.Verdict]int{}
	for _, r := range rows {
		n[r.Ev.Verdict]++
	}
	var parts []string
	for _, v := range corpus.Verdicts {
		if n[v] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[v], v))
		}
	}
	return strings.Join(parts, ", ")
}

// EvidenceLine is how text reports quote a work's passage: its verdict,
// where it comes from and the passage itself ("walk2021 supports
// (abstract, 0.77): “Brisk walking lowered…”"). cites KEY prints it too.
func EvidenceLine(key string, ev *corpus.Evidence) string {
	if ev.Verdict == corpus.VerdictNoText {
		return fmt.Sprintf("%s: no-text (title only: %s)", key, quoteShort(ev.Text, 160))
	}
	return fmt.Sprintf("%s: %s (%s, %.2f): %s", key, ev.Verdict, sourceLabel(ev.Source), ev.Score, quoteShort(ev.Text, 240))
}

func sourceLabel(s string) string {
	if s == corpus.SourceFullText {
		return "full text"
	}
	return s
}

func quoteShort(s string, n int) string {
	return "\u201c" + shorten(oneLine(s), n) + "\u201d"
}

// writeTextEvidence writes the text report's evidence section: each claim
// with the passage of each work it cites quoted under it.
func writeTextEvidence(b *strings.Builder, rep *corpus.Report, paint func(code, s string) string) {
	rows := evidenceRows(rep)
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s\n", paint(ansiBold, fmt.Sprintf("evidence (%d %s: %s)", len(rows), Plural(len(rows), "citation", "citations"), verdictCounts(rows))))
	var last *corpus.Claim
	for _, r := range rows {
		if r.Claim != last {
			last = r.Claim
			fmt.Fprintf(b, "  %s: %s\n", rep.Article.Positions.Place(rep.Article.Path, r.Claim.Line), paint(ansiDim, quoteShort(r.Claim.Text, 200)))
		}
		fmt.Fprintf(b, "      %s\n", EvidenceLine(r.Key, r.Ev))
		if r.Ev.Verdict != corpus.VerdictSupports && r.Ev.Verdict != corpus.VerdictNoText && r.Ev.Why != "" {
			fmt.Fprintf(b, "        why: %s\n", r.Ev.Why)
		}
	}
}

// writeMarkdownEvidence writes the comment's evidence section: a table of
// claim, work, verdict and passage, folded past 20 rows.
func writeMarkdownEvidence(b *strings.Builder, rep *corpus.Report) {
	rows := evidenceRows(rep)
	if len(rows) == 0 {
		return
	}
	fmt.Fprintf(b, "\n#### Evidence (%d: %s)\n\n", len(rows), verdictCounts(rows))
	header := "| Line | Claim | Cites | Verdict | Passage |\n|--:|---|---|---|---|\n"
	lines := make([]string, len(rows))
	for i, r := range rows {
		passage := "_" + mdEscape(sourceLabel(r.Ev.Source)) + "_: “" + mdEscape(shorten(oneLine(r.Ev.Text), 200)) + "”"
		if r.Ev.Verdict != corpus.VerdictSupports && r.Ev.Why != "" {
			passage += " — " + mdEscape(shorten(r.Ev.Why, 160))
		}
		lines[i] = fmt.Sprintf("| %d | “%s” | `%s` | **%s** | %s |\n", r.Claim.Line, mdEscape(shorten(oneLine(r.Claim.Text), 120)),
			r.Key, r.Ev.Verdict, passage)
	}
	writeFolded(b, header, lines, "citations")
}

// htmlEvidence is one row of the HTML report's evidence table: the claim
// beside the passage, the passage's matching words marked.
type htmlEvidence struct {
	Href, Where   string // the claim's sentence in the text
	Claim         string
	Key, Verdict  string
	Source, Score string
	Passage       template.HTML // escaped, with <mark> around the matched words
	Why           string
}

// buildEvidence lays out the evidence rows of an article; sentenceID gives
// a claim's sentence anchor.
func buildEvidence(rep *corpus.Report, sentenceID func(claimID string) string) []htmlEvidence {
	rows := evidenceRows(rep)
	out := make([]htmlEvidence, 0, len(rows))
	for _, r := range rows {
		out = append(out, htmlEvidence{
			Href: "#" + sentenceID(r.Claim.ID), Where: rep.Article.Positions.Name(r.Claim.Line),
			Claim: oneLine(r.Claim.Text), Key: r.Key, Verdict: string(r.Ev.Verdict),
			Source: sourceLabel(r.Ev.Source), Score: fmt.Sprintf("%.2f", r.Ev.Score),
			Passage: markWords(oneLine(r.Ev.Text), r.Ev.Matched), Why: r.Ev.Why,
		})
	}
	return out
}

// markWords escapes text and puts <mark> around each whole-word
// occurrence of the words given.
func markWords(text string, words []string) template.HTML {
	want := map[string]bool{}
	for _, w := range words {
		want[strings.ToLower(w)] = true
	}
	var b strings.Builder
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		if want[strings.ToLower(w)] {
			b.WriteString("<mark>" + template.HTMLEscapeString(w) + "</mark>")
		} else {
			b.WriteString(template.HTMLEscapeString(w))
		}
		start = -1
	}
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		b.WriteString(template.HTMLEscapeString(string(r)))
	}
	flush(len(text))
	return template.HTML(b.String())
}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 && r != '\u201c' && r != '\u201d' && r != '\u2019' && r != '\u2013' && r != '\u2014' && r != '\u00a0'
}

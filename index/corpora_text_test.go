package index

// Test helpers that read the prose of the shared corpora's articles
// (Manubot Markdown and PLOS JATS) into sentences, for the benchmarks.

import (
	"html"
	"regexp"
	"strings"
)

var (
	citeGroup   = regexp.MustCompile(`\[@[^\]]*\]`)
	markup      = regexp.MustCompile(`<[^>]+>`)
	jatsBody    = regexp.MustCompile(`(?s)<body>.*</body>`)
	jatsPara    = regexp.MustCompile(`(?s)<p>(.*?)</p>`)
	jatsXref    = regexp.MustCompile(`<xref ref-type="bibr" rid="([^"]+)">.*?</xref>`)
	sentenceEnd = regexp.MustCompile(`[.!?]\s+[A-Z]`)
)

// plainText removes XML/HTML tags and entities and collapses white space.
func plainText(s string) string {
	return strings.Join(strings.Fields(html.UnescapeString(markup.ReplaceAllString(s, " "))), " ")
}

// manubotSentences splits Manubot Markdown into sentences: Manubot writes
// one sentence per line, but a citation bracket may run over several
// lines. Headings, tables, figures and HTML blocks are skipped.
func manubotSentences(md string) []string {
	var out []string
	var cur strings.Builder
	depth := 0
	for _, line := range strings.Split(md, "\n") {
		t := strings.TrimSpace(line)
		if depth == 0 && (t == "" || strings.ContainsAny(t[:1], "#|!<") || strings.HasPrefix(t, "Table:")) {
			continue
		}
		depth += strings.Count(t, "[") - strings.Count(t, "]")
		cur.WriteString(t + " ")
		if depth <= 0 {
			depth = 0
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	return out
}

// splitSentences splits prose at a full stop, question or exclamation mark
// followed by a capital; good enough for the articles' running text.
func splitSentences(text string) []string {
	var out []string
	for {
		loc := sentenceEnd.FindStringIndex(text)
		if loc == nil {
			return append(out, text)
		}
		out = append(out, text[:loc[0]+1])
		text = text[loc[1]-1:]
	}
}

package evidence

import (
	"strings"
	"unicode"

	"github.com/evident-tools/evident/corpus"
)

// AddFullText appends the sentences of a work's full text, given as a
// registry writes it (registry.Record.FullText: plain text, a paragraph a
// line, a section heading on a line of its own), after the passages t
// holds, as source "fulltext", without repeating a sentence t has, up to
// the passages a work may keep. Headings are left out: "Materials and
// Methods" is no passage to quote. The work's design stays as its
// abstract and publication types give it: a full text names the designs
// of the works it discusses too.
func (t *Text) AddFullText(text string) {
	seen := make(map[string]bool, len(t.Passages))
	for _, p := range t.Passages {
		seen[strings.ToLower(p.Text)] = true
	}
	for _, s := range FullTextSentences(text) {
		if len(t.Passages) >= maxPassages {
			return
		}
		t.add(seen, s, corpus.SourceFullText)
	}
}

// FullTextSentences splits a full text as a registry writes it (a
// paragraph a line, a heading on a line of its own) into its sentences,
// headings left out. Each paragraph is split alone, so a heading or a
// paragraph's last words never run into the next.
func FullTextSentences(text string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if isHeading(line) {
			continue
		}
		out = append(out, SplitText(line)...)
	}
	return out
}

// isHeading reports whether a line of a full text is a section heading:
// short, and not ended as a sentence is.
func isHeading(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" {
		return true
	}
	last := []rune(line)[len([]rune(line))-1]
	return len(strings.Fields(line)) <= 8 && !strings.ContainsRune(".!?:;", last) && !unicode.IsDigit(last)
}

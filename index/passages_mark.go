package index

import (
	"github.com/blevesearch/bleve/v2/analysis"
)

// markPassage returns text with each word whose analysed term is among
// terms between MarkStart and MarkEnd. Passages keep no term vectors, so a
// hit's text is analysed again: a sentence, for at most a page of hits.
func markPassage(an analysis.Analyzer, terms map[string]bool, text string) string {
	var b []byte
	at := 0
	for _, tok := range an.Analyze([]byte(text)) {
		if !terms[string(tok.Term)] || tok.Start < at || tok.End > len(text) {
			continue
		}
		b = append(b, text[at:tok.Start]...)
		b = append(b, MarkStart...)
		b = append(b, text[tok.Start:tok.End]...)
		b = append(b, MarkEnd...)
		at = tok.End
	}
	b = append(b, text[at:]...)
	return joinMarks(string(b))
}

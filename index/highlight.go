package index

import (
	"strings"

	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/format/plain"
	simplefragmenter "github.com/blevesearch/bleve/v2/search/highlight/fragmenter/simple"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/simple"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// fragmentSize is the length in bytes of a fragment around a match: a
// sentence, or two lines of an abstract.
const fragmentSize = 160

// maxFragments is the number of fragments kept per field.
const maxFragments = 2

// highlightFields are the stored fields the highlighter reads.
var highlightFields = []string{fieldTitle, fieldAbstract, fieldText}

// highlighter is Bleve's simple highlighter with plain-text marks. Bleve
// picks a request's highlighter by name from a process-wide registry;
// calling one directly keeps this package from registering anything there.
// It holds no state between calls.
var highlighter = simple.NewHighlighter(
	simplefragmenter.NewFragmenter(fragmentSize),
	plain.NewFragmentFormatter(MarkStart, MarkEnd),
	simple.DefaultSeparator,
)

// fragments returns the highlighted passages of the stored fields of doc
// where m, a hit with term locations, matched.
func fragments(m *bsearch.DocumentMatch, doc bleveindex.Document) map[string][]string {
	var out map[string][]string
	for _, field := range highlightFields {
		if len(m.Locations[field]) == 0 {
			continue
		}
		frags := highlighter.BestFragmentsInField(m, doc, field, maxFragments)
		for i, f := range frags {
			frags[i] = joinMarks(f)
		}
		if len(frags) > 0 {
			if out == nil {
				out = map[string][]string{}
			}
			out[field] = frags
		}
	}
	return out
}

// joinMarks merges matches separated only by a space, as a phrase's words
// are, into one mark.
func joinMarks(s string) string {
	return strings.ReplaceAll(s, MarkEnd+" "+MarkStart, " ")
}

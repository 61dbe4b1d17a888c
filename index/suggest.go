package index

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// DefaultSuggestions is the number of suggestions Suggest returns when asked
// for none.
const DefaultSuggestions = 5

// Suggestion is a library reference that may support a claim.
type Suggestion struct {
	Key   string  `json:"key"`
	Score float64 `json:"score"` // Bleve's relevance: comparable within one claim, not across claims
	// Matched are the claim's words found in the reference's title,
	// abstract, keywords or authors, as the claim wrote them, in its order.
	Matched []string `json:"matched"`
}

// suggestFields are the fields of a reference searched for a claim's words.
// The venue is left out: "Medicine" in a journal's name would lift every
// paper of that journal.
//
// What ranks best was measured on the deep-review pairs (TestSuggest_DeepReview):
// BM25 (the index's scoring) against tf-idf, 34% against 31% of cited works
// first and 60% against 54% in the top 10; the title boosted 0.6, 1, 1.5 or 2
// times made no difference outside noise, so it is not boosted; a clause per
// claim word (a disjunction of its fields) rather than one per word and
// field, and prefix queries for other forms of long stems, both ranked worse.
var suggestFields = []string{fieldTitle, fieldAbstract, fieldKeywords}

// Suggest returns the references of the library most likely to support
// claim, best first, at most limit (DefaultSuggestions when not positive).
//
// The claim is analysed as titles are (stop words out, stems in) and each of
// its content words becomes a term query over the title, abstract and
// keywords of every reference; a capitalised word that is an author's name
// ("Ioannidis argued") also searches authors. Bleve ranks by BM25 over the
// whole library, so a word few references have weighs most, a word in a
// short title more than the same word in a long abstract, and a reference
// scores for each of the claim's words it has.
// Numbers and one-letter words are left out, as Support leaves them out.
func (ix *Index) Suggest(ctx context.Context, claim string, limit int) (_ []Suggestion, err error) {
	defer recoverDamage(&err)
	if limit <= 0 {
		limit = DefaultSuggestions
	}
	m := ix.b.Mapping()
	text, names := m.AnalyzerNamed(en.AnalyzerName), m.AnalyzerNamed(analyzerName)
	if text == nil || names == nil {
		return nil, errors.New("suggest: analysers missing from the mapping")
	}
	words := claimWords(text, names, claim)
	if len(words) == 0 {
		return nil, nil
	}
	var clauses []query.Query
	for _, w := range words {
		if w.term != "" {
			for _, f := range suggestFields {
				t := query.NewTermQuery(w.term)
				t.SetField(f)
				clauses = append(clauses, t)
			}
		}
		if w.name != "" {
			t := query.NewTermQuery(w.name)
			t.SetField(fieldAuthors)
			clauses = append(clauses, t)
		}
	}
	q := query.NewConjunctionQuery([]query.Query{query.NewDisjunctionQuery(clauses), filter(fieldType, typeRef)})
	req := bleve.NewSearchRequestOptions(q, limit, 0, false)
	res, err := ix.b.SearchInContext(ix.scoredAmong(ctx, false), req)
	if err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	if len(res.Hits) == 0 {
		return nil, nil
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	located, err := ix.locate(ctx, q, ids)
	if err != nil {
		return nil, fmt.Errorf("suggest: %w", err)
	}
	out := make([]Suggestion, 0, len(res.Hits))
	for _, h := range res.Hits {
		s := Suggestion{Key: strings.TrimPrefix(h.ID, typeRef+":"), Score: h.Score}
		if l := located[h.ID]; l != nil {
			for _, w := range words {
				if w.term != "" && foundIn(l.Locations, w.term, fieldTitle, fieldAbstract, fieldKeywords) ||
					w.name != "" && foundIn(l.Locations, w.name, fieldAuthors) {
					s.Matched = append(s.Matched, w.surface)
				}
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// foundIn reports whether term is located in any of fields.
func foundIn(locs bsearch.FieldTermLocationMap, term string, fields ...string) bool {
	for _, f := range fields {
		if len(locs[f][term]) > 0 {
			return true
		}
	}
	return false
}

package index

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
)

// DefaultLimit is the number of hits SearchRefs returns when asked for none.
const DefaultLimit = 20

// Hit is one reference found by a search, best first.
type Hit struct {
	Key   string
	Score float64
}

// refSearchFields are the fields a bare query term searches.
//
// Bleve's answer to bare terms is the _all field, a second copy of every
// token of every field. We do not keep it: SearchRefs rewrites each unfielded
// clause of the parsed query into a disjunction over these fields. That costs
// nothing at indexing time, each field analyses the term its own way (a title
// is stemmed, a name is not), and a phrase cannot match across the end of the
// title into the abstract, which it can in a composite field. The price is a
// wider query (six term lookups per bare term), which a library of thousands
// of references does not notice.
//
// Authors are searched by family name, and by given name or initials at a
// tenth of the weight (fieldBoosts).
var refSearchFields = []string{fieldTitle, fieldFamily, fieldGiven, fieldAbstract, fieldKeywords, fieldVenue}

// fieldBoosts weighs a bare term's match in some default fields less than in
// the others. Initials are short and common words in medicine abbreviate the
// same letters ("TB", "MS", "HIV"... as T. B., M. S.), so a work whose only
// match is an author's initials ranks below every work whose text matches.
var fieldBoosts = map[string]float64{fieldGiven: 0.1}

// refFields are the field names a reference query may use, with the names
// people reach for first mapped to the index's names.
var refFields = map[string]string{
	fieldKey: fieldKey, fieldTitle: fieldTitle, fieldAuthors: fieldAuthors, fieldYear: fieldYear,
	fieldVenue: fieldVenue, fieldEntryType: fieldEntryType, fieldAbstract: fieldAbstract,
	fieldKeywords: fieldKeywords, fieldDOI: fieldDOI, fieldPMID: fieldPMID, fieldPMCID: fieldPMCID,
	fieldArXiv: fieldArXiv, fieldISBN: fieldISBN, fieldTags: fieldTags, fieldAdded: fieldAdded,
	fieldGiven: fieldGiven,

	"author": fieldAuthors, "editor": fieldAuthors, "editors": fieldAuthors,
	"journal": fieldVenue, "booktitle": fieldVenue, "publisher": fieldVenue,
	"keyword": fieldKeywords, "tag": fieldTags, "groups": fieldTags,
	// In BibTeX, "type" means the entry type; in the index it is the document type.
	"type": fieldEntryType,
}

// SearchRefs runs a Bleve query-string query over references and returns
// ranked keys with scores, at most limit of them (DefaultLimit when limit is
// not positive). Ties are broken by key, so results are stable.
//
// The syntax is Bleve's: terms, "phrases", field:term, +must, -must_not,
// year:>=2016, added:>="2024-01-01", term~1, wild*card, /regexp/. A bare
// term searches title, authors, abstract, keywords and venue; a bare number
// also matches the year. An unknown field name is an error rather than a
// silent empty result.
func (ix *Index) SearchRefs(ctx context.Context, q string, limit int) ([]Hit, error) {
	if strings.TrimSpace(q) == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	parsed, err := query.NewQueryStringQuery(q).Parse()
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	r := rewriter{m: ix.b.Mapping(), fields: oneEach(refFields), defaults: refSearchFields}
	expanded, err := r.rewrite(parsed)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}

	// Only references, once other document types share the index. The
	// filter carries no weight so that it does not move the scores.
	onlyRefs := query.NewTermQuery(typeRef)
	onlyRefs.SetField(fieldType)
	onlyRefs.SetBoost(0)
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{expanded, onlyRefs}), limit, 0, false)
	req.SortBy([]string{"-_score", "_id"})

	res, err := ix.b.SearchInContext(ix.scoredAmong(ctx, false), req)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q, err)
	}
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		hits = append(hits, Hit{Key: strings.TrimPrefix(h.ID, typeRef+":"), Score: h.Score})
	}
	return hits, nil
}

// rewriter turns a parsed query string into one over the index's fields:
// aliases become field names, unknown fields are refused, and unfielded
// clauses are spread over the default fields.
type rewriter struct {
	m mapping.IndexMapping
	// fields maps the names a query may use to the fields they search,
	// usually one; a name with several searches any of them.
	fields   map[string][]string
	defaults []string
}

// oneEach returns aliases as a rewriter's fields.
func oneEach(aliases map[string]string) map[string][]string {
	out := make(map[string][]string, len(aliases))
	for alias, field := range aliases {
		out[alias] = []string{field}
	}
	return out
}

func (r rewriter) rewrite(q query.Query) (query.Query, error) {
	var err error
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, sub := range []*query.Query{&q.Must, &q.Should, &q.MustNot, &q.Filter} {
			if *sub == nil {
				continue
			}
			if *sub, err = r.rewrite(*sub); err != nil {
				return nil, err
			}
		}
		return q, nil
	case *query.ConjunctionQuery:
		return q, r.rewriteAll(q.Conjuncts)
	case *query.DisjunctionQuery:
		return q, r.rewriteAll(q.Disjuncts)
	case query.FieldableQuery:
		if q.Field() == "" {
			return r.spread(q), nil
		}
		fields, ok := r.fields[strings.ToLower(q.Field())]
		if !ok {
			return nil, fmt.Errorf("unknown field %q (fields: %s)", q.Field(), strings.Join(r.fieldNames(), ", "))
		}
		if len(fields) > 1 {
			return r.over(q, fields), nil
		}
		q.SetField(fields[0])
		lowerWildcard(q, fields[0])
		return r.oneTermPhrase(q), nil
	}
	return q, nil
}

// oneTermPhrase turns a phrase that analyses to a single term into a match
// query for it. The answer is the same, but a phrase is answered from term
// vectors, which keyword fields do not keep.
func (r rewriter) oneTermPhrase(q query.Query) query.Query {
	p, ok := q.(*query.MatchPhraseQuery)
	if !ok {
		return q
	}
	a := r.m.AnalyzerNamed(r.m.AnalyzerNameForPath(p.FieldVal))
	if a == nil || len(a.Analyze([]byte(p.MatchPhrase))) != 1 {
		return q
	}
	m := query.NewMatchQuery(p.MatchPhrase)
	m.SetField(p.FieldVal)
	m.Analyzer = p.Analyzer
	m.Fuzziness = p.Fuzziness
	m.BoostVal = p.BoostVal
	return m
}

func (r rewriter) rewriteAll(qs []query.Query) error {
	for i, q := range qs {
		var err error
		if qs[i], err = r.rewrite(q); err != nil {
			return err
		}
	}
	return nil
}

// spread turns an unfielded clause into a disjunction of copies of it, one
// per default field. A term or phrase of nothing but English stop words
// ("the", "is all") becomes a clause that matches nothing, which the
// query-string parent skips, as Bleve does for a stop word searched in _all;
// without this, "+the" would demand "the" in some author's name (the name
// fields are the default fields without a stop list).
func (r rewriter) spread(q query.FieldableQuery) query.Query {
	if nr, ok := q.(*query.NumericRangeQuery); ok {
		// The parser pairs a bare number with an exact numeric range; the
		// only number a reference has is its year.
		nr.SetField(fieldYear)
		return nr
	}
	var text string
	switch q := q.(type) {
	case *query.MatchQuery:
		text = q.Match
	case *query.MatchPhraseQuery:
		text = q.MatchPhrase
	}
	if text != "" && onlyStopWords(r.m, text) {
		return query.NewMatchNoneQuery()
	}
	if p, ok := q.(*query.MatchPhraseQuery); ok && r.manyNames(p.MatchPhrase) {
		return r.over(q, phraseFields(r.defaults))
	}
	return r.over(q, r.defaults)
}

// phraseFields returns the fields a phrase of several words searches in
// place of fields: whole names rather than family and given names apart,
// so that "Geoffrey Hinton" finds him, at full weight, and "T B" does not
// find every T. B.
func phraseFields(fields []string) []string {
	var out []string
	for _, f := range fields {
		switch f {
		case fieldFamily:
			out = append(out, fieldAuthors)
		case fieldGiven:
		default:
			out = append(out, f)
		}
	}
	return out
}

// manyNames reports whether text is more than one word to the name
// analyser: a one-word phrase searches as a word does.
func (r rewriter) manyNames(text string) bool {
	a := r.m.AnalyzerNamed(analyzerName)
	return a != nil && len(a.Analyze([]byte(text))) > 1
}

// over returns a disjunction of copies of q, one per field, each weighed
// by its field's boost.
func (r rewriter) over(q query.FieldableQuery, fields []string) query.Query {
	copies := make([]query.Query, len(fields))
	for i, field := range fields {
		c := withField(q, field)
		lowerWildcard(c, field)
		if w, ok := fieldBoosts[field]; ok {
			if b, ok := c.(query.BoostableQuery); ok {
				b.SetBoost(b.Boost() * w)
			}
		}
		copies[i] = r.oneTermPhrase(c)
	}
	return query.NewDisjunctionQuery(copies)
}

func onlyStopWords(m mapping.IndexMapping, text string) bool {
	a := m.AnalyzerNamed(en.AnalyzerName)
	return a != nil && len(a.Analyze([]byte(text))) == 0
}

// withField returns a shallow copy of q that searches field. The copy is made
// by reflection so that every leaf type the parser produces (match, phrase,
// wildcard, regexp, fuzzy, ...) is covered without a case each.
func withField(q query.FieldableQuery, field string) query.FieldableQuery {
	v := reflect.New(reflect.TypeOf(q).Elem())
	v.Elem().Set(reflect.ValueOf(q).Elem())
	c := v.Interface().(query.FieldableQuery)
	c.SetField(field)
	return c
}

// lowerWildcard lower-cases a wildcard pattern for a field whose analyser
// lower-cases its terms: Bleve does not analyse wildcards, and "Hinton*"
// would otherwise find nothing. Keys and article IDs are case-sensitive.
func lowerWildcard(q query.Query, field string) {
	if w, ok := q.(*query.WildcardQuery); ok && field != fieldKey && field != fieldCites && field != fieldArticle {
		w.Wildcard = strings.ToLower(w.Wildcard)
	}
}

func (r rewriter) fieldNames() []string {
	var names []string
	for alias, fields := range r.fields {
		if slices.Contains(fields, alias) {
			names = append(names, alias)
		}
	}
	sort.Strings(names)
	return slices.Compact(names)
}

package index

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// matchedNames are the names under which a hit reports the fields that
// matched, where a field's query name differs from the index's: family
// names are what author: searches.
var matchedNames = map[string]string{fieldFamily: fieldAuthors}

// matchedOrder lists the fields a reader looks at first, in the order a hit
// reports them; any other field follows in alphabetical order.
var matchedOrder = []string{fieldTitle, fieldAuthors, fieldGiven, fieldAbstract, fieldKeywords, fieldVenue, fieldText, fieldSection}

// matchedFields returns, by document ID, the fields of the documents ids
// where text, a query without filters, matched. located holds the same
// documents found with term locations (see locate).
//
// A field with term vectors (the prose fields, which bare terms search) is
// read from the locations. Identifiers, keys, years and dates keep none, and
// only a query that names them searches them: for each such field the query
// names, its clauses are run once more over the documents ids. A clause
// under must-not never matches a hit and is left out.
func (ix *Index) matchedFields(ctx context.Context, text query.Query, located map[string]*bsearch.DocumentMatch, ids []string) (map[string][]string, error) {
	found := map[string]map[string]bool{}
	add := func(id, field string) {
		if name, ok := matchedNames[field]; ok {
			field = name
		}
		if found[id] == nil {
			found[id] = map[string]bool{}
		}
		found[id][field] = true
	}
	for id, m := range located {
		for field, terms := range m.Locations {
			if len(terms) > 0 {
				add(id, field)
			}
		}
	}
	m := ix.b.Mapping()
	leaves := map[string][]query.Query{}
	eachLeaf(text, func(q query.FieldableQuery) {
		if !m.FieldMappingForPath(q.Field()).IncludeTermVectors {
			leaves[q.Field()] = append(leaves[q.Field()], q)
		}
	})
	for field, qs := range leaves {
		only := query.NewDocIDQuery(ids)
		only.SetBoost(0)
		req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{query.NewDisjunctionQuery(qs), only}), len(ids), 0, false)
		req.Score = "none"
		res, err := ix.b.SearchInContext(ctx, req)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			add(h.ID, field)
		}
	}
	out := make(map[string][]string, len(found))
	for id, fields := range found {
		names := make([]string, 0, len(fields))
		for f := range fields {
			names = append(names, f)
		}
		slices.SortFunc(names, compareMatched)
		out[id] = names
	}
	return out, nil
}

// compareMatched orders field names as matchedOrder says.
func compareMatched(a, b string) int {
	rank := func(f string) int {
		if i := slices.Index(matchedOrder, f); i >= 0 {
			return i
		}
		return len(matchedOrder)
	}
	return cmp.Or(cmp.Compare(rank(a), rank(b)), strings.Compare(a, b))
}

// eachLeaf calls fn with every fielded clause of q that can bring a document
// in, that is every one but those under must-not.
func eachLeaf(q query.Query, fn func(query.FieldableQuery)) {
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, sub := range []query.Query{q.Must, q.Should, q.Filter} {
			if sub != nil {
				eachLeaf(sub, fn)
			}
		}
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			eachLeaf(c, fn)
		}
	case *query.DisjunctionQuery:
		for _, d := range q.Disjuncts {
			eachLeaf(d, fn)
		}
	case query.FieldableQuery:
		if q.Field() != "" {
			fn(q)
		}
	}
}

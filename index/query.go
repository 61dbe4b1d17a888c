package index

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Document types as Query.Types and SearchHit.Type name them.
const (
	TypeRef   = typeRef
	TypeClaim = typeClaim
)

// Query is a search of references and claims.
type Query struct {
	// Text is a Bleve query string, as SearchRefs takes. Empty, it matches
	// every document, so that the filters alone can search.
	Text string
	// Types are the document types searched, TypeRef and TypeClaim; empty
	// means both.
	Types []string
	// Article, Status and Cites keep the claims of one article, of one
	// status ("unsupported") and that cite one key. They match claims only,
	// so any of them leaves references out.
	Article, Status, Cites string
	// YearFrom and YearTo keep references published in those years
	// (inclusive; 0 is no bound). Claims have no year: either leaves them out.
	YearFrom, YearTo int
	// Limit is the number of hits returned (DefaultLimit when not positive),
	// after skipping Offset.
	Limit, Offset int
	// Facets asks for counts by type, year, venue and status over every
	// match, not only the hits returned.
	Facets bool
}

// Result is the answer to a Query.
type Result struct {
	Total uint64      `json:"total"` // documents matched
	Hits  []SearchHit `json:"hits"`
	// Facets maps "type", "year", "venue" and "status" to the most frequent
	// values among the matches, most frequent first. Only with Query.Facets.
	Facets map[string][]FacetCount `json:"facets,omitempty"`
	Took   time.Duration           `json:"took_ns"`
}

// SearchHit is one reference or claim found, best first.
type SearchHit struct {
	Type string `json:"type"`          // TypeRef or TypeClaim
	Key  string `json:"key,omitempty"` // a reference's key

	Article string `json:"article,omitempty"` // a claim's article ID, claim ID and line
	Claim   string `json:"claim,omitempty"`
	Line    int    `json:"line,omitempty"`

	// A reference's title, authors as a short label ("Smith et al."), year
	// and venue, as far as it has them.
	Title   string `json:"title,omitempty"`
	Authors string `json:"authors,omitempty"`
	Year    int    `json:"year,omitempty"`
	Venue   string `json:"venue,omitempty"`

	Score float64 `json:"score"`
	// Fragments maps a field (title and abstract of a reference, text of a
	// claim) to the passages that matched, each match between MarkStart and
	// MarkEnd; a passage cut from a longer text begins or ends with "…".
	Fragments map[string][]string `json:"fragments,omitempty"`
	// MatchedFields names the fields where the query text matched, by the
	// names queries use ("title", "authors", "given" for given names and
	// initials, "abstract", "doi", "text", ...), the prose fields first.
	// Empty when only filters searched.
	MatchedFields []string `json:"matched_fields,omitempty"`
}

// FacetCount is one value of a facet and the number of matches that have it.
type FacetCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
}

// MarkStart and MarkEnd enclose each match in a fragment: plain characters,
// so that a fragment prints as it is anywhere, and a terminal can colour
// what is between them. Adjacent matches ("deep learning") share one pair.
const (
	MarkStart = "«"
	MarkEnd   = "»"
)

// facetSize is the number of values kept for each facet.
const facetSize = 10

// shardFacetSize is the number of values asked of each shard of a sharded
// index. The alias adds up what each shard returns, so a value that is
// eleventh in one shard and first in another would be undercounted if
// each returned ten: with this many, the counts of the ten kept are exact
// unless a shard's matches hold more distinct values than this.
const shardFacetSize = 1000

// facetRequestSize is the number of values a facet asks of the index.
func (ix *Index) facetRequestSize() int {
	if len(ix.shards) > 1 {
		return shardFacetSize
	}
	return facetSize
}

// facetFields are the facets of Result.Facets and the fields they count.
var facetFields = map[string]string{
	"type": fieldType, "year": fieldYear, "venue": fieldVenueFacet, "status": fieldStatus,
}

// claimSearchFields are the fields a bare term searches in claims: the
// sentence itself and its section heading. Not its article's title, which
// title:... searches: every claim of an article has it, so a bare word of
// the title would bring in all of the article's claims, two hundred hits
// that say one thing, and it would cost each search as much as the text.
var claimSearchFields = []string{fieldText, fieldSection}

// claimFields are the field names a claim query may use. The line is not
// among them: it is stored for hits to print, not indexed (see claimMapping).
var claimFields = map[string]string{
	fieldText: fieldText, fieldArticle: fieldArticle, fieldArticleTitle: fieldArticleTitle, fieldSection: fieldSection,
	fieldStatus: fieldStatus, fieldCites: fieldCites, fieldCodes: fieldCodes, fieldAdded: fieldAdded,

	fieldTitle: fieldArticleTitle,

	"sentence": fieldText, "cite": fieldCites, "code": fieldCodes, "finding": fieldCodes,
}

// Search runs q over references, claims or both, and returns ranked hits with
// highlighted fragments and, when asked, facet counts. Equal scores keep the
// order of the index, so pages of one index follow each other.
//
// As in SearchRefs, a bare term searches the prose fields: a reference's
// title, authors, abstract, keywords and venue, and a claim's text and
// section; title:... also finds the claims of articles with that title. A
// field name of the other type, or one neither has, is an error when only
// one type is searched. A filter that only the other type can match (Status
// when only references are searched) is an error too, rather than an empty
// result that looks like an answer.
func (ix *Index) Search(ctx context.Context, q Query) (_ *Result, err error) {
	defer recoverDamage(&err)
	start := time.Now()
	refs, claims, err := q.types()
	if err != nil {
		return nil, err
	}
	text, err := ix.parse(q.Text, refs, claims)
	if err != nil {
		return nil, err
	}
	narrow, broad := q.filters()
	if refs && claims && strings.TrimSpace(q.Text) == "" {
		// Only filters search, and passages have none of the fields a
		// query of both types reads: keep them out of "everything".
		broad = append(broad, query.NewDisjunctionQuery([]query.Query{filter(fieldType, typeRef), filter(fieldType, typeClaim)}))
	}
	if refs != claims {
		t, own := TypeRef, refOnlyFields
		if claims {
			t, own = TypeClaim, claimOnlyFields
		}
		if !within(text, own) {
			broad = append(broad, filter(fieldType, t))
		}
	}
	full := withFilters(text, narrow, broad)

	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	// Best first; equal scores in the index's own order. Breaking ties by
	// document ID, as SearchRefs does, would make Bleve read the ID of every
	// match (a sixth of the time of a frequent phrase over a million
	// claims), and all matches tie when only filters search.
	req := bleve.NewSearchRequestOptions(full, limit, max(q.Offset, 0), false)
	if q.Facets {
		for name, field := range facetFields {
			if !facetVaries(name, refs, claims) {
				continue
			}
			f := bleve.NewFacetRequest(field, ix.facetRequestSize())
			if field == fieldYear {
				// A number is indexed at several precisions; the terms of
				// full precision begin with this byte.
				f.SetPrefixFilter(string([]byte{numeric.ShiftStartInt64}))
			}
			req.AddFacet(name, f)
		}
	}
	res, err := ix.b.SearchInContext(ix.scoredAmong(ctx, false), req)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	out := &Result{Total: res.Total}
	if q.Facets {
		out.Facets = facets(res.Facets)
		if refs != claims {
			// Every match is of the one type searched.
			t := TypeRef
			if claims {
				t = TypeClaim
			}
			out.Facets["type"] = []FacetCount{{Term: t, Count: int(res.Total)}}
		}
		for name := range facetFields {
			if out.Facets[name] == nil {
				out.Facets[name] = []FacetCount{}
			}
		}
	}
	if strings.TrimSpace(q.Text) == "" {
		text = nil // only the filters searched: nothing to highlight
	}
	if out.Hits, err = ix.hits(ctx, full, text, res.Hits); err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	out.Took = time.Since(start)
	return out, nil
}

// types says which document types q searches.
func (q Query) types() (refs, claims bool, err error) {
	for _, t := range q.Types {
		switch strings.ToLower(t) {
		case TypeRef, "refs", "reference", "references":
			refs = true
		case TypeClaim, "claims":
			claims = true
		default:
			return false, false, fmt.Errorf("unknown type %q (want %s or %s)", t, TypeRef, TypeClaim)
		}
	}
	if !refs && !claims {
		refs, claims = true, true
	}
	claimFilter := q.Article != "" || q.Status != "" || q.Cites != ""
	yearFilter := q.YearFrom != 0 || q.YearTo != 0
	switch {
	case claimFilter && yearFilter:
		return false, false, errors.New("the article, status and cites filters match claims and the year filters match references: use one kind")
	case claimFilter && !claims:
		return false, false, errors.New("the article, status and cites filters match claims, and only references are searched")
	case yearFilter && !refs:
		return false, false, errors.New("the year filters match references, and only claims are searched")
	case claimFilter:
		refs = false
	case yearFilter:
		claims = false
	}
	return refs, claims, nil
}

// filters returns q's filters as queries that do not move the scores: narrow
// ones, which few documents match (an article's claims, those citing one
// key), and broad ones, which a large share of the library may match (a
// status, a range of years). See withFilters.
func (q Query) filters() (narrow, broad []query.Query) {
	if q.Article != "" {
		narrow = append(narrow, filter(fieldArticle, q.Article))
	}
	if q.Cites != "" {
		narrow = append(narrow, filter(fieldCites, q.Cites))
	}
	if q.Status != "" {
		broad = append(broad, filter(fieldStatus, strings.ToLower(q.Status)))
	}
	if q.YearFrom != 0 || q.YearTo != 0 {
		var lo, hi *float64
		if q.YearFrom != 0 {
			v := float64(q.YearFrom)
			lo = &v
		}
		if q.YearTo != 0 {
			v := float64(q.YearTo)
			hi = &v
		}
		yes := true
		r := query.NewNumericRangeInclusiveQuery(lo, hi, &yes, &yes)
		r.SetField(fieldYear)
		r.SetBoost(0)
		broad = append(broad, r)
	}
	return narrow, broad
}

// Fields that only one type of document has.
var (
	refOnlyFields = map[string]bool{
		fieldKey: true, fieldTitle: true, fieldAuthors: true, fieldFamily: true, fieldGiven: true, fieldByline: true,
		fieldYear: true, fieldVenue: true,
		fieldEntryType: true, fieldAbstract: true, fieldKeywords: true, fieldDOI: true, fieldPMID: true,
		fieldPMCID: true, fieldArXiv: true, fieldISBN: true, fieldTags: true, fieldVenueFacet: true,
	}
	claimOnlyFields = map[string]bool{
		fieldText: true, fieldArticleTitle: true, fieldArticle: true, fieldClaim: true, fieldSection: true,
		fieldLine: true, fieldStatus: true, fieldCites: true, fieldCodes: true,
	}
)

// within reports whether every document q matches has one of fields, so that
// a search of one type need not also filter on the type. That is the common
// case (a bare term searches the type's own fields), and worth knowing: the
// filter costs a tenth of a frequent phrase search of a million claims, for
// checking each match against a term that every claim has.
func within(q query.Query, fields map[string]bool) bool {
	switch q := q.(type) {
	case *query.BooleanQuery:
		// Only must and should clauses bring documents in; with neither,
		// the query is everything but its must-not clauses.
		if q.Must == nil && q.Should == nil {
			return false
		}
		return (q.Must == nil || within(q.Must, fields)) && (q.Should == nil || within(q.Should, fields))
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			if within(c, fields) {
				return true
			}
		}
		return false
	case *query.DisjunctionQuery:
		for _, d := range q.Disjuncts {
			if !within(d, fields) {
				return false
			}
		}
		return true
	case *query.MatchNoneQuery:
		return true
	case query.FieldableQuery:
		return fields[q.Field()]
	}
	return false
}

// withFilters returns q restricted to the documents that match every filter.
//
// Narrow filters join q in a conjunction, which skips from one of their few
// documents to the next: q is scored for those only. Broad ones go in a
// Bleve boolean query's filter clause instead, which checks each match of q
// against them without scoring them; in a conjunction, reading the
// frequencies of a term that most documents have cost a third of the time
// of a phrase search of a million claims. Measured the other way round, an
// article filter in the filter clause made q be scored for every match in
// the library: 40 ms instead of 1. With nothing to search for, the filters
// are the query, rather than a filter over every document.
func withFilters(q query.Query, narrow, broad []query.Query) query.Query {
	if _, all := q.(*query.MatchAllQuery); all && len(narrow)+len(broad) > 0 {
		return query.NewConjunctionQuery(append(narrow, broad...))
	}
	if len(narrow) > 0 {
		q = query.NewConjunctionQuery(append([]query.Query{q}, narrow...))
	}
	if len(broad) == 0 {
		return q
	}
	b := query.NewBooleanQuery([]query.Query{q}, nil, nil)
	b.AddFilter(query.NewConjunctionQuery(broad))
	return b
}

// filter returns a term query that carries no weight, so that it does not
// move the scores.
func filter(field, term string) query.Query {
	t := query.NewTermQuery(term)
	t.SetField(field)
	t.SetBoost(0)
	return t
}

// parse turns a query string into a query over the fields of the types
// searched; an empty one matches everything.
func (ix *Index) parse(text string, refs, claims bool) (query.Query, error) {
	if strings.TrimSpace(text) == "" {
		return query.NewMatchAllQuery(), nil
	}
	parsed, err := query.NewQueryStringQuery(text).Parse()
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	r := rewriter{m: ix.b.Mapping(), fields: map[string][]string{}}
	if claims {
		maps.Copy(r.fields, oneEach(claimFields))
		r.defaults = append(r.defaults, claimSearchFields...)
	}
	if refs {
		maps.Copy(r.fields, oneEach(refFields))
		r.defaults = append(r.defaults, refSearchFields...)
	}
	if refs && claims {
		// title: finds references by their title and claims by their
		// article's.
		r.fields[fieldTitle] = []string{fieldTitle, fieldArticleTitle}
	}
	expanded, err := r.rewrite(parsed)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	return expanded, nil
}

// hits turns Bleve's hits of q into SearchHits, with what they print read
// from the index's stored fields and, when the query has text (q's part
// that is not filters), their fragments and the fields that matched.
//
// Term locations, which the highlighter needs, are asked for only for the
// hits returned: asked for in the search itself, Bleve reads them for every
// document that matches, which on a large index costs more than the search.
func (ix *Index) hits(ctx context.Context, q, text query.Query, found bsearch.DocumentMatchCollection) ([]SearchHit, error) {
	if len(found) == 0 {
		return nil, nil
	}
	ids := make([]string, len(found))
	for i, h := range found {
		ids[i] = h.ID
	}
	var located map[string]*bsearch.DocumentMatch
	var matched map[string][]string
	if text != nil {
		var err error
		if located, err = ix.locate(ctx, q, ids); err != nil {
			return nil, err
		}
		if matched, err = ix.matchedFields(ctx, text, located, ids); err != nil {
			return nil, err
		}
	}
	r, err := ix.readers()
	if err != nil {
		return nil, err
	}
	defer r.Close()

	out := make([]SearchHit, 0, len(found))
	for _, h := range found {
		hit := SearchHit{Score: h.Score}
		if rest, ok := strings.CutPrefix(h.ID, typeRef+":"); ok {
			hit.Type, hit.Key = TypeRef, rest
		} else {
			hit.Type = TypeClaim
		}
		doc, err := r.Document(h.ID)
		if err != nil {
			return nil, err
		}
		if doc == nil {
			// Deleted between the search and now.
			continue
		}
		if hit.Type == TypeClaim {
			readClaim(doc, &hit)
		} else {
			readRef(doc, &hit)
		}
		if m := located[h.ID]; m != nil {
			hit.Fragments = fragments(m, doc)
		}
		hit.MatchedFields = matched[h.ID]
		out = append(out, hit)
	}
	return out, nil
}

// locate runs q again over the documents ids only, with term locations.
func (ix *Index) locate(ctx context.Context, q query.Query, ids []string) (map[string]*bsearch.DocumentMatch, error) {
	only := query.NewDocIDQuery(ids)
	only.SetBoost(0)
	req := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{q, only}), len(ids), 0, false)
	req.IncludeLocations = true
	req.Score = "none"
	res, err := ix.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]*bsearch.DocumentMatch, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = h
	}
	return out, nil
}

// readClaim sets a claim hit's article, claim ID and line from its stored
// fields.
func readClaim(doc bleveindex.Document, hit *SearchHit) {
	doc.VisitFields(func(f bleveindex.Field) {
		switch f.Name() {
		case fieldArticle:
			hit.Article = string(f.Value())
		case fieldClaim:
			hit.Claim = string(f.Value())
		case fieldLine:
			if n, ok := f.(bleveindex.NumericField); ok {
				if v, err := n.Number(); err == nil {
					hit.Line = int(v)
				}
			}
		}
	})
}

// readRef sets a reference hit's title, authors, year and venue from its
// stored fields.
func readRef(doc bleveindex.Document, hit *SearchHit) {
	doc.VisitFields(func(f bleveindex.Field) {
		switch f.Name() {
		case fieldTitle:
			hit.Title = string(f.Value())
		case fieldByline:
			hit.Authors = string(f.Value())
		case fieldVenue:
			hit.Venue = string(f.Value())
		case fieldYear:
			if n, ok := f.(bleveindex.NumericField); ok {
				if v, err := n.Number(); err == nil {
					hit.Year = int(v)
				}
			}
		}
	})
}

// facetVaries reports whether a facet can count anything but all matches or
// none when the types searched are refs and claims. Bleve reads a facet's
// field for every match, which costs more than the search itself for a
// frequent word, so a facet whose counts are known is not asked for.
func facetVaries(name string, refs, claims bool) bool {
	switch name {
	case "type":
		return refs && claims
	case "status":
		return claims
	}
	return refs // year and venue
}

// facets converts Bleve's facet results.
func facets(res bsearch.FacetResults) map[string][]FacetCount {
	out := make(map[string][]FacetCount, len(res))
	for name, fr := range res {
		counts := []FacetCount{}
		if fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				term := t.Term
				if name == "year" {
					term = yearTerm(term)
				}
				if term != "" && len(counts) < facetSize {
					counts = append(counts, FacetCount{Term: term, Count: t.Count})
				}
			}
		}
		out[name] = counts
	}
	return out
}

// yearTerm decodes a year as the index keeps it, a prefix-coded number.
func yearTerm(term string) string {
	i, err := numeric.PrefixCoded(term).Int64()
	if err != nil {
		return ""
	}
	return strconv.Itoa(int(numeric.Int64ToFloat64(i)))
}

package index

import (
	"context"

	bsearch "github.com/blevesearch/bleve/v2/search"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// Bleve's BM25 takes the number of documents and a field's mean length
// over the whole index. Passages are most of a library's documents once
// works have abstracts, and would change how references and claims rank
// (measured: the cited work in the top 10 for 54% of deep-review claims
// rather than 60%). scoredAmong gives a search the statistics of the
// documents it searches instead: every document but the passages, or the
// passages alone.
func (ix *Index) scoredAmong(ctx context.Context, passages bool) context.Context {
	rs, err := ix.readers()
	if err != nil {
		return ctx
	}
	defer rs.Close()
	total, err := rs.DocCount()
	if err != nil {
		return ctx
	}
	n, err := rs.countTerm(ctx, fieldType, typePassage)
	if err != nil || n == 0 && !passages && len(rs) == 1 {
		return ctx
	}
	stats := &bsearch.BM25Stats{DocCount: float64(total - n), FieldCardinality: map[string]int{}}
	if passages {
		stats.DocCount = float64(n)
	}
	// The statistics are the sums over the shards, so that a sharded index
	// scores as one would (but for a term's document frequency, which
	// Bleve takes from the shard).
	for _, r := range rs {
		bm, ok := r.(bleveindex.BM25Reader)
		if !ok {
			return ctx
		}
		fields, err := r.Fields()
		if err != nil {
			return ctx
		}
		for _, f := range append(fields, mappedFields()...) {
			c, err := bm.FieldCardinality(f)
			if err != nil {
				return ctx
			}
			stats.FieldCardinality[f] += c
		}
	}
	// Bleve fails a search on a field it has no statistics for, even one
	// no document has ("keywords" in a library without any): those get the
	// document count, which matters to nothing since nothing matches there.
	for f, c := range stats.FieldCardinality {
		if c == 0 {
			stats.FieldCardinality[f] = int(stats.DocCount)
		}
	}
	if stats.DocCount == 0 {
		return ctx
	}
	return context.WithValue(ctx, bsearch.BM25StatsKey, stats)
}

// countTerm returns how many documents have term in field.
func countTerm(ctx context.Context, r bleveindex.IndexReader, field, term string) (uint64, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	defer tfr.Close()
	return tfr.Count(), nil
}

// mappedFields are the fields any search may name, "*" (every field, for
// a match-all) included.
func mappedFields() []string {
	return []string{"*", "_all", fieldType, fieldKey, fieldTitle, fieldAuthors, fieldYear, fieldVenue, fieldEntryType,
		fieldAbstract, fieldKeywords, fieldDOI, fieldPMID, fieldPMCID, fieldArXiv, fieldISBN, fieldTags, fieldAdded,
		fieldVenueFacet, fieldFamily, fieldGiven, fieldByline, fieldText, fieldArticleTitle, fieldArticle, fieldClaim,
		fieldSection, fieldLine, fieldStatus, fieldCites, fieldCodes, fieldPassage, fieldWork, fieldSource}
}

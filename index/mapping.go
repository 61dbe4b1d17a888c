package index

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/single"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// Document types. Every document carries its type in fieldType and its ID
// starts with the type and a colon, so types never collide on IDs.
const (
	typeRef     = "ref"
	typeClaim   = "claim"
	typePassage = "passage"
)

// Field names. They are index-wide, not per type: Bleve chooses the analyser
// for a query by field name alone, so a later document type that reuses one of
// these names must give it the same analyser.
const (
	fieldType      = "type"
	fieldKey       = "key"
	fieldTitle     = "title"
	fieldAuthors   = "authors"
	fieldYear      = "year"
	fieldVenue     = "venue"
	fieldEntryType = "entrytype"
	fieldAbstract  = "abstract"
	fieldKeywords  = "keywords"
	fieldDOI       = "doi"
	fieldPMID      = "pmid"
	fieldPMCID     = "pmcid"
	fieldArXiv     = "arxiv"
	fieldISBN      = "isbn"
	fieldTags      = "tags"
	fieldAdded     = "added"

	// fieldVenueFacet is the venue as one term, for the venue facet: the
	// venue field itself is analysed into stemmed words. Queries do not
	// name it.
	fieldVenueFacet = "venuefacet"

	// A bare term searches authors' family names and given names apart,
	// so that given names and initials can weigh less (see fieldBoosts):
	// "MDR-TB" should find works on MDR-TB before works by T. B. Smith.
	// fieldAuthors keeps whole names for author:"Geoffrey Hinton". Queries
	// name fieldGiven ("given:TB"), not fieldFamily, which a hit reports as
	// authors.
	fieldFamily = "family"
	fieldGiven  = "given"
	// fieldByline is the short author label a hit prints ("Smith et al.");
	// stored, not indexed.
	fieldByline = "byline"

	// Claims. The article title has a field of its own rather than the
	// title field of references: a bare term searches the references'
	// titles without going through every claim's copy of its article's.
	fieldText         = "text"
	fieldArticleTitle = "articletitle"
	fieldArticle      = "article"
	fieldClaim        = "claim" // the claim's ID in its article, stored only
	fieldSection      = "section"
	fieldLine         = "line"
	fieldStatus       = "status"
	fieldCites        = "cites"
	fieldCodes        = "codes"

	// Passages: a sentence of a work's abstract or full text, the work's
	// key (case-sensitive, as a reference's key) and where it came from.
	fieldPassage = "passage"
	fieldWork    = "work"
	fieldSource  = "source"
)

// Analysers defined by this package, on top of Bleve's "en" (lower case, stop
// words, possessives, Porter stemming) and "keyword" (the value as one term).
const (
	// analyzerName tokenises person names without stemming and without an
	// English stop list (which would drop authors called An or Will) and
	// folds diacritics, so "Schon" finds Schön.
	analyzerName = "evident_name"
	// analyzerID keeps an identifier or tag as one term in lower case: DOIs
	// are case-insensitive by definition and people type tags both ways.
	analyzerID = "evident_id"
)

// newMapping returns the explicit mapping of the index. It is lean on purpose
// (measured on 1M sentences: 2.4x faster and a third of the space of Bleve's
// default mapping): no dynamic fields, nothing stored but what a hit prints
// and highlights, no doc values but for the facets, and no _all catch-all
// field (searches expand unfielded terms over the prose fields instead; see
// search.go).
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	m.TypeField = fieldType
	m.DefaultAnalyzer = en.AnalyzerName
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	// A document of a type without its own mapping is not indexed at all,
	// rather than indexed by guesswork.
	m.DefaultMapping = bleve.NewDocumentDisabledMapping()
	// BM25 rather than Bleve's default tf-idf: it ranked the work a
	// sentence cites higher than tf-idf on the deep-review pairs, and it saturates a term
	// repeated in a long abstract instead of letting it dominate.
	m.ScoringModel = index.BM25Scoring

	if err := m.AddCustomAnalyzer(analyzerName, map[string]any{
		"type":          custom.Name,
		"char_filters":  []string{asciifolding.Name},
		"tokenizer":     unicode.Name,
		"token_filters": []string{lowercase.Name},
	}); err != nil {
		return nil, err
	}
	if err := m.AddCustomAnalyzer(analyzerID, map[string]any{
		"type":          custom.Name,
		"tokenizer":     single.Name,
		"token_filters": []string{lowercase.Name},
	}); err != nil {
		return nil, err
	}

	m.AddDocumentMapping(typeRef, refMapping())
	m.AddDocumentMapping(typeClaim, claimMapping())
	m.AddDocumentMapping(typePassage, passageMapping())
	return m, m.Validate()
}

// refMapping maps the document built by refDocument.
func refMapping() *mapping.DocumentMapping {
	dm := bleve.NewDocumentStaticMapping()
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	// A hit names its reference without a store lookup, and the highlighter
	// reads the text it marks from the index: the key, the short author
	// label, year, title, venue and abstract are stored, nothing else is.
	dm.AddFieldMappingsAt(fieldKey, stored(keywordField(keyword.Name)))
	dm.AddFieldMappingsAt(fieldType, facet(keywordField(keyword.Name)))
	byline := keywordField(keyword.Name)
	byline.Index = false
	dm.AddFieldMappingsAt(fieldByline, stored(byline))

	dm.AddFieldMappingsAt(fieldTitle, stored(textField(en.AnalyzerName)))
	dm.AddFieldMappingsAt(fieldAbstract, stored(textField(en.AnalyzerName)))
	dm.AddFieldMappingsAt(fieldKeywords, textField(en.AnalyzerName))
	dm.AddFieldMappingsAt(fieldVenue, stored(textField(en.AnalyzerName)))
	dm.AddFieldMappingsAt(fieldAuthors, textField(analyzerName))
	dm.AddFieldMappingsAt(fieldGiven, textField(analyzerName))
	// Family names keep no term vectors (3% of the index): no query names
	// the field, a bare phrase searches whole names in fieldAuthors instead
	// (see phraseFields), and a hit learns whether a family name matched
	// from a second search (see matchedFields).
	family := textField(analyzerName)
	family.IncludeTermVectors = false
	dm.AddFieldMappingsAt(fieldFamily, family)

	for _, f := range []string{fieldEntryType, fieldDOI, fieldPMID, fieldPMCID, fieldArXiv, fieldISBN, fieldTags} {
		dm.AddFieldMappingsAt(f, keywordField(analyzerID))
	}

	dm.AddFieldMappingsAt(fieldVenueFacet, facet(keywordField(keyword.Name)))

	year := bleve.NewNumericFieldMapping()
	lean(year)
	dm.AddFieldMappingsAt(fieldYear, stored(facet(year)))
	dm.AddFieldMappingsAt(fieldAdded, dateField())
	return dm
}

// claimMapping maps the document built by claimDocument. Field names it
// shares with references (type, added) have the same analysers.
func claimMapping() *mapping.DocumentMapping {
	dm := bleve.NewDocumentStaticMapping()
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	dm.AddFieldMappingsAt(fieldType, facet(keywordField(keyword.Name)))
	// What a hit prints: the article, the claim and its line, and the text
	// that the highlighter marks.
	dm.AddFieldMappingsAt(fieldText, stored(textField(en.AnalyzerName)))
	dm.AddFieldMappingsAt(fieldArticle, stored(keywordField(keyword.Name)))
	claim := keywordField(keyword.Name)
	claim.Index = false
	dm.AddFieldMappingsAt(fieldClaim, stored(claim))
	// The line is stored, not indexed: a number is indexed as 16 terms (one
	// per precision Bleve keeps for range queries), which measured 10% of
	// the build time and 9% of the space of a claim, and no one searches
	// for a line number across articles.
	line := bleve.NewNumericFieldMapping()
	lean(line)
	line.Index = false
	dm.AddFieldMappingsAt(fieldLine, stored(line))

	// The article title is not stored: the article ID names it.
	dm.AddFieldMappingsAt(fieldArticleTitle, textField(en.AnalyzerName))
	dm.AddFieldMappingsAt(fieldSection, textField(en.AnalyzerName))
	dm.AddFieldMappingsAt(fieldStatus, facet(keywordField(analyzerID)))
	// Keys are case-sensitive, as in the key field of a reference.
	dm.AddFieldMappingsAt(fieldCites, keywordField(keyword.Name))
	dm.AddFieldMappingsAt(fieldCodes, keywordField(analyzerID))
	dm.AddFieldMappingsAt(fieldAdded, dateField())
	return dm
}

func dateField() *mapping.FieldMapping {
	f := bleve.NewDateTimeFieldMapping()
	lean(f)
	return f
}

// stored returns f, stored.
func stored(f *mapping.FieldMapping) *mapping.FieldMapping {
	f.Store = true
	return f
}

// facet returns f with doc values, which facets read. Without them scorch
// rebuilds the field's values for every segment from its postings and keeps
// them in memory, which grows with the index.
func facet(f *mapping.FieldMapping) *mapping.FieldMapping {
	f.DocValues = true
	return f
}

// textField returns an indexed, unstored field of analysed text, with term
// vectors: without them a phrase query on the field silently finds nothing.
// They are on for the short fields too (author:"Geoffrey Hinton", a venue),
// where they cost a few bytes per document; the abstract, which needs them
// anyway, dominates.
func textField(analyzer string) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	lean(f)
	f.IncludeTermVectors = true
	return f
}

// keywordField returns an indexed, unstored field whose value is one term.
// It keeps no term vectors (measured: 6% of the index). A quoted value, such
// as doi:"10.1038/nature14539", is a one-term phrase, and Bleve would answer it
// from vectors and find nothing; SearchRefs asks for the term instead.
func keywordField(analyzer string) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	lean(f)
	return f
}

// lean turns off everything search does not need.
func lean(f *mapping.FieldMapping) {
	f.Store = false
	f.DocValues = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
}

// passageMapping maps a passage document (putPassages). The text is stored
// for the hit to print and has term vectors for marking the words that
// matched; the key and source are stored and one term each.
func passageMapping() *mapping.DocumentMapping {
	dm := bleve.NewDocumentStaticMapping()
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	dm.AddFieldMappingsAt(fieldType, facet(keywordField(keyword.Name)))
	// No term vectors (a third of the build): no phrase query searches
	// passages, and a hit's words are marked by analysing its text again
	// (markPassage).
	text := textField(en.AnalyzerName)
	text.IncludeTermVectors = false
	dm.AddFieldMappingsAt(fieldPassage, stored(text))
	dm.AddFieldMappingsAt(fieldWork, stored(keywordField(keyword.Name)))
	dm.AddFieldMappingsAt(fieldSource, stored(keywordField(keyword.Name)))
	return dm
}

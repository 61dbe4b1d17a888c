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
)

// Document types. Every document carries its type in fieldType and its ID
// starts with the type and a colon, so types never collide on IDs.
const (
	typeRef = "ref"
	// A "claim" type comes later: give it its own document mapping in
	// newMapping, a field list like refSearchFields, and filter on fieldType.
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
// default mapping): no dynamic fields, nothing stored but the key, no doc
// values, and no _all catch-all field (SearchRefs expands unfielded terms over
// refSearchFields instead; see search.go).
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
	return m, m.Validate()
}

// refMapping maps the document built by refDocument.
func refMapping() *mapping.DocumentMapping {
	dm := bleve.NewDocumentStaticMapping()
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	key := keywordField(keyword.Name)
	key.Store = true // the one stored field: a hit names its reference without a store lookup
	dm.AddFieldMappingsAt(fieldKey, key)
	dm.AddFieldMappingsAt(fieldType, keywordField(keyword.Name))

	dm.AddFieldMappingsAt(fieldTitle, textField(en.AnalyzerName))
	dm.AddFieldMappingsAt(fieldAbstract, textField(en.AnalyzerName))
	dm.AddFieldMappingsAt(fieldKeywords, textField(en.AnalyzerName))
	dm.AddFieldMappingsAt(fieldVenue, textField(en.AnalyzerName))
	dm.AddFieldMappingsAt(fieldAuthors, textField(analyzerName))

	for _, f := range []string{fieldEntryType, fieldDOI, fieldPMID, fieldPMCID, fieldArXiv, fieldISBN, fieldTags} {
		dm.AddFieldMappingsAt(f, keywordField(analyzerID))
	}

	year := bleve.NewNumericFieldMapping()
	lean(year)
	dm.AddFieldMappingsAt(fieldYear, year)

	added := bleve.NewDateTimeFieldMapping()
	lean(added)
	dm.AddFieldMappingsAt(fieldAdded, added)
	return dm
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

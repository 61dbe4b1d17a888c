package crossref

import (
	"strings"

	"github.com/evident-tools/evident/registry"
)

// cslTypes maps Crossref's work types (api.crossref.org/types) to the CSL
// types the rest of evident speaks. posted-content stays itself: CSL has
// no type for a preprint, and verify must tell one apart.
var cslTypes = map[string]string{
	"journal-article":     "article-journal",
	"book-chapter":        "chapter",
	"book-section":        "chapter",
	"book-part":           "chapter",
	"book":                "book",
	"monograph":           "book",
	"edited-book":         "book",
	"reference-book":      "book",
	"book-set":            "book",
	"book-series":         "book",
	"book-track":          "book",
	"proceedings-article": "paper-conference",
	"proceedings":         "book",
	"proceedings-series":  "book",
	"posted-content":      "posted-content",
	"report":              "report",
	"report-component":    "report",
	"report-series":       "report",
	"dissertation":        "thesis",
	"dataset":             "dataset",
	"database":            "dataset",
	"standard":            "standard",
	"reference-entry":     "entry",
	"peer-review":         "review",
	"journal":             "periodical",
	"journal-issue":       "periodical",
	"journal-volume":      "periodical",
	"component":           "article",
	"other":               "article",
	"grant":               "document",
}

// cslType returns the CSL type of a Crossref type; a type Crossref adds
// later is kept as Crossref writes it.
func cslType(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	if c, ok := cslTypes[t]; ok {
		return c
	}
	return t
}

// updateTypes maps Crossref's update types (slugged) to the notice kinds of
// package registry. Errata and corrigenda are corrections by another name.
// Partial retractions and removals are kept as their own kinds: a partial
// retraction is not the whole work withdrawn, and a removal (for legal
// reasons) says nothing about the findings.
var updateTypes = map[string]string{
	"retraction":            registry.Retraction,
	"correction":            registry.Correction,
	"erratum":               registry.Correction,
	"corrigendum":           registry.Correction,
	"expression-of-concern": registry.ExpressionOfConcern,
	"withdrawal":            registry.Withdrawal,
}

// updateType returns the notice kind of a Crossref update type
// ("expression_of_concern", or a label such as "Expression of Concern");
// an unknown type is kept, lower-case with '-' ("new-version").
func updateType(t string) string {
	s := slug(t)
	if k, ok := updateTypes[s]; ok {
		return k
	}
	return s
}

// slug writes a Crossref keyword lower-case with '-' between words.
func slug(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == '_' || r == '-' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}), "-")
}

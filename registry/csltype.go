package registry

import "strings"

// cslTypes maps Crossref's work types (api.crossref.org/types), which
// Crossref also writes in the CSL-JSON it answers doi.org with (its own
// vocabulary since 2024, not CSL's), to CSL types. posted-content stays
// itself: CSL has no type for a preprint, and verify must tell one apart.
// Crossref's catch-alls become CSL's "document", not "article": CSL 1.0.2
// gives "article" to preprints and working papers, and the library reads
// it so (corpus/csljson).
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
	"component":           "document",
	"other":               "document",
	"grant":               "document",
}

// CSLType returns the CSL type of a work type in Crossref's vocabulary. A
// type that is not Crossref's (a CSL type already, as DataCite and older
// Crossref answers write, or one Crossref adds later) is kept as written,
// trimmed and lower-case.
func CSLType(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	if c, ok := cslTypes[t]; ok {
		return c
	}
	return t
}

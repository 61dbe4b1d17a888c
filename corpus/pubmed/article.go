package pubmed

import (
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// Article is one PubMed record as PubMed gives it, before it becomes a
// reference: what efetch's XML and the MEDLINE text say of a work.
type Article struct {
	Line int  // where the record starts in its file
	Book bool // a PubmedBookArticle: a book, or a chapter of one

	PMID string
	// Title is the article's (or chapter's) title as plain text; TitleTeX is
	// the same title as LaTeX source, with its markup (italics, sub- and
	// superscripts, MathML as math) kept.
	Title, TitleTeX string
	// BookTitle is the title of a book, or of the book a chapter is in.
	BookTitle, BookTitleTeX string
	CollectionTitle         string // the series a book is in
	Authors, Editors        []Author

	Journal       string // full title
	JournalAbbrev string // ISO or MEDLINE abbreviation
	ISSN          []string
	ISBN          []string
	Publisher     string
	PublisherLoc  string

	Year        string // four digits, or empty
	Month, Day  int    // 0 when not known
	MedlineDate string // a date PubMed gives only as text: "1998 Dec-1999 Jan"

	Volume, Issue, Pages string
	DOI, PMCID           string

	Abstract         []Section
	Languages        []string
	PublicationTypes []string
	Keywords         []string // MeSH headings, then the author keywords
	Comments         []Comment

	// Other are MEDLINE tags that have no member above, kept so that
	// nothing is lost; the XML reader leaves it empty.
	Other []Tag
}

// Author is one name of an author or editor list: a person, or a
// collective (a group or organisation) named in CollectiveName.
type Author struct {
	LastName, ForeName, Initials, Suffix string
	CollectiveName                       string
}

// Section is one paragraph of an abstract; Label is its heading when the
// abstract is structured ("METHODS").
type Section struct {
	Label string
	Text  string // plain text
	TeX   string // LaTeX source
}

// Comment is one link to a related notice (CommentsCorrections): a
// retraction, an erratum, an expression of concern, a comment.
type Comment struct {
	RefType string // as PubMed names it: "RetractionIn", "ErratumIn", ...
	PMID    string
	Source  string // the citation PubMed gives for it
}

// Tag is one tagged line of a MEDLINE record, continuation lines joined.
type Tag struct {
	Name, Value string
	Line        int
}

// RetractedPublication is the publication type PubMed gives a retracted
// article.
const RetractedPublication = "Retracted Publication"

// Retracted reports whether PubMed marks the article as retracted: by its
// publication type or by a link to its retraction notice.
func (a *Article) Retracted() bool {
	if slices.Contains(a.PublicationTypes, RetractedPublication) {
		return true
	}
	return slices.ContainsFunc(a.Comments, func(c Comment) bool { return c.RefType == "RetractionIn" })
}

// Result is what a reader made of one file.
type Result struct {
	Articles []*Article
	Refs     []*corpus.Reference // one per article, in the same order
	// Problems are records that could not be read; they were skipped.
	Problems []corpus.Problem
	// Warnings are kept records with something odd in them, and lines
	// that were skipped.
	Warnings []corpus.Problem
}

// noticeFields are the CommentsCorrections kinds kept as reference fields:
// those that say something about the standing of the work. Comments and
// citations are left to the article.
var noticeFields = map[string]string{
	"RetractionIn":                "pubmed-retraction-in",
	"RetractionOf":                "pubmed-retraction-of",
	"PartialRetractionIn":         "pubmed-partial-retraction-in",
	"PartialRetractionOf":         "pubmed-partial-retraction-of",
	"ErratumIn":                   "pubmed-erratum-in",
	"ErratumFor":                  "pubmed-erratum-for",
	"ExpressionOfConcernIn":       "pubmed-expression-of-concern-in",
	"ExpressionOfConcernFor":      "pubmed-expression-of-concern-for",
	"UpdateIn":                    "pubmed-update-in",
	"UpdateOf":                    "pubmed-update-of",
	"RepublishedIn":               "pubmed-republished-in",
	"RepublishedFrom":             "pubmed-republished-from",
	"CorrectedandRepublishedIn":   "pubmed-corrected-republished-in",
	"CorrectedandRepublishedFrom": "pubmed-corrected-republished-from",
}

// plainText collapses runs of white space into one space.
func plainText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

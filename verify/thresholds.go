package verify

// The thresholds of the judge. They were chosen on pairs of real BibTeX
// renderings of the same works (see thresholds_test.go, which recomputes
// the figures from ../shared/corpora); the figures are in the comment of
// each.
const (
	// SearchTitle is the title similarity a search candidate needs, with
	// its first author agreeing, to be taken as the work.
	SearchTitle = 0.90
	// SearchTitleNoAuthor is the similarity needed when there are no
	// authors to compare.
	SearchTitleNoAuthor = 0.95
	// SearchTitleVenueDiffers is the similarity that still accepts a
	// candidate whose venue is clearly another (a conference paper and
	// its journal version share a title; the reference's venue decides).
	SearchTitleVenueDiffers = 0.98
	// MaxYearDiff is how far years may be apart: a work online in
	// December and in print in January is cited by both years.
	MaxYearDiff = 1
	// SameTitle is the similarity below which a record's title is listed
	// as a difference.
	SameTitle = 0.90
	// WrongTitle is the similarity below which a record found by the
	// reference's own identifier, whose first author also disagrees, is
	// another work.
	WrongTitle = 0.50
	// WrongTitleNoAuthor is the same without authors to compare.
	WrongTitleNoAuthor = 0.25
	// MinAuthorCountDiff is how many authors the counts must differ by to
	// be listed.
	MinAuthorCountDiff = 1
	// TextTitleCoverage is the share of a record's title words a
	// reference-list entry's text must contain.
	TextTitleCoverage = 0.85
)

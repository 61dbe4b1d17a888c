package verify

// The thresholds of the judge, measured (thresholds_test.go recomputes the
// figures from ../shared/corpora).
//
// The data: 927 bibliography files of the shared corpora (BibTeX,
// BibLaTeX, CSL-JSON, RIS), 15,000 references with a DOI and a title,
// 13,731 DOIs. The same DOI in two files is two independent renderings of
// one work (a positive pair: title case, braces, abbreviated journals,
// initials, subtitles, LaTeX and MathML in titles, the online year); two
// DOIs whose references share a first author or two title words of five
// letters or more are two works that look alike (a negative pair, at most
// six per work; pairs with identical folded titles are left out as the same
// work under two DOIs). DOIs are split by FNV hash into halves: tuning 617
// positive / 24,366 negative pairs, held-out 584 / 24,371.
//
// Search acceptance (sameWork), swept on the tuning half with the first
// author not disagreeing and years within ±1:
//
//	title ≥ 0.80  precision 0.9836  recall 0.9741
//	title ≥ 0.84  precision 0.9868  recall 0.9724
//	title ≥ 0.86  precision 0.9967  recall 0.9692
//	title ≥ 0.88  precision 0.9967  recall 0.9676   ← chosen
//	title ≥ 0.96  precision 1.0000  recall 0.9579
//
// (each with a clearly different venue needing ≥ 0.98; without that venue
// rule, precision at 0.88 is 0.9933.) Precision levels off from 0.86; 0.88
// is one step above the knee for margin, at the cost of one positive in
// 617. With the chosen numbers:
//
//	tuning half    precision 0.9967 (597/599)  recall 0.9676 (597/617)
//	held-out half  precision 0.9930 (565/569)  recall 0.9675 (565/584)
//
// The errors left: a chemical formula lost in one rendering ("Cu$_2$O" and
// "CuO", two papers by one group in one journal and year); the misses are
// chapters whose one rendering carries the book's title, and entries from
// parser test fixtures with deliberately mangled titles.
//
// The identifier path (judge) on the same pairs: of the positives, 0 of 617
// and 1 of 584 are called wrong-identifier, 35 and 34 mismatch (mostly a
// title with markup one rendering kept, 10 author counts where one
// rendering cut the list); of the negatives none is called verified, 60%
// wrong-identifier and the rest mismatch (they share the first author by
// construction, so the title alone cannot make them another work).
const (
	// SearchTitle is the title similarity a search candidate needs, with
	// its first author agreeing, to be taken as the work.
	SearchTitle = 0.88
	// SearchTitleNoAuthor is the similarity needed when there are no
	// authors to compare. The corpus has too few such pairs to measure; it
	// is set high because the title is then the only evidence.
	SearchTitleNoAuthor = 0.95
	// SearchTitleVenueDiffers is the similarity that still accepts a
	// candidate whose venue is clearly another: it removed half the false
	// acceptances of the sweep (a conference paper and its journal
	// version share a title) and lost no positive.
	SearchTitleVenueDiffers = 0.98
	// MaxYearDiff is how far years may be apart: a work online in
	// December and in print in January is cited by both years.
	MaxYearDiff = 1
	// SameTitle is the similarity below which a record's title is listed
	// as a difference: the search threshold, so that what a search would
	// accept is never a title difference.
	SameTitle = SearchTitle
	// WrongTitle is the similarity below which a record found by the
	// reference's own identifier, whose first author also disagrees, is
	// another work. No positive pair falls below it with its author
	// disagreeing (1 of 1,201 in all, a parser fixture).
	WrongTitle = 0.50
	// WrongTitleNoAuthor is the same without authors to compare: only a
	// title with almost nothing in common says "another work".
	WrongTitleNoAuthor = 0.25
	// MinAuthorCountDiff is how many authors the counts must differ by to
	// be listed (when the reference does not end in "and others").
	MinAuthorCountDiff = 1
	// TextTitleCoverage is the share of a record's title words a
	// reference-list entry's text must contain.
	TextTitleCoverage = 0.85
	// NoticePenalty scales the title similarity of an erratum, a comment
	// or a supplement and the work it is about: before it, errata made
	// half the false acceptances of the sweep.
	NoticePenalty = 0.5
	// NumbersDifferCap caps the similarity of titles whose digits differ
	// ("Part 1", "Part 2").
	NumbersDifferCap = 0.85
)

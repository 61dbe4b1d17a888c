package style

// The known differences of the author-date styles (APA, Chicago, Harvard,
// MLA) from pandoc's citeproc, kept beside golden_test.go so that each
// style's owner edits only its own list.

const (
	diffOthers         = "pandoc prints BibTeX's \"and others\" as the literal word glued to the last name (\"Holt, R. A.others\"); evident writes et al."
	diffAndInPublisher = "pandoc reads a publisher containing \" and \" as a list and joins it with \"; \" (\"Farrar, Straus; Giroux\"); evident keeps the publisher's name"
	diffArXiv          = "pandoc's BibTeX reader ignores eprint/archivePrefix; evident maps an arXiv eprint to its identifier and arXiv as the publisher, as the style asks for preprints"
	diffUnknownMacro   = "pandoc drops the unknown macro \\BibTeX and its text (\"ing\"); evident never loses title text"
	diffDotlessI       = "pandoc keeps {\\'\\i} as a dotless i and a combining accent (\"Rı́o\"); evident composes it to \"í\""
	diff2D             = "pandoc title-cases \"2D\" as \"2d\"; evident leaves a word with capitals as written, as the CSL title-case rules say"
	diffProperNoun     = "pandoc lower-cases every capitalised word of an unbraced BibTeX title (\"american psychological association\", \"north American\", \"drosophila melanogaster\"); evident keeps proper nouns and the capitals of a title written in sentence case already"
	diffWHOOrder       = "pandoc sorts apa.csl's numeric date key (\"6/19/2023\") as text, so the author's 2023 web page comes before the 2015 book; the CSL specification sorts dates as dates, and so does evident"
)

func init() {
	knownDifferences["apa"] = map[string]string{
		"adams2000genome":        diffOthers,
		"blattner1997complete":   diffOthers,
		"macfarlane2022pandoc":   diffOthers,
		"apa2020publication":     diffProperNoun,
		"harris2020array":        diffDotlessI,
		"kahneman2011thinking":   diffAndInPublisher,
		"nist2015shs":            diffAndInPublisher,
		"kingma2014adam":         diffArXiv,
		"patashnik1988bibtexing": diffUnknownMacro,
		"who2015world":           diffWHOOrder,
		"who2023lowback":         diffWHOOrder,
	}
	knownDifferences["chicago"] = map[string]string{
		"hunter2007matplotlib":   diff2D,
		"kahneman2011thinking":   diffAndInPublisher,
		"nist2015shs":            diffAndInPublisher,
		"kingma2014adam":         diffArXiv,
		"patashnik1988bibtexing": diffUnknownMacro,
	}
	knownDifferences["harvard"] = map[string]string{
		"adams2000genome":        diffProperNoun,
		"apa2020publication":     diffProperNoun,
		"blattner1997complete":   diffProperNoun,
		"devlin2019bert":         diffProperNoun,
		"kahneman2011thinking":   diffAndInPublisher,
		"nist2015shs":            diffAndInPublisher,
		"kingma2014adam":         diffArXiv,
		"patashnik1988bibtexing": diffUnknownMacro,
	}
	knownDifferences["mla"] = map[string]string{
		"hunter2007matplotlib":   diff2D,
		"kahneman2011thinking":   diffAndInPublisher,
		"nist2015shs":            diffAndInPublisher,
		"kingma2014adam":         diffArXiv,
		"patashnik1988bibtexing": diffUnknownMacro,
	}
}

package style

// The known differences of the numeric styles (Vancouver, AMA, IEEE) from
// pandoc's citeproc, kept beside golden_test.go so that each style's owner
// edits only its own list. Reasons shared with the author-date styles are
// in golden_authordate_test.go.

const (
	diffSoftware       = "pandoc reads @software as a book; evident keeps it software, which the style lays out as an online work"
	diffStraySemicolon = "the style puts \"; \" before the year even when there is no publisher, and pandoc prints \"Title.; 2016\"; evident leaves the stray semicolon out"
)

func init() {
	knownDifferences["vancouver"] = map[string]string{
		"adams2000genome":        diffProperNoun,
		"blattner1997complete":   diffProperNoun,
		"devlin2019bert":         diffProperNoun,
		"apa2020publication":     diffProperNoun,
		"kingma2014adam":         diffArXiv,
		"kahneman2011thinking":   diffAndInPublisher,
		"nist2015shs":            diffAndInPublisher,
		"patashnik1988bibtexing": diffUnknownMacro,
	}
	knownDifferences["ama"] = map[string]string{
		"adams2000genome":        diffProperNoun,
		"blattner1997complete":   diffProperNoun,
		"patashnik1988bibtexing": diffUnknownMacro + "; " + diffStraySemicolon,
		"kahneman2011thinking":   diffAndInPublisher,
		"nist2015shs":            diffAndInPublisher,
	}
	knownDifferences["ieee"] = map[string]string{
		"adams2000genome":        diffProperNoun,
		"blattner1997complete":   diffProperNoun,
		"devlin2019bert":         diffProperNoun,
		"apa2020publication":     diffProperNoun,
		"kingma2014adam":         diffArXiv,
		"kahneman2011thinking":   diffAndInPublisher,
		"nist2015shs":            diffAndInPublisher,
		"patashnik1988bibtexing": diffUnknownMacro,
	}
}

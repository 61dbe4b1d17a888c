package claim

// The kind of article the layout reads, for the learned model's threshold:
// the trees' probabilities are not equally sharp in every kind (a scraped
// page's own verdicts and a paper's reasoning score as high as a news
// story's facts), so internal/traingen may choose a threshold for each
// kind, by leaving out one labelled set at a time, and write it as a shift
// of the log-odds (modelKindShift in weights_gen.go). A shift keeps one
// threshold for callers and leaves the order of an article's findings as
// it was: every sentence of an article shares its kind.

// Kinds of article the layout tells apart, by its own reading (not by any
// label): a research paper, an article told in the first person (an essay,
// a column), one that talks to its reader ("you": a health page, a
// product page), and any other (news, reports, a sentence judged alone).
const (
	KindPaper = iota
	KindPersonal
	KindReader
	KindOther
	// NumArticleKinds is the number of kinds.
	NumArticleKinds
)

// articleKind is the kind of the article a sentence stands in, by the same
// tests the layout inputs use (inputs.go, lZBy), in that order.
func (c *context) articleKind() int {
	switch {
	case c.paper:
		return KindPaper
	case c.personal || c.density > 0.15:
		return KindPersonal
	case c.style[2] > 0.1:
		return KindReader
	}
	return KindOther
}

// ArticleKind is the kind of article the layout reads (KindPaper,
// KindPersonal, KindReader or KindOther).
func (l *Layout) ArticleKind() int {
	ctx := context{personal: l.personal, density: l.density, paper: l.paper, style: l.style}
	return ctx.articleKind()
}

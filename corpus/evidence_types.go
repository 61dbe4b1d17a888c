package corpus

// Verdict says what a cited work's text does for the claim citing it.
type Verdict string

// The verdicts of the evidence stage.
const (
	// VerdictSupports: a passage of the work states the claim.
	VerdictSupports Verdict = "supports"
	// VerdictRelated: the work is on the claim's topic but no passage
	// establishes it.
	VerdictRelated Verdict = "related"
	// VerdictUnrelated: the work does not bear on the claim (a wrong or
	// padded citation).
	VerdictUnrelated Verdict = "unrelated"
	// VerdictContradicts: a passage states the opposite direction, or a
	// clearly different number for the same quantity.
	VerdictContradicts Verdict = "contradicts"
	// VerdictNoText: the library holds nothing of the work but its title,
	// and a title is no evidence either way.
	VerdictNoText Verdict = "no-text"
)

// Verdicts lists the verdicts in the order reports filter them.
var Verdicts = []Verdict{VerdictSupports, VerdictRelated, VerdictContradicts, VerdictUnrelated, VerdictNoText}

// Where a passage comes from.
const (
	SourceAbstract = "abstract" // the work's abstract (its own field, or a registry's record)
	SourceFullText = "fulltext" // the work's full text (an attached file, PMC JATS)
	SourceTitle    = "title"    // the title alone: nothing else is known
)

// Evidence is what one cited work says about the claim citing it: the
// passage that bears on it best, how well, and the verdict. JSON names are
// stable (citations[].evidence).
type Evidence struct {
	Text    string  `json:"text"`
	Source  string  `json:"source"` // SourceAbstract, SourceFullText or SourceTitle
	Score   float64 `json:"score"`  // 0..1: the weighted share of the claim's content words the passage has
	Verdict Verdict `json:"verdict"`
	Why     string  `json:"why"`
	// Matched are the words of Text that match the claim's, as the
	// passage writes them, for reports that mark them.
	Matched []string `json:"matched,omitempty"`
	// Design is the study design the work reports (StudyDesign values),
	// from its text or its publication types; empty when none is named.
	Design string `json:"design,omitempty"`
	// More holds the next passage that bears on the claim, when one does.
	More []Passage `json:"more,omitempty"`
}

// Passage is one sentence of a cited work.
type Passage struct {
	Text    string   `json:"text"`
	Source  string   `json:"source"`
	Score   float64  `json:"score"`
	Matched []string `json:"matched,omitempty"`
}

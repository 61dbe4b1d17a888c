package claim

// feature is one thing the scorer looks for. Each fires at most once per
// sentence and quotes the first words that triggered it.
type feature int

// What makes a sentence a claim.
const (
	fStatistic   feature = iota // a number with a unit, a percentage, a sum of money
	fNumber                     // a number that is neither a year nor a name
	fDate                       // a year, a decade, a day of a month
	fQuantity                   // number words and proportions: millions, half, one in five
	fComparison                 // than, more, fewer, compared with
	fSuperlative                // largest, leading, first
	fCausal                     // causes, reduces, leads to
	fConnective                 // because, due to, therefore
	fEfficacy                   // effective, benefit, works
	fRisk                       // risk, side effects, deaths
	fChange                     // rises, fell, grows
	fResearch                   // study, trial, evidence
	fFinding                    // found, showed, concluded
	fAttribution                // said, according to, warned
	fDefinition                 // is defined as, refers to, "X is a Y"
	fGeneral                    // a generalisation: often, usually, most people, tend to
	fHistory                    // discovered, introduced, began
	fEntity                     // a capitalised name inside the sentence
	fDeclarative                // a plain third-person statement of some length (weighs, never a reason)
	fPlainFact                  // a named subject and a verb that states: "Insulin levels fall during a fast"

	// What makes it something else.
	fHeading
	fTableCell
	fFootnote
	fQuestion
	fExclamation
	fListIntro // ends with a colon: announces a list
	fImperative
	fAdvice
	fSecondPerson
	fFirstPerson
	fOpinion
	fHedge
	fStrongHedge
	fEvaluative
	fDisclaimer
	fByline
	fBio
	fBoilerplate
	fTransition
	fCrossRef
	fLabel
	fFragment
	fShort
	fNoVerb
	fUnfinished      // a list item, caption or cell without a full stop
	fNormative       // should, ought to
	fCaveat          // cannot show, does not prove
	fReference       // a bibliography entry: "Watson NF, et al.", "2015;38(6):843"
	fOwnWork         // the authors' own work: "We trained", "Our model", "this article"
	fOwnSection      // in a paper's methods, results or acknowledgements
	fCaption         // a figure or table caption: it describes its figure
	fNotice          // an update or correction notice: "Updated at 4:15 p.m.", "Correction:"
	fMarketing       // selling: "Shop now", "free shipping", "use code"
	fBackRef         // opens by pointing back: "That is", "These are": a comment on what went before
	fPaperBody       // in a paper's body after its introduction: the authors' own data and methods
	fAbstractResult  // in a paper's abstract, in the past tense: the authors' own result
	fDiscussion      // in a paper's discussion: mostly the authors' reasoning
	fDiscussedResult // in a paper's discussion, in the past tense: the paper's own results again
	fPersonalVoice   // in a first-person essay, with no figure, finding or attribution: the writer's view
	fGroupAdvice     // "Adults over 40 should…": advice to a group of readers
	fSiteFurniture   // pieces of a page strung with "·" or "|" and no verb: an address, a link bar
	fRepeat          // repeats words of another sentence of the article: a pull quote

	numFeatures
)

// featureInfo gives each feature its reason name and its weight in log-odds.
// A feature with no name weighs without being shown as a reason.
// Content features are worth one to two and a half; the patterns of text
// that is no claim at all (headings, bylines, disclaimers, boilerplate) are
// worth minus four or five, so that no amount of content words outweighs
// them; opinion, advice and questions sit in between, so that a statistic in
// a hedged sentence can still make it a claim.
var featureInfo = [numFeatures]struct {
	name   string
	weight float64
}{
	fStatistic:   {"statistic", 2.5},
	fNumber:      {"number", 1.5},
	fDate:        {"date", 1.5},
	fQuantity:    {"quantity", 1.0},
	fComparison:  {"comparison", 1.2},
	fSuperlative: {"superlative", 1.0},
	fCausal:      {"causal verb", 1.5},
	fConnective:  {"causal connective", 0.8},
	fEfficacy:    {"efficacy", 1.2},
	fRisk:        {"risk", 1.2},
	fChange:      {"change verb", 1.0},
	fResearch:    {"research", 0.4},
	fFinding:     {"research finding", 1.0},
	fAttribution: {"attributed statement", 1.5},
	fDefinition:  {"definition", 0.8},
	fGeneral:     {"generalisation", 1.0},
	fHistory:     {"historical event", 1.0},
	fEntity:      {"named entity", 0.3},
	// A plain statement is what most claims look like, so it weighs;
	// nearly every claim has it, so as a reason it would say nothing.
	fDeclarative: {"", 0.75},
	// A flat statement about a named subject is checkable even with no
	// cue word; the reason quotes the subject.
	fPlainFact: {"states a fact about", 1.0},

	fHeading:      {"heading", -5},
	fTableCell:    {"table cell", -1},
	fFootnote:     {"footnote", -0.5},
	fQuestion:     {"question", -4},
	fExclamation:  {"exclamation", -1.5},
	fListIntro:    {"introduces a list", -4},
	fImperative:   {"imperative advice", -3},
	fAdvice:       {"advice", -2.5},
	fSecondPerson: {"second person", -0.8},
	fFirstPerson:  {"first person", -1.5},
	fOpinion:      {"opinion", -3},
	fHedge:        {"hedge", -0.4},
	fStrongHedge:  {"strong hedge", -1.5},
	fEvaluative:   {"evaluative", -1.5},
	fDisclaimer:   {"disclaimer", -4},
	fByline:       {"byline", -4},
	fBio:          {"author bio", -4},
	fBoilerplate:  {"boilerplate", -4},
	fTransition:   {"transition", -3},
	fCrossRef:     {"points to a figure or section", -2},
	fLabel:        {"label", -1.5},
	fFragment:     {"fragment", -2.5},
	fShort:        {"short sentence", -0.8},
	fNoVerb:       {"no verb", -1.5},
	fUnfinished:   {"unfinished item", -2},
	fNormative:    {"recommendation", -3},
	fCaveat:       {"caveat", -2},
	fReference:    {"reference entry", -5},
	fOwnWork:      {"the authors' own work", -2.5},
	// Under a methods or results heading an uncited sentence reports the
	// authors' own work however many numbers it holds.
	fOwnSection:      {"in the paper's own methods or results", -9},
	fCaption:         {"caption", -3},
	fNotice:          {"update or correction notice", -5},
	fMarketing:       {"marketing", -4},
	fBackRef:         {"comments on what went before", -1},
	fPaperBody:       {"in the paper's own body after its introduction", -3.5},
	fAbstractResult:  {"the abstract's own result in the past tense", -9},
	fDiscussion:      {"in the paper's discussion", -1},
	fDiscussedResult: {"the paper's own result again in its discussion, in the past tense", -2},
	// An essay told in the first person states its opinions as plain
	// statements ("Cities are not always kind to this."); without a
	// figure, a finding or someone it is attributed to, such a sentence
	// is more likely the writer's view than a fact to check.
	fPersonalVoice: {"the writer's own voice (a first-person essay), with no figure or source cue", -1.1},
	fGroupAdvice:   {"advice to a group of readers", -4},
	fSiteFurniture: {"page furniture", -4},
	// A pull quote says again what a sentence of the body says: one
	// problem, reported once, where the body says it.
	fRepeat: {"repeats another sentence of the article (a pull quote)", -5},
}

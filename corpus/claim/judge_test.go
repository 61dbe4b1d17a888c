package claim

import (
	"math"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

type judgeCase struct {
	name   string
	text   string
	kind   corpus.BlockKind // KindSentence when empty
	claim  bool
	reason string // a reason that must be among the reasons, as a prefix
}

// runJudgeCases holds the rules to each case: the verdict of their own
// log-odds at 0.5 and the reasons they give. The rules are the learned
// model's main input and the reasons an editor reads; the model itself is
// measured on whole labelled articles (labelled_test.go, corpus/check's
// kinds test), where a sentence has the layout it was written in.
func runJudgeCases(t *testing.T, cases []judgeCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kind := c.kind
			if kind == "" {
				kind = corpus.KindSentence
			}
			j := judgeRules(c.text, kind)
			if j.Claim != c.claim {
				t.Errorf("rules on %q: claim = %v (score %.2f, %v), want %v", c.text, j.Claim, j.Score, j.Reasons, c.claim)
			}
			if c.reason != "" && !hasReason(j.Reasons, c.reason) {
				t.Errorf("Judge(%q) reasons = %v, want one starting %q", c.text, j.Reasons, c.reason)
			}
		})
	}
}

func hasReason(reasons []string, prefix string) bool {
	for _, r := range reasons {
		if strings.HasPrefix(r, prefix) {
			return true
		}
	}
	return false
}

func TestJudge_ClaimsByReason(t *testing.T) {
	runJudgeCases(t, []judgeCase{
		{"StatisticWithUnit", "The tablets contain 500 mg of paracetamol.", "", true, "statistic '500 mg'"},
		{"StatisticPercent", "Smoking rates fell by 12% over the decade.", "", true, "statistic '12%'"},
		{"StatisticPointScale", "Pain scores improved on a 4-point scale after treatment.", "", true,
			"statistic '4-point scale'"},
		{"StatisticMoney", "The programme cost $4 million in its first year.", "", true, "statistic '$4'"},
		{"StatisticPValue", "The difference between the groups was significant (p < 0.05).", "", true,
			"statistic 'p < 0.05'"},
		{"StatisticDegrees", "Average temperatures have risen by 1.1 °C since the nineteenth century.", "", true,
			"statistic '1.1 °C'"},
		{"StatisticMagnitude", "About 2.3 million people live in the region.", "", true,
			"statistic '2.3 million people'"},
		{"StatisticNumberWordUnit", "The battery lasted four days longer than the old model.", "", true,
			"statistic 'four days'"},
		{"PlainNumber", "The review pooled 81 randomised trials of supplements.", "", true, "number '81'"},
		{"DateYear", "The vaccine was licensed in 1955 after a national field trial.", "", true, "date 'in 1955'"},
		{"DateDecade", "Obesity rates have tripled since the 1970s.", "", true, "date '1970s'"},
		{"QuantityOneIn", "One in five adults lives with chronic pain.", "", true, "quantity 'One in'"},
		{"Comparison", "Walking burns fewer calories than running does.", "", true, "comparison"},
		{"Superlative", "Heart disease is the leading cause of death worldwide.", "", true, "superlative 'leading'"},
		{"CausalVerb", "Regular exercise reduces blood pressure in most adults.", "", true, "causal verb 'reduces'"},
		{"CausalConnective", "Ice cores are useful because they trap air from past centuries.", "", true,
			"causal connective 'because'"},
		{"Efficacy", "The drug was effective in two thirds of the patients who took it.", "", true,
			"efficacy 'effective'"},
		{"Risk", "Long-term use of the drug carries a small risk of kidney damage.", "", true, "risk 'risk'"},
		{"SideEffects", "Common side effects include nausea, dizziness and headaches.", "", true,
			"risk 'side effects'"},
		{"ResearchFinding", "Studies have shown that mindfulness lowers stress in students.", "", true,
			"research 'Studies'"},
		{"FindingVerb", "The review concluded that the evidence for the supplement was weak.", "", true,
			"research finding 'concluded'"},
		{"AttributionAccordingTo", "According to the health ministry, waiting lists have grown this year.", "", true,
			"attributed statement 'According to'"},
		{"AttributionQuote", `"The data are clear," said the lead author of the report.`, "", true,
			"attributed statement 'said'"},
		{"DefinitionPhrase", "Hypertension is defined as a blood pressure of 140/90 mmHg or higher.", "", true,
			"definition 'is defined as'"},
		{"DefinitionIsA", "Insulin is a hormone that regulates the level of sugar in the blood.", "", true,
			"definition 'is a'"},
		{"HistoricalEvent", "Penicillin was discovered by a Scottish bacteriologist working in London.", "", true,
			"historical event 'discovered'"},
		{"ChangeVerb", "Sea levels are rising faster along the eastern coast.", "", true, "change verb 'rising'"},
		{"HedgedClaimStillClaim", "Coffee may reduce the risk of type 2 diabetes in older women.", "", true, "hedge 'may'"},
		{"PlainStatementOfFact", "Most antibiotics in use today descend from compounds that soil microbes make.", "",
			true, "generalisation 'Most'"},
		{"CaptionDescribesItsFigure", "Deaths on the road fell sharply after the law took effect.", corpus.KindCaption,
			false, "caption"},
		{"ListItemMayBeClaim", "Vitamin C does not prevent colds in the general population.", corpus.KindListItem,
			true, ""},
		{"NounFirstIsNoImperative", "Exercise reduces anxiety in adults of every age.", "", true, "causal verb 'reduces'"},
		{"ByWithDateIsNoByline", "By Christmas, sales of the drug had doubled.", "", true, "change verb 'doubled'"},
		{"InitialIsNoReference", "Vitamin D, the sunshine vitamin, is made in the skin within 15 minutes of sun.", "",
			true, "statistic '15 minutes'"},
		{"OwnCorpus", "The corpus holds only one author with 12 works.", "", false, "the authors' own work 'The corpus'"},
		{"HasBeenNoBio", "The drug has been a mainstay of treatment for 40 years.", "", true, "statistic '40 years'"},
		{"OrderVerbAsAdjective", "Lower back pain affects most adults at some point in their lives.", "", true, ""},
		{"OrderVerbAsNoun", "Water covers about 71% of the Earth's surface.", "", true, "statistic '71%'"},
		{"UnlistedVerbInS", "Caffeine crosses the placenta freely.", "", true, "states a fact about 'Caffeine'"},
		{"ParticipleBeforeAYear", "Ravensgill flooded in 2015 and again in 2020.", "", true, "states a fact about 'Ravensgill'"},
		{"NarrativeCitationKeepsSubject", "Smith et al. (2019) found that exercise helped older patients.", "", true,
			"research finding 'found'"},
	})
}

func TestJudge_NonClaimsByReason(t *testing.T) {
	runJudgeCases(t, []judgeCase{
		{"Heading", "Vitamin D reduces fractures by 20%", corpus.KindHeading, false, "heading"},
		{"Question", "Does vitamin D prevent colds?", "", false, "question"},
		{"QuestionWithNumbers", "Is 400 mg of caffeine a day too much?", "", false, "question"},
		{"ImperativeAdvice", "Talk to your doctor before taking supplements.", "", false, "imperative advice 'Talk'"},
		{"ImperativeAfterClause", "If you feel dizzy, sit down and drink some water.", "", false,
			"imperative advice 'sit'"},
		{"NegatedImperative", "Never exceed the stated dose.", "", false, "imperative advice 'exceed'"},
		{"CallToAction", "Get started today.", "", false, "imperative advice 'Get'"},
		{"SecondPersonAdvice", "You should drink water before you feel thirsty.", "", false, "advice 'You should'"},
		{"Recommendation", "Councils should build protected lanes before painting new ones.", "", false,
			"recommendation 'should'"},
		{"OpinionIThink", "I think the new guideline goes too far.", "", false, "opinion 'I think'"},
		{"OpinionWeBelieve", "We believe this approach is the right one for most patients.", "", false,
			"opinion 'We believe'"},
		{"OpinionInMyView", "In my view, the study was badly designed.", "", false, "opinion 'In my view'"},
		{"StrongHedge", "Perhaps the whole pattern of the diet matters more than any one food.", "", false,
			"strong hedge 'Perhaps'"},
		{"Evaluative", "The physical buttons on the side are a joy to use.", "", false, "evaluative 'joy'"},
		{"Disclaimer", "This article is for general information only and is not medical advice.", "", false,
			"disclaimer"},
		{"AffiliateDisclaimer", "This post contains affiliate links, so we may earn a commission.", "", false,
			"disclaimer 'affiliate links'"},
		{"Byline", "By Jane Doe", "", false, "byline 'By Jane'"},
		{"ReviewedBy", "Medically reviewed by Dr. Sam Lee, a family physician.", "", false, "byline 'reviewed by'"},
		{"UpdatedDate", "Updated 4 June 2024.", "", false, "update or correction notice 'Updated'"},
		{"Dateline", "Thursday 30 November 2023", "", false, "byline 'Thursday 30 November 2023'"},
		{"DatelineWithTime", "30 Nov 2023, 10:42 GMT", "", false, "byline"},
		{"DatelineWithUpdate", "Thursday 15 October 2026, updated 18:40", "", false, "byline"},
		{"DontAnyVerb", "Don't smoke, rinse hard or drink through a straw for the first 24 hours.", "", false,
			"imperative advice 'smoke'"},
		{"DoNotAnyVerb", "Do not shower for a day after the injection.", "", false, "imperative advice 'shower'"},
		{"OrderVerbBeforeDeterminer", "Raise the light if leaves bleach or curl at the edges.", "", false,
			"imperative advice 'Raise'"},
		{"LabelThenOrder", "Tip: Chill the drink in the fridge and drink it through a straw.", "", false,
			"imperative advice 'Chill'"},
		{"LongerLabel", "Good to know: an X-ray every few years lets us keep an eye on a tooth that stays put.", "", false,
			"label 'Good to know:'"},
		{"GuideItCovers", "It covers what arthritis does to the hands, which exercises have been tested, and what helps.", "",
			false, "transition 'It covers what'"},
		{"AuthorBio", "Jane Doe is a health writer based in Leeds.", "", false, "author bio 'Jane Doe is a health writer'"},
		{"AuthorBioHasBeen", "Gwen Hall has been a community midwife for 22 years.", "", false,
			"author bio 'Gwen Hall has been a community midwife'"},
		{"CheckedBy", "Her answers were checked by consultant obstetrician Dr Ravi Cole.", "", false,
			"byline 'answers were checked'"},
		{"LeafletProcedure", "Your nurse will go through these risks with you before you sign the consent form.", "", false,
			"advice 'Your nurse will'"},
		{"AuthorBioWritesAbout", "She writes about food, farming and the science of cooking.", "", false,
			"author bio 'writes about'"},
		{"BoilerplateSubscribe", "Subscribe to our newsletter for weekly updates.", "", false, "boilerplate"},
		{"BoilerplateReadMore", "Read more: Ten myths about sleep", "", false, "boilerplate 'Read more'"},
		{"BoilerplateShare", "Share this article with a friend who reads too much.", "", false, "boilerplate 'Share this'"},
		{"BoilerplateGreeting", "Hi everyone, and welcome back to the blog!", "", false, "boilerplate"},
		{"TransitionHereIsWhat", "Here is what we know.", "", false, "transition 'Here is what'"},
		{"TransitionInThisArticle", "In this article we look at the evidence for fish oil in older adults.", "", false,
			"transition 'In this article'"},
		{"TransitionLetsLook", "Let's take a closer look at the labels on supplement bottles.", "", false,
			"transition"},
		{"TransitionPaperOutline", "The remainder of this paper is organised as follows.", "", false, "transition"},
		{"PointsToFigure", "Figure 2 shows the design of the study.", "", false, "points to a figure or section"},
		{"Fragment", "Largely, yes.", "", false, "fragment"},
		{"Label", "Verdict: a solid phone for the price and the best we tested", "", false, "label 'Verdict:'"},
		{"ListIntro", "Here are my favourite easy swaps:", "", false, "introduces a list"},
		{"UnfinishedListItem", "sharp screen, long battery life, physical page buttons", corpus.KindListItem, false,
			"unfinished item"},
		{"CaptionTitle", "Peak memory use as a function of sequence length.", corpus.KindCaption, false, "no verb"},
		{"TableCellFragment", "3 to 14 months gained", corpus.KindTableCell, false, "table cell"},
		{"ReferenceEntryInFootnote", "Cappuccio FP, et al. Sleep duration and all-cause mortality: a systematic review.",
			corpus.KindFootnote, false, "reference entry 'Cappuccio FP'"},
		{"Caveat", "Such studies cannot prove that the vitamin itself makes the difference.", "", false, "caveat"},
		{"GapStatement", "Whether the effect survives in a live lecture hall is not known.", "", false,
			"caveat 'is not known'"},
		{"GapStatementFewStudies", "General medical wards have received much less attention.", "", false,
			"caveat 'received much less attention'"},
		{"PublicationAboutItself", "Our readers send us more questions about sleep than about any other topic.", "",
			false, "boilerplate 'Our readers'"},
	})
}

// Citation markers are no evidence of a claim: their numbers and years are
// taken out before scoring.
func TestJudge_MarkersAreIgnored(t *testing.T) {
	for _, text := range []string{
		"It is used in hospitals (3).",
		"It is used in hospitals [12].",
		"It is used in hospitals.^4^",
		"It is used in hospitals (Smith, 2019).",
		"It is used in hospitals [@smith2019, p. 33].",
		`It is used in hospitals \cite{smith2019}.`,
	} {
		j := Judge(text, corpus.KindSentence, 0)
		if hasReason(j.Reasons, "number") || hasReason(j.Reasons, "date") || hasReason(j.Reasons, "statistic") {
			t.Errorf("Judge(%q) reasons = %v: a marker counted as a number", text, j.Reasons)
		}
		bare := Judge("It is used in hospitals.", corpus.KindSentence, 0)
		if math.Abs(j.Score-bare.Score) > 1e-9 {
			t.Errorf("Judge(%q) score %.3f, without the marker %.3f: the marker changed the score", text, j.Score,
				bare.Score)
		}
	}
}

func TestJudge_NumbersInNamesAreNotStatistics(t *testing.T) {
	for _, text := range []string{
		"The COVID-19 pandemic changed how clinics work.",
		"The Inkwell 7 has an adjustable front light.",
		"Patients with type 2 diabetes were excluded from the trial.",
		"Vitamin D3 is made in the skin.",
	} {
		j := Judge(text, corpus.KindSentence, 0)
		if hasReason(j.Reasons, "number") || hasReason(j.Reasons, "statistic") || hasReason(j.Reasons, "date") {
			t.Errorf("Judge(%q) reasons = %v, want no number", text, j.Reasons)
		}
	}
}

func TestJudge_ThresholdDecides(t *testing.T) {
	text := "Regular exercise reduces blood pressure in most adults."
	def := Judge(text, corpus.KindSentence, 0)
	if !def.Claim || def.Score < DefaultThreshold {
		t.Fatalf("Judge(%q) = %+v, want a claim at the default threshold", text, def)
	}
	if d := Judge(text, corpus.KindSentence, DefaultThreshold); d.Claim != def.Claim || d.Score != def.Score {
		t.Errorf("threshold 0 and DefaultThreshold disagree")
	}
	strict := Judge(text, corpus.KindSentence, math.Nextafter(def.Score, 2))
	if strict.Claim {
		t.Errorf("threshold just above the score %.3f still gives a claim", def.Score)
	}
	if strict.Score != def.Score {
		t.Errorf("the threshold changed the score: %.3f, %.3f", strict.Score, def.Score)
	}
}

func TestJudge_ReasonsQuoteTheWordsAsWritten(t *testing.T) {
	j := Judge("According to the WHO, smoking kills 8 million people a year.", corpus.KindSentence, 0)
	for _, want := range []string{"attributed statement 'According to'", "statistic '8 million people'",
		"causal verb 'kills'"} {
		if !hasReason(j.Reasons, want) {
			t.Errorf("reasons %v, want %q", j.Reasons, want)
		}
	}
}

func TestJudge_EmptyAndOddInput(t *testing.T) {
	for _, text := range []string{"", " ", "(3)", "?", "—", "[@key]", "\x00\xff", strings.Repeat("word ", 500)} {
		j := Judge(text, corpus.KindSentence, 0)
		if j.Score < 0 || j.Score > 1 || math.IsNaN(j.Score) {
			t.Errorf("Judge(%q) score %v", text, j.Score)
		}
		if strings.TrimSpace(text) != "" && len(text) < 20 && j.Claim {
			t.Errorf("Judge(%q) is a claim: %v", text, j.Reasons)
		}
	}
}

func TestWordLists_NoWordInTwoFeatures(t *testing.T) {
	if len(listConflicts) > 0 {
		t.Errorf("words listed under two features: %v", listConflicts)
	}
}

// judgeRules judges a sentence by the rules alone, as Judge did before the
// learned model: the logistic of the rules' log-odds against 0.5.
func judgeRules(text string, kind corpus.BlockKind) Judgement {
	var s scan
	s.clean(text)
	s.toks = tokenize(s.low, s.orig, nil)
	s.run(kind, context{})
	score := 1 / (1 + math.Exp(-s.ruleZ()))
	return Judgement{Score: score, Claim: score >= 0.5, Reasons: s.reasons()}
}

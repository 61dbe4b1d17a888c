package claim

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// The kinds of sentence issue 16 names as no claim, and the claims it names.
func TestJudge_NotClaimsOfEveryKindOfArticle(t *testing.T) {
	runJudgeCases(t, []judgeCase{
		{"AsideOnReasoning", "Sadly their reasoning is, so far, inscrutable.", "", false, ""},
		{"OwnMethod", "We trained the model on 38,000 adult admissions from a public database.", "", false,
			"the authors' own work 'We trained'"},
		{"OwnMethodAfterClause", "For each admission we extracted age, sex and the length of stay.", "", false,
			"the authors' own work 'we extracted'"},
		{"OwnResult", "Our model is modestly better than a score that can be computed by hand.", "", false,
			"the authors' own work 'Our model'"},
		{"PaperNamesItself", "This article suggests that CNNs are better choices than LSTMs for poetry.", "", false,
			"the authors' own work 'This article'"},
		{"ReadingGuide", "Here we come back to the question of whether that gain justifies the cost.", "", false,
			"transition 'Here"},
		{"GuideExplains", "In this guide we explain how iron deficiency causes tiredness.", "", false, "transition"},
		{"LeadIn", "Groups at higher risk include:", "", false, "introduces a list"},
		{"LeadInWithCausalVerb", "Untreated, high blood pressure increases the risk of:", "", false, "introduces a list"},
		{"CorrectionNotice", "Correction: An earlier version of this story misstated the age of the youngest patient.",
			"", false, "update or correction notice"},
		{"UpdateNotice", "Updated at 4:15 p.m. with comments from the state veterinarian.", "", false,
			"update or correction notice 'Updated'"},
		{"Marketing", "Shop matcha now and get 15% off your first order with code LEAF15.", "", false, "marketing"},
		{"OpeningHours", "The clinics are open from 8 a.m. to 6 p.m. on weekdays.", "", false, "boilerplate"},
		{"BackReference", "That is a failure of nerve, not of evidence.", "", false, "comments on what went before"},
		{"AnswerFragment", "Partly because the alternative is a fight over which time to keep.", "", false, "fragment"},
		{"FutureIsNoHistory", "His book on attention will be published next year.", "", false, ""},
		{"PaperPointsAtItsSections", "The next section describes the texts, the procedure and the analysis.", "", false,
			"transition"},
		{"MetaLineWithUpdate", "By Megan Cho · Updated April 2, 2025", "", false, "byline 'Updated'"},
		{"DatelineWithUpdate", "September 26, 2023 Updated September 27, 2023, 8:05 a.m.", "", false, "byline 'Updated'"},
		{"BioOfATester", "Marcus Lindgren has reviewed home appliances for more than a decade.", "", false, "author bio"},
		{"BioWithQualification", "Megan Cho is a certified ergonomist who has tested more than 40 desks since 2019.", "", false,
			"author bio"},
		{"PagesOwnPick", "Our top pick is FloraBiotic Daily, which contains both tested strains.", "", false, "marketing 'Our top pick'"},
		{"PagesOwnProduct", "Our capsules pair 1,000 mg of turmeric with black pepper extract for better absorption.", "", false,
			"marketing 'Our capsules'"},
		{"AdviceToALongGroup", "People who are seriously ill or have a weakened immune system should ask their doctor first.", "",
			false, "advice to a group of readers"},
	})
}

func TestJudge_ClaimsOfEveryKindOfArticle(t *testing.T) {
	runJudgeCases(t, []judgeCase{
		{"AttributionSaid", "Others missed appointments during the pandemic, said Tom Reyes, a pediatrician.", "",
			true, "attributed statement 'said'"},
		{"AttributionCalledFor", "The American Academy of Sleep Medicine has called for permanent standard time.", "",
			true, "attributed statement 'called for'"},
		{"Generalisation", "Clinicians, however, tend to distrust scores they cannot inspect.", "", true,
			"generalisation 'tend'"},
		{"GeneralWeIsNoOwnWork", "Most of the salt we eat is already in bread and ready meals.", "", true,
			"generalisation"},
		{"ListItemAssertingAFact", "Women with heavy periods lose more iron each month than they take in.",
			corpus.KindListItem, true, "comparison"},
		{"OtherReviewIsNoOwnWork", "The review pooled 81 randomised trials of supplements.", "", true, "number '81'"},
	})
}

// TestJudgeSentence_OwnSectionIsNoClaim checks that the heading a sentence
// stands under counts: a paper's results need no source, the same words in
// its introduction do.
func TestJudgeSentence_OwnSectionIsNoClaim(t *testing.T) {
	text := "Blocks with more than 40% canopy were on average 2.9 °C cooler than blocks with less than 10%."
	for _, c := range []struct {
		section string
		claim   bool
	}{
		{"3. Results", false},
		{"Data and methods", false},
		{"Introduction", true},
		{"Mining the soil, and the data", true},
		{"", true},
	} {
		j := JudgeSentence(corpus.Sentence{Text: text, Kind: corpus.KindSentence, Section: c.section}, 0)
		if j.Claim != c.claim {
			t.Errorf("under %q: claim = %v (score %.2f %v), want %v", c.section, j.Claim, j.Score, j.Reasons, c.claim)
		}
	}
}

// TestJudge_ReasonsCarryInformation checks every labelled sentence: no
// reason merely says the sentence is a statement, and no named entity is a
// sentence's first word.
func TestJudge_ReasonsCarryInformation(t *testing.T) {
	for _, a := range loadLabelled(t) {
		for _, s := range a.sentences {
			j := JudgeSentence(s, 0)
			first := strings.FieldsFunc(s.Text, func(r rune) bool { return r == ' ' || r == ',' })
			for _, r := range j.Reasons {
				if strings.HasPrefix(r, "declarative") {
					t.Errorf("%s: reason %q in %q", a.name, r, s.Text)
				}
				if len(first) > 0 && r == "named entity '"+first[0]+"'" {
					t.Errorf("%s: the first word is taken for a name: %q in %q", a.name, r, s.Text)
				}
			}
		}
	}
	j := Judge("For this metaphor, Recurrent Neural Networks are a good fit.", corpus.KindSentence, 0)
	if !hasReason(j.Reasons, "named entity 'Recurrent Neural Networks'") {
		t.Errorf("reasons %v, want the whole name quoted", j.Reasons)
	}
}

// TestJudge_CaveatsOnEvidenceAreNamed checks that what the evidence lacks
// is named a caveat; whether the sentence is then a claim is the model's
// call, with the sentences around it.
func TestJudge_CaveatsOnEvidenceAreNamed(t *testing.T) {
	for _, text := range []string{
		"Most of those trials were small and at risk of bias.",
		"Whether it prevents heart attacks and strokes is less certain.",
		"The quality of that evidence was low, and few studies followed people for more than a year.",
		"More research is needed before anyone can recommend it.",
		"A direct link was never proved.",
		"Neither study can prove that caffeine was the cause.",
		"Twelve people is a very small study, and the authors called for a larger one.",
	} {
		if j := Judge(text, corpus.KindSentence, 0); !hasReason(j.Reasons, "caveat") {
			t.Errorf("%q: reasons %v, want a caveat", text, j.Reasons)
		}
	}
}

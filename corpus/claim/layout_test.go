package claim

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// sentencesOf builds the sentences of an article from lines: "# " opens a
// heading, a blank line a new paragraph.
func sentencesOf(lines ...string) []corpus.Sentence {
	var out []corpus.Sentence
	para, section := 1, ""
	for _, l := range lines {
		switch {
		case l == "":
			para++
		case len(l) > 2 && l[:2] == "# ":
			section = l[2:]
			out = append(out, corpus.Sentence{Text: section, Kind: corpus.KindHeading, Paragraph: para, Section: section})
			para++
		default:
			out = append(out, corpus.Sentence{Text: l, Kind: corpus.KindSentence, Paragraph: para, Section: section})
		}
	}
	return out
}

// TestLayout_PartsOfAPaper checks that the same kind of sentence is a claim
// in a paper's introduction and the authors' own work in its abstract, its
// body after the introduction (under a subsection heading that names no
// method) and, in the past tense, its discussion.
func TestLayout_PartsOfAPaper(t *testing.T) {
	sentences := sentencesOf(
		"Participants who slept recalled 14% more words than those who stayed awake.",
		"# Introduction",
		"Jenkins and Dallenbach observed in 1924 that two students forgot less after sleep.",
		"# Poetic corpus",
		"The corpus is not well balanced in terms of size per class, and holds only one author with 12 works.",
		"# Methods",
		"# Controlling overfitting",
		"Models were starved until they began to underfit on the training data, and the size was then increased.",
		"# Discussion",
		"Very strong clustering was observed for the first two authors.",
		"Rainfall dilutes sewage and can hide a rise in the signal.",
		// Not the article's last sentence: the model reads the last
		// tenth of an article as where bios, notices and disclaimers
		// stand.
		"We thank the utilities for their samples.",
	)
	want := map[string]bool{
		"Participants who slept":  false, // the abstract's own result
		"Jenkins and Dallenbach":  true,
		"The corpus is not well":  false, // the body, after the introduction
		"Models were starved":     false, // a subsection of the methods
		"Very strong clustering":  false, // the discussion, in the past tense
		"Rainfall dilutes sewage": true,  // a fact in the discussion
	}
	l := NewLayout(sentences)
	for i, s := range sentences {
		for prefix, claim := range want {
			if len(s.Text) >= len(prefix) && s.Text[:len(prefix)] == prefix {
				if j := l.Judge(i, 0); j.Claim != claim {
					t.Errorf("%q: claim = %v (score %.2f %v), want %v", s.Text, j.Claim, j.Score, j.Reasons, claim)
				}
			}
		}
	}
}

// TestLayout_SummaryAndModelHeadingsOfAPaper checks the parts that a PLOS
// paper's headings open: "Author Summary" before the introduction is its
// abstract, "Summary" after it closes the discussion (not a second
// abstract), and a heading that names only the model ("Model", as PLOS
// Computational Biology papers title their methods) opens the authors' own
// part, subsections and all, where it used to read as the discussion
// going on.
func TestLayout_SummaryAndModelHeadingsOfAPaper(t *testing.T) {
	sentences := sentencesOf(
		"# Author Summary",
		"Networks become evolvable in a changing environment.",
		"# Introduction",
		"Gene regulatory networks have been studied extensively.",
		"# Results",
		"The networks evolved to both targets.",
		"# Discussion",
		"In gene expression dynamics noise is an important player.",
		"# Summary",
		"We have shown that networks become evolvable.",
		"# Model",
		"# Network",
		"The fitness of an individual is based on the Hamming distance.",
		"# Simulations",
		"Each run lasted 600,000 time steps.",
	)
	l := NewLayout(sentences)
	for i, want := range map[int]part{1: partAbstract, 3: partIntro, 5: partOwn, 7: partDiscussion, 9: partDiscussion,
		12: partOwn, 14: partOwn} {
		if l.parts[i] != want {
			t.Errorf("%q: part %d, want %d", sentences[i].Text, l.parts[i], want)
		}
	}
	// Only a heading that names the model alone: "Model predictions" may
	// be a result, and "Role models" is no paper's model.
	if !modelHeading("The Model") || modelHeading("Model predictions") || modelHeading("Role models and mentors") {
		t.Error("modelHeading: want only a heading that names the model alone")
	}
}

// TestLayout_RelatedWorkSubsectionsStayIntroduction checks that a run-in
// heading under a review of earlier work does not start the paper's body.
func TestLayout_RelatedWorkSubsectionsStayIntroduction(t *testing.T) {
	sentences := sentencesOf(
		"# Introduction",
		"Transformers dominate language modelling.",
		"# Related work",
		"# Recurrent networks.",
		"Many variants reduce the quadratic cost of attention.",
		"# Results",
		"The hybrid model matched the Transformer on all three benchmarks.",
	)
	l := NewLayout(sentences)
	if j := l.Judge(4, 0); !j.Claim {
		t.Errorf("%q under a run-in heading of related work: score %.2f %v, want a claim", sentences[4].Text, j.Score, j.Reasons)
	}
	if j := l.Judge(6, 0); j.Claim {
		t.Errorf("%q in the results: score %.2f %v, want no claim", sentences[6].Text, j.Score, j.Reasons)
	}
}

// TestLayout_NoticeParagraph checks that the sentences after "Correction:"
// in its paragraph belong to the notice, and the next paragraph does not.
func TestLayout_NoticeParagraph(t *testing.T) {
	sentences := sentencesOf(
		"Correction: An earlier version of this story misstated the age of the youngest patient.",
		"The patient is 11 months old, not 11 years.",
		"",
		"The patient, 11 months old, was admitted to the county hospital on Friday.",
	)
	l := NewLayout(sentences)
	if j := l.Judge(1, 0); j.Claim || !hasReason(j.Reasons, "update or correction notice") {
		t.Errorf("sentence after the correction: claim %v %v, want the notice", j.Claim, j.Reasons)
	}
	if j := l.Judge(2, 0); !j.Claim {
		t.Errorf("next paragraph: score %.2f %v, want a claim", j.Score, j.Reasons)
	}
	// A version note opened by "Amended on" holds the sentences after it
	// as "Correction:" does.
	amended := NewLayout(sentencesOf(
		"Amended on 28 February to correct the name of the lane.",
		"The lane is Mill Lane, not Mill Road, and it closed in 2019.",
	))
	if j := amended.Judge(1, 0); j.Claim || !hasReason(j.Reasons, "update or correction notice") {
		t.Errorf("sentence after the amendment note: claim %v %v, want the notice", j.Claim, j.Reasons)
	}
}

// TestLayout_ArticleIsNoPaper checks that an explainer with a "Methods"
// heading alone is not read as a paper: its sentences keep their own
// judgement.
func TestLayout_ArticleIsNoPaper(t *testing.T) {
	sentences := sentencesOf(
		"# How it works",
		"The test measures haemoglobin and ferritin, a protein that stores iron.",
		"# What the research says",
		"Iron supplements were given to 200 blood donors in a 2015 trial.",
	)
	l := NewLayout(sentences)
	for _, i := range []int{1, 3} {
		if j := l.Judge(i, 0); !j.Claim {
			t.Errorf("%q: score %.2f %v, want a claim", sentences[i].Text, j.Score, j.Reasons)
		}
	}
}

// TestJudge_PlainFacts checks that a flat statement about a named subject
// is a claim without any cue word, quoting its subject, and that the same
// shape with a vague subject, an argument's opening or the writer's feeling
// is not.
func TestJudge_PlainFacts(t *testing.T) {
	runJudgeCases(t, []judgeCase{
		{"ShortFact", "Insulin levels fall during a fast.", "", true, "states a fact about 'Insulin levels'"},
		{"PastFact", "His arithmetic was laborious and full of errors.", "", true, "states a fact about 'His arithmetic'"},
		{"NegatedFact", "Becker's herd has not been infected.", "", true, "states a fact about"},
		{"PlacedInTime", "In 1969, half of American children walked to school.", "", true, ""},
		{"AsideInSubject", "Clinicians, however, tend to distrust scores they cannot inspect.", "", true, ""},
		{"WritersFeeling", "Sadly their reasoning is, so far, inscrutable.", "", false, "opinion 'Sadly'"},
		{"ArgumentOpening", "On balance, though, the approach feels baroque.", "", false, ""},
		{"VagueSubject", "Nobody will march about it.", "", false, ""},
		{"Summing", "The research offers some answers, if not all of them.", "", false, ""},
		{"Conclusion", "Readmission has therefore become both a quality measure and a financial concern.", "", false, ""},
		{"Forecast", "Many people will still need medicine.", "", false, ""},
		{"Metaphor", "Intermittent fasting is a tool, not a miracle.", "", false, "opinion"},
		{"LabelThenOrder", "The 16:8 method: fast for 16 hours and eat within an 8-hour window.", corpus.KindListItem, false,
			"imperative advice 'fast'"},
	})
}

// The subject a plain fact is about is quoted whole, never cut inside a
// parenthesis.
func TestPlainFact_SubjectStopsBeforeAParenthesis(t *testing.T) {
	j := Judge("Paracetamol (acetaminophen) has long been the first pill many people reach for.", corpus.KindSentence, 0.5)
	for _, r := range j.Reasons {
		if strings.Contains(r, "states a fact about") && r != "states a fact about 'Paracetamol'" {
			t.Errorf("reason %q", r)
		}
	}
}

// A plural noun a verb list also knows is the subject's noun when a past
// verb follows: "Sugary drinks raised…" is about "Sugary drinks".
func TestPlainFact_PluralNounBeforeAPastVerb(t *testing.T) {
	j := Judge("Sugary drinks raised the risk of type 2 diabetes in a large cohort of adults.", corpus.KindSentence, 0.5)
	found := false
	for _, r := range j.Reasons {
		if strings.Contains(r, "states a fact about") {
			found = true
			if r != "states a fact about 'Sugary drinks'" {
				t.Errorf("reason %q", r)
			}
		}
	}
	if !found {
		t.Errorf("no plain-fact reason: %v", j.Reasons)
	}
}

// TestLayout_StructuredPaperIsAPaper: a paper laid out as medicine's
// structured papers are (Background, Methods, Results, Discussion), with
// no Introduction and no Abstract heading (a LaTeX abstract has none), is
// read as a paper, its methods as its own work; "Background" with a
// discussion alone, as an explainer may have, is not.
func TestLayout_StructuredPaperIsAPaper(t *testing.T) {
	for _, tc := range []struct {
		name     string
		headings []string
		paper    bool
	}{
		{"background, methods, results, discussion", []string{"Background", "Methods", "Results", "Discussion"}, true},
		{"background and method", []string{"Background", "Method"}, true},
		{"introduction and discussion", []string{"Introduction", "Discussion"}, true},
		{"background and discussion", []string{"Background", "Discussion"}, false},
		{"methods alone", []string{"Methods"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var lines []string
			for _, h := range tc.headings {
				lines = append(lines, "# "+h, "Each of the 24 sessions will be divided into four segments of twelve minutes.", "")
			}
			if l := NewLayout(sentencesOf(lines...)); l.paper != tc.paper {
				t.Errorf("read as a paper: %v, want %v", l.paper, tc.paper)
			}
		})
	}
}

// TestPlainFact_PluralOrVerbAfterABareNoun: "falls" and "harms" are plural
// nouns or verbs; after a singular noun no determiner opens they are the
// verb, so the sentence is a plain fact, not a fragment; before another
// verb ("The study results were…") the word stays a noun.
func TestPlainFact_PluralOrVerbAfterABareNoun(t *testing.T) {
	for text, subject := range map[string]string{
		"Enjoyment falls sharply in the secondary years.": "Enjoyment",
		"Second-hand smoke harms children's lungs.":       "Second-hand smoke",
	} {
		j := Judge(text, corpus.KindSentence, 0.5)
		reasons := strings.Join(j.Reasons, "; ")
		if strings.Contains(reasons, "no verb") || !strings.Contains(reasons, "states a fact about '"+subject+"'") {
			t.Errorf("Judge(%q) reasons %q, want a plain fact about %q and a verb", text, reasons, subject)
		}
	}
	var s scan
	s.clean("The study results were mixed across the three sites.")
	var buf [64]token
	s.toks = tokenize(s.low, s.orig, buf[:0])
	if s.isVerb(2) {
		t.Errorf("%q: %q taken for a verb before %q", s.orig, s.word(2), s.word(3))
	}
}

// TestOwnSection_DesignHeadsAPapersMethodsOnly: "Design" and "Sample size"
// head the authors' own methods in a paper, and nothing in an article that
// is no paper; "Outcomes" does in any article, and so does a plain-words
// heading of what "we" did or found.
func TestOwnSection_DesignHeadsAPapersMethodsOnly(t *testing.T) {
	for _, tc := range []struct {
		section string
		paper   bool
		own     bool
	}{
		{"Design", true, true},
		{"Sample size", true, true},
		{"Design", false, false},
		{"Sample size", false, false},
		{"Outcomes", false, true},
		{"Design ideas", true, false},
		{"What we did", false, true},
		{"What did we find?", true, true},
		{"How we measured noise", true, true},
		{"What it means", true, false},
		{"What we know about sleep and the teenage brain so far", false, false},
	} {
		var s scan
		s.ownSection(tc.section, tc.paper)
		if s.fired[fOwnSection] != tc.own {
			t.Errorf("%q in a paper %v: own section %v, want %v", tc.section, tc.paper, s.fired[fOwnSection], tc.own)
		}
	}
}

// TestLayout_FootnoteHoldingAReferenceIsNoClaim: a page that sets its
// references as footnotes gives the reader entries it splits into
// sentences, and the title alone reads as a statement; a footnote that
// holds a reference entry is no claim, whole, while a footnote of prose
// is judged as any sentence is.
func TestLayout_FootnoteHoldingAReferenceIsNoClaim(t *testing.T) {
	note := func(text string, para int) corpus.Sentence {
		return corpus.Sentence{Text: text, Kind: corpus.KindFootnote, Paragraph: para}
	}
	sentences := []corpus.Sentence{
		{Text: "Adults need at least seven hours of sleep a night.", Kind: corpus.KindSentence, Paragraph: 1},
		{Text: "Most people get less than that on weekdays.", Kind: corpus.KindSentence, Paragraph: 1},
		note("Cappuccio FP, et al.", 2),
		note("Sleep duration and all-cause mortality: a systematic review and meta-analysis of prospective studies.", 2),
		note("Sleep. 2010;33(5):585-592.", 2),
		note("Shift workers in the survey slept 40 minutes less than day workers.", 3),
	}
	l := NewLayout(sentences)
	for i := 2; i <= 4; i++ {
		j := l.Judge(i, 0)
		if j.Claim || j.Score > refNoteScore || !strings.Contains(strings.Join(j.Reasons, "; "), "reference entry") {
			t.Errorf("%q: claim %v, score %.2f, reasons %v; want no claim, a reference entry", sentences[i].Text, j.Claim, j.Score, j.Reasons)
		}
	}
	if l.inRefNote(5) {
		t.Errorf("%q: a footnote of prose taken for a reference entry", sentences[5].Text)
	}
}

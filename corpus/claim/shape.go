package claim

import "strings"

// The shape of a sentence, for the learned model only: cues that carry over
// from one article to another because they are about how a sentence is put,
// not what it is about. None is a reason an editor reads; each is a word or
// two at a fixed place, so that it costs a pass over the tokens at most.

// Shape inputs, offsets from inShape.
const (
	sModal       = iota // may, might, could, would, can: a possibility, not a fact
	sNegation           // not, no, never, n't
	sGeneric            // opens with a generic subject: "People", "We", "Nobody", "Most of us"
	sOpener             // opens with a connective: "But", "Still", "So", "Of course"
	sStudyCue           // names one study: "a 2019 trial", "one review", "In a study"
	sPast               // a verb in the past tense: was, were, had, found, rose
	sPronoun            // opens with a pronoun or a demonstrative: "It", "They", "This", "Such"
	sWhether            // opens with "whether", "how", "why", "what": an embedded question
	sGap                // says what is unknown: "not known", "unclear", "has not been tested", "is needed"
	sAnswer             // opens with "yes" or "no": the answer to a question
	sCited              // the writer cited the sentence (SetCited)
	sPrevCited          // the sentence before is cited
	sNextCited          // the sentence after is cited
	sParaCited          // another sentence of the paragraph is cited
	sCiteShare          // the share of the article's sentences that are cited
	sNoCites            // the article cites nothing as written
	sAfterQ             // the sentence before asks a question
	sLastPara           // in the last paragraph before a heading
	sLoneUncited        // neither it nor its paragraph cites, in an article that cites
	sPaperGap           // both, in a paper's introduction: the authors' gap and aim
	numShape
)

var (
	genericOpen = set("people", "we", "nobody", "everyone", "everybody", "anyone", "someone", "many", "most", "few", "us")
	openerWords = set("but", "still", "yet", "so", "and", "even", "of", "then", "however", "instead", "partly", "perhaps",
		"probably", "after", "now")
	pronounOpen = set("it", "they", "this", "that", "these", "those", "such", "he", "she", "there", "its", "their")
	whetherOpen = set("whether", "how", "why", "what", "which", "who")
	gapPhrases  = []string{"not known", "unknown", "unclear", "less clear", "less certain", "not clear", "not been tested",
		"not been studied", "is needed", "are needed", "little is known", "few studies", "no good", "remains to",
		"open question", "not been shown"}
)

// The words shapeInputs looks for in every token, as bits of one table: one
// look-up a token rather than one a list, since every sentence of every
// checked article passes through here.
const (
	wModal  = 1 << iota // may, might, could, would, can
	wNeg                // not, no, never
	wPast               // was, were, had, found
	wStudy              // study, trial, review
	wDeterm             // a, one, another: before a study noun, it names one study
	wGapKey             // a word of one of gapPhrases: only then are they looked for
)

var shapeWords = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(bit uint8, words ...string) {
		for _, w := range words {
			m[w] |= bit
		}
	}
	add(wModal, "may", "might", "could", "would", "can", "cannot", "can't", "couldn't", "wouldn't")
	add(wNeg, "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without")
	add(wPast, "was", "were", "had", "did", "found", "showed", "rose", "fell", "grew", "took", "led", "began", "became",
		"saw", "gave", "made")
	add(wStudy, "study", "trial", "review", "meta-analysis", "analysis", "survey", "experiment", "cohort", "studies",
		"trials", "paper", "report")
	add(wDeterm, "a", "an", "one", "another", "the", "in", "latest", "largest", "recent")
	add(wGapKey, "known", "unknown", "unclear", "clear", "certain", "tested", "studied", "needed", "few", "good",
		"remains", "question", "shown")
	return m
}()

// shapeInputs emits the shape of the sentence and what ctx says of its
// neighbours' citations, and returns whether it has a verb in the past
// tense (roleInputs reads it).
func (s *scan) shapeInputs(ctx context, base int, emit func(int, float64)) bool {
	on := func(i int, b bool) {
		if b {
			emit(base+i, 1)
		}
	}
	var modal, neg, past, study, gapKey bool
	for i, t := range s.toks {
		w := s.tw(t)
		bits := shapeWords[w]
		modal = modal || bits&wModal != 0
		neg = neg || bits&wNeg != 0 || strings.HasSuffix(w, "n't")
		past = past || bits&wPast != 0 || i > 0 && len(w) > 4 && strings.HasSuffix(w, "ed") && !t.cap
		gapKey = gapKey || bits&wGapKey != 0
		if bits&wStudy != 0 && !study {
			for k := max(0, i-3); k < i; k++ {
				if shapeWords[s.word(k)]&wDeterm != 0 || s.toks[k].num {
					study = true
				}
			}
		}
	}
	first := s.word(0)
	on(sModal, modal)
	on(sNegation, neg)
	on(sGeneric, genericOpen[first])
	on(sOpener, openerWords[first])
	on(sStudyCue, study)
	on(sPast, past)
	on(sPronoun, pronounOpen[first])
	on(sWhether, whetherOpen[first] && !strings.HasSuffix(strings.TrimSpace(s.orig), "?"))
	gap := false
	for _, p := range gapPhrases {
		if !gapKey {
			break
		}
		if strings.Contains(s.low, p) {
			gap = true
			break
		}
	}
	on(sGap, gap)
	on(sAnswer, first == "yes" || first == "no" && len(s.toks) < 8)
	on(sCited, ctx.cited)
	on(sPrevCited, ctx.prevCited)
	on(sNextCited, ctx.nextCited)
	on(sParaCited, ctx.paraCited)
	if ctx.citeShare > 0 {
		emit(base+sCiteShare, ctx.citeShare)
	}
	on(sNoCites, ctx.citeShare == 0)
	on(sAfterQ, ctx.afterQuestion)
	on(sLastPara, ctx.lastPara)
	lone := !ctx.cited && !ctx.paraCited && ctx.citeShare > 0.1
	on(sLoneUncited, lone)
	on(sPaperGap, lone && ctx.lastPara && ctx.part == partIntro)
	return past
}

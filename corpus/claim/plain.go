package claim

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// A plain fact: many claims carry no cue word at all ("Insulin levels fall
// during a fast.", "Becker's herd has not been infected.", "His arithmetic
// was laborious."). What marks them is their shape: a subject that names
// something in the world, then a verb in the indicative, said flatly, with
// no "I", no "you", no modal guess and no evaluation.

// plainFact fires for a statement whose subject names something and whose
// verb states rather than guesses, quoting the subject.
func (s *scan) plainFact() {
	n := len(s.toks)
	// A short list item finishes the sentence that introduced the list
	// ("People who give blood often.").
	if n < 5 || s.verbs == 0 || s.kind == corpus.KindListItem && n < 7 {
		return
	}
	for _, f := range []feature{fQuestion, fExclamation, fImperative, fFirstPerson, fSecondPerson, fOpinion,
		fStrongHedge, fEvaluative, fHeading, fListIntro, fNormative, fBackRef, fTransition, fOwnWork, fLabel,
		fByline, fBio, fDisclaimer, fBoilerplate, fMarketing, fCaveat, fReference, fOwnSection, fPaperBody,
		fAbstractResult, fNotice, fCaption, fTableCell, fUnfinished, fFragment, fNoVerb, fDiscussedResult, fHedge,
		fGroupAdvice, fSiteFurniture} {
		if s.fired[f] {
			return
		}
	}
	if !s.toks[0].cap && !s.toks[0].num {
		return
	}
	// The subject runs to the first verb. An opening phrase before it
	// ("In 2019, the country…", "In France alone, nearly…") must place
	// the statement in time or in the world, with a number or a name;
	// "However, the idea…" or "On balance, though, the approach…" opens
	// an argument instead.
	subj, v := 0, -1
	// "Carefully configured NNs are shown…", "Recently published trials
	// are…": an adverb that opens the sentence qualifies the words after
	// it (a participle among them, which is no verb here) and is no part
	// of what the subject names.
	if s.openingAdverb(0) {
		subj = 1
	}
	for i := subj + 1; i < n && i < 12; i++ {
		if s.isVerb(i) {
			v = i
			break
		}
		if strings.ContainsAny(s.gap(i-1, i), ",;") {
			// "Clinicians, however, tend to…": an aside inside the
			// subject's clause.
			if (asides[s.word(i)] || asides[s.word(i-1)]) && !openers[s.word(subj)] {
				continue
			}
			if !s.placesInWorld(subj, i) {
				return
			}
			subj = i
		}
	}
	// "These drugs are given as an injection": "these" and a noun
	// name the thing the sentence before named.
	if (s.word(subj) == "these" || s.word(subj) == "those") && subj+1 < v && !discourseNouns[s.word(subj+1)] &&
		!backNouns[s.word(subj+1)] {
		subj++
	}
	if v < 1 || v == subj || vagueSubjects[s.word(subj)] || s.guess(v) || s.guess(v-1) {
		return
	}
	// "In a large trial…", "On why so many of us…": an opening phrase
	// is no subject, and a reason quoting it would name nothing.
	if openers[s.word(subj)] {
		return
	}
	// "The picture for respiratory infections is more mixed", "The
	// research offers some answers": the writer summing up, not a fact
	// about a thing.
	for i := subj; i < v; i++ {
		if s.word(i) == "of" || s.word(i) == "for" || s.word(i) == "that" || s.word(i) == "who" {
			break
		}
		if discourseNouns[s.word(i)] {
			return
		}
	}
	// "therefore", "thus": the writer's conclusion from what went before.
	// "So the magic number is a marketing slogan.": "so" first draws
	// the writer's conclusion too ("So far, …" does not).
	for i := range s.toks {
		if conclusionWords[s.word(i)] || i == 0 && s.word(0) == "so" && s.word(1) != "far" {
			return
		}
	}
	// The subject as the reason quotes it: up to three words, stopping
	// before a parenthesis ("Paracetamol (acetaminophen)" is "Paracetamol").
	end := subj
	for end < min(v-1, subj+3) && !strings.ContainsAny(s.low[s.toks[end].end:s.toks[end+1].start], "([") {
		end++
	}
	s.fireTok(fPlainFact, subj, end)
	// A short statement with a named subject is no fragment: "Insulin
	// levels fall during a fast."
	s.fired[fShort] = false
	s.fire(fDeclarative, 0, 0)
}

// conclusionWords lead from the writer's premises to the writer's
// conclusion.
var conclusionWords = set("therefore", "thus", "hence", "consequently")

// vagueSubjects, first in a sentence, name nothing a reader could look up:
// "It is…", "This means…", "Nobody will…", "Everything is online".
var vagueSubjects = set("it", "this", "that", "these", "those", "there", "here", "they", "he", "she",
	"nobody", "everyone", "everybody", "everything", "nothing", "something", "someone", "anyone", "one",
	"such", "so", "but", "and", "or", "yet", "if", "when", "what", "why", "how", "which", "who", "perhaps",
	"maybe", "still", "then", "now", "thus", "hence", "therefore", "all", "some", "another", "other",
	"each", "both", "either", "neither", "no", "not", "only", "just", "even", "also", "too", "as", "while",
	"okay", "ok", "well", "yes", "oh")

// guessModals make a statement a forecast or a guess rather than a fact.
var guessModals = set("will", "would", "might", "may", "could", "must", "shall", "should", "'ll")

// guess reports whether token i is a modal that makes the statement a
// guess or a forecast ("will": what is announced is no fact yet).
func (s *scan) guess(i int) bool {
	w := s.word(i)
	return guessModals[w]
}

// placesInWorld reports whether tokens from..to-1, an opening phrase, hold
// a number or a name after their first word: "In 1969", "By early June
// 2024", "In France alone".
func (s *scan) placesInWorld(from, to int) bool {
	for i := from; i < to; i++ {
		if s.toks[i].num || s.toks[i].mixed || i > from && s.toks[i].cap || months[s.word(i)] ||
			timeWords[s.word(i)] {
			return true
		}
	}
	return false
}

// timeWords in an opening phrase place a report in time: "That day, a fire
// destroyed…", "Last week, the council voted…".
var timeWords = set("day", "days", "week", "weeks", "month", "months", "year", "years", "yesterday", "today",
	"tonight", "morning", "afternoon", "evening", "night", "weekend", "summer", "winter", "spring", "autumn",
	"decade", "decades", "century", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// asides are set off by commas inside a clause without opening a new one.
var asides = set("however", "though", "too", "meanwhile", "moreover")

// discourseNouns as the head of a subject make it the writer's summing up.
var discourseNouns = set("picture", "research", "evidence", "story", "question", "answer", "answers", "debate",
	"idea", "point", "problem", "truth", "reality", "lesson", "message", "case", "argument", "literature")

// openers begin a phrase that comes before the subject: "On balance, …",
// "Given the strong performance, …".
var openers = set("on", "in", "at", "for", "by", "with", "from", "after", "before", "given", "despite",
	"although", "though", "while", "as", "to", "of", "under", "over", "during", "since", "because", "unlike")

// openingAdverb reports whether token i is an adverb in -ly before a word
// that is no name: "Carefully configured", "Recently published". Nouns in
// -ly ("Family members", "Italy's") are not.
func (s *scan) openingAdverb(i int) bool {
	w := s.word(i)
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !lyNouns[w] && i+1 < len(s.toks) && !s.toks[i+1].cap &&
		!s.toks[i+1].num
}

// lyNouns are words in -ly that are no adverb.
var lyNouns = set("family", "italy", "july", "supply", "assembly", "anomaly", "monopoly", "rally", "belly", "jelly",
	"holly", "bully", "butterfly", "reply", "ally", "emily", "sally", "kelly", "molly", "polly", "lily", "early",
	"only", "daily", "weekly", "monthly", "yearly", "quarterly", "elderly", "likely", "friendly", "costly", "deadly",
	"lonely", "lovely", "ugly", "holy", "silly", "curly", "oily", "hilly", "chilly", "orderly", "timely", "womanly")

package claim

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// scan holds one sentence while it is scored.
type scan struct {
	orig, low string // the sentence without markers; low in lower case, same offsets
	toks      []token
	fired     [numFeatures]bool
	quote     [numFeatures][2]int32 // what triggered each feature: offsets in orig
	verbs     int                   // tokens that are surely verbs
	kind      corpus.BlockKind
}

// fire records that feature f fired, quoting orig[start:end]. It stores
// offsets, not strings, so that the scan stays on Judge's stack.
func (s *scan) fire(f feature, start, end int) {
	if !s.fired[f] {
		s.fired[f] = true
		s.quote[f] = [2]int32{int32(start), int32(end)}
	}
}

// fireTok fires f quoting tokens i..j inclusive.
func (s *scan) fireTok(f feature, i, j int) { s.fire(f, s.toks[i].start, s.toks[j].end) }

// word returns token i in lower case, or "" outside the sentence.
func (s *scan) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.low[s.toks[i].start:s.toks[i].end]
}

// tw returns token t in lower case.
func (s *scan) tw(t token) string { return s.low[t.start:t.end] }

// run scores the sentence once clean and tokenize have prepared it.
func (s *scan) run(kind corpus.BlockKind, ctx context) {
	s.kind = kind
	switch kind {
	case corpus.KindHeading:
		s.fire(fHeading, 0, 0)
	case corpus.KindCaption:
		s.fire(fCaption, 0, 0)
	case corpus.KindTableCell:
		s.fire(fTableCell, 0, 0)
	case corpus.KindFootnote:
		s.fire(fFootnote, 0, 0)
	}
	s.punctuation()
	s.lookup()
	s.numbers()
	s.start()
	s.ownWork()
	s.ownSection(ctx.section, ctx.paper)
	s.placed(ctx)
	s.definition()
	if s.fired[fBio] {
		// "Tom Reyes is a health journalist with ten years of
		// experience": a bio's numbers and its "is a" describe the
		// writer, and state nothing to check.
		for _, f := range []feature{fStatistic, fNumber, fDate, fQuantity, fDefinition} {
			s.fired[f] = false
		}
	}
	s.framing()
	s.shape(kind)
	s.voice(ctx)
}

// punctuation reads how the sentence ends: a question, an exclamation, a
// colon that announces a list.
func (s *scan) punctuation() {
	switch lastRune(s.low) {
	case '?':
		s.fire(fQuestion, 0, 0)
	case '!':
		s.fire(fExclamation, 0, 0)
	case ':':
		s.fire(fListIntro, 0, 0)
	}
}

// lookup finds the words and phrases of the lexicon, and notes the verbs.
func (s *scan) lookup() {
	for i := range s.toks {
		w := s.word(i)
		for _, p := range phrases[w] {
			if s.matches(i, p.words) {
				s.fireTok(p.f, i, i+len(p.words)-1)
			}
		}
		if f, ok := words[w]; ok {
			s.word1(i, f)
		}
		if s.isVerb(i) {
			s.verbs++
		}
	}
}

// word1 fires the feature of a single word, unless the word's context says
// it means something else here.
func (s *scan) word1(i int, f feature) {
	w := s.word(i)
	switch f {
	case fSuperlative:
		// "First, ..." enumerates.
		if w == "first" && i == 0 {
			return
		}
	case fEfficacy, fCausal, fChange:
		// "gradient-boosted", "well-known": a verb form glued to a word
		// before it is part of an adjective.
		// No sentence opens with a verb in the third person: "Blocks
		// with more canopy" is a noun.
		if s.toks[i].joined || i == 0 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			return
		}
		// An -ing form is a verb after an auxiliary ("is reducing") or a
		// comma ("…, causing floods"); elsewhere it is mostly a noun
		// ("daylight saving") or an adjective.
		if strings.HasSuffix(w, "ing") && i > 0 && !auxiliaries[s.word(i-1)] &&
			strings.TrimSpace(s.gap(i-1, i)) != "," {
			return
		}
		if i == 0 && imperatives[w] && s.word(1) != "" && !notImperativeNext[s.word(1)] {
			return // "Reduce your salt intake" is advice, handled by start
		}
	case fQuantity:
		if w == "third" || w == "fifth" || w == "tenth" || w == "quarter" {
			// An ordinal needs "a" or "one" before it to be a proportion.
			if p := s.word(i - 1); p != "a" && p != "one" && p != "two" {
				return
			}
		}
	case fEvaluative:
		// "Plungers say they feel amazing": the feeling is the
		// speaker's, reported.
		if s.fired[fAttribution] && s.quote[fAttribution][0] < int32(s.toks[i].start) {
			return
		}
		// "makes it hard to work": what is difficult, not how the
		// writer finds something.
		if s.word(i+1) == "to" && (w == "hard" || w == "easy") {
			return
		}
		// "sensitive to light and sound": the noun; "the physics was
		// sound": the verdict.
		if w == "sound" && !auxiliaries[s.word(i-1)] {
			return
		}
		// "The first two days were miserable.", "It is worth…": an
		// evaluation as the whole predicate is the writer's opinion.
		if p := s.word(i - 1); p == "is" || p == "are" || p == "was" || p == "were" {
			s.fireTok(fOpinion, i-1, i)
		}
	case fFirstPerson, fSecondPerson:
		// Inside a quotation the words are someone else's; "teachers
		// tell me that…" reports what others say.
		if s.quoted(i) || w == "me" && (words[s.word(i-1)] == fAttribution || s.word(i-1) == "tell" || s.word(i-1) == "tells") {
			return
		}
		// "Your body makes less collagen", "your gut breaks it down":
		// anyone's body, said to the reader; the sentence is still a
		// fact about the body.
		if w == "your" && (bodyNouns[strings.TrimSuffix(s.word(i+1), "'s")] || s.word(i+1) == "age" || s.word(i+1) == "mid") {
			return
		}
	case fAttribution:
		// "Lots of plungers say…" reports what people say; "I say", "to
		// say", "some will say" is the writer arguing.
		if w == "say" && (sayNotReported[s.word(i-1)] || s.quoted(i)) {
			return
		}
	case fHistory:
		// "will be published next year" is a plan, not history.
		if p := s.word(i - 1); p == "be" && (s.word(i-2) == "will" || s.word(i-2) == "to") {
			return
		}
	}
	s.fireTok(f, i, i)
}

func (s *scan) matches(i int, words []string) bool {
	if i+len(words) > len(s.toks) {
		return false
	}
	for k, w := range words {
		if s.word(i+k) != w {
			return false
		}
	}
	return true
}

// isVerb reports whether token i is surely a verb: an auxiliary, an
// inflected form, or a base form after a subject pronoun, a modal or "to".
func (s *scan) isVerb(i int) bool {
	w := s.word(i)
	if auxiliaries[w] {
		return true
	}
	switch verbForms[w] {
	case formInflected:
		// "Sugary drinks raised the risk": a plural noun that a verb list
		// also knows ("drinks", "falls"), followed by a past-tense verb.
		if next := s.word(i + 1); strings.HasSuffix(w, "s") && (len(next) >= 4 && strings.HasSuffix(next, "ed") && !edNotVerbs[next] ||
			verbForms[next] == formInflected && !strings.HasSuffix(next, "s")) {
			return false
		}
		return true
	case formBase:
		p := s.word(i - 1)
		if baseVerbContext[p] || len(p) > 3 && strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss") {
			return true
		}
		// "Enjoyment falls sharply", "Second-hand smoke harms children's
		// lungs": a word that is a plural noun or a verb ("falls",
		// "harms") is the verb after a singular noun that no determiner
		// opens, when no verb follows it ("The study results were…").
		return strings.HasSuffix(w, "s") && i > 0 && !determiners[p] && !s.toks[i-1].num &&
			!strings.HasSuffix(p, "s") && !auxiliaries[s.word(i+1)] && verbForms[s.word(i+1)] != formInflected &&
			!strings.HasSuffix(s.word(i+1), "ed")
	}
	// "Caffeine crosses the placenta freely.": a word no list knows,
	// ending in -s between a noun that no determiner opens and a
	// determiner, is the verb.
	if verbForms[w] == formNone && i > 0 && len(w) >= 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		determiners[s.word(i+1)] && !determiners[s.word(i-1)] && !s.toks[i-1].num && !strings.HasSuffix(s.word(i-1), "s") {
		return true
	}
	return len(w) >= 6 && strings.HasSuffix(w, "ed") && !edNotVerbs[w] && !s.edAdjective(i)
}

// verbAfter reports whether an auxiliary or an inflected verb stands after
// token i.
func (s *scan) verbAfter(i int) bool {
	for k := i + 1; k < len(s.toks); k++ {
		if w := s.word(k); auxiliaries[w] || verbForms[w] == formInflected {
			return true
		}
	}
	return false
}

// edAdjective reports whether the -ed word at token i qualifies the noun
// after it: after a determiner ("a randomised trial"), or after a
// determiner and an adjective ("In a large randomised trial"). Taken for
// a verb, it made "In a large" the subject of a plain fact.
func (s *scan) edAdjective(i int) bool {
	if determiners[s.word(i-1)] {
		return true
	}
	// "People infected with the virus shed…", "Patients treated with
	// statins had…": a participle after the subject's noun, before a
	// preposition, qualifies the subject.
	// "Ravensgill flooded in 2015 and again in 2020.": before a year,
	// with no verb after it, the participle is the verb.
	if i == 1 && participlePrepositions[s.word(i+1)] {
		return !s.isYear(i+2) || s.verbAfter(i+2)
	}
	p := s.word(i - 1)
	return determiners[s.word(i-2)] && (adjectiveLike[p] || adjectiveEnding(p))
}

// participlePrepositions follow a participle that qualifies a noun.
var participlePrepositions = set("with", "by", "to", "in", "from", "at", "for", "on", "after", "during")

// determiners open a noun phrase.
var determiners = set("a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
	"my", "your", "each", "every", "some", "any", "no")

// adjectiveLike are common adjectives without a telling ending.
var adjectiveLike = set("large", "small", "big", "new", "recent", "single", "double", "previous", "few", "long",
	"short", "old", "young", "major", "first", "second", "third", "well", "poorly", "carefully", "widely")

// adjectiveEnding reports whether w ends as adjectives and adverbs do.
func adjectiveEnding(w string) bool {
	for _, e := range []string{"al", "ble", "ous", "ive", "ic", "ful", "ent", "ant", "ly", "ary"} {
		if len(w) > len(e)+2 && strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// shape scores what the sentence looks like as a whole: its length, whether
// it has a verb, whether it is a plain statement about the world.
func (s *scan) shape(kind corpus.BlockKind) {
	n := len(s.toks)
	switch {
	case n < 4:
		s.fire(fFragment, 0, 0)
	case n < 6:
		s.fire(fShort, 0, 0)
	}
	item := kind == corpus.KindListItem || kind == corpus.KindCaption || kind == corpus.KindTableCell
	// The verb lists are short: a long sentence without a known verb most
	// likely has one the lists miss; a short one or an item is a fragment.
	if s.verbs == 0 && n > 0 && (n < 10 || item) {
		s.fire(fNoVerb, 0, 0)
	}
	// An item without a full stop, or one that starts in lower case, is a
	// piece of the sentence that introduced the list.
	if item && n > 0 && (!strings.ContainsRune(".!?", lastRune(s.low)) || !s.toks[0].cap && !s.toks[0].num) {
		s.fire(fUnfinished, 0, 0)
	}
	// A plain statement: long enough, with a verb, not a question, an order
	// or the writer speaking of or to someone.
	hasVerb := s.verbs > 0 || n >= 10 && !item
	if n >= 7 && hasVerb && !s.fired[fQuestion] && !s.fired[fImperative] && !s.fired[fFirstPerson] &&
		!s.fired[fSecondPerson] && !s.fired[fOpinion] && !s.fired[fHeading] {
		s.fire(fDeclarative, 0, 0)
	}
	s.entity()
	s.plainFact()
}

// entity finds a proper name inside the sentence and quotes all of it
// ("Recurrent Neural Networks", "Food and Drug Administration" as far as
// the capitals go). A capital that only opens the sentence, a clause after
// a colon or a quotation, or a run that began at the sentence's start
// ("Vitamin D") is no evidence of a name; nor are "I", months, single
// letters and the words that point at figures.
func (s *scan) entity() {
	n := len(s.toks)
	for i := 1; i < n; i++ {
		t := s.toks[i]
		if !t.cap || t.num || s.toks[i-1].cap && !s.toks[i-1].num {
			continue
		}
		w := s.tw(t)
		before := strings.TrimRight(s.low[:t.start], " ")
		if len(w) < 2 || months[w] || weekdays[strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "s")] || crossRefWords[w] || strings.HasSuffix(before, "\"") ||
			strings.HasSuffix(before, ":") || strings.HasSuffix(before, ".") {
			continue
		}
		j := i
		for j+1 < n && s.toks[j+1].cap && !s.toks[j+1].num && s.gap(j, j+1) == " " {
			j++
		}
		s.fireTok(fEntity, i, j)
		return
	}
}

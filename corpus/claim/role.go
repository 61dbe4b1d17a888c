package claim

import "strings"

// The role of a sentence among its neighbours, for the learned model only:
// cues that carried over to articles by other writers in leave-one-set-out
// cross-validation, where the words themselves did not. A short sentence
// before a longer, cited one that takes up its words announces that
// sentence ("The LEAP trial then tested the idea directly."): the source is
// the next sentence's, and the claim is there. A quotation that opens the
// sentence or speaks in the first person is a pull quote or a testimonial.
// A past-tense sentence about a person, in an article told in the first
// person or mostly in the past tense, is the writer's story, not a fact to
// check. A sentence that talks of the evidence without a number ("Overall,
// the evidence is promising but thin.") is a verdict on it or a pointer to
// it more often than a finding.

// Role inputs, offsets from inRole.
const (
	rAnnounce     = iota // uncited, shorter than the cited sentence after it, and shares a content word with it
	rShortBefore         // uncited, under twelve words, before a cited sentence at least half as long again
	rThenBefore          // says "then" or "next", before a cited sentence
	rQuoteOpen           // opens with a quotation mark
	rQuotedSelf          // a first-person word inside a quotation
	rStory               // past tense in an article told in the first person
	rStoryPerson         // past tense with a person or a pronoun as subject: "She kept", "It was"
	rStoryShare          // past tense, weighted by the share of the article's sentences in the past tense
	rEvidenceTalk        // speaks of the evidence without a number: a verdict on it or a pointer to it
	numRole
)

// storySubjects open the sentences of a story told about people and things.
var storySubjects = set("i", "we", "he", "she", "it", "they", "my", "our", "his", "her", "their", "ours", "mine")

// selfWords speak in the first person.
var selfWords = set("i", "i'm", "i've", "i'd", "my", "me", "mine", "we", "we're", "our", "us")

// commonLong are words of five letters or more that say nothing of what two
// sentences share.
var commonLong = set("about", "after", "again", "other", "their", "there", "these", "those", "which", "while",
	"would", "could", "should", "being", "still", "where", "people")

// roleInputs emits the role of the sentence; past is whether shapeInputs
// found a verb in the past tense.
func (s *scan) roleInputs(ctx context, past bool, emit func(int, float64)) {
	on := func(i int, b bool) {
		if b {
			emit(inRole+i, 1)
		}
	}
	n := len(s.toks)
	if ctx.nextCited && !ctx.cited {
		shares := false
		then := false
		for _, t := range s.toks {
			w := s.tw(t)
			then = then || w == "then" || w == "next"
			if shares || t.num || len(w) < 5 || commonLong[w] {
				continue
			}
			// A stem of six letters matches "tested" to "tests" and
			// "children" to "child-" words alike.
			shares = strings.Contains(ctx.nextLow, w[:min(len(w), 6)])
		}
		longer := ctx.nextWords*2 >= n*3
		on(rAnnounce, shares && longer)
		on(rShortBefore, n < 12 && longer)
		on(rThenBefore, then)
	}
	trimmed := strings.TrimLeft(s.low, " ")
	on(rQuoteOpen, strings.HasPrefix(trimmed, "\""))
	self := false
	for i := range s.toks {
		if selfWords[s.word(i)] && s.quoted(i) {
			self = true
			break
		}
	}
	on(rQuotedSelf, self)
	on(rStory, past && (ctx.personal || ctx.density > 0.15))
	on(rStoryPerson, past && storySubjects[s.word(0)])
	if past && ctx.pastShare > 0 {
		emit(inRole+rStoryShare, ctx.pastShare)
	}
	evidence, number := false, false
	for _, t := range s.toks {
		evidence = evidence || evidenceWords[s.tw(t)]
		number = number || t.num
	}
	on(rEvidenceTalk, evidence && !number)
}

// evidenceWords name the evidence itself.
var evidenceWords = set("evidence", "research", "studies", "study", "trial", "trials", "benefit", "results", "data")

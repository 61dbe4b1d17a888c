package claim

import "strings"

// The authors' own work: what a paper's authors did, plan and think needs
// no source beyond the paper itself ("We trained the model on…", "Our model
// is modestly better…", "This article suggests…"), while the same words in
// the general voice ("the salt we eat") do.

// ownWork fires when the authors speak of their own work: "we" as the
// subject of a clause, "our" before a word for the work, or the paper
// naming itself ("this article", "the present study").
func (s *scan) ownWork() {
	for i := range s.toks {
		w := s.word(i)
		switch w {
		case "we":
			// "we trained", "we extracted": a past verb after "we" is the
			// authors' act even without a clause boundary before it; "the
			// salt we eat" is everyone's.
			next := s.word(i + 1)
			acted := verbForms[next] == formInflected && !strings.HasSuffix(next, "s") ||
				len(next) > 4 && strings.HasSuffix(next, "ed")
			if s.quoted(i) || !s.clauseStart(i) && !acted {
				continue
			}
			s.fireTok(fOwnWork, i, min(i+1, len(s.toks)-1))
			return
		case "our":
			if s.quoted(i) || !ownWorkNouns[s.word(i+1)] {
				continue
			}
			s.fireTok(fOwnWork, i, i+1)
			return
		case "this", "the":
			// "The corpus is not well balanced…": first in a sentence, the
			// corpus or the dataset is the one the text itself works on.
			if i == 0 && ownDataNouns[s.word(1)] {
				s.fireTok(fOwnWork, 0, 1)
				return
			}
			// "this article", "the present study", "the author"; not
			// "the review", which is someone else's.
			k := i + 1
			if w == "the" && (s.word(k) == "present" || s.word(k) == "current") {
				k++
			} else if w == "the" && s.word(k) != "author" {
				continue
			}
			if selfNames[s.word(k)] {
				s.fireTok(fOwnWork, i, k)
				return
			}
		}
	}
}

// ownDataNouns name, after a sentence's first "The" or "This", the data the
// text itself works on.
var ownDataNouns = set("corpus", "dataset", "datasets")

// clauseStart reports whether token i opens a clause: first in the
// sentence, after a comma or a semicolon, or after a word that leads into
// the subject ("Here we", "In Section 3 we", "and we").
func (s *scan) clauseStart(i int) bool {
	if i == 0 {
		return true
	}
	g := strings.TrimSpace(s.gap(i-1, i))
	if g == "," || g == ";" || g == ":" || g == "(" {
		return true
	}
	return beforeSubject[s.word(i-1)] || s.toks[i-1].num && numberNames[s.word(i-2)]
}

// quoted reports whether token i is inside a quotation: the words are then
// someone else's.
func (s *scan) quoted(i int) bool { return strings.Count(s.low[:s.toks[i].start], "\"")%2 == 1 }

// ownSection fires for a sentence under a heading of a paper's own
// methods, results or acknowledgements: there, an uncited statement reports
// what the authors did or found.
// In a paper, a "Design", "Sample size" or "Setting" heading is its own
// methods too (a protocol's "Design" section plans the trial); in a shop's
// page or an essay such a heading is about something else.
func (s *scan) ownSection(section string, paper bool) {
	if ownHeading(section) || paper && headingOf(section, paperOwnWords) {
		s.fire(fOwnSection, 0, 0)
	}
}

// ownHeading reports whether a heading names a paper's own methods or
// results. Every word of the heading must belong to such a heading, so that
// "Mining the soil, and the data" in a feature is no methods section.
// A plain-words heading in the first person plural names them too: "What
// we did", "What we found", "How did we do it?".
func ownHeading(section string) bool {
	return headingOf(section, ownSectionWords) || weDidHeading(section)
}

// institutionWords name the place an author works in an affiliation.
var institutionWords = set("school", "department", "faculty", "institute", "university", "college", "centre",
	"center", "division", "unit", "service", "hospital", "laboratory", "trust", "clinic")

// ownDoings are the verbs of a plain-words heading of the authors' own
// methods or results, after "we".
var ownDoings = set("did", "do", "found", "find", "measured", "asked", "tested", "learned", "learnt", "looked",
	"studied", "counted", "compared")

// weDidHeading reports whether a short heading says what "we" did or found:
// "we" and then one of ownDoings, in six words at most.
func weDidHeading(section string) bool {
	words := strings.FieldsFunc(strings.ToLower(section), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	})
	if len(words) > 6 {
		return false
	}
	for i, w := range words {
		if w != "we" {
			continue
		}
		for _, v := range words[i+1:] {
			if ownDoings[v] {
				return true
			}
		}
	}
	return false
}

// headingOf reports whether every word of a heading is one of own or of
// sectionFillers, and one at least of own.
func headingOf(section string, own map[string]bool) bool {
	found := false
	for _, w := range strings.FieldsFunc(strings.ToLower(section), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	}) {
		switch {
		case own[w]:
			found = true
		case !sectionFillers[w]:
			return false
		}
	}
	return found
}

// ownWorkNouns after "our" name the authors' work rather than what everyone
// shares ("our model", not "our body clocks").
var ownWorkNouns = set("model", "models", "study", "studies", "method", "methods", "approach", "results",
	"result", "findings", "data", "dataset", "analysis", "analyses", "estimates", "estimate", "contributions",
	"contribution", "experiments", "experiment", "code", "work", "paper", "sample", "corpus", "system",
	"implementation", "evaluation", "survey", "team", "aim", "goal", "hypothesis", "framework", "design")

// selfNames after "this" or "the present" are the paper or article naming
// itself.
var selfNames = set("article", "paper", "work", "study", "chapter", "thesis", "report", "guide", "post",
	"review", "essay", "explainer", "piece", "author", "protocol", "leaflet", "booklet", "factsheet", "handout",
	"page", "newsletter", "column", "episode")

// beforeSubject are words after which "we" is the subject of the clause.
var beforeSubject = set("here", "now", "then", "first", "next", "finally", "also", "so", "and", "but",
	"thus", "therefore", "below", "above", "section", "chapter", "paper", "article", "work", "study", "today",
	"instead", "again", "hence", "together", "if", "when", "as", "that", "where")

// ownSectionWords in a heading mark a paper's own methods and results.
var ownSectionWords = set("method", "methods", "methodology", "materials", "results", "experiment",
	"experiments", "experimental", "evaluation", "setup", "implementation", "acknowledgements",
	"acknowledgments", "acknowledgement", "procedure", "procedures", "data", "hypotheses", "measures",
	"outcomes", "randomisation", "randomization", "simulation", "simulations")

// paperOwnWords name a paper's own methods only in a paper.
var paperOwnWords = set("design", "sample", "setting")

// sectionFillers may stand in such a heading beside those words: "Data and
// methods", "Materials and Methods", "Experimental setup".
var sectionFillers = set("and", "the", "of", "our", "study", "analysis", "statistical", "design", "participants",
	"patients", "sources", "collection", "training", "model", "models", "corpus", "overview", "size", "primary",
	"secondary")

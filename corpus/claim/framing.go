package claim

import "strings"

// How the writer frames a statement: the same plain words are a fact to
// check, the writer's verdict on the evidence ("Research on mood is still
// limited."), advice to a group ("Adults over 40 should…"), or a piece of
// page furniture strung with separators ("2200 Harbor Blvd · Costa Mesa").

// framing fires the features of the writer's framing.
func (s *scan) framing() {
	s.evidenceVerdict()
	s.groupAdvice()
	s.furniture()
	s.pointer()
}

// pointer fires advice for a sentence that sends the reader to a resource:
// "Parents can find the full policy on the district's website", "Readers
// can check their address on the council's online map".
func (s *scan) pointer() {
	at := -1
	for i := 1; i+1 < len(s.toks); i++ {
		if s.word(i) != "can" {
			continue
		}
		// "Questions can be sent to…", "Sightings can be logged…".
		if v := s.word(i + 1); pointerVerbs[v] || v == "be" && sentVerbs[s.word(i+2)] {
			at = i
			break
		}
	}
	if at < 0 {
		return
	}
	for i := at + 2; i < len(s.toks); i++ {
		if resourceNouns[s.word(i)] {
			s.fireTok(fAdvice, at, at+1)
			return
		}
	}
	// An e-mail or web address is a resource too.
	if strings.Contains(s.low[s.toks[at].end:], "@") || strings.Contains(s.low[s.toks[at].end:], "www.") {
		s.fireTok(fAdvice, at, at+1)
	}
}

// pointerVerbs after "can" send the reader somewhere.
var pointerVerbs = set("find", "check", "read", "download", "view", "see", "visit", "search", "call", "email",
	"contact", "book", "order", "sign", "report", "follow", "log", "register", "apply", "submit", "send", "watch",
	"listen", "track", "donate", "comment", "phone", "ring", "text")

// sentVerbs after "can be" send something the reader has to someone.
var sentVerbs = set("sent", "emailed", "reported", "logged", "submitted", "made", "posted", "registered", "raised")

// resourceNouns name where the reader is sent.
var resourceNouns = set("website", "site", "online", "page", "map", "portal", "app", "helpline", "hotline",
	"webpage", "web", "pdf", "form", "email", "freephone", "phone")

// evidenceVerdict fires a caveat for a sentence whose subject is the
// evidence and whose predicate judges it: "Research on mood is still
// limited.", "The studies are small", "Results have been mixed". That is
// the writer weighing the evidence, not a fact about the world.
func (s *scan) evidenceVerdict() {
	n := len(s.toks)
	subj := -1
	// "When researchers finally looked, the picture was more modest":
	// the subject may follow an opening clause.
	for i := 0; i < n && i < 8; i++ {
		if evidenceNouns[s.word(i)] {
			subj = i
			break
		}
	}
	// "The review concluded that the evidence was weak": a verdict
	// someone reached, reported.
	if subj < 0 || s.fired[fFinding] || s.fired[fAttribution] {
		return
	}
	for i := subj + 1; i < n && i < subj+8; i++ {
		if !auxiliaries[s.word(i)] && s.word(i) != "remains" && s.word(i) != "remain" {
			continue
		}
		k := i + 1
		for k < n && (degreeWords[s.word(k)] || s.word(k) == "been") {
			k++
		}
		if verdictWords[s.word(k)] {
			s.fireTok(fCaveat, subj, k)
		}
		return
	}
}

// evidenceNouns name the evidence as the subject of a verdict on it.
var evidenceNouns = set("research", "evidence", "studies", "study", "results", "findings", "data", "trials",
	"literature", "picture")

// verdictWords judge the evidence.
var verdictWords = set("limited", "mixed", "small", "scarce", "thin", "weak", "inconclusive", "sparse",
	"lacking", "patchy", "conflicting", "preliminary", "unclear", "modest", "poor")

// degreeWords stand between a verb and its complement without changing it.
var degreeWords = set("still", "very", "more", "less", "even", "rather", "quite", "largely", "fairly", "so", "far", "too", "also", "often",
	"generally", "mostly", "pretty", "somewhat", "relatively", "surprisingly")

// groupAdvice fires for "should" or "must" whose subject names a group of
// people: "Adults over 40 should have their blood pressure measured",
// "People with heart disease should not…". Such a sentence advises its
// readers whatever numbers it holds.
func (s *scan) groupAdvice() {
	// "Adults should sleep seven hours, according to…": the advice of
	// someone named, which is a claim.
	if s.fired[fAttribution] {
		return
	}
	// "People who are seriously ill or have a weakened immune system
	// should…": the group may take a dozen words to name.
	for i := 1; i < len(s.toks) && i < 16; i++ {
		w := s.word(i)
		if w != "should" && w != "must" && w != "shouldn't" && !(w == "ought" && s.word(i+1) == "to") {
			continue
		}
		if s.quoted(i) {
			return
		}
		for k := 0; k < i; k++ {
			if peopleNouns[s.word(k)] {
				s.fireTok(fGroupAdvice, k, i)
				return
			}
		}
		return
	}
}

// peopleNouns name a group of readers.
var peopleNouns = set("people", "adults", "children", "kids", "teenagers", "patients", "everyone", "anyone",
	"women", "men", "parents", "readers", "athletes", "users", "babies", "seniors", "smokers", "drivers",
	"travellers", "travelers", "runners", "beginners", "residents", "pregnant", "listeners", "members", "customers",
	"visitors", "viewers", "owners", "callers", "passengers", "tenants", "households")

// furniture fires for a line of page furniture: pieces strung with "·",
// "|" or ticks and no verb, such as an address, a link bar or a price line, or
// with verbs when every piece is short ("£8.49 · Kills lice and eggs · Add
// to basket", "Released 9 November 2023 · 38 minutes"): prose strings no
// clauses of a few words with separators.
// A landing page's ticks ("✔ 60 seconds ✔ No obligation ✔ Accredited
// installers only") string pieces the same way, the first tick opening the
// line.
func (s *scan) furniture() {
	low := s.low
	if strings.HasPrefix(low, "✔ ") || strings.HasPrefix(low, "✓ ") {
		low = " " + low
	}
	found := false
	for _, sep := range furnitureSeparators {
		if strings.Contains(low, sep) {
			found = true
			break
		}
	}
	if !found || s.verbs > 0 && !shortPieces(low) {
		return
	}
	s.fire(fSiteFurniture, 0, 0)
}

// furnitureSeparators string the pieces of a line of page furniture.
var furnitureSeparators = []string{" · ", " | ", " ✔ ", " ✓ "}

// separatorAt returns the length of the separator text starts with, or 0.
func separatorAt(text string) int {
	for _, sep := range furnitureSeparators {
		if strings.HasPrefix(text, sep) {
			return len(sep)
		}
	}
	return 0
}

// furniturePiece is the most words a piece of a furniture line with verbs
// has: "Hosted by Jonah Pettersen-Abara and Ruth Ilunga" is seven.
const furniturePiece = 7

// shortPieces reports whether every piece of text between
// furnitureSeparators has at most furniturePiece words. It walks the text in place.
func shortPieces(text string) bool {
	words, inWord := 0, false
	for i := 0; i < len(text); i++ {
		if sep := separatorAt(text[i:]); sep > 0 {
			words, inWord = 0, false
			i += sep - 1
			continue
		}
		if text[i] == ' ' {
			inWord = false
			continue
		}
		if !inWord {
			inWord = true
			if words++; words > furniturePiece {
				return false
			}
		}
	}
	return true
}

// voice fires for a plain statement in a first-person essay that carries
// nothing a source would back: no figure, date, finding, study, speaker,
// name, comparison or generalisation, and nothing told in the past tense
// (an essay's facts are mostly its history: "Darwin walked it daily").
func (s *scan) voice(ctx context) {
	if !ctx.personal || !s.fired[fDeclarative] || s.pastTense() >= 0 {
		return
	}
	for _, f := range []feature{fStatistic, fNumber, fDate, fQuantity, fFinding, fResearch, fAttribution, fHistory,
		fEntity, fSuperlative, fGeneral, fComparison} {
		if s.fired[f] {
			return
		}
	}
	s.fire(fPersonalVoice, 0, 0)
}

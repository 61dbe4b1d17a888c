package resolve

import (
	"fmt"
	"strings"
)

// Match is how a list entry or a citation was tied to a library reference.
// The zero Match (Key "") means nothing was found.
type Match struct {
	Key        string  `json:"key"`
	By         string  `json:"by"`         // "doi", "pmid", "pmcid", "arxiv", "isbn", "url", "title", "author-year"
	Confidence float64 `json:"confidence"` // 0..1
	// Weak is set for a match below the firm threshold: a candidate to
	// show the editor, never to take as the cited work without a look.
	Weak bool   `json:"weak,omitempty"`
	Why  string `json:"why"` // "title 0.93 similar, first author and year agree"
}

// Mismatch is an entry whose identifier belongs to a library reference
// with a different title or first author: the signature of a fabricated or
// garbled reference.
type Mismatch struct {
	Key  string `json:"key"`  // the library reference the identifier belongs to
	ID   string `json:"id"`   // "doi:10.…"
	Want string `json:"want"` // what the entry says: title / first author
	Have string `json:"have"` // what the library reference says
}

// Thresholds of the title route, calibrated on testdata/entries.tsv (see
// TestMatchEntry_Fixtures) and the deep-review list (TestDeepReview_*):
// correct firm title matches score 0.93 or more, correct matches of
// truncated titles or far-off years 0.72 to 0.75, and on deep-review's
// run-together layout correct matches go down to 0.56; the best wrong
// candidate ever ranked first scores 0.545 ("Dropout as a Bayesian
// approximation…" for "Uncertainty in deep learning", same author and
// year). A wrong runner-up can score firm (0.85, Goodfellow's "Deep
// Learning" behind LeCun's "Deep learning" for an entry naming Bengio
// first), hence ambiguityMargin.
const (
	// firmThreshold is the confidence from which a match is firm.
	firmThreshold = 0.80
	// weakFloor is the confidence below which a candidate is dropped.
	weakFloor = 0.55
	// idConfidence is the confidence of an identifier match whose title
	// and first author do not contradict it.
	idConfidence = 0.99
	// titleBadBelow is the title similarity under which an identifier's
	// reference is taken to be another work (with containment below
	// containBadBelow, for entries whose title was not cleanly read).
	titleBadBelow   = 0.5
	containBadBelow = 0.7
	// ambiguityMargin is how far a firm match must lead a firm runner-up
	// to stay firm.
	ambiguityMargin = 0.05
	// maxScored bounds the candidates scored per entry.
	maxScored = 48
)

// query is one entry prepared for matching.
type query struct {
	e        *entry
	title    []string
	main     []string
	words    []string // every content word of the entry, built on demand
	wordSet  map[string]struct{}
	first    nameKey
	hasFirst bool
}

func newQuery(e *entry) *query {
	q := &query{e: e, title: titleWords(e.Title), main: mainTitle(e.Title)}
	if len(e.Authors) > 0 {
		q.first, q.hasFirst = surnameKey(e.Authors[0]), true
	}
	return q
}

// containment returns the share of want's words found anywhere in the
// entry, with the word equality of softDice. It gives up with 0 as soon as
// the share cannot reach need: most candidates are far from it, and the
// one-edit comparisons are the cost.
func (q *query) containment(want []string, need float64) float64 {
	words := q.entryWords()
	if len(want) == 0 || len(words) == 0 {
		return 0
	}
	if q.wordSet == nil {
		q.wordSet = make(map[string]struct{}, len(words))
		for _, w := range words {
			q.wordSet[w] = struct{}{}
		}
	}
	var buf [16]string
	missing := buf[:0]
	m := 0
	for _, w := range want {
		if _, ok := q.wordSet[w]; ok {
			m++
		} else if len(w) >= 5 {
			missing = append(missing, w)
		}
	}
	if float64(m+len(missing)) < need*float64(len(want)) {
		return 0
	}
	for _, w := range missing {
		for _, x := range words {
			if len(x) >= 5 && (x[0] == w[0] || x[len(x)-1] == w[len(w)-1]) && within1(w, x) {
				m++
				break
			}
		}
	}
	return float64(m) / float64(len(want))
}

func (q *query) entryWords() []string {
	if q.words == nil {
		q.words = titleWords(q.e.text)
		if q.words == nil {
			q.words = []string{}
		}
	}
	return q.words
}

// MatchEntry ties one reference-list entry to a library reference.
//
// An identifier in the entry (DOI, PMID, PMCID, arXiv, then ISBN and URL)
// decides first, with confidence 0.99, when the title and first author of
// the reference it names do not contradict the entry. When they do, the
// identifier is reported as a Mismatch: with both title and first author
// different the identifier is set aside and the entry matched by title as
// if it had none; with only the title different the identifier's
// reference is returned weak (0.6); with only the first author different
// the match stands (0.9, or weak 0.7 for a title only moderately similar).
// ISBNs and URLs, which chapters and pages of one site share, never make a
// Mismatch: a title that disagrees only sets them aside.
//
// The title route compares title words (see softDice) and weighs in the
// first author and the year; it tolerates abbreviated journals, initials,
// reordered or missing fields, HTML leftovers and small typos. A candidate
// at or above firmThreshold is firm, one between weakFloor and
// firmThreshold is returned with Weak set, and below that the zero Match
// is returned.
func (l *Library) MatchEntry(text string) (Match, *Mismatch) {
	e := parseEntry(text)
	return l.matchEntry(&e)
}

func (l *Library) matchEntry(e *entry) (Match, *Mismatch) {
	q := newQuery(e)
	var mm *Mismatch
	for _, h := range l.idHits(e) {
		m, bad, ok := l.checkID(q, h)
		if bad != nil && mm == nil {
			mm = bad
		}
		if ok {
			return m, mm
		}
	}
	return l.matchTitle(q), mm
}

// idHit is a library reference named by one of the entry's identifiers.
type idHit struct {
	by, id string
	idx    int32
}

func (l *Library) idHits(e *entry) []idHit {
	var hits []idHit
	add := func(by, id string, i int32) {
		if i < 0 {
			return
		}
		for _, h := range hits {
			if h.idx == i {
				return
			}
		}
		hits = append(hits, idHit{by: by, id: by + ":" + id, idx: i})
	}
	ids := e.IDs
	add("doi", ids.DOI, l.lookupDOI(ids.DOI))
	add("pmid", ids.PMID, l.lookup(FieldPMID, ids.PMID))
	add("pmcid", ids.PMCID, l.lookup(FieldPMCID, ids.PMCID))
	add("arxiv", ids.ArXiv, l.lookupArXiv(ids.ArXiv))
	add("isbn", ids.ISBN, l.lookup(FieldISBN, ids.ISBN))
	for _, u := range e.urls {
		add("url", u, l.lookupURL(u))
	}
	return hits
}

// checkID judges the reference an identifier names against what the entry
// says. ok reports a match to return; bad, a contradiction to report.
func (l *Library) checkID(q *query, h idHit) (m Match, bad *Mismatch, ok bool) {
	ref, r := l.at(h.idx)
	strong := h.by != "isbn" && h.by != "url"
	ts, titleKnown := 0.0, len(q.title) > 0
	titleBad := false
	if titleKnown && len(r.title) > 0 {
		ts = titleSim(q, r)
		titleBad = ts < titleBadBelow && q.containment(r.title, containBadBelow) < containBadBelow
	}
	a := authorAgreement(q, r)
	m = Match{Key: ref.Key, By: h.by, Confidence: idConfidence}
	var notes []string
	switch {
	case !titleKnown || len(r.title) == 0:
		notes = append(notes, "title not compared")
	case titleBad:
		notes = append(notes, fmt.Sprintf("title only %.2f similar", ts))
	default:
		notes = append(notes, fmt.Sprintf("title %.2f similar", ts))
	}
	notes = append(notes, a.describe(q, r))
	m.Why = h.id + " in the library; " + strings.Join(notes, ", ")

	if !strong {
		if titleBad {
			return Match{}, nil, false
		}
		m.Confidence = 0.95
		if a == authorDisagrees {
			m.Confidence, m.Weak = 0.7, true
		}
		return m, nil, true
	}
	mismatch := func(title, author bool) *Mismatch {
		mm := &Mismatch{Key: ref.Key, ID: h.id}
		var want, have []string
		if title {
			want = append(want, fmt.Sprintf("title %q", q.e.Title))
			have = append(have, fmt.Sprintf("title %q", ref.Title))
		}
		if author || title {
			if q.hasFirst {
				want = append(want, "first author "+q.first.display)
			}
			if r.n > 0 {
				have = append(have, "first author "+r.first.display)
			}
		}
		mm.Want, mm.Have = strings.Join(want, "; "), strings.Join(have, "; ")
		return mm
	}
	switch {
	case titleBad && a == authorAgrees:
		m.Confidence, m.Weak = 0.6, true
		return m, mismatch(true, false), true
	case titleBad:
		return Match{}, mismatch(true, true), false
	case a == authorDisagrees:
		if ts >= firmThreshold || !titleKnown {
			m.Confidence = 0.9
		} else {
			m.Confidence, m.Weak = 0.7, true
		}
		return m, mismatch(false, true), true
	}
	return m, nil, true
}

// authorVerdict compares an entry's first author with a reference's.
type authorVerdict int

const (
	authorUnknown   authorVerdict = iota // either side has no authors
	authorAgrees                         // same first author (particles, typos and acronyms allowed)
	authorListed                         // the entry's first author is a later author of the reference
	authorDisagrees                      // not among the reference's authors
)

func authorAgreement(q *query, r *refInfo) authorVerdict {
	if !q.hasFirst || r.n == 0 {
		return authorUnknown
	}
	if matchName(q.first, r.first) != nameNo {
		return authorAgrees
	}
	if r.first.given != "" && q.first.full == r.first.given {
		// The entry's parse took a given name for the surname.
		return authorUnknown
	}
	for _, a := range r.keys()[1:min(r.n, 12)] {
		if matchName(q.first, a) >= nameParticle {
			return authorListed
		}
	}
	return authorDisagrees
}

func (v authorVerdict) describe(q *query, r *refInfo) string {
	switch v {
	case authorAgrees:
		return "first author agrees"
	case authorListed:
		return fmt.Sprintf("%s is a later author, not the first", q.first.display)
	case authorDisagrees:
		return fmt.Sprintf("first author %s, library has %s", q.first.display, r.first.display)
	}
	return "first author not compared"
}

// titleSim compares the entry's title with a reference's, allowing either
// side to lack the other's subtitle (at a small cost).
func titleSim(q *query, r *refInfo) float64 {
	s := softDice(q.title, r.title)
	if s >= 0.95 {
		return s
	}
	if r.main != nil {
		s = max(s, 0.95*softDice(q.title, r.main))
	}
	if q.main != nil {
		s = max(s, 0.95*softDice(q.main, r.title))
	}
	return s
}

// matchTitle is the route without identifiers: candidates from the title
// index and the first author, scored on title, first author and year.
func (l *Library) matchTitle(q *query) Match {
	var best, second int32 = -1, -1
	bestScore, secondScore := 0.0, 0.0
	var bestFacts scoreFacts
	for _, i := range l.candidates(q) {
		s, f := l.score(q, i)
		if s > bestScore+1e-9 || s > bestScore-1e-9 && best >= 0 && l.inf(i).year == q.e.Year && l.inf(best).year != q.e.Year {
			second, secondScore = best, bestScore
			best, bestScore, bestFacts = i, s, f
		} else if s > secondScore {
			second, secondScore = i, s
		}
	}
	if best < 0 || bestScore < weakFloor {
		return Match{}
	}
	m := Match{
		Key:        l.key(best),
		By:         "title",
		Confidence: round2(bestScore),
		Weak:       bestScore < firmThreshold,
		Why:        l.explain(q, best, bestFacts),
	}
	if second >= 0 && secondScore >= firmThreshold && bestScore-secondScore < ambiguityMargin {
		// Two firm candidates this close are for the editor to tell
		// apart (a preprint and its journal version, two editions).
		m.Weak = true
		m.Why += fmt.Sprintf("; %s scores %.2f too", l.key(second), secondScore)
	}
	return m
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// score rates one candidate. The title similarity is the base; a first
// author that agrees adds 0.12 and a year that agrees 0.05, but only for a
// title at least half similar and not twice as long as the reference's (a
// shared author and year alone do not make two works one). A first author not among the reference's authors
// multiplies by 0.6; a year one off costs 0.03, further off 0.10 to 0.25.
// A title of one or two words identifies little: without an agreeing
// first author it counts 0.85 of its similarity.
func (l *Library) score(q *query, i int32) (float64, scoreFacts) {
	r := l.inf(i)
	f := scoreFacts{how: "title"}
	if len(q.title) > 0 {
		f.ts = titleSim(q, r)
	}
	f.a = authorAgreement(q, r)
	if len(r.title) >= 3 && f.ts < 0.8 && (f.a == authorAgrees || len(q.title) == 0 || len(r.title) >= 4) {
		// The entry's title may have been misread (run into the
		// journal, cut short, or not found): all of the reference's
		// title words elsewhere in the entry is evidence too. Not when
		// they are all inside the entry's own title: that is a longer
		// title, another work ("Dropout as a Bayesian approximation:
		// representing model uncertainty in deep learning" is not
		// "Uncertainty in deep learning").
		if c := q.containment(r.title, 0.9); c >= 0.9 && 0.85*c > f.ts && containment(r.title, q.title) < 0.9 {
			f.ts, f.how = 0.85*c, "title words"
		}
	}
	// Authors shorten titles; they do not add words to them. A title of
	// twice the words that contains the reference's is a more specific
	// work, and a shared author and year must not lift it.
	bonus := f.ts >= 0.5 && !(f.how == "title" && f.ts < 0.8 && len(q.title) >= 2*len(r.title))
	ts := f.ts
	if len(r.title) <= 2 && f.a != authorAgrees {
		ts *= 0.85
	}
	conf := ts
	switch f.a {
	case authorAgrees:
		if bonus {
			conf += 0.12
		}
	case authorListed:
		if bonus {
			conf += 0.03
		}
	case authorDisagrees:
		conf *= 0.6
	}
	conf = min(conf, 1)
	if y := q.e.Year; y != 0 && r.year != 0 {
		switch d := abs(y - r.year); {
		case d == 0:
			if bonus {
				conf += 0.05
			}
		case d == 1:
			conf -= 0.03
		default:
			conf -= min(0.10+0.02*float64(d-2), 0.25)
		}
	}
	return min(max(conf, 0), 1), f
}

// scoreFacts is what score found, for explain.
type scoreFacts struct {
	ts  float64       // title similarity (or word containment, scaled)
	how string        // "title" or "title words"
	a   authorVerdict // first author
}

// explain says why a candidate scored as it did: "title 0.93 similar,
// first author and year agree".
func (l *Library) explain(q *query, i int32, f scoreFacts) string {
	r := l.inf(i)
	yearNote := "year not compared"
	if y := q.e.Year; y != 0 && r.year != 0 {
		if y == r.year {
			yearNote = "year agrees"
		} else {
			yearNote = fmt.Sprintf("year %d, library has %d", y, r.year)
		}
	}
	notes := f.a.describe(q, r) + ", " + yearNote
	if f.a == authorAgrees && yearNote == "year agrees" {
		notes = "first author and year agree"
	}
	if f.how == "title words" {
		return fmt.Sprintf("all title words in the entry (%.2f), %s", f.ts/0.85, notes)
	}
	return fmt.Sprintf("title %.2f similar, %s", f.ts, notes)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

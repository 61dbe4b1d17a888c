package resolve

import (
	"fmt"
	"slices"
	"strings"
	"sync"
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
// TestMatchEntry_Fixtures): every correct title match there scores 0.84 or
// more, every wrong candidate 0.66 or less.
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
// entry, with the word equality of softDice.
func (q *query) containment(want []string) float64 {
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
	m := 0
	for _, w := range want {
		if _, ok := q.wordSet[w]; ok {
			m++
			continue
		}
		if len(w) < 5 {
			continue
		}
		for _, x := range words {
			if len(x) >= 5 && within1(w, x) {
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

// MatchEntry ties one reference-list entry to a library reference. An
// identifier in the entry decides first (confidence 0.99) unless the
// reference it names has another title and first author: the identifier is
// then reported as a Mismatch and the entry is matched by title instead.
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

// MatchParsed is MatchEntry for an entry already read with ParseEntry.
func (l *Library) MatchParsed(p Parsed) (Match, *Mismatch) {
	e := entry{Parsed: p, text: strings.Join(append([]string{p.Title}, p.Venue), " ")}
	if p.IDs.URL != "" {
		e.urls = []string{p.IDs.URL}
	}
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
	idx    int
}

func (l *Library) idHits(e *entry) []idHit {
	var hits []idHit
	add := func(by, id string, i int) {
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
	add("pmid", ids.PMID, lookup(l.byPMID, ids.PMID))
	add("pmcid", ids.PMCID, lookup(l.byPMCID, ids.PMCID))
	add("arxiv", ids.ArXiv, l.lookupArXiv(ids.ArXiv))
	add("isbn", ids.ISBN, lookup(l.byISBN, ids.ISBN))
	for _, u := range e.urls {
		add("url", u, l.lookupURL(u))
	}
	return hits
}

// checkID judges the reference an identifier names against what the entry
// says. ok reports a match to return; bad, a contradiction to report.
func (l *Library) checkID(q *query, h idHit) (m Match, bad *Mismatch, ok bool) {
	r := &l.info[h.idx]
	ref := l.refs[h.idx]
	strong := h.by != "isbn" && h.by != "url"
	ts, titleKnown := 0.0, len(q.title) > 0
	titleBad := false
	if titleKnown && len(r.title) > 0 {
		ts = titleSim(q, r)
		titleBad = ts < titleBadBelow && q.containment(r.title) < containBadBelow
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
	best, bestScore := -1, 0.0
	var bestFacts scoreFacts
	for _, i := range l.candidates(q) {
		s, f := l.score(q, int(i))
		if s > bestScore+1e-9 || s > bestScore-1e-9 && best >= 0 && l.info[i].year == q.e.Year && l.info[best].year != q.e.Year {
			best, bestScore, bestFacts = int(i), s, f
		}
	}
	if best < 0 || bestScore < weakFloor {
		return Match{}
	}
	return Match{
		Key:        l.refs[best].Key,
		By:         "title",
		Confidence: round2(bestScore),
		Weak:       bestScore < firmThreshold,
		Why:        l.explain(q, best, bestFacts),
	}
}

func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }

// candidates returns the references worth scoring: those with the same
// title, those sharing the rarest title words, and those with the same
// first author and year. It never scans the library: it reads the
// posting lists of the rarest words first and stops after six lists, or
// once a list is common (a tenth of the library) and two have been read.
func (l *Library) candidates(q *query) []int32 {
	words := q.title
	if len(words) == 0 {
		words = q.entryWords()
	}
	c := countPool.Get().(*counter)
	defer c.release()
	c.reset(len(l.refs))
	if len(q.title) > 0 {
		for _, i := range l.byTitle[strings.Join(q.title, " ")] {
			c.add(i, 100)
		}
	}
	var lists [][]int32
	for j, w := range words {
		if indexOf(words[:j], w) >= 0 {
			continue
		}
		if list := l.postings[w]; len(list) > 0 {
			lists = append(lists, list)
		}
	}
	slices.SortFunc(lists, func(a, b []int32) int { return len(a) - len(b) })
	common := max(64, len(l.refs)/10)
	for k, list := range lists {
		if k >= 6 || k >= 2 && len(list) > common {
			break
		}
		if len(list) > common {
			if len(c.touched) > 0 {
				// A common word only adds to the candidates the
				// rarer words found, so that "deep" does not
				// bring in a tenth of the library.
				for _, i := range list {
					if c.n[i] > 0 {
						c.n[i]++
					}
				}
				continue
			}
			// A title of common words only: a bounded share.
			list = list[:common]
		}
		for _, i := range list {
			c.add(i, 1)
		}
	}
	if q.hasFirst {
		for _, k := range []string{q.first.full, q.first.bare} {
			for _, i := range l.byFirst[k] {
				if q.e.Year == 0 || l.info[i].year == q.e.Year {
					c.add(i, 2)
				}
			}
			if q.first.bare == q.first.full {
				break
			}
		}
	}
	out := slices.Clone(c.touched)
	slices.SortFunc(out, func(a, b int32) int {
		if na, nb := c.n[a], c.n[b]; na != nb {
			return int(nb) - int(na)
		}
		return int(a - b)
	})
	if len(out) > maxScored {
		out = out[:maxScored]
	}
	return out
}

// counter counts, per reference, the evidence that makes it a candidate.
// A slice indexed by reference beats a map by a wide margin; the pool
// keeps one per goroutine in use, cleared through the list of references
// it touched.
type counter struct {
	n       []uint16
	touched []int32
}

var countPool = sync.Pool{New: func() any { return new(counter) }}

func (c *counter) reset(size int) {
	if len(c.n) < size {
		c.n = make([]uint16, size)
		c.touched = c.touched[:0]
	}
}

func (c *counter) add(i int32, d uint16) {
	if c.n[i] == 0 {
		c.touched = append(c.touched, i)
	}
	c.n[i] += d
}

func (c *counter) release() {
	for _, i := range c.touched {
		c.n[i] = 0
	}
	c.touched = c.touched[:0]
	countPool.Put(c)
}

// score rates one candidate. The title similarity is the base; a first
// author that agrees adds 0.12 and a year that agrees 0.05, but only for a
// title at least half similar and not twice as long as the reference's (a
// shared author and year alone do not make two works one). A first author not among the reference's authors
// multiplies by 0.6; a year one off costs 0.03, further off 0.10 to 0.25.
// A title of one or two words identifies little: without an agreeing
// first author it counts 0.85 of its similarity.
func (l *Library) score(q *query, i int) (float64, scoreFacts) {
	r := &l.info[i]
	f := scoreFacts{how: "title"}
	if len(q.title) > 0 {
		f.ts = titleSim(q, r)
	}
	f.a = authorAgreement(q, r)
	if len(r.title) >= 3 && f.ts < 0.8 && (f.a == authorAgrees || len(q.title) == 0 || len(r.title) >= 4) &&
		containment(r.title, q.title) < 0.9 {
		// The entry's title may have been misread (run into the
		// journal, cut short, or not found): all of the reference's
		// title words elsewhere in the entry is evidence too. Not when
		// they are all inside the entry's own title: that is a longer
		// title, another work ("Dropout as a Bayesian approximation:
		// representing model uncertainty in deep learning" is not
		// "Uncertainty in deep learning").
		if c := q.containment(r.title); c >= 0.9 && 0.85*c > f.ts {
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
func (l *Library) explain(q *query, i int, f scoreFacts) string {
	r := &l.info[i]
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

package evidence

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// Thresholds decide the verdicts from the share of a claim's weighted
// content words a passage has (its coverage, corpus.Evidence.Score).
type Thresholds struct {
	// Supports: the best passage covers at least this much of the claim.
	Supports float64
	// Related: the best passage covers at least this much, or the whole
	// work (every passage and the title together) at least WorkRelated.
	Related, WorkRelated float64
	// Contradicts: a passage must cover at least this much before its
	// opposite direction or other number counts: a passage on something
	// else that says "decreased" contradicts nothing.
	Contradicts float64
}

// DefaultThresholds were chosen on the tuning pairs (measure_test.go:
// the rule-based tuning half and 52 claims written by hand for tuning)
// and checked on the held-out half and two hand-written held-out sets;
// see docs/evidence.md for the figures. Supports was 0.6, tuned on the
// rule-based pairs alone, whose claims keep most of their source's words;
// claims written in other words cover 0.35–0.6 of a passage that states
// them.
var DefaultThresholds = Thresholds{Supports: 0.4, Related: 0.2, WorkRelated: 0.35, Contradicts: 0.4}

// BM25's parameters, the usual ones (Robertson; Lucene's defaults).
const (
	bm25K1 = 1.2
	bm25B  = 0.75
	// idfPrior is a number of imaginary sentences that have none of the
	// claim's words, added to the pool of cited works' sentences when a
	// word's weight for coverage is reckoned: with one cited work of ten
	// sentences, a word in all ten would otherwise weigh nothing, though it
	// is the topic the claim and the work share.
	idfPrior = 100
	// rerank is how many passages, best by BM25, compete on coverage.
	rerank = 3
	// prefixCredit is what a word earns that matches only by a stem's
	// prefix ("reduc" and "reduct").
	prefixCredit = 0.5
)

// genericWords are stems that scientific prose uses whatever its topic:
// they count for half.
var genericWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`study studies result results patient patients effect effects associated
		association significant significantly analysis data group groups found showed show shows report reported
		evidence suggest suggests role level levels based method methods compared include including case cases
		however observed present increase increased decrease decreased higher lower may can among total number
		model models approach new first years year time rate rates`) {
		m[stem(w)] = true
	}
	return m
}()

// Judge reads what the cited works say about the claims that cite them.
// Build one per check over the works the article cites; its methods are
// safe for use by several goroutines once built.
type Judge struct {
	T     Thresholds
	works map[string]*work
	df    map[string]int // stem -> passages of the pool that have it
	n     int            // passages in the pool
	avg   float64        // their mean length in words
}

type work struct {
	Text
	passages []passageTerms
	all      map[string]bool // every stem of the work, title included
	pop      population
}

type passageTerms struct {
	toks []token
	tf   map[string]int
}

// New makes a judge over the texts of the cited works.
func New(texts []Text) *Judge {
	j := &Judge{T: DefaultThresholds, works: make(map[string]*work, len(texts)), df: map[string]int{}}
	words := 0
	for _, t := range texts {
		w := &work{Text: t, all: map[string]bool{}}
		var full strings.Builder
		for _, tok := range tokens(t.Title) {
			w.all[tok.stem] = true
		}
		for _, p := range t.Passages {
			pt := passageTerms{toks: tokens(p.Text), tf: map[string]int{}}
			for _, tok := range pt.toks {
				if pt.tf[tok.stem] == 0 {
					j.df[tok.stem]++
				}
				pt.tf[tok.stem]++
				w.all[tok.stem] = true
			}
			words += len(pt.toks)
			w.passages = append(w.passages, pt)
			full.WriteString(p.Text)
			full.WriteString(" ")
		}
		j.n += len(t.Passages)
		w.pop = readWords(full.String()).pop
		j.works[t.Key] = w
	}
	if j.n > 0 {
		j.avg = float64(words) / float64(j.n)
	}
	return j
}

// NewFromRefs reads the text of each reference (ReadText with open) and
// makes a judge over them; problems name the attached files that could
// not be read.
func NewFromRefs(refs []*corpus.Reference, open Opener) (j *Judge, problems []string) {
	texts := make([]Text, 0, len(refs))
	for _, r := range refs {
		t := ReadText(r, open)
		for _, p := range t.Problems {
			problems = append(problems, r.Key+": "+p)
		}
		texts = append(texts, t)
	}
	return New(texts), problems
}

// Design returns the study design of the work key, "" when unknown.
func (j *Judge) Design(key string) string {
	if w := j.works[key]; w != nil {
		return w.Design
	}
	return ""
}

// claimTerm is one distinct content word of a claim.
type claimTerm struct {
	stem    string
	surface string
	weight  float64
}

func (j *Judge) claimTerms(claim string) []claimTerm {
	var out []claimTerm
	seen := map[string]bool{}
	for _, t := range tokens(claim) {
		if seen[t.stem] {
			continue
		}
		seen[t.stem] = true
		w := math.Log(1 + (float64(j.n+idfPrior)-float64(j.df[t.stem])+0.5)/(float64(j.df[t.stem])+0.5))
		if genericWords[t.stem] {
			w /= 2
		}
		out = append(out, claimTerm{stem: t.stem, surface: claim[t.start:t.end], weight: w})
	}
	return out
}

// idf is BM25's weight of a stem over the pool of passages.
func (j *Judge) idf(stem string) float64 {
	df := float64(j.df[stem])
	return math.Log(1 + (float64(j.n)-df+0.5)/(df+0.5))
}

// bm25 scores one passage for the claim's terms.
func (j *Judge) bm25(terms []claimTerm, p *passageTerms) float64 {
	var s float64
	dl := float64(len(p.toks))
	for _, t := range terms {
		tf := float64(p.tf[t.stem])
		if tf == 0 {
			continue
		}
		s += j.idf(t.stem) * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*dl/max(j.avg, 1)))
	}
	return s
}

// credit is what a claim term earns in a set of stems: 1 for the stem,
// prefixCredit for another form of the word.
func credit(t claimTerm, has func(string) bool, stems func(func(string) bool) bool) float64 {
	if has(t.stem) {
		return 1
	}
	if len(t.stem) < 5 {
		return 0
	}
	if stems(func(s string) bool { return prefixMatch(t.stem, s) }) {
		return prefixCredit
	}
	return 0
}

// prefixMatch reports whether two stems of at least five letters are forms
// of one word by their shared start: all but the last letter of the
// shorter, and at least five.
func prefixMatch(a, b string) bool {
	if len(b) < 5 {
		return false
	}
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 5 && n >= min(len(a), len(b))-1
}

// coverage returns the weighted share of the claim's terms the passage
// has.
func coverage(terms []claimTerm, tf map[string]int) float64 {
	var got, all float64
	has := func(s string) bool { return tf[s] > 0 }
	each := func(fn func(string) bool) bool {
		for s := range tf {
			if fn(s) {
				return true
			}
		}
		return false
	}
	for _, t := range terms {
		got += credit(t, has, each) * t.weight
		all += t.weight
	}
	if all == 0 {
		return 0
	}
	return got / all
}

// scored is a passage of the work with its scores for one claim.
type scored struct {
	i        int
	bm25     float64
	coverage float64
	pick     float64 // coverage with what agrees beside it: the passage shown is the best pick
}

// Rank returns the indexes of the work's passages best first by BM25 alone
// for claim: the plain baseline the measurement compares with.
func (j *Judge) Rank(claim, key string) []int {
	w := j.works[key]
	if w == nil {
		return nil
	}
	terms := j.claimTerms(claim)
	ranked := j.rank(terms, w)
	out := make([]int, len(ranked))
	for i, s := range ranked {
		out[i] = s.i
	}
	return out
}

// BM25 returns the BM25 score of the work's best passage for claim, the
// plain baseline's score.
func (j *Judge) BM25(claim, key string) float64 {
	w := j.works[key]
	if w == nil {
		return 0
	}
	r := j.rank(j.claimTerms(claim), w)
	if len(r) == 0 {
		return 0
	}
	return r[0].bm25
}

// Nearest returns the key of the work, of those the judge holds and skip
// does not refuse, whose best passage scores highest by BM25 for claim;
// "" when no passage shares a word with it.
func (j *Judge) Nearest(claim string, skip func(key string) bool) string {
	terms := j.claimTerms(claim)
	best, bestScore := "", 0.0
	for key, w := range j.works {
		if skip != nil && skip(key) {
			continue
		}
		for i := range w.passages {
			if s := j.bm25(terms, &w.passages[i]); s > bestScore || s == bestScore && s > 0 && key < best {
				best, bestScore = key, s
			}
		}
	}
	return best
}

func (j *Judge) rank(terms []claimTerm, w *work) []scored {
	out := make([]scored, len(w.passages))
	for i := range w.passages {
		out[i] = scored{i: i, bm25: j.bm25(terms, &w.passages[i])}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].bm25 > out[b].bm25 })
	return out
}

// Evidence judges what the work key says about claim (its citation
// markers already taken out). ok is false when the judge was not given
// the work.
func (j *Judge) Evidence(claim, key string) (ev corpus.Evidence, ok bool) {
	w := j.works[key]
	if w == nil {
		return ev, false
	}
	ev.Design = w.Design
	if len(w.Passages) == 0 {
		ev.Text, ev.Source, ev.Verdict = w.Title, corpus.SourceTitle, corpus.VerdictNoText
		ev.Why = "the library holds only the title of this work, which is no evidence either way; add its abstract (evident refs update) or attach its full text"
		return ev, true
	}
	terms := j.claimTerms(claim)
	ranked := j.rank(terms, w)
	// The passages best by BM25 compete on coverage: BM25 favours a short
	// sentence with one rare word; coverage asks how much of the claim a
	// sentence says.
	top := ranked[:min(rerank, len(ranked))]
	for i := range top {
		top[i].coverage = coverage(terms, w.passages[top[i].i].tf)
	}
	cf := readFeatures(claim)
	for i := range top {
		if top[i].coverage > 0 {
			top[i].pick = top[i].coverage + agreement(cf, readFeatures(w.Passages[top[i].i].Text))
		}
	}
	sort.SliceStable(top, func(a, b int) bool { return top[a].pick > top[b].pick })
	best := top[0]
	if best.coverage == 0 {
		best = scored{i: 0} // nothing shared: show what the work is about
	}
	p := w.Passages[best.i]
	ev.Text, ev.Source, ev.Score = p.Text, p.Source, round2(best.coverage)
	ev.Matched = matched(terms, w.passages[best.i].toks, p.Text)
	if len(top) > 1 && top[1].coverage >= j.T.Related {
		q := w.Passages[top[1].i]
		ev.More = []corpus.Passage{{Text: q.Text, Source: q.Source, Score: round2(top[1].coverage), Matched: matched(terms, w.passages[top[1].i].toks, q.Text)}}
	}
	j.verdict(&ev, cf, terms, w, top)
	return ev, true
}

// verdict decides the verdict and says why.
func (j *Judge) verdict(ev *corpus.Evidence, cf features, terms []claimTerm, w *work, top []scored) {
	src := sourceName(ev.Source)
	if len(terms) < 2 {
		ev.Verdict = corpus.VerdictRelated
		ev.Why = "the claim has too few content words to judge; read the " + src
		return
	}
	for _, s := range top {
		if s.coverage < j.T.Contradicts {
			continue
		}
		p := w.Passages[s.i]
		if why := contradiction(cf, readFeatures(p.Text), sourceName(p.Source)); why != "" {
			if s.i != top[0].i {
				ev.More = append([]corpus.Passage{{Text: ev.Text, Source: ev.Source, Score: ev.Score, Matched: ev.Matched}}, ev.More...)[:1]
				ev.Text, ev.Source, ev.Score = p.Text, p.Source, round2(s.coverage)
				ev.Matched = matched(terms, w.passages[s.i].toks, p.Text)
			}
			ev.Verdict, ev.Why = corpus.VerdictContradicts, why
			return
		}
	}
	cov := top[0].coverage
	whole := coverage(terms, stemCounts(w.all))
	switch {
	case cov >= j.T.Supports:
		if why := populationMismatch(cf.pop, w.pop); why != "" {
			ev.Verdict, ev.Why = corpus.VerdictRelated, fmt.Sprintf("the %s states much of the claim, but %s", src, why)
			return
		}
		ev.Verdict = corpus.VerdictSupports
		ev.Why = fmt.Sprintf("the %s states it (%.0f%% of the claim's weighted words: %s)", src, 100*cov, quoteWords(ev.Matched))
	case cov >= j.T.Related || whole >= j.T.WorkRelated:
		ev.Verdict = corpus.VerdictRelated
		ev.Why = fmt.Sprintf("on the claim's topic, but no passage states it; the %s lacks %s", src, quoteWords(missing(terms, w.passages[top[0].i].tf)))
	default:
		ev.Verdict = corpus.VerdictUnrelated
		if len(ev.Matched) == 0 {
			ev.Why = "the work shares no content word with the claim"
		} else {
			ev.Why = fmt.Sprintf("the work shares only %s with the claim (%.0f%% of its weighted words)", quoteWords(ev.Matched), 100*whole)
		}
	}
}

// agreementBonus is what each feature a passage shares with the claim adds
// to its coverage when the passage to show is picked: of two sentences on
// the topic, the one with the claim's number and direction states it.
const agreementBonus = 0.1

// agreement adds agreementBonus for a quantity of the claim the passage
// gives too, and for a direction they share.
func agreement(c, p features) float64 {
	var b float64
	for _, q := range c.quantities {
		for _, r := range p.quantities {
			if r.unit == q.unit && q.same(r.value) {
				b += agreementBonus
				break
			}
		}
	}
	for a := range axes {
		if c.dir[a] != 0 && p.dir[a] == c.dir[a] {
			b += agreementBonus
		}
	}
	return b
}

func stemCounts(set map[string]bool) map[string]int {
	m := make(map[string]int, len(set))
	for s := range set {
		m[s] = 1
	}
	return m
}

// contradiction says how a passage that covers the claim contradicts it,
// or "" when it does not: the opposite direction on the same axis, no
// effect where the claim states one (or the reverse), or another number
// for a quantity of the same unit.
func contradiction(c, p features, src string) string {
	for a := range axes {
		if c.dir[a] != 0 && p.dir[a] == -c.dir[a] {
			return fmt.Sprintf("the claim says '%s', the %s says '%s'", c.dirWords[a], src, p.dirWords[a])
		}
	}
	claimDir, agree := false, false
	for a := range axes {
		claimDir = claimDir || c.dir[a] != 0
		agree = agree || c.dir[a] != 0 && p.dir[a] == c.dir[a]
	}
	switch {
	case !c.null && claimDir && p.null && !agree:
		return fmt.Sprintf("the claim states an effect, the %s reports none ('%s')", src, p.nullWord)
	case c.null && !p.null && p.dir != [axes]int{}:
		for a := range axes {
			if p.dir[a] != 0 {
				return fmt.Sprintf("the claim reports no effect ('%s'), the %s says '%s'", c.nullWord, src, p.dirWords[a])
			}
		}
	}
	for _, q := range c.quantities {
		var other []string
		same := false
		for _, r := range p.quantities {
			if r.unit != q.unit {
				continue
			}
			if q.same(r.value) {
				same = true
				break
			}
			other = append(other, r.text)
		}
		if !same && len(other) > 0 {
			return fmt.Sprintf("the claim says %s, the %s says %s", q.text, src, strings.Join(other, ", "))
		}
	}
	return ""
}

// populationMismatch says how the work's population differs from the
// claim's, or "".
func populationMismatch(c, w population) string {
	switch {
	case c.humans && !c.animals && !c.cells && !w.humans && w.animals:
		return fmt.Sprintf("the work studied animals ('%s'), the claim speaks of people", w.animalWord)
	case c.humans && !c.animals && !c.cells && !w.humans && w.cells:
		return "the work studied cells, the claim speaks of people"
	case c.children && !c.adults && w.adults && !w.children:
		return fmt.Sprintf("the claim speaks of '%s', the work of adults", c.ageWord)
	case c.adults && !c.children && w.children && !w.adults:
		return fmt.Sprintf("the claim speaks of adults, the work of '%s'", w.ageWord)
	}
	return ""
}

// matched returns the words of a passage whose stems match the claim's
// terms, as the passage writes them, without repeats.
func matched(terms []claimTerm, toks []token, text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, tok := range toks {
		for _, t := range terms {
			if tok.stem == t.stem || len(t.stem) >= 5 && prefixMatch(t.stem, tok.stem) {
				w := text[tok.start:tok.end]
				if !seen[strings.ToLower(w)] {
					seen[strings.ToLower(w)] = true
					out = append(out, w)
				}
				break
			}
		}
	}
	return out
}

// missing returns the claim's terms a passage lacks, weightiest first.
func missing(terms []claimTerm, tf map[string]int) []string {
	var out []claimTerm
	for _, t := range terms {
		if tf[t.stem] == 0 {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].weight > out[b].weight })
	words := make([]string, len(out))
	for i, t := range out {
		words[i] = t.surface
	}
	return words
}

func quoteWords(ws []string) string {
	if len(ws) == 0 {
		return "no content word"
	}
	if len(ws) > 6 {
		ws = append(ws[:6:6], "…")
	}
	return "'" + strings.Join(ws, "', '") + "'"
}

func sourceName(source string) string {
	if source == corpus.SourceFullText {
		return "full text"
	}
	return source
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

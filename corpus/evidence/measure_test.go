package evidence_test

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/evidence"
	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/registry/pmc"
)

// The measurement of the evidence stage on labelled claim–source pairs
// built from real abstracts and full texts of ../shared/corpora (BibTeX
// abstracts; PubMed XML; PMC JATS full text). Pairs of six kinds are made
// by rule from each work A, so that their label is known without a judge:
//
//   - supported: a sentence of A, rewritten by rules (parentheses, hedges
//     and first-person frames dropped, common words swapped for synonyms),
//     cited to A; the right passage is that sentence;
//   - neighbour: the same claim cited to the work of A's file whose
//     passages share most with it (a neighbouring topic): related;
//   - unrelated: the same claim cited to a work of another file;
//   - flipped: a sentence of A with one direction word swapped for its
//     opposite (increased/decreased, higher/lower...), cited to A;
//   - number: a sentence of A with a number of a quantity changed, cited
//     to A;
//   - no-text: a claim cited to A with its abstract taken away.
//
// and a hand-written set (testdata/handwritten.tsv): claims written by
// hand, in other words than the source's, on works of the corpus. Pairs are
// split by work into a tuning half (thresholds were chosen on it) and a
// held-out half (reported). Each pair is judged as in a check: by a judge
// over the works of an "article" of 20 pairs.
//
// The plain BM25 baseline ranks the same passages by BM25 alone and
// decides by the top passage's BM25 score (thresholds tuned on the tuning
// half); it has no contradicts.

const corporaDir = "../../../shared/corpora"

type pair struct {
	kind    string
	claim   string
	work    *corpus.Reference
	want    corpus.Verdict
	right   string // the source sentence, for supported pairs
	heldOut bool
	// set names a hand-written set (handSets); "" for the pairs made by
	// rule.
	set string
}

// The hand-written sets: the first 28 pairs (all held out), a second
// held-out set written before the thresholds were tuned again, and a set
// to tune on.
var handSets = []struct {
	name, file string
	heldOut    bool
}{
	{"hand-written (first 28)", "handwritten.tsv", true},
	{"hand-written held-out 2", "handwritten-heldout2.tsv", true},
	{"hand-written tuning", "handwritten-tuning.tsv", false},
}

// fullTexts holds the PMC full text of the works read from apis/pmc, by
// key: the judge reads it after the abstract, as a check does with a
// cached PMC record.
var fullTexts = map[string]string{}

// textsOf reads the works as a check reads them: abstract, then the full
// text when there is one.
func textsOf(refs []*corpus.Reference) []evidence.Text {
	texts := make([]evidence.Text, len(refs))
	for i, r := range refs {
		texts[i] = evidence.ReadText(r, nil)
		if ft := fullTexts[r.Key]; ft != "" {
			texts[i].AddFullText(ft)
		}
	}
	return texts
}

// pmcWorks reads the PMC full texts of apis/pmc as works: the record
// registry/pmc makes of each, its abstract as the work's, its body in
// fullTexts. They are cited by hand-written pairs only, so that the pairs
// made by rule stay those of the abstracts.
func pmcWorks() []*corpus.Reference {
	files, _ := filepath.Glob(filepath.Join(corporaDir, "apis", "pmc", "*.nxml"))
	var out []*corpus.Reference
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		a, ok := pmc.ParseArticle(data)
		if !ok {
			continue
		}
		r := &corpus.Reference{Key: "pmc#" + filepath.Base(f), Type: "article", Title: a.Title,
			Fields: []corpus.Field{{Name: "abstract", Value: a.Abstract}}}
		r.Source.File = "pmc"
		fullTexts[r.Key] = a.FullText
		out = append(out, r)
	}
	return out
}

func loadWorks(t testing.TB) []*corpus.Reference {
	t.Helper()
	if _, err := os.Stat(corporaDir); err != nil {
		t.Skipf("shared corpora not found at %s: the evidence measurement needs them", corporaDir)
	}
	var works []*corpus.Reference
	seen := map[string]bool{}
	keep := func(file string, refs []*corpus.Reference) {
		for _, r := range refs {
			abs, ok := r.Get("abstract")
			if !ok || !english(abs) || seen[strings.ToLower(strings.TrimSpace(abs))] {
				continue
			}
			txt := evidence.ReadText(r, nil)
			if len(txt.Passages) < 3 {
				continue
			}
			seen[strings.ToLower(strings.TrimSpace(abs))] = true
			r.Source.File = file
			r.Key = file + "#" + r.Key
			works = append(works, r)
		}
	}
	err := filepath.WalkDir(filepath.Join(corporaDir, "bibtex"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".bib") {
			return err
		}
		keep(filepath.Base(path), parseFile(path))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	pubmed, _ := filepath.Glob(filepath.Join(corporaDir, "apis", "pubmed", "*.xml"))
	for _, p := range pubmed {
		keep("pubmed", parseFile(p))
	}
	return works
}

func parseFile(path string) []*corpus.Reference {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	refs, _, err := importer.Parse(context.Background(), []importer.Input{{Name: path, R: bytes.NewReader(data), Format: importer.FormatAuto}}, nil)
	if err != nil {
		return nil
	}
	return refs
}

var englishRE = regexp.MustCompile(`\b(the|of|and|in)\b`)

func english(s string) bool {
	return len(englishRE.FindAllString(strings.ToLower(s), -1)) >= 5
}

// paraphrase rewrites a sentence by rules: what a writer citing it keeps
// and drops.
var (
	parensRE   = regexp.MustCompile(`\s*[\(\[][^\)\]]{0,120}[\)\]]`)
	framesRE   = regexp.MustCompile(`(?i)^(here,? |in this (study|paper|work|article),? |we (found|show|showed|demonstrate|report|observed) that |our (results|findings|data) (show|showed|suggest|indicate) that |results:? |conclusions?:? |these (results|findings) (suggest|indicate|show) that )`)
	synonyms   = strings.NewReplacer(" patients", " people", " significantly", "", " demonstrated", " showed", " revealed", " showed", " individuals", " people", " approximately", " about", " utilized", " used", " utilize", " use", " investigated", " studied", " examined", " studied", " novel ", " new ", " subjects", " participants", " compared with", " compared to", " in order to", " to")
	directionW = func() []string {
		var ws []string
		for w := range evidence.Opposites {
			ws = append(ws, w)
		}
		sort.Strings(ws)
		return ws
	}()
	numberRE = regexp.MustCompile(`\b(\d+(?:\.\d+)?)\s?(%|percent|mg|kg|patients|participants|people|years|weeks|months|days|hours|fold|times|children|adults|women|men|subjects|cases|mice|rats|cells)\b`)
)

func paraphrase(s string) string {
	s = parensRE.ReplaceAllString(s, "")
	s = framesRE.ReplaceAllString(s, "")
	s = synonyms.Replace(" " + s)
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func flip(s string) (string, bool) {
	words := strings.Fields(s)
	for i, w := range words {
		core := strings.ToLower(strings.Trim(w, ".,;:"))
		if opp, ok := evidence.Opposites[core]; ok {
			words[i] = strings.Replace(w, strings.Trim(w, ".,;:"), opp, 1)
			return strings.Join(words, " "), true
		}
	}
	return s, false
}

func changeNumber(s string) (string, bool) {
	m := numberRE.FindStringSubmatchIndex(s)
	if m == nil {
		return s, false
	}
	v, err := strconv.ParseFloat(s[m[2]:m[3]], 64)
	if err != nil || v == 0 {
		return s, false
	}
	nv := v*1.6 + 3
	if s[m[4]:m[5]] == "%" || s[m[4]:m[5]] == "percent" {
		if nv > 100 {
			nv = v / 2
		}
	}
	repl := strconv.FormatFloat(float64(int(nv*10))/10, 'f', -1, 64)
	return s[:m[2]] + repl + s[m[3]:], true
}

func heldOut(key string) bool {
	h := fnv.New32a()
	h.Write([]byte(key))
	return h.Sum32()%2 == 1
}

// makePairs builds the labelled pairs, at most perKind of each kind.
func makePairs(works []*corpus.Reference, perKind int) []pair {
	rng := rand.New(rand.NewSource(15))
	order := rng.Perm(len(works))
	byFile := map[string][]*corpus.Reference{}
	byKey := map[string]*corpus.Reference{}
	for _, w := range works {
		byFile[w.Source.File] = append(byFile[w.Source.File], w)
		byKey[w.Key] = w
	}
	count := map[string]int{}
	judges := map[string]*evidence.Judge{}
	var out []pair
	add := func(p pair) {
		if count[p.kind] < perKind {
			count[p.kind]++
			p.heldOut = heldOut(p.work.Key)
			out = append(out, p)
		}
	}
	for _, i := range order {
		a := works[i]
		txt := evidence.ReadText(a, nil)
		// A sentence long enough to be a claim, not the first (often a
		// background sentence shared by many abstracts).
		var cands []string
		for _, p := range txt.Passages[1:] {
			if n := len(strings.Fields(p.Text)); n >= 10 && n <= 45 {
				cands = append(cands, p.Text)
			}
		}
		if len(cands) == 0 {
			continue
		}
		s := cands[rng.Intn(len(cands))]
		claim := paraphrase(s)
		ho := heldOut(a.Key)
		_ = ho
		add(pair{kind: "supported", claim: claim, work: a, want: corpus.VerdictSupports, right: s})
		fj := judges[a.Source.File]
		if fj == nil {
			fj, _ = evidence.NewFromRefs(byFile[a.Source.File], nil)
			judges[a.Source.File] = fj
		}
		if nb := neighbour(fj, a, claim, byKey); nb != nil {
			p := pair{kind: "neighbour", claim: claim, work: nb, want: corpus.VerdictRelated}
			p.heldOut = heldOut(a.Key)
			if count["neighbour"] < perKind {
				count["neighbour"]++
				out = append(out, p)
			}
		}
		if c := works[rng.Intn(len(works))]; c.Source.File != a.Source.File {
			p := pair{kind: "unrelated", claim: claim, work: c, want: corpus.VerdictUnrelated, heldOut: heldOut(a.Key)}
			if count["unrelated"] < perKind {
				count["unrelated"]++
				out = append(out, p)
			}
		}
		for _, c := range cands {
			if f, ok := flip(c); ok {
				add(pair{kind: "flipped", claim: paraphrase(f), work: a, want: corpus.VerdictContradicts})
				break
			}
		}
		for _, c := range cands {
			if f, ok := changeNumber(c); ok {
				add(pair{kind: "number", claim: paraphrase(f), work: a, want: corpus.VerdictContradicts})
				break
			}
		}
		bare := *a
		bare.Fields = nil
		bare.Key += "#bare"
		add(pair{kind: "no-text", claim: claim, work: &bare, want: corpus.VerdictNoText})
	}
	return out
}

// neighbour is the other work of the same file whose best passage shares
// most with the claim (BM25).
func neighbour(j *evidence.Judge, a *corpus.Reference, claim string, byKey map[string]*corpus.Reference) *corpus.Reference {
	return byKey[j.Nearest(claim, func(key string) bool { return key == a.Key })]
}

// result is what one method said of one pair.
type result struct {
	verdict corpus.Verdict
	text    string
}

// judgeAll judges every pair as in a check: pairs in groups of 20 (an
// article), each group's works in one judge.
func judgeAll(pairs []pair, th evidence.Thresholds) []result {
	out := make([]result, len(pairs))
	for start := 0; start < len(pairs); start += 20 {
		group := pairs[start:min(start+20, len(pairs))]
		seen := map[*corpus.Reference]bool{}
		var refs []*corpus.Reference
		for _, p := range group {
			if !seen[p.work] {
				seen[p.work] = true
				refs = append(refs, p.work)
			}
		}
		j := evidence.New(textsOf(refs))
		j.T = th
		for i, p := range group {
			ev, _ := j.Evidence(p.claim, p.work.Key)
			out[start+i] = result{ev.Verdict, ev.Text}
		}
	}
	return out
}

// baselineScores are the plain BM25 baseline's top passage and its score
// for each pair, judged in the same groups.
func baselineScores(pairs []pair) (top []string, score []float64) {
	top, score = make([]string, len(pairs)), make([]float64, len(pairs))
	for start := 0; start < len(pairs); start += 20 {
		group := pairs[start:min(start+20, len(pairs))]
		var refs []*corpus.Reference
		seen := map[*corpus.Reference]bool{}
		for _, p := range group {
			if !seen[p.work] {
				seen[p.work] = true
				refs = append(refs, p.work)
			}
		}
		j := evidence.New(textsOf(refs))
		for i, p := range group {
			txt := textsOf([]*corpus.Reference{p.work})[0]
			rank := j.Rank(p.claim, p.work.Key)
			if len(rank) > 0 {
				top[start+i] = txt.Passages[rank[0]].Text
			}
			score[start+i] = j.BM25(p.claim, p.work.Key)
		}
	}
	return top, score
}

func baselineVerdict(p pair, score, tSupports, tRelated float64) corpus.Verdict {
	if p.kind == "no-text" {
		return corpus.VerdictNoText
	}
	switch {
	case score >= tSupports:
		return corpus.VerdictSupports
	case score >= tRelated:
		return corpus.VerdictRelated
	}
	return corpus.VerdictUnrelated
}

// scores are the figures the issue asks for.
type scores struct {
	detection, falseAlarm, rightFirst, accuracy float64
	wrong, true_, supported, all                int
	neighbourSupports                           float64
	byKind                                      map[string][2]int // kind -> correct, total
}

func flagged(v corpus.Verdict) bool {
	return v == corpus.VerdictUnrelated || v == corpus.VerdictContradicts
}

func score(pairs []pair, verdicts []corpus.Verdict, texts []string, keep func(pair) bool) scores {
	var s scores
	s.byKind = map[string][2]int{}
	var detected, alarms, right, correct, nbSup, nb int
	for i, p := range pairs {
		if !keep(p) {
			continue
		}
		s.all++
		k := s.byKind[p.kind]
		k[1]++
		if verdicts[i] == p.want {
			correct++
			k[0]++
		}
		s.byKind[p.kind] = k
		switch p.kind {
		case "unrelated", "flipped", "number", "handwritten-unrelated", "handwritten-contradicts":
			s.wrong++
			if flagged(verdicts[i]) {
				detected++
			}
		case "supported", "handwritten-supports":
			s.true_++
			if flagged(verdicts[i]) {
				alarms++
			}
			if p.right != "" {
				s.supported++
				if strings.EqualFold(strings.Join(strings.Fields(texts[i]), " "), strings.Join(strings.Fields(p.right), " ")) {
					right++
				}
			}
		case "neighbour":
			nb++
			if verdicts[i] == corpus.VerdictSupports {
				nbSup++
			}
		}
	}
	div := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	s.detection, s.falseAlarm, s.rightFirst, s.accuracy = div(detected, s.wrong), div(alarms, s.true_), div(right, s.supported), div(correct, s.all)
	s.neighbourSupports = div(nbSup, nb)
	return s
}

func (s scores) String() string {
	var kinds []string
	for k, v := range s.byKind {
		kinds = append(kinds, fmt.Sprintf("%s %d/%d", k, v[0], v[1]))
	}
	sort.Strings(kinds)
	return fmt.Sprintf("wrong-citation detection %.3f (of %d), false alarms on true citations %.3f (of %d), right passage first %.3f (of %d), verdict accuracy %.3f (of %d), neighbour judged supports %.3f; correct by kind: %s",
		s.detection, s.wrong, s.falseAlarm, s.true_, s.rightFirst, s.supported, s.accuracy, s.all, s.neighbourSupports, strings.Join(kinds, ", "))
}

// Filters for score.
var (
	ruleHeldOut = func(p pair) bool { return p.set == "" && p.heldOut }
	ruleTuning  = func(p pair) bool { return p.set == "" && !p.heldOut }
	allHeldOut  = func(p pair) bool { return p.heldOut }
	allTuning   = func(p pair) bool { return !p.heldOut }
	inSet       = func(name string) func(pair) bool { return func(p pair) bool { return p.set == name } }
)

func allPairs(t testing.TB) []pair {
	works := loadWorks(t)
	pairs := makePairs(works, 600)
	cited := append(pmcWorks(), works...)
	for _, hs := range handSets {
		pairs = append(pairs, handwritten(t, cited, hs.name, hs.file, hs.heldOut)...)
	}
	t.Logf("%d works with an English abstract of 3 sentences or more; %d pairs", len(works), len(pairs))
	return pairs
}

func verdictsOf(rs []result) ([]corpus.Verdict, []string) {
	v, txt := make([]corpus.Verdict, len(rs)), make([]string, len(rs))
	for i, r := range rs {
		v[i], txt[i] = r.verdict, r.text
	}
	return v, txt
}

// tuneBaseline picks the baseline's two thresholds on the tuning half:
// the best verdict accuracy with false alarms of at most 5%.
func tuneBaseline(pairs []pair, top []string, bm []float64) (float64, float64) {
	bestAcc, bs, br := -1.0, 0.0, 0.0
	for ts := 1.0; ts <= 30; ts += 0.5 {
		for tr := 0.0; tr < ts; tr += 0.5 {
			v := make([]corpus.Verdict, len(pairs))
			for i, p := range pairs {
				v[i] = baselineVerdict(p, bm[i], ts, tr)
			}
			s := score(pairs, v, top, allTuning)
			if s.falseAlarm <= 0.05 && s.accuracy > bestAcc {
				bestAcc, bs, br = s.accuracy, ts, tr
			}
		}
	}
	return bs, br
}

// handSupports is how many of a hand-written set's true claims were
// judged supports, of how many.
func handSupports(s scores) string {
	k := s.byKind["handwritten-supports"]
	return fmt.Sprintf("%d/%d", k[0], k[1])
}

// logFigures writes the figures of the evidence stage with thresholds
// th, and returns the held-out ones of the pairs made by rule and of
// each hand-written held-out set.
func logFigures(t *testing.T, label string, pairs []pair, th evidence.Thresholds) (rule scores, hand []scores) {
	v, txt := verdictsOf(judgeAll(pairs, th))
	t.Logf("%s %+v, rule-based tuning half: %s", label, th, score(pairs, v, txt, ruleTuning))
	rule = score(pairs, v, txt, ruleHeldOut)
	t.Logf("%s, rule-based held-out half: %s", label, rule)
	for _, hs := range handSets {
		s := score(pairs, v, txt, inSet(hs.name))
		what := "held out"
		if !hs.heldOut {
			what = "tuned on"
		}
		t.Logf("%s, %s (%s): supports %s; %s", label, hs.name, what, handSupports(s), s)
		if hs.heldOut {
			hand = append(hand, s)
		}
	}
	all := score(pairs, v, txt, allHeldOut)
	t.Logf("%s, all held-out pairs: %s", label, all)
	return rule, hand
}

// previousThresholds are the thresholds before the hand-written tuning
// set, for the before/after figures of docs/evidence.md.
var previousThresholds = evidence.Thresholds{Supports: 0.6, Related: 0.2, WorkRelated: 0.35, Contradicts: 0.4}

func TestEvidence_MeasuredOnLabelledPairs(t *testing.T) {
	if testing.Short() {
		t.Skip("the measurement reads the shared corpora (about a minute)")
	}
	pairs := allPairs(t)
	if previousThresholds != evidence.DefaultThresholds {
		logFigures(t, "before", pairs, previousThresholds)
	}
	held, hand := logFigures(t, "evidence", pairs, evidence.DefaultThresholds)

	top, bm := baselineScores(pairs)
	ts, tr := tuneBaseline(pairs, top, bm)
	bv := make([]corpus.Verdict, len(pairs))
	for i, p := range pairs {
		bv[i] = baselineVerdict(p, bm[i], ts, tr)
	}
	t.Logf("plain BM25 (supports from %.1f, related from %.1f, tuned), rule-based held-out half: %s", ts, tr, score(pairs, bv, top, ruleHeldOut))
	for _, hs := range handSets {
		s := score(pairs, bv, top, inSet(hs.name))
		t.Logf("plain BM25, %s: supports %s; %s", hs.name, handSupports(s), s)
	}

	// Floors a little under today's held-out figures, so that a change
	// that makes the stage worse fails here.
	floors := []struct {
		name      string
		got, want float64
		atMost    bool
	}{
		{"wrong-citation detection", held.detection, 0.88, false},
		{"false alarms on true citations", held.falseAlarm, 0.05, true},
		{"right passage first", held.rightFirst, 0.90, false},
	}
	for _, f := range floors {
		if f.atMost && f.got > f.want || !f.atMost && f.got < f.want {
			t.Errorf("held-out %s %.3f, want %s %.2f", f.name, f.got, map[bool]string{true: "at most", false: "at least"}[f.atMost], f.want)
		}
	}
	if len(hand) != 2 || hand[0].all != 28 || hand[1].all < 20 {
		t.Errorf("hand-written held-out sets of %v pairs, want 28 and at least 20", []int{hand[0].all, hand[1].all})
	}
}

// TestEvidence_Tune searches the thresholds on the tuning pairs only
// (EVIDENT_TUNE=1): the rule-based tuning half and the hand-written
// tuning set. It keeps false alarms at most 5% on each and maximises the
// verdict accuracy plus wrong-citation detection of the rule-based half
// plus the verdict accuracy of the hand-written set (which would
// otherwise weigh 52 pairs among 1,500).
func TestEvidence_Tune(t *testing.T) {
	if os.Getenv("EVIDENT_TUNE") == "" {
		t.Skip("set EVIDENT_TUNE=1 to search the thresholds")
	}
	pairs := allPairs(t)
	var tune []pair
	for _, p := range pairs {
		if !p.heldOut {
			tune = append(tune, p)
		}
	}
	hand := inSet(handSets[2].name)
	best, bestScore := evidence.DefaultThresholds, -1.0
	// A first search also tried Related 0.15 (more unrelated citations
	// pass as related), WorkRelated 0.4 (no change) and Contradicts 0.3
	// (18% false alarms on the hand-written claims); each point judges
	// 1,600 pairs, so the grid is kept to what moved.
	for _, sup := range []float64{0.4, 0.45, 0.5, 0.55, 0.6} {
		for _, rel := range []float64{0.2, 0.25} {
			for _, wr := range []float64{0.35} {
				for _, con := range []float64{0.4, 0.5} {
					if rel >= sup {
						continue
					}
					th := evidence.Thresholds{Supports: sup, Related: rel, WorkRelated: wr, Contradicts: con}
					v, txt := verdictsOf(judgeAll(tune, th))
					r, h := score(tune, v, txt, ruleTuning), score(tune, v, txt, hand)
					sc := r.accuracy + r.detection + h.accuracy
					t.Logf("%+v: %.3f; rule: %s; hand: supports %s, %s", th, sc, r, handSupports(h), h)
					if r.falseAlarm <= 0.05 && h.falseAlarm <= 0.05 && sc > bestScore {
						best, bestScore = th, sc
					}
				}
			}
		}
	}
	t.Logf("best on the tuning pairs: %+v (%.3f)", best, bestScore)
}

// handwritten reads a hand-written set (testdata/handwritten*.tsv): work
// title prefix, note, expected verdict, claim. The claims were written by
// hand for this test, in other words than their sources'.
func handwritten(t testing.TB, works []*corpus.Reference, set, file string, held bool) []pair {
	data, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	var out []pair
	for n, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("%s:%d: %d fields, want 4", file, n+1, len(f))
		}
		var w *corpus.Reference
		for _, c := range works {
			if strings.HasPrefix(strings.ToLower(c.Title), strings.ToLower(f[0])) {
				w = c
				break
			}
		}
		if w == nil {
			t.Errorf("%s:%d: no work titled %q…", file, n+1, f[0])
			continue
		}
		out = append(out, pair{kind: "handwritten-" + f[2], claim: f[3], work: w, want: corpus.Verdict(f[2]), heldOut: held, set: set})
	}
	return out
}

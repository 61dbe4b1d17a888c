// Package claim decides whether a sentence of an article is a check-worthy
// factual claim, with a score and the reasons for it. It owns that judgement
// only: it reads no files and never looks at what a citation resolves to.
//
// The scorer has two layers. The rules (features.go and the files they
// call) are a handful of words or simple patterns each, with a weight set by
// hand: they give the reasons an editor reads, and their weighted sum is the
// rules' own log-odds. The score is a learned model (model.go): a logistic
// regression or gradient-boosted shallow trees, whichever does better, over
// those rules, their log-odds, where the sentence stands (inputs.go), how it
// is put and whether its neighbours are cited (shape.go, neighbours.go), its
// role among them: announcing the cited sentence after it, quoting, telling
// a story (role.go), and its place in its section and paragraph (place.go);
// trained by internal/traingen on our own labelled articles of five kinds
// (the sets of testdata/kinds its poolDirs lists) and sixteen real articles
// of the shared corpora that we labelled blind (its realArticles, each
// counted twice; no outside labels or weights: no labelled claim data with
// a licence that allows it could be used, see the corpora README), with the
// model, its inputs, its penalty or the trees' shape, and its threshold
// chosen by leave-one-set-out
// cross-validation on them (train on every labelled directory but one,
// score that one: a new writer on new topics, as a held-out set is). Each
// held-out set was measured before it was read; poolDirs says which joined
// the pool since; testdata/kinds/README.md gives the figures per kind and
// round, weights_gen.go those of every candidate.
//
// Beyond a sentence's words the scorer reads its place (Layout): the part
// of a paper it stands in, the notice it belongs to, and whether the
// article is told in the first person singular, where a plain statement
// with no figure, name or source cue is more likely the writer's view.
package claim

import (
	"github.com/evident-tools/evident/corpus"
)

// Judgement is the scorer's verdict on one sentence.
type Judgement struct {
	// Score is the probability, 0..1, that the sentence is a check-worthy
	// claim: the learned model's (model.go), or the logistic of the
	// rules' log-odds where the model was not adopted.
	Score float64
	// Claim is Score >= the threshold Judge was given.
	Claim bool
	// Reasons names every feature that fired, quoting the words that
	// triggered it: "statistic '4-point scale'", "causal verb 'reduces'",
	// "imperative advice 'Talk'", "question".
	Reasons []string
}

// DefaultThreshold is the score from which a sentence is a claim: the
// threshold cross-validation chose for the learned model (model.go), or 0.5
// for the rules alone when the model was not adopted.
const DefaultThreshold = modelThreshold

// bias is the log-odds of a sentence with no feature at all: short of
// evidence either way, a sentence is not a claim.
const bias = -1.2

// Judge scores one sentence. kind is the sentence's block kind; text is the
// sentence as written, citation markers included: they are taken out before
// scoring, so that "(3)" is no statistic and a citation alone makes nothing
// a claim. threshold 0 means DefaultThreshold.
func Judge(text string, kind corpus.BlockKind, threshold float64) Judgement {
	return judge(text, kind, context{}, threshold)
}

// JudgeSentence scores a sentence of an article as Judge does, and also
// reads its heading: a sentence under a paper's methods or results heading
// reports the authors' own work. A footnote that is a reference entry is
// no claim, as in Layout.Judge, which reads the whole article (and so the
// rest of the entry too).
func JudgeSentence(s corpus.Sentence, threshold float64) Judgement {
	return judge(s.Text, s.Kind, context{section: s.Section,
		refNote: s.Kind == corpus.KindFootnote && referenceEntry(s.Text)}, threshold)
}

func judge(text string, kind corpus.BlockKind, ctx context, threshold float64) Judgement {
	if threshold == 0 {
		threshold = DefaultThreshold
	}
	// The scan and its tokens live on the stack: Judge runs on every
	// sentence of every checked article.
	var s scan
	s.clean(text)
	var buf [64]token
	s.toks = tokenize(s.low, s.orig, buf[:0])
	s.run(kind, ctx)
	reasons := s.reasons()
	score := s.score(ctx)
	if ctx.refNote {
		// A rule over the model's verdict, as for Layout.Judge's
		// footnotes that hold a reference entry.
		return Judgement{Score: min(score, refNoteScore), Reasons: append(reasons, "in a footnote that holds a reference entry")}
	}
	return Judgement{Score: score, Claim: score >= threshold, Reasons: reasons}
}

// reasons names every feature that fired, quoting what triggered it.
func (s *scan) reasons() []string {
	var reasons []string
	for f := feature(0); f < numFeatures; f++ {
		if !s.fired[f] {
			continue
		}
		r := featureInfo[f].name
		if r == "" {
			continue
		}
		if q := s.quote[f]; q[1] > q[0] {
			r += " '" + s.orig[q[0]:q[1]] + "'"
		}
		reasons = append(reasons, r)
	}
	return reasons
}

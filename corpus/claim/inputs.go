package claim

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// The inputs of the learned model (model.go): every feature the rules
// compute, as a 0/1 input, and the rules' own log-odds; where the sentence
// stands (its block kind, the part of a paper, whether it follows a lead-in
// or a heading, its place in the article and its length, how much of the
// article is told in the first person); how it is put and its neighbours'
// citations (shape.go); its role among its neighbours (role.go); where it
// stands in its section and paragraph (place.go); the rule
// features again per kind of article; and
// its words, lower-cased unigrams and bigrams hashed into a fixed table.
// internal/traingen reads them
// through Layout.Inputs to train the weights; judge reads them to score.

// Input groups, so that training can choose which to use.
const (
	// GroupRules is the rules' features and their log-odds.
	GroupRules = 1 << iota
	// GroupLayout is where the sentence stands and its shape.
	GroupLayout
	// GroupWords is the hashed unigrams and bigrams.
	GroupWords
	// GroupShape is how the sentence is put (shape.go) and whether it and
	// its neighbours are cited (neighbours.go).
	GroupShape
	// GroupKind is each rule feature again, once for each kind of article
	// the layout tells apart: the same cue weighs differently in an essay,
	// a paper and a page that talks to its reader.
	GroupKind
	// GroupRole is the sentence's role among its neighbours (role.go):
	// announcing the cited sentence after it, quoting, telling a story.
	GroupRole
	// GroupPlace is where the sentence stands in its section and
	// paragraph, how much its section cites, and the article's length
	// and share of past tense (place.go).
	GroupPlace
	// GroupLexical is one input: the log-odds a logistic regression over
	// the sentence's words and pairs of words, by name (Layout.Words),
	// gives it, for the trees to read beside the others. Its weights are
	// trained with the trees (internal/traingen fits them on the training
	// sets only, and gives the trees each training sentence's value from
	// a model that did not see its set), so Layout.Inputs does not emit
	// it: the score computes it from the committed word weights
	// (wordWeights, model.go).
	GroupLexical
)

// Offsets of the inputs.
const (
	inRuleZ  = int(numFeatures) // the rules' log-odds, divided by 4
	inLayout = inRuleZ + 1

	lKind       = 0  // 6: sentence, heading, list item, caption, table cell, footnote
	lPart       = 6  // 6: the part of a paper
	lNotice     = 12 // after the opening of a notice
	lPersonal   = 13 // the article is told in the first person singular
	lAfterColon = 14 // the sentence before ends with ":": an item after a lead-in
	lAfterHead  = 15 // the sentence before is a heading
	lFirstInPar = 16 // opens its paragraph
	lPosFirst   = 17 // in the first tenth of the article
	lPosLast    = 18 // in the last tenth of the article
	lLen        = 19 // 5: under 5 words, under 10, under 20, under 35, longer
	lDensity    = 24 // share of the article's sentences in the first person singular
	lPaper      = 25 // the layout reads the article as a research paper
	lQuoted     = 26 // holds a quotation mark
	lDigit      = 27 // holds a digit
	lWe         = 28 // says "we" or "our" outside a quotation
	lYou        = 29 // says "you" or "your"
	lStyle      = 30 // 3: the article's shares of questions, reported speech, "you"
	lZBy        = 33 // 4: the rules' log-odds in a first-person article, a paper, one that talks to "you", one that reports speech
	lNoCue      = 37 // no content feature fired: a bare statement
	numLayout   = 38

	inShape = inLayout + numLayout
	inRole  = inShape + numShape
	inPlace = inRole + numRole
	inKindX = inPlace + numPlace
	// numKindX is the kinds of article GroupKind tells apart: told in
	// the first person, a research paper, talking to "you".
	numKindX  = 3
	inLexical = inKindX + numKindX*int(numFeatures)
	inWords   = inLexical + 1
	// wordBuckets is the size of the hashed word table, small enough to
	// keep the generated file readable. The pool's words and pairs of
	// words are many more than that, so most buckets hold several (the
	// twentieth round counted 4,092 buckets of 4,096 holding a word that
	// six sets share, which is why its word model keeps words by name).
	wordBuckets = 4096

	// NumInputs is the number of inputs of the model.
	NumInputs = inWords + wordBuckets
	// NumDenseInputs is the number of inputs before the hashed words:
	// the ones the trees read.
	NumDenseInputs = inWords
	// InputRuleLogOdds is the input that holds the rules' log-odds,
	// divided by 4: the rules' own score is the logistic of 4 times it.
	InputRuleLogOdds = inRuleZ
	// InputLexical is the GroupLexical input: the word weights' log-odds.
	InputLexical = inLexical
)

// InputGroup returns the group (GroupRules, GroupLayout, GroupShape,
// GroupRole, GroupPlace, GroupKind, GroupLexical or GroupWords) of input i.
func InputGroup(i int) int {
	switch {
	case i < inLayout:
		return GroupRules
	case i < inShape:
		return GroupLayout
	case i < inRole:
		return GroupShape
	case i < inPlace:
		return GroupRole
	case i < inKindX:
		return GroupPlace
	case i < inLexical:
		return GroupKind
	case i == inLexical:
		return GroupLexical
	}
	return GroupWords
}

// Inputs calls emit with each non-zero input of sentence i, in every group
// but GroupLexical (its value depends on the word weights being trained).
// It is what internal/traingen trains on; Judge scores the same inputs.
func (l *Layout) Inputs(i int, emit func(index int, value float64)) {
	s := l.sentences[i]
	ctx := l.context(i)
	var sc scan
	sc.clean(s.Text)
	var buf [64]token
	sc.toks = tokenize(sc.low, sc.orig, buf[:0])
	sc.run(s.Kind, ctx)
	sc.inputs(ctx, GroupRules|GroupLayout|GroupShape|GroupRole|GroupPlace|GroupKind|GroupWords, sc.ruleZ(), emit)
}

// Words calls emit with each word of sentence i and each pair of
// neighbouring words ("they found"), lower-cased, a number read as "0", in
// the order the lexical input adds up their weights: what
// internal/traingen learns the lexicon from.
func (l *Layout) Words(i int, emit func(string)) {
	s := l.sentences[i]
	var sc scan
	sc.clean(s.Text)
	var buf [64]token
	sc.toks = tokenize(sc.low, sc.orig, buf[:0])
	// The words are read after the rules' scan, as the score reads them:
	// the scan may set tokens aside.
	sc.run(s.Kind, l.context(i))
	g := ngrams{s: &sc}
	for w, pair, ok := g.next(); ok; w, pair, ok = g.next() {
		emit(w)
		if pair != nil {
			emit(string(pair))
		}
	}
}

// ngrams walks the scanned sentence's words and pairs of neighbouring
// words, a pair in one buffer it reuses (a map lookup with string(pair)
// does not copy it). A number is the word "0": its value says less than
// that there is one. Layout.Words and the score (lexicalZ) both walk with
// it, without a closure that would put the score's sum on the heap.
type ngrams struct {
	s   *scan
	i   int
	buf [128]byte
}

// word is token t as ngrams reads it.
func (g *ngrams) word(t token) string {
	if t.num {
		return "0"
	}
	return g.s.low[t.start:t.end]
}

// next returns the next word and, from the second word on, the pair it
// makes with the word before (nil for the first); ok is false at the end.
// It keeps no string of the sentence's in g, so that the scan can stay on
// the stack of the score that walks it.
func (g *ngrams) next() (word string, pair []byte, ok bool) {
	if g.i >= len(g.s.toks) {
		return "", nil, false
	}
	word = g.word(g.s.toks[g.i])
	if g.i > 0 {
		pair = append(append(append(g.buf[:0], g.word(g.s.toks[g.i-1])...), ' '), word...)
	}
	g.i++
	return word, pair, true
}

// ruleZ is the rules' log-odds of the sentence once run has scanned it.
func (s *scan) ruleZ() float64 {
	z := bias
	for f := feature(0); f < numFeatures; f++ {
		if s.fired[f] {
			z += featureInfo[f].weight
		}
	}
	return z
}

// inputs emits the inputs of the groups asked for.
func (s *scan) inputs(ctx context, groups int, ruleZ float64, emit func(int, float64)) {
	if groups&GroupRules != 0 {
		for f := feature(0); f < numFeatures; f++ {
			if s.fired[f] {
				emit(int(f), 1)
			}
		}
		emit(inRuleZ, ruleZ/4)
	}
	if groups&GroupLayout != 0 {
		s.layoutInputs(ctx, emit)
		// The same evidence weighs differently in different kinds of
		// article: a bare statement is the writer's view in an essay
		// and a fact in a news story.
		for k, on := range [4]bool{ctx.personal || ctx.density > 0.15, ctx.paper, ctx.style[2] > 0.1, ctx.style[1] > 0.1} {
			if on {
				emit(inLayout+lZBy+k, ruleZ/4)
			}
		}
		cue := false
		for f := fStatistic; f < fDeclarative; f++ {
			cue = cue || s.fired[f] && f != fEntity
		}
		if !cue {
			emit(inLayout+lNoCue, 1)
		}
	}
	if groups&(GroupShape|GroupRole) != 0 {
		shape := emit
		if groups&GroupShape == 0 {
			shape = func(int, float64) {}
		}
		past := s.shapeInputs(ctx, inShape, shape)
		if groups&GroupRole != 0 {
			s.roleInputs(ctx, past, emit)
		}
	}
	if groups&GroupPlace != 0 {
		placeInputs(ctx, emit)
	}
	if groups&GroupKind != 0 {
		for k, on := range [numKindX]bool{ctx.personal || ctx.density > 0.15, ctx.paper, ctx.style[2] > 0.1} {
			if !on {
				continue
			}
			for f := feature(0); f < numFeatures; f++ {
				if s.fired[f] {
					emit(inKindX+k*int(numFeatures)+int(f), 1)
				}
			}
		}
	}
	if groups&GroupWords != 0 {
		s.wordInputs(emit)
	}
}

// kindInput is the input of a block kind, or -1.
func kindInput(k corpus.BlockKind) int {
	switch k {
	case corpus.KindSentence:
		return 0
	case corpus.KindHeading:
		return 1
	case corpus.KindListItem:
		return 2
	case corpus.KindCaption:
		return 3
	case corpus.KindTableCell:
		return 4
	case corpus.KindFootnote:
		return 5
	}
	return -1
}

func (s *scan) layoutInputs(ctx context, emit func(int, float64)) {
	on := func(i int, b bool) {
		if b {
			emit(inLayout+i, 1)
		}
	}
	if k := kindInput(s.kind); k >= 0 {
		emit(inLayout+lKind+k, 1)
	}
	emit(inLayout+lPart+int(ctx.part), 1)
	on(lNotice, ctx.inNotice)
	on(lPersonal, ctx.personal)
	on(lAfterColon, ctx.afterColon)
	on(lAfterHead, ctx.afterHeading)
	on(lFirstInPar, ctx.firstInPara)
	on(lPosFirst, ctx.articleLen > 0 && ctx.position < 0.1)
	on(lPosLast, ctx.articleLen > 0 && ctx.position >= 0.9)
	n := len(s.toks)
	switch {
	case n < 5:
		emit(inLayout+lLen, 1)
	case n < 10:
		emit(inLayout+lLen+1, 1)
	case n < 20:
		emit(inLayout+lLen+2, 1)
	case n < 35:
		emit(inLayout+lLen+3, 1)
	default:
		emit(inLayout+lLen+4, 1)
	}
	if ctx.density > 0 {
		emit(inLayout+lDensity, ctx.density)
	}
	on(lPaper, ctx.paper)
	on(lQuoted, strings.ContainsAny(s.orig, "\"“”"))
	on(lDigit, strings.ContainsAny(s.orig, "0123456789"))
	we, you := false, false
	for i := range s.toks {
		switch s.word(i) {
		case "we", "our", "us":
			we = we || !s.quoted(i)
		case "you", "your", "you're", "yours":
			you = true
		}
	}
	on(lWe, we)
	on(lYou, you)
	for k, v := range ctx.style {
		if v > 0 {
			emit(inLayout+lStyle+k, v)
		}
	}
}

// wordInputs emits the sentence's lower-case words and pairs of words,
// hashed (FNV-1a) into the word table. A number is read as one word "0": its
// value says less than that there is one.
func (s *scan) wordInputs(emit func(int, float64)) {
	const offset, prime = 2166136261, 16777619
	prev := uint32(0)
	for i, t := range s.toks {
		h := uint32(offset)
		if t.num {
			h = (h ^ '0') * prime
		} else {
			for k := t.start; k < t.end; k++ {
				h = (h ^ uint32(s.low[k])) * prime
			}
		}
		emit(inWords+int(h%wordBuckets), 1)
		if i > 0 {
			// A pair hashes the first word's hash into the second's.
			b := (h ^ prev*prime) * prime
			emit(inWords+int(b%wordBuckets), 1)
		}
		prev = h
	}
}

package claim

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// Where a sentence stands in its article: the same words are a claim in a
// paper's introduction and the authors' own result in its abstract or its
// results, and a plain sentence after "Correction:" belongs to the notice.
// A sentence alone cannot say so; the headings above it and the sentence
// before it can.

// part is the part of a research paper a sentence stands in.
type part uint8

const (
	partNone       part = iota // not a paper, or before any part a paper names
	partAbstract               // the abstract, or a paper's opening before its introduction
	partIntro                  // introduction, background, related work: other people's work, cited
	partBody                   // after the introduction: the authors' data, methods and results
	partOwn                    // under a heading of the paper's own methods or results
	partDiscussion             // discussion, conclusions, limitations, future work
)

// Layout is what the scorer reads of a whole article beyond each sentence's
// own words: which part of a paper each sentence stands in and which
// paragraphs are update or correction notices. Build one with NewLayout and
// judge each sentence with Judge.
type Layout struct {
	sentences []corpus.Sentence
	parts     []part
	notice    map[int]bool // paragraphs that open with a notice
	// refNotes are the footnotes (by paragraph) that hold a reference
	// entry: a page that sets its reference list as footnotes.
	refNotes map[int]bool
	// personal is an article told in the first person singular: an
	// essay or a column, whose plain statements are often the writer's
	// view.
	personal bool
	// density is the share of the article's sentences in the first
	// person singular; paper, whether it reads as a research paper. The
	// learned model reads both.
	density float64
	paper   bool
	// style is the share of the article's sentences that ask a question,
	// report what someone said, and speak to the reader: what tells a
	// news story from an explainer, a sales page or an essay.
	style [3]float64
	// pastShare is the share of the article's sentences with "was",
	// "were" or "had": how much of it tells a story.
	pastShare float64
	// cited, paraCites and citeShare are what SetCited told: the
	// sentences the writer cited, how many of them each paragraph holds,
	// and their share of the article's sentences.
	cited     []bool
	paraCites map[int]int
	citeShare float64
	// lastPara marks the sentences of the last paragraph before a
	// heading: where a paper's introduction states its gap and its aim.
	lastPara []bool
	// sectStart and sectEnd are the first and last sentence of each
	// sentence's section, paraLen the sentences of each paragraph, and
	// sectCites the cited sentences of each section by its first
	// (place.go).
	sectStart, sectEnd []int32
	paraLen            map[int]int
	sectCites          map[int32]int
	traits             []traits
	// repeats marks the sentences that say again what another says
	// (repeat.go).
	repeats []bool
}

// NewLayout reads the headings and paragraphs of an article's sentences,
// in reading order. An article is read as a research paper when it has an
// abstract or an introduction and a heading of a paper's own work or
// discussion, or a heading of earlier work ("Background", the first
// heading of the structured papers of medicine, where a LaTeX abstract
// has no heading) and one of the paper's own methods or results; in any
// other article every sentence has no part. "Background" and a
// discussion alone do not make a paper: explainers have both.
func NewLayout(sentences []corpus.Sentence) *Layout {
	l := &Layout{sentences: sentences, parts: make([]part, len(sentences)), notice: map[int]bool{}}
	var intro, earlier, ownPart, rest bool
	for _, s := range sentences {
		if s.Kind != corpus.KindHeading {
			continue
		}
		switch p, _ := headingPart(s.Text); p {
		case partAbstract:
			intro = true
		case partIntro:
			intro = intro || strings.Contains(strings.ToLower(s.Text), "introduction")
			earlier = true
		case partOwn:
			ownPart, rest = true, true
		case partDiscussion:
			rest = true
		}
	}
	paper := intro && rest || earlier && ownPart
	n, own := firstPersonCount(sentences)
	l.personal = !paper && own >= 3 && own*16 >= n
	l.paper = paper
	if n > 0 {
		l.density = float64(own) / float64(n)
		l.style = articleStyle(sentences, n)
		l.pastShare = pastShare(sentences, n)
	}
	l.lastPara = make([]bool, len(sentences))
	last := -1 // the paragraph that runs up to the next heading
	for i := len(sentences) - 1; i >= 0; i-- {
		switch s := sentences[i]; {
		case s.Kind == corpus.KindHeading:
			last = -1
		case last == -1:
			last = s.Paragraph
			l.lastPara[i] = true
		default:
			l.lastPara[i] = s.Paragraph == last
		}
	}
	l.sections()
	l.repeats = repeats(sentences)
	cur := partNone
	seenIntro, review := false, false
	for i, s := range sentences {
		if s.Kind == corpus.KindHeading {
			if paper {
				cur = nextPart(cur, s.Text, seenIntro, review)
				if p, _ := headingPart(s.Text); p == partIntro {
					seenIntro = true
					// "Related work", "Background": a review of earlier
					// work, whose subsections review it too.
					review = !strings.Contains(strings.ToLower(s.Text), "introduction")
				} else if p != partNone {
					review = false
				}
			}
			continue
		}
		if paper && cur == partNone && !seenIntro {
			// A LaTeX abstract has no heading: what comes before the
			// introduction is the paper's summary of itself.
			l.parts[i] = partAbstract
		} else {
			l.parts[i] = cur
		}
		if first := i == 0 || sentences[i-1].Paragraph != s.Paragraph; first && opensNotice(s.Text) {
			l.notice[s.Paragraph] = true
		}
		if s.Kind == corpus.KindFootnote && referenceEntry(s.Text) {
			if l.refNotes == nil {
				l.refNotes = map[int]bool{}
			}
			l.refNotes[s.Paragraph] = true
		}
	}
	return l
}

// referenceEntry reports whether a sentence reads as a bibliography entry
// (the rules' "reference entry": "Watson NF, et al.", "2015;38(6):843").
func referenceEntry(text string) bool {
	var s scan
	s.clean(text)
	var buf [64]token
	s.toks = tokenize(s.low, s.orig, buf[:0])
	s.reference()
	return s.fired[fReference]
}

// nextPart is the part a heading opens, given the part before it: a
// heading of no known part keeps a paper's own work or discussion going
// (a subsection such as "Controlling overfitting"), keeps a review of
// earlier work going, as does a run-in heading ("Recurrent networks."),
// and after the introduction starts the paper's body.
func nextPart(cur part, heading string, seenIntro, review bool) part {
	p, back := headingPart(heading)
	switch {
	case back:
		return partNone
	case p == partAbstract && seenIntro && !strings.Contains(strings.ToLower(heading), "abstract"):
		// "Summary" after the introduction sums up the discussion.
		return partDiscussion
	case p != partNone:
		return p
	case seenIntro && modelHeading(heading):
		return partOwn
	case cur == partOwn || cur == partDiscussion || cur == partBody:
		return cur
	case cur == partIntro && (review || strings.HasSuffix(strings.TrimSpace(heading), ".")):
		return cur
	case seenIntro:
		return partBody
	}
	return cur
}

// headingPart names the part of a paper a heading opens, and whether it
// opens the back matter (acknowledgements, references, appendices), where
// the scorer reads sentences as it reads any other.
func headingPart(heading string) (p part, back bool) {
	for _, w := range strings.FieldsFunc(strings.ToLower(heading), func(r rune) bool {
		return !(r >= 'a' && r <= 'z')
	}) {
		switch {
		case w == "abstract" || w == "summary" && len(heading) < 12:
			return partAbstract, false
		case introWords[w]:
			return partIntro, false
		case discussionWords[w]:
			return partDiscussion, false
		case backWords[w]:
			return partNone, true
		}
	}
	if ownHeading(heading) {
		return partOwn, false
	}
	return partNone, false
}

// opensNotice reports whether a paragraph's first sentence opens an update,
// correction or editor's note: the sentences after it in the paragraph
// belong to the notice ("Correction: An earlier version misstated the age.
// The patient is 11 months old.").
func opensNotice(text string) bool {
	low := strings.ToLower(strings.TrimLeft(text, " *_"))
	for _, p := range noticeOpenings {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return false
}

// Judge scores sentence i of the article as JudgeSentence does, and also by
// where it stands.
//
// A footnote that holds a reference entry is a reference, whole, never a
// claim: the reader splits an entry into its authors, its title and its
// journal, and the title alone ("Sleep duration and all-cause mortality: a
// systematic review.") reads like a statement. Its score is capped at
// refNoteScore and the reason says why. The model is not told (none of the
// labelled articles sets its references as footnotes), so this is a rule
// over its verdict, as a heading's is.
func (l *Layout) Judge(i int, threshold float64) Judgement {
	s := l.sentences[i]
	return judge(s.Text, s.Kind, l.context(i), threshold)
}

// inRefNote reports whether sentence i stands in a footnote that holds a
// reference entry.
func (l *Layout) inRefNote(i int) bool {
	s := l.sentences[i]
	return s.Kind == corpus.KindFootnote && l.refNotes[s.Paragraph]
}

// refNoteScore is the most a sentence of a footnote that holds a
// reference entry scores.
const refNoteScore = 0.05

// context returns what the layout knows of sentence i.
func (l *Layout) context(i int) context {
	s := l.sentences[i]
	ctx := context{section: s.Section, part: l.parts[i], personal: l.personal, density: l.density, paper: l.paper, style: l.style,
		pastShare:  l.pastShare,
		articleLen: len(l.sentences), position: float64(i) / float64(len(l.sentences)), refNote: l.inRefNote(i)}
	if i > 0 && l.sentences[i-1].Paragraph == s.Paragraph {
		ctx.inNotice = l.notice[s.Paragraph]
	}
	ctx.firstInPara = i == 0 || l.sentences[i-1].Paragraph != s.Paragraph
	if i > 0 {
		prev := l.sentences[i-1]
		ctx.afterHeading = prev.Kind == corpus.KindHeading
		ctx.afterColon = lastRune(strings.TrimSpace(prev.Text)) == ':'
		ctx.afterQuestion = prev.Kind != corpus.KindHeading && lastRune(strings.TrimSpace(prev.Text)) == '?'
	}
	ctx.lastPara = l.lastPara[i]
	ctx.repeat = l.repeats[i]
	l.neighbours(i, &ctx)
	l.place(i, &ctx)
	return ctx
}

// context is what judge knows of a sentence beyond its words.
type context struct {
	section  string
	part     part
	inNotice bool // follows the opening of a notice in its paragraph
	repeat   bool // says again what another sentence says (repeat.go)
	refNote  bool // stands in a footnote that holds a reference entry: never a claim
	personal bool // the article is told in the first person singular

	// What only the learned model reads (inputs.go).
	afterColon, afterHeading, firstInPara, paper bool
	density, position                            float64 // position is i/articleLen
	style                                        [3]float64
	articleLen                                   int
	// What SetCited told of the sentence and its neighbours
	// (neighbours.go), and whether the sentence before asks a question:
	// "Yes, for particles." answers it.
	cited, prevCited, nextCited, paraCited, afterQuestion, lastPara bool
	citeShare                                                       float64
	// nextLow and nextWords are the cited sentence after an uncited one,
	// in lower case, and its length in words: whether this one announces
	// it (role.go).
	nextLow   string
	nextWords int
	// pastShare is the share of the article's sentences with a common
	// verb in the past tense: how much of it tells a story (role.go).
	pastShare float64
	// Where the sentence stands in its section and paragraph (place.go);
	// placed is false for a sentence judged alone.
	placed, firstInSect, lastInSect, lastInPara bool
	prevDigit, nextDigit, nextLonger, nextQuote bool
	sectionPos, sectionCite                     float64
	paraLen                                     int
}

// introWords open a paper's introduction or its review of earlier work.
var introWords = set("introduction", "background", "related", "literature", "motivation", "previous", "prior")

// discussionWords open a paper's discussion of its results.
var discussionWords = set("discussion", "discussions", "conclusion", "conclusions", "limitations",
	"implications", "outlook", "future", "concluding")

// backWords open a paper's back matter.
var backWords = set("acknowledgements", "acknowledgments", "acknowledgement", "references", "bibliography",
	"appendix", "appendices", "funding", "availability", "supplementary")

// noticeOpenings open an update, correction or editor's note.
var noticeOpenings = []string{"correction:", "corrections:", "clarification:", "editor's note:",
	"editor’s note:", "update:", "updated:", "this article was updated", "this story was updated",
	"this article has been updated", "an earlier version of this", "amended on ", "corrected on "}

// placed fires the features of where the sentence stands.
func (s *scan) placed(ctx context) {
	if ctx.inNotice {
		s.fire(fNotice, 0, 0)
	}
	if ctx.repeat {
		s.fire(fRepeat, 0, 0)
	}
	switch ctx.part {
	case partOwn:
		s.fire(fOwnSection, 0, 0)
	case partBody:
		s.fire(fPaperBody, 0, 0)
	case partAbstract:
		// An abstract reports the authors' results in the past tense
		// ("Participants who slept recalled 14% more words") and the
		// field's knowledge in the present ("Sleep is thought to…").
		if i := s.pastTense(); i >= 0 {
			s.fireTok(fAbstractResult, i, i)
		}
	case partDiscussion:
		s.fire(fDiscussion, 0, 0)
		// Uncited and in the past tense, a discussion goes back over
		// the paper's own results ("Very strong clustering was
		// observed…").
		if i := s.pastTense(); i >= 0 {
			s.fireTok(fDiscussedResult, i, i)
		}
	}
}

// pastTense returns the first token that is a verb in the past tense, or -1.
func (s *scan) pastTense() int {
	for i := range s.toks {
		w := s.word(i)
		// "Unplanned readmissions", "the estimated risk": an -ed word
		// first or after an article qualifies a noun.
		p := s.word(i - 1)
		if pastForms[w] || i > 0 && s.isVerb(i) && len(w) > 4 && strings.HasSuffix(w, "ed") && !auxiliaries[p] &&
			p != "the" && p != "a" && p != "an" {
			return i
		}
	}
	return -1
}

// pastForms are the past tense of auxiliaries and irregular verbs.
var pastForms = set("was", "were", "had", "did", "rose", "fell", "grew", "shrank", "found", "showed", "made",
	"took", "gave", "led", "drove", "began", "became", "kept", "left", "saw", "went", "came", "brought", "won",
	"lost", "ran", "met", "paid", "sat", "got", "held", "fit", "cut", "spent", "reached")

// articleStyle returns the shares of the n sentences other than headings
// that end in a question mark, that report speech ("said", "according
// to"), and that say "you".
func articleStyle(sentences []corpus.Sentence, n int) [3]float64 {
	var q, said, you int
	for _, s := range sentences {
		if s.Kind == corpus.KindHeading {
			continue
		}
		t := strings.TrimSpace(s.Text)
		if strings.HasSuffix(t, "?") {
			q++
		}
		// No lower-case copy: this runs on every sentence of every
		// checked article, and the few spellings are known.
		if strings.Contains(t, " said") || strings.Contains(t, " says") || strings.Contains(t, "ccording to") {
			said++
		}
		if strings.Contains(t, "you") || strings.Contains(t, "You") {
			you++
		}
	}
	f := float64(n)
	return [3]float64{float64(q) / f, float64(said) / f, float64(you) / f}
}

// firstPersonCount counts the sentences other than headings, and those of
// them in the first person singular ("I", "me" or "my" outside a
// quotation). An article is told in the first person singular when at least
// three of its sentences, and one in sixteen, are: a news story quotes
// people saying "I"; an essay or a column says it in its own voice.
func firstPersonCount(sentences []corpus.Sentence) (n, own int) {
	for _, s := range sentences {
		if s.Kind == corpus.KindHeading {
			continue
		}
		n++
		if firstPersonSingular(s.Text) {
			own++
		}
	}
	return n, own
}

// firstPersonSingular reports whether text says "I", "me" or "my" outside
// quotation marks.
func firstPersonSingular(text string) bool {
	quoted := false
	start := -1
	for i := 0; i <= len(text); i++ {
		c := byte(' ')
		if i < len(text) {
			c = text[i]
		}
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && !quoted && i-start <= 7 {
			// Lower-case into a buffer on the stack: this runs on
			// every word of every article.
			var buf [7]byte
			for k := start; k < i; k++ {
				c := text[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k-start] = c
			}
			if firstSingular[string(buf[:i-start])] {
				return true
			}
		}
		start = -1
		// Straight and curly double quotes open and close a quotation
		// (U+201C and U+201D begin with the bytes E2 80).
		if c == '"' || c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 && (text[i+2] == 0x9C || text[i+2] == 0x9D) {
			quoted = !quoted
		}
	}
	return false
}

var firstSingular = set("i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "mine")

// pastShare is the share of the n sentences that are not headings with
// "was", "were" or "had" in them: a substring test on the text as written,
// since it runs over every sentence before any is scanned.
func pastShare(sentences []corpus.Sentence, n int) float64 {
	past := 0
	for _, s := range sentences {
		if s.Kind == corpus.KindHeading {
			continue
		}
		t := s.Text
		if strings.Contains(t, " was ") || strings.Contains(t, " were ") || strings.Contains(t, " had ") ||
			strings.HasPrefix(t, "Was ") || strings.HasPrefix(t, "Had ") {
			past++
		}
	}
	return float64(past) / float64(n)
}

// modelHeading reports whether a heading names only the paper's model ("The
// Model", "Models"): in a paper, after its introduction, the authors' own
// methods.
func modelHeading(heading string) bool {
	found := false
	for _, w := range strings.FieldsFunc(strings.ToLower(heading), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		switch w {
		case "model", "models":
			found = true
		case "the", "our":
		default:
			return false
		}
	}
	return found
}

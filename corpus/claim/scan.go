package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/cite"
)

// token is one word or number of a sentence.
type token struct {
	start, end int  // byte offsets in scan.orig and scan.low
	cap        bool // starts with an upper-case letter
	num        bool // digits, with . or , between them
	mixed      bool // digits and letters: 1980s, 21st, 5mg, d3
	joined     bool // glued to the token before by a hyphen or a dash
}

// scan holds one sentence while it is scored.
type scan struct {
	orig, low string // the sentence without markers; low in lower case, same offsets
	toks      []token
	fired     [numFeatures]bool
	quote     [numFeatures][2]int32 // what triggered each feature: offsets in orig
	verbs     int                   // tokens that are surely verbs
}

// fire records that feature f fired, quoting orig[start:end]. It stores
// offsets, not strings, so that the scan stays on Judge's stack.
func (s *scan) fire(f feature, start, end int) {
	if !s.fired[f] {
		s.fired[f] = true
		s.quote[f] = [2]int32{int32(start), int32(end)}
	}
}

// fireTok fires f quoting tokens i..j inclusive.
func (s *scan) fireTok(f feature, i, j int) { s.fire(f, s.toks[i].start, s.toks[j].end) }

// text returns the original words of tokens i..j inclusive.
func (s *scan) text(i, j int) string { return s.orig[s.toks[i].start:s.toks[j].end] }

func (s *scan) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.low[s.toks[i].start:s.toks[i].end]
}

// tw returns token t in lower case.
func (s *scan) tw(t token) string { return s.low[t.start:t.end] }

// run scores the sentence once clean and tokenize have prepared it.
func (s *scan) run(kind corpus.BlockKind) {
	switch kind {
	case corpus.KindHeading:
		s.fire(fHeading, 0, 0)
	case corpus.KindTableCell:
		s.fire(fTableCell, 0, 0)
	case corpus.KindFootnote:
		s.fire(fFootnote, 0, 0)
	}
	s.punctuation()
	s.lookup()
	s.numbers()
	s.start()
	s.definition()
	s.shape(kind)
}

// clean takes the citation markers out of text and makes the two copies the
// scorer reads: orig with typographic quotes and spaces made plain, low the
// same in lower case with the same byte offsets.
func (s *scan) clean(text string) {
	markers := cite.Detect(text)
	var o, l strings.Builder
	o.Grow(len(text))
	l.Grow(len(text))
	m := 0
	for i := 0; i < len(text); {
		if m < len(markers) && i >= markers[m].Start {
			mk := markers[m]
			// A narrative citation keeps its subject: "Stokes et al. (2020)
			// trained" still says who trained.
			if mk.Narrative {
				if p := strings.IndexByte(mk.Text, '('); p > 0 {
					names := text[mk.Start : mk.Start+p]
					o.WriteString(names)
					s.lowerInto(&l, names)
				} else {
					o.WriteString(" They")
					l.WriteString(" they")
				}
			}
			o.WriteByte(' ')
			l.WriteByte(' ')
			i = max(mk.End, i)
			m++
			continue
		}
		if c := text[i]; c < utf8.RuneSelf {
			o.WriteByte(c)
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			l.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\u2019', '\u2018', '\u02bc':
			r = '\''
		case '\u201c', '\u201d':
			r = '"'
		case '\u00a0', '\u2009', '\u202f', '\u2002', '\u2003':
			r = ' '
		}
		o.WriteRune(r)
		lr := unicode.ToLower(r)
		if utf8.RuneLen(lr) != utf8.RuneLen(r) {
			lr = r
		}
		l.WriteRune(lr)
		i += size
	}
	s.orig, s.low = o.String(), l.String()
}

// lowerInto writes t lower-cased rune by rune, keeping byte lengths.
func (s *scan) lowerInto(l *strings.Builder, t string) {
	for _, r := range t {
		lr := unicode.ToLower(r)
		if utf8.RuneLen(lr) != utf8.RuneLen(r) {
			lr = r
		}
		l.WriteRune(lr)
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// tokenize splits low into words and numbers. Hyphens and dashes split words
// but mark the next token as joined; apostrophes stay inside words; points
// and commas stay inside numbers.
func tokenize(low, orig string, toks []token) []token {
	joined := false
	for i := 0; i < len(low); {
		r, size := utf8.DecodeRuneInString(low[i:])
		if !isWordRune(r) {
			joined = r == '-' || r == '\u2013' || r == '\u2014' || r == '\u2010' || r == '\u2011'
			if joined && (len(toks) == 0 || toks[len(toks)-1].end != i) {
				joined = false // a dash after a space joins nothing
			}
			i += size
			continue
		}
		start := i
		digits, letters := 0, 0
		for i < len(low) {
			r, size = utf8.DecodeRuneInString(low[i:])
			if isWordRune(r) {
				if unicode.IsDigit(r) {
					digits++
				} else {
					letters++
				}
				i += size
				continue
			}
			// Inner punctuation: 1.27, 25,871, don't, o'neill.
			if i+1 < len(low) && i > start {
				next, _ := utf8.DecodeRuneInString(low[i+1:])
				prev, _ := utf8.DecodeLastRuneInString(low[:i])
				if (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next) {
					i++
					continue
				}
				if r == '\'' && unicode.IsLetter(prev) && unicode.IsLetter(next) {
					i++
					continue
				}
			}
			break
		}
		first, _ := utf8.DecodeRuneInString(orig[start:])
		t := token{start: start, end: i, cap: unicode.IsUpper(first), joined: joined,
			num: letters == 0, mixed: letters > 0 && digits > 0}
		toks = append(toks, t)
		joined = false
	}
	return toks
}

// lastRune returns the last rune of the sentence that is not a closing
// quote, bracket or space.
func lastRune(t string) rune {
	for len(t) > 0 {
		r, n := utf8.DecodeLastRuneInString(t)
		if !unicode.IsSpace(r) && !strings.ContainsRune("\"')]}*_»", r) {
			return r
		}
		t = t[:len(t)-n]
	}
	return 0
}

func (s *scan) punctuation() {
	switch lastRune(s.low) {
	case '?':
		s.fire(fQuestion, 0, 0)
	case '!':
		s.fire(fExclamation, 0, 0)
	case ':':
		s.fire(fListIntro, 0, 0)
	}
}

// lookup finds the words and phrases of the lexicon, and notes the verbs.
func (s *scan) lookup() {
	for i := range s.toks {
		w := s.word(i)
		for _, p := range phrases[w] {
			if s.matches(i, p.words) {
				s.fireTok(p.f, i, i+len(p.words)-1)
			}
		}
		if f, ok := words[w]; ok {
			s.word1(i, f)
		}
		if s.isVerb(i) {
			s.verbs++
		}
	}
}

// word1 fires the feature of a single word, unless the word's context says
// it means something else here.
func (s *scan) word1(i int, f feature) {
	w := s.word(i)
	switch f {
	case fSuperlative:
		// "First, ..." enumerates.
		if w == "first" && i == 0 {
			return
		}
	case fEfficacy, fCausal, fChange:
		if i == 0 && imperatives[w] && s.word(1) != "" && !notImperativeNext[s.word(1)] {
			return // "Reduce your salt intake" is advice, handled by start
		}
	case fQuantity:
		if w == "third" || w == "fifth" || w == "tenth" || w == "quarter" {
			// An ordinal needs "a" or "one" before it to be a proportion.
			if p := s.word(i - 1); p != "a" && p != "one" && p != "two" {
				return
			}
		}
	case fFirstPerson, fSecondPerson:
		// Inside a quotation the words are someone else's.
		if strings.Count(s.low[:s.toks[i].start], "\"")%2 == 1 {
			return
		}
	}
	s.fireTok(f, i, i)
}

func (s *scan) matches(i int, words []string) bool {
	if i+len(words) > len(s.toks) {
		return false
	}
	for k, w := range words {
		if s.word(i+k) != w {
			return false
		}
	}
	return true
}

// isVerb reports whether token i is surely a verb: an auxiliary, an
// inflected form, or a base form after a subject pronoun, a modal or "to".
func (s *scan) isVerb(i int) bool {
	w := s.word(i)
	if auxiliaries[w] {
		return true
	}
	switch verbForms[w] {
	case formInflected:
		return true
	case formBase:
		p := s.word(i - 1)
		return baseVerbContext[p] || len(p) > 3 && strings.HasSuffix(p, "s") && !strings.HasSuffix(p, "ss")
	}
	return len(w) >= 6 && strings.HasSuffix(w, "ed") && !edNotVerbs[w]
}

// numbers classifies every number: a statistic when a unit, a percent sign,
// a currency or a comparison goes with it, a date when it is a year, a plain
// number otherwise; numbers that are part of a name ("COVID-19", "Figure 2",
// "Inkwell 7") count for nothing.
func (s *scan) numbers() {
	for i := range s.toks {
		t := &s.toks[i]
		if !t.num && !t.mixed {
			if quantityWord(s.tw(*t)) && s.unitAfter(i) > i {
				s.fireTok(fStatistic, i, s.unitAfter(i))
			}
			continue
		}
		if s.nameNumber(i) {
			continue
		}
		if t.mixed {
			s.mixedNumber(i)
			continue
		}
		if start, end, ok := s.symbolStatistic(i); ok {
			s.fire(fStatistic, start, end)
			continue
		}
		if j := s.unitAfter(i); j > i {
			s.fireTok(fStatistic, i, j)
			continue
		}
		if s.isYear(i) {
			s.fireTok(fDate, max(0, i-s.datePrefix(i)), i)
			continue
		}
		s.fireTok(fNumber, i, i)
	}
}

func inLexicon(w string) bool { _, ok := words[w]; return ok }

func quantityWord(w string) bool { return words[w] == fQuantity && !magnitudes[w] && w != "estimated" }

// nameNumber reports whether number i is part of a name or a label.
func (s *scan) nameNumber(i int) bool {
	t := s.toks[i]
	if t.joined && i > 0 && !s.toks[i-1].num {
		return true // COVID-19, H5N1-2
	}
	if i == 0 {
		return false
	}
	p := s.toks[i-1]
	if g := s.gap(i-1, i); numberNames[s.tw(p)] && (g == " " || g == ". " || g == ".") {
		return true
	}
	// A capitalised word inside the sentence names a thing the number
	// belongs to: "Inkwell 7", "Windows 11"; not "In 2015" or "March 2020".
	return p.cap && i-1 > 0 && !months[s.tw(p)] && !p.num && s.gap(i-1, i) == " "
}

// gap returns what lies between tokens i and j.
func (s *scan) gap(i, j int) string { return s.low[s.toks[i].end:s.toks[j].start] }

// symbolStatistic finds a percent, degree or currency sign or a comparison
// sign with number i.
func (s *scan) symbolStatistic(i int) (start, end int, ok bool) {
	t := s.toks[i]
	after := strings.TrimLeft(s.low[t.end:], " ")
	switch {
	case strings.HasPrefix(after, "%"), strings.HasPrefix(after, "°"), strings.HasPrefix(after, "‰"):
		_, n := utf8.DecodeRuneInString(after)
		end := len(s.low) - len(after) + n
		if strings.HasPrefix(after, "°") && len(after) > n && (after[n] == 'c' || after[n] == 'f') {
			end++
		}
		return t.start, end, true
	}
	before := strings.TrimRight(s.low[:t.start], " ")
	r, n := utf8.DecodeLastRuneInString(before)
	if strings.ContainsRune("$€£¥<>=≤≥±~≈", r) {
		start := len(before) - n
		// "p < 0.05", "n = 120": quote the variable too.
		if i > 0 && strings.ContainsRune("<>=≤≥", r) && len(s.word(i-1)) <= 3 &&
			strings.TrimSpace(s.low[s.toks[i-1].end:start]) == "" {
			start = s.toks[i-1].start
		}
		return start, t.end, true
	}
	return 0, 0, false
}

// unitAfter returns the index of the unit that follows token i (after a
// magnitude word, if any), or i when there is none.
func (s *scan) unitAfter(i int) int {
	j := i + 1
	if j < len(s.toks) && magnitudes[s.word(j)] && !magnitudes[s.word(i)] {
		if j+1 < len(s.toks) && units[s.word(j+1)] {
			return j + 1
		}
		return j
	}
	if j < len(s.toks) && units[s.word(j)] {
		// "4-point scale": the word after a joined unit is part of it.
		if s.toks[j].joined && j+1 < len(s.toks) && !s.toks[j+1].joined && s.gap(j, j+1) == " " &&
			!s.toks[j+1].num && !inLexicon(s.word(j+1)) {
			return j + 1
		}
		return j
	}
	return i
}

// mixedNumber handles tokens of digits and letters: 1980s, 21st, 5mg.
func (s *scan) mixedNumber(i int) {
	w := s.word(i)
	k := 0
	for k < len(w) && w[k] >= '0' && w[k] <= '9' {
		k++
	}
	if k == 0 {
		return // d3, h5n1: a name
	}
	suffix := w[k:]
	switch {
	case suffix == "s" && (k == 4 || k == 2):
		s.fireTok(fDate, i, i)
	case suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th":
		s.fireTok(fNumber, i, i)
	case units[suffix]:
		s.fireTok(fStatistic, i, i)
	}
}

// isYear reports whether number i reads as a year.
func (s *scan) isYear(i int) bool {
	w := s.word(i)
	if len(w) != 4 {
		return false
	}
	y := 0
	for k := 0; k < 4; k++ {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
		y = y*10 + int(w[k]-'0')
	}
	return y >= 1500 && y <= 2100
}

// datePrefix returns how many tokens before a year belong to the date:
// "in 1928", "4 June 2024".
func (s *scan) datePrefix(i int) int {
	switch s.word(i - 1) {
	case "in", "since", "by", "until", "from", "before", "after", "during", "of":
		return 1
	}
	if months[s.word(i-1)] {
		if i >= 2 && s.toks[i-2].num {
			return 2
		}
		return 1
	}
	return 0
}

// start looks at how the sentence opens: an imperative, a byline, a
// greeting, a label, a pointer to a figure.
func (s *scan) start() {
	n := len(s.toks)
	if n == 0 {
		return
	}
	first := s.toks[0]
	// "By Jane Doe", "Updated 4 June 2024".
	// "By Jane Doe": no verb, unlike "By Christmas, sales had doubled".
	if s.tw(first) == "by" && n > 1 && s.toks[1].cap && n <= 12 && s.verbs == 0 {
		s.fireTok(fByline, 0, 1)
	}
	if (s.tw(first) == "updated" || s.tw(first) == "published" || s.tw(first) == "posted") && n <= 8 {
		s.fireTok(fByline, 0, 0)
	}
	if greetings[s.tw(first)] && s.word(1) != "to" {
		s.fireTok(fBoilerplate, 0, 0)
	}
	// "Verdict: ...", "Pros: ...": a label and a colon.
	for k := 0; k < 2 && k < n-1; k++ {
		rest := strings.TrimLeft(s.low[s.toks[k].end:], " ")
		if strings.HasPrefix(rest, ":") {
			if !s.toks[k].num {
				s.fire(fLabel, first.start, len(s.low)-len(rest)+1)
			}
			break
		}
	}
	if crossRefWords[s.tw(first)] && n > 2 {
		k := 1
		if s.toks[1].num || len(s.word(1)) == 1 {
			k = 2
		}
		if verbForms[s.word(k)] == formInflected {
			s.fireTok(fCrossRef, 0, k)
		}
	}
	s.imperative()
	s.bio()
	s.reference()
}

// reference recognises a bibliography entry that a reader left among the
// prose (footnote bodies used as a reference list): it opens with a surname
// and initials ("Watson NF,", "Van Dongen HPA.") or holds a
// year;volume(issue):pages run ("2015;38(6):843").
func (s *scan) reference() {
	for k := 1; k < 3 && k < len(s.toks); k++ {
		t := s.toks[k]
		if !s.toks[k-1].cap || t.num || t.end-t.start > 3 || !isUpperWord(s.orig[t.start:t.end]) {
			continue
		}
		rest := strings.TrimLeft(s.low[t.end:], " ")
		switch {
		case strings.HasPrefix(rest, ",") && s.word(k+1) == "et" && s.word(k+2) == "al",
			// "Smith AB, Jones CD": a list of authors.
			strings.HasPrefix(rest, ",") && k+2 < len(s.toks) && s.toks[k+1].cap &&
				isUpperWord(s.orig[s.toks[k+2].start:s.toks[k+2].end]) && s.toks[k+2].end-s.toks[k+2].start <= 3,
			// "Holick MF." but not "vitamin D.".
			strings.HasPrefix(rest, ".") && t.end-t.start >= 2:
			s.fireTok(fReference, 0, k)
			return
		}
		break
	}
	for i := 0; i+1 < len(s.toks); i++ {
		t := s.toks[i]
		if t.num && s.isYear(i) && s.gap(i, i+1) == ";" && s.toks[i+1].num {
			s.fireTok(fReference, i, i+1)
			return
		}
	}
}

func isUpperWord(w string) bool {
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return w != ""
}

// imperative looks for a verb in the imperative first in the sentence, or
// first after an opening clause ("If you smoke, stop.").
func (s *scan) imperative() {
	i := 0
	if leadClauseWords[s.word(0)] {
		c := strings.IndexByte(s.low, ',')
		if c < 0 {
			return
		}
		for i = 0; i < len(s.toks) && s.toks[i].start < c; i++ {
		}
	}
	// "Please", "Just", "Always", "Never", "Don't", "Do not" before the verb.
	negated := false
prefix:
	for k := 0; k < 2 && i < len(s.toks); k++ {
		switch s.word(i) {
		case "please", "just", "simply", "so", "now", "then", "and":
			i++
			continue
		case "always", "never", "don't":
			i++
			negated = true
			continue
		case "do":
			if s.word(i+1) == "not" {
				i += 2
				negated = true
				continue
			}
		}
		break prefix
	}
	if i >= len(s.toks) {
		return
	}
	w := s.word(i)
	if !imperatives[w] && !(negated && verbForms[w] == formBase) || notImperativeNext[s.word(i+1)] {
		return
	}
	// "Use" is an imperative, "Use of" or "Drink-driving" a noun; before a
	// verb in the third person ("Exercise reduces", "Sleep is") the word is
	// the subject; before a capital ("Cook County") part of a name.
	if i+1 < len(s.toks) {
		next := s.toks[i+1]
		nw := s.tw(next)
		if next.joined || next.cap || auxiliaries[nw] ||
			verbForms[nw] == formInflected && strings.HasSuffix(nw, "s") && !strings.HasSuffix(nw, "ss") {
			return
		}
	}
	s.fireTok(fImperative, i, i)
}

// definition recognises "X is a Y": "Vitamin D is a fat-soluble vitamin".
func (s *scan) definition() {
	if len(s.toks) < 4 || notDefinedSubjects[s.word(0)] {
		return
	}
	for i := 1; i+1 < len(s.toks); i++ {
		switch s.word(i) {
		case "is", "are", "was", "were":
			if a := s.word(i + 1); a == "a" || a == "an" {
				s.fireTok(fDefinition, i, i+1)
			}
			return
		}
	}
}

// bio recognises an author's biography: "Jane Doe is a health writer",
// "She writes about", "Daniel is a correspondent based in Lagos".
func (s *scan) bio() {
	n := len(s.toks)
	i := 0
	for i < n && i < 3 && s.toks[i].cap && !s.toks[i].num {
		i++
	}
	if i == 0 || i >= n-2 || s.word(i) != "is" {
		return
	}
	if s.word(i+1) != "a" && s.word(i+1) != "an" && s.word(i+1) != "the" {
		return
	}
	for k := i + 2; k < n && k <= i+5; k++ {
		if roleWords[s.word(k)] {
			s.fireTok(fBio, 0, k)
			return
		}
	}
}

// shape scores what the sentence looks like as a whole: its length, whether
// it has a verb, whether it is a plain statement about the world.
func (s *scan) shape(kind corpus.BlockKind) {
	n := len(s.toks)
	switch {
	case n < 4:
		s.fire(fFragment, 0, 0)
	case n < 6:
		s.fire(fShort, 0, 0)
	}
	item := kind == corpus.KindListItem || kind == corpus.KindCaption || kind == corpus.KindTableCell
	// The verb lists are short: a long sentence without a known verb most
	// likely has one the lists miss; a short one or an item is a fragment.
	if s.verbs == 0 && n > 0 && (n < 10 || item) {
		s.fire(fNoVerb, 0, 0)
	}
	// An item without a full stop, or one that starts in lower case, is a
	// piece of the sentence that introduced the list.
	if item && n > 0 && (!strings.ContainsRune(".!?", lastRune(s.low)) || !s.toks[0].cap && !s.toks[0].num) {
		s.fire(fUnfinished, 0, 0)
	}
	if n >= 7 && (s.verbs > 0 || n >= 10 && !item) && !s.fired[fQuestion] && !s.fired[fImperative] && !s.fired[fFirstPerson] &&
		!s.fired[fSecondPerson] && !s.fired[fOpinion] && !s.fired[fHeading] {
		s.fire(fDeclarative, 0, 0)
	}
	// Proper names inside the sentence, not at its start and not "I".
	for i := 1; i < n; i++ {
		t := s.toks[i]
		if t.cap && !t.num && s.tw(t) != "i" && !strings.HasSuffix(s.low[:t.start], "\" ") &&
			!strings.HasSuffix(strings.TrimRight(s.low[:t.start], " "), ":") {
			s.fireTok(fEntity, i, i)
			break
		}
	}
}

// The lexicon compiled for lookup: single words by word, phrases by their
// first word.
type phrase struct {
	words []string
	f     feature
}

var (
	words     = map[string]feature{}
	phrases   = map[string][]phrase{}
	verbForms = map[string]verbForm{}
	// listConflicts records words put in two features, which the tests
	// report.
	listConflicts []string
)

type verbForm byte

const (
	formNone verbForm = iota
	formBase
	formInflected
)

func init() {
	for f := feature(0); f < numFeatures; f++ {
		for _, entry := range lexicon[f] {
			ws := strings.FieldsFunc(entry, func(r rune) bool { return r == ' ' || r == '-' })
			if len(ws) == 1 {
				if g, ok := words[ws[0]]; ok && g != f {
					listConflicts = append(listConflicts, entry)
					continue
				}
				words[ws[0]] = f
				continue
			}
			phrases[ws[0]] = append(phrases[ws[0]], phrase{words: ws, f: f})
		}
	}
	addVerbs := func(list verbList) {
		for k, w := range list {
			if strings.Contains(w, " ") {
				continue
			}
			form := formInflected
			// verbs() lays out base, third, past, -ing; the -ing form and
			// the base are no proof of a verb (nouns, gerunds).
			if strings.HasSuffix(w, "ing") {
				continue
			}
			if k < len(list) && isBaseForm(list, k) {
				form = formBase
			}
			if verbForms[w] == formNone || form == formInflected {
				verbForms[w] = form
			}
		}
	}
	addVerbs(commonVerbs)
	addVerbs(lexicon[fCausal])
	addVerbs(lexicon[fChange])
	for _, w := range lexicon[fFinding] {
		verbForms[w] = formInflected
	}
	for _, w := range lexicon[fAttribution] {
		if !strings.Contains(w, " ") {
			verbForms[w] = formInflected
		}
	}
	for _, w := range lexicon[fHistory] {
		verbForms[w] = formInflected
	}
	// Plural nouns that are also verbs in the third person.
	for _, w := range []string{"results", "benefits", "risks", "reports", "claims", "states", "studies",
		"tests", "rates", "records", "costs", "screens", "projects", "processes", "harms", "notes",
		"questions", "matters", "plans", "drops", "falls", "cuts", "needs", "works"} {
		if verbForms[w] == formInflected {
			verbForms[w] = formBase
		}
	}
}

// isBaseForm reports whether list[k] is the base of a verb() quadruple.
// verbs() output comes in fours; plus() appends inflected forms after them,
// so a base is recognised by its third-person form following it.
func isBaseForm(list verbList, k int) bool {
	return k+1 < len(list) && list[k+1] == thirdPerson(list[k])
}

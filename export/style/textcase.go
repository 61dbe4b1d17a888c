package style

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopWords are the English words title case leaves in lower case unless
// they begin the title or follow a colon: the list of CSL 1.0.2 ("Title
// case conversion") as pandoc's citeproc applies it, which adds "about"
// and "v" and leaves out most other prepositions ("Under", "Without").
var stopWords = map[string]bool{
	"a": true, "about": true, "an": true, "and": true, "as": true, "at": true, "but": true,
	"by": true, "down": true, "for": true, "from": true, "in": true,
	"into": true, "nor": true, "of": true, "on": true, "onto": true,
	"or": true, "over": true, "so": true, "the": true, "till": true,
	"to": true, "up": true, "v": true, "via": true, "with": true, "yet": true,
}

// continuesWord reports whether text starts with a letter, digit or
// apostrophe, which would continue a word left open before it.
func continuesWord(text string) bool {
	r, size := utf8.DecodeRuneInString(text)
	if r == '.' {
		// "{D}.tour": a period inside a word, not one that ends it.
		next, _ := utf8.DecodeRuneInString(text[size:])
		return unicode.IsLetter(next)
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// splitContinuation splits off the start of text that continues a word the
// spans before it end in the middle of.
func splitContinuation(before Rich, text string) (head, rest string) {
	prev := lastText(before)
	if prev == "" || text == "" || isWordBreak(prev[len(prev)-1]) || !continuesWord(text) {
		return "", text
	}
	j := 0
	for j < len(text) && !isWordBreak(text[j]) {
		j++
	}
	return text[:j], text[j:]
}

func endsSentence(s string) bool {
	t := strings.TrimRight(s, " ”’\"')")
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, ".")
}

func isWordBreak(c byte) bool { return c == ' ' || c == '-' || c == '/' }

// isLowerWord reports whether w has letters and none of them is a capital.
func isLowerWord(w string) bool {
	letters := false
	for _, r := range w {
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters = true
		}
	}
	return letters
}

// upperFirst capitalises the first letter of w (after any opening quote or
// bracket).
func upperFirst(w string) string {
	for i, r := range w {
		if unicode.IsLetter(r) {
			if unicode.IsUpper(r) {
				return w
			}
			return w[:i] + string(unicode.ToUpper(r)) + w[i+utf8.RuneLen(r):]
		}
		if unicode.IsDigit(r) {
			return w
		}
	}
	return w
}

// sentenceCase lower-cases the capitalised words of a title, as pandoc's
// BibTeX reader does before a style sees the title: "The Art of Computer
// Programming" becomes "The art of computer programming". The first word
// is capitalised, and so is a word after a colon or a ?, ! or . (unless it
// is the title's last word, where pandoc lower-cases it too). Acronyms,
// words with inner capitals ("iPhone", "McDonald") and protected text keep
// their case; so do proper nouns, and every word of a title written in
// sentence case already, unlike pandoc (see keepCapitals).
func sentenceCase(r Rich) Rich {
	out := make(Rich, len(r))
	copy(out, r)
	keep := spanKeeps(out)
	lastSpan, lastStart := lastWord(out)
	st := sentenceState{atStart: true, titleStart: true}
	for i := range out {
		if out[i].noCase {
			if t := strings.TrimSpace(out[i].Text); t != "" {
				st.atStart, st.titleStart = endsSentence(t), false
			}
			continue
		}
		last := -1
		if i == lastSpan {
			last = lastStart
		}
		head, rest := splitContinuation(out[:i], out[i].Text)
		if head != "" {
			st.titleStart, st.atStart = false, endsSentence(head)
		}
		if rest != "" {
			last -= len(head)
			rest = st.apply(rest, last, keep[i])
		}
		out[i].Text = head + rest
	}
	return out
}

// spanKeeps reads the words of a title as sentenceCase splits them and
// returns, for each span, which of its words keep their capitals
// (keepCapitals), in the order apply meets them.
func spanKeeps(r Rich) [][]bool {
	// room for every word: a break ends one
	words := len(r)
	for _, sp := range r {
		for i := 0; i < len(sp.Text); i++ {
			if isWordBreak(sp.Text[i]) {
				words++
			}
		}
	}
	toks := make([]titleToken, 0, words)
	type at struct{ span, word int }
	where := make([]at, 0, words)
	var prev byte = ' '
	stop := false
	add := func(span, word int, w string, noCase bool) {
		toks = append(toks, titleToken{core: wordCore(w), noCase: noCase, spaced: prev == ' ', afterStop: stop})
		where = append(where, at{span, word})
		stop = endsSentence(w)
	}
	for i, sp := range r {
		text := sp.Text
		if !sp.noCase {
			head, rest := splitContinuation(r[:i], text)
			if head != "" && len(toks) > 0 {
				// The end of a word begun in the span before.
				t := &toks[len(toks)-1]
				t.core = wordCore(t.core + head)
				stop = endsSentence(head)
				prev = head[len(head)-1]
			}
			text = rest
		}
		word := 0
		for j := 0; j < len(text); {
			k := j
			for k < len(text) && !isWordBreak(text[k]) {
				k++
			}
			if k > j {
				add(i, word, text[j:k], sp.noCase)
				word++
			}
			if k < len(text) {
				prev = text[k]
				k++
			} else if k > j {
				prev = text[k-1]
			}
			j = k
		}
	}
	keep := make([][]bool, len(r))
	for k, ok := range keepCapitals(toks) {
		w := where[k]
		if r[w.span].noCase {
			continue
		}
		for len(keep[w.span]) <= w.word {
			keep[w.span] = append(keep[w.span], false)
		}
		keep[w.span][w.word] = ok
	}
	return keep
}

type sentenceState struct {
	atStart    bool // the next word begins the title or follows . : ? !
	titleStart bool // the next word is the title's first
}

// lastWord finds the span and byte offset where the last word starts.
func lastWord(r Rich) (span, start int) {
	for i := len(r) - 1; i >= 0; i-- {
		t := strings.TrimRight(r[i].Text, " ")
		if t == "" {
			continue
		}
		j := len(t)
		for j > 0 && !isWordBreak(t[j-1]) {
			j--
		}
		return i, j
	}
	return -1, -1
}

// apply puts the words of s into sentence case; keep says which of them
// keep their capitals.
func (st *sentenceState) apply(s string, lastStart int, keep []bool) string {
	var b strings.Builder
	b.Grow(len(s))
	word := 0
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && !isWordBreak(s[j]) {
			j++
		}
		if j > i {
			w := s[i:j]
			switch {
			case st.titleStart || st.atStart && i != lastStart:
				w = upperFirst(w)
				if k := strings.IndexByte(w, '.'); k > 0 {
					w = w[:k] + lowerDotted(w[k:])
				}
			case word < len(keep) && keep[word]:
			default:
				w = lowerDotted(w)
			}
			word++
			b.WriteString(w)
			if hasLetterOrDigit(w) {
				st.titleStart = false
			}
			if endsSentence(w) {
				st.atStart = true
			} else if hasLetterOrDigit(w) {
				st.atStart = false
			}
		}
		if j < len(s) {
			b.WriteByte(s[j])
			j++
		}
		i = j
	}
	return b.String()
}

// lowerDotted lower-cases the capitalised parts of a word between periods
// ("Illiad.Dll" → "illiad.dll", "Study" → "study"), leaving acronyms and
// inner capitals ("U.S.", "iPhone").
func lowerDotted(w string) string {
	if !strings.Contains(w, ".") {
		if isCapitalizedWord(w) {
			return strings.ToLower(w)
		}
		return w
	}
	parts := strings.Split(w, ".")
	for i, p := range parts {
		if len([]rune(strings.TrimFunc(p, func(r rune) bool { return !unicode.IsLetter(r) }))) > 1 && isCapitalizedWord(p) {
			parts[i] = strings.ToLower(p)
		}
	}
	return strings.Join(parts, ".")
}

// isCapitalizedWord reports whether w's first letter is a capital and the
// rest are small letters ("Study", not "DNA" or "McDonald" or "A").
func isCapitalizedWord(w string) bool {
	seen := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		seen++
		if seen == 1 && !unicode.IsUpper(r) {
			return false
		}
		if seen > 1 && !unicode.IsLower(r) {
			return false
		}
	}
	return seen > 0
}

func hasLetterOrDigit(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

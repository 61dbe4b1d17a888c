package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Patterns of whole sentences, most of them at the start: bylines, labels,
// imperatives, bios, reference entries, definitions.

// start looks at how the sentence opens: an imperative, a byline, a
// greeting, a label, a pointer to a figure.
func (s *scan) start() {
	n := len(s.toks)
	if n == 0 {
		return
	}
	first := s.toks[0]
	// "By Jane Doe" has no verb, unlike "By Christmas, sales had doubled".
	if s.tw(first) == "by" && n > 1 && s.toks[1].cap && n <= 12 && s.verbs == 0 {
		s.fireTok(fByline, 0, 1)
	}
	// "By Megan Cho · Updated April 2, 2025", "September 26, 2023
	// Updated September 27, 2023": a page's meta line names its own
	// versions with a capital in mid-line, which no sentence does.
	for i := 1; i < n && i < 12; i++ {
		if w := s.word(i); s.toks[i].cap && (w == "updated" || w == "published" || w == "posted") {
			s.fireTok(fByline, i, i)
			break
		}
	}
	// "(Reporting by Fiona Achterberg in Dundee; Editing by Tom
	// Hallworth)": a wire story's credits.
	if creditWords[s.tw(first)] && s.word(1) == "by" && n > 2 && s.toks[2].cap {
		s.fireTok(fByline, 0, 1)
	}
	// "¹ School of Health Sciences; ² Community Falls Service": a paper's
	// affiliations, each opened by its author's mark.
	if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(s.low)); strings.ContainsRune("¹²³⁴⁵⁶⁷⁸⁹†‡", r) && n <= 20 {
		for i := range n {
			if institutionWords[s.word(i)] {
				s.fireTok(fByline, 0, n-1)
				break
			}
		}
	}
	// "Updated 4 June 2024", "Published on Monday".
	if (s.tw(first) == "published" || s.tw(first) == "posted") && n <= 8 {
		s.fireTok(fByline, 0, 0)
	}
	// "Thursday 30 November 2023", "30 November 2023, 10:42 GMT",
	// "Thursday 15 October 2026, updated 18:40": a dateline alone says
	// when the page was written, not what happened. dateLine takes no
	// word but a date's and a version's, so the verb test is its.
	if n <= 10 && dateLine(s.low) {
		s.fireTok(fByline, 0, n-1)
	}
	// "Updated at 4:15 p.m. with comments from…", "Correction: An
	// earlier version…": the article speaks of its own versions.
	switch s.tw(first) {
	case "updated", "update", "correction", "corrections", "clarification":
		if s.tw(first) == "updated" || strings.HasPrefix(strings.TrimLeft(s.low[first.end:], " "), ":") {
			s.fireTok(fNotice, 0, 0)
		}
	case "amended", "corrected", "clarified", "edited":
		// "Amended on 28 February to correct the name of the lane": a
		// version note; not "Corrected for inflation, wages fell".
		if w := s.word(1); w == "on" || w == "at" {
			s.fireTok(fNotice, 0, 1)
		}
	case "updates", "adds", "recasts", "rewrites", "corrects", "fixes", "changes", "removes":
		// A wire story's version note: "Updates with analyst comment in
		// paragraph 9", "Corrects spelling of name in headline".
		if strings.Contains(s.low, "paragraph") || strings.Contains(s.low, "headline") || strings.Contains(s.low, " para ") {
			s.fireTok(fNotice, 0, 0)
		}
	case "because", "partly", "mainly", "largely", "probably", "perhaps":
		// "Partly because the alternative is a fight.": a clause that
		// answers the question before it, not a statement.
		k := 0
		if s.tw(first) != "because" {
			k = 1
		}
		// "Because the screen reflects light, it uses…" has its main
		// clause after the comma.
		if (s.word(k) == "because" || s.word(k) == "out" && s.word(k+1) == "of") && !strings.Contains(s.low, ",") {
			s.fireTok(fFragment, 0, k)
		}
	case "so":
		// "So the magic number is a marketing slogan.": the writer's
		// conclusion from what went before; not "So far, …" or "So many
		// people…".
		if w := s.word(1); w != "far" && w != "many" && w != "much" && w != "few" && w != "little" {
			s.fireTok(fBackRef, 0, 0)
		}
	case "here":
		// "Here we ask…", "Here the scientists have been clear": the
		// writer pointing at the text.
		s.fireTok(fTransition, 0, 0)
	case "that", "this", "these", "those", "it":
		if n > 2 && (auxiliaries[s.word(1)] || s.word(1) == "shows" || s.word(1) == "means") {
			s.fireTok(fBackRef, 0, 1)
		} else if n > 3 && s.tw(first) != "it" && auxiliaries[s.word(2)] &&
			(discourseNouns[s.word(1)] || backNouns[s.word(1)]) {
			// "That finding is…", "These results are…"; not "These
			// drugs are given as an injection", a fact about the drugs.
			s.fireTok(fBackRef, 0, 2)
		}
	}
	// "Related: School budget faces…", "Read more: …": a link to
	// another article.
	if (s.tw(first) == "related" || s.tw(first) == "more" || s.tw(first) == "see") &&
		strings.HasPrefix(strings.TrimLeft(s.low[first.end:], " "), ":") {
		s.fireTok(fBoilerplate, 0, 0)
	}
	if greetings[s.tw(first)] && s.word(1) != "to" {
		s.fireTok(fBoilerplate, 0, 0)
	}
	// "Good to know: …": a label of three words.
	for _, l := range labelOpenings {
		if strings.HasPrefix(s.low, l) {
			s.fire(fLabel, first.start, len(l))
			break
		}
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
	s.imperativeAt(i)
	// "Export rates vary a lot between suppliers, so shop around.": an
	// order after the fact that motivates it.
	for k := 2; k+1 < len(s.toks); k++ {
		if s.word(k) == "so" && strings.TrimSpace(s.gap(k-1, k)) == "," {
			s.imperativeAt(k + 1)
			break
		}
	}
	// "The 16:8 method: fast for 16 hours…": a label, a colon and an
	// order.
	for k := 1; k < 6 && k < len(s.toks); k++ {
		if g := s.gap(k-1, k); strings.Contains(g, ":") && strings.HasSuffix(g, " ") {
			s.imperativeAt(k)
			break
		}
	}
}

// imperativeAt looks for a verb in the imperative at token i.
func (s *scan) imperativeAt(i int) {
	// "Please", "Just", "Always", "Never", "Don't", "Do not" before the verb.
	negated, dont := false, false
prefix:
	for k := 0; k < 2 && i < len(s.toks); k++ {
		switch s.word(i) {
		case "please", "just", "simply", "so", "now", "then", "and", "but":
			i++
			continue
		case "always", "never", "don't":
			dont = s.word(i) == "don't"
			i++
			negated = true
			continue
		case "do":
			if s.word(i+1) == "not" {
				i += 2
				negated, dont = true, true
				continue
			}
		}
		break prefix
	}
	if i >= len(s.toks) {
		return
	}
	w := s.word(i)
	// "Don't smoke, rinse hard…": after "Don't" or "Do not" any word is
	// the verb of an order, whether the verb lists know it or not.
	if dont && !s.toks[i].num && !s.toks[i].cap && !notImperativeNext[w] && !auxiliaries[w] {
		s.fireTok(fImperative, i, i)
		return
	}
	// "Raise the light if…", "Chill the drink": a word that may be a verb,
	// an adjective or a noun ("Lower back pain", "Water covers…") gives an
	// order when a determiner follows it.
	if (verbForms[w] == formBase || orderVerbs[w]) && determiners[s.word(i+1)] && !s.toks[i+1].cap {
		s.fireTok(fImperative, i, i)
		return
	}
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
				// "New words are a useful test case": the writer's
				// verdict on a thing, not what it is.
				if verdictAdjectives[s.word(i+2)] {
					s.fireTok(fOpinion, i, i+2)
					return
				}
				s.fireTok(fDefinition, i, i+1)
				// "Intermittent fasting is a tool, not a miracle": a
				// figure of speech, the writer's verdict.
				if k := strings.Index(s.low, ", not a"); k > s.toks[i].end {
					s.fire(fOpinion, s.toks[i].start, k+7)
				}
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
	// "Grace Whitfield has covered education for the Courier since
	// 2019", "Ana Ruiz reports on health": a name, then what the writer
	// covers.
	if i >= 2 && i < n-1 && !determiners[s.word(0)] {
		if w := s.word(i); w == "covers" || w == "reports" && s.word(i+1) == "on" ||
			w == "has" && (s.word(i+1) == "covered" || s.word(i+1) == "reported" || s.word(i+1) == "written" ||
				s.word(i+1) == "reviewed" || s.word(i+1) == "tested") {
			s.fireTok(fBio, 0, i)
			return
		}
	}
	// "Gwen Halloran has been a community midwife for 22 years".
	if i >= 2 && i < n-3 && s.word(i) == "has" && s.word(i+1) == "been" {
		i++
	}
	if i == 0 || i >= n-2 || s.word(i) != "is" && !(s.word(i) == "been" && s.word(i-1) == "has") {
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

// A dateline's words besides numbers, months and weekdays (words.go):
// short weekdays and time zones name the date as a month does, and the
// rest only join its parts.
var (
	dateNames   = set("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "gmt", "bst", "utc", "cet", "cest", "est", "edt", "pst", "pdt")
	dateFillers = set("at", "am", "pm", "a.m", "p.m", "et", "pt", "the", "of", "updated", "published", "posted",
		"modified", "last")
)

// dateLine reports whether low (a sentence in lower case) is only a date,
// perhaps with its weekday, a time and the word of a version ("updated
// 18:40"): every word a weekday, a month, a
// number ("30", "30th", "10:42") or a time zone, and at least one month,
// weekday or time zone and one number. It walks low in place: a slice of its words
// (strings.Fields) would make the scan's text, and with it the tokens
// every judge keeps on its stack, escape to the heap.
func dateLine(low string) bool {
	named, number := false, false
	for len(low) > 0 {
		i := strings.IndexFunc(low, dateSep)
		if i < 0 {
			i = len(low)
		}
		w := strings.TrimSuffix(low[:i], ".")
		switch {
		case w == "":
		case dateNumber(w):
			number = true
		case months[w] || weekdays[w] || dateNames[w]:
			named = true
		case dateFillers[w]:
		default:
			return false
		}
		if i == len(low) {
			break
		}
		_, size := utf8.DecodeRuneInString(low[i:])
		low = low[i+size:]
	}
	return named && number
}

// dateSep parts the words of a dateline.
func dateSep(r rune) bool {
	return unicode.IsSpace(r) || r == ',' || r == '|' || r == '·' || r == '–' || r == '—' || r == '/'
}

// dateNumber reports whether w is a day, a year or a time: "30", "30th",
// "2023", "10:42", "9.30".
func dateNumber(w string) bool {
	digits := 0
	for i, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case (r == ':' || r == '.') && digits > 0 && i < len(w)-1:
		default:
			suf := w[i:]
			return digits > 0 && digits <= 2 && (suf == "st" || suf == "nd" || suf == "rd" || suf == "th")
		}
	}
	return digits > 0 && digits <= 4
}

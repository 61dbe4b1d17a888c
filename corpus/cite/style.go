package cite

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// Style is what an article's markers say about how it cites.
type Style struct {
	// Dominant is the kind most of the article's markers use, learnt from
	// the markers whose form is not in doubt; empty when there are none.
	Dominant corpus.MarkerKind
	// Counts counts the markers Analyze returns, by kind.
	Counts map[corpus.MarkerKind]int
	// Brackets is how the dominant kind's markers are enclosed: "()", "[]"
	// or "sup" (Unicode, HTML or pandoc superscript); empty for LaTeX
	// commands, narrative forms and footnotes.
	Brackets string
}

// mixShare is the share of the majority that the minority of numeric and
// author-year markers must reach for an article to count as citing both
// ways, so that neither is an outlier.
const mixShare = 5 // minority*mixShare >= majority

// Analyze detects the markers of every sentence of an article, learns its
// style, and marks outliers:
//   - in an article that cites with brackets or parentheses, a lone
//     superscript number glued to a word ("¹⁰B", "CO^2^", "NOX²") is not a
//     citation and is dropped; other superscripts there are Suspect;
//   - a numeric marker in an author-year article is Suspect, and an
//     author-year marker in a numeric article, unless the article mixes
//     both often; so are both in an article that cites with pandoc or
//     LaTeX keys, and a numeric marker enclosed unlike the article's usual
//     numeric markers ("(3)" among "[n]");
//   - parenthesised numbers that begin clauses ("(1) we …, (2) we …") are
//     list numbering and dropped unless the article cites by number.
//
// maxNumber is the size of the article's numbered reference list (0 when
// unknown). Numbers beyond it stay markers: they are dangling and the
// caller reports them. A known numbered list makes the article numeric
// when its markers alone do not tell.
func Analyze(texts []string, maxNumber int) ([][]corpus.Marker, Style) {
	return AnalyzeWith(texts, nil, maxNumber)
}

// AnalyzeWith is Analyze for an article some of whose markers its reader
// knows already: given holds them by sentence (a Word reference manager's
// citation fields, corpus.MarkerField, whose works are known). Each is
// kept as given, in place of whatever Detect finds in its span; it votes
// for the article's style as the marker its text reads as ("[2–4]" as a
// numeric one), and is never dropped or Suspect.
func AnalyzeWith(texts []string, given [][]corpus.Marker, maxNumber int) ([][]corpus.Marker, Style) {
	out := make([][]corpus.Marker, len(texts))
	learnt := map[corpus.MarkerKind]int{}
	enclosures := map[corpus.MarkerKind]map[string]int{}
	vote := func(m corpus.Marker) {
		learnt[m.Kind]++
		if enclosures[m.Kind] == nil {
			enclosures[m.Kind] = map[string]int{}
		}
		enclosures[m.Kind][enclosure(m)]++
	}
	for i, t := range texts {
		out[i] = Detect(t)
		var known []corpus.Marker
		if i < len(given) {
			known = given[i]
		}
		for _, m := range out[i] {
			if isLoneGluedSup(t, m) || isClauseNumber(t, m) || overlaps(m, known) {
				continue // in doubt, or a field's: these must not vote
			}
			vote(m)
		}
		for _, g := range known {
			if ms := Detect(g.Text); len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(g.Text) {
				vote(ms[0])
			}
		}
	}
	st := Style{Dominant: dominant(learnt, maxNumber)}
	st.Brackets = mostCommon(enclosures[st.Dominant])
	numEnc := enclosures[corpus.MarkerNumeric]
	usualNum := mostCommon(numEnc)

	st.Counts = map[corpus.MarkerKind]int{}
	for i, t := range texts {
		var known []corpus.Marker
		if i < len(given) {
			known = given[i]
		}
		kept := make([]corpus.Marker, 0, len(out[i])+len(known))
		for _, m := range out[i] {
			if overlaps(m, known) {
				continue
			}
			sup := enclosure(m) == "sup"
			switch {
			case sup && (st.Brackets == "()" || st.Brackets == "[]") && isLoneGluedSup(t, m):
				continue
			case st.Dominant != corpus.MarkerNumeric && isClauseNumber(t, m):
				continue
			}
			if isOutlierKind(m.Kind, st.Dominant, learnt) {
				m.Suspect = true
			}
			if m.Kind == corpus.MarkerNumeric && st.Dominant == corpus.MarkerNumeric {
				if e := enclosure(m); usualNum != "" && e != usualNum && (numEnc[e] < 2 || numEnc[e]*mixShare < numEnc[usualNum]) {
					m.Suspect = true
				}
			}
			if sup && (st.Brackets == "()" || st.Brackets == "[]") {
				m.Suspect = true
			}
			kept = append(kept, m)
			st.Counts[m.Kind]++
		}
		for _, g := range known {
			kept = append(kept, g)
			st.Counts[g.Kind]++
		}
		sort.SliceStable(kept, func(a, b int) bool { return kept[a].Start < kept[b].Start })
		out[i] = kept
	}
	return out, st
}

// overlaps reports whether m shares a byte with one of the markers known.
func overlaps(m corpus.Marker, known []corpus.Marker) bool {
	for _, k := range known {
		if m.Start < k.End && k.Start < m.End {
			return true
		}
	}
	return false
}

// isOutlierKind reports whether a numeric or author-year marker is written
// unlike the article: a number in an author-year or keyed (pandoc, LaTeX)
// article, a name and year in a numeric or keyed one. An article that uses
// both kinds often (the minority at least a fifth of the majority) has no
// outliers between them.
func isOutlierKind(kind, dominant corpus.MarkerKind, counts map[corpus.MarkerKind]int) bool {
	if kind == dominant || (kind != corpus.MarkerNumeric && kind != corpus.MarkerAuthorYear) {
		return false
	}
	if dominant != corpus.MarkerNumeric && dominant != corpus.MarkerAuthorYear && dominant != corpus.MarkerKey {
		return false
	}
	few, many := counts[kind], counts[dominant]
	return few < 2 || few*mixShare < many
}

// dominant picks the kind with the most markers; ties go to the order
// numeric, author-year, key, footnote. With no markers at all, a numbered
// reference list makes the article numeric.
func dominant(counts map[corpus.MarkerKind]int, maxNumber int) corpus.MarkerKind {
	var best corpus.MarkerKind
	n := 0
	for _, k := range []corpus.MarkerKind{corpus.MarkerNumeric, corpus.MarkerAuthorYear, corpus.MarkerKey, corpus.MarkerFootnote} {
		if counts[k] > n {
			best, n = k, counts[k]
		}
	}
	if maxNumber > 0 && (n == 0 || counts[corpus.MarkerNumeric] == n) {
		return corpus.MarkerNumeric
	}
	return best
}

// mostCommon returns the key with the highest count, preferring "[]", then
// "()", then "sup" on ties, so that the result does not depend on map order.
func mostCommon(m map[string]int) string {
	best, n := "", 0
	for _, k := range []string{"[]", "()", "sup", ""} {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}

// enclosure says how a marker is enclosed: "()", "[]", "sup" or "" (LaTeX
// commands, narrative forms, footnotes).
func enclosure(m corpus.Marker) string {
	if m.Narrative || m.Kind == corpus.MarkerFootnote || m.Text == "" {
		return ""
	}
	switch m.Text[0] {
	case '(':
		return "()"
	case '[':
		return "[]"
	case '^':
		return "sup"
	case '\\':
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(m.Text); isSupRune(r) {
		return "sup"
	}
	return ""
}

func isSupRune(r rune) bool {
	_, ok := supDigit(r)
	return ok
}

// isLoneGluedSup reports whether m is a superscript holding one number and
// glued to the word before or after it: "NOX²", "¹⁰B", "m^2^".
func isLoneGluedSup(text string, m corpus.Marker) bool {
	if m.Kind != corpus.MarkerNumeric || len(m.Cites) != 1 || enclosure(m) != "sup" {
		return false
	}
	if m.Start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:m.Start]); unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return letterAt(text, m.End)
}

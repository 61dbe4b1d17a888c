package pubmed

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// maxTermWords bounds a term: a long reference (twenty authors) would
// otherwise make a URL of kilobytes for no gain in precision.
const maxTermWords = 16

// noise are words of references that name no work: the furniture of
// citation styles and words PubMed does not index (its stopwords).
var noise = map[string]bool{
	"et": true, "al": true, "doi": true, "pmid": true, "pmcid": true, "epub": true, "ahead": true,
	"print": true, "available": true, "accessed": true, "retrieved": true, "cited": true, "internet": true,
	"http": true, "https": true, "www": true, "org": true, "com": true, "html": true, "vol": true,
	"editor": true, "editors": true, "eds": true, "edn": true, "edition": true, "suppl": true,
	"the": true, "and": true, "for": true, "with": true, "from": true, "into": true, "that": true,
	"this": true, "are": true, "was": true, "were": true, "its": true, "than": true, "via": true,
	"but": true, "not": true, "who": true, "which": true, "has": true, "have": true, "been": true,
}

// searchTerms returns the esearch terms to try for a reference as written,
// most precise first: the words of its likeliest title, each required in
// the title ([ti]); then the words of the whole reference, left to
// PubMed's automatic term mapping, for a reference whose title is not
// recognisable or not quite PubMed's. Numbers are left out, years too: a
// year wrong by one is for verify to report, not a reason to miss the work.
func searchTerms(ref string) []string {
	var terms []string
	if t := titleSegment(ref); len(t) >= 3 {
		tagged := make([]string, len(t))
		for i, w := range t {
			tagged[i] = w + "[ti]"
		}
		terms = append(terms, strings.Join(tagged, " AND "))
	}
	if w := significant(stripIdentifiers(ref)); len(w) >= 2 {
		terms = append(terms, strings.Join(w, " "))
	}
	return terms
}

// significant returns the lower-cased words of s that can find a work:
// letters (and the digits of words such as "p53" or "covid19"), at least
// three characters, no noise, each once, at most maxTermWords. Lower case
// keeps "AND", "OR" and "NOT" in a title from being read as operators, and
// splitting at every other character keeps PubMed's query syntax
// (brackets, quotes, colons) out of the term.
func significant(s string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}) {
		w = strings.Trim(strings.ReplaceAll(strings.ToLower(w), "’", "'"), "'")
		if len([]rune(w)) < 3 || noise[w] || !strings.ContainsFunc(w, unicode.IsLetter) || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
		if len(out) == maxTermWords {
			break
		}
	}
	return out
}

// stripIdentifiers drops URLs and DOIs, whose parts would be searched as
// words.
func stripIdentifiers(s string) string {
	f := strings.Fields(s)
	out := f[:0]
	for _, w := range f {
		l := strings.ToLower(w)
		if strings.Contains(l, "://") || strings.HasPrefix(l, "www.") || strings.HasPrefix(l, "doi:") ||
			strings.HasPrefix(l, "10.") && strings.Contains(l, "/") {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// titleSegment returns the significant words of the part of a reference
// most likely its title: the text between quotation marks when there is
// some, else the sentence (styles end title, authors and venue with a
// full stop) with the most significant words, lower-case words counting
// double, since author lists and journal names are capitalised and titles
// mostly are not.
func titleSegment(ref string) []string {
	ref = stripIdentifiers(ref)
	for _, q := range [][2]string{{"“", "”"}, {`"`, `"`}, {"‘", "’"}} {
		if _, rest, ok := strings.Cut(ref, q[0]); ok {
			if quoted, _, ok := strings.Cut(rest, q[1]); ok {
				if w := significant(quoted); len(w) >= 3 {
					return w
				}
			}
		}
	}
	var best []string
	bestScore := 0
	for _, seg := range sentences(ref) {
		w := significant(seg)
		score := len(w)
		for _, f := range strings.Fields(seg) {
			f = strings.Trim(f, ".,;:()")
			switch {
			case f == "":
			case unicode.IsLower([]rune(f)[0]) && !noise[f]:
				score++
			case initials(f):
				score-- // "PM" in "O'Byrne PM, FitzGerald JM": an author list
			}
		}
		if score > bestScore {
			best, bestScore = w, score
		}
	}
	return best
}

// initials reports whether a word is a name's initials: one to three
// capitals.
func initials(w string) bool {
	if w == "" || len(w) > 3 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// sentences splits a reference at full stops, question and exclamation
// marks followed by a space.
func sentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s)-1; i++ {
		if (s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i+1] == ' ' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// plausible drops the candidates whose first author and year both
// disagree with the reference: neither the first author's family name is
// among its words nor is any year in it within one of the candidate's. A
// side the reference or the record does not give does not disagree.
func plausible(ref string, recs []registry.Record) []registry.Record {
	norm := " " + corpus.NormalizeTitle(ref) + " "
	var years []int
	for _, w := range strings.Fields(norm) {
		if y, err := strconv.Atoi(w); err == nil && len(w) == 4 && corpus.ParseYear(w) != 0 {
			years = append(years, y)
		}
	}
	var out []registry.Record
	for _, rec := range recs {
		authorDiffers, yearDiffers := false, false
		if len(rec.Authors) > 0 {
			if name := corpus.NormalizeTitle(rec.Authors[0].Family + rec.Authors[0].Literal); name != "" {
				authorDiffers = !strings.Contains(norm, " "+name+" ")
			}
		}
		if rec.Year != 0 && len(years) > 0 {
			yearDiffers = true
			for _, y := range years {
				if y >= rec.Year-1 && y <= rec.Year+1 {
					yearDiffers = false
				}
			}
		}
		if !(authorDiffers && yearDiffers) {
			out = append(out, rec)
		}
	}
	return out
}

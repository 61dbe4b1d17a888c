package style

import (
	"strings"

	"github.com/evident-tools/evident/export/csl"
)

// cslTitles rewrites an item's titles the way CSL expects them and pandoc's
// BibTeX reader writes them: English titles in sentence case (a BibTeX title
// is usually written in title case, and a CSL style that wants title case
// turns it back; braced words and proper nouns keep their capitals), a
// periodical's name as written, and straight apostrophes made typographic.
// The processor then applies the style's own text-case. This is a step of
// the BibTeX → CSL mapping that only the reference lists take: the CSL-JSON
// export keeps titles as the library holds them.
func cslTitles(it csl.Item) csl.Item {
	english := isEnglish(it.Language)
	fix := func(s string, sentence bool) string {
		if s == "" {
			return s
		}
		r := parseRich(s)
		if sentence && english {
			r = sentenceCase(r)
		}
		return richMarkup(smartApostrophes(r))
	}
	it.Title = fix(it.Title, true)
	it.ContainerTitle = fix(it.ContainerTitle, !isSerial(it.Type))
	it.CollectionTitle = fix(it.CollectionTitle, true)
	for _, ns := range []*[]csl.Name{&it.Author, &it.Editor, &it.Translator, &it.ContainerAuthor, &it.CollectionEditor} {
		*ns = cslNames(*ns)
	}
	return it
}

// cslNames reads names as the hand-written styles did: initials run
// together in the PubMed and RIS way ("Feldman, HA") are initials ("H. A."),
// which a style then punctuates its own way, and a straight apostrophe in
// a name is typographic (O’Hara), as pandoc writes it.
func cslNames(ns []csl.Name) []csl.Name {
	if len(ns) == 0 {
		return ns
	}
	out := make([]csl.Name, len(ns))
	for i, n := range ns {
		if g := spreadInitials(n.Given, n.Family); g != n.Given {
			n.Given = strings.ReplaceAll(g, " ", ". ") + "."
		}
		n.Family = apostrophes(n.Family)
		n.Given = apostrophes(n.Given)
		out[i] = n
	}
	return out
}

// apostrophes makes the straight apostrophes of plain text typographic.
func apostrophes(s string) string {
	if !strings.Contains(s, "'") {
		return s
	}
	return smartApostrophes(Rich{{Text: s}}).String()
}

// isSerial reports whether an item's container is a periodical, whose
// name is a proper name and is never put into sentence case.
func isSerial(t string) bool {
	switch t {
	case "article-journal", "article-magazine", "article-newspaper", "periodical", "post-weblog", "review", "review-book", "webpage", "post":
		return true
	}
	return false
}

// richMarkup writes spans back as CSL rich text, the markup the processor
// reads: <i>, <b>, <sup>, <sub>, small capitals and nocase spans, with the
// text escaped.
func richMarkup(r Rich) string {
	var b strings.Builder
	for _, sp := range r {
		t := htmlEscaper.Replace(sp.Text)
		if sp.noCase {
			t = csl.SpanNoCase + t + "</span>"
		}
		b.WriteString(cslMarks.wrap(sp, t))
	}
	return b.String()
}

package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// claimWord is one distinct content word of a claim, as Suggest and
// Support look for it in references.
type claimWord struct {
	term    string // as the English analyser has it: lower case, stemmed
	surface string // as the claim wrote it
	name    string // as the name analyser has it, when it may be a surname
}

// claimWords analyses a claim as the index analyses titles (English stop
// words out, stems in) into its distinct content words, in order. Numbers
// are left out: a title or abstract seldom repeats a claim's figures, and
// whether the figures are right is another question. So are one-letter
// terms, left by "T cells" or "p < 0.05". A capitalised word that the name
// analyser reads as one token gets that token as its name, for a search
// of authors.
func claimWords(text, names analysis.Analyzer, claim string) []claimWord {
	var out []claimWord
	seen := map[string]bool{}
	for _, tok := range text.Analyze([]byte(claim)) {
		t := string(tok.Term)
		if tok.Type == analysis.Numeric || utf8.RuneCountInString(t) < 2 || seen[t] {
			continue
		}
		seen[t] = true
		surface := claim[tok.Start:tok.End]
		for _, p := range []string{"'s", "’s"} {
			surface = strings.TrimSuffix(surface, p) // the analyser drops it from the term
		}
		out = append(out, claimWord{term: t, surface: surface, name: nameTerm(names, surface)})
	}
	return out
}

// nameTerm returns word as the name analyser has it when the word is
// capitalised and the analyser keeps it one token, else "".
func nameTerm(names analysis.Analyzer, word string) string {
	if r, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(r) {
		return ""
	}
	toks := names.Analyze([]byte(word))
	if len(toks) != 1 {
		return ""
	}
	return string(toks[0].Term)
}

package claim

import (
	"strings"
	"unicode"

	"github.com/evident-tools/evident/corpus"
)

// A news page sets a quotation from its body again, large, as a pull quote
// ("People don't notice 10p off, but they really notice 25p on."), and a
// page's summary box repeats its lines. The repeat is no second claim: the
// sentence of the body, with its attribution, carries it, and one problem
// is reported once.

// repeatMinWords is the shortest sentence taken for a repeat: shorter
// ones ("It did.") recur by chance.
const repeatMinWords = 5

// repeats reports, for each sentence, whether it says again what another
// sentence of the article says: its words (case, quotation marks and
// punctuation aside) are the whole of an earlier sentence's, or part of a
// longer sentence's. Headings repeat nothing.
func repeats(sentences []corpus.Sentence) []bool {
	out := make([]bool, len(sentences))
	norm := make([]string, len(sentences))
	// byStart finds, for the first words of a sentence, the sentences that
	// hold those words anywhere, so that each is compared with few others.
	byStart := map[string][]int{}
	for i, s := range sentences {
		if s.Kind == corpus.KindHeading {
			continue
		}
		words := normWords(s.Text)
		norm[i] = strings.Join(words, " ")
		seen := map[string]bool{}
		for k := 0; k+repeatMinWords <= len(words); k++ {
			key := strings.Join(words[k:k+repeatMinWords], " ")
			if !seen[key] {
				seen[key] = true
				byStart[key] = append(byStart[key], i)
			}
		}
	}
	for i, s := range sentences {
		words := strings.Fields(norm[i])
		if s.Kind == corpus.KindHeading || len(words) < repeatMinWords {
			continue
		}
		for _, j := range byStart[strings.Join(words[:repeatMinWords], " ")] {
			if j == i {
				continue
			}
			if len(norm[j]) > len(norm[i]) && strings.Contains(" "+norm[j]+" ", " "+norm[i]+" ") ||
				norm[j] == norm[i] && j < i {
				out[i] = true
				break
			}
		}
	}
	return out
}

// normWords returns the words of text in lower case, without punctuation
// or quotation marks.
func normWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '%'
	})
}

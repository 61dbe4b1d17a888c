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
// punctuation aside) are the whole of an earlier sentence's, or a run of a
// longer sentence's. Headings repeat nothing. Each sentence is keyed by a
// hash of its first repeatMinWords words, and every run of as many words
// of every sentence is looked up among those keys: a map look-up per word,
// and a comparison of the words only where a key matches. It runs for
// every article checked, so it allocates little: the words are spans of
// the sentences' own text.
func repeats(sentences []corpus.Sentence) []bool {
	out := make([]bool, len(sentences))
	// The words of every sentence in one array, each sentence's a range
	// of it (bounds[i] to bounds[i+1]).
	size := 0
	for _, s := range sentences {
		size += len(s.Text)/6 + 1
	}
	all := make([]word, 0, size)
	bounds := make([]int, len(sentences)+1)
	for i, s := range sentences {
		if s.Kind != corpus.KindHeading {
			all = appendWords(all, s.Text)
		}
		bounds[i+1] = len(all)
	}
	words := func(i int) []word { return all[bounds[i]:bounds[i+1]] }
	starts := map[uint64][]int{}
	for i := range sentences {
		if ws := words(i); len(ws) >= repeatMinWords {
			key := runHash(ws[:repeatMinWords])
			starts[key] = append(starts[key], i)
		}
	}
	for j := range sentences {
		wj := words(j)
		for k := 0; k+repeatMinWords <= len(wj); k++ {
			for _, i := range starts[runHash(wj[k:k+repeatMinWords])] {
				if i == j || out[i] {
					continue
				}
				wi := words(i)
				switch {
				case len(wi) == len(wj) && j < i && k == 0 && sameWords(sentences[i].Text, wi, sentences[j].Text, wj):
					out[i] = true // said again, word for word
				case len(wi) < len(wj) && k+len(wi) <= len(wj) && sameWords(sentences[i].Text, wi, sentences[j].Text, wj[k:k+len(wi)]):
					out[i] = true // a run of a longer sentence
				}
			}
		}
	}
	return out
}

// word is a word of a sentence: where it stands in the text, and a hash of
// it in lower case.
type word struct {
	start, end int32
	hash       uint64
}

// appendWords appends the words of text to out: runs of letters, digits,
// apostrophes and per cent signs; quotation marks and other punctuation
// part them.
func appendWords(out []word, text string) []word {
	start := -1
	h := uint64(14695981039346656037)
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '%' {
			if start < 0 {
				start, h = i, 14695981039346656037
			}
			h = (h ^ uint64(unicode.ToLower(r))) * 1099511628211
			continue
		}
		if start >= 0 {
			out = append(out, word{int32(start), int32(i), h})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{int32(start), int32(len(text)), h})
	}
	return out
}

// runHash combines the hashes of a run of words, in order.
func runHash(ws []word) uint64 {
	h := uint64(14695981039346656037)
	for _, w := range ws {
		h = (h ^ w.hash) * 1099511628211
		h ^= h >> 29
	}
	return h
}

// sameWords reports whether the words a of text ta are the words b of tb,
// case aside.
func sameWords(ta string, a []word, tb string, b []word) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k].hash != b[k].hash || !strings.EqualFold(ta[a[k].start:a[k].end], tb[b[k].start:b[k].end]) {
			return false
		}
	}
	return true
}

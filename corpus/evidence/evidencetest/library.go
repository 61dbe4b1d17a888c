// Package evidencetest makes the seeded library and article that the
// evidence stage's benchmarks share (corpus/check, pipeline), so that
// their figures compare.
package evidencetest

import (
	"fmt"
	"math/rand"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// Library returns n references with abstracts of ten sentences of
// English-like prose (seeded), and a Markdown article of about words words
// whose sentences each cite one of the first cited references by key.
func Library(n, cited, words int) ([]*corpus.Reference, []byte) {
	rng := rand.New(rand.NewSource(3))
	vocab := strings.Fields(`patients trial exercise pain blood pressure risk cohort children adults dose
		therapy placebo mortality cancer diabetes insulin obesity diet sugar coffee liver heart stroke sleep
		memory vaccine infection antibiotic resistance hospital surgery recovery anxiety depression smoking
		alcohol weight fracture bone vitamin calcium asthma lung kidney outcome effect increase decrease
		higher lower reduced improved associated significant randomised controlled study analysis years`)
	sentence := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = vocab[rng.Intn(len(vocab))]
		}
		w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
		return strings.Join(w, " ") + "."
	}
	refs := make([]*corpus.Reference, n)
	for i := range refs {
		var abs []string
		for range 10 {
			abs = append(abs, sentence(18+rng.Intn(8)))
		}
		a := strings.Join(abs, " ")
		refs[i] = &corpus.Reference{Key: fmt.Sprintf("w%05d", i), Type: "article", Title: sentence(8), Year: 2000 + i%25,
			Fields: []corpus.Field{{Name: "abstract", Raw: "{" + a + "}", Value: a}}}
	}
	var doc strings.Builder
	doc.WriteString("# A long article\n\n")
	for written := 0; written < words; {
		s := sentence(15 + rng.Intn(10))
		written += len(strings.Fields(s))
		fmt.Fprintf(&doc, "%s [@w%05d]\n\n", strings.TrimSuffix(s, "."), rng.Intn(cited))
	}
	return refs, []byte(doc.String())
}

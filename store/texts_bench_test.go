package store

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// BenchmarkPut_10000ReferencesWithAbstracts is a first import of 10,000
// references with abstracts of ten sentences in one transaction: since
// schema 6 each abstract is split into sentences and stored as the work's
// text in the same transaction.
func BenchmarkPut_10000ReferencesWithAbstracts(b *testing.B) {
	rng := rand.New(rand.NewSource(3))
	vocab := strings.Fields(`patients trial exercise pain blood pressure risk cohort children adults dose
		therapy placebo mortality cancer diabetes insulin obesity diet sugar coffee liver heart stroke sleep`)
	refs := make([]*corpus.Reference, 10000)
	for i := range refs {
		var abs []string
		for range 10 {
			w := make([]string, 20)
			for j := range w {
				w[j] = vocab[rng.Intn(len(vocab))]
			}
			abs = append(abs, "The "+strings.Join(w, " ")+".")
		}
		a := strings.Join(abs, " ")
		refs[i] = &corpus.Reference{Key: fmt.Sprintf("w%05d", i), Type: "article", Title: "A title", Year: 2020,
			Fields: []corpus.Field{{Name: "abstract", Raw: "{" + a + "}", Value: a}}}
	}
	for b.Loop() {
		s, err := Open(filepath.Join(b.TempDir(), "library.db"), false)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Update(func(tx *Tx) error {
			for _, r := range refs {
				if err := tx.Put(r); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

package claim

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// TestRepeats_PullQuoteAndDuplicate: a pull quote that is part of a longer
// sentence of the body, and a sentence said twice, are repeats (the second
// time); a short sentence, a heading and a sentence that merely shares its
// opening words are not.
func TestRepeats_PullQuoteAndDuplicate(t *testing.T) {
	sentences := []corpus.Sentence{
		{Text: "Cup charge", Kind: corpus.KindHeading},
		{Text: "\u201cPeople don't notice 10p off, but they really notice 25p on,\u201d said Priya Osei, the union's officer."},
		{Text: "\u201cPeople don't notice 10p off, but they really notice 25p on.\u201d"},
		{Text: "Sales of reusable cups doubled within a term."},
		{Text: "Sales of reusable cups doubled within a term."},
		{Text: "It did."},
		{Text: "It did."},
		{Text: "Sales of reusable cups fell in the spring term."},
		{Text: "Cup charge", Kind: corpus.KindHeading},
	}
	want := []bool{false, false, true, false, true, false, false, false, false}
	got := repeats(sentences)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("%q: repeat %v, want %v", sentences[i].Text, got[i], want[i])
		}
	}
}

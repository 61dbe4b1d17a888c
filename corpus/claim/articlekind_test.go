package claim

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func articleOf(kind corpus.BlockKind, texts ...string) []corpus.Sentence {
	var out []corpus.Sentence
	for i, t := range texts {
		k := corpus.KindSentence
		if kind == corpus.KindHeading && i%2 == 0 {
			k = corpus.KindHeading
		}
		out = append(out, corpus.Sentence{Text: t, Kind: k, Paragraph: i})
	}
	return out
}

func TestLayout_ArticleKindReadsTheArticleNotItsLabel(t *testing.T) {
	cases := []struct {
		name string
		doc  []corpus.Sentence
		want int
	}{
		{"a paper: an introduction and its own methods", articleOf(corpus.KindHeading,
			"Introduction", "Falls are common in older adults.", "Methods", "We recruited 40 patients."), KindPaper},
		{"an essay told in the first person", articleOf(corpus.KindSentence,
			"I grew up near the sea.", "My father kept a boat.", "I learned to swim before I could read.",
			"The harbour is quieter now."), KindPersonal},
		{"a page that talks to its reader", articleOf(corpus.KindSentence,
			"Vitamin D helps the body absorb calcium.", "You can get it from sunlight.",
			"Your doctor can test your levels.", "Oily fish is a good source."), KindReader},
		{"a news story", articleOf(corpus.KindSentence,
			"The council approved the plan on Tuesday.", "It will cost 4 million pounds.",
			"Work starts in spring, officials said."), KindOther},
	}
	for _, c := range cases {
		if got := NewLayout(c.doc).ArticleKind(); got != c.want {
			t.Errorf("%s: kind %d, want %d", c.name, got, c.want)
		}
	}
	// A sentence judged alone has no article: it is read as "other",
	// the kind whose shift Judge then applies.
	var ctx context
	if got := ctx.articleKind(); got != KindOther {
		t.Errorf("a sentence alone: kind %d, want %d (other)", got, KindOther)
	}
}

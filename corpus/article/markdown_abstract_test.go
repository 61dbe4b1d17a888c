package article

import (
	"reflect"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestMarkdown_FrontMatterAbstractIsReadFirst(t *testing.T) {
	body := "\n# Introduction\n\nHow much language children hear varies.\n"
	cases := []struct {
		name  string
		front string
		want  []string // the blocks' texts, the body's included
	}{
		{"literal block", "title: A book in the post\nabstract: |\n  Reading aloud is linked to larger vocabularies [@hart1995].\n  We compared 212 families.\n\n  After one year, families *receiving* books read more.\nbibliography: refs.bib\n",
			[]string{"Reading aloud is linked to larger vocabularies [@hart1995]. We compared 212 families.",
				"After one year, families receiving books read more.", "Introduction", "How much language children hear varies."}},
		{"folded block with chomping", "abstract: >-\n    Folded lines\n    read as one paragraph.\ntitle: T\n",
			[]string{"Folded lines read as one paragraph.", "Introduction", "How much language children hear varies."}},
		{"plain scalar", "title: T\nabstract: Sleep helps memory [@a].\n",
			[]string{"Sleep helps memory [@a].", "Introduction", "How much language children hear varies."}},
		{"plain scalar over lines", "abstract: Sleep helps\n  memory in adults.\ntitle: T\n",
			[]string{"Sleep helps memory in adults.", "Introduction", "How much language children hear varies."}},
		{"double-quoted scalar", "title: T\nabstract: \"Naps help recall: a trial.\"\n",
			[]string{"Naps help recall: a trial.", "Introduction", "How much language children hear varies."}},
		{"single-quoted scalar on the next line", "title: T\nabstract:\n  'Naps help\n  recall.'\n",
			[]string{"Naps help recall.", "Introduction", "How much language children hear varies."}},
		{"a list in the abstract", "title: T\nabstract: |\n  Three findings:\n\n  - naps help;\n  - sleep helps.\n",
			[]string{"Three findings:", "naps help;", "sleep helps.", "Introduction", "How much language children hear varies."}},
		{"subtitle and description are not read", "title: T\nsubtitle: A dek that sells the story\ndescription: Naps are great.\n",
			[]string{"Introduction", "How much language children hear varies."}},
		{"an abstract key inside another value is not the abstract", "title: T\nsummary: |\n  abstract: nothing\n",
			[]string{"Introduction", "How much language children hear varies."}},
		{"empty abstract", "title: T\nabstract: |\nauthor: X\n",
			[]string{"Introduction", "How much language children hear varies."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := read(t, "a.md", "---\n"+c.front+"---\n"+body, corpus.Markdown)
			if got := blockTexts(doc); !reflect.DeepEqual(got, c.want) {
				t.Errorf("blocks\n got %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestMarkdown_AbstractPositionsAreTheFrontMatterLines(t *testing.T) {
	src := "---\ntitle: T\nabstract: |\n    Reading aloud helps [@hart1995].\n    We compared families.\n---\n\nBody text.\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	if doc.Title != "T" {
		t.Errorf("title %q, want T", doc.Title)
	}
	b := block(t, doc, "Reading aloud")
	for needle, want := range map[string]corpus.Position{
		"Reading": {Line: 4, Col: 5}, "[@hart1995]": {Line: 4, Col: 25}, "We compared": {Line: 5, Col: 5},
	} {
		if got := posOf(t, b, needle); got != want {
			t.Errorf("%q at %v, want %v", needle, got, want)
		}
	}
	ss := Sentences(doc)
	if s := sentence(t, ss, "Reading aloud"); len(ss) < 3 || ss[0].ID != s.ID || s.Section != "" {
		t.Errorf("the abstract's first sentence is %+v, want the article's first, in no section", s)
	}
}

func TestMarkdown_AbstractFollowsABodyTitleWhenTheFrontMatterHasNone(t *testing.T) {
	src := "---\nabstract: Naps help recall.\n---\n\n# Naps and memory\n\n## Introduction\n\nSleep matters.\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	want := []string{"Naps and memory", "Naps help recall.", "Introduction", "Sleep matters."}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks\n got %q\nwant %q", got, want)
	}
	if doc.Title != "Naps and memory" {
		t.Errorf("title %q, want the body's heading", doc.Title)
	}
}

func TestMarkdown_AbstractLinksAreFoundWhereTheyAre(t *testing.T) {
	src := "---\ntitle: T\nabstract: |\n  See [the trial](https://example.org/trial) for more.\n---\n\nBody.\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	if len(doc.Links) != 1 || doc.Links[0].Href != "https://example.org/trial" || doc.Links[0].Pos != (corpus.Position{Line: 4, Col: 8}) {
		t.Errorf("links %+v, want the trial's at 4:8", doc.Links)
	}
}

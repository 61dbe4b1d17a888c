package csl

import "testing"

func TestPunctuationInQuote_StaysOutOfAnItalicPhraseEndingTheTitle(t *testing.T) {
	layout := `<layout><group delimiter=". " suffix="."><text variable="title" quotes="true"/><text variable="container-title" font-style="italic"/></group></layout>`
	item := `{"id":"a","type":"article-journal","title":"The Genome of <i>Drosophila</i>","container-title":"Science"}`
	for _, tt := range []struct {
		f    Format
		want string
	}{
		{Markdown, "“The Genome of *Drosophila*.” *Science*."},
		{HTML, "“The Genome of <i>Drosophila</i>.” <i>Science</i>."},
		{Text, "“The Genome of Drosophila.” Science."},
	} {
		if got := renderWith(t, layout, plainCite, item, tt.f); got != tt.want {
			t.Errorf("format %v: got %q, want %q", tt.f, got, tt.want)
		}
	}
}

package article

import (
	"reflect"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

const textArticle = `WHY WE NAP

Short naps improve alertness (Brooks & Lack, 2006). Longer naps
cause grogginess.

Who naps most
=============

Shift workers nap more than others [3].

- Nurses on night shifts.
* Pilots on long flights,
  with a continuation line.
1. Numbered point one.
2) Numbered point two.

Method notes
------------

A standalone short line

Another paragraph here.

References

Brooks, A., & Lack, L. (2006). A brief afternoon nap. Sleep, 29, 831-840.
Dinges, D. (1992). Adult napping. In Why we nap (pp. 118-134).

Smith, J. (2010). Shift work and sleep. Journal of Sleep, 3, 1-9.
`

func TestText_BlocksByLayout(t *testing.T) {
	doc := read(t, "a.txt", textArticle, corpus.Text)
	type kb struct {
		Kind corpus.BlockKind
		Text string
	}
	var got []kb
	for _, b := range doc.Blocks {
		got = append(got, kb{b.Kind, b.Text})
	}
	want := []kb{
		{corpus.KindHeading, "WHY WE NAP"},
		{corpus.KindSentence, "Short naps improve alertness (Brooks & Lack, 2006). Longer naps cause grogginess."},
		{corpus.KindHeading, "Who naps most"},
		{corpus.KindSentence, "Shift workers nap more than others [3]."},
		{corpus.KindListItem, "Nurses on night shifts."},
		{corpus.KindListItem, "Pilots on long flights, with a continuation line."},
		{corpus.KindListItem, "Numbered point one."},
		{corpus.KindListItem, "Numbered point two."},
		{corpus.KindHeading, "Method notes"},
		{corpus.KindHeading, "A standalone short line"},
		{corpus.KindSentence, "Another paragraph here."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("blocks:\n got %q\nwant %q", got, want)
	}
	if got := posOf(t, block(t, doc, "Short naps"), "cause"); got != (corpus.Position{Line: 4, Col: 1}) {
		t.Errorf("continuation line at %v, want 4:1", got)
	}
	if got := block(t, doc, "Pilots").Pos[0]; got != (corpus.Position{Line: 12, Col: 3}) {
		t.Errorf("list item at %v, want 12:3", got)
	}
	if doc.Title != "WHY WE NAP" {
		t.Errorf("Title = %q", doc.Title)
	}
}

func TestText_AuthorDateReferenceList(t *testing.T) {
	doc := read(t, "a.txt", textArticle, corpus.Text)
	var got []string
	for _, e := range doc.RefList {
		got = append(got, e.Text)
	}
	want := []string{
		"Brooks, A., & Lack, L. (2006). A brief afternoon nap. Sleep, 29, 831-840.",
		"Dinges, D. (1992). Adult napping. In Why we nap (pp. 118-134).",
		"Smith, J. (2010). Shift work and sleep. Journal of Sleep, 3, 1-9.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries:\n got %q\nwant %q", got, want)
	}
	if doc.RefList[1].Pos != (corpus.Position{Line: 27, Col: 1}) {
		t.Errorf("second entry at %v, want 27:1", doc.RefList[1].Pos)
	}
	if doc.RefListHeading != "References" || doc.RefListPos.Line != 24 {
		t.Errorf("heading %q at %v", doc.RefListHeading, doc.RefListPos)
	}
}

func TestText_NumberedReferenceLines(t *testing.T) {
	src := "Caffeine helps [1, 2].\n\nReferences:\n\n[1] Adams R. Coffee. 2001.\n[2] Chen L. Tea and\n    attention. 2005.\n"
	doc := read(t, "a.txt", src, corpus.Text)
	var got []string
	for _, e := range doc.RefList {
		got = append(got, e.Label+" "+e.Text)
	}
	if want := []string{"1 Adams R. Coffee. 2001.", "2 Chen L. Tea and attention. 2005."}; !reflect.DeepEqual(got, want) {
		t.Errorf("entries = %q, want %q", got, want)
	}
}

package csl

import "testing"

func TestPositions_NearNoteIbidAndFirstNoteNumber(t *testing.T) {
	cite := `<citation near-note-distance="2"><layout delimiter="; "><choose>
 <if position="ibid-with-locator"><text value="Ibid., "/><text variable="locator"/></if>
 <else-if position="ibid"><text value="Ibid."/></else-if>
 <else-if position="near-note"><text variable="title"/><text value=" (near, n. "/><text variable="first-reference-note-number"/><text value=")"/></else-if>
 <else-if position="subsequent"><text variable="title"/><text value=" (far, n. "/><text variable="first-reference-note-number"/><text value=")"/></else-if>
 <else><text variable="title"/><text value=" (first)"/></else>
</choose></layout></citation>`
	style := `<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US">
<info><title>T</title><id>t</id></info>` + cite + `</style>`
	p := mustProcessor(t, style, Options{})
	items := mustItems(t, `[{"id":"a","type":"book","title":"A"},{"id":"b","type":"book","title":"B"}]`)
	one := func(note int, refs ...CiteRef) Cluster { return Cluster{Items: refs, NoteNumber: note} }
	clusters := []Cluster{
		one(1, CiteRef{ID: "a"}),
		one(2, CiteRef{ID: "a"}),               // ibid: the only cite of the note before
		one(3, CiteRef{ID: "a", Locator: "5"}), // ibid with a locator
		one(4, CiteRef{ID: "a", Locator: "5"}), // the same locator: ibid
		one(5, CiteRef{ID: "b"}),               // first
		one(6, CiteRef{ID: "a"}),               // after b, two notes on: near
		one(7, CiteRef{ID: "b"}, CiteRef{ID: "b", Label: "chapter", Locator: "2"}),
		one(12, CiteRef{ID: "a"}),                                 // six notes on: far
		one(14, CiteRef{ID: "a", Locator: "9"}),                   // notes 12 and 14 are not adjacent: no ibid
		one(15, CiteRef{ID: "a", Locator: "9", Label: "chapter"}), // another label: ibid with locator
	}
	want := []string{
		"A (first)",
		"Ibid.",
		"Ibid., 5",
		"Ibid.",
		"B (first)",
		"A (near, n. 1)",
		"B (near, n. 5); Ibid., 2",
		"A (far, n. 1)",
		"A (near, n. 1)",
		"Ibid., 9",
	}
	got, err := p.Citations(items, clusters)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cluster %d (note %d): got %q, want %q", i+1, clusters[i].NoteNumber, got[i], want[i])
		}
	}
}

func TestPositions_ClustersWithoutNoteNumbersAreNotesInOrder(t *testing.T) {
	tr := newPositions(5)
	a := []CiteRef{{ID: "a"}}
	if got := tr.cite(a, 0, 1); got.pos != posFirst {
		t.Errorf("first cite: pos %d", got.pos)
	}
	tr.endCluster(a, 1)
	got := tr.cite(a, 0, 2)
	if got.pos != posIbid || !got.near || got.firstNote != 1 {
		t.Errorf("second cite: %+v, want ibid, near, first note 1", got)
	}
}

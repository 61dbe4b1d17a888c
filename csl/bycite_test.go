package csl

import "testing"

func TestDisambiguate_ByCiteExpandsOnlyTheNamesThatCollide(t *testing.T) {
	style := `<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
<info><title>T</title><id>t</id></info>
<citation disambiguate-add-givenname="true" givenname-disambiguation-rule="by-cite" disambiguate-add-year-suffix="true">
<layout><group delimiter=" "><names variable="author"><name form="short" and="symbol" initialize-with=". "/></names><date variable="issued"><date-part name="year"/></date></group></layout>
</citation>
</style>`
	p := mustProcessor(t, style, Options{})
	items := mustItems(t, `[
 {"id":"a","type":"book","author":[{"family":"Smith","given":"John"},{"family":"Doe","given":"Ann"}],"issued":{"date-parts":[[2001]]}},
 {"id":"b","type":"book","author":[{"family":"Smith","given":"Jane"},{"family":"Doe","given":"Ann"}],"issued":{"date-parts":[[2001]]}},
 {"id":"c","type":"book","author":[{"family":"Roe","given":"Ann"}],"issued":{"date-parts":[[2001]]}},
 {"id":"d","type":"book","author":[{"family":"Roe","given":"Bob"}],"issued":{"date-parts":[[2001]]}}]`)
	got, err := p.Citations(items, []Cluster{{Items: []CiteRef{{ID: "a"}}}, {Items: []CiteRef{{ID: "b"}}}, {Items: []CiteRef{{ID: "c"}}}, {Items: []CiteRef{{ID: "d"}}}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"John Smith & Doe 2001", "Jane Smith & Doe 2001", "A. Roe 2001", "B. Roe 2001"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cite %d: got %q, want %q", i+1, got[i], want[i])
		}
	}
}

package csl

import "testing"

func TestDisambiguate_ShortLaterCitesOfOneAuthorReadApart(t *testing.T) {
	style := `<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0" default-locale="en-US">
<info><title>T</title><id>t</id></info>
<citation disambiguate-add-names="true"><layout suffix="." delimiter="; "><choose>
 <if position="subsequent"><group delimiter=", "><names variable="author"><name form="short"/></names><choose><if disambiguate="true"><text variable="title" form="short"/></if></choose></group></if>
 <else><group delimiter=", "><names variable="author"/><text variable="title"/></group></else>
</choose></layout></citation>
<bibliography><layout><text variable="title"/></layout></bibliography>
</style>`
	p := mustProcessor(t, style, Options{})
	items := mustItems(t, `[
 {"id":"a","type":"book","author":[{"family":"Roe","given":"Ann"}],"title":"First Book: A Study","title-short":"First Book"},
 {"id":"b","type":"book","author":[{"family":"Roe","given":"Ann"}],"title":"Second Book: More","title-short":"Second Book"},
 {"id":"c","type":"book","author":[{"family":"Doe","given":"Jo"}],"title":"Other"}]`)
	got, err := p.Citations(items, []Cluster{
		{Items: []CiteRef{{ID: "a"}, {ID: "b"}, {ID: "c"}}},
		{Items: []CiteRef{{ID: "b"}}},
		{Items: []CiteRef{{ID: "c"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Ann Roe, First Book: A Study; Ann Roe, Second Book: More; Jo Doe, Other.", "Roe, Second Book.", "Doe."}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("cluster %d: got %q, want %q", i+1, got[i], want[i])
		}
	}
	// a bibliography alone has no later cites to tell apart
	es, err := p.Bibliography(items)
	if err != nil {
		t.Fatal(err)
	}
	if es[0].Text != "First Book: A Study" {
		t.Errorf("bibliography: got %q", es[0].Text)
	}
}

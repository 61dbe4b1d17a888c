package csl

import "testing"

func TestDisambiguation_GivenNameBeforeMoreNamesByCite(t *testing.T) {
	style := styleWith("in-text",
		`<citation et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" disambiguate-add-givenname="true"><layout><names variable="author"><name form="short"/></names></layout></citation>`,
		`<bibliography et-al-min="3" et-al-use-first="1"><layout><names variable="author"><name name-as-sort-order="first"/></names><text variable="title" prefix=". "/></layout></bibliography>`)
	p := mustProcessor(t, style, Options{})
	items := mustItems(t, `[
{"id":"a","type":"book","title":"Resonant","author":[{"family":"Bennett","given":"Peter"},{"family":"Nolan","given":"Ann"},{"family":"Zed","given":"Zoe"}]},
{"id":"b","type":"book","title":"Blocks","author":[{"family":"Bennett","given":"Peter"},{"family":"Fraser","given":"Ann"},{"family":"Zed","given":"Zoe"}]},
{"id":"c","type":"book","title":"Other","author":[{"family":"Bennett","given":"Cynthia"},{"family":"Roe","given":"R."},{"family":"Poe","given":"P."}]}]`)
	es, err := p.Bibliography(items)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"a": "Bennett, Peter, Ann Nolan, et al. Resonant",
		"b": "Bennett, Peter, Ann Fraser, et al. Blocks",
		"c": "Bennett, Cynthia et al. Other",
	}
	for _, e := range es {
		if e.Text != want[e.ID] {
			t.Errorf("%s: got %q, want %q", e.ID, e.Text, want[e.ID])
		}
	}
}

package csl

import (
	"strings"
	"testing"
)

// collapseStyle is an author-date citation whose collapse options the
// tests fill in; the locator follows the year as in most such styles.
const collapseStyle = `<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
<info><title>Collapse</title><id>collapse</id></info>
<citation disambiguate-add-year-suffix="true" COLLAPSE>
 <sort><key variable="author"/><key variable="issued"/></sort>
 <layout prefix="(" suffix=")" delimiter="; ">
  <group delimiter=" "><names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date></group>
  <group prefix=", " delimiter=" "><label variable="locator" form="short"/><text variable="locator"/></group>
 </layout>
</citation>
</style>`

const collapseItems = `[
 {"id":"a","type":"book","author":[{"family":"Dummy","given":"A"}],"issued":{"date-parts":[[2022]]},"title":"One"},
 {"id":"b","type":"book","author":[{"family":"Dummy","given":"A"}],"issued":{"date-parts":[[2022]]},"title":"Two"},
 {"id":"c","type":"book","author":[{"family":"Dummy","given":"A"}],"issued":{"date-parts":[[2020]]},"title":"Three"}
]`

func TestCollapse_YearSuffixKeepsLocatorsAndStopsAtAffixes(t *testing.T) {
	tests := []struct {
		name, opts string
		cites      []CiteRef
		want       string
	}{
		{"suffixes take the layout delimiter by default", `collapse="year-suffix"`,
			[]CiteRef{{ID: "a"}, {ID: "b"}}, "(Dummy 2022a; b)"},
		{"suffixes take cite-group-delimiter", `collapse="year-suffix" cite-group-delimiter=", "`,
			[]CiteRef{{ID: "a"}, {ID: "b"}}, "(Dummy 2022a, b)"},
		{"a locator stays with its suffix", `collapse="year-suffix" year-suffix-delimiter=", "`,
			[]CiteRef{{ID: "a", Locator: "100"}, {ID: "b", Locator: "6"}}, "(Dummy 2022a, p. 100, b, p. 6)"},
		{"a suffix ends the group", `collapse="year-suffix"`,
			[]CiteRef{{ID: "a", Locator: "100"}, {ID: "b", Suffix: ", and more"}}, "(Dummy 2022a, p. 100; Dummy 2022b, and more)"},
		{"a prefix starts a new group", `collapse="year-suffix"`,
			[]CiteRef{{ID: "a"}, {ID: "b", Prefix: "see"}}, "(Dummy 2022a; see Dummy 2022b)"},
		{"year-suffix-delimiter between suffixes", `collapse="year-suffix" year-suffix-delimiter="/"`,
			[]CiteRef{{ID: "a"}, {ID: "b"}}, "(Dummy 2022a/b)"},
		{"joined suffixes set the years apart with after-collapse-delimiter", `collapse="year-suffix" year-suffix-delimiter="," after-collapse-delimiter="; "`,
			[]CiteRef{{ID: "c"}, {ID: "a"}, {ID: "b"}}, "(Dummy 2020; 2022a,b)"},
		{"years without joined suffixes take cite-group-delimiter", `collapse="year-suffix" cite-group-delimiter=", "`,
			[]CiteRef{{ID: "c"}, {ID: "a"}}, "(Dummy 2020, 2022a)"},
		{"year collapse with a locator takes after-collapse-delimiter", `collapse="year" after-collapse-delimiter="; "`,
			[]CiteRef{{ID: "c"}, {ID: "a", Locator: "333"}}, "(Dummy 2020; 2022a, p. 333)"},
		{"year collapse without locators takes the group delimiter", `collapse="year" after-collapse-delimiter="; "`,
			[]CiteRef{{ID: "c"}, {ID: "a"}}, "(Dummy 2020, 2022a)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := mustProcessor(t, strings.Replace(collapseStyle, "COLLAPSE", tt.opts, 1), Options{})
			// all three items are cited (in a first cluster) so that the
			// suffixes stay a and b
			got, err := p.Citations(mustItems(t, collapseItems), []Cluster{{Items: []CiteRef{{ID: "a"}, {ID: "b"}, {ID: "c"}}}, {Items: tt.cites}})
			if err != nil {
				t.Fatal(err)
			}
			if got[1] != tt.want {
				t.Errorf("got %q, want %q", got[1], tt.want)
			}
		})
	}
}

package csl

import (
	"os"
	"testing"
)

// FuzzParseStyle: a style file from anywhere never panics the parser, the
// compiler or the renderer.
func FuzzParseStyle(f *testing.F) {
	f.Add([]byte(`<style class="in-text"><citation><layout><text variable="title"/></layout></citation></style>`))
	f.Add([]byte(miniStyle))
	f.Add([]byte(`<style class="note"><macro name="m"><text macro="m"/></macro><citation><layout><text macro="m"/><date variable="issued" form="text" date-parts="year-month"/><number variable="page" form="roman"/></layout></citation><bibliography><sort><key macro="m"/></sort><layout><names variable="editor"><substitute><names variable="author"/></substitute></names></layout></bibliography></style>`))
	item, _ := ItemFromJSON([]byte(`{"id":"a","type":"book","title":"T","author":[{"family":"F","given":"G"}],"issued":{"date-parts":[[2020,1,2],[2021]]},"page":"1-2"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := ParseStyle(data, "fuzz.csl")
		if err != nil || st.Dependent {
			return
		}
		p, err := New(st, nil, Options{Format: HTML})
		if err != nil {
			return
		}
		if st.HasBibliography() {
			_, _ = p.Bibliography([]Item{item, item})
		}
		_, _ = p.Citations([]Item{item}, []Cluster{{Items: []CiteRef{{ID: "a", Locator: "3"}}}})
	})
}

// FuzzParseLocale: a locale file never panics the parser.
func FuzzParseLocale(f *testing.F) {
	f.Add([]byte(`<locale xml:lang="en-US"><terms><term name="and">and</term></terms></locale>`))
	if b, err := os.ReadFile("../../shared/corpora/csl/locales-de-DE.xml"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := ParseLocale(data, "fuzz.xml")
		if err != nil {
			return
		}
		_, _ = l.term("and", "short", true)
	})
}

// FuzzItemFromJSON: CSL-JSON from anywhere never panics the reader.
func FuzzItemFromJSON(f *testing.F) {
	f.Add([]byte(`{"id":"a","issued":{"raw":"2020-05/2021"},"author":[{"family":"van Gogh"}]}`))
	f.Add([]byte(`{"id":1,"issued":"-0044~","volume":3}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = ItemFromJSON(data)
	})
}

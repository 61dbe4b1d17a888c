package csl

import (
	"slices"
	"strings"
	"testing"
)

// prepStyle sorts by a macro of names (substituted by the container title),
// a descending year, then the title: the later keys break ties only.
const prepStyle = `<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
<info><title>T</title><id>t</id></info>
<macro name="who"><names variable="author"><name/><substitute><text variable="container-title"/></substitute></names></macro>
<macro name="venue"><text variable="container-title"/></macro>
<macro name="year"><date variable="issued"><date-part name="year"/></date></macro>
<citation disambiguate-add-year-suffix="true"><layout><text macro="who"/><text macro="year" prefix=" "/></layout></citation>
<bibliography>
<sort><key macro="who"/><key macro="venue"/><key macro="year" sort="descending"/><key variable="title"/></sort>
<layout><text variable="title" font-style="italic"/><text macro="year" prefix=" "/><text variable="year-suffix"/></layout>
</bibliography>
</style>`

const prepItems = `[
{"id":"y","type":"book","title":"Y","author":[{"literal":"Beta"}],"container-title":"Aaa","issued":{"date-parts":[[2001]]}},
{"id":"x","type":"book","title":"X","container-title":"Beta","issued":{"date-parts":[[2001]]}},
{"id":"c2","type":"book","title":"C2","author":[{"family":"Cole"}],"issued":{"date-parts":[[2010]]}},
{"id":"c1","type":"book","title":"C1","author":[{"family":"Cole"}],"issued":{"date-parts":[[2020]]}},
{"id":"b","type":"book","title":"B","author":[{"family":"Cole"}],"issued":{"date-parts":[[2010]]}},
{"id":"a","type":"book","title":"A","author":[{"family":"Abel"}]}
]`

func TestSortIndexes_LaterKeysBreakTiesAsAFullSortDoes(t *testing.T) {
	p := mustProcessor(t, prepStyle, Options{})
	b, err := p.Prepare(mustItems(t, prepItems))
	if err != nil {
		t.Fatal(err)
	}
	// x before y: "Beta" ties, and x's container title, used as its
	// author, is suppressed for the later keys (an empty macro sorts
	// first); Cole's works newest first, then by title
	want := []string{"a", "x", "y", "c1", "b", "c2"}
	if got := b.IDs(); !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

func TestRender_PreparedOnceWritesEachFormatAsBibliographyDoes(t *testing.T) {
	items := mustItems(t, prepItems)
	text := mustProcessor(t, prepStyle, Options{})
	b, err := text.Prepare(items)
	if err != nil {
		t.Fatal(err)
	}
	st := text.style
	for _, f := range []Format{Text, HTML, Markdown} {
		p, err := New(st, testLocales(t), Options{Format: f})
		if err != nil {
			t.Fatal(err)
		}
		want, err := p.Bibliography(items)
		if err != nil {
			t.Fatal(err)
		}
		got, err := p.Render(b)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("format %v: Render gives %q, Bibliography %q", f, got, want)
		}
		if f == Text && !strings.Contains(want[4].Text, "2010a") {
			t.Errorf("Cole 2010 works need year suffixes: %q", want)
		}
	}
	other := mustProcessor(t, strings.Replace(prepStyle, `sort="descending"`, "", 1), Options{})
	if _, err := other.Render(b); err == nil {
		t.Error("a list prepared with another style renders")
	}
}

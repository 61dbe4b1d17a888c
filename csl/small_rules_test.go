package csl

import (
	"strings"
	"testing"
)

// renderWith renders one item with a bibliography layout (or, with cites,
// a citation layout) written inline.
func renderWith(t *testing.T, bibLayout, citeLayout, item string, f Format, cites ...CiteRef) string {
	t.Helper()
	p := mustProcessor(t, styleWith("in-text", "<citation>"+citeLayout+"</citation>", "<bibliography>"+bibLayout+"</bibliography>"), Options{Format: f})
	items := mustItems(t, `[`+item+`]`)
	if len(cites) > 0 {
		out, err := p.Citations(items, []Cluster{{Items: cites}})
		if err != nil {
			t.Fatal(err)
		}
		return out[0]
	}
	es, err := p.Bibliography(items)
	if err != nil {
		t.Fatal(err)
	}
	return es[0].Text
}

const plainCite = `<layout><text variable="title"/></layout>`

func TestDates_YearsBelowAThousandTakeAD(t *testing.T) {
	layout := `<layout><date variable="issued"><date-part name="year"/></date></layout>`
	for _, tt := range []struct{ year, want string }{{"79", "79AD"}, {"-100", "100BC"}, {"2000", "2000"}} {
		got := renderWith(t, layout, plainCite, `{"id":"a","type":"book","issued":{"date-parts":[[`+tt.year+`]]}}`, Text)
		if got != tt.want {
			t.Errorf("year %s: got %q, want %q", tt.year, got, tt.want)
		}
	}
}

func TestNames_InitializeWithHyphenFalseKeepsInitialsApart(t *testing.T) {
	for _, tt := range []struct{ hyphen, want string }{{"true", "J.-P. Sartre"}, {"false", "J. P. Sartre"}} {
		layout := `<layout><names variable="author"><name initialize-with=". "/></names></layout>`
		got := renderWithRoot(t, `initialize-with-hyphen="`+tt.hyphen+`"`, layout, `{"id":"a","type":"book","author":[{"family":"Sartre","given":"Jean-Paul"}]}`)
		if got != tt.want {
			t.Errorf("initialize-with-hyphen=%s: got %q, want %q", tt.hyphen, got, tt.want)
		}
	}
}

// renderWithRoot is renderWith for a bibliography with attributes on the
// style element.
func renderWithRoot(t *testing.T, rootAttrs, bibLayout, item string) string {
	t.Helper()
	style := `<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US" ` + rootAttrs + `>
<info><title>T</title><id>t</id></info>
<citation>` + plainCite + `</citation>
<bibliography>` + bibLayout + `</bibliography>
</style>`
	p := mustProcessor(t, style, Options{})
	es, err := p.Bibliography(mustItems(t, `[`+item+`]`))
	if err != nil {
		t.Fatal(err)
	}
	return es[0].Text
}

func TestCitations_AuthorOnlyDropsLayoutAffixes(t *testing.T) {
	cite := `<layout prefix="(" suffix=")"><group delimiter=", "><names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date></group></layout>`
	item := `{"id":"a","type":"book","author":[{"family":"Smith","given":"John"}],"issued":{"date-parts":[[2001]]}}`
	if got := renderWith(t, plainCite, cite, item, Text, CiteRef{ID: "a", AuthorOnly: true}); got != "Smith" {
		t.Errorf("author-only: got %q, want Smith", got)
	}
	if got := renderWith(t, plainCite, cite, item, Text, CiteRef{ID: "a"}); got != "(Smith, 2001)" {
		t.Errorf("plain cite: got %q, want (Smith, 2001)", got)
	}
}

func TestHTML_SecondFieldAlignRightBlockStartsWithoutSpace(t *testing.T) {
	bib := `<layout><text variable="citation-number" prefix="[" suffix="]"/><text variable="title" prefix=" "/></layout>`
	style := `<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="numeric" version="1.0" default-locale="en-US">
<info><title>T</title><id>t</id></info>
<citation>` + plainCite + `</citation>
<bibliography second-field-align="flush">` + bib + `</bibliography>
</style>`
	p := mustProcessor(t, style, Options{Format: HTML})
	es, err := p.Bibliography(mustItems(t, `[{"id":"a","type":"book","title":"Alpha"}]`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(es[0].Text, `<div class="csl-right-inline">Alpha</div>`) {
		t.Errorf("got %q, want the right block to start with Alpha", es[0].Text)
	}
}

func TestBibliography_LayoutSuffixMovesIntoTheLastBlock(t *testing.T) {
	layout := `<layout suffix="."><group display="block"><text variable="title"/><text variable="page" prefix=", p. "/></group></layout>`
	got := renderWith(t, layout, plainCite, `{"id":"a","type":"book","title":"T","page":"3"}`, HTML)
	if want := `<div class="csl-block">T, p. 3.</div>`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	got = renderWith(t, layout, plainCite, `{"id":"a","type":"book","title":"T","page":"3"}`, Text)
	if got != "T, p. 3." {
		t.Errorf("text: got %q, want %q", got, "T, p. 3.")
	}
}

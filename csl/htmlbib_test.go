package csl

import (
	"strings"
	"testing"
)

func TestBibliographyHTML_WrapsEntriesWithLayoutAndIDs(t *testing.T) {
	style := `<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
<info><title>T</title><id>t</id></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography hanging-indent="true" line-spacing="2" entry-spacing="1"><layout><text variable="title" font-style="italic"/></layout></bibliography>
</style>`
	st, err := ParseStyle([]byte(style), "t.csl")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{HTML, Text} {
		p, err := New(st, testLocales(t), Options{Format: f})
		if err != nil {
			t.Fatal(err)
		}
		es, err := p.Bibliography(mustItems(t, `[{"id":"a&b","type":"book","title":"Fish <3 & chips"}]`))
		if err != nil {
			t.Fatal(err)
		}
		got := p.BibliographyHTML(es)
		for _, want := range []string{
			`<div class="csl-bib-body" style="padding-left: 2em; text-indent: -2em; line-height: 2">`,
			`<div class="csl-entry" id="ref-a&amp;b" style="margin-bottom: 1em">`,
			`Fish &lt;3 &amp; chips`,
		} {
			if !strings.Contains(got, want) {
				t.Errorf("format %v: %q lacks %q", f, got, want)
			}
		}
		if f == HTML && !strings.Contains(got, "<i>") {
			t.Errorf("HTML entries keep their markup: %q", got)
		}
	}
}

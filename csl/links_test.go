package csl

import (
	"strings"
	"testing"
)

func TestLinks_DOIPrefixInsideAndUnsafeSchemesStayText(t *testing.T) {
	tests := []struct {
		name, layout, item string
		format             Format
		want               string
	}{
		{"resolver prefix goes into the link", `<text variable="DOI" prefix="https://doi.org/"/>`, `"DOI":"10.1000/xyz"`, HTML,
			`<a href="https://doi.org/10.1000/xyz">https://doi.org/10.1000/xyz</a>`},
		{"a label before the resolver stays outside", `<text variable="DOI" prefix="DOI: https://doi.org/"/>`, `"DOI":"10.1000/xyz"`, HTML,
			`DOI: <a href="https://doi.org/10.1000/xyz">https://doi.org/10.1000/xyz</a>`},
		{"Markdown writes the address once", `<text variable="DOI" prefix="https://doi.org/"/>`, `"DOI":"10.1000/xyz"`, Markdown,
			`<https://doi.org/10.1000/xyz>`},
		{"a bare DOI links to the resolver", `<text variable="DOI" prefix="doi:"/>`, `"DOI":"10.1000/xyz"`, HTML,
			`doi:<a href="https://doi.org/10.1000/xyz">10.1000/xyz</a>`},
		{"javascript: is no link", `<text variable="URL"/>`, `"URL":"javascript:alert(1)"`, HTML,
			`javascript:alert(1)`},
		{"https is a link", `<text variable="URL"/>`, `"URL":"https://example.org/a"`, HTML,
			`<a href="https://example.org/a">https://example.org/a</a>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			style := strings.Replace(`<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
<info><title>T</title><id>t</id></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout>LAYOUT</layout></bibliography>
</style>`, "LAYOUT", tt.layout, 1)
			st, err := ParseStyle([]byte(style), "t.csl")
			if err != nil {
				t.Fatal(err)
			}
			p, err := New(st, testLocales(t), Options{Format: tt.format})
			if err != nil {
				t.Fatal(err)
			}
			es, err := p.Bibliography(mustItems(t, `[{"id":"a","type":"book",`+tt.item+`}]`))
			if err != nil {
				t.Fatal(err)
			}
			got := es[0].Text
			if tt.format == HTML {
				got = strings.TrimSuffix(strings.TrimPrefix(got, `<div class="csl-entry">`), `</div>`)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

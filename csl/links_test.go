package csl

import (
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
			got := renderWith(t, "<layout>"+tt.layout+"</layout>", plainCite, `{"id":"a","type":"book",`+tt.item+`}`, tt.format)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

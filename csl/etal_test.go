package csl

import (
	"strings"
	"testing"
)

func TestNames_EtAlDelimiterRules(t *testing.T) {
	const five = `[{"id":"a","type":"book","author":[{"family":"Adams","given":"Alice"},{"family":"Baker","given":"Bob"},{"family":"Clark","given":"Carol"},{"family":"Davis","given":"Dan"},{"family":"Evans","given":"Eve"}]}]`
	tests := []struct {
		name, attrs, want string
	}{
		{"contextual puts a comma after two names", `et-al-min="4" et-al-use-first="2"`, "Alice Adams, Bob Baker, et al."},
		{"contextual puts none after one name", `et-al-min="4" et-al-use-first="1"`, "Alice Adams et al."},
		{"never", `et-al-min="4" et-al-use-first="2" delimiter-precedes-et-al="never"`, "Alice Adams, Bob Baker et al."},
		{"always", `et-al-min="4" et-al-use-first="1" delimiter-precedes-et-al="always"`, "Alice Adams, et al."},
		{"et-al-use-last after two names takes the delimiter", `et-al-min="4" et-al-use-first="2" et-al-use-last="true"`, "Alice Adams, Bob Baker, … Eve Evans"},
		{"et-al-use-last after one name takes a space", `et-al-min="4" et-al-use-first="1" et-al-use-last="true"`, "Alice Adams … Eve Evans"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			style := strings.Replace(`<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
<info><title>T</title><id>t</id></info>
<citation><layout><text variable="title"/></layout></citation>
<bibliography><layout><names variable="author"><name ATTRS/></names></layout></bibliography>
</style>`, "ATTRS", tt.attrs, 1)
			st, err := ParseStyle([]byte(style), "t.csl")
			if err != nil {
				t.Fatal(err)
			}
			p, err := New(st, testLocales(t), Options{})
			if err != nil {
				t.Fatal(err)
			}
			es, err := p.Bibliography(mustItems(t, five))
			if err != nil {
				t.Fatal(err)
			}
			if es[0].Text != tt.want {
				t.Errorf("got %q, want %q", es[0].Text, tt.want)
			}
		})
	}
}

func TestPageRange_ShortenedSecondDropsPrefix(t *testing.T) {
	for _, tt := range []struct{ a, b, format, want string }{
		{"e103", "e109", "minimal", "9"},
		{"S12", "S19", "minimal-two", "19"},
		{"e103", "e109", "expanded", "e109"},
		{"A1", "B2", "minimal", "B2"}, // different prefixes: no range to shorten
	} {
		if got := rangeSecond(tt.a, tt.b, tt.format); got != tt.want {
			t.Errorf("rangeSecond(%q, %q, %s) = %q, want %q", tt.a, tt.b, tt.format, got, tt.want)
		}
	}
}

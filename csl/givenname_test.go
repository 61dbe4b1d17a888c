package csl

import (
	"strings"
	"testing"
)

func TestDisambiguate_WithInitialsRulesAddOnlyInitialsThatHelp(t *testing.T) {
	tests := []struct {
		rule, givenB string
		want         []string
	}{
		{"all-names-with-initials", "Jane", []string{"Smith 2001a", "Smith 2001b"}},
		{"all-names-with-initials", "Adam", []string{"J. Smith 2001", "A. Smith 2001"}},
		{"primary-name-with-initials", "Jane", []string{"Smith 2001a", "Smith 2001b"}},
		{"all-names", "Jane", []string{"John Smith 2001", "Jane Smith 2001"}},
	}
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.givenB, func(t *testing.T) {
			style := strings.Replace(`<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
<info><title>T</title><id>t</id></info>
<citation disambiguate-add-givenname="true" givenname-disambiguation-rule="RULE" disambiguate-add-year-suffix="true">
<layout><group delimiter=" "><names variable="author"><name form="short" initialize-with=". "/></names><date variable="issued"><date-part name="year"/></date></group></layout>
</citation>
</style>`, "RULE", tt.rule, 1)
			p := mustProcessor(t, style, Options{})
			items := mustItems(t, `[{"id":"a","type":"book","author":[{"family":"Smith","given":"John"}],"issued":{"date-parts":[[2001]]}},
 {"id":"b","type":"book","author":[{"family":"Smith","given":"`+tt.givenB+`"}],"issued":{"date-parts":[[2001]]}}]`)
			got, err := p.Citations(items, []Cluster{{Items: []CiteRef{{ID: "a"}}}, {Items: []CiteRef{{ID: "b"}}}})
			if err != nil {
				t.Fatal(err)
			}
			for i := range tt.want {
				if got[i] != tt.want[i] {
					t.Errorf("cite %d: got %q, want %q", i+1, got[i], tt.want[i])
				}
			}
		})
	}
}

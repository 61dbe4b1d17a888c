package csl

import (
	"testing"
)

func TestNames_EtAlDelimiterRules(t *testing.T) {
	const five = `{"id":"a","type":"book","author":[{"family":"Adams","given":"Alice"},{"family":"Baker","given":"Bob"},{"family":"Clark","given":"Carol"},{"family":"Davis","given":"Dan"},{"family":"Evans","given":"Eve"}]}`
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
			layout := `<layout><names variable="author"><name ` + tt.attrs + `/></names></layout>`
			got := renderWith(t, layout, plainCite, five, Text)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
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

func TestNames_OthersCountTowardsEtAlMin(t *testing.T) {
	layout := `<layout><names variable="author"><name et-al-min="4" et-al-use-first="1"/></names></layout>`
	for _, tt := range []struct{ authors, want string }{
		{`{"family":"Adams","given":"Mark"},{"family":"Holt","given":"Rob"},{"family":"Cole","given":"Sue"},{"literal":"others"}`, "Mark Adams et al."},
		{`{"family":"Adams","given":"Mark"},{"family":"Holt","given":"Rob"},{"literal":"others"}`, "Mark Adams, Rob Holt, et al."},
	} {
		got := renderWith(t, layout, plainCite, `{"id":"a","type":"book","author":[`+tt.authors+`]}`, Text)
		if got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

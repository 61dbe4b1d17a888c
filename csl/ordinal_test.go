package csl

import "testing"

func TestNumber_WrittenOrdinalIsNotDoubled(t *testing.T) {
	p := newMini(t, Text)
	for _, tt := range []struct{ edition, want string }{
		{"2nd", "2nd"},
		{"2", "2nd"},
		{"3rd", "3rd"},
		{"21st", "21st"},
		{"4th.", "4th"}, // not a number: printed as written
	} {
		items := mustItems(t, `[{"id":"a","type":"book","title":"T","edition":"`+tt.edition+`"}]`)
		es, err := p.Bibliography(items)
		if err != nil {
			t.Fatal(err)
		}
		want := "T. " + tt.want + "."
		if es[0].Text != want {
			t.Errorf("edition %q: got %q, want %q", tt.edition, es[0].Text, want)
		}
	}
}

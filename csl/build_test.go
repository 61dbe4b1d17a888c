package csl

import (
	"reflect"
	"testing"
)

func TestSetVar_TrimsAndSkipsEmptyValues(t *testing.T) {
	it := NewItem(" a1 ", "book")
	it.SetVar("title", "  A title ")
	it.SetVar("volume", "   ")
	it.SetVar("journalAbbreviation", "J. Ex.")
	it.SetVar("shortTitle", "Short")
	it.SetVar("note", "bad \xff byte")
	want := map[string]string{"title": "A title", "container-title-short": "J. Ex.", "title-short": "Short", "note": "bad \uFFFD byte"}
	if it.ID != "a1" || !reflect.DeepEqual(it.Vars, want) {
		t.Errorf("got id %q vars %q, want a1 %q", it.ID, it.Vars, want)
	}
}

func TestSetNames_SplitsParticlesOnlyWhenTheNameHasNone(t *testing.T) {
	tests := []struct {
		name string
		in   []Name
		want []Name // nil: the variable stays unset
	}{
		{"family particle", []Name{{Family: "van der Berg", Given: "Jan"}},
			[]Name{{Family: "Berg", Given: "Jan", NonDroppingParticle: "van der"}}},
		{"given particle", []Name{{Family: "Beethoven", Given: "Ludwig van"}},
			[]Name{{Family: "Beethoven", Given: "Ludwig", DroppingParticle: "van"}}},
		{"apostrophe", []Name{{Family: "d'Alembert", Given: "Jean"}},
			[]Name{{Family: "Alembert", Given: "Jean", NonDroppingParticle: "d'"}}},
		{"own particle kept", []Name{{Family: "van Berg", Given: "Jan", DroppingParticle: "de"}},
			[]Name{{Family: "van Berg", Given: "Jan", DroppingParticle: "de"}}},
		{"empty names dropped", []Name{{Family: " ", Given: " "}, {Literal: " WHO "}},
			[]Name{{Literal: "WHO"}}},
		{"nothing left", []Name{{}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := NewItem("a", "book")
			it.SetNames("author", tt.in)
			got, ok := it.Names["author"]
			if tt.want == nil {
				if ok {
					t.Fatalf("author set to %+v, want unset", got)
				}
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSetDate_DropsEmptyPartsAndKeepsARange(t *testing.T) {
	it := NewItem("a", "book")
	it.SetDate("issued", Date{Parts: []DatePart{{}, {Year: 2019, Month: 3}, {Year: 2020}, {Year: 2021}}})
	it.SetDate("accessed", Date{Literal: "  "})
	it.SetDate("original-date", Date{Literal: " in press "})
	want := map[string]Date{
		"issued":        {Parts: []DatePart{{Year: 2019, Month: 3}, {Year: 2020}}},
		"original-date": {Literal: "in press"},
	}
	if !reflect.DeepEqual(it.Dates, want) {
		t.Errorf("got %+v, want %+v", it.Dates, want)
	}
	if got := NewDatePart([]int{2019, 3, 7, 9}); got != (DatePart{2019, 3, 7}) {
		t.Errorf("NewDatePart: got %+v", got)
	}
}

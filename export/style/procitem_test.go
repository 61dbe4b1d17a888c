package style

import (
	"encoding/json"
	"reflect"
	"testing"

	cslp "github.com/evident-tools/evident/csl"
	"github.com/evident-tools/evident/export/csl"
)

// TestProcessorItem_EqualsCSLJSONRoute: handing an item to the processor
// field by field gives what writing it as CSL-JSON and reading it back
// gave, for the golden test's references and for an item with every field
// of csl.Item set (so a field added there and forgotten in processorItem
// fails here).
func TestProcessorItem_EqualsCSLJSONRoute(t *testing.T) {
	items := richItems(t)
	full := csl.Item{}
	v := reflect.ValueOf(&full).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		name := v.Type().Field(i).Name
		switch f.Kind() {
		case reflect.String:
			f.SetString(" " + name + " \xff ")
		case reflect.Slice: // names
			f.Set(reflect.ValueOf([]csl.Name{
				{Family: "van der " + name, Given: "Jan"},
				{Family: "Berg", Given: "Ludwig van", DroppingParticle: "de"},
				{Literal: name + " Group"},
				{},
			}))
		case reflect.Pointer: // dates
			f.Set(reflect.ValueOf(&csl.Date{DateParts: [][]int{{2019, 3, 7, 9}, {}, {2020, 1}, {2021}}}))
		default:
			t.Fatalf("csl.Item.%s: a field of a kind this test does not fill", name)
		}
	}
	full.ID = "full"
	items = append(items, full,
		csl.Item{ID: "literal", Type: "book", Issued: &csl.Date{Literal: " in press "}, Accessed: &csl.Date{}},
		csl.Item{ID: "d'Alembert", Author: []csl.Name{{Family: "d'Alembert", Given: "Jean"}, {Family: "  ", Given: " "}}})
	for _, it := range items {
		want := viaJSON(t, it)
		got, err := processorItem(&it)
		if err != nil {
			t.Fatalf("%s: %v", it.ID, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n got %#v\nwant %#v", it.ID, got, want)
		}
	}
}

func TestProcessorItem_RefusesItemWithoutID(t *testing.T) {
	if _, err := processorItem(&csl.Item{ID: " ", Type: "book"}); err == nil {
		t.Fatal("an item without id was accepted")
	}
}

func viaJSON(t *testing.T, it csl.Item) cslp.Item {
	t.Helper()
	data, err := json.Marshal(it)
	if err != nil {
		t.Fatal(err)
	}
	got, err := cslp.ItemFromJSON(data)
	if err != nil {
		t.Fatalf("%s: %v", it.ID, err)
	}
	return got
}

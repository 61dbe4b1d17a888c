package pipeline

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/registry"
)

// A --retractions file answers verification as Retraction Watch would, a
// list that only names works lists retractions, and two databases give
// both their notices.
func TestListNotices_AsRetractionWatchReportsThem(t *testing.T) {
	rw, err := check.LoadRetractions(strings.NewReader("OriginalPaperDOI,RetractionNature,RetractionDate\n10.1000/abc,Expression of concern,3/4/2021\n"), "rw.csv")
	if err != nil {
		t.Fatal(err)
	}
	plain, err := check.LoadRetractions(strings.NewReader("DOI\n10.1000/abc\n"), "plain.csv")
	if err != nil {
		t.Fatal(err)
	}
	ids := corpus.Identifiers{DOI: "10.1000/abc"}
	got := BothRetractions{ListNotices(rw), ListNotices(plain)}.Notices(ids)
	want := []registry.Update{
		{Type: registry.ExpressionOfConcern, Date: "2021-03-04", Source: "retraction-watch"},
		{Type: registry.Retraction, Source: "retraction-watch"},
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("notices %+v, want %+v", got, want)
	}
	if n := ListNotices(rw).Notices(corpus.Identifiers{DOI: "10.1000/other"}); n != nil {
		t.Errorf("a work the list does not name: %+v", n)
	}
}

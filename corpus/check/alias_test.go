package check_test

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

func TestCheck_CitationByAnAlias(t *testing.T) {
	lib := refs(t, library)
	for _, r := range lib {
		if r.Key == "lecun2015deep" {
			r.Aliases = []string{"lecun_deep_2015"}
		}
	}
	art := "Deep learning changed computer vision [@lecun_deep_2015].\nIt did so quickly [@LeCun2015Deep].\n"
	rep, err := check.Check("a.md", []byte(art), corpus.Markdown, lib, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l := link(t, rep, "[@lecun_deep_2015]")
	if l.Status != "resolved" || l.Key == nil || *l.Key != "lecun2015deep" || l.Cites != "lecun_deep_2015" || l.By != "alias" {
		t.Errorf("by alias: %+v", l)
	}
	if l := link(t, rep, "[@LeCun2015Deep]"); l.By != "key" {
		t.Errorf("by the key in other case: %+v, want by key", l)
	}
	if rep.Summary.Dangling != 0 {
		t.Errorf("%d dangling, want none", rep.Summary.Dangling)
	}
}

package check_test

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

func TestCheck_ManubotAliasesAndIdentifierKeys(t *testing.T) {
	lib := []*corpus.Reference{
		{Key: "w1", Title: "Deep learning", Year: 2015, IDs: corpus.Identifiers{DOI: "10.1038/nature14539", PMID: "26017442"}},
		{Key: "w2", Title: "Opportunities and obstacles", Year: 2018, IDs: corpus.Identifiers{PMCID: "PMC5938574"}},
	}
	art := `Deep learning changed vision [@tag:lecun].
It did so quickly [@doi:10.1038/NATURE14539; @pubmed:26017442; @pmc:PMC5938574].
Biology followed [@doi:10.1000/missing].
Medicine too [@tag:gone].

[@tag:lecun]: doi:10.1038/nature14539
[@tag:gone]: pmid:999
`
	rep, err := check.Check("a.md", []byte(art), corpus.Markdown, lib, check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if l := link(t, rep, "[@tag:lecun]"); l.Status != corpus.Resolved || l.Key == nil || *l.Key != "w1" || l.Cites != "tag:lecun" {
		t.Errorf("by the article's alias: %+v", l)
	}
	for _, c := range rep.Claims {
		if strings.Contains(c.Text, "tag:lecun]:") {
			t.Errorf("an alias definition is article text: %q", c.Text)
		}
		if !strings.HasPrefix(c.Text, "It did") {
			continue
		}
		for _, l := range c.Citations {
			if l.Status != corpus.Resolved {
				t.Errorf("%s: %+v", l.Cites, l)
			}
		}
	}
	for marker, want := range map[string]string{
		"[@doi:10.1000/missing]": "doi:10.1000/missing is not in the library",
		"[@tag:gone]":            "tag:gone stands for pmid:999, which is not in the library",
	} {
		if l := link(t, rep, marker); l.Status != corpus.Dangling || !strings.HasSuffix(l.Why, want) {
			t.Errorf("%s: %s %q, want dangling ending %q", marker, l.Status, l.Why, want)
		}
	}
	if rep.Summary.Dangling != 2 {
		t.Errorf("%d dangling, want 2", rep.Summary.Dangling)
	}
}

package export

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestCitedInOrder_LibraryKeysAndLinkedSourcesInFirstCitationOrder(t *testing.T) {
	k1, k2 := "smith2019", "lee2020"
	link := func(label string, st corpus.CitationStatus, key *string) corpus.CitationLink {
		return corpus.CitationLink{Kind: corpus.LinkKind, Cites: label, Status: st, Key: key}
	}
	rep := &corpus.Report{
		Claims: []corpus.Claim{
			{Citations: []corpus.CitationLink{{Kind: "numeric", Cites: "1", Status: corpus.Resolved, Key: &k1}, link("L1", corpus.External, nil)}},
			{Citations: []corpus.CitationLink{link("L2", corpus.Resolved, &k2), {Kind: "numeric", Cites: "2", Status: corpus.Dangling}}},
			{Citations: []corpus.CitationLink{link("L1", corpus.External, nil), {Kind: "numeric", Cites: "1", Status: corpus.Resolved, Key: &k1}}},
		},
		LinkSources: []corpus.ListRef{
			{Label: "L1", Text: "a report", URL: "https://www.cdc.gov/r.htm"},
			{Label: "L2", Text: "a paper", URL: "https://doi.org/10.1/x", Key: &k2},
		},
	}
	got := CitedInOrder(rep, true)
	if len(got) != 3 || got[0].Key != k1 || got[1].Ref == nil || got[2].Key != k2 {
		t.Fatalf("cited %+v, want smith2019, the report, lee2020", got)
	}
	if got[1].Ref.Title != "a report" {
		t.Errorf("linked source titled %q", got[1].Ref.Title)
	}
	if got := CitedInOrder(rep, false); len(got) != 2 || got[0].Key != k1 || got[1].Key != k2 {
		t.Errorf("library only: %+v, want smith2019, lee2020", got)
	}
	if CitedInOrder(nil, true) != nil {
		t.Errorf("no report cites something")
	}
}

func TestLinkReference_WebPageFromTextAndAddress(t *testing.T) {
	for _, c := range []struct {
		text, url, title, doi, arxiv string
	}{
		{"a government report", "https://www.cdc.gov/db288.htm", "a government report", "", ""},
		{"https://data.example.org/x/", "https://data.example.org/x/", "data.example.org/x", "", ""},
		{"", "https://data.example.org/y", "data.example.org/y", "", ""},
		{"the trial", "https://doi.org/10.1000/ABC", "the trial", "10.1000/abc", ""},
		{"a preprint", "https://arxiv.org/abs/1706.03762", "a preprint", "", "1706.03762"},
		{"50% of {R&D}", "https://x.org/a{b}", "50% of {R&D}", "", ""},
	} {
		r := LinkReference(corpus.ListRef{Text: c.text, URL: c.url})
		if r.Type != "online" || r.Title != c.title || r.IDs.DOI != c.doi || r.IDs.ArXiv != c.arxiv {
			t.Errorf("%q <%s>: type %s, title %q, ids %+v; want online, %q, doi %q, arxiv %q", c.text, c.url, r.Type, r.Title, r.IDs, c.title, c.doi, c.arxiv)
		}
		if u, _ := r.Get("url"); u == "" {
			t.Errorf("%s: no url field", c.url)
		}
	}
}

func TestKeyLinkReferences_SiteAndTitleWordUniqueInTheList(t *testing.T) {
	refs := []*corpus.Reference{
		{Key: "cdcgovernment"},
		LinkReference(corpus.ListRef{Text: "a government report", URL: "https://www.cdc.gov/a"}),
		LinkReference(corpus.ListRef{Text: "the government data", URL: "https://cdc.gov/b"}),
		LinkReference(corpus.ListRef{Text: "Sleep", URL: "https://www.bbc.co.uk/news/1"}),
		LinkReference(corpus.ListRef{Text: "Census", URL: "https://www.abs.gov.au/c"}),
	}
	KeyLinkReferences(refs)
	want := []string{"cdcgovernment", "cdcgovernmenta", "cdcgovernmentb", "bbcsleep", "abscensus"}
	for i, r := range refs {
		if r.Key != want[i] {
			t.Errorf("key %d = %q, want %q", i, r.Key, want[i])
		}
	}
}

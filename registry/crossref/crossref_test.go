package crossref

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
)

const testMailto = "example@papercrow.ai"

// load reads a cassette of testdata.
func load(t testing.TB, name string) []registrytest.Interaction {
	t.Helper()
	ins, err := registrytest.Load(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return ins
}

// newTest returns a Crossref client of srv that never waits between
// requests (the pacing is registry.Client's, tested there).
func newTest(srv *registrytest.Server, mailto string) (*Registry, *registry.Client) {
	c := &registry.Client{Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() }}
	return New(c, registry.Settings{CrossrefURL: srv.URL, Mailto: mailto}), c
}

// expect is what a recorded work must parse to.
type expect struct {
	title, family, given string
	year, month          int
	venue, venueShort    string
	volume, issue, pages string
	typ                  string
	authors              int
	updates              []registry.Update
	publishedAs          string
	abstract             []string // substrings of the abstract, in order
}

// recorded holds every work recorded at /works/{doi} in the corpus, by DOI.
var recorded = map[string]expect{
	"10.1371/journal.pone.0033693": {
		title:  "Methylphenidate Exposure Induces Dopamine Neuron Loss and Activation of Microglia in the Basal Ganglia of Mice",
		family: "Sadasivan", given: "Shankar", year: 2012, month: 3, venue: "PLoS ONE", venueShort: "PLoS ONE",
		volume: "7", issue: "3", pages: "e33693", typ: "article-journal", authors: 6,
		updates: []registry.Update{{Type: registry.Correction, DOI: "10.1371/annotation/c76da2c1-ccb8-4797-94c1-359d3ceceeda", Date: "2012-05-08", Source: "publisher"}},
	},
	"10.4018/978-1-4666-9588-7.les2": {
		// issued is [[null]] and no other date is deposited: no year.
		title: `"Racial Epithet"`, family: "Hartlep", given: "Nicholas D.",
		venue: "Impact of the Model Minority Stereotype on Modern Society", pages: "525-916", typ: "chapter", authors: 1,
	},
	"10.1101/2024.04.01.587366": {
		title:  "High-throughput screening of human genetic variants by pooled prime editing",
		family: "Herger", given: "Michael", year: 2024, month: 4, venue: "bioRxiv", typ: "posted-content", authors: 6,
		publishedAs: "10.1016/j.xgen.2025.100814",
		abstract:    []string{"Understanding the effects of rare genetic variants", "targeting SMARCB1 for editing", "variants in MLH1 via 6-thioguanine"},
	},
	"10.1063/1.4938384": {
		title:  "Effect of native oxide layers on copper thin-film tensile properties: A reactive molecular dynamics study",
		family: "Skarlinski", given: "Michael D.", year: 2015, month: 12, venue: "Journal of Applied Physics",
		volume: "118", issue: "23", pages: "235306", typ: "article-journal", authors: 2,
		abstract: []string{"Metal-oxide layers are likely", "at low temperatures (<75 K) and low strain values (<5%)"},
	},
	"10.1038/s42256-024-00832-8": {
		title:  "Augmenting large language models with chemistry tools",
		family: "M. Bran", given: "Andres", year: 2024, month: 5, venue: "Nature Machine Intelligence", venueShort: "Nat Mach Intell",
		volume: "6", issue: "5", pages: "525-535", typ: "article-journal", authors: 6,
		abstract: []string{"Large language models (LLMs) have shown", "ChemCrow’s effectiveness"},
	},
	"10.1023/a:1007154515475": {
		title:  "An essential role of active site arginine residue in iodide binding and histidine residue in electron transfer for iodide oxidation by horseradish peroxidase",
		family: "Adak", given: "Subrata", year: 2001, month: 2, venue: "Molecular and Cellular Biochemistry", venueShort: "Mol Cell Biochem",
		volume: "218", issue: "1-2", pages: "1-11", typ: "article-journal", authors: 4,
	},
	"10.1007/s40278-023-41815-2": {
		// Springer deposits the subtitle apart; no authors at all.
		title: "Convalescent-anti-sars-cov-2-plasma/immune-globulin: Fever and mild decrease in baseline oxygen saturation following off-label use: 3 case reports",
		year:  2023, month: 6, venue: "Reactions Weekly", venueShort: "Reactions Weekly",
		volume: "1962", issue: "1", pages: "145-145", typ: "article-journal",
	},
	"10.1016/j.addr.2015.01.008": {
		title:  "Pharmacokinetics, biodistribution and cell uptake of antisense oligonucleotides",
		family: "Geary", given: "Richard S.", year: 2015, month: 6, venue: "Advanced Drug Delivery Reviews", venueShort: "Advanced Drug Delivery Reviews",
		volume: "87", pages: "46-51", typ: "article-journal", authors: 4,
	},
	"10.1073/pnas.1414271111": {
		// issued (online, October) wins over published-print (November).
		title:  "Developing functional musculoskeletal tissues through hypoxia and lysyl oxidase-induced collagen cross-linking",
		family: "Makris", given: "Eleftherios A.", year: 2014, month: 10, venue: "Proceedings of the National Academy of Sciences",
		venueShort: "Proc. Natl. Acad. Sci. U.S.A.", volume: "111", issue: "45", typ: "article-journal", authors: 5,
		updates:  []registry.Update{{Type: registry.Correction, DOI: "10.1073/pnas.1507001112", Date: "2015-05-04", Source: "publisher"}},
		abstract: []string{"Significance: The inadequate mechanical properties", "an ∼16-fold increase"},
	},
	"10.1146/annurev.pathol.4.110807.092311": {
		title:  "PTEN and the PI3-Kinase Pathway in Cancer",
		family: "Chalhoub", given: "Nader", year: 2009, month: 2, venue: "Annual Review of Pathology: Mechanisms of Disease",
		venueShort: "Annu. Rev. Pathol. Mech. Dis.", volume: "4", issue: "1", pages: "127-150", typ: "article-journal", authors: 2,
		abstract: []string{"PI3-kinase and PTEN are major", "intermediate PIP3, but PTEN"},
	},
}

// workDOIs returns the DOIs recorded at /works/{doi} with a 200.
func workDOIs(ins []registrytest.Interaction) []string {
	var out []string
	for _, in := range ins {
		p, _ := in.Path()
		if in.Status != http.StatusOK || !strings.Contains(in.URI, "api.crossref.org/works/") || strings.Contains(p, "/transform") {
			continue
		}
		out = append(out, strings.TrimPrefix(p, "/works/"))
	}
	return out
}

// lookupAll looks up every work of a cassette through a replay server and
// checks each against recorded; it returns how many it checked.
func lookupAll(t *testing.T, name string, ins []registrytest.Interaction) int {
	t.Helper()
	srv := registrytest.NewServer(t, ins...)
	r, _ := newTest(srv, testMailto)
	n := 0
	for _, doi := range workDOIs(ins) {
		want, ok := recorded[strings.ToLower(doi)]
		if !ok {
			t.Errorf("%s: %s is recorded but not in the table of expected records", name, doi)
			continue
		}
		rec, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: doi})
		if err != nil {
			t.Errorf("%s: %s: %v", name, doi, err)
			continue
		}
		checkRecord(t, doi, rec, want)
		n++
	}
	return n
}

func checkRecord(t *testing.T, doi string, rec registry.Record, want expect) {
	t.Helper()
	got := expect{
		title: rec.Title, year: rec.Year, month: rec.Month, venue: rec.Venue, venueShort: rec.VenueShort,
		volume: rec.Volume, issue: rec.Issue, pages: rec.Pages, typ: rec.Type, authors: len(rec.Authors),
		updates: rec.Updates, publishedAs: rec.PublishedAs,
	}
	if len(rec.Authors) > 0 {
		got.family, got.given = rec.Authors[0].Family, rec.Authors[0].Given
	}
	check := func(field string, g, w any) {
		if g != w {
			t.Errorf("%s: %s = %v, want %v", doi, field, g, w)
		}
	}
	check("DOI", rec.DOI, strings.ToLower(doi))
	check("registry", rec.Registry, "crossref")
	check("title", got.title, want.title)
	check("first author family", got.family, want.family)
	check("first author given", got.given, want.given)
	check("year", got.year, want.year)
	check("month", got.month, want.month)
	check("venue", got.venue, want.venue)
	check("short venue", got.venueShort, want.venueShort)
	check("volume", got.volume, want.volume)
	check("issue", got.issue, want.issue)
	check("pages", got.pages, want.pages)
	check("type", got.typ, want.typ)
	check("published as", got.publishedAs, want.publishedAs)
	check("number of authors", got.authors, want.authors)
	if len(got.updates) != len(want.updates) {
		t.Errorf("%s: updates %+v, want %+v", doi, got.updates, want.updates)
	} else {
		for i := range want.updates {
			check("update", got.updates[i], want.updates[i])
		}
	}
	rest := rec.Abstract
	for _, s := range want.abstract {
		i := strings.Index(rest, s)
		if i < 0 {
			t.Errorf("%s: abstract lacks %q (in order):\n%s", doi, s, rec.Abstract)
			break
		}
		rest = rest[i+len(s):]
	}
	if len(want.abstract) == 0 && rec.Abstract != "" {
		t.Errorf("%s: abstract %q, want none", doi, rec.Abstract)
	}
	if strings.Contains(rec.Abstract, "<") && !strings.Contains(rec.Abstract, "<75 K") || strings.Contains(rec.Abstract, "jats:") {
		t.Errorf("%s: markup left in the abstract: %q", doi, rec.Abstract)
	}
}

func TestLookup_RecordedWorksParseByValue(t *testing.T) {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml") {
			n += lookupAll(t, e.Name(), load(t, e.Name()))
		}
	}
	if n < 9 {
		t.Errorf("checked %d recorded works, want the 9 of testdata", n)
	}
}

// The shared corpus may hold more recordings than testdata; each must be
// in the table, so a new one is read by value before it counts.
func TestLookup_EveryRecordedWorkOfTheCorpus(t *testing.T) {
	dir := registrytest.Corpus(t, "crossref")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml") {
			n += lookupAll(t, e.Name(), registrytest.MustLoad(t, "crossref/"+e.Name()))
		}
	}
	t.Logf("%d recorded works checked", n)
	if n < len(recorded) {
		t.Errorf("checked %d recorded works, want at least the %d of the table", n, len(recorded))
	}
}

func TestLookup_UnknownDOIIsNotFound(t *testing.T) {
	for _, c := range []struct{ cassette, doi string }{
		{"test_works_bad_id_warn.yaml", "10.1371/notarealdoi"},
		// A DataCite DOI (arXiv's): Crossref's 404 says nothing about
		// other agencies, but it is Crossref's authoritative answer.
		{"test_bulk_doi_search.yaml", "10.48550/arxiv.2312.07559"},
	} {
		srv := registrytest.NewServer(t, load(t, c.cassette)...)
		r, _ := newTest(srv, testMailto)
		_, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: c.doi})
		if !errors.Is(err, registry.ErrNotFound) {
			t.Errorf("%s: err %v, want ErrNotFound", c.doi, err)
		}
	}
}

func TestLookup_404WithAnotherBodyIsUnavailable(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Handle("/works/10.1000/x", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte("<html><body>nginx: 404 Not Found</body></html>"))
	})
	r, _ := newTest(srv, "")
	_, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: "10.1000/x"})
	var u *registry.Unavailable
	if !errors.As(err, &u) || u.Reason != "HTTP 404" || errors.Is(err, registry.ErrNotFound) {
		t.Fatalf("err %v, want unavailable (HTTP 404), never not found", err)
	}
}

func TestLookup_OtherIdentifiersAreNotSupported(t *testing.T) {
	srv := registrytest.NewServer(t)
	r, c := newTest(srv, "")
	for _, id := range []registry.ID{{Kind: registry.PMID, Value: "123"}, {Kind: registry.PMCID, Value: "PMC1"}, {Kind: registry.ArXiv, Value: "2101.00001"}} {
		if _, err := r.Lookup(context.Background(), id); !errors.Is(err, registry.ErrNotSupported) {
			t.Errorf("%s: err %v, want ErrNotSupported", id, err)
		}
	}
	if _, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: "not a doi"}); err == nil || registry.IsUnavailable(err) || errors.Is(err, registry.ErrNotFound) {
		t.Errorf("malformed DOI: err %v, want an error naming it", err)
	}
	if c.Sent() != 0 {
		t.Errorf("sent %d requests for identifiers Crossref cannot answer", c.Sent())
	}
}

func TestLookup_EscapesTheDOIButKeepsItsSlashes(t *testing.T) {
	for _, c := range []struct{ doi, path string }{
		{"10.1371/journal.pone.0033693", "/works/10.1371/journal.pone.0033693"},
		{"10.1002/(sici)1097-4636(199706)35:4<451::aid-jbm6>3.0.co;2-c", "/works/10.1002/%28sici%291097-4636%28199706%2935:4%3C451::aid-jbm6%3E3.0.co%3B2-c"},
		{"10.1000/a;b<c>#d?e/100%", "/works/10.1000/a%3Bb%3Cc%3E%23d%3Fe/100%25"},
	} {
		srv := registrytest.NewServer(t)
		var got, query string
		srv.Handle("/works/"+c.doi, func(w http.ResponseWriter, r *http.Request) {
			got, query = r.URL.EscapedPath(), r.URL.RawQuery
			w.WriteHeader(http.StatusNotFound)
			w.Write([]byte(notFoundBody))
		})
		r, _ := newTest(srv, "me@example.org")
		_, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: c.doi})
		if got != c.path {
			t.Errorf("%s: path %s, want %s (err %v)", c.doi, got, c.path, err)
		}
		if query != "mailto=me%40example.org" {
			t.Errorf("%s: query %q, want the mailto", c.doi, query)
		}
	}
}

func TestLookup_NoMailtoWhenUnset(t *testing.T) {
	srv := registrytest.NewServer(t, load(t, "test_works_with_one_id.yaml")...)
	r, _ := newTest(srv, "")
	if _, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: "10.1371/journal.pone.0033693"}); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 || reqs[0].URL.RawQuery != "" || reqs[0].Header.Get("Accept") != "application/json" {
		t.Fatalf("requests %v", reqs)
	}
}

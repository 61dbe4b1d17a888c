package openalex

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
)

const pnas = "10.1073/pnas.1414271111"

// recorded serves a testdata body at the URI this client asks for.
func recorded(t testing.TB, path, file string) registrytest.Interaction {
	return registrytest.Interaction{Method: "GET", URI: "https://api.openalex.org" + path, Status: 200,
		Header: http.Header{"Content-Type": {"application/json"}}, Body: readTestdata(t, file)}
}

func newRegistry(srv *registrytest.Server, s registry.Settings) (*Registry, *registry.Client) {
	c := registrytest.Client()
	s.OpenAlexURL = srv.URL
	return New(c, s), c
}

func TestLookup_AsksByDOIWithMailtoAndKey(t *testing.T) {
	srv := registrytest.NewServer(t, recorded(t, "/works/doi:"+pnas, "W2109415576.json"))
	r, _ := newRegistry(srv, registry.Settings{Mailto: "editor@example.org", OpenAlexAPIKey: "k3y"})
	rec, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: pnas})
	if err != nil {
		t.Fatal(err)
	}
	if rec.PMCID != "PMC4234579" || rec.Year != 2014 || len(rec.Authors) != 5 || rec.Registry != "openalex" {
		t.Errorf("record %+v", rec)
	}
	reqs := srv.Requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	q := reqs[0].URL.Query()
	if reqs[0].URL.Path != "/works/doi:"+pnas || q.Get("mailto") != "editor@example.org" || q.Get("api_key") != "k3y" {
		t.Errorf("asked %s", reqs[0].URL)
	}
}

// Without settings no mailto or key is sent: an empty api_key would be
// refused.
func TestLookup_SendsNoEmptyParameters(t *testing.T) {
	srv := registrytest.NewServer(t, recorded(t, "/works/doi:"+pnas, "W2109415576.json"))
	r, _ := newRegistry(srv, registry.Settings{})
	if _, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: pnas}); err != nil {
		t.Fatal(err)
	}
	if q := srv.Requests()[0].URL.RawQuery; q != "" {
		t.Errorf("query %q, want none", q)
	}
}

func TestLookup_ByPMIDAndPMCID(t *testing.T) {
	srv := registrytest.NewServer(t, recorded(t, "/works/pmid:25666165", "W2033425827.json"), recorded(t, "/works/pmcid:PMC4234579", "W2109415576.json"))
	r, _ := newRegistry(srv, registry.Settings{})
	rec, err := r.Lookup(context.Background(), registry.ID{Kind: registry.PMID, Value: "25666165"})
	if err != nil || rec.DOI != "10.1016/j.addr.2015.01.008" {
		t.Errorf("by PMID: %+v, %v", rec, err)
	}
	rec, err = r.Lookup(context.Background(), registry.ID{Kind: registry.PMCID, Value: "PMC4234579"})
	if err != nil || rec.DOI != pnas {
		t.Errorf("by PMC id: %+v, %v", rec, err)
	}
	if _, err := r.Lookup(context.Background(), registry.ID{Kind: registry.ArXiv, Value: "2101.00001"}); !errors.Is(err, registry.ErrNotSupported) {
		t.Errorf("by arXiv id: %v, want not supported", err)
	}
}

// The OpenAlex interactions paper-qa recorded inside its Crossref
// cassettes, asked as this client asks (doi:… rather than the DOI URL),
// and its recorded 404 with an HTML body.
func TestLookup_RecordedCassettes(t *testing.T) {
	var ins []registrytest.Interaction
	for _, f := range []string{"crossref/test_doi_search[paper_attributes2].yaml", "crossref/test_doi_search[paper_attributes3].yaml", "crossref/test_doi_search[paper_attributes4].yaml", "openalex/test_does_openalex_work[not-in-openalex].yaml"} {
		for _, in := range registrytest.MustLoad(t, f) {
			p, _ := in.Path()
			if !strings.Contains(in.URI, "api.openalex.org") || !strings.HasPrefix(p, "/works/https://doi.org/") {
				continue
			}
			in.URI = "https://api.openalex.org/works/doi:" + strings.TrimPrefix(p, "/works/https://doi.org/")
			ins = append(ins, in)
		}
	}
	if len(ins) != 4 {
		t.Fatalf("%d OpenAlex interactions in the cassettes, want 4", len(ins))
	}
	srv := registrytest.NewServer(t, ins...)
	r, _ := newRegistry(srv, registry.Settings{})
	ctx := context.Background()
	for doi, title := range map[string]string{
		"10.1007/s40278-023-41815-2": "Convalescent-anti-sars-cov-2-plasma/immune-globulin",
		"10.1016/j.addr.2015.01.008": "Pharmacokinetics, biodistribution and cell uptake of antisense oligonucleotides",
		pnas:                         "Developing functional musculoskeletal tissues through hypoxia and lysyl oxidase-induced collagen cross-linking",
	} {
		rec, err := r.Lookup(ctx, registry.ID{Kind: registry.DOI, Value: doi})
		if err != nil || rec.Title != title || rec.DOI != doi {
			t.Errorf("%s: %q, %v", doi, rec.Title, err)
		}
	}
	_, err := r.Lookup(ctx, registry.ID{Kind: registry.DOI, Value: "10.1046/j.1365-2699.2003.00795"})
	if !errors.Is(err, registry.ErrNotFound) || registry.IsUnavailable(err) {
		t.Errorf("recorded 404: %v, want not found", err)
	}
}

func TestSearch_AsksForFiveAndReadsTheList(t *testing.T) {
	srv := registrytest.NewServer(t, recorded(t, "/works", "works-title-search.json"))
	r, c := newRegistry(srv, registry.Settings{Mailto: "editor@example.org"})
	ref := "Skarlinski MD, Quesnel DJ. Effect of native oxide layers on copper thin-film tensile properties: a reactive molecular dynamics study. J Appl Phys. 2015;118:235306."
	recs, err := r.Search(context.Background(), ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || recs[0].DOI != "10.1063/1.4938384" || recs[0].Authors[0].Family != "Skarlinski" {
		t.Errorf("candidates %+v", recs)
	}
	q := srv.Requests()[0].URL.Query()
	if q.Get("search") != ref || q.Get("per-page") != "5" || q.Get("mailto") != "editor@example.org" {
		t.Errorf("asked %v", q)
	}
	// Searches go at the search pace, not the single-record one.
	if _, search := c.Interval(Service); search != registry.DefaultSearchInterval {
		t.Errorf("search interval %v", search)
	}
	if recs, err := r.Search(context.Background(), "  "); recs != nil || err != nil || len(srv.Requests()) != 1 {
		t.Errorf("blank search: %v, %v, sent %d", recs, err, len(srv.Requests()))
	}
}

func TestSearch_KeepsAtMostFiveAndSkipsWhatIsNoWork(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Handle("/works", func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`{"meta": {"count": 7}, "results": [{"id": "W0"}, "nonsense",`)
		for i := 1; i <= 7; i++ {
			if i > 1 {
				b.WriteByte(',')
			}
			b.WriteString(`{"title": "Work ` + string(rune('0'+i)) + `"}`)
		}
		b.WriteString(`]}`)
		w.Write([]byte(b.String()))
	})
	r, _ := newRegistry(srv, registry.Settings{})
	recs, err := r.Search(context.Background(), "work")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 5 || recs[0].Title != "Work 1" || recs[4].Title != "Work 5" {
		t.Errorf("%d candidates: %+v", len(recs), recs)
	}
}

// Misbehaving servers leave the verdict unknown, never "not found".
func TestLookupAndSearch_Misbehaviour(t *testing.T) {
	for _, c := range []struct {
		name   string
		faults []registrytest.Fault
		setup  func(*registry.Client, *registrytest.Server)
		reason string // "" means success
	}{
		{name: "429 then the answer", faults: []registrytest.Fault{registrytest.TooMany}},
		{name: "a redirect then the answer", faults: []registrytest.Fault{registrytest.Redirect}},
		{name: "503 until the retries run out", faults: []registrytest.Fault{registrytest.Busy, registrytest.Busy, registrytest.Busy, registrytest.Busy}, reason: "HTTP 503"},
		{name: "truncated JSON", faults: []registrytest.Fault{registrytest.Truncated}, reason: "answer is not"},
		{name: "an HTML error page with 200", faults: []registrytest.Fault{registrytest.HTMLError}, reason: "answer is not"},
		{name: "garbage", faults: []registrytest.Fault{registrytest.Garbage}, reason: "answer is not"},
		{name: "403", faults: []registrytest.Fault{registrytest.Forbidden}, reason: "HTTP 403"},
		{name: "202 with nothing", faults: []registrytest.Fault{registrytest.Accepted}, reason: "HTTP 202"},
		{name: "oversized", faults: []registrytest.Fault{registrytest.Oversized}, reason: "answer too large",
			setup: func(c *registry.Client, s *registrytest.Server) { c.MaxBody = 64 << 10; s.OversizedBytes = 1 << 20 }},
		{name: "slow past the timeout", faults: []registrytest.Fault{registrytest.Slow}, reason: "timed out",
			setup: func(c *registry.Client, s *registrytest.Server) { c.Timeout = 50 * time.Millisecond; c.Retries = -1 }},
	} {
		for _, search := range []bool{false, true} {
			name := c.name + "/lookup"
			if search {
				name = c.name + "/search"
			}
			t.Run(name, func(t *testing.T) {
				srv := registrytest.NewServer(t, recorded(t, "/works/doi:"+pnas, "W2109415576.json"), recorded(t, "/works", "works-title-search.json"))
				r, client := newRegistry(srv, registry.Settings{})
				if c.setup != nil {
					c.setup(client, srv)
				}
				srv.Then(c.faults...)
				var err error
				var ok bool
				if search {
					var recs []registry.Record
					recs, err = r.Search(context.Background(), "Effect of native oxide layers")
					ok = len(recs) == 1 && recs[0].DOI == "10.1063/1.4938384"
				} else {
					var rec registry.Record
					rec, err = r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: pnas})
					ok = rec.DOI == pnas
				}
				if c.reason == "" {
					if err != nil || !ok {
						t.Fatalf("err %v, record ok %v", err, ok)
					}
					return
				}
				var u *registry.Unavailable
				if !errors.As(err, &u) || !strings.HasPrefix(u.Reason, c.reason) || errors.Is(err, registry.ErrNotFound) {
					t.Fatalf("err %v, want unavailable: %s", err, c.reason)
				}
			})
		}
	}
}

func TestLookup_CancelledContextStops(t *testing.T) {
	srv := registrytest.NewServer(t, recorded(t, "/works/doi:"+pnas, "W2109415576.json"))
	r, _ := newRegistry(srv, registry.Settings{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Lookup(ctx, registry.ID{Kind: registry.DOI, Value: pnas}); !errors.Is(err, context.Canceled) {
		t.Errorf("lookup: %v, want context.Canceled", err)
	}
	if _, err := r.Search(ctx, "anything"); !errors.Is(err, context.Canceled) {
		t.Errorf("search: %v, want context.Canceled", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests after cancelling", n)
	}
}

// A DOI is a path segment of the request: characters that would end the
// path or start a query are escaped.
func TestLookup_EscapesTheDOI(t *testing.T) {
	doi := "10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0#x?y"
	srv := registrytest.NewServer(t)
	var got *url.URL
	srv.Handle("/works/doi:"+doi, func(w http.ResponseWriter, r *http.Request) {
		got = r.URL
		http.Error(w, "Not Found", http.StatusNotFound)
	})
	r, _ := newRegistry(srv, registry.Settings{Mailto: "a@b.c"})
	_, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: doi})
	if got == nil || got.Path != "/works/doi:"+doi || got.Query().Get("mailto") != "a@b.c" || !errors.Is(err, registry.ErrNotFound) {
		t.Errorf("server saw %v; err %v", got, err)
	}
}

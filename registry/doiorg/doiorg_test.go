package doiorg

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
)

const science = "10.1126/science.169.3946.635"

// agency serves the recorded CSL-JSON at /agency/csl and redirects the
// DOI's path there, as doi.org redirects to the registration agency; it
// fails the test when either request lacks the CSL-JSON Accept header.
func agency(t *testing.T, srv *registrytest.Server) {
	t.Helper()
	body, err := os.ReadFile("testdata/science.169.3946.635.csl.json")
	if err != nil {
		t.Fatal(err)
	}
	srv.Handle("/"+science, func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept") != Accept {
			t.Errorf("resolver asked with Accept %q", r.Header.Get("Accept"))
		}
		http.Redirect(w, r, "/agency/csl", http.StatusFound)
	})
	srv.Handle("/agency/csl", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept") != Accept {
			t.Errorf("agency asked with Accept %q", r.Header.Get("Accept"))
		}
		w.Header().Set("Content-Type", Accept)
		w.Write(body)
	})
}

func newRegistry(srv *registrytest.Server) (*Registry, *registry.Client) {
	c := registrytest.Client()
	return New(c, registry.Settings{DOIURL: srv.URL}), c
}

func TestLookup_FollowsTheResolverToTheAgency(t *testing.T) {
	srv := registrytest.NewServer(t)
	agency(t, srv)
	r, c := newRegistry(srv)
	rec, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: science})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Registry != "doi.org" || rec.Title != "The Structure of Ordinary Water" || rec.Year != 1970 || rec.DOI != science {
		t.Errorf("record %+v", rec)
	}
	if c.Sent() != 1 || len(srv.Requests()) != 2 {
		t.Errorf("sent %d requests, server saw %d; want 1 followed to 2", c.Sent(), len(srv.Requests()))
	}
}

// The recorded answers end to end: habanero's CSL-JSON from Crossref's
// transform path (reached through a redirect, as doi.org sends it), its
// 404 for 10.1126/foo and its 400 for "foo".
func TestLookup_RecordedAnswers(t *testing.T) {
	var ins []registrytest.Interaction
	for _, f := range []string{"test_content_negotiation_citeproc_json.yaml", "test_content_negotiation_raises_an_http_error_with_bad_requests.yaml", "test_content_negotiation_throws_warnings.yaml"} {
		for _, in := range registrytest.MustLoad(t, "doi/"+f) {
			// A recorded redirect points at the real services; the
			// handler below redirects within the test server instead.
			if in.Status < 300 || in.Status >= 400 {
				ins = append(ins, in)
			}
		}
	}
	srv := registrytest.NewServer(t, ins...)
	srv.Handle("/"+science, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/works/"+science+"/transform/application/vnd.citationstyles.csl+json", http.StatusFound)
	})
	r, _ := newRegistry(srv)
	ctx := context.Background()

	rec, err := r.Lookup(ctx, registry.ID{Kind: registry.DOI, Value: science})
	if err != nil || rec.Title != "The Structure of Ordinary Water" || rec.Pages != "635-641" || len(rec.Authors) != 1 || rec.Authors[0].Family != "Frank" {
		t.Errorf("recorded CSL-JSON: %+v, %v", rec, err)
	}
	_, err = r.Lookup(ctx, registry.ID{Kind: registry.DOI, Value: "10.1126/foo"})
	if !errors.Is(err, registry.ErrNotFound) || errors.Is(err, registry.ErrMalformed) || registry.IsUnavailable(err) {
		t.Errorf("recorded 404: %v, want not found", err)
	}
	_, err = r.Lookup(ctx, registry.ID{Kind: registry.DOI, Value: "foo"})
	if !errors.Is(err, registry.ErrMalformed) || !errors.Is(err, registry.ErrNotFound) || !strings.Contains(err.Error(), `"foo" is not a DOI`) {
		t.Errorf("recorded 400: %v, want malformed naming the DOI", err)
	}
}

// What the resolver's and the agencies' statuses mean.
func TestLookup_StatusesMeanWhatTheResolverSays(t *testing.T) {
	for _, c := range []struct {
		name       string
		status     int
		viaAgency  bool
		notFound   bool
		malformed  bool
		wantReason string
	}{
		{name: "the resolver's 404 is authoritative", status: 404, notFound: true},
		{name: "the resolver's 400 names a malformed DOI", status: 400, notFound: true, malformed: true},
		{name: "an agency's 404 after the redirect leaves it open", status: 404, viaAgency: true, wantReason: "the registration agency has no metadata for it (HTTP 404)"},
		{name: "an agency without CSL-JSON", status: 406, viaAgency: true, wantReason: "the registration agency offers no CSL-JSON (HTTP 406)"},
		{name: "bot protection's 403", status: 403, wantReason: "bot protection answered 403"},
		{name: "bot protection's 202", status: 202, wantReason: "bot protection answered 202"},
		{name: "a status nobody expects", status: 410, wantReason: "HTTP 410"},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := registrytest.NewServer(t)
			answer := func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", c.status) }
			if c.viaAgency {
				srv.Handle("/10.1000/x", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/agency", http.StatusFound) })
				srv.Handle("/agency", answer)
			} else {
				srv.Handle("/10.1000/x", answer)
			}
			r, _ := newRegistry(srv)
			_, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: "10.1000/x"})
			if errors.Is(err, registry.ErrNotFound) != c.notFound || errors.Is(err, registry.ErrMalformed) != c.malformed {
				t.Fatalf("err %v: not found %v, malformed %v", err, c.notFound, c.malformed)
			}
			var u *registry.Unavailable
			if c.wantReason != "" && (!errors.As(err, &u) || u.Reason != c.wantReason || u.Registry != "doi.org") {
				t.Errorf("err %v, want doi.org unavailable: %s", err, c.wantReason)
			}
		})
	}
}

// Misbehaving servers leave the verdict unknown, never "not found"; a
// retry after a 429 or a redirect gets the record.
func TestLookup_Misbehaviour(t *testing.T) {
	for _, c := range []struct {
		name   string
		faults []registrytest.Fault
		setup  func(*registry.Client, *registrytest.Server)
		reason string // "" means the lookup succeeds
	}{
		{name: "429 then the answer", faults: []registrytest.Fault{registrytest.TooMany}},
		{name: "redirect to itself then the answer", faults: []registrytest.Fault{registrytest.Redirect}},
		{name: "503 until the retries run out", faults: []registrytest.Fault{registrytest.Busy, registrytest.Busy, registrytest.Busy, registrytest.Busy}, reason: "HTTP 503"},
		{name: "a landing page with 200", faults: []registrytest.Fault{registrytest.HTMLError}, reason: "answer is not CSL-JSON"},
		{name: "garbage with 200", faults: []registrytest.Fault{registrytest.Garbage}, reason: "answer is not CSL-JSON"},
		{name: "bot protection's 403", faults: []registrytest.Fault{registrytest.Forbidden}, reason: "bot protection answered 403"},
		{name: "bot protection's 202", faults: []registrytest.Fault{registrytest.Accepted}, reason: "bot protection answered 202"},
		{name: "an oversized answer", faults: []registrytest.Fault{registrytest.Oversized}, reason: "answer too large",
			setup: func(c *registry.Client, s *registrytest.Server) { c.MaxBody = 64 << 10; s.OversizedBytes = 1 << 20 }},
		{name: "a slow answer past the timeout", faults: []registrytest.Fault{registrytest.Slow}, reason: "timed out",
			setup: func(c *registry.Client, s *registrytest.Server) { c.Timeout = 50 * time.Millisecond; c.Retries = -1 }},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := registrytest.NewServer(t)
			agency(t, srv)
			r, client := newRegistry(srv)
			if c.setup != nil {
				c.setup(client, srv)
			}
			srv.Then(c.faults...)
			rec, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: science})
			if c.reason == "" {
				if err != nil || rec.Title != "The Structure of Ordinary Water" {
					t.Fatalf("got %+v, %v", rec, err)
				}
				return
			}
			var u *registry.Unavailable
			if !errors.As(err, &u) || u.Reason != c.reason || errors.Is(err, registry.ErrNotFound) {
				t.Fatalf("err %v, want unavailable: %s", err, c.reason)
			}
		})
	}
}

// The recorded CSL-JSON cut in half is no answer. (The Truncated fault
// cuts recorded bodies only, so the body is replayed as a recording.)
func TestLookup_TruncatedAnswerIsUnavailable(t *testing.T) {
	body, err := os.ReadFile("testdata/science.169.3946.635.csl.json")
	if err != nil {
		t.Fatal(err)
	}
	srv := registrytest.NewServer(t, registrytest.Interaction{Method: "GET", URI: "https://doi.org/" + science, Status: 200,
		Header: http.Header{"Content-Type": {Accept}}, Body: body})
	srv.Then(registrytest.Truncated)
	r, _ := newRegistry(srv)
	_, err = r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: science})
	var u *registry.Unavailable
	if !errors.As(err, &u) || u.Reason != "answer is not CSL-JSON" {
		t.Fatalf("err %v, want unavailable: answer is not CSL-JSON", err)
	}
	if rec, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: science}); err != nil || rec.Volume != "169" {
		t.Errorf("whole answer after the truncated one: %+v, %v", rec, err)
	}
}

func TestLookup_CancelledContextStops(t *testing.T) {
	srv := registrytest.NewServer(t)
	agency(t, srv)
	r, _ := newRegistry(srv)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Lookup(ctx, registry.ID{Kind: registry.DOI, Value: science}); !errors.Is(err, context.Canceled) || registry.IsUnavailable(err) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests sent after cancelling", n)
	}
}

// A DOI is sent as a path: its slashes stay, and what would end the path
// or start a query is escaped, so the resolver sees the whole DOI.
func TestLookup_EscapesTheDOIAsAPath(t *testing.T) {
	for _, doi := range []string{
		"10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0",
		"10.1000/a?b#c",
		"10.1000/50% off",
	} {
		srv := registrytest.NewServer(t)
		var gotPath, gotQuery string
		srv.Handle("/"+doi, func(w http.ResponseWriter, r *http.Request) {
			gotPath, gotQuery = r.URL.Path, r.URL.RawQuery
			http.Error(w, "Not Found", 404)
		})
		r, _ := newRegistry(srv)
		_, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: doi})
		if gotPath != "/"+doi || gotQuery != "" || !errors.Is(err, registry.ErrNotFound) {
			t.Errorf("%s: server saw path %q query %q; err %v", doi, gotPath, gotQuery, err)
		}
	}
}

func TestLookupAndSearch_WhatTheResolverCannotAnswer(t *testing.T) {
	r := New(registrytest.Client(), registry.Settings{DOIURL: "http://127.0.0.1:1"})
	for _, id := range []registry.ID{{Kind: registry.PMID, Value: "123"}, {Kind: registry.PMCID, Value: "PMC1"}, {Kind: registry.ArXiv, Value: "2101.00001"}} {
		if _, err := r.Lookup(context.Background(), id); !errors.Is(err, registry.ErrNotSupported) {
			t.Errorf("%s: %v, want not supported", id, err)
		}
	}
	if _, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI}); !errors.Is(err, registry.ErrMalformed) {
		t.Errorf("empty DOI: %v, want malformed", err)
	}
	if _, err := r.Search(context.Background(), "Frank 1970 The structure of ordinary water"); !errors.Is(err, registry.ErrNotSupported) {
		t.Errorf("search: %v, want not supported", err)
	}
	if r.Name() != "doi.org" {
		t.Errorf("name %q", r.Name())
	}
}

package crossref

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
)

const plosDOI = "10.1371/journal.pone.0033693"

// How the client answers a server that misbehaves before (or instead of)
// answering from the recording.
func TestLookup_MisbehavingServer(t *testing.T) {
	for _, c := range []struct {
		name    string
		faults  []registrytest.Fault
		setup   func(*registrytest.Server, *registry.Client)
		reason  string // "" means the record arrives
		queries int
	}{
		{name: "429 then the answer", faults: []registrytest.Fault{registrytest.TooMany}, queries: 2},
		{name: "503 three times then the answer", faults: []registrytest.Fault{registrytest.Busy, registrytest.Busy, registrytest.Busy}, queries: 4},
		{name: "503 four times", faults: []registrytest.Fault{registrytest.Busy, registrytest.Busy, registrytest.Busy, registrytest.Busy}, reason: "HTTP 503", queries: 4},
		{name: "truncated JSON", faults: []registrytest.Fault{registrytest.Truncated}, reason: "answered something that is not a Crossref record", queries: 1},
		{name: "HTML error page", faults: []registrytest.Fault{registrytest.HTMLError}, reason: "answered something that is not a Crossref record", queries: 1},
		{name: "garbage", faults: []registrytest.Fault{registrytest.Garbage}, reason: "answered something that is not a Crossref record", queries: 1},
		{name: "redirect is followed", faults: []registrytest.Fault{registrytest.Redirect}, queries: 2},
		{name: "bot protection 403", faults: []registrytest.Fault{registrytest.Forbidden}, reason: "HTTP 403", queries: 1},
		{name: "bot protection 202", faults: []registrytest.Fault{registrytest.Accepted}, reason: "HTTP 202", queries: 1},
		{
			name: "oversized", faults: []registrytest.Fault{registrytest.Oversized}, reason: "answer too large", queries: 1,
			setup: func(s *registrytest.Server, c *registry.Client) { s.OversizedBytes, c.MaxBody = 1<<20, 256<<10 },
		},
		{
			name: "slow", faults: []registrytest.Fault{registrytest.Slow}, reason: "timed out", queries: 1,
			setup: func(s *registrytest.Server, c *registry.Client) {
				s.SlowFor, c.Timeout, c.Retries = time.Second, 50*time.Millisecond, -1
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := registrytest.NewServer(t, load(t, "test_works_with_one_id.yaml")...)
			r, client := newTest(srv, testMailto)
			if c.setup != nil {
				c.setup(srv, client)
			}
			srv.Then(c.faults...)
			rec, err := r.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: plosDOI})
			if got := len(srv.Requests()); got != c.queries {
				t.Errorf("%d requests, want %d", got, c.queries)
			}
			if c.reason == "" {
				if err != nil || rec.DOI != plosDOI || rec.Year != 2012 {
					t.Fatalf("got %+v, %v; want the record", rec, err)
				}
				return
			}
			var u *registry.Unavailable
			if !errors.As(err, &u) || u.Reason != c.reason || u.Registry != "crossref" || errors.Is(err, registry.ErrNotFound) {
				t.Fatalf("err %v, want crossref unavailable: %s", err, c.reason)
			}
		})
	}
}

func TestSearch_MisbehavingServerIsUnavailable(t *testing.T) {
	for _, f := range []registrytest.Fault{registrytest.Truncated, registrytest.HTMLError, registrytest.Garbage} {
		srv := registrytest.NewServer(t, searchOf(t, "test_bad_titles.yaml", "query.title", "Effect of native oxide layers on copper thin-film tensile properties: A study"))
		r, _ := newTest(srv, "")
		srv.Then(f)
		recs, err := r.Search(context.Background(), "copper thin-film oxide")
		var u *registry.Unavailable
		if !errors.As(err, &u) || !strings.Contains(u.Reason, "not a Crossref search result") || recs != nil {
			t.Errorf("fault %d: got %v, %v", f, recs, err)
		}
	}
	// A search answered with a single work, or with an error message, is
	// not a list of candidates.
	srv := registrytest.NewServer(t)
	srv.Handle("/works", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"status":"ok","message-type":"work","message":{"DOI":"10.1000/x"}}`))
	})
	r, _ := newTest(srv, "")
	if _, err := r.Search(context.Background(), "x"); !registry.IsUnavailable(err) {
		t.Errorf("a work for a search: %v", err)
	}
	srv.Handle("/works", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(`{"status":"failed","message-type":"validation-failure","message":[{"type":"parameter-not-allowed"}]}`))
	})
	if _, err := r.Search(context.Background(), "x"); !registry.IsUnavailable(err) {
		t.Errorf("a 400: %v", err)
	}
}

func TestLookup_CancelledContextStops(t *testing.T) {
	srv := registrytest.NewServer(t, load(t, "test_works_with_one_id.yaml")...)
	r, _ := newTest(srv, "")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Lookup(ctx, registry.ID{Kind: registry.DOI, Value: plosDOI}); !errors.Is(err, context.Canceled) || registry.IsUnavailable(err) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	// Cancelled while the server is slow to answer.
	srv.SlowFor = 5 * time.Second
	srv.Then(registrytest.Slow)
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	if _, err := r.Search(ctx, "anything"); !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}

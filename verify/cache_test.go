package verify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
	"github.com/evident-tools/evident/store"
)

// httpRegistry is a registry of the test's own that asks a local server
// through the shared client, so that requests are counted where they are
// sent (registry.Client.Sent) and where they arrive (the server). Its
// answers are a small JSON of its own: the real clients' formats are
// theirs to test.
type httpRegistry struct {
	c    *registry.Client
	name string
	base string
}

type testWork struct {
	DOI    string `json:"doi"`
	Title  string `json:"title"`
	Family string `json:"family"`
	Year   int    `json:"year"`
}

func (r *httpRegistry) Name() string { return r.name }

func (r *httpRegistry) get(ctx context.Context, u string, search bool) ([]byte, error) {
	resp, err := r.c.Get(ctx, registry.Request{Service: r.name, URL: u, Accept: "application/json", Search: search})
	if err != nil {
		return nil, err
	}
	switch resp.Status {
	case http.StatusOK:
		return resp.Body, nil
	case http.StatusNotFound:
		return nil, registry.ErrNotFound
	}
	return nil, &registry.Unavailable{Registry: r.name, Reason: fmt.Sprintf("HTTP %d", resp.Status)}
}

func (w testWork) record() registry.Record {
	return registry.Record{Registry: "crossref", DOI: w.DOI, Title: w.Title, Year: w.Year, Authors: []registry.Author{{Family: w.Family}}}
}

func (r *httpRegistry) Lookup(ctx context.Context, id registry.ID) (registry.Record, error) {
	body, err := r.get(ctx, r.base+"/works/"+id.Value, false)
	if err != nil {
		return registry.Record{}, err
	}
	var w testWork
	if err := json.Unmarshal(body, &w); err != nil {
		return registry.Record{}, &registry.Unavailable{Registry: "crossref", Reason: "garbage", Err: err}
	}
	return w.record(), nil
}

func (r *httpRegistry) Search(ctx context.Context, q string) ([]registry.Record, error) {
	body, err := r.get(ctx, r.base+"/works?rows=5&query.bibliographic="+url.QueryEscape(q), true)
	if errors.Is(err, registry.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var ws []testWork
	if err := json.Unmarshal(body, &ws); err != nil {
		return nil, &registry.Unavailable{Registry: "crossref", Reason: "garbage", Err: err}
	}
	var out []registry.Record
	for _, w := range ws {
		out = append(out, w.record())
	}
	return out, nil
}

func work(doi, title, family string, year int) registrytest.Interaction {
	body, _ := json.Marshal(testWork{doi, title, family, year})
	return registrytest.Interaction{Method: "GET", URI: "https://api.crossref.org/works/" + doi, Status: 200,
		Header: http.Header{"Content-Type": {"application/json"}}, Body: body}
}

// libraryVerifier is a Verifier over a local server and a library file.
func libraryVerifier(t *testing.T, path string, srv *registrytest.Server) (*Verifier, *StoreCache, *store.Store) {
	t.Helper()
	st, err := store.Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := &registry.Client{Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }}
	sc := NewStoreCache(st)
	return &Verifier{
		Crossref: &httpRegistry{c: c, name: "crossref", base: srv.URL},
		// Nothing recorded under /doi: the server's 404 for every DOI.
		DOI:   &httpRegistry{c: c, name: "doi.org", base: srv.URL + "/doi"},
		Cache: sc, Sent: c.Sent,
	}, sc, st
}

func TestStoreCache_SecondRunSendsNoRequest(t *testing.T) {
	srv := registrytest.NewServer(t, work("10.1000/a", "Sepsis definitions", "Singer", 2016))
	path := filepath.Join(t.TempDir(), "library.db")
	targets := []Target{
		{Key: "a", Ref: mkRef("a", "Singer, M", "Sepsis definitions", 2016, "doi", "10.1000/a")},
		{Key: "gone", Ref: mkRef("gone", "Nobody, A", "Invented", 2020, "doi", "10.1000/invented")},
		{Key: "nodoi", Ref: mkRef("nodoi", "Smith, J", "A study without an identifier", 2019)},
	}

	v, sc, st := libraryVerifier(t, path, srv)
	first, err := v.Verify(context.Background(), targets)
	if err != nil {
		t.Fatal(err)
	}
	if err := sc.Flush(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	sent := len(srv.Requests())
	if sent == 0 || first.Summary.Requests != sent {
		t.Fatalf("first run: server saw %d requests, summary says %d", sent, first.Summary.Requests)
	}
	if got := []Verdict{first.References[0].Verdict, first.References[1].Verdict, first.References[2].Verdict}; got[0] != Verified || got[1] != NotFound || got[2] != NotFound {
		t.Fatalf("first run verdicts %v", got)
	}

	// Another process, the same library: nothing is sent.
	v, _, _ = libraryVerifier(t, path, srv)
	second, err := v.Verify(context.Background(), targets)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Requests()) - sent; n != 0 || second.Summary.Requests != 0 {
		t.Errorf("second run: server saw %d more requests, client sent %d", n, second.Summary.Requests)
	}
	for i := range targets {
		if a, b := first.References[i], second.References[i]; a.Verdict != b.Verdict || a.Message != b.Message {
			t.Errorf("%s: %s %q, then %s %q", targets[i].Key, a.Verdict, a.Message, b.Verdict, b.Message)
		}
	}
}

func TestStoreCache_UnavailableIsNeverCached(t *testing.T) {
	srv := registrytest.NewServer(t, work("10.1000/a", "Sepsis definitions", "Singer", 2016))
	// Crossref and doi.org both answer 503 to each of their 4 attempts.
	for range 8 {
		srv.Then(registrytest.Busy)
	}
	v, sc, _ := libraryVerifier(t, filepath.Join(t.TempDir(), "library.db"), srv)
	tg := []Target{{Key: "a", Ref: mkRef("a", "Singer, M", "Sepsis definitions", 2016, "doi", "10.1000/a")}}
	rep, err := v.Verify(context.Background(), tg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.References[0].Verdict != Unknown || !strings.Contains(rep.References[0].Message, "HTTP 503") {
		t.Fatalf("got %s %q", rep.References[0].Verdict, rep.References[0].Message)
	}
	if _, ok, _ := sc.Get(LookupKey("crossref", registry.ID{Kind: registry.DOI, Value: "10.1000/a"})); ok {
		t.Fatal("an unavailable answer was cached")
	}
	if _, ok, _ := sc.Get(LookupKey("doi.org", registry.ID{Kind: registry.DOI, Value: "10.1000/a"})); ok {
		t.Fatal("an unavailable answer was cached")
	}
	rep, err = v.Verify(context.Background(), tg)
	if err != nil || rep.References[0].Verdict != Verified {
		t.Fatalf("after the server recovered: %v %v", rep.References[0].Verdict, err)
	}
}

func TestStoreCache_InterruptedRunKeepsWhatWasFetched(t *testing.T) {
	var ins []registrytest.Interaction
	var targets []Target
	for i := range 40 {
		doi := fmt.Sprintf("10.1000/w%d", i)
		ins = append(ins, work(doi, fmt.Sprintf("Work number %d on sepsis", i), "Singer", 2016))
		targets = append(targets, Target{Key: doi, Ref: mkRef(doi, "Singer, M", fmt.Sprintf("Work number %d on sepsis", i), 2016, "doi", doi)})
	}
	srv := registrytest.NewServer(t, ins...)
	path := filepath.Join(t.TempDir(), "library.db")
	v, sc, st := libraryVerifier(t, path, srv)
	ctx, cancel := context.WithCancel(context.Background())
	v.Opts.Progress = func(done, total int) {
		if done == 35 {
			cancel()
		}
	}
	rep, err := v.Verify(ctx, targets)
	if !errors.Is(err, context.Canceled) || len(rep.References) != 35 {
		t.Fatalf("err %v, %d results", err, len(rep.References))
	}
	// What the command does on Ctrl-C: write what is pending.
	if err := sc.Flush(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	before := len(srv.Requests())
	v, _, _ = libraryVerifier(t, path, srv)
	if _, err := v.Verify(context.Background(), targets); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Requests()) - before; n != 5 {
		t.Errorf("the run after the interrupt sent %d requests, want 5 (the 35 fetched were kept)", n)
	}
}

func TestStoreCache_GarbageValueIsAMiss(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.RegistryPut(map[string][]byte{"crossref\x00doi:10.1000/a": []byte("not snappy json")}); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := NewStoreCache(st).Get("crossref\x00doi:10.1000/a"); ok || err != nil {
		t.Errorf("a garbage value read as an entry (ok %v, err %v)", ok, err)
	}
}

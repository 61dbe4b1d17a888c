package registry_test

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

// noSleep records the waits the client asks for instead of waiting.
type noSleep struct{ waits []time.Duration }

func (n *noSleep) sleep(ctx context.Context, d time.Duration) error {
	n.waits = append(n.waits, d)
	return ctx.Err()
}

func TestLoad_ReadsBothCassetteFormats(t *testing.T) {
	ins := registrytest.MustLoad(t, "crossref/test_works_with_one_id.yaml")
	if len(ins) == 0 || ins[0].Status != 200 || !strings.HasPrefix(string(ins[0].Body), "{") {
		t.Fatalf("vcrpy cassette: %d interactions, first %+v", len(ins), ins)
	}
	if !strings.Contains(string(ins[0].Body), "journal.pone.0033693") {
		t.Errorf("gzip body not unzipped: %.80q", ins[0].Body)
	}
	if ins[0].Header.Get("X-Rate-Limit-Limit") == "" {
		t.Errorf("headers lost: %v", ins[0].Header)
	}
	r := registrytest.MustLoad(t, "crossref/cr_works_parses_affilitation.yml")
	if len(r) == 0 || r[0].Status != 200 || !strings.Contains(string(r[0].Body), `"message"`) {
		t.Fatalf("R vcr cassette: %d interactions", len(r))
	}
}

func TestClient_RetriesAfterTooManyHonouringRetryAfter(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Handle("/ok", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("fine")) })
	srv.Then(registrytest.TooMany, registrytest.Busy)
	var ns noSleep
	c := &registry.Client{Sleep: ns.sleep}
	resp, err := c.Get(context.Background(), registry.Request{Service: "x", URL: srv.URL + "/ok"})
	if err != nil || string(resp.Body) != "fine" {
		t.Fatalf("got %v, %v", resp, err)
	}
	if c.Sent() != 3 {
		t.Errorf("sent %d requests, want 3", c.Sent())
	}
	// The 429 said Retry-After: 1; the lane stays closed that long.
	found := false
	for _, w := range ns.waits {
		if w > 900*time.Millisecond && w <= time.Second {
			found = true
		}
	}
	if !found {
		t.Errorf("waits %v: none honours Retry-After: 1", ns.waits)
	}
}

func TestClient_GivesUpAsUnavailable(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Then(registrytest.Busy, registrytest.Busy, registrytest.Busy)
	var ns noSleep
	c := &registry.Client{Sleep: ns.sleep, Retries: 2}
	_, err := c.Get(context.Background(), registry.Request{Service: "crossref", URL: srv.URL + "/works/x"})
	var u *registry.Unavailable
	if !errors.As(err, &u) || u.Reason != "HTTP 503" || u.Registry != "crossref" {
		t.Fatalf("err %v, want crossref unavailable: HTTP 503", err)
	}
	if c.Sent() != 3 {
		t.Errorf("sent %d, want 1 + 2 retries", c.Sent())
	}
}

func TestClient_TimeoutAndOversizedAreUnavailable(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Handle("/x", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("{}")) })
	srv.SlowFor = time.Second
	srv.Then(registrytest.Slow)
	c := &registry.Client{Timeout: 50 * time.Millisecond, Retries: -1}
	_, err := c.Get(context.Background(), registry.Request{Service: "s", URL: srv.URL + "/x"})
	var u *registry.Unavailable
	if !errors.As(err, &u) || u.Reason != "timed out" {
		t.Fatalf("slow answer: %v, want timed out", err)
	}
	srv.OversizedBytes = 1 << 20
	srv.Then(registrytest.Oversized)
	c = &registry.Client{MaxBody: 64 << 10, Retries: -1}
	if _, err := c.Get(context.Background(), registry.Request{Service: "s", URL: srv.URL + "/x"}); !errors.As(err, &u) || u.Reason != "answer too large" {
		t.Fatalf("oversized: %v", err)
	}
}

func TestClient_PacesToTheAnnouncedRate(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Handle("/x", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Rate-Limit-Limit", "50")
		w.Header().Set("X-Rate-Limit-Interval", "1s")
		w.Write([]byte("{}"))
	})
	c := &registry.Client{}
	single, search := c.Interval("crossref")
	if single != 200*time.Millisecond || search != time.Second {
		t.Fatalf("before any answer: %v single, %v search; want 5/s and 1/s", single, search)
	}
	if _, err := c.Get(context.Background(), registry.Request{Service: "crossref", URL: srv.URL + "/x"}); err != nil {
		t.Fatal(err)
	}
	single, search = c.Interval("crossref")
	if single != 20*time.Millisecond || search != 100*time.Millisecond {
		t.Errorf("after 50 per 1s: %v single, %v search; want 20ms and 100ms", single, search)
	}
}

func TestClient_OfflineSendsNothing(t *testing.T) {
	c := &registry.Client{Offline: true}
	_, err := c.Get(context.Background(), registry.Request{Service: "crossref", URL: "http://127.0.0.1:1/x"})
	if !registry.IsUnavailable(err) || c.Sent() != 0 {
		t.Fatalf("offline: %v, %d sent", err, c.Sent())
	}
}

func TestClient_CancelStopsWaiting(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Then(registrytest.TooMany)
	ctx, cancel := context.WithCancel(context.Background())
	c := &registry.Client{Sleep: func(ctx context.Context, d time.Duration) error {
		if d > 0 {
			cancel()
		}
		return ctx.Err()
	}}
	_, err := c.Get(ctx, registry.Request{Service: "s", URL: srv.URL + "/x"})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}

func TestParseID(t *testing.T) {
	for in, want := range map[string]string{
		"10.1000/XYZ":                        "doi:10.1000/xyz",
		"doi:10.1000/xyz":                    "doi:10.1000/xyz",
		"https://doi.org/10.1000/xyz":        "doi:10.1000/xyz",
		"PMID:123":                           "pmid:123",
		"123":                                "pmid:123",
		"PMC42":                              "pmcid:PMC42",
		"arXiv:2101.00001v2":                 "arxiv:2101.00001",
		"https://pubmed.ncbi.nlm.nih.gov/7/": "pmid:7",
		"smith2019":                          "",
		"10.":                                "",
	} {
		id, ok := registry.ParseID(in)
		got := ""
		if ok {
			got = id.String()
		}
		if got != want {
			t.Errorf("ParseID(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClient_SetIntervalPacesAServiceFromTheStart(t *testing.T) {
	srv := registrytest.NewServer(t)
	srv.Handle("/x", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("{}")) })
	var ns noSleep
	c := &registry.Client{Sleep: ns.sleep}
	c.SetInterval("pubmed", 334*time.Millisecond, 0)
	single, search := c.Interval("pubmed")
	if single != 334*time.Millisecond || search != registry.DefaultSearchInterval {
		t.Fatalf("pubmed: %v single, %v search; want 334ms and the default search pace", single, search)
	}
	if single, _ := c.Interval("crossref"); single != registry.DefaultSingleInterval {
		t.Errorf("another service's pace changed to %v", single)
	}
	for range 2 {
		if _, err := c.Get(context.Background(), registry.Request{Service: "pubmed", URL: srv.URL + "/x"}); err != nil {
			t.Fatal(err)
		}
	}
	// The second request waits out the interval the first one opened,
	// with the 2% + 5 ms kept in hand for the network's jitter.
	if len(ns.waits) != 2 || ns.waits[1] < 300*time.Millisecond || ns.waits[1] > 346*time.Millisecond {
		t.Errorf("waits %v, want the second near 346ms", ns.waits)
	}
}

// A server announcing 5 requests a second never sees a sixth within any
// second. (Slowness only makes this pass: it bounds the pace from above.)
func TestClient_NeverExceedsTheAnnouncedRate(t *testing.T) {
	srv := fivePerSecond(t)
	// When each request leaves the client is what the client controls;
	// when the server's handler runs also depends on how busy the
	// machine is, so the sends are what is measured.
	sends := &sendTimes{next: http.DefaultTransport}
	c := &registry.Client{HTTP: &http.Client{Transport: sends}}
	const n = 16
	start := time.Now()
	for range n {
		if _, err := c.Get(context.Background(), registry.Request{Service: "crossref", URL: srv.URL + "/works/x"}); err != nil {
			t.Fatal(err)
		}
	}
	elapsed := time.Since(start)
	times := sends.times
	if len(times) != n {
		t.Fatalf("%d requests sent, want %d", len(times), n)
	}
	for i := 0; i+5 < len(times); i++ {
		// The timer may fire a hair early; a sixth request inside the same
		// second would be 200 ms early.
		if d := times[i+5].Sub(times[i]); d < time.Second-5*time.Millisecond {
			t.Errorf("requests %d and %d left %v apart: six within a second", i, i+5, d)
		}
	}
	t.Logf("%d requests in %v: %.2f a second against a server announcing 5", n, elapsed.Round(time.Millisecond), float64(n-1)/times[n-1].Sub(times[0]).Seconds())
}

// fivePerSecond is a server whose /works/x announces a limit of 5
// requests a second, as Crossref's public pool does.
func fivePerSecond(t *testing.T) *registrytest.Server {
	srv := registrytest.NewServer(t)
	srv.Handle("/works/x", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Rate-Limit-Limit", "5")
		w.Header().Set("X-Rate-Limit-Interval", "1s")
		w.Write([]byte("{}"))
	})
	return srv
}

// sendTimes records when each request is handed to the network.
type sendTimes struct {
	next  http.RoundTripper
	times []time.Time
}

func (s *sendTimes) RoundTrip(r *http.Request) (*http.Response, error) {
	s.times = append(s.times, time.Now())
	return s.next.RoundTrip(r)
}

// A busy machine may wake the client late for a request; the next one must
// still leave a whole interval after it, not at the time first planned.
func TestClient_ALateRequestPushesTheNextOneBack(t *testing.T) {
	srv := fivePerSecond(t)
	sends := &sendTimes{next: http.DefaultTransport}
	calls := 0
	c := &registry.Client{HTTP: &http.Client{Transport: sends}, Sleep: func(ctx context.Context, d time.Duration) error {
		calls++
		if calls%2 == 0 {
			d += 120 * time.Millisecond // woken late
		}
		time.Sleep(d)
		return ctx.Err()
	}}
	for range 6 {
		if _, err := c.Get(context.Background(), registry.Request{Service: "crossref", URL: srv.URL + "/works/x"}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i < len(sends.times); i++ {
		if d := sends.times[i].Sub(sends.times[i-1]); d < 200*time.Millisecond-5*time.Millisecond {
			t.Errorf("requests %d and %d left %v apart, under the 200 ms interval", i-1, i, d)
		}
	}
}

package registry

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Client is the HTTP client every registry shares. It has the manners the
// services ask for: one request at a time per service, paced to the
// service's own x-rate-limit-limit / x-rate-limit-interval headers
// (starting at 5 a second for single records and 1 a second for searches
// until the headers say otherwise), backing off on 429 and 503 as
// Retry-After says, a bounded number of retries with jitter, a cap on
// response bodies and a User-Agent naming evident and whom to write to.
type Client struct {
	// HTTP sends the requests; nil means a client with no overall timeout
	// (each attempt has Timeout).
	HTTP *http.Client
	// UserAgent names evident, its version and the mailto.
	UserAgent string
	// Timeout bounds one attempt; 0 means 20 seconds.
	Timeout time.Duration
	// Retries is how many times a failed GET is sent again; negative
	// means none, 0 means 3.
	Retries int
	// MaxBody caps a response body; 0 means 16 MiB.
	MaxBody int64
	// MaxWait is the longest Retry-After honoured; a server asking for
	// longer makes the lookup unavailable at once. 0 means 60 seconds.
	MaxWait time.Duration
	// Offline sends nothing: every request is unavailable ("offline").
	Offline bool
	// Sleep waits; tests replace it to run without waiting. It returns
	// ctx.Err() when the context ends first.
	Sleep func(ctx context.Context, d time.Duration) error

	mu    sync.Mutex
	lanes map[string]*lane
	sent  int
}

// The pace before a service's headers say otherwise.
const (
	DefaultSingleInterval = time.Second / 5
	DefaultSearchInterval = time.Second
)

// lane paces the requests to one service.
type lane struct {
	busy   sync.Mutex // one request at a time
	mu     sync.Mutex
	next   time.Time // earliest start of the next request
	single time.Duration
	search time.Duration
}

// Request is one GET to a service.
type Request struct {
	Service string // names the lane: "crossref", "doi.org", "pubmed"...
	URL     string
	Accept  string
	Search  bool // a search, paced more slowly than a single record
}

// Response is a service's answer, whatever its status: the caller decides
// what a 404 or a 400 means for its service. 429, 5xx, timeouts and
// network errors are retried and end as an *Unavailable.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
	URL    string // after redirects
}

// Sent returns how many HTTP requests the client has sent.
func (c *Client) Sent() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sent
}

func (c *Client) lane(service string) *lane {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lanes == nil {
		c.lanes = map[string]*lane{}
	}
	l := c.lanes[service]
	if l == nil {
		l = &lane{single: DefaultSingleInterval, search: DefaultSearchInterval}
		c.lanes[service] = l
	}
	return l
}

// Interval returns the pace the client keeps with a service now, for
// single records and for searches.
func (c *Client) Interval(service string) (single, search time.Duration) {
	l := c.lane(service)
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.single, l.search
}

// SetInterval sets the pace kept with a service before its answers say
// otherwise, for services that publish their limit in their documentation
// rather than in headers (PubMed: 3 requests a second, 10 with an API
// key). A zero duration keeps the current value.
func (c *Client) SetInterval(service string, single, search time.Duration) {
	l := c.lane(service)
	l.mu.Lock()
	defer l.mu.Unlock()
	if single > 0 {
		l.single = single
	}
	if search > 0 {
		l.search = search
	}
}

func (c *Client) sleep(ctx context.Context, d time.Duration) error {
	if c.Sleep != nil {
		return c.Sleep(ctx, d)
	}
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Get sends a GET, paced and retried. A cancelled context returns its
// error (the caller stops; nothing is half-written); every other failure
// is an *Unavailable naming the service and why.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	if c.Offline {
		return nil, &Unavailable{Registry: req.Service, Reason: "offline: not in the cache"}
	}
	l := c.lane(req.Service)
	l.busy.Lock()
	defer l.busy.Unlock()

	retries := c.Retries
	switch {
	case retries == 0:
		retries = 3
	case retries < 0:
		retries = 0
	}
	var last error
	for attempt := 0; ; attempt++ {
		if err := c.sleep(ctx, l.wait()); err != nil {
			return nil, err
		}
		l.start(req.Search)
		resp, err := c.send(ctx, req)
		l.sent(req.Search, resp)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var wait time.Duration
		switch {
		case err != nil:
			last = err
			var tooBig *bodyTooLarge
			if errors.As(err, &tooBig) {
				return nil, &Unavailable{Registry: req.Service, Reason: "answer too large", Err: err}
			}
		case retryable(resp.Status):
			last = fmt.Errorf("HTTP %d", resp.Status)
			ra, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now())
			if ok {
				if ra > c.maxWait() {
					return nil, &Unavailable{Registry: req.Service, Reason: fmt.Sprintf("HTTP %d, asked to wait %s", resp.Status, ra.Round(time.Second))}
				}
				wait = ra
			}
		default:
			return resp, nil
		}
		if attempt >= retries {
			return nil, &Unavailable{Registry: req.Service, Reason: reason(last), Err: unwrapReason(last)}
		}
		if wait == 0 {
			// Exponential back-off with full jitter: 0.5–1 s, 1–2 s, 2–4 s.
			base := time.Duration(500<<attempt) * time.Millisecond
			wait = base + time.Duration(rand.Int64N(int64(base)))
		}
		l.hold(wait)
	}
}

func (c *Client) maxWait() time.Duration {
	if c.MaxWait > 0 {
		return c.MaxWait
	}
	return time.Minute
}

// retryable reports whether a status is worth asking again: rate limits
// and the server's own trouble.
func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status == http.StatusRequestTimeout || status >= 500
}

// reason writes a failure for an editor: "timed out", "HTTP 503",
// "connection refused".
func reason(err error) string {
	var ne net.Error
	switch {
	case err == nil:
		return "no answer"
	case errors.As(err, &ne) && ne.Timeout():
		return "timed out"
	case strings.HasPrefix(err.Error(), "HTTP "):
		return err.Error()
	}
	var op *net.OpError
	if errors.As(err, &op) {
		return "cannot connect (" + op.Op + ")"
	}
	return "request failed"
}

func unwrapReason(err error) error {
	if err != nil && strings.HasPrefix(err.Error(), "HTTP ") {
		return nil
	}
	return err
}

type bodyTooLarge struct{ limit int64 }

func (e *bodyTooLarge) Error() string {
	return fmt.Sprintf("response body over %d bytes", e.limit)
}

func (c *Client) send(ctx context.Context, req Request) (*Response, error) {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(actx, http.MethodGet, req.URL, nil)
	if err != nil {
		return nil, err
	}
	if req.Accept != "" {
		hr.Header.Set("Accept", req.Accept)
	}
	if c.UserAgent != "" {
		hr.Header.Set("User-Agent", c.UserAgent)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	c.mu.Lock()
	c.sent++
	c.mu.Unlock()
	resp, err := hc.Do(hr)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	limit := c.MaxBody
	if limit <= 0 {
		limit = 16 << 20
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > limit {
		return nil, &bodyTooLarge{limit}
	}
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: body, URL: resp.Request.URL.String()}, nil
}

// wait returns how long to wait before the next request starts.
func (l *lane) wait() time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if d := time.Until(l.next); d > 0 {
		return d
	}
	return 0
}

// start marks a request leaving now: the next may leave an interval
// later. The slot is counted from the moment the request really leaves,
// not from when it was planned: a request that a busy machine sends late
// must push the next one back, or the two would reach the server closer
// together than the interval.
func (l *lane) start(search bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	interval := l.single
	if search {
		interval = l.search
	}
	// Requests reach the server a little earlier or later than they
	// leave, by the network's jitter: keep 2% and 5 ms in hand, so that
	// the server never counts more than its limit in any interval.
	if t := time.Now().Add(interval + interval/50 + 5*time.Millisecond); t.After(l.next) {
		l.next = t
	}
}

// hold keeps the lane closed for d (a Retry-After or a back-off).
func (l *lane) hold(d time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t := time.Now().Add(d); t.After(l.next) {
		l.next = t
	}
}

// sent reads the pace a response announces: x-rate-limit-limit requests
// per x-rate-limit-interval. Single records go at that pace; searches at
// most at a fifth of the limit per interval, never faster than singles, so
// a public pool's 5/s allows one search a second and a polite pool's 50/s
// ten.
func (l *lane) sent(search bool, resp *Response) {
	if resp == nil {
		return
	}
	n, err := strconv.Atoi(strings.TrimSpace(resp.Header.Get("X-Rate-Limit-Limit")))
	if err != nil || n <= 0 {
		return
	}
	per, err := time.ParseDuration(strings.TrimSpace(resp.Header.Get("X-Rate-Limit-Interval")))
	if err != nil || per <= 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.single = per / time.Duration(n)
	l.search = max(l.single, per/time.Duration(max(1, n/5)))
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0, false
		}
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(0, t.Sub(now)), true
	}
	return 0, false
}

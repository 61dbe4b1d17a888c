package registrytest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Fault is one way the server misbehaves, for one request.
type Fault int

// The faults a Server can serve instead of a recorded answer.
const (
	TooMany   Fault = iota + 1 // 429 with Retry-After: 1
	Busy                       // 503 with no Retry-After
	Slow                       // waits SlowFor before answering
	Truncated                  // the recorded JSON or XML cut in half
	HTMLError                  // 200 with an HTML error page
	Garbage                    // 200 with bytes that are no format at all
	Redirect                   // 302 to the same path, then the answer
	Oversized                  // 200 with OversizedBytes of padding
	Forbidden                  // 403, as bot protection answers
	Accepted                   // 202 with an empty body, as bot protection answers
)

// Server replays interactions. A request matches the recorded request with
// the same path (unescaped) whose query shares the most parameters with
// it; with no match it answers 404 with Crossref's plain-text body.
type Server struct {
	*httptest.Server
	// SlowFor is how long a Slow fault waits.
	SlowFor time.Duration
	// OversizedBytes is the size of an Oversized body.
	OversizedBytes int

	mu       sync.Mutex
	recorded []Interaction
	faults   []Fault
	handlers map[string]http.HandlerFunc
	requests []*http.Request
	times    []time.Time
}

// NewServer starts a server replaying ins; it is closed when the test ends.
func NewServer(t testing.TB, ins ...Interaction) *Server {
	s := &Server{recorded: ins, SlowFor: 2 * time.Second, OversizedBytes: 32 << 20, handlers: map[string]http.HandlerFunc{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Then queues faults: the next requests get them, in order, before the
// server answers from the recording again.
func (s *Server) Then(f ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, f...)
}

// Handle serves a path with h instead of the recording.
func (s *Server) Handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[path] = h
}

// Requests returns the requests served so far.
func (s *Server) Requests() []*http.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*http.Request(nil), s.requests...)
}

// Times returns when each request arrived.
func (s *Server) Times() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.times...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, r)
	s.times = append(s.times, time.Now())
	var fault Fault
	if len(s.faults) > 0 {
		fault, s.faults = s.faults[0], s.faults[1:]
	}
	h := s.handlers[r.URL.Path]
	in, found := s.match(r)
	s.mu.Unlock()

	switch fault {
	case TooMany:
		w.Header().Set("Retry-After", "1")
		http.Error(w, "Too Many Requests", http.StatusTooManyRequests)
		return
	case Busy:
		http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		return
	case Forbidden:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusForbidden)
		w.Write([]byte("<html><body>Checking your browser</body></html>"))
		return
	case Accepted:
		w.WriteHeader(http.StatusAccepted)
		return
	case Slow:
		select {
		case <-time.After(s.SlowFor):
		case <-r.Context().Done():
			return
		}
	case HTMLError:
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Something went wrong</h1></body></html>"))
		return
	case Garbage:
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte("\x00\xff\xfe garbage {{{ \x01"))
		return
	case Oversized:
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"message":"`))
		pad := []byte(strings.Repeat("x", 1<<16))
		for n := 0; n < s.OversizedBytes; n += len(pad) {
			if _, err := w.Write(pad); err != nil {
				return
			}
		}
		return
	case Redirect:
		http.Redirect(w, r, r.URL.RequestURI(), http.StatusFound)
		return
	}
	if h != nil {
		h(w, r)
		return
	}
	if !found {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte("Resource not found."))
		return
	}
	for k, vs := range in.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	// A recorded redirect points at the real service: send it back here
	// (same path and query), so a replay never reaches the network.
	if loc := w.Header().Get("Location"); loc != "" {
		if u, err := url.Parse(loc); err == nil && u.IsAbs() {
			w.Header().Set("Location", u.RequestURI())
		}
	}
	body := in.Body
	if fault == Truncated {
		body = body[:len(body)/2]
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	status := in.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	w.Write(body)
}

// match finds the recorded interaction for r; s.mu is held.
func (s *Server) match(r *http.Request) (Interaction, bool) {
	best, bestScore := -1, -1
	for i, in := range s.recorded {
		p, q := in.Path()
		if !samePath(p, r.URL.Path) {
			continue
		}
		score := sharedParams(q, r.URL.Query())
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return Interaction{}, false
	}
	return s.recorded[best], true
}

func samePath(a, b string) bool {
	ua, err1 := url.PathUnescape(a)
	ub, err2 := url.PathUnescape(b)
	if err1 != nil || err2 != nil {
		return strings.EqualFold(a, b)
	}
	return strings.EqualFold(strings.TrimSuffix(ua, "/"), strings.TrimSuffix(ub, "/"))
}

func sharedParams(a, b url.Values) int {
	n := 0
	for k, vs := range a {
		if len(vs) > 0 && b.Get(k) == vs[0] {
			n++
		}
	}
	return n
}

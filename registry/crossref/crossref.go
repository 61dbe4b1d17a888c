package crossref

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// service names the client's lane and the records' registry.
const service = "crossref"

// SearchRows is how many candidates a search asks for.
const SearchRows = 5

// maxQuery caps a bibliographic query, in bytes: a reference is a few
// hundred, and a whole paragraph pasted by mistake would only make a URL
// some proxies refuse.
const maxQuery = 1000

// notFoundBody is what Crossref answers, as text/plain, for a DOI it does
// not hold.
const notFoundBody = "Resource not found."

// Registry is the Crossref client.
type Registry struct {
	c *registry.Client
	s registry.Settings
}

// New returns a client of Crossref sending through c with the base URL and
// identity of s (after Settings.WithEnv).
func New(c *registry.Client, s registry.Settings) *Registry { return &Registry{c: c, s: s} }

// Name returns "crossref".
func (r *Registry) Name() string { return service }

// Lookup asks for the work with a DOI. Other kinds of identifier are
// registry.ErrNotSupported: Crossref is keyed by DOI only.
func (r *Registry) Lookup(ctx context.Context, id registry.ID) (registry.Record, error) {
	if id.Kind != registry.DOI {
		return registry.Record{}, registry.ErrNotSupported
	}
	doi := corpus.NormalizeDOI(id.Value)
	if doi == "" {
		return registry.Record{}, fmt.Errorf("crossref: %q is not a DOI", id.Value)
	}
	u := r.base() + "/works/" + registry.EscapePath(doi) + r.query(nil)
	resp, err := r.c.Get(ctx, registry.Request{Service: service, URL: u, Accept: "application/json"})
	if err != nil {
		return registry.Record{}, err
	}
	switch {
	case resp.Status == http.StatusNotFound && isNotFound(resp.Body):
		return registry.Record{}, registry.ErrNotFound
	case resp.Status != http.StatusOK:
		return registry.Record{}, &registry.Unavailable{Registry: service, Reason: fmt.Sprintf("HTTP %d", resp.Status)}
	}
	rec, err := parseWork(resp.Body)
	if err != nil {
		return registry.Record{}, &registry.Unavailable{Registry: service, Reason: "answered something that is not a Crossref record", Err: err}
	}
	return rec, nil
}

// Search asks for the works best matching a whole reference as written and
// returns them in Crossref's order, each with its score. An empty string
// asks nothing.
func (r *Registry) Search(ctx context.Context, bibliographic string) ([]registry.Record, error) {
	q := clip(strings.Join(strings.Fields(bibliographic), " "), maxQuery)
	if q == "" {
		return nil, nil
	}
	u := r.base() + "/works" + r.query(url.Values{
		"query.bibliographic": {q},
		"rows":                {fmt.Sprint(SearchRows)},
	})
	resp, err := r.c.Get(ctx, registry.Request{Service: service, URL: u, Accept: "application/json", Search: true})
	if err != nil {
		return nil, err
	}
	if resp.Status != http.StatusOK {
		return nil, &registry.Unavailable{Registry: service, Reason: fmt.Sprintf("HTTP %d", resp.Status)}
	}
	recs, err := parseList(resp.Body)
	if err != nil {
		return nil, &registry.Unavailable{Registry: service, Reason: "answered something that is not a Crossref search result", Err: err}
	}
	return recs, nil
}

func (r *Registry) base() string {
	if r.s.CrossrefURL == "" {
		return registry.DefaultCrossrefURL
	}
	return strings.TrimRight(r.s.CrossrefURL, "/")
}

// query encodes v with the mailto that puts the request in the polite pool
// (see the package comment), or "" when there is nothing to send.
func (r *Registry) query(v url.Values) string {
	if r.s.Mailto != "" {
		if v == nil {
			v = url.Values{}
		}
		v.Set("mailto", r.s.Mailto)
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}

// isNotFound reports whether a 404's body is Crossref's own "no such
// work", rather than a proxy's or a wrong base URL's page.
func isNotFound(body []byte) bool {
	return strings.EqualFold(strings.TrimSpace(string(body)), notFoundBody)
}

// clip cuts s to at most n bytes at a word boundary, never inside a
// character.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexByte(s[:cut], ' '); i > 0 {
		cut = i
	}
	return s[:cut]
}

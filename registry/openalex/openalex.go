// Package openalex asks OpenAlex's works API for a work by DOI, PMID or
// PMC id, or for the works a reference as written may be, and reads its
// answers (abstracts rebuilt from their inverted index, the is_retracted
// flag) into registry.Record. It must not judge them (package verify).
package openalex

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/evident-tools/evident/registry"
)

// Service names the client's lane and its records.
const Service = "openalex"

// SearchRows is how many candidates a search asks for.
const SearchRows = 5

// Registry is the OpenAlex client.
type Registry struct {
	c *registry.Client
	s registry.Settings
}

// New returns a client of OpenAlex sending through c with the base URL and
// identity of s (after Settings.WithEnv): Mailto goes as mailto, for the
// polite pool, and OpenAlexAPIKey as api_key.
func New(c *registry.Client, s registry.Settings) *Registry { return &Registry{c: c, s: s} }

// Name returns "openalex".
func (r *Registry) Name() string { return Service }

// Lookup asks for the work with a DOI, PMID or PMC id. A 404 is
// registry.ErrNotFound: OpenAlex holds no such work (which, for a DOI,
// is no proof that the DOI does not exist; doi.org says that). An arXiv id
// is registry.ErrNotSupported; every failure to get an answer is an
// *registry.Unavailable.
func (r *Registry) Lookup(ctx context.Context, id registry.ID) (registry.Record, error) {
	var key string
	switch id.Kind {
	case registry.DOI:
		key = "doi:" + id.Value
	case registry.PMID:
		key = "pmid:" + id.Value
	case registry.PMCID:
		key = "pmcid:" + id.Value
	default:
		return registry.Record{}, fmt.Errorf("%s: %s: %w", Service, id, registry.ErrNotSupported)
	}
	if strings.TrimSpace(id.Value) == "" {
		return registry.Record{}, fmt.Errorf("%s: empty %s: %w", Service, id.Kind, registry.ErrMalformed)
	}
	resp, err := r.c.Get(ctx, registry.Request{Service: Service, URL: r.url("/works/"+registry.EscapePath(key), nil), Accept: "application/json"})
	if err != nil {
		return registry.Record{}, err
	}
	switch resp.Status {
	case http.StatusOK:
		rec, err := ParseWork(resp.Body)
		if err != nil {
			return registry.Record{}, &registry.Unavailable{Registry: Service, Reason: "answer is not an OpenAlex work", Err: err}
		}
		return rec, nil
	case http.StatusNotFound:
		return registry.Record{}, fmt.Errorf("%s: %s: %w", Service, id, registry.ErrNotFound)
	}
	return registry.Record{}, refused(resp.Status)
}

// Search asks for the works matching a reference as written, OpenAlex's
// best first, at most SearchRows of them. No match is an empty list.
func (r *Registry) Search(ctx context.Context, bibliographic string) ([]registry.Record, error) {
	q := strings.Join(strings.Fields(bibliographic), " ")
	if q == "" {
		return nil, nil
	}
	u := r.url("/works", url.Values{"search": {q}, "per-page": {fmt.Sprint(SearchRows)}})
	resp, err := r.c.Get(ctx, registry.Request{Service: Service, URL: u, Accept: "application/json", Search: true})
	if err != nil {
		return nil, err
	}
	if resp.Status != http.StatusOK {
		return nil, refused(resp.Status)
	}
	recs, err := ParseWorks(resp.Body)
	if err != nil {
		return nil, &registry.Unavailable{Registry: Service, Reason: "answer is not a list of OpenAlex works", Err: err}
	}
	return recs[:min(len(recs), SearchRows)], nil
}

// refused is the error of an answer that is neither a work nor "no such
// work": OpenAlex's 403 for an identifier it will not read (one holding a
// comma) or a key it does not accept, bot protection, anything else.
func refused(status int) error {
	return &registry.Unavailable{Registry: Service, Reason: fmt.Sprintf("HTTP %d", status)}
}

// url joins the API root, a path already escaped and the query with the
// polite pool's mailto and the API key.
func (r *Registry) url(path string, q url.Values) string {
	base := r.s.OpenAlexURL
	if base == "" {
		base = registry.DefaultOpenAlexURL
	}
	if q == nil {
		q = url.Values{}
	}
	if m := strings.TrimSpace(r.s.Mailto); m != "" {
		q.Set("mailto", m)
	}
	if k := strings.TrimSpace(r.s.OpenAlexAPIKey); k != "" {
		q.Set("api_key", k)
	}
	u := strings.TrimRight(base, "/") + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return u
}

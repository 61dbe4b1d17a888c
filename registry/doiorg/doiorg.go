// Package doiorg asks the DOI resolver's content negotiation for a DOI's
// metadata as CSL-JSON: the way to DOIs of every agency (DataCite, mEDRA,
// JaLC, Crossref), and the authority on whether a DOI exists. It reads
// answers into registry.Record; it must not judge them (package verify).
package doiorg

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/evident-tools/evident/registry"
)

// Service names the client's lane and its records.
const Service = "doi.org"

// Accept asks the resolver, and the agency it redirects to, for CSL-JSON.
const Accept = "application/vnd.citationstyles.csl+json"

// Registry is the doi.org client.
type Registry struct {
	c *registry.Client
	s registry.Settings
}

// New returns a client of doi.org sending through c with the base URL and
// identity of s (after Settings.WithEnv).
func New(c *registry.Client, s registry.Settings) *Registry { return &Registry{c: c, s: s} }

// Name returns "doi.org".
func (r *Registry) Name() string { return Service }

// Lookup asks the resolver for the work with a DOI. A 404 from the
// resolver itself is registry.ErrNotFound; its 400 ("Not a DOI") is
// registry.ErrMalformed (which also matches ErrNotFound). Everything that
// leaves the question open is an *registry.Unavailable: bot protection's
// 202 and 403, an agency that redirects but has no metadata, an answer
// that is not CSL-JSON (a landing page from an agency that ignores
// Accept). Other identifiers are registry.ErrNotSupported.
func (r *Registry) Lookup(ctx context.Context, id registry.ID) (registry.Record, error) {
	if id.Kind != registry.DOI {
		return registry.Record{}, fmt.Errorf("%s: %s: %w", Service, id, registry.ErrNotSupported)
	}
	doi := strings.TrimSpace(id.Value)
	if doi == "" {
		return registry.Record{}, fmt.Errorf("%s: empty DOI: %w", Service, malformed)
	}
	u := r.url(doi)
	resp, err := r.c.Get(ctx, registry.Request{Service: Service, URL: u, Accept: Accept})
	if err != nil {
		return registry.Record{}, err
	}
	// The resolver answers for the DOI only until it redirects; after
	// that the agency answers for its metadata service.
	redirected := !samePlace(resp.URL, u)
	switch {
	case resp.Status == http.StatusOK:
		rec, err := ParseCSL(resp.Body)
		if err != nil {
			return registry.Record{}, &registry.Unavailable{Registry: Service, Reason: "answer is not CSL-JSON", Err: err}
		}
		rec.Registry = Service
		if rec.DOI == "" {
			rec.DOI = doi
		}
		return rec, nil
	case resp.Status == http.StatusNotFound && !redirected:
		return registry.Record{}, fmt.Errorf("%s: %s: %w", Service, doi, registry.ErrNotFound)
	case resp.Status == http.StatusBadRequest && !redirected:
		return registry.Record{}, fmt.Errorf("%s: %q is not a DOI: %w", Service, doi, malformed)
	case resp.Status == http.StatusAccepted || resp.Status == http.StatusForbidden:
		return registry.Record{}, &registry.Unavailable{Registry: Service, Reason: fmt.Sprintf("bot protection answered %d", resp.Status)}
	case resp.Status == http.StatusNotAcceptable:
		return registry.Record{}, &registry.Unavailable{Registry: Service, Reason: "the registration agency offers no CSL-JSON (HTTP 406)"}
	case redirected && resp.Status >= 400 && resp.Status < 500:
		return registry.Record{}, &registry.Unavailable{Registry: Service, Reason: fmt.Sprintf("the registration agency has no metadata for it (HTTP %d)", resp.Status)}
	}
	return registry.Record{}, &registry.Unavailable{Registry: Service, Reason: fmt.Sprintf("HTTP %d", resp.Status)}
}

// malformed matches both registry.ErrMalformed and registry.ErrNotFound.
var malformed = fmt.Errorf("%w (%w)", registry.ErrMalformed, registry.ErrNotFound)

// url appends the DOI to the resolver root as a path (see
// registry.EscapePath).
func (r *Registry) url(doi string) string {
	base := r.s.DOIURL
	if base == "" {
		base = registry.DefaultDOIURL
	}
	return strings.TrimRight(base, "/") + "/" + registry.EscapePath(doi)
}

// samePlace reports whether two URLs name the same host and path: whether
// the answer came from where the request was sent.
func samePlace(a, b string) bool {
	if a == b || a == "" {
		return true
	}
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && strings.EqualFold(ua.Host, ub.Host) && ua.EscapedPath() == ub.EscapedPath()
}

// Search is registry.ErrNotSupported: the resolver only resolves.
func (r *Registry) Search(ctx context.Context, bibliographic string) ([]registry.Record, error) {
	return nil, fmt.Errorf("%s: search: %w", Service, registry.ErrNotSupported)
}

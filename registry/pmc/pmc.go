// Package pmc fetches a work's open-access full text from PubMed Central:
// E-utilities efetch with db=pmc and the PMCID, whose answer is the
// article in JATS XML. It reads the article's front matter and body into
// a registry.Record (Title, Abstract, FullText, the identifiers) and owns
// nothing else: which works to ask for, and what the text is evidence of,
// belong to verify and corpus/evidence.
package pmc

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/pubmed"
)

// Registry is the PubMed Central full-text client.
type Registry struct {
	c *registry.Client
	s registry.Settings
}

// New returns a PMC client sending through c with the base URL and
// identity of s (after Settings.WithEnv). Its requests count against the
// one limit NCBI sets per user, so they go in PubMed's lane at PubMed's
// pace (pubmed.Pace).
func New(c *registry.Client, s registry.Settings) *Registry {
	pubmed.Pace(c, s)
	return &Registry{c: c, s: s}
}

// Name returns "pmc".
func (r *Registry) Name() string { return "pmc" }

// Lookup fetches the article with a PMCID. The record has FullText when
// PMC may give the article's body (the open-access subset); an article
// PMC holds but may not give out is a record without it, not an error.
// A PMCID PMC does not know is registry.ErrNotFound; any other kind of
// identifier is registry.ErrNotSupported.
func (r *Registry) Lookup(ctx context.Context, id registry.ID) (registry.Record, error) {
	if id.Kind != registry.PMCID {
		return registry.Record{}, registry.ErrNotSupported
	}
	// Normalised again so that nothing but an identifier reaches a URL.
	pmcid := corpus.NormalizePMCID(id.Value)
	if pmcid == "" {
		return registry.Record{}, fmt.Errorf("pmc: %q is not a PMCID: %w (%w)", id.Value, registry.ErrMalformed, registry.ErrNotFound)
	}
	resp, err := r.c.Get(ctx, registry.Request{Service: pubmed.Service, URL: r.efetchURL(pmcid), Accept: "application/xml"})
	if err != nil {
		return registry.Record{}, renamed(err)
	}
	if resp.Status != http.StatusOK && resp.Status != http.StatusBadRequest {
		return registry.Record{}, unavailable(fmt.Sprintf("HTTP %d", resp.Status), nil)
	}
	return parseAnswer(pmcid, resp.Body)
}

// Search is not offered: PMC is asked for the full text of a work already
// identified.
func (r *Registry) Search(context.Context, string) ([]registry.Record, error) {
	return nil, registry.ErrNotSupported
}

func (r *Registry) efetchURL(pmcid string) string {
	base := r.s.PMCURL
	if base == "" {
		base = registry.DefaultPMCURL
	}
	v := url.Values{"db": {"pmc"}, "id": {strings.TrimPrefix(pmcid, "PMC")}, "retmode": {"xml"}, "tool": {"evident"}}
	if r.s.Mailto != "" {
		v.Set("email", r.s.Mailto)
	}
	if r.s.PubMedAPIKey != "" {
		v.Set("api_key", r.s.PubMedAPIKey)
	}
	return base + "/efetch.fcgi?" + v.Encode()
}

func unavailable(reason string, err error) error {
	return &registry.Unavailable{Registry: "pmc", Reason: reason, Err: err}
}

// renamed names PMC, not the lane it shares with PubMed, in an
// *registry.Unavailable the client returned.
func renamed(err error) error {
	if u, ok := err.(*registry.Unavailable); ok {
		cp := *u
		cp.Registry = "pmc"
		return &cp
	}
	return err
}

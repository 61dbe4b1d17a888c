// Package pubmed asks PubMed's E-utilities (efetch, esearch) and the PMC
// ID converter what PubMed holds about a work. It reads PubMed's XML with
// corpus/pubmed, the reader `evident import` uses, and owns only the
// asking: which URL, what an answer means, what becomes a record.
package pubmed

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// Service names the pacing lane every request to NCBI shares: the
// E-utilities (PubMed's and PubMed Central's) and the ID converter count
// against one limit per user.
const Service = "pubmed"

// NCBI's limits: 3 requests a second without an API key, 10 with one.
// The interval is rounded up so that pacing never reaches the limit.
const (
	interval        = 334 * time.Millisecond
	intervalWithKey = 100 * time.Millisecond
)

// Registry is the PubMed client.
type Registry struct {
	c *registry.Client
	s registry.Settings
}

// New returns a PubMed client sending through c with the base URLs and
// identity of s (after Settings.WithEnv). It sets c's pace for NCBI (Pace).
func New(c *registry.Client, s registry.Settings) *Registry {
	Pace(c, s)
	return &Registry{c: c, s: s}
}

// Pace sets c's pace in the Service lane to NCBI's documented limit, which
// NCBI does not announce in headers: 3 requests a second, 10 with the API
// key of s.
func Pace(c *registry.Client, s registry.Settings) {
	d := interval
	if s.PubMedAPIKey != "" {
		d = intervalWithKey
	}
	c.SetInterval(Service, d, d)
}

// Name returns "pubmed".
func (r *Registry) Name() string { return "pubmed" }

// Lookup asks for the work with id: a PMID through efetch; a PMCID through
// the PMC ID converter, then efetch; a DOI through esearch's article
// identifier index ([aid]), then efetch. A DOI goes to esearch rather than
// the converter because the converter knows only the articles in PMC, a
// small part of PubMed, and its "not found" would say nothing of PubMed.
// An arXiv id is not supported; a value that is no identifier of its kind
// is malformed (registry.ErrMalformed, which also matches ErrNotFound) and
// sends nothing.
func (r *Registry) Lookup(ctx context.Context, id registry.ID) (registry.Record, error) {
	// Normalised again so that nothing but an identifier reaches a URL
	// (a "1,2" would ask efetch for two records).
	switch id.Kind {
	case registry.PMID:
		pmid := corpus.NormalizePMID(id.Value)
		if pmid == "" {
			return registry.Record{}, fmt.Errorf("pubmed: %q is not a PMID: %w", id.Value, malformed)
		}
		return r.lookupPMID(ctx, pmid)
	case registry.PMCID:
		pmid, err := r.convert(ctx, corpus.NormalizePMCID(id.Value))
		if err != nil {
			return registry.Record{}, err
		}
		return r.lookupPMID(ctx, pmid)
	case registry.DOI:
		return r.lookupDOI(ctx, corpus.NormalizeDOI(id.Value))
	}
	return registry.Record{}, registry.ErrNotSupported
}

func (r *Registry) lookupPMID(ctx context.Context, pmid string) (registry.Record, error) {
	// A PMID merged into another is served as the surviving record, which
	// is the work asked for: any record answers.
	return r.fetchOne(ctx, []string{pmid}, func(rec registry.Record) bool { return rec.PMID == pmid })
}

func (r *Registry) lookupDOI(ctx context.Context, doi string) (registry.Record, error) {
	if doi == "" {
		return registry.Record{}, fmt.Errorf("pubmed: not a DOI: %w", malformed)
	}
	ids, err := r.esearch(ctx, `"`+doi+`"[aid]`)
	if err != nil {
		return registry.Record{}, err
	}
	if len(ids) == 0 {
		return registry.Record{}, fmt.Errorf("pubmed: no record with DOI %s: %w", doi, registry.ErrNotFound)
	}
	// The index holds every identifier a record lists and the record
	// shows one DOI, so a work's second DOI finds a record showing the
	// first: any record answers.
	return r.fetchOne(ctx, ids, func(rec registry.Record) bool { return rec.DOI == doi })
}

// fetchOne fetches ids and returns the record that is the one asked for,
// or else the first.
func (r *Registry) fetchOne(ctx context.Context, ids []string, asked func(registry.Record) bool) (registry.Record, error) {
	recs, err := r.fetch(ctx, ids)
	if err != nil {
		return registry.Record{}, err
	}
	if len(recs) == 0 {
		return registry.Record{}, fmt.Errorf("pubmed: no record for %s: %w", strings.Join(ids, ","), registry.ErrNotFound)
	}
	for _, rec := range recs {
		if asked(rec) {
			return rec, nil
		}
	}
	return recs[0], nil
}

// Search asks esearch for the works a reference as written may be, then
// fetches them: candidates, best first, unjudged except that a candidate
// whose first author and year both disagree with the reference is dropped.
// Searching with the reference's own words works for every citation style;
// ecitmatch would need the journal as NLM abbreviates it and a first page,
// which only Vancouver-style references give reliably.
func (r *Registry) Search(ctx context.Context, bibliographic string) ([]registry.Record, error) {
	for _, term := range searchTerms(bibliographic) {
		ids, err := r.esearch(ctx, term)
		if err != nil {
			return nil, err
		}
		if len(ids) == 0 {
			continue
		}
		recs, err := r.fetch(ctx, ids)
		if errors.Is(err, registry.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return plausible(bibliographic, recs), nil
	}
	return nil, nil
}

// query returns the parameters every E-utilities request carries: who
// asks (tool, email) and the API key.
func (r *Registry) query(v url.Values) url.Values {
	v.Set("tool", "evident")
	if r.s.Mailto != "" {
		v.Set("email", r.s.Mailto)
	}
	if r.s.PubMedAPIKey != "" {
		v.Set("api_key", r.s.PubMedAPIKey)
	}
	return v
}

func (r *Registry) eutilsURL(tool string, v url.Values) string {
	base := r.s.PubMedURL
	if base == "" {
		base = registry.DefaultPubMedURL
	}
	return base + "/" + tool + "?" + r.query(v).Encode()
}

// malformed is the error of an identifier that is none: it matches
// registry.ErrMalformed, for callers that name and skip bad input, and
// registry.ErrNotFound, since no work has it. Nothing is sent for it.
var malformed = fmt.Errorf("%w (%w)", registry.ErrMalformed, registry.ErrNotFound)

func unavailable(reason string, err error) error {
	return &registry.Unavailable{Registry: Service, Reason: reason, Err: err}
}

package verify

import (
	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/crossref"
	"github.com/evident-tools/evident/registry/doiorg"
	"github.com/evident-tools/evident/registry/openalex"
	"github.com/evident-tools/evident/registry/pmc"
	"github.com/evident-tools/evident/registry/pubmed"
)

// New returns a Verifier asking the four registries (and PubMed Central
// for full text) through one polite
// client (registry.Client: paced, retried, a User-Agent naming evident,
// version and s.Mailto). s is taken as given, environment included
// (Settings.WithEnv); base URLs it leaves empty are the public services'.
// With opts.Offline the client sends nothing and only the cache answers.
// cache and rs may be nil (no cache; no local retraction database).
func New(s registry.Settings, version string, cache Cache, rs Retractions, opts Options) (*Verifier, error) {
	s, err := s.WithEnv(func(string) string { return "" })
	if err != nil {
		return nil, err
	}
	c := &registry.Client{UserAgent: registry.UserAgent(version, s.Mailto), Offline: opts.Offline}
	return &Verifier{
		Crossref:    crossref.New(c, s),
		DOI:         doiorg.New(c, s),
		PubMed:      pubmed.New(c, s),
		OpenAlex:    openalex.New(c, s),
		PMC:         pmc.New(c, s),
		Cache:       cache,
		Retractions: rs,
		Opts:        opts,
		Sent:        c.Sent,
	}, nil
}

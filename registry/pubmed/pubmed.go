// Package pubmed asks PubMed's E-utilities and the PMC ID converter.
package pubmed

import (
	"context"

	"github.com/evident-tools/evident/registry"
)

// Registry is the pubmed client.
type Registry struct {
	c *registry.Client
	s registry.Settings
}

// New returns a client of pubmed sending through c with the base URL and
// identity of s (after Settings.WithEnv).
func New(c *registry.Client, s registry.Settings) *Registry { return &Registry{c: c, s: s} }

// Name returns "pubmed".
func (r *Registry) Name() string { return "pubmed" }

// Lookup asks for the work with id.
func (r *Registry) Lookup(ctx context.Context, id registry.ID) (registry.Record, error) {
	return registry.Record{}, &registry.Unavailable{Registry: r.Name(), Reason: "client not built yet"}
}

// Search asks for works matching a whole reference as written.
func (r *Registry) Search(ctx context.Context, bibliographic string) ([]registry.Record, error) {
	return nil, registry.ErrNotSupported
}

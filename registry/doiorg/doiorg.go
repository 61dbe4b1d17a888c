// Package doiorg asks the DOI resolver's content negotiation (CSL-JSON), the authority on whether a DOI exists.
package doiorg

import (
	"context"

	"github.com/evident-tools/evident/registry"
)

// Registry is the doi.org client.
type Registry struct {
	c *registry.Client
	s registry.Settings
}

// New returns a client of doi.org sending through c with the base URL and
// identity of s (after Settings.WithEnv).
func New(c *registry.Client, s registry.Settings) *Registry { return &Registry{c: c, s: s} }

// Name returns "doi.org".
func (r *Registry) Name() string { return "doi.org" }

// Lookup asks for the work with id.
func (r *Registry) Lookup(ctx context.Context, id registry.ID) (registry.Record, error) {
	return registry.Record{}, &registry.Unavailable{Registry: r.Name(), Reason: "client not built yet"}
}

// Search asks for works matching a whole reference as written.
func (r *Registry) Search(ctx context.Context, bibliographic string) ([]registry.Record, error) {
	return nil, registry.ErrNotSupported
}

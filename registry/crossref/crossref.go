// Package crossref asks Crossref's REST API.
package crossref

import (
	"context"

	"github.com/evident-tools/evident/registry"
)

// Registry is the crossref client.
type Registry struct {
	c *registry.Client
	s registry.Settings
}

// New returns a client of crossref sending through c with the base URL and
// identity of s (after Settings.WithEnv).
func New(c *registry.Client, s registry.Settings) *Registry { return &Registry{c: c, s: s} }

// Name returns "crossref".
func (r *Registry) Name() string { return "crossref" }

// Lookup asks for the work with id.
func (r *Registry) Lookup(ctx context.Context, id registry.ID) (registry.Record, error) {
	return registry.Record{}, &registry.Unavailable{Registry: r.Name(), Reason: "client not built yet"}
}

// Search asks for works matching a whole reference as written.
func (r *Registry) Search(ctx context.Context, bibliographic string) ([]registry.Record, error) {
	return nil, registry.ErrNotSupported
}

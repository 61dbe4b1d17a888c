package registrytest

import (
	"context"
	"time"

	"github.com/evident-tools/evident/registry"
)

// Client returns a registry client for tests that never waits: pacing,
// back-off and Retry-After are asked for but not slept, so a server's
// faults replay at once. Its other settings are registry.Client's
// defaults; a test changes Retries, Timeout or MaxBody on it as it needs.
func Client() *registry.Client {
	return &registry.Client{Sleep: func(ctx context.Context, _ time.Duration) error { return ctx.Err() }}
}

package main

import (
	"bytes"
	"testing"

	"github.com/evident-tools/evident/config"
)

// The registries are slow by design (paced requests): a run that asks
// them shows a progress bar, but only on a terminal, never with --quiet,
// and not when nothing is asked.
func TestNewVerifier_ShowsProgressOnlyOnATerminalThatAsks(t *testing.T) {
	tests := []struct {
		name    string
		tty     bool
		quiet   bool
		offline bool
		want    bool
	}{
		{"terminal", true, false, false, true},
		{"pipe", false, false, false, false},
		{"--quiet", true, true, false, false},
		{"--offline asks nothing", true, false, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errw bytes.Buffer
			a := &App{Err: &errw, ErrTTY: tt.tty, noProgress: tt.quiet, Getenv: func(string) string { return "" }}
			run, err := a.newVerifier(&config.Config{}, nil, registryFlags{offline: tt.offline})
			if err != nil {
				t.Fatal(err)
			}
			if got := run.bar != nil; got != tt.want {
				t.Fatalf("progress bar shown = %v, want %v", got, tt.want)
			}
			run.flush(a)
		})
	}
}

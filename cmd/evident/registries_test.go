package main

import (
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
)

// registryData holds the recorded registry answers the scripts replay.
var registryData = filepath.Join("testdata", "registry")

// registriesCmd starts a local server replaying recorded registry answers
// (cassettes under testdata/registry) and points every registry at it
// (EVIDENT_CROSSREF_URL, EVIDENT_DOI_URL, EVIDENT_PUBMED_URL,
// EVIDENT_OPENALEX_URL), until the test ends:
//
//	registries CASSETTE...
//
// A request nothing recorded answers is a 404, so nothing leaves the
// machine.
func registriesCmd(t *testing.T) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) == 0 {
			ts.Fatalf("usage: registries CASSETTE...")
		}
		var ins []registrytest.Interaction
		for _, a := range args {
			in, err := registrytest.Load(filepath.Join(registryData, a))
			ts.Check(err)
			ins = append(ins, in...)
		}
		srv := registrytest.NewServer(t, ins...)
		for _, env := range []string{registry.EnvCrossrefURL, registry.EnvDOIURL, registry.EnvPubMedURL, registry.EnvOpenAlexURL, registry.EnvPMCIDURL} {
			ts.Setenv(env, srv.URL)
		}
		ts.Setenv(registry.EnvMailto, "evident-tests@example.org")
	}
}

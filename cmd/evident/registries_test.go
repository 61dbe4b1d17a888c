package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/crossref"
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

// clientsWork reports whether the Crossref client reads a recorded work:
// the registry scripts need the clients, which land on their own branches.
func clientsWork(t *testing.T) bool {
	ins, err := registrytest.Load(filepath.Join(registryData, "crossref", "test_works_with_one_id.yaml"))
	if err != nil {
		return false
	}
	srv := registrytest.NewServer(t, ins...)
	c := crossref.New(&registry.Client{Retries: -1}, registry.Settings{CrossrefURL: srv.URL})
	_, err = c.Lookup(context.Background(), registry.ID{Kind: registry.DOI, Value: "10.1371/journal.pone.0033693"})
	return err == nil
}

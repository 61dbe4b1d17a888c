package main

import (
	"os"
	"path/filepath"
	"strings"
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
// A CASSETTE written corpus:PATH is one of ../shared/corpora/apis, which
// a user's clone lacks: a script naming one begins with
// "[!corpora] skip". A request nothing recorded answers is a 404, so nothing leaves the
// machine.
func registriesCmd(t *testing.T) func(ts *testscript.TestScript, neg bool, args []string) {
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) == 0 {
			ts.Fatalf("usage: registries CASSETTE...")
		}
		var ins []registrytest.Interaction
		for _, a := range args {
			path := filepath.Join(registryData, a)
			if rel, ok := strings.CutPrefix(a, "corpus:"); ok {
				p, err := registrytest.CorpusPath(rel)
				ts.Check(err)
				if _, err := os.Stat(p); err != nil {
					ts.Fatalf("%s: not in ../shared/corpora/apis (guard the script with [!corpora] skip)", rel)
				}
				path = p
			}
			in, err := registrytest.Load(path)
			ts.Check(err)
			ins = append(ins, in...)
		}
		srv := registrytest.NewServer(t, ins...)
		for _, env := range []string{registry.EnvCrossrefURL, registry.EnvDOIURL, registry.EnvPubMedURL, registry.EnvOpenAlexURL, registry.EnvPMCIDURL, registry.EnvPMCURL} {
			ts.Setenv(env, srv.URL)
		}
		ts.Setenv(registry.EnvMailto, "evident-tests@example.org")
	}
}

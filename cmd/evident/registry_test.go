package main

import (
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/evident-tools/evident/registry"
	"github.com/evident-tools/evident/registry/registrytest"
)

// registryCmd stands in for the scholarly registries in a script:
//
//	registry serve DIR    serve DIR's files as the registries' answers and
//	                      point EVIDENT_CROSSREF_URL, EVIDENT_DOI_URL,
//	                      EVIDENT_PUBMED_URL, EVIDENT_OPENALEX_URL,
//	                      EVIDENT_PMCID_URL and EVIDENT_PMC_URL at them
//	registry requests N   the server has answered N requests so far
//
// A file DIR/crossref/works/10.1000/xyz answers GET /crossref/works/10.1000/xyz
// (with any query); a name ending in .404 answers 404 with its content.
// Anything else answers 404 with Crossref's plain-text body, the
// registries' "no such record".
func registryCmd(t *testing.T) func(ts *testscript.TestScript, neg bool, args []string) {
	var mu sync.Mutex // scripts run in parallel
	servers := map[*testscript.TestScript]*registrytest.Server{}
	return func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) < 1 {
			ts.Fatalf("usage: registry serve DIR | requests N")
		}
		switch args[0] {
		case "serve":
			if len(args) != 2 {
				ts.Fatalf("usage: registry serve DIR")
			}
			srv := registrytest.NewServer(t, recorded(ts, ts.MkAbs(args[1]))...)
			mu.Lock()
			servers[ts] = srv
			mu.Unlock()
			ts.Defer(func() {
				srv.Close()
				mu.Lock()
				delete(servers, ts)
				mu.Unlock()
			})
			for env, service := range map[string]string{
				registry.EnvCrossrefURL: "crossref", registry.EnvDOIURL: "doi", registry.EnvPubMedURL: "pubmed",
				registry.EnvOpenAlexURL: "openalex", registry.EnvPMCIDURL: "pmcid", registry.EnvPMCURL: "pmc",
			} {
				ts.Setenv(env, srv.URL+"/"+service)
			}
		case "requests":
			mu.Lock()
			srv := servers[ts]
			mu.Unlock()
			if srv == nil || len(args) != 2 {
				ts.Fatalf("registry requests: no server (registry serve DIR first) or no N")
			}
			n, err := strconv.Atoi(args[1])
			ts.Check(err)
			if got := len(srv.Requests()); got != n {
				var paths []string
				for _, r := range srv.Requests() {
					paths = append(paths, r.URL.RequestURI())
				}
				ts.Fatalf("the registries were asked %d times, want %d: %s", got, n, strings.Join(paths, " "))
			}
		default:
			ts.Fatalf("registry: unknown subcommand %q", args[0])
		}
	}
}

// recorded reads a script's registry answers.
func recorded(ts *testscript.TestScript, dir string) []registrytest.Interaction {
	var ins []registrytest.Interaction
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, dir))
		in := registrytest.Interaction{Method: "GET", Status: http.StatusOK, Body: body, Header: http.Header{}}
		if p, ok := strings.CutSuffix(rel, ".404"); ok {
			rel, in.Status = p, http.StatusNotFound
		}
		switch {
		case strings.HasSuffix(rel, ".xml"):
			in.Header.Set("Content-Type", "text/xml")
			rel = strings.TrimSuffix(rel, ".xml")
		case strings.HasSuffix(rel, ".json"):
			rel = strings.TrimSuffix(rel, ".json")
			fallthrough
		default:
			in.Header.Set("Content-Type", "application/json")
		}
		in.URI = "http://registry.test" + rel
		ins = append(ins, in)
		return nil
	})
	ts.Check(err)
	return ins
}

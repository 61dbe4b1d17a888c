package registrytest

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every cassette of the corpus loads, with a status and a body for each
// interaction.
func TestLoad_EveryCassetteOfTheCorpus(t *testing.T) {
	root := filepath.Dir(Corpus(t, "README.md"))
	n := 0
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			return err
		}
		ins, err := Load(p)
		if err != nil {
			t.Errorf("%v", err)
			return nil
		}
		if len(ins) == 0 {
			t.Errorf("%s: no interactions", p)
		}
		for i, in := range ins {
			if in.Status == 0 || in.URI == "" {
				t.Errorf("%s: interaction %d: status %d, uri %q", filepath.Base(p), i, in.Status, in.URI)
			}
		}
		n += len(ins)
		return nil
	})
	t.Logf("%d interactions", n)
	if n < 20 {
		t.Errorf("only %d interactions in the corpus' cassettes", n)
	}
}

// A recorded redirect to the real service comes back to the replay server.
func TestServer_RecordedRedirectsStayLocal(t *testing.T) {
	srv := NewServer(t, Interaction{Method: "GET", URI: "https://doi.example/10.1/x", Status: 302,
		Header: http.Header{"Location": {"https://api.crossref.example/v1/works/10.1/x/transform"}}})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(srv.URL + "/10.1/x")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if loc := resp.Header.Get("Location"); loc != "/v1/works/10.1/x/transform" {
		t.Errorf("Location %q, want the path on the replay server", loc)
	}
}

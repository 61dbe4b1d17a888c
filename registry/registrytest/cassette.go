// Package registrytest replays recorded registry responses from local
// servers, for tests that must never touch the network. It reads the two
// cassette formats of ../shared/corpora/apis (vcrpy YAML, whose gzip
// bodies are !!binary strings, and R vcr YAML) and serves them from an
// httptest server that can also misbehave: 429 with Retry-After, 503,
// slow answers, truncated or garbage bodies, HTML error pages, redirects
// and oversized bodies.
package registrytest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// Interaction is one recorded request and its response.
type Interaction struct {
	Method string
	URI    string // as recorded, with the real service's host
	Status int
	Header http.Header
	Body   []byte
}

// Path returns the recorded request's path, unescaped, and its query.
func (in Interaction) Path() (string, url.Values) {
	u, err := url.Parse(in.URI)
	if err != nil {
		return in.URI, nil
	}
	return u.Path, u.Query()
}

// vcrpy: interactions[].request.{method,uri}, .response.{status.code,
// headers (name: [values]), body.string}.
type vcrpyFile struct {
	Interactions []struct {
		Request struct {
			Method string `yaml:"method"`
			URI    string `yaml:"uri"`
		} `yaml:"request"`
		Response struct {
			Status struct {
				Code int `yaml:"code"`
			} `yaml:"status"`
			Headers map[string][]string `yaml:"headers"`
			Body    struct {
				String string `yaml:"string"`
			} `yaml:"body"`
		} `yaml:"response"`
	} `yaml:"interactions"`
}

// R vcr: http_interactions[].request.{method,uri},
// .response.{status.status_code, headers (name: value), body.string}.
type rvcrFile struct {
	Interactions []struct {
		Request struct {
			Method string `yaml:"method"`
			URI    string `yaml:"uri"`
		} `yaml:"request"`
		Response struct {
			Status struct {
				Code string `yaml:"status_code"`
			} `yaml:"status"`
			Headers map[string]any `yaml:"headers"` // a value or a list
			Body    struct {
				String string `yaml:"string"`
			} `yaml:"body"`
		} `yaml:"response"`
	} `yaml:"http_interactions"`
}

// Load reads a cassette in either format. Gzip bodies are unzipped and the
// Content-Encoding header dropped, so a replay serves plain bodies.
func Load(path string) ([]Interaction, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []Interaction
	if bytes.Contains(data[:min(len(data), 200)], []byte("http_interactions:")) {
		var f rvcrFile
		if err := yaml.Unmarshal(data, &f); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for _, in := range f.Interactions {
			code, _ := strconv.Atoi(in.Response.Status.Code)
			h := http.Header{}
			for k, v := range in.Response.Headers {
				switch v := v.(type) {
				case []any:
					for _, e := range v {
						h.Add(k, fmt.Sprint(e))
					}
				default:
					h.Set(k, fmt.Sprint(v))
				}
			}
			out = append(out, finish(Interaction{Method: strings.ToUpper(in.Request.Method), URI: in.Request.URI, Status: code, Header: h, Body: []byte(in.Response.Body.String)}))
		}
		return out, nil
	}
	var f vcrpyFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, in := range f.Interactions {
		h := http.Header{}
		for k, vs := range in.Response.Headers {
			for _, v := range vs {
				h.Add(k, v)
			}
		}
		out = append(out, finish(Interaction{Method: strings.ToUpper(in.Request.Method), URI: in.Request.URI, Status: in.Response.Status.Code, Header: h, Body: []byte(in.Response.Body.String)}))
	}
	return out, nil
}

// finish unzips a gzip body and drops the headers that described the
// recorded bytes rather than the replayed ones.
func finish(in Interaction) Interaction {
	if len(in.Body) > 2 && in.Body[0] == 0x1f && in.Body[1] == 0x8b {
		if zr, err := gzip.NewReader(bytes.NewReader(in.Body)); err == nil {
			if b, err := io.ReadAll(zr); err == nil {
				in.Body = b
			}
		}
	}
	for _, h := range []string{"Content-Encoding", "Content-Length", "Transfer-Encoding", "Connection"} {
		in.Header.Del(h)
	}
	return in
}

// Corpus returns the path of a file under ../shared/corpora/apis, found
// from the module root, and skips the test when the corpora are absent
// (a user's clone has none).
func Corpus(t testing.TB, rel string) string {
	t.Helper()
	p, err := CorpusPath(rel)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		t.Skipf("recorded registry responses not found (%s): they live in ../shared/corpora/apis beside the checkout", rel)
	}
	return p
}

// CorpusPath returns where a file of ../shared/corpora/apis would be,
// found from the module root above the working directory, whether it is
// there or not: for callers that skip otherwise than by testing.TB (a
// testscript command).
func CorpusPath(rel string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the test's directory")
		}
		dir = parent
	}
	return filepath.Join(dir, "..", "shared", "corpora", "apis", filepath.FromSlash(rel)), nil
}

// MustLoad loads a cassette of the corpus, skipping when it is absent.
func MustLoad(t testing.TB, rel string) []Interaction {
	t.Helper()
	ins, err := Load(Corpus(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	return ins
}

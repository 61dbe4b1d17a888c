package pubmed

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	pmxml "github.com/evident-tools/evident/corpus/pubmed"
	"github.com/evident-tools/evident/registry"
)

// fetch asks efetch for the records of ids, in the order of ids.
func (r *Registry) fetch(ctx context.Context, ids []string) ([]registry.Record, error) {
	u := r.eutilsURL("efetch.fcgi", url.Values{"db": {"pubmed"}, "id": {strings.Join(ids, ",")}, "retmode": {"xml"}})
	resp, err := r.c.Get(ctx, registry.Request{Service: Service, URL: u, Accept: "application/xml"})
	if err != nil {
		return nil, err
	}
	switch {
	case resp.Status == http.StatusBadRequest && pmxml.RootElement(string(resp.Body)) == "eFetchResult":
		// efetch answers ids it cannot hold with 400 and an error
		// element, which parseEfetch reads.
	case resp.Status != http.StatusOK:
		return nil, unavailable(fmt.Sprintf("HTTP %d", resp.Status), nil)
	}
	arts, err := parseEfetch(resp.Body)
	if err != nil {
		return nil, err
	}
	recs := make([]registry.Record, 0, len(arts))
	for _, id := range ids {
		for _, a := range arts {
			if a.PMID == id {
				recs = append(recs, record(a))
			}
		}
	}
	for _, a := range arts {
		if !slices.Contains(ids, a.PMID) {
			recs = append(recs, record(a))
		}
	}
	return recs, nil
}

// parseEfetch reads an efetch answer. A PubmedArticleSet with no article
// is PubMed's answer for a well-formed PMID it does not hold, and an
// eFetchResult saying the id list is empty its answer for an id it cannot
// hold: both are registry.ErrNotFound. Any other eFetchResult error (a
// backend that did not answer), XML cut short before the first article,
// HTML or garbage is *registry.Unavailable.
func parseEfetch(body []byte) ([]*pmxml.Article, error) {
	switch root := pmxml.RootElement(string(body)); {
	case root == "eFetchResult":
		msg := efetchError(body)
		if noSuchID(msg) {
			return nil, fmt.Errorf("pubmed: %s: %w", msg, registry.ErrNotFound)
		}
		if msg == "" {
			msg = "an eFetchResult with no article"
		}
		return nil, unavailable("efetch: "+clip(msg), nil)
	case !pmxml.SniffXML(string(body)):
		return nil, unavailable("answer is not PubMed XML", nil)
	}
	res := pmxml.ReadXML("efetch", body)
	if len(res.Articles) > 0 {
		// Records after a cut are lost; those before it are whole, since
		// the reader keeps only articles whose element closed.
		return res.Articles, nil
	}
	if len(res.Problems) > 0 {
		return nil, unavailable("efetch answer cut short or malformed", fmt.Errorf("%s", res.Problems[0].Msg))
	}
	return nil, fmt.Errorf("pubmed: efetch returned no article: %w", registry.ErrNotFound)
}

// efetchError returns the text of an eFetchResult's ERROR element.
func efetchError(body []byte) string {
	var e struct {
		Errors []string `xml:"ERROR"`
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	if err := d.Decode(&e); err != nil && len(e.Errors) == 0 {
		return ""
	}
	return strings.Join(strings.Fields(strings.Join(e.Errors, "; ")), " ")
}

// noSuchID reports whether an E-utilities error message says the ids
// asked for are none PubMed has: "ID list is empty! Possibly it has no
// correct IDs." (today's efetch), "Empty result - nothing to do" (older).
func noSuchID(msg string) bool {
	m := strings.ToLower(msg)
	return strings.Contains(m, "id list is empty") || strings.Contains(m, "empty result")
}

// clip shortens a service's message for a reason shown to an editor.
func clip(s string) string {
	if r := []rune(s); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return s
}

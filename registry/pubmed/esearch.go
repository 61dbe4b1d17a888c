package pubmed

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	pmxml "github.com/evident-tools/evident/corpus/pubmed"
	"github.com/evident-tools/evident/registry"
)

// maxCandidates is how many PMIDs a search fetches: enough for the right
// work to be among them when the reference's words are common, few enough
// for one efetch.
const maxCandidates = 5

// esearch asks for the PMIDs matching term, best first.
func (r *Registry) esearch(ctx context.Context, term string) ([]string, error) {
	u := r.eutilsURL("esearch.fcgi", url.Values{"db": {"pubmed"}, "term": {term},
		"retmax": {strconv.Itoa(maxCandidates)}, "sort": {"relevance"}})
	resp, err := r.c.Get(ctx, registry.Request{Service: Service, URL: u, Accept: "application/xml", Search: true})
	if err != nil {
		return nil, err
	}
	if resp.Status != http.StatusOK {
		return nil, unavailable(fmt.Sprintf("HTTP %d", resp.Status), nil)
	}
	return parseEsearch(resp.Body)
}

// esearchResult is the part of an eSearchResult read: the ids, and the
// error a backend that failed puts in place of them.
type esearchResult struct {
	XMLName xml.Name `xml:"eSearchResult"`
	Count   *string  `xml:"Count"`
	IDs     []string `xml:"IdList>Id"`
	Error   string   `xml:"ERROR"`
}

// parseEsearch reads an eSearchResult. No hits (Count 0, with or without
// PhraseNotFound in its ErrorList) is an empty list; an ERROR element
// ("Search Backend failed"), a result with no Count, or anything that is
// not an eSearchResult is *registry.Unavailable.
func parseEsearch(body []byte) ([]string, error) {
	if root := pmxml.RootElement(string(body)); root != "eSearchResult" {
		return nil, unavailable("answer is not an esearch result", nil)
	}
	var res esearchResult
	d := xml.NewDecoder(bytes.NewReader(body))
	if err := d.Decode(&res); err != nil {
		return nil, unavailable("esearch answer cut short or malformed", err)
	}
	if msg := strings.Join(strings.Fields(res.Error), " "); msg != "" {
		return nil, unavailable("esearch: "+clip(msg), nil)
	}
	if res.Count == nil {
		return nil, unavailable("esearch answer has no count", nil)
	}
	var ids []string
	for _, id := range res.IDs {
		if id = corpus.NormalizePMID(id); id != "" && len(ids) < maxCandidates {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

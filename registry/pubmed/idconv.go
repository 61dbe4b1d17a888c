package pubmed

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// convert asks the PMC ID converter for the PMID of a PMCID.
func (r *Registry) convert(ctx context.Context, pmcid string) (string, error) {
	if pmcid == "" {
		return "", fmt.Errorf("pubmed: not a PMCID: %w", malformed)
	}
	base := r.s.PMCIDConverterURL
	if base == "" {
		base = registry.DefaultPMCIDConverterURL
	}
	// The converter's documented address ends in a slash; WithEnv trims it.
	u := strings.TrimRight(base, "/") + "/?" + r.query(url.Values{"ids": {pmcid}, "format": {"json"}}).Encode()
	resp, err := r.c.Get(ctx, registry.Request{Service: Service, URL: u, Accept: "application/json"})
	if err != nil {
		return "", err
	}
	if resp.Status != http.StatusOK {
		return "", unavailable(fmt.Sprintf("ID converter: HTTP %d", resp.Status), nil)
	}
	ids, err := parseIDConv(resp.Body)
	if err != nil {
		return "", err
	}
	if ids.PMID == "" {
		// PMC holds the article, PubMed has no record of it (some old
		// PMC scans): PubMed cannot be asked by it, the DOI may serve.
		return "", fmt.Errorf("pubmed: %s is in PMC but not in PubMed (DOI %q): %w", pmcid, ids.DOI, registry.ErrNotSupported)
	}
	return ids.PMID, nil
}

// converted is what the converter says of one id.
type converted struct {
	PMID, PMCID, DOI string
}

// idString reads a JSON string or number as a string: the converter has
// written ids both ways.
type idString string

func (s *idString) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch v := v.(type) {
	case string:
		*s = idString(v)
	case float64:
		*s = idString(fmt.Sprintf("%.0f", v))
	case nil:
		*s = ""
	default:
		return fmt.Errorf("id is %T, not a string or number", v)
	}
	return nil
}

type idconvAnswer struct {
	Status  string `json:"status"`
	Message string `json:"message"`
	Records []struct {
		PMID   idString `json:"pmid"`
		PMCID  idString `json:"pmcid"`
		DOI    idString `json:"doi"`
		Status string   `json:"status"`
		ErrMsg string   `json:"errmsg"`
	} `json:"records"`
}

// parseIDConv reads the converter's JSON answer for one id. A record with
// an error ("invalid article id", "Identifier not found in PMC") is
// registry.ErrNotFound: the converter is the authority on PMC's ids. A
// whole answer in error, or anything that is not its JSON, is
// *registry.Unavailable.
func parseIDConv(body []byte) (converted, error) {
	var a idconvAnswer
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(&a); err != nil {
		return converted{}, unavailable("ID converter answer is not its JSON", err)
	}
	if a.Status != "ok" {
		msg := strings.Join(strings.Fields(a.Message), " ")
		if msg == "" {
			msg = "status " + fmt.Sprintf("%q", a.Status)
		}
		return converted{}, unavailable("ID converter: "+clip(msg), nil)
	}
	if len(a.Records) == 0 {
		return converted{}, unavailable("ID converter answered no record", nil)
	}
	rec := a.Records[0]
	if rec.Status == "error" || rec.ErrMsg != "" {
		msg := strings.Join(strings.Fields(rec.ErrMsg), " ")
		return converted{}, fmt.Errorf("pubmed: ID converter: %s: %w", clip(msg), registry.ErrNotFound)
	}
	out := converted{PMID: corpus.NormalizePMID(string(rec.PMID)), PMCID: corpus.NormalizePMCID(string(rec.PMCID)),
		DOI: corpus.NormalizeDOI(string(rec.DOI))}
	if out.PMID == "" && out.PMCID == "" && out.DOI == "" {
		return converted{}, unavailable("ID converter answered a record with no id", nil)
	}
	return out, nil
}

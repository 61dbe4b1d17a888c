package doiorg

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/evident-tools/evident/corpus/csljson"
	"github.com/evident-tools/evident/registry"
)

// ParseCSL reads the CSL-JSON item an agency answered with (one object, or
// an array whose first item is the work) into a record. The item is read
// by corpus/csljson, the library's own CSL-JSON reader, so rich-text
// titles, name particles, organisations and every form of date-parts are
// read one way whether a file is imported or a registry asked; only the
// type and the abstract are taken from the item as written, since the
// reader turns the one into a BibTeX type and flattens the other's
// paragraphs. It fails on anything that is not a CSL item with a title or
// a DOI (an HTML landing page, truncated JSON, an error object).
func ParseCSL(body []byte) (registry.Record, error) {
	res, err := csljson.Read("answer.json", body)
	if err != nil {
		return registry.Record{}, err
	}
	if len(res.Problems) > 0 {
		return registry.Record{}, errors.New(res.Problems[0].Msg)
	}
	if len(res.Refs) == 0 {
		return registry.Record{}, errors.New("no CSL item")
	}
	ref := res.Refs[0]
	get := func(names ...string) string {
		for _, n := range names {
			if v, ok := ref.Get(n); ok && v != "" {
				return v
			}
		}
		return ""
	}
	var item struct {
		Type     json.RawMessage `json:"type"`
		Abstract json.RawMessage `json:"abstract"`
		Page     json.RawMessage `json:"page"`
	}
	_ = json.Unmarshal([]byte(ref.Raw), &item) // ReadText has read it already
	rec := registry.Record{
		Registry:  Service,
		DOI:       ref.IDs.DOI,
		PMID:      ref.IDs.PMID,
		PMCID:     ref.IDs.PMCID,
		Title:     ref.Title,
		Year:      ref.Year,
		Month:     ref.Month,
		Venue:     get("journal", "booktitle", "organization"),
		Volume:    get("volume"),
		Issue:     get("number"),
		Pages:     jsonText(item.Page),
		Type:      registry.CSLType(jsonText(item.Type)),
		Publisher: get("publisher", "institution", "school"),
		URL:       get("url"),
		Abstract:  registry.PlainText(jsonText(item.Abstract)),
	}
	for _, n := range ref.Authors {
		rec.Authors = append(rec.Authors, registry.AuthorOf(n))
	}
	if rec.Title == "" && rec.DOI == "" {
		return registry.Record{}, errors.New("the item has neither title nor DOI")
	}
	return rec, nil
}

// jsonText returns a JSON string's text, a number as written (pages
// often are one), or "" for anything else.
func jsonText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

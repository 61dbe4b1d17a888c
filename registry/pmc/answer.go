package pmc

import (
	"errors"
	"fmt"
	"strings"

	"github.com/evident-tools/evident/corpus/xmltree"
	"github.com/evident-tools/evident/registry"
)

// parseAnswer reads efetch's answer for one PMCID: a pmc-articleset
// holding the article (or, for an id PMC does not hold, an error
// element), or an eFetchResult error. XML cut short, HTML or anything
// else is *registry.Unavailable.
func parseAnswer(pmcid string, body []byte) (registry.Record, error) {
	if !looksLikeXML(body) {
		return registry.Record{}, unavailable("answer is not XML", nil)
	}
	root, err := xmltree.Parse(body)
	if errors.Is(err, xmltree.ErrCut) {
		return registry.Record{}, unavailable("efetch answer cut short or malformed", err)
	}
	art := root.Child("article")
	if set := root.Child("pmc-articleset"); set != nil {
		art = set.Child("article")
		if art == nil {
			return registry.Record{}, noArticle(pmcid, set.Child("error").Plain())
		}
	}
	if res := root.Child("eFetchResult"); res != nil {
		return registry.Record{}, noArticle(pmcid, res.Child("ERROR").Plain())
	}
	if art == nil {
		return registry.Record{}, unavailable("answer is not PMC's JATS (no <article>)", nil)
	}
	a := ReadArticle(art)
	rec := registry.Record{Registry: "pmc", Title: a.Title, Abstract: a.Abstract, FullText: a.FullText,
		DOI: a.DOI, PMID: a.PMID, PMCID: a.PMCID, Venue: a.Journal, Year: a.Year}
	if rec.PMCID == "" {
		rec.PMCID = pmcid
	}
	return rec, nil
}

// noArticle reads an answer with no article: an id efetch cannot find
// ("ID list is empty", "not available", "invalid") is
// registry.ErrNotFound; any other error, or none, is unavailable.
func noArticle(pmcid, msg string) error {
	m := strings.ToLower(msg)
	for _, s := range []string{"id list is empty", "empty result", "not available", "not found", "invalid", "cannot be found"} {
		if strings.Contains(m, s) {
			return fmt.Errorf("pmc: %s: %s: %w", pmcid, clip(msg), registry.ErrNotFound)
		}
	}
	if msg == "" {
		msg = "an answer with no article"
	}
	return unavailable("efetch: "+clip(msg), nil)
}

// looksLikeXML reports whether body starts, after white space and a byte
// order mark, with markup that is not an HTML page.
func looksLikeXML(body []byte) bool {
	s := strings.TrimLeft(strings.TrimPrefix(string(body[:min(len(body), 512)]), "\ufeff"), " \t\r\n")
	if !strings.HasPrefix(s, "<") {
		return false
	}
	l := strings.ToLower(s)
	return !strings.HasPrefix(l, "<!doctype html") && !strings.HasPrefix(l, "<html")
}

func clip(s string) string {
	if r := []rune(s); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return s
}

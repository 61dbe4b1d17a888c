package crossref

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// envelope is every answer of the REST API: {"status": "ok",
// "message-type": "work", "message": {...}}. It is decoded in one pass
// with its message.
type envelope[T any] struct {
	Status      text `json:"status"`
	MessageType text `json:"message-type"`
	Message     *T   `json:"message"`
}

// workList is the message of a search.
type workList struct {
	Items many[work] `json:"items"`
}

// work is the part of a Crossref work this package reads (the fields are
// documented at api.crossref.org/swagger-ui).
type work struct {
	DOI                 text         `json:"DOI"`
	Title               many[text]   `json:"title"`
	Subtitle            many[text]   `json:"subtitle"`
	Author              many[person] `json:"author"`
	Editor              many[person] `json:"editor"`
	Issued              date         `json:"issued"`
	Published           date         `json:"published"`
	PublishedPrint      date         `json:"published-print"`
	PublishedOnline     date         `json:"published-online"`
	Posted              date         `json:"posted"`
	ContainerTitle      many[text]   `json:"container-title"`
	ShortContainerTitle many[text]   `json:"short-container-title"`
	Institution         many[named]  `json:"institution"`
	Volume              text         `json:"volume"`
	Issue               text         `json:"issue"`
	Page                text         `json:"page"`
	ArticleNumber       text         `json:"article-number"`
	Type                text         `json:"type"`
	Publisher           text         `json:"publisher"`
	URL                 text         `json:"URL"`
	Abstract            text         `json:"abstract"`
	UpdatedBy           many[update] `json:"updated-by"`
	UpdateTo            many[update] `json:"update-to"`
	Relation            relations    `json:"relation"`
	Score               number       `json:"score"`
}

type person struct {
	Given    text `json:"given"`
	Family   text `json:"family"`
	Name     text `json:"name"` // an organisation
	Sequence text `json:"sequence"`
}

type named struct {
	Name text `json:"name"`
}

type update struct {
	DOI     text `json:"DOI"`
	Type    text `json:"type"`
	Label   text `json:"label"`
	Source  text `json:"source"`
	Updated date `json:"updated"`
}

// relations are a work's relation types ("is-preprint-of") with the
// works each points to; Crossref writes a list, older deposits a single
// object.
type relations map[string]many[related]

func (m *relations) UnmarshalJSON(b []byte) error {
	var raw map[string]many[related]
	if json.Unmarshal(b, &raw) == nil {
		*m = raw
	}
	return nil
}

type related struct {
	IDType text `json:"id-type"`
	ID     text `json:"id"`
}

// errNotWork says the JSON parsed but held no work.
var errNotWork = errors.New("no Crossref work in the answer")

// parseWork reads the answer to /works/{doi}.
func parseWork(body []byte) (registry.Record, error) {
	w, err := open[work](body, "work")
	if err != nil {
		return registry.Record{}, err
	}
	rec := w.record()
	if rec.DOI == "" {
		return registry.Record{}, errNotWork
	}
	return rec, nil
}

// parseList reads the answer to a /works search: the works in Crossref's
// order with their scores. Items without a DOI are dropped.
func parseList(body []byte) ([]registry.Record, error) {
	l, err := open[workList](body, "work-list")
	if err != nil {
		return nil, err
	}
	var out []registry.Record
	for _, w := range l.Items {
		rec := w.record()
		if rec.DOI == "" {
			continue
		}
		if s := float64(w.Score); !math.IsNaN(s) && !math.IsInf(s, 0) {
			rec.Score = s
		}
		out = append(out, rec)
	}
	return out, nil
}

// open reads an answer and checks that it holds a message of the type
// wanted. The message's own fields are read leniently (see json.go), so an
// error here means the answer is not JSON or not a Crossref message.
func open[T any](body []byte, messageType string) (*T, error) {
	var env envelope[T]
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, fmt.Errorf("not a Crossref message: %w", err)
	}
	if env.Status != "" && env.Status != "ok" {
		return nil, fmt.Errorf("status %q", string(env.Status))
	}
	if string(env.MessageType) != messageType {
		return nil, fmt.Errorf("message-type %q, want %q", string(env.MessageType), messageType)
	}
	if env.Message == nil {
		return nil, errNotWork
	}
	return env.Message, nil
}

// record turns a work into the record every registry returns.
func (w *work) record() registry.Record {
	rec := registry.Record{
		Registry:   service,
		DOI:        corpus.NormalizeDOI(string(w.DOI)),
		Title:      w.title(),
		Authors:    authors(w.Author),
		Venue:      registry.InlineText(first(w.ContainerTitle)),
		VenueShort: registry.InlineText(first(w.ShortContainerTitle)),
		Volume:     oneLine(string(w.Volume)),
		Issue:      oneLine(string(w.Issue)),
		Pages:      oneLine(string(w.Page)),
		Type:       registry.CSLType(string(w.Type)),
		Publisher:  registry.InlineText(string(w.Publisher)),
		URL:        strings.TrimSpace(string(w.URL)),
		Abstract:   registry.PlainText(string(w.Abstract)),
		Updates:    updates(w.UpdatedBy, false),
		UpdateTo:   updates(w.UpdateTo, true),
	}
	if len(rec.Authors) == 0 {
		// An edited book is cited by its editors.
		rec.Authors = authors(w.Editor)
	}
	if rec.Pages == "" {
		// Journals without pages number their articles; references give
		// that number where the pages would be.
		rec.Pages = oneLine(string(w.ArticleNumber))
	}
	if rec.Venue == "" {
		for _, in := range w.Institution {
			// A preprint's server ("bioRxiv") stands where a journal would.
			if rec.Venue = registry.InlineText(string(in.Name)); rec.Venue != "" {
				break
			}
		}
	}
	if t := strings.TrimSpace(string(w.Type)); t != "" {
		rec.PubTypes = []string{t}
	}
	// issued is Crossref's own choice of the earliest of the publication
	// dates; the others stand in when a deposit left it empty.
	for _, d := range []date{w.Issued, w.Published, w.PublishedPrint, w.PublishedOnline, w.Posted} {
		if d.year != 0 {
			rec.Year, rec.Month = d.year, d.month
			break
		}
	}
	w.readRelations(&rec)
	return rec
}

// title is the title with its subtitle, "Title: Subtitle", as references
// write it; a title that already ends with the subtitle is kept as is.
func (w *work) title() string {
	t := registry.InlineText(first(w.Title))
	sub := registry.InlineText(first(w.Subtitle))
	if sub == "" || strings.HasSuffix(strings.ToLower(t), strings.ToLower(sub)) {
		return t
	}
	if t == "" {
		return sub
	}
	if strings.HasSuffix(t, ":") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") {
		return t + " " + sub
	}
	return t + ": " + sub
}

// authors reads author (or editor) entries in Crossref's order, except that
// an entry marked sequence "first" that is not first is moved to the front.
func authors(ps many[person]) []registry.Author {
	var out []registry.Author
	firstAt := -1
	for _, p := range ps {
		a := registry.Author{Family: registry.InlineText(string(p.Family)), Given: registry.InlineText(string(p.Given))}
		switch {
		case a.Family == "" && a.Given == "":
			a.Literal = registry.InlineText(string(p.Name))
		case a.Family == "":
			// A single name deposited as given ("Plato"): it is the name
			// a reference writes, so it is compared as a family name.
			a.Family, a.Given = a.Given, ""
		}
		if a == (registry.Author{}) {
			continue
		}
		if firstAt < 0 && strings.EqualFold(strings.TrimSpace(string(p.Sequence)), "first") {
			firstAt = len(out)
		}
		out = append(out, a)
	}
	if firstAt > 0 {
		a := out[firstAt]
		out = slices.Delete(out, firstAt, firstAt+1)
		out = slices.Insert(out, 0, a)
	}
	return out
}

// updates reads updated-by (notices about this work) or update-to (the
// works this notice updates). Exact repeats are dropped; the same notice
// from the publisher and from Retraction Watch is kept twice, once per
// source.
func updates(us many[update], to bool) []registry.Update {
	var out []registry.Update
	for _, u := range us {
		typ := updateType(string(u.Type))
		if typ == "" {
			typ = updateType(string(u.Label))
		}
		if typ == "" {
			continue
		}
		src := slug(string(u.Source))
		if src == "" {
			// Before Crossref added Retraction Watch's notices (2024),
			// every update was the publisher's deposit and had no source.
			src = "publisher"
		}
		n := registry.Update{Type: typ, DOI: corpus.NormalizeDOI(string(u.DOI)), Date: u.Updated.String(), Source: src}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// The relation types that point to the same work in another database, so
// that their PubMed identifiers are this work's.
var sameWork = map[string]bool{"is-identical-to": true, "is-manifestation-of": true, "has-manifestation": true}

// readRelations reads the preprint links and the PubMed identifiers a deposit
// rarely carries.
func (w *work) readRelations(rec *registry.Record) {
	// Map order is random; the relation types are read in a fixed order
	// so that the same answer always gives the same record.
	names := make([]string, 0, len(w.Relation))
	for name := range w.Relation {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		for _, r := range w.Relation[name] {
			kind := strings.ToLower(strings.TrimSpace(string(r.IDType)))
			id := string(r.ID)
			switch {
			case name == "is-preprint-of" && kind == "doi" && rec.PublishedAs == "":
				rec.PublishedAs = corpus.NormalizeDOI(id)
			case name == "has-preprint" && kind == "doi":
				if d := corpus.NormalizeDOI(id); d != "" && !slices.Contains(rec.Preprints, d) {
					rec.Preprints = append(rec.Preprints, d)
				}
			case sameWork[name] && kind == "pmid" && rec.PMID == "":
				rec.PMID = corpus.NormalizePMID(id)
			case sameWork[name] && kind == "pmcid" && rec.PMCID == "":
				rec.PMCID = corpus.NormalizePMCID(id)
			}
		}
	}
}

// oneLine trims a short field and folds its runs of spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

package openalex

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/registry"
)

// work holds the members of an OpenAlex work that a record is made of.
type work struct {
	ID              string `json:"id"`
	DOI             string `json:"doi"`
	Title           string `json:"title"`
	DisplayName     string `json:"display_name"`
	PublicationYear int    `json:"publication_year"`
	PublicationDate string `json:"publication_date"`
	IDs             struct {
		DOI   string `json:"doi"`
		PMID  string `json:"pmid"`
		PMCID string `json:"pmcid"`
	} `json:"ids"`
	PrimaryLocation *struct {
		LandingPageURL string `json:"landing_page_url"`
		Source         *struct {
			DisplayName          string `json:"display_name"`
			Type                 string `json:"type"`
			HostOrganizationName string `json:"host_organization_name"`
		} `json:"source"`
	} `json:"primary_location"`
	Type        string `json:"type"`
	Authorships []struct {
		Author struct {
			DisplayName string `json:"display_name"`
		} `json:"author"`
		RawAuthorName string `json:"raw_author_name"`
	} `json:"authorships"`
	Biblio struct {
		Volume    string `json:"volume"`
		Issue     string `json:"issue"`
		FirstPage string `json:"first_page"`
		LastPage  string `json:"last_page"`
	} `json:"biblio"`
	IsRetracted           bool             `json:"is_retracted"`
	AbstractInvertedIndex map[string][]int `json:"abstract_inverted_index"`
}

// ParseWork reads one work as /works/{id} answers it. It fails on
// anything that is not a JSON work with a title or a DOI: an HTML page,
// truncated JSON, an error object.
func ParseWork(body []byte) (registry.Record, error) {
	var w work
	if err := json.Unmarshal(body, &w); err != nil {
		return registry.Record{}, err
	}
	rec := w.record()
	if rec.Title == "" && rec.DOI == "" {
		return registry.Record{}, errors.New("no work: neither title nor DOI")
	}
	return rec, nil
}

// ParseWorks reads a list of works as /works?search= answers it, in its
// order. A result that is no work (no title or DOI, or members of the
// wrong kind) is skipped; a list that is no list is an error.
func ParseWorks(body []byte) ([]registry.Record, error) {
	var list struct {
		Results *[]json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(body, &list); err != nil {
		return nil, err
	}
	if list.Results == nil {
		return nil, errors.New("no results member")
	}
	var out []registry.Record
	for _, raw := range *list.Results {
		if rec, err := ParseWork(raw); err == nil {
			out = append(out, rec)
		}
	}
	return out, nil
}

func (w *work) record() registry.Record {
	title := w.Title
	if title == "" {
		title = w.DisplayName
	}
	rec := registry.Record{
		Registry: Service,
		DOI:      corpus.NormalizeDOI(firstOf(w.DOI, w.IDs.DOI)),
		PMID:     corpus.NormalizePMID(w.IDs.PMID),
		PMCID:    pmcid(w.IDs.PMCID),
		Title:    registry.InlineText(title),
		Year:     w.PublicationYear,
		Volume:   strings.TrimSpace(w.Biblio.Volume),
		Issue:    strings.TrimSpace(w.Biblio.Issue),
		Pages:    pages(w.Biblio.FirstPage, w.Biblio.LastPage),
	}
	if y, m, _ := corpus.ParseDate(w.PublicationDate); y == rec.Year || rec.Year == 0 {
		rec.Year, rec.Month = y, m
	}
	var sourceType string
	if loc := w.PrimaryLocation; loc != nil {
		rec.URL = strings.TrimSpace(loc.LandingPageURL)
		if src := loc.Source; src != nil {
			rec.Venue = oneLine(src.DisplayName)
			rec.Publisher = oneLine(src.HostOrganizationName)
			sourceType = src.Type
		}
	}
	if rec.URL == "" {
		rec.URL = strings.TrimSpace(w.ID)
	}
	rec.Type = cslType(w.Type, sourceType)
	if t := strings.TrimSpace(w.Type); t != "" {
		rec.PubTypes = []string{t}
	}
	for _, a := range w.Authorships {
		name := firstOf(a.Author.DisplayName, a.RawAuthorName)
		if au, ok := author(name); ok {
			rec.Authors = append(rec.Authors, au)
		}
	}
	if w.IsRetracted {
		// OpenAlex flags a retraction without pointing at the notice.
		rec.Retracted = true
		rec.Updates = append(rec.Updates, registry.Update{Type: registry.Retraction, Source: Service})
	}
	rec.Abstract = Abstract(w.AbstractInvertedIndex)
	return rec
}

// author splits a display name ("C. Frank Bennett", "Ludwig van
// Beethoven", "Smith, John") into family and given names as BibTeX reads
// a name written in full, which knows particles and the comma form. A name
// holding the word "and" is an organisation ("Department of Health and
// Social Care") and stays whole as Literal, since a person's name never
// holds it and BibTeX would split the name there.
func author(name string) (registry.Author, bool) {
	name = oneLine(name)
	if name == "" {
		return registry.Author{}, false
	}
	for _, w := range strings.Fields(name) {
		if strings.EqualFold(w, "and") {
			return registry.Author{Literal: name}, true
		}
	}
	names, _ := bibtex.ParseNames(bibtex.Escape(name))
	if len(names) != 1 {
		return registry.Author{Literal: name}, true
	}
	return registry.AuthorOf(names[0]), true
}

// pmcid reads OpenAlex's PMC link, whose last segment is the bare number
// (".../pmc/articles/4234579") or the PMC id.
func pmcid(link string) string {
	link = strings.TrimRight(strings.TrimSpace(link), "/")
	if link == "" {
		return ""
	}
	return corpus.NormalizePMCID(link[strings.LastIndexByte(link, '/')+1:])
}

// pages writes a page range from its first and last pages.
func pages(first, last string) string {
	first, last = strings.TrimSpace(first), strings.TrimSpace(last)
	switch {
	case first == "":
		return last
	case last == "" || last == first:
		return first
	}
	return fmt.Sprintf("%s-%s", first, last)
}

// openAlexTypes maps the work types of OpenAlex's own vocabulary to the
// CSL types records use. OpenAlex's "article" is a journal article (CSL's
// "article" is a preprint), and reviews, letters and editorials are
// journal articles too; the type as OpenAlex wrote it stays in PubTypes.
// The types OpenAlex took from Crossref (book-chapter, dissertation,
// peer-review, other...) are read as Crossref's, by registry.CSLType.
var openAlexTypes = map[string]string{
	"article":                 "article-journal",
	"review":                  "article-journal",
	"letter":                  "article-journal",
	"editorial":               "article-journal",
	"erratum":                 "article-journal",
	"retraction":              "article-journal",
	"preprint":                "posted-content",
	"libguides":               "webpage",
	"paratext":                "document",
	"supplementary-materials": "document",
}

// cslType returns the CSL type of an OpenAlex work, from its type and the
// type of the source it appeared in: an article in a conference's
// proceedings is a paper-conference, one in a repository a preprint. A
// type neither OpenAlex's own nor Crossref's is kept as written, as
// Crossref's client keeps one.
func cslType(typ, sourceType string) string {
	typ = strings.TrimSpace(typ)
	t, ok := openAlexTypes[typ]
	if !ok {
		return registry.CSLType(typ)
	}
	if typ == "article" {
		switch sourceType {
		case "conference":
			return "paper-conference"
		case "repository":
			return "posted-content"
		}
	}
	return t
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// oneLine collapses white space, line breaks included, to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

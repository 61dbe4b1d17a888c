// Package csl maps library references to CSL items: the data model of the
// Citation Style Language that pandoc, Zotero and citeproc processors read
// as CSL-JSON. The reference-list styles format items, and the CSL-JSON
// writer serialises them, so both see a BibTeX entry the same way.
package csl

import (
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// Item is one work in the CSL data model. Field names and JSON tags follow
// the CSL-JSON schema (csl-data.json). Title-like variables hold CSL rich
// text: plain text with <i>, <b>, <sup>, <sub>,
// <span style="font-variant:small-caps;"> and <span class="nocase"> markup
// (see Rich).
type Item struct {
	ID          string `json:"id"`
	Type        string `json:"type"`
	CitationKey string `json:"citation-key,omitempty"`

	Author           []Name `json:"author,omitempty"`
	Editor           []Name `json:"editor,omitempty"`
	Translator       []Name `json:"translator,omitempty"`
	ContainerAuthor  []Name `json:"container-author,omitempty"`
	CollectionEditor []Name `json:"collection-editor,omitempty"`

	Title               string `json:"title,omitempty"`
	TitleShort          string `json:"title-short,omitempty"`
	ContainerTitle      string `json:"container-title,omitempty"`
	ContainerTitleShort string `json:"container-title-short,omitempty"`
	CollectionTitle     string `json:"collection-title,omitempty"`
	CollectionNumber    string `json:"collection-number,omitempty"`
	EventTitle          string `json:"event-title,omitempty"`
	EventPlace          string `json:"event-place,omitempty"`

	Issued       *Date `json:"issued,omitempty"`
	Accessed     *Date `json:"accessed,omitempty"`
	OriginalDate *Date `json:"original-date,omitempty"`

	Volume          string `json:"volume,omitempty"`
	NumberOfVolumes string `json:"number-of-volumes,omitempty"`
	Issue           string `json:"issue,omitempty"`
	Number          string `json:"number,omitempty"`
	Page            string `json:"page,omitempty"`
	NumberOfPages   string `json:"number-of-pages,omitempty"`
	ChapterNumber   string `json:"chapter-number,omitempty"`
	Edition         string `json:"edition,omitempty"`
	Version         string `json:"version,omitempty"`
	Genre           string `json:"genre,omitempty"`
	Medium          string `json:"medium,omitempty"`
	Status          string `json:"status,omitempty"`

	Publisher      string `json:"publisher,omitempty"`
	PublisherPlace string `json:"publisher-place,omitempty"`
	Archive        string `json:"archive,omitempty"`

	DOI   string `json:"DOI,omitempty"`
	URL   string `json:"URL,omitempty"`
	ISBN  string `json:"ISBN,omitempty"`
	ISSN  string `json:"ISSN,omitempty"`
	PMID  string `json:"PMID,omitempty"`
	PMCID string `json:"PMCID,omitempty"`

	Language string `json:"language,omitempty"`
	Abstract string `json:"abstract,omitempty"`
	Note     string `json:"note,omitempty"`
	Keyword  string `json:"keyword,omitempty"`
}

// Name is a CSL name: a person split into family and given parts with their
// particles, or an organisation as a literal.
type Name struct {
	Family              string `json:"family,omitempty"`
	Given               string `json:"given,omitempty"`
	DroppingParticle    string `json:"dropping-particle,omitempty"`
	NonDroppingParticle string `json:"non-dropping-particle,omitempty"`
	Suffix              string `json:"suffix,omitempty"`
	Literal             string `json:"literal,omitempty"`
}

// Date is a CSL date: up to two [year, month, day] parts (a range), or a
// literal when the source date cannot be read.
type Date struct {
	DateParts [][]int `json:"date-parts,omitempty"`
	Literal   string  `json:"literal,omitempty"`
}

// Year returns the date's (first) year, or 0.
func (d *Date) Year() int {
	if d == nil || len(d.DateParts) == 0 || len(d.DateParts[0]) == 0 {
		return 0
	}
	return d.DateParts[0][0]
}

// itemTypes maps BibTeX and biblatex entry types to CSL item types.
var itemTypes = map[string]string{
	"article":        "article-journal",
	"book":           "book",
	"mvbook":         "book",
	"booklet":        "pamphlet",
	"bookinbook":     "chapter",
	"collection":     "book",
	"mvcollection":   "book",
	"conference":     "paper-conference",
	"dataset":        "dataset",
	"electronic":     "webpage",
	"inbook":         "chapter",
	"incollection":   "chapter",
	"inproceedings":  "paper-conference",
	"inreference":    "entry-encyclopedia",
	"manual":         "book",
	"mastersthesis":  "thesis",
	"misc":           "document",
	"online":         "webpage",
	"patent":         "patent",
	"periodical":     "periodical",
	"phdthesis":      "thesis",
	"preprint":       "article",
	"proceedings":    "book",
	"mvproceedings":  "book",
	"reference":      "book",
	"mvreference":    "book",
	"report":         "report",
	"software":       "software",
	"standard":       "standard",
	"suppbook":       "chapter",
	"suppcollection": "chapter",
	"suppperiodical": "article-journal",
	"techreport":     "report",
	"thesis":         "thesis",
	"unpublished":    "manuscript",
	"webpage":        "webpage",
	"www":            "webpage",
}

// FromReference maps a library reference to a CSL item. Nothing is invented:
// a variable is set only when the entry has the field it comes from.
func FromReference(r *corpus.Reference) Item {
	it := Item{ID: r.Key, CitationKey: r.Key, Type: itemTypes[r.Type]}
	if it.Type == "" {
		it.Type = "document"
	}
	get := func(names ...string) string {
		for _, n := range names {
			if v, ok := r.Get(n); ok && strings.TrimSpace(v) != "" {
				return strings.TrimSpace(v)
			}
		}
		return ""
	}
	rich := func(names ...string) string {
		for _, n := range names {
			if f := r.Field(n); f != nil && strings.TrimSpace(f.Value) != "" {
				return Rich(f.Raw)
			}
		}
		return ""
	}
	names := func(field string) []Name {
		f := r.Field(field)
		if f == nil {
			return nil
		}
		// Names are split from the source, where braces still mark a
		// corporate name ({PDP Research Group}) as one literal.
		ns, etAl := bibtex.ParseNames(unbrace(f.Raw))
		if field == "author" && len(r.Authors) > 0 {
			ns, etAl = r.Authors, r.AuthorsEtAl
		}
		out := make([]Name, 0, len(ns)+1)
		for _, n := range ns {
			out = append(out, nameFrom(n))
		}
		if etAl {
			out = append(out, Name{Literal: "others"})
		}
		return out
	}

	it.Author = names("author")
	it.Editor = names("editor")
	it.Translator = names("translator")
	it.ContainerAuthor = names("bookauthor")

	it.Title = rich("title")
	it.TitleShort = rich("shorttitle")
	switch it.Type {
	case "article-journal", "article-magazine", "article-newspaper", "periodical":
		it.ContainerTitle = rich("journaltitle", "journal")
		it.ContainerTitleShort = get("shortjournal")
		it.Issue = get("number", "issue")
		if it.Type == "article-journal" {
			switch strings.ToLower(get("entrysubtype")) {
			case "magazine":
				it.Type = "article-magazine"
			case "newspaper":
				it.Type = "article-newspaper"
			}
		}
	case "chapter", "paper-conference", "entry-encyclopedia":
		it.ContainerTitle = rich("booktitle", "maintitle")
		// A paper's or chapter's number is its number in the series, as
		// biblatex and pandoc read it.
		it.CollectionNumber = get("number")
	case "book":
		it.CollectionNumber = get("number")
	default:
		it.Number = get("number")
	}
	if it.Type == "periodical" {
		it.ContainerTitle, it.Title = "", rich("title", "journaltitle", "journal")
	}
	it.CollectionTitle = rich("series")
	it.EventTitle = rich("eventtitle")
	it.EventPlace = get("venue")

	it.Issued = dateFrom(r, "date", "year", "month")
	it.Accessed = dateFrom(r, "urldate", "", "")
	it.OriginalDate = dateFrom(r, "origdate", "", "")

	it.Volume = get("volume")
	it.NumberOfVolumes = get("volumes")
	it.Page = get("pages")
	it.NumberOfPages = get("pagetotal")
	it.ChapterNumber = get("chapter")
	it.Edition = get("edition")
	it.Version = get("version")
	it.Genre = get("type")
	it.Status = get("pubstate")
	it.Language = get("langid", "language")
	it.Abstract = get("abstract")
	it.Note = get("note", "addendum")
	it.Keyword = get("keywords")

	switch it.Type {
	case "thesis":
		it.Publisher = get("school", "institution", "publisher")
		if it.Genre == "" {
			switch r.Type {
			case "phdthesis":
				it.Genre = "PhD thesis"
			case "mastersthesis":
				it.Genre = "Master's thesis"
			}
		}
	case "report":
		it.Publisher = get("institution", "organization", "publisher")
	default:
		// A web page's organization is its publisher, as pandoc reads it;
		// styles that name the site print the publisher.
		it.Publisher = get("publisher", "organization", "institution", "howpublished")
	}
	it.PublisherPlace = get("location", "address")

	ids := r.IDs
	if ids == (corpus.Identifiers{}) {
		ids = corpus.ExtractIdentifiers(r.Get)
	}
	it.DOI = doiAsWritten(get("doi"), ids.DOI)
	it.URL = get("url")
	if it.URL == "" && ids.ArXiv == "" {
		it.URL = ids.URL
	}
	it.ISBN = get("isbn")
	it.ISSN = get("issn")
	it.PMID = ids.PMID
	it.PMCID = ids.PMCID
	if ids.ArXiv != "" && it.Type == "document" || ids.ArXiv != "" && it.Type == "article-journal" && it.ContainerTitle == "" {
		it.Type = "article"
		it.Number = "arXiv:" + ids.ArXiv
		if it.Publisher == "" {
			it.Publisher = "arXiv"
		}
		if it.URL == "" {
			it.URL = "https://arxiv.org/abs/" + ids.ArXiv
		}
	}
	return it
}

func nameFrom(n corpus.Name) Name {
	if n.Literal != "" {
		return Name{Literal: n.Literal}
	}
	if n.Last == "" && n.Von == "" {
		return Name{Literal: strings.TrimSpace(n.First)}
	}
	// The BibTeX "von" part is a dropping particle, as pandoc and biblatex
	// read it: "van der Berg, Jan" sorts under B and inverts as
	// "Berg, Jan van der".
	return Name{Family: n.Last, Given: n.First, DroppingParticle: n.Von, Suffix: n.Jr}
}

// dateFrom reads a biblatex date field, else a year and month pair. It
// returns nil when the entry has neither, and a literal date when the year
// field holds something other than a year ("in press", "forthcoming").
func dateFrom(r *corpus.Reference, dateField, yearField, monthField string) *Date {
	if v, ok := r.Get(dateField); ok && strings.TrimSpace(v) != "" {
		return parseRange(v)
	}
	if yearField == "" {
		return nil
	}
	yv, ok := r.Get(yearField)
	if !ok || strings.TrimSpace(yv) == "" {
		return nil
	}
	y := corpus.ParseYear(yv)
	if y == 0 {
		return &Date{Literal: strings.TrimSpace(yv)}
	}
	parts := []int{y}
	if mv, ok := r.Get(monthField); ok {
		if m := corpus.ParseMonth(mv); m > 0 {
			parts = append(parts, m)
		}
	}
	return &Date{DateParts: [][]int{parts}}
}

func parseRange(v string) *Date {
	v = strings.TrimSpace(v)
	var d Date
	for i, part := range strings.SplitN(v, "/", 2) {
		y, m, day := corpus.ParseDate(part)
		if y == 0 {
			if i == 0 {
				return &Date{Literal: v}
			}
			continue
		}
		p := []int{y}
		if m > 0 {
			p = append(p, m)
			if day > 0 {
				p = append(p, day)
			}
		}
		d.DateParts = append(d.DateParts, p)
	}
	return &d
}

// String formats a date's first part as ISO 8601 (2019, 2019-03, 2019-03-07)
// or gives its literal.
func (d *Date) String() string {
	if d == nil {
		return ""
	}
	if len(d.DateParts) == 0 {
		return d.Literal
	}
	var b strings.Builder
	for i, n := range d.DateParts[0] {
		if i > 0 {
			b.WriteByte('-')
			if n < 10 {
				b.WriteByte('0')
			}
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String()
}

// unbrace strips the outer braces or quotes of a field's source.
func unbrace(raw string) string {
	s := strings.TrimSpace(raw)
	if len(s) >= 2 && (s[0] == '{' && matchBrace(s, 0) == len(s)-1 || s[0] == '"' && s[len(s)-1] == '"') {
		s = s[1 : len(s)-1]
	}
	return strings.TrimSpace(s)
}

// doiAsWritten gives the DOI in the letter case the entry wrote it (DOIs
// are case-insensitive, but readers expect to see what the publisher
// printed), without a resolver prefix; the normalised DOI when the field
// says something else.
func doiAsWritten(field, normalized string) string {
	d := strings.TrimSpace(field)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"} {
		if len(d) >= len(p) && strings.EqualFold(d[:len(p)], p) {
			d = strings.TrimSpace(d[len(p):])
		}
	}
	if normalized != "" && strings.EqualFold(d, normalized) {
		return d
	}
	return normalized
}

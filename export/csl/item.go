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
	// biblatex's non-standard types that styles such as biblatex-apa use.
	"artwork":      "graphic",
	"image":        "graphic",
	"audio":        "song",
	"music":        "song",
	"movie":        "motion_picture",
	"video":        "motion_picture",
	"letter":       "personal_communication",
	"jurisdiction": "legal_case",
	"legislation":  "legislation",
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
		var ns []corpus.Name
		var etAl bool
		if field == "author" && len(r.Authors) > 0 {
			// read at import: not parsed again
			ns, etAl = r.Authors, r.AuthorsEtAl
		} else {
			ns, etAl = bibtex.ParseNames(nameSource(f))
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

	// biblatex keeps a subtitle apart; CSL has one title, as pandoc joins it.
	withSub := func(title, sub string) string {
		if title != "" && sub != "" {
			return title + ": " + sub
		}
		return title
	}
	it.Title = withSub(rich("title"), rich("subtitle"))
	it.TitleShort = rich("shorttitle")
	switch it.Type {
	case "article-journal", "article-magazine", "article-newspaper", "periodical":
		it.ContainerTitle = withSub(rich("journaltitle", "journal"), rich("journalsubtitle"))
		it.ContainerTitleShort = get("shortjournal")
		// biblatex's issue is a name ("Spring", "Special issue") beside
		// the number; CSL has one issue variable for both.
		it.Issue = get("number")
		if is := get("issue"); is != "" && it.Issue != "" {
			it.Issue += ", " + is
		} else if is != "" {
			it.Issue = is
		}
		if it.Type == "article-journal" {
			switch strings.ToLower(get("entrysubtype")) {
			case "magazine":
				it.Type = "article-magazine"
			case "newspaper":
				it.Type = "article-newspaper"
			}
		}
	case "chapter", "paper-conference", "entry-encyclopedia":
		it.ContainerTitle = withSub(rich("booktitle", "maintitle"), rich("booksubtitle"))
	}
	if it.Type == "periodical" {
		it.ContainerTitle, it.Title = "", withSub(rich("title", "journaltitle", "journal"), rich("subtitle"))
	}
	if it.Issue == "" {
		// In a book or a part of one, the number is the volume's number in
		// its series (BibTeX and biblatex agree); elsewhere it is a report's
		// or a standard's own number.
		if seriesNumbered[r.Type] {
			it.CollectionNumber = get("number")
		} else {
			it.Number = get("number")
		}
	}
	it.CollectionTitle = rich("series")
	if sk, ok := seriesKeys[strings.ToLower(Plain(it.CollectionTitle))]; ok {
		it.CollectionTitle = sk
	}
	it.EventTitle = rich("eventtitle")
	it.EventPlace = get("venue")

	it.Issued = dateFrom(r, "date", "year", "month")
	it.Accessed = dateFrom(r, "urldate", "", "")
	it.OriginalDate = dateFrom(r, "origdate", "", "")

	it.Volume = get("volume")
	it.NumberOfVolumes = get("volumes")
	// CSL page ranges use a hyphen, as pandoc writes them; a style turns
	// it into the dash it wants.
	it.Page = strings.ReplaceAll(get("pages"), "–", "-")
	it.NumberOfPages = get("pagetotal")
	it.ChapterNumber = get("chapter")
	it.Edition = get("edition")
	it.Version = get("version")
	it.Genre = get("type")
	if g, ok := typeKeys[strings.ToLower(it.Genre)]; ok {
		it.Genre = g
	}
	it.Status = get("pubstate")
	if st, ok := pubStates[strings.ToLower(it.Status)]; ok {
		it.Status = st
	}
	it.Language = get("langid", "language")
	if tag, ok := languageTags[strings.ToLower(it.Language)]; ok {
		it.Language = tag
	}
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
				it.Genre = "Master’s thesis"
			}
		}
	case "report":
		it.Publisher = get("institution", "organization", "publisher")
	default:
		// A web page's organization is its publisher, as pandoc reads it;
		// styles that name the site print the publisher.
		it.Publisher = get("publisher", "organization", "institution", "howpublished")
	}
	// address before location: ACM and Zotero exports give both, the
	// publisher's city in address and the conference venue in location.
	it.PublisherPlace = get("address", "location")

	ids := r.IDs
	if ids == (corpus.Identifiers{}) {
		ids = corpus.ExtractIdentifiers(r.Get)
	}
	it.DOI = doiAsWritten(r, ids.DOI)
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

// seriesNumbered are the entry types whose number field numbers the
// volume in its series: CSL's collection-number.
var seriesNumbered = map[string]bool{
	"book": true, "mvbook": true, "collection": true, "mvcollection": true,
	"proceedings": true, "mvproceedings": true, "reference": true, "mvreference": true,
	"bookinbook": true, "inbook": true, "incollection": true, "inproceedings": true,
	"conference": true, "inreference": true, "suppbook": true, "suppcollection": true,
	"manual": true, // a book, as pandoc reads it
}

// typeKeys spells out the keys biblatex accepts in a type field, as its
// English strings do; other values are the writer's own words and stay.
var typeKeys = map[string]string{
	"phdthesis": "PhD thesis", "mathesis": "Master’s thesis", "candthesis": "Candidate thesis",
	"techreport": "technical report", "resreport": "research report", "software": "computer software",
	"datacd": "CD-ROM", "audiocd": "audio CD", "patent": "patent", "patentus": "U.S. patent",
	"patenteu": "European patent", "patentde": "German patent", "patentuk": "British patent",
	"patentfr": "French patent", "patentjp": "Japanese patent", "patreq": "patent request",
	"patrequs": "U.S. patent request", "patreqeu": "European patent request",
	"patreqde": "German patent request", "patreqfr": "French patent request",
	"patrequk": "British patent request",
}

// seriesKeys are biblatex's keys for a journal's series.
var seriesKeys = map[string]string{"newseries": "new series", "oldseries": "old series"}

// pubStates spells out biblatex's pubstate keys, as its English strings do.
var pubStates = map[string]string{
	"inpreparation": "in preparation",
	"submitted":     "submitted",
	"forthcoming":   "forthcoming",
	"inpress":       "in press",
	"prepublished":  "pre-published",
}

// languageTags maps the babel and polyglossia names that langid holds to
// the BCP 47 tags CSL's language variable expects (the tags pandoc gives
// them); a value not listed is kept as written.
var languageTags = map[string]string{
	"english": "en-US", "american": "en-US", "usenglish": "en-US", "british": "en-GB",
	"ukenglish": "en-GB", "canadian": "en-CA", "australian": "en-AU", "newzealand": "en-NZ",
	"german": "de-DE", "ngerman": "de-DE", "austrian": "de-AT", "naustrian": "de-AT",
	"swissgerman": "de-CH", "nswissgerman": "de-CH", "french": "fr-FR", "francais": "fr-FR",
	"spanish": "es-ES", "italian": "it-IT", "portuguese": "pt-PT", "portuges": "pt-PT",
	"brazil": "pt-BR", "brazilian": "pt-BR", "dutch": "nl-NL", "swedish": "sv-SE",
	"danish": "da-DK", "norsk": "nb-NO", "nynorsk": "nn-NO", "finnish": "fi-FI",
	"polish": "pl-PL", "czech": "cs-CZ", "russian": "ru-RU", "ukrainian": "uk-UA",
	"greek": "el-GR", "turkish": "tr-TR", "hungarian": "hu-HU", "catalan": "ca-AD",
	"latin": "la", "japanese": "ja-JP", "chinese": "zh-CN", "korean": "ko-KR",
}

// nameSource gives the LaTeX text of a name list: the source without its
// outer braces, so that a braced corporate name ({World Health
// Organization}) stays one literal name.
func nameSource(f *corpus.Field) string {
	raw := strings.TrimSpace(f.Raw)
	if len(raw) >= 2 && raw[0] == '{' && matchBrace(raw, 0) == len(raw)-1 {
		return raw[1 : len(raw)-1]
	}
	return strings.TrimSpace(f.Value)
}

// doiAsWritten returns the DOI with the letter case of the entry's doi
// field: DOIs compare without case, but readers copy what they see.
func doiAsWritten(r *corpus.Reference, doi string) string {
	v, ok := r.Get("doi")
	if !ok || doi == "" {
		return doi
	}
	lower := strings.ToLower(v)
	if len(lower) != len(v) {
		return doi
	}
	if i := strings.Index(lower, doi); i >= 0 {
		return v[i : i+len(doi)]
	}
	return doi
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

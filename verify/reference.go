package verify

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/registry"
)

// Origin names a registry's record as the provenance of a value: "crossref
// 10.1000/xyz, 2026-12-06".
func Origin(rec registry.Record, id registry.ID, at time.Time) string {
	name := rec.Registry
	if name == "" {
		name = "registry"
	}
	return name + " " + id.Value + ", " + at.UTC().Format("2006-01-02")
}

// bibtexTypes maps a record's CSL type to a BibTeX entry type.
var bibtexTypes = map[string]string{
	"article-journal": "article", "article": "article", "review": "article", "article-magazine": "article",
	"article-newspaper": "article", "book": "book", "monograph": "book", "edited-book": "book",
	"chapter": "incollection", "book-chapter": "incollection", "paper-conference": "inproceedings",
	"proceedings-article": "inproceedings", "report": "techreport", "thesis": "phdthesis",
	"dissertation": "phdthesis", "posted-content": "misc", "dataset": "misc",
}

// Reference turns a registry's record of the work id names into a library
// reference, as an import from a file would give it: BibTeX fields, its
// derived members, Raw as the BibTeX writer writes it, and every field's
// Origin naming the record. Its Source names the registry and the
// identifier. Its key is left empty for the importer to assign (first
// author, year, first title word).
func Reference(rec registry.Record, id registry.ID, at time.Time) *corpus.Reference {
	typ := bibtexTypes[rec.Type]
	if typ == "" {
		typ = "misc"
		if rec.Venue != "" && rec.Volume != "" {
			typ = "article"
		}
	}
	var l bibtex.FieldList
	if names := bibtexNames(rec.Authors); names != "" {
		l.Raw("author", "{"+names+"}", bibtex.Decode(names))
	}
	l.Text("title", rec.Title)
	switch typ {
	case "article":
		l.Text("journal", rec.Venue)
	case "incollection", "inproceedings":
		l.Text("booktitle", rec.Venue)
	case "misc":
		l.Text("howpublished", rec.Venue)
	}
	if rec.Year > 0 {
		y := strconv.Itoa(rec.Year)
		l.Raw("year", y, y)
	}
	if rec.Month >= 1 && rec.Month <= 12 {
		l.Raw("month", monthMacros[rec.Month-1], time.Month(rec.Month).String())
	}
	l.Text("volume", rec.Volume)
	l.Text("number", rec.Issue)
	l.Text("pages", PageRange(rec.Pages))
	l.Text("publisher", rec.Publisher)
	l.Verbatim("doi", corpus.NormalizeDOI(rec.DOI))
	l.Text("pmid", rec.PMID)
	l.Text("pmcid", rec.PMCID)
	l.Verbatim("url", rec.URL)
	l.Text("abstract", rec.Abstract)
	if rec.Type == "posted-content" {
		l.Text("note", "Preprint")
	}
	origin := Origin(rec, id, at)
	for i := range l.Fields {
		l.Fields[i].Origin = origin
	}
	ref := &corpus.Reference{Type: typ, Fields: l.Fields, Source: corpus.Source{File: rec.Registry + " " + id.String()}, Added: at}
	bibtex.Derive(ref)
	return ref
}

// SetRaw writes a reference's Raw as the BibTeX writer writes it, after
// its key or fields changed.
func SetRaw(ref *corpus.Reference) {
	var b bytes.Buffer
	_ = export.BibTeX(&b, []*corpus.Reference{ref}) // writes to memory: no error
	ref.Raw = strings.TrimSuffix(b.String(), "\n")
}

var monthMacros = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// bibtexNames writes authors as a BibTeX name list: "Family, Given" each,
// an organisation braced so that BibTeX keeps it whole.
func bibtexNames(as []registry.Author) string {
	var parts []string
	for _, a := range as {
		fam, given := strings.TrimSpace(a.Family), strings.TrimSpace(a.Given)
		switch {
		case fam == "" && a.Literal != "":
			parts = append(parts, "{"+bibtex.Escape(strings.TrimSpace(a.Literal))+"}")
		case fam == "":
			continue
		case given == "":
			parts = append(parts, "{"+bibtex.Escape(fam)+"}")
		default:
			parts = append(parts, protectName(fam)+", "+protectName(given))
		}
	}
	return strings.Join(parts, " and ")
}

// protectName braces a name part holding "and" or a comma, which would
// split the list.
func protectName(p string) string {
	p = bibtex.Escape(p)
	for _, w := range strings.Fields(p) {
		if strings.EqualFold(w, "and") || strings.Contains(w, ",") {
			return "{" + p + "}"
		}
	}
	return p
}

// PageRange writes a record's "436-444" (or with an en dash) as BibTeX's
// "436--444"; other page strings are kept as they are.
func PageRange(p string) string {
	p = strings.TrimSpace(p)
	p = strings.ReplaceAll(p, "\u2013", "-")
	a, b, ok := strings.Cut(p, "-")
	if !ok || a == "" || b == "" || strings.Contains(b, "-") || strings.IndexFunc(p, unicode.IsSpace) >= 0 {
		return p
	}
	return a + "--" + b
}

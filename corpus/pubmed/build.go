package pubmed

import (
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// fieldList collects a reference's fields in the order a person would
// write the entry.
type fieldList struct{ fs []corpus.Field }

// text adds a plain-text field, escaped into braced BibTeX source.
func (l *fieldList) text(name, value string) {
	l.tex(name, bibtex.Escape(strings.TrimSpace(value)))
}

// tex adds a field given as LaTeX source whose braces balance.
func (l *fieldList) tex(name, src string) {
	src = strings.TrimSpace(src)
	if src == "" {
		return
	}
	l.fs = append(l.fs, corpus.Field{Name: name, Raw: "{" + src + "}", Value: bibtex.Decode(src)})
}

// verbatim adds a field BibTeX tools read verbatim (doi, url).
func (l *fieldList) verbatim(name, value string) {
	value = strings.TrimSpace(value)
	if value == "" {
		return
	}
	value = strings.NewReplacer("{", "%7B", "}", "%7D", `\`, "%5C").Replace(value)
	l.fs = append(l.fs, corpus.Field{Name: name, Raw: "{" + value + "}", Value: value})
}

// bare adds a field written without braces: a number or a month macro.
func (l *fieldList) bare(name, raw, value string) {
	l.fs = append(l.fs, corpus.Field{Name: name, Raw: raw, Value: value})
}

// names adds an author or editor list.
func (l *fieldList) names(field string, names []Author) {
	var parts []string
	for _, n := range names {
		if s := bibtexName(n); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) > 0 {
		src := strings.Join(parts, " and ")
		l.fs = append(l.fs, corpus.Field{Name: field, Raw: "{" + src + "}", Value: bibtex.Decode(src)})
	}
}

// bibtexName writes a name as "Last, First" or "Last, Jr, First"; a
// collective name, or a name with no given part that is not a person's, is
// braced so that BibTeX keeps it whole.
func bibtexName(n Author) string {
	protect := func(p string) string {
		p = bibtex.Escape(plainText(p))
		for _, w := range strings.Fields(p) {
			if strings.EqualFold(w, "and") || strings.Contains(w, ",") {
				return "{" + p + "}"
			}
		}
		return p
	}
	last, first := plainText(n.LastName), plainText(n.ForeName)
	if first == "" {
		first = plainText(n.Initials)
	}
	switch {
	case last == "" && n.CollectiveName != "":
		return "{" + bibtex.Escape(plainText(n.CollectiveName)) + "}"
	case last == "":
		return ""
	case first == "" && n.Suffix == "":
		return "{" + bibtex.Escape(last) + "}"
	case n.Suffix != "":
		return protect(last) + ", " + protect(n.Suffix) + ", " + protect(first)
	default:
		return protect(last) + ", " + protect(first)
	}
}

var monthMacros = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// build turns an article into a reference with BibTeX fields; its key is
// left for assignKeys.
func build(a *Article, file, raw string) *corpus.Reference {
	ref := &corpus.Reference{Type: "article", Source: corpus.Source{File: file, Line: a.Line}, Raw: raw}
	var l fieldList
	title, titleTeX := a.Title, a.TitleTeX
	booktitle := a.BookTitleTeX
	if a.Book || (a.BookTitle != "" && a.Journal == "") {
		ref.Type = "incollection"
		if title == "" {
			ref.Type = "book"
			title, titleTeX, booktitle = a.BookTitle, a.BookTitleTeX, ""
		}
	}
	if titleTeX == "" {
		titleTeX = bibtex.Escape(title)
	}
	l.names("author", a.Authors)
	l.names("editor", a.Editors)
	l.tex("title", titleTeX)
	l.tex("booktitle", booktitle)
	if ref.Type == "article" {
		l.text("journal", a.Journal)
		l.text("shortjournal", a.JournalAbbrev)
	}
	l.text("series", a.CollectionTitle)
	l.text("publisher", a.Publisher)
	l.text("address", a.PublisherLoc)
	switch {
	case a.Year != "":
		l.bare("year", a.Year, a.Year)
		if a.Month >= 1 && a.Month <= 12 {
			l.bare("month", monthMacros[a.Month-1], monthNames[a.Month-1])
		}
	case a.MedlineDate != "":
		if y := corpus.ParseYear(a.MedlineDate); y != 0 {
			ys := strconv.Itoa(y)
			l.bare("year", ys, ys)
		} else {
			l.text("year", a.MedlineDate)
		}
		if m := corpus.ParseMonth(strings.TrimLeft(a.MedlineDate, "0123456789 ")); m != 0 {
			l.bare("month", monthMacros[m-1], monthNames[m-1])
		}
		l.text("pubmed-date", a.MedlineDate)
	}
	l.text("volume", a.Volume)
	l.text("number", a.Issue)
	l.text("pages", pageRange(a.Pages))
	l.text("issn", strings.Join(a.ISSN, ", "))
	l.text("isbn", strings.Join(a.ISBN, ", "))
	l.verbatim("doi", corpus.NormalizeDOI(a.DOI))
	if a.PMID != "" {
		l.bare("pmid", "{"+a.PMID+"}", a.PMID)
	}
	if a.PMCID != "" {
		l.bare("pmcid", "{"+a.PMCID+"}", a.PMCID)
	}
	l.tex("abstract", abstractTeX(a.Abstract))
	l.text("language", strings.Join(a.Languages, ", "))
	l.text("keywords", strings.Join(a.Keywords, ", "))
	// Publication types hold commas ("Research Support, N.I.H.").
	l.text("pubmed-pt", strings.Join(a.PublicationTypes, "; "))
	for _, c := range a.Comments {
		name, ok := noticeFields[c.RefType]
		if !ok {
			continue
		}
		v := c.Source
		if c.PMID != "" {
			v = strings.TrimSpace(v + " PMID: " + c.PMID)
		}
		l.text(name, v)
	}
	for _, t := range a.Other {
		l.text("medline-"+strings.ToLower(t.Name), t.Value)
	}
	ref.Fields = merge(l.fs)
	if a.PMID != "" && len(a.Authors) == 0 && a.Title == "" && a.BookTitle == "" {
		ref.Key = "pmid" + a.PMID
	}
	bibtex.Derive(ref)
	return ref
}

// merge joins repeated fields into one, as BibTeX has one value a field:
// the values are separated by "; ".
func merge(fs []corpus.Field) []corpus.Field {
	out := fs[:0]
	at := map[string]int{}
	for _, f := range fs {
		i, seen := at[f.Name]
		if !seen {
			at[f.Name] = len(out)
			out = append(out, f)
			continue
		}
		o := &out[i]
		o.Raw = "{" + strings.TrimSuffix(strings.TrimPrefix(o.Raw, "{"), "}") + "; " +
			strings.TrimSuffix(strings.TrimPrefix(f.Raw, "{"), "}") + "}"
		o.Value += "; " + f.Value
	}
	return out
}

// pageRange writes PubMed's "454-81" as BibTeX's "454--481", the end page
// whole; other page strings ("e1234", "12-4, 19") are kept as they are.
func pageRange(p string) string {
	p = plainText(p)
	a, b, ok := strings.Cut(p, "-")
	if !ok || a == "" || b == "" || strings.ContainsAny(p, ",; ") || strings.Contains(b, "-") {
		return p
	}
	if len(b) < len(a) && allDigits(a) && allDigits(b) {
		b = a[:len(a)-len(b)] + b
	}
	return a + "--" + b
}

// PageRange writes PubMed's abbreviated range "454-81" whole, with one
// hyphen ("454-481"), as other registries write pages; other page strings
// are kept as they are.
func PageRange(p string) string {
	return strings.Replace(pageRange(p), "--", "-", 1)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// abstractTeX writes an abstract's sections as paragraphs, a labelled one
// as "LABEL: text".
func abstractTeX(secs []Section) string {
	var paras []string
	for _, s := range secs {
		t := strings.TrimSpace(s.TeX)
		if t == "" {
			t = bibtex.Escape(plainText(s.Text))
		}
		if t == "" {
			continue
		}
		if s.Label != "" {
			t = bibtex.Escape(plainText(s.Label)) + ": " + t
		}
		paras = append(paras, t)
	}
	return strings.Join(paras, "\n\n")
}

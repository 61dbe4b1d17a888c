package pubmed

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	pmxml "github.com/evident-tools/evident/corpus/pubmed"
	"github.com/evident-tools/evident/registry"
)

// noticeTypes are the CommentsCorrections kinds that link a work to a
// notice about it, and the kind of notice each is. A partial retraction
// leaves the work standing, amended: a correction. The reverse links
// (RetractionOf, ErratumFor…) sit on the notices themselves and say
// nothing against the work that carries them.
var noticeTypes = map[string]string{
	"RetractionIn":              registry.Retraction,
	"RetractedandRepublishedIn": registry.Retraction,
	"ErratumIn":                 registry.Correction,
	"PartialRetractionIn":       registry.Correction,
	"CorrectedandRepublishedIn": registry.Correction,
	"ExpressionOfConcernIn":     registry.ExpressionOfConcern,
}

// record turns an article as PubMed gives it into the registry's record.
func record(a *pmxml.Article) registry.Record {
	rec := registry.Record{
		Registry:   "pubmed",
		DOI:        a.DOI,
		PMID:       a.PMID,
		PMCID:      a.PMCID,
		Title:      strings.TrimSpace(a.Title),
		Venue:      a.Journal,
		VenueShort: a.JournalAbbrev,
		Volume:     a.Volume,
		Issue:      a.Issue,
		Pages:      pmxml.PageRange(a.Pages),
		Type:       "article-journal",
		Abstract:   abstract(a.Abstract),
		PubTypes:   a.PublicationTypes,
		Retracted:  slices.Contains(a.PublicationTypes, pmxml.RetractedPublication),
	}
	if a.PMID != "" {
		rec.URL = "https://pubmed.ncbi.nlm.nih.gov/" + a.PMID + "/"
	}
	if a.Book {
		rec.Type, rec.Venue, rec.Publisher = "chapter", a.BookTitle, a.Publisher
		if rec.Title == "" {
			rec.Type, rec.Title, rec.Venue = "book", a.BookTitle, ""
		}
	}
	rec.Year, _ = strconv.Atoi(a.Year)
	rec.Month = a.Month
	if rec.Year == 0 && a.MedlineDate != "" {
		// "1998 Dec-1999 Jan", "2000 Spring": the first year and month.
		rec.Year = corpus.ParseYear(a.MedlineDate)
		rec.Month = corpus.ParseMonth(strings.TrimLeft(a.MedlineDate, "0123456789 "))
	}
	for _, n := range a.Authors {
		rec.Authors = append(rec.Authors, author(n))
	}
	for _, c := range a.Comments {
		if t, ok := noticeTypes[c.RefType]; ok {
			rec.Updates = append(rec.Updates, registry.Update{Type: t, PMID: c.PMID,
				DOI: noticeDOI(c.Source), Date: noticeDate(c.Source), Source: "pubmed"})
		}
	}
	return rec
}

func author(n pmxml.Author) registry.Author {
	if n.LastName == "" {
		return registry.Author{Literal: n.CollectiveName}
	}
	given := n.ForeName
	if given == "" {
		given = n.Initials
	}
	return registry.Author{Family: n.LastName, Given: given}
}

// abstract writes an abstract's sections one a line, a labelled one as
// "LABEL: text".
func abstract(secs []pmxml.Section) string {
	var lines []string
	for _, s := range secs {
		t := strings.Join(strings.Fields(s.Text), " ")
		if t == "" {
			continue
		}
		if s.Label != "" {
			t = s.Label + ": " + t
		}
		lines = append(lines, t)
	}
	return strings.Join(lines, "\n")
}

// noticeDOI returns the DOI a CommentsCorrections citation ends with
// ("Cell Rep. 2022 Jun 28;39(13):111044. doi: 10.1016/j.celrep.2022.111044."),
// or "".
func noticeDOI(src string) string {
	i := strings.Index(strings.ToLower(src), "doi:")
	if i < 0 {
		return ""
	}
	return corpus.NormalizeDOI(strings.TrimSpace(src[i+len("doi:"):]))
}

// noticeDate returns the date of a CommentsCorrections citation
// ("Lancet. 2010 Feb 6;375(9713):445") as YYYY-MM-DD, YYYY-MM or YYYY, or
// "" when it names no year.
func noticeDate(src string) string {
	head, _, _ := strings.Cut(src, ";")
	words := strings.Fields(head)
	for i, w := range words {
		y, err := strconv.Atoi(w)
		if len(w) != 4 || err != nil || corpus.ParseYear(w) == 0 {
			continue
		}
		date := w
		if i+1 < len(words) {
			if m := corpus.ParseMonth(words[i+1]); m != 0 && !isNumber(words[i+1]) {
				date = fmt.Sprintf("%04d-%02d", y, m)
				if i+2 < len(words) {
					if d, err := strconv.Atoi(words[i+2]); err == nil && d >= 1 && d <= 31 {
						date += fmt.Sprintf("-%02d", d)
					}
				}
			}
		}
		return date
	}
	return ""
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

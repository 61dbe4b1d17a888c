package style

import (
	"strings"

	"github.com/evident-tools/evident/export/csl"
)

// AMA 11th edition, after american-medical-association.csl: entries
// numbered in order of first citation, authors inverted with unpunctuated
// initials, three names and "et al." when there are seven or more, book
// titles in italic title case, "Journal. 2005;2(8):e124", expanded page
// ranges with a hyphen ("218-228"), "doi:" before DOIs, and "Published" and
// "Accessed" dates for online works.
func init() {
	register(&Style{
		ID:      "ama",
		Title:   "American Medical Association 11th edition",
		Numeric: true,
		aliases: []string{"ama11", "american-medical-association"},
		layout:  amaLayout,
		label:   "%s. ",
	})
}

var amaNames = nameOpts{
	order: orderAll, initialize: true, initWith: "", noHyphenInit: true, sortSep: " ",
	precedesLast: delimAlways, etAlMin: 7, etAlUseFirst: 3,
}

// amaBooklike are the types ama.csl lays out as books.
func amaBooklike(t string) bool {
	switch t {
	case "bill", "book", "graphic", "legislation", "motion_picture", "report", "song":
		return true
	}
	return false
}

func amaLayout(it *csl.Item, c *ctx) Rich {
	t := amaTitle(it)
	author, substituted := amaAuthor(it)
	if len(author) == 0 && len(t) > 0 {
		// The title takes the author's place and is not repeated.
		author, t = t, nil
	}
	eds := amaEditors(it)
	if substituted {
		eds = nil
	}
	var body Rich
	switch {
	case amaBooklike(it.Type):
		body = cat(
			wrap(" ", join(" ",
				wrap("Vol ", plain(it.Volume), "."),
				amaEdition(it),
				wrap("(", eds, ")"),
			), "."),
			// Without a year the publisher ends the entry unpunctuated, as
			// in ama.csl, where the period belongs to the year's group.
			wrap(" ", cat(amaPublisherYear(it), plainIf(hasDate(it.Issued) || it.Page != "", ".")), ""),
		)
	case isChapterLike(it.Type):
		body = wrap(" ", join(" ",
			plain("In:"),
			eds,
			wrap("", italic(titleCaseIfEnglish(it, trimRich(containerTitle(it)))), "."),
			wrap("Vol ", plain(it.Volume), "."),
			amaEdition(it),
			wrap("", titleOf(it, it.CollectionTitle), "."),
			wrap("", amaPublisherYear(it), "."),
		), "")
	case it.Type == "article-newspaper":
		body = wrap(" ", italic(trimRich(containerTitle(it))), ". ")
		if it.URL != "" {
			body = cat(body, wrap("", join(". ",
				urlLink(it.URL),
				wrap("Published ", plain(amaDate(it.Issued)), ""),
				wrap("Accessed ", plain(amaDate(it.Accessed)), ""),
			), "."))
		} else {
			body = cat(body, wrap("", join(":", plain(amaDate(it.Issued)), amaPages(it)), "."))
		}
	case it.Type == "webpage" || it.Type == "post" || it.Type == "post-weblog":
		body = wrap(" ", trimRich(containerTitle(it)), ".")
	case it.Type == "thesis":
		body = wrap(" ", join(". ",
			plain(it.Genre),
			join("; ", plain(publisherOf(it)), plain(year(it.Issued))),
		), ".")
	default:
		var date Rich
		if it.Issue != "" || it.Volume != "" {
			date = plain(year(it.Issued))
		} else {
			date = wrap("Published online ", plain(amaDate(it.Issued)), "")
		}
		body = cat(
			wrap(" ", eds, "."),
			wrap(" ", cat(
				wrap("", italic(stripPeriods(journalTitle(it))), "."),
				wrap(" ", join(";", date, cat(plain(it.Volume), wrap("(", plain(it.Issue), ")"))), ""),
				wrap(":", amaPages(it), ""),
			), "."),
		)
	}
	return finish(cat(
		wrap("", author, "."),
		wrap(" ", t, "."),
		body,
		wrap(" ", amaAccess(it), ""),
	))
}

// amaPublisherYear is "Publisher; 2015:12-19". ama.csl puts the "; "
// before the year even when there is no publisher, which pandoc prints as
// "Title.; 2016"; evident leaves the stray semicolon out.
func amaPublisherYear(it *csl.Item) Rich {
	return join("; ", plain(publisherOf(it)), cat(plain(year(it.Issued)), wrap(":", amaPages(it), "")))
}

// amaAuthor is the author list, else the editors with "ed."/"eds.";
// substituted says the editors took the authors' place.
func amaAuthor(it *csl.Item) (r Rich, substituted bool) {
	if len(it.Author) > 0 {
		return plain(formatNames(it.Author, amaNames)), false
	}
	if len(it.Editor) > 0 {
		return plain(formatNames(it.Editor, amaNames) + ", " + roleLabel(it.Editor, "ed.", "eds.")), true
	}
	return nil, false
}

func amaEditors(it *csl.Item) Rich {
	if len(it.Editor) == 0 {
		return nil
	}
	return plain(formatNames(it.Editor, amaNames) + ", " + roleLabel(it.Editor, "ed.", "eds."))
}

// amaTitle is the title: italic and in title case for books, reports and
// theses, as written otherwise.
func amaTitle(it *csl.Item) Rich {
	t := titleOf(it, it.Title)
	switch {
	case amaBooklike(it.Type), it.Type == "thesis", it.Type == "legal_case":
		return italic(titleCaseIfEnglish(it, t))
	}
	return t
}

func amaEdition(it *csl.Item) Rich {
	if it.Edition == "" {
		return nil
	}
	if n, ok := editionNumber(it.Edition); ok {
		return plain(ordinal(n) + " ed.")
	}
	return cat(plain(it.Edition), plain("."))
}

// amaPages is the page range, expanded and joined with a hyphen, as
// ama.csl's page-range-delimiter says.
func amaPages(it *csl.Item) Rich {
	if it.Page == "" {
		return nil
	}
	return plain(strings.ReplaceAll(pages(it.Page, "expanded"), "–", "-"))
}

// amaDate is the long text date of the en-US locale: "June 25, 2012",
// "March 1989", "2014".
func amaDate(d *csl.Date) string {
	return wordDate(d, &months, false, false)
}

func amaAccess(it *csl.Item) Rich {
	if it.Type == "article-newspaper" {
		return nil
	}
	if it.DOI != "" {
		return cat(plain("doi:"), link(it.DOI, doiURL(it.DOI)))
	}
	if it.URL == "" {
		return nil
	}
	var published Rich
	if it.Type == "webpage" || it.Type == "post" || it.Type == "post-weblog" {
		published = wrap("Published ", plain(amaDate(it.Issued)), "")
	}
	return join(". ",
		published,
		wrap("Accessed ", plain(amaDate(it.Accessed)), ""),
		urlLink(it.URL),
	)
}

package style

import (
	"strings"

	"github.com/evident-tools/evident/export/csl"
)

// Vancouver (NLM/ICMJE), after vancouver.csl: entries numbered in order of
// first citation, authors inverted with unpunctuated initials ("Ioannidis
// JPA"), six names and then "et al." when there are seven or more, journal
// names as given without periods, dates as "2005 Aug", minimal page ranges
// ("218–28"), "[Internet]", "[cited ...]" and "Available from:" for online
// works, and no DOIs.
func init() {
	register(&Style{
		ID:      "vancouver",
		Title:   "Vancouver (NLM/ICMJE)",
		Numeric: true,
		aliases: []string{"nlm", "icmje", "citing-medicine"},
		layout:  vancouverLayout,
		label:   "%s. ",
	})
}

var vancouverNames = nameOpts{
	order: orderAll, initialize: true, initWith: "", noHyphenInit: true, sortSep: " ",
	precedesLast: delimAlways, etAlMin: 7, etAlUseFirst: 6,
}

func vancouverLayout(it *csl.Item, c *ctx) Rich {
	authors, substituted := vancouverAuthor(it)
	head := cat(join(". ", authors, vancouverTitle(it)), plain(". "))

	var inPart Rich
	if isChapterLike(it.Type) {
		inPart = plain("In")
	}
	var eds Rich
	if !substituted {
		eds = vancouverEditors(it.Editor)
	}
	body := join(" ",
		join(": ", inPart, join(" ", eds, vancouverContainer(it))),
		vancouverPublisher(it),
		cat(vancouverDate(it), vancouverJournalLocation(it), vancouverPages(it)),
	)
	return finish(cat(
		head,
		wrap("", body, ". "),
		wrap("", vancouverCollection(it), ". "),
		wrap("Report No.: ", plainIf(it.Type == "report", it.Number), ". "),
		wrap("Available from: ", urlLink(it.URL), ""),
	))
}

// plainIf is plain(s) when ok, else nothing.
func plainIf(ok bool, s string) Rich {
	if !ok {
		return nil
	}
	return plain(s)
}

// vancouverAuthor is the author list, else the editors with "editor(s)";
// substituted says the editors took the authors' place.
func vancouverAuthor(it *csl.Item) (r Rich, substituted bool) {
	if len(it.Author) > 0 {
		return plain(formatNames(it.Author, vancouverNames)), false
	}
	if len(it.Editor) > 0 {
		return plain(formatNames(it.Editor, vancouverNames) + ", " + roleLabel(it.Editor, "editor", "editors")), true
	}
	return nil, false
}

func vancouverEditors(ns []csl.Name) Rich {
	if len(ns) == 0 {
		return nil
	}
	return plain(formatNames(ns, vancouverNames) + ", " + roleLabel(ns, "editor", "editors") + ".")
}

func vancouverEdition(it *csl.Item) Rich {
	if it.Edition == "" {
		return nil
	}
	if n, ok := editionNumber(it.Edition); ok {
		return plain(ordinal(n) + " ed.")
	}
	return cat(plain(it.Edition), plain("."))
}

// vancouverTitle is the title with "[Internet]" and the edition for works
// that stand alone, and the thesis genre in brackets.
//
// vancouver.csl prints no DOI, so the title links to it, as pandoc's
// citeproc links a title to a DOI the style leaves out.
func vancouverTitle(it *csl.Item) Rich {
	t := titleOf(it, it.Title)
	if it.DOI != "" {
		t = linked(t, doiURL(it.DOI))
	}
	if !isJournalLike(it.Type) && !isChapterLike(it.Type) {
		if it.URL != "" {
			t = cat(t, plain(" [Internet]"))
		}
		t = cat(t, wrap(". ", vancouverEdition(it), ""))
	}
	if it.Type == "thesis" && it.Genre != "" {
		t = cat(t, plain(" ["+it.Genre+"]"))
	}
	return t
}

func vancouverContainer(it *csl.Item) Rich {
	if isJournalLike(it.Type) || isChapterLike(it.Type) {
		var ct Rich
		if isJournalLike(it.Type) && it.Type != "article-newspaper" && it.Type != "article-magazine" {
			ct = stripPeriods(journalTitle(it))
		} else {
			ct = stripPeriods(trimRich(containerTitle(it)))
		}
		var internet Rich
		if it.URL != "" {
			internet = plain("[Internet]")
		}
		return cat(wrap("", join(" ", ct, internet), "."), wrap(" ", vancouverEdition(it), ""))
	}
	var vol Rich
	if it.CollectionTitle == "" && it.Volume != "" {
		vol = plain("Vol. " + it.Volume)
	}
	return wrap("", join(", ", vol, trimRich(containerTitle(it))), ".")
}

func vancouverPublisher(it *csl.Item) Rich {
	if isJournalLike(it.Type) && it.Type != "review" && it.Type != "review-book" {
		return nil
	}
	place := it.PublisherPlace
	if it.Type == "thesis" && place != "" {
		place = "[" + place + "]"
	}
	return wrap("", join(": ", plain(place), plain(publisherOf(it))), ";")
}

// vancouverTextDate is the CSL "text" date of vancouver.csl: "2005 Aug 3".
func vancouverTextDate(d *csl.Date) string {
	y, m, day := dateParts(d)
	if y == 0 {
		if d != nil {
			return d.Literal
		}
		return ""
	}
	s := itoa(y)
	if m > 0 {
		s += " " + strings.TrimSuffix(monthsAbbr[m-1], ".")
		if day > 0 {
			s += " " + itoa(day)
		}
	}
	return s
}

func vancouverCited(it *csl.Item) Rich {
	if it.URL == "" || it.Accessed == nil {
		return nil
	}
	return plain("[cited " + vancouverTextDate(it.Accessed) + "]")
}

func vancouverDate(it *csl.Item) Rich {
	switch {
	case isJournalLike(it.Type):
		return wrap("", join(" ", plain(vancouverTextDate(it.Issued)), vancouverCited(it)), ";")
	case it.Type == "report":
		y, m, _ := dateParts(it.Issued)
		var d string
		if y != 0 {
			d = itoa(y)
			if m > 0 {
				d += " " + strings.TrimSuffix(monthsAbbr[m-1], ".")
			}
		} else if it.Issued != nil {
			d = it.Issued.Literal
		}
		return cat(plain(d), wrap(" ", vancouverCited(it), ""))
	}
	return wrap("", join(" ", plain(year(it.Issued)), vancouverCited(it)), ".")
}

func vancouverJournalLocation(it *csl.Item) Rich {
	switch it.Type {
	case "article-journal", "article-magazine", "review", "review-book":
		return cat(plain(it.Volume), wrap("(", plain(it.Issue), ")"))
	}
	return nil
}

func vancouverPages(it *csl.Item) Rich {
	switch {
	case isJournalLike(it.Type):
		return wrap(":", plain(pages(it.Page, "minimal")), "")
	case it.Type == "book":
		if it.NumberOfPages == "" {
			return nil
		}
		if isNumeric(it.NumberOfPages) {
			return plain(" " + it.NumberOfPages + " p.")
		}
		return plain(" " + it.NumberOfPages)
	}
	if it.Page == "" {
		return nil
	}
	return plain(" p. " + pages(it.Page, "minimal"))
}

// vancouverCollection is the series in parentheses: "(Lecture notes in
// computer science; vol. 9351)".
func vancouverCollection(it *csl.Item) Rich {
	if isJournalLike(it.Type) || it.CollectionTitle == "" {
		return nil
	}
	var eds Rich
	if len(it.CollectionEditor) > 0 {
		eds = vancouverEditors(it.CollectionEditor)
	}
	var vol Rich
	if it.Volume != "" {
		vol = plain("vol. " + it.Volume)
	}
	return wrap("(", join(" ", eds, join("; ", titleOf(it, it.CollectionTitle), vol)), ")")
}

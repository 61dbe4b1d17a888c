package style

import (
	"github.com/evident-tools/evident/export/csl"
)

// Chicago Manual of Style 17th edition, author-date, after
// chicago-author-date.csl. Full given names, the first author inverted,
// "and" before the last; titles in title case, articles and chapters in
// quotes, books in italics; up to ten names, else seven and "et al."; a
// repeated author list becomes "———".
func init() {
	register(&Style{
		ID:      "chicago",
		Title:   "Chicago Manual of Style 17th edition (author-date)",
		aliases: []string{"chicago-author-date", "chicago-17", "cmos"},
		layout:  chicagoLayout,
		sortKey: func(it *csl.Item, c *ctx) []string {
			return []string{chicagoAuthorKey(it, c.names), it.Issued.String(), titleSortKey(it.Title)}
		},
		cite: citeForm{etAlMin: 4, etAlUseFirst: 1, year: true},
		suffixKey: func(it *csl.Item, key []string) string {
			return key[0] + "\x00" + year(it.Issued)
		},
		authorText:       func(it *csl.Item, c *ctx) string { return chicagoContributors(it, c.names).String() },
		subsequentAuthor: "———",
	})
}

var chicagoNames = nameOpts{
	order: orderFirst, and: "and", precedesLast: delimAlways, precedesEtAl: delimContextual,
	etAlMin: 11, etAlUseFirst: 7,
}

// chicagoVerbNames are editors and translators after the title: "edited by
// Richard Roe and Edgar Poe".
var chicagoVerbNames = nameOpts{and: "and", precedesLast: delimContextual}

func chicagoAuthorKey(it *csl.Item, names int) string {
	if a := chicagoContributors(it, names); len(a) > 0 && (len(it.Author) > 0 || len(it.Editor) > 0 || len(it.Translator) > 0) {
		return foldKey(a.String())
	}
	return titleSortKey(it.Title)
}

// chicagoContributors is the author, else editors or translators with their
// label, else nothing (the title then leads).
func chicagoContributors(it *csl.Item, names int) Rich {
	switch {
	case len(it.Author) > 0:
		return plain(formatNames(it.Author, withNames(chicagoNames, names, it.Author)))
	case len(it.Editor) > 0:
		l := "ed."
		if plural(it.Editor) {
			l = "eds."
		}
		return plain(formatNames(it.Editor, withNames(chicagoNames, names, it.Editor)) + ", " + l)
	case len(it.Translator) > 0:
		return plain(formatNames(it.Translator, chicagoNames) + ", trans.")
	}
	return nil
}

func chicagoIsBook(t string) bool {
	switch t {
	case "bill", "book", "graphic", "legislation", "motion_picture", "song", "software":
		return true
	}
	return false
}

func chicagoIsChapter(t string) bool {
	switch t {
	case "chapter", "entry-dictionary", "entry-encyclopedia", "paper-conference":
		return true
	}
	return false
}

func chicagoTitle(it *csl.Item) Rich {
	t := titleCaseFor(it, bibTitle(it, it.Title))
	switch {
	case len(t) == 0:
		return plain(capitalizeFirstText(it.Genre))
	case chicagoIsBook(it.Type):
		r := italic(t)
		if it.Version != "" {
			r = cat(r, plain(" (version "+it.Version+")"))
		}
		return r
	case it.Type == "legal_case" || it.Type == "interview" || it.Type == "patent":
		return t
	}
	return quoted(t, "")
}

func chicagoDate(it *csl.Item, c *ctx) Rich {
	switch {
	case hasDate(it.Issued):
		return plain(year(it.Issued) + c.yearSuffix)
	case it.Status != "":
		return plain(capitalizeFirstText(it.Status) + c.yearSuffix)
	}
	return plain("n.d." + c.yearSuffix)
}

func chicagoLayout(it *csl.Item, c *ctx) Rich {
	var head Rich
	authors := chicagoContributors(it, c.names)
	if c.sameAuthor && len(authors) > 0 {
		authors = plain(c.substitute)
	}
	if len(authors) > 0 {
		head = join(". ", authors, chicagoDate(it, c), chicagoTitle(it))
	} else {
		head = join(". ", chicagoTitle(it), chicagoDate(it, c))
	}

	// description: medium, then genre (and a report's number)
	var desc Rich
	desc = wrap(". ", plain(capitalizeFirstText(it.Medium)), "")
	if it.Title != "" && it.Type != "thesis" && it.Type != "speech" {
		g := plain(capitalizeFirstText(it.Genre))
		if it.Type == "report" {
			g = join(" ", g, plain(it.Number))
		}
		desc = cat(desc, wrap(". ", g, ""))
	}

	// secondary contributors of whole works
	var secondary Rich
	if !chicagoIsChapter(it.Type) {
		var parts []Rich
		if len(it.Editor) > 0 && len(it.Author) > 0 {
			parts = append(parts, plain("Edited by "+formatNames(it.Editor, chicagoVerbNames)))
		}
		if len(it.Translator) > 0 && (len(it.Author) > 0 || len(it.Editor) > 0) {
			parts = append(parts, plain("Translated by "+formatNames(it.Translator, chicagoVerbNames)))
		}
		secondary = wrap(". ", join(". ", parts...), "")
	}

	// container title
	var container Rich
	if it.ContainerTitle != "" {
		ct := titleCaseFor(it, containerTitle(it))
		if it.Type == "webpage" {
			container = ct
		} else {
			container = italic(ct)
			if it.Type == "post-weblog" {
				container = cat(container, plain(" (blog)"))
			}
		}
		if chicagoIsChapter(it.Type) {
			container = cat(plain("In "), container)
		}
		container = wrap(". ", container, "")
	}

	var containerContrib Rich
	if chicagoIsChapter(it.Type) {
		var parts []Rich
		if len(it.ContainerAuthor) > 0 {
			parts = append(parts, plain("by "+formatNames(it.ContainerAuthor, chicagoVerbNames)))
		}
		if len(it.Editor) > 0 {
			parts = append(parts, plain("edited by "+formatNames(it.Editor, chicagoVerbNames)))
		}
		if len(it.Translator) > 0 {
			parts = append(parts, plain("translated by "+formatNames(it.Translator, chicagoVerbNames)))
		}
		containerContrib = wrap(", ", join(", ", parts...), "")
	}

	var ed Rich
	switch {
	case chicagoIsBook(it.Type) || it.Type == "legal_case" || it.Type == "report":
		if isEditionNumber(it.Edition) {
			ed = plain(". " + edition(it.Edition, "ed"))
		} else {
			ed = wrap(". ", plain(capitalizeFirstText(it.Edition)), "")
		}
	case chicagoIsChapter(it.Type):
		if isEditionNumber(it.Edition) {
			ed = plain(", " + edition(it.Edition, "ed."))
		} else {
			ed = wrap(", ", plain(it.Edition), "")
		}
	}

	var locChapter Rich
	if chicagoIsChapter(it.Type) && it.Page != "" {
		locChapter = cat(plain(", "), wrap("", plain(it.Volume), ":"), plain(pages(it.Page, "chicago")))
	}

	var collJournal Rich
	if it.Type == "article-journal" && it.CollectionTitle != "" {
		collJournal = wrap(", ", join(" ", bibTitle(it, it.CollectionTitle), plain(it.CollectionNumber)), ", ")
	}

	var locators Rich
	_, month, _ := dateParts(it.Issued)
	switch {
	case it.Type == "article-journal":
		switch {
		case it.Volume != "":
			paren := it.Issue
			if paren == "" && month != 0 {
				paren = months[month-1]
			}
			locators = cat(plain(" "+it.Volume), wrap(" (", plain(paren), ")"))
		case it.Issue != "":
			m := ""
			if month != 0 {
				m = " (" + months[month-1] + ")"
			}
			locators = plain(", no. " + it.Issue + m)
		case month != 0:
			locators = plain(", " + months[month-1])
		}
	case chicagoIsBook(it.Type) || it.Type == "report":
		var vol, vols Rich
		if it.Volume != "" {
			vol = plain("Vol. " + it.Volume)
		}
		if it.NumberOfVolumes != "" {
			vols = plain(it.NumberOfVolumes + " vols.")
		}
		locators = wrap(". ", join(". ", vol, vols), "")
	case chicagoIsChapter(it.Type):
		if it.Page == "" && it.Volume != "" {
			locators = plain(". Vol. " + it.Volume)
		}
	}

	var coll Rich
	if it.Type != "article-journal" && it.CollectionTitle != "" {
		sep := ", "
		if isNumeric(it.CollectionNumber) {
			sep = " "
		}
		coll = wrap(". ", join(sep, titleCaseFor(it, bibTitle(it, it.CollectionTitle)), plain(it.CollectionNumber)), "")
	}

	var issue Rich
	switch it.Type {
	case "article-newspaper", "article-magazine", "personal_communication":
		issue = wrap(", ", plain(textDate(it.Issued)), "")
	case "article-journal", "legal_case", "patent", "speech":
	default:
		var g Rich
		if it.Type == "thesis" {
			g = plain(capitalizeFirstText(it.Genre))
		}
		issue = wrap(". ", join(", ", g, chicagoPublisher(it)), "")
	}

	var locArticle Rich
	if it.Type == "article-journal" && it.Page != "" {
		if it.Volume != "" || it.Issue != "" {
			locArticle = plain(": " + pages(it.Page, "chicago"))
		} else {
			locArticle = plain(", " + pages(it.Page, "chicago"))
		}
	}

	// access
	var access []Rich
	if it.Type != "article-journal" && it.Type != "book" && it.Type != "chapter" && it.Type != "paper-conference" {
		access = append(access, plain(it.Archive))
	}
	if it.Type == "webpage" || it.Type == "post-weblog" {
		access = append(access, plain(textDate(it.Issued)))
	}
	if it.Issued == nil && it.Accessed != nil {
		access = append(access, plain("Accessed "+textDate(it.Accessed)))
	}
	if it.DOI != "" {
		access = append(access, doiLink(it.DOI))
	} else if it.URL != "" {
		access = append(access, urlLink(it.URL))
	}

	return cat(head, desc, secondary, container, containerContrib, ed, locChapter, collJournal,
		locators, coll, issue, locArticle, wrap(". ", join(". ", access...), ""), plain("."))
}

func chicagoPublisher(it *csl.Item) Rich {
	return join(": ", plain(it.PublisherPlace), plain(it.Publisher))
}

// textDate is a date in the long form: "March 5, 2024", "March 2024", "2024".
func textDate(d *csl.Date) string { return longDate(d) }

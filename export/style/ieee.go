package style

import (
	"github.com/evident-tools/evident/export/csl"
)

// IEEE, after ieee.csl: entries numbered "[1]" in order of first citation,
// names in natural order with initials ("J. P. A. Ioannidis"), the first
// name and an italic "et al." when there are seven or more, article and
// chapter titles in quotation marks, "vol. 2, no. 8, pp. 218–228, Aug.
// 2005", "doi: ..." and "Accessed: ... [Online]. Available: ..." for online
// works.
func init() {
	register(&Style{
		ID:      "ieee",
		Title:   "IEEE",
		Numeric: true,
		aliases: []string{"ieee-transactions"},
		layout:  ieeeLayout,
		label:   "[%s] ",
	})
}

var ieeeNames = nameOpts{
	initialize: true, initWith: ". ", and: "and", precedesLast: delimContextual,
	etAlMin: 7, etAlUseFirst: 1,
}

// ieeeEditorNames are editors after a chapter's book title: never shortened.
var ieeeEditorNames = nameOpts{initialize: true, initWith: ". ", and: "and", precedesLast: delimContextual}

func ieeeLayout(it *csl.Item, c *ctx) Rich {
	var body Rich
	t := ieeeTitle(it)
	ct := italic(trimRich(containerTitle(it)))
	switch {
	case it.Type == "article-journal":
		end := "."
		if it.URL != "" || it.DOI != "" {
			end = ","
		}
		body = cat(join(", ",
			t,
			italic(journalTitle(it)),
			ieeeLocators(it),
			ieeePage(it),
			plain(ieeeDate(it)),
			ieeeStatus(it),
		), plain(end), ieeeAccess(it))
	case it.Type == "paper-conference" || it.Type == "speech":
		var event Rich
		if it.ContainerTitle != "" {
			event = join(", ", cat(plain("in "), ct), plain(it.EventPlace))
		} else {
			event = join(", ", wrap("presented at the ", titleOf(it, it.EventTitle), ""), plain(it.EventPlace))
		}
		body = cat(wrap("", join(", ",
			t,
			event,
			plain(ieeeDate(it)),
			ieeeLocators(it),
			ieeePage(it),
			ieeeStatus(it),
		), "."), ieeeAccess(it))
	case it.Type == "report":
		body = cat(wrap("", join(", ",
			t,
			ieeePublisher(it),
			join(" ", plain(it.Genre), plain(it.Number)),
			plain(ieeeDate(it)),
		), "."), ieeeAccess(it))
	case it.Type == "thesis":
		body = cat(wrap("", join(", ",
			t,
			plain(it.Genre),
			ieeePublisher(it),
			plain(ieeeDate(it)),
		), "."), ieeeAccess(it))
	case it.Type == "webpage" || it.Type == "post" || it.Type == "post-weblog":
		body = cat(wrap("", join(", ", t, ct, plain(ieeeDate(it))), "."), ieeeAccess(it))
	case it.Type == "patent":
		body = cat(join(", ", t, plain(it.Number), plain(ieeeDate(it))), ieeeAccess(it))
	case ieeeBooklike(it.Type):
		body = cat(
			wrap("", join(", ", t, ieeeLocators(it)), ". "),
			wrap("", join(", ", ieeePublisher(it), plain(ieeeDate(it)), ieeePage(it)), "."),
			ieeeAccess(it),
		)
	case ieeeGeneric(it.Type):
		body = cat(wrap("", join(", ",
			t, ct, ieeeLocators(it), ieeePublisher(it), ieeePage(it), plain(ieeeDate(it)),
		), "."), ieeeAccess(it))
	case it.Type == "chapter":
		body = cat(
			wrap("", join(", ", t, cat(plain("in "), ct), ieeeLocators(it)), ", "),
			wrap("", ieeeEditors(it), " "),
			wrap("", join(", ", ieeePublisher(it), plain(ieeeDate(it)), ieeePage(it)), "."),
			ieeeAccess(it),
		)
	default:
		body = cat(
			wrap("", join(", ", t, ct, ieeeLocators(it)), ". "),
			wrap("", join(", ", ieeePublisher(it), ieeePage(it), plain(ieeeDate(it))), "."),
			ieeeAccess(it),
		)
	}
	return finish(cat(wrap("", ieeeAuthor(it), ", "), body))
}

func ieeeBooklike(t string) bool {
	switch t {
	case "bill", "book", "graphic", "legal_case", "legislation", "song":
		return true
	}
	return false
}

// ieeeGeneric are the types ieee.csl lays out as "title, container,
// locators, publisher, pages, date".
func ieeeGeneric(t string) bool {
	switch t {
	case "article-magazine", "article-newspaper", "broadcast", "interview", "manuscript", "map",
		"personal_communication":
		return true
	}
	return false
}

// ieeeAuthor is the author list, else the editors with "Ed."/"Eds.", else
// the translators with "Transl.".
func ieeeAuthor(it *csl.Item) Rich {
	switch {
	case len(it.Author) > 0:
		return nameList(it.Author, ieeeNames, true)
	case len(it.Editor) > 0:
		return cat(nameList(it.Editor, ieeeNames, true), plain(", "+roleLabel(it.Editor, "Ed.", "Eds.")))
	case len(it.Translator) > 0:
		return cat(nameList(it.Translator, ieeeNames, true), plain(", Transl."))
	}
	return nil
}

func ieeeEditors(it *csl.Item) Rich {
	if len(it.Editor) == 0 || len(it.Author) == 0 {
		return nil
	}
	return cat(nameList(it.Editor, ieeeEditorNames, true), plain(", "+roleLabel(it.Editor, "Ed.", "Eds.")))
}

// ieeeTitle is the title: italic for books, in quotation marks otherwise.
func ieeeTitle(it *csl.Item) Rich {
	t := titleOf(it, it.Title)
	if ieeeBooklike(it.Type) {
		return italic(t)
	}
	return quotedTitle(t)
}

// ieeeLocators is "3rd ed., vol. 1, no. 8".
func ieeeLocators(it *csl.Item) Rich {
	var ed Rich
	switch it.Type {
	case "bill", "book", "chapter", "graphic", "legal_case", "legislation", "motion_picture", "paper-conference", "report", "song":
		if n, ok := editionNumber(it.Edition); ok {
			ed = plain(ordinal(n) + " ed.")
		} else if it.Edition != "" {
			ed = cat(plain(capitalizeFirstText(it.Edition)), plain("."))
		}
	}
	return join(", ",
		ed,
		wrap("vol. ", plain(numberRange(it.Volume)), ""),
		wrap("", plain(it.NumberOfVolumes), " vols."),
		wrap("no. ", plain(numberRange(it.Issue)), ""),
	)
}

// ieeePage is "pp. 218–228", or "Art. no. e124" for a journal article
// with an article number.
func ieeePage(it *csl.Item) Rich {
	if it.Type == "article-journal" && it.Number != "" {
		return plain("Art. no. " + it.Number)
	}
	if it.Page == "" {
		return nil
	}
	return plain(pageLabel(it.Page) + " " + pages(it.Page, ""))
}

func ieeePublisher(it *csl.Item) Rich {
	switch it.Type {
	case "bill", "book", "chapter", "graphic", "legal_case", "legislation", "motion_picture", "paper-conference", "song":
		return join(": ", plain(it.PublisherPlace), plain(publisherOf(it)))
	}
	return join(", ", plain(publisherOf(it)), plain(it.PublisherPlace))
}

// ieeeDate is the issued date in the form each type wants: "Aug. 2005"
// for articles, reports and papers, the year for books and theses, "Jun.
// 25, 2012" for the rest.
func ieeeDate(it *csl.Item) string {
	d := it.Issued
	y, m, _ := dateParts(d)
	if y == 0 {
		if d != nil {
			return d.Literal
		}
		return ""
	}
	switch it.Type {
	case "article-journal", "report", "paper-conference":
		if m > 0 {
			return monthsAbbr[m-1] + " " + itoa(y)
		}
		return itoa(y)
	case "bill", "book", "chapter", "graphic", "legal_case", "legislation", "song", "thesis":
		return itoa(y)
	}
	return ieeeTextDate(d)
}

// ieeeTextDate is ieee.csl's text date: "Jun. 05, 2012", "Mar. 1989".
func ieeeTextDate(d *csl.Date) string {
	return wordDate(d, &monthsAbbr, false, true)
}

// ieeeStatus is the publication status ("in press") of a work with no
// volume, issue or pages, in bold.
func ieeeStatus(it *csl.Item) Rich {
	if it.Status == "" || it.Page != "" || it.Issue != "" || it.Volume != "" {
		return nil
	}
	return bold(plain(capitalizeFirstText(it.Status)))
}

func ieeeAccess(it *csl.Item) Rich {
	switch {
	case it.Type == "webpage" || it.Type == "post" || it.Type == "post-weblog":
		if it.URL == "" {
			return nil
		}
		return cat(plain(" "), join(" ", urlLink(it.URL), wrap("(accessed ", plain(ieeeTextDate(it.Accessed)), ").")))
	case it.DOI != "":
		return cat(plain(" doi: "), link(it.DOI, doiURL(it.DOI)), plain("."))
	case it.URL != "":
		var accessed Rich
		if it.Accessed != nil {
			medium := "Online"
			if it.Medium != "" {
				medium = capitalizeFirstText(it.Medium)
			}
			accessed = plain(" Accessed: " + ieeeTextDate(it.Accessed) + ". [" + medium + "]. ")
		}
		return cat(accessed, plain(" Available: "), urlLink(it.URL))
	}
	return nil
}

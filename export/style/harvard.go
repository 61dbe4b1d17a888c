package style

import (
	"github.com/evident-tools/evident/export/csl"
)

// Harvard, Cite Them Right 12th edition, after harvard-cite-them-right.csl.
// British English: single quotes round article titles, "edn", dates as
// "19 June 2023". Initials without spaces ("Adams, M.D."), four or more
// authors shortened to the first and "et al.", "Available at:" before
// DOIs and URLs.
func init() {
	register(&Style{
		ID:      "harvard",
		Title:   "Cite Them Right 12th edition - Harvard",
		aliases: []string{"harvard-cite-them-right", "cite-them-right", "harvard-ctr"},
		layout:  harvardLayout,
		sortKey: func(it *csl.Item, c *ctx) []string {
			return []string{harvardAuthorKey(it, c.names), year(it.Issued), titleSortKey(it.Title)}
		},
		cite: citeForm{etAlMin: 4, etAlUseFirst: 1, year: true},
		suffixKey: func(it *csl.Item, key []string) string {
			return key[0] + "\x00" + year(it.Issued)
		},
	})
}

var harvardNames = nameOpts{
	order: orderAll, initialize: true, initWith: ".", and: "and",
	precedesLast: delimNever, etAlMin: 4, etAlUseFirst: 1,
}

// harvardVerbNames are editors and translators in natural order.
var harvardVerbNames = nameOpts{initialize: true, initWith: ".", and: "and", etAlMin: 4, etAlUseFirst: 1}

func harvardAuthorKey(it *csl.Item, names int) string {
	// Rendered names, punctuation and all, as citeproc compares them:
	// "Alpha, A. et al." sorts before "Alpha, A., Beta, B.".
	if len(it.Author) > 0 || len(it.Editor) > 0 || len(it.Translator) > 0 {
		return punctFoldKey(harvardAuthor(it, names).String())
	}
	return titleSortKey(it.Title)
}

func harvardAuthor(it *csl.Item, names int) Rich {
	switch {
	case len(it.Author) > 0:
		return nameList(it.Author, withNames(harvardNames, names, it.Author), true)
	case len(it.Editor) > 0:
		l := " (ed.)"
		if plural(it.Editor) {
			l = " (eds)"
		}
		return cat(nameList(it.Editor, withNames(harvardNames, names, it.Editor), true), plain(l))
	case len(it.Translator) > 0:
		return cat(nameList(it.Translator, withNames(harvardNames, names, it.Translator), true), plain(" ("+harvardTrans(it.Translator)+")"))
	}
	return nil
}

func harvardBooklike(t string) bool {
	switch t {
	case "bill", "book", "legal_case", "legislation", "motion_picture", "report", "song", "thesis", "webpage", "graphic", "software":
		return true
	}
	return false
}

func harvardEdition(it *csl.Item) Rich {
	if isEditionNumber(it.Edition) {
		return plain(edition(it.Edition, "edn"))
	}
	return plain(it.Edition)
}

func harvardTitle(it *csl.Item) Rich {
	t := bibTitle(it, it.Title)
	if harvardBooklike(it.Type) {
		head := join(" ", italic(t), wrap("[", plain(it.Medium), "]"))
		if it.Volume == "" && it.NumberOfVolumes != "" {
			head = join(" ", head, plain("("+it.NumberOfVolumes+" vols)"))
		}
		return join(". ", head, harvardEdition(it))
	}
	return quotedGB(t)
}

func harvardContainer(it *csl.Item) Rich {
	if it.ContainerTitle == "" {
		return nil
	}
	ct := italic(containerTitle(it))
	if (it.Type == "article" || it.Type == "article-journal") && it.Page == "" && it.Volume == "" {
		ct = join(" ", ct, plain("[Preprint]"))
	}
	return join(". ", ct, harvardEdition(it))
}

func harvardEditor(it *csl.Item) Rich {
	if it.Type != "chapter" && it.Type != "paper-conference" {
		return nil
	}
	if len(it.ContainerAuthor) > 0 {
		return plain(formatNames(it.ContainerAuthor, nameOpts{order: orderAll, initialize: true, initWith: ". ", and: "and", etAlMin: 4, etAlUseFirst: 1}) + ",")
	}
	var parts []Rich
	if len(it.Editor) > 0 {
		l := " (ed.)"
		if plural(it.Editor) {
			l = " (eds)"
		}
		parts = append(parts, plain(formatNames(it.Editor, harvardVerbNames)+l))
	}
	if len(it.Translator) > 0 {
		parts = append(parts, plain(formatNames(it.Translator, harvardVerbNames)+" ("+harvardTrans(it.Translator)+")"))
	}
	return join(", ", parts...)
}

func harvardSecondary(it *csl.Item) Rich {
	var parts []Rich
	chapter := it.Type == "chapter" || it.Type == "paper-conference"
	if chapter && len(it.ContainerAuthor) == 0 {
		return nil
	}
	if len(it.Editor) > 0 && (len(it.Author) > 0 || chapter) {
		parts = append(parts, plain("Edited by "+formatNames(it.Editor, harvardVerbNames)))
	}
	if len(it.Translator) > 0 && (len(it.Author) > 0 || len(it.Editor) > 0 || chapter) {
		parts = append(parts, plain("Translated by "+formatNames(it.Translator, harvardVerbNames)))
	}
	return join(". ", parts...)
}

func harvardPublisher(it *csl.Item) Rich {
	place := join(": ", plain(it.PublisherPlace), plain(it.Publisher))
	switch it.Type {
	case "thesis":
		return join(". ", plain(it.Genre), plain(it.Publisher))
	case "report":
		return join(". ", join(" ", plain(it.Genre), plain(it.Number)), place)
	case "article-journal", "article-newspaper", "article-magazine":
		return nil
	}
	var event Rich
	if it.Type == "speech" {
		event = italic(plain(it.EventTitle))
	}
	return join(" ", join(", ", event, place), wrap("(", join(", ", bibTitle(it, it.CollectionTitle), plain(it.CollectionNumber)), ")"))
}

func harvardYear(it *csl.Item, c *ctx) Rich {
	if hasDate(it.Issued) {
		return plain(year(it.Issued) + c.yearSuffix)
	}
	if c.yearSuffix != "" {
		return plain("no date " + c.yearSuffix)
	}
	return plain("no date")
}

func harvardLayout(it *csl.Item, c *ctx) Rich {
	var in Rich
	if it.Type == "chapter" || it.Type == "paper-conference" {
		in = plain("in")
	}
	titlePart := join(", ", harvardTitle(it), join(" ", in, harvardEditor(it), harvardContainer(it)))
	var first Rich
	if a := harvardAuthor(it, c.names); len(a) > 0 {
		first = join(" ", a, wrap("(", harvardYear(it, c), ")"), titlePart)
	} else {
		// No author: the title takes its place (the style's substitute).
		first = join(" ", harvardTitle(it), wrap("(", harvardYear(it, c), ")"),
			join(" ", in, harvardEditor(it), harvardContainer(it)))
	}
	main := join(". ", first, harvardSecondary(it), harvardPublisher(it))

	var locator Rich
	if it.Type == "article-journal" {
		locator = cat(plain(it.Volume), wrap("(", plain(it.Issue), ")"))
	}
	var published Rich
	switch it.Type {
	case "article-newspaper", "article-magazine", "post-weblog", "speech":
		_, m, d := dateParts(it.Issued)
		if m != 0 {
			s := months[m-1]
			if d != 0 {
				s = itoa(d) + " " + s
			}
			published = plain(s)
		}
	}
	var pages Rich
	switch it.Type {
	case "chapter", "paper-conference", "article-journal", "article", "article-magazine", "article-newspaper", "book", "review", "review-book", "report":
		if it.Page != "" {
			pages = plain(pagesLabel(it.Page) + " " + pageRange(it.Page, ""))
		}
	}
	tail := wrap(", ", join(", ", locator, published, pages), "")

	var access Rich
	switch {
	case it.DOI != "":
		access = cat(plain("Available at: "), doiLink(it.DOI))
	case it.URL != "":
		access = cat(plain("Available at: "), urlLink(it.URL))
		if it.Accessed != nil {
			access = cat(access, plain(" (Accessed: "+britishDate(it.Accessed)+")"))
		}
	}
	return cat(main, tail, wrap(". ", access, ""), plain("."))
}

// britishDate is "20 November 2026", or as much of it as the date has.
func britishDate(d *csl.Date) string {
	return wordDate(d, &months, true, false)
}

// harvardTrans is the en-GB short translator term: "tran." or "trans.".
func harvardTrans(ns []csl.Name) string {
	if plural(ns) {
		return "trans."
	}
	return "tran."
}

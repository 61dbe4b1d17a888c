package style

import (
	"strings"

	"github.com/evident-tools/evident/export/csl"
)

// MLA Handbook 9th edition, after modern-language-association.csl. The
// entry is a chain of "core elements": author, title, then container,
// contributors, version, number, publisher, date and location joined by
// commas. Three or more authors become the first and "et al."; the list
// sorts by author and title, and a repeated author becomes "---".
func init() {
	register(&Style{
		ID:      "mla",
		Title:   "Modern Language Association 9th edition",
		aliases: []string{"modern-language-association", "mla9", "mla-9"},
		layout:  mlaLayout,
		sortKey: func(it *csl.Item, c *ctx) []string {
			return []string{mlaAuthorKey(it, c.names), titleSortKey(it.Title)}
		},
		cite: citeForm{etAlMin: 3, etAlUseFirst: 1},
		// The names as printed decide whether an author repeats, as in
		// citeproc.
		authorText:       func(it *csl.Item, c *ctx) string { return mlaAuthor(it, c.names).String() },
		subsequentAuthor: "---",
	})
}

var mlaNames = nameOpts{
	order: orderFirst, and: "and", precedesLast: delimAlways, precedesEtAl: delimAlways,
	etAlMin: 3, etAlUseFirst: 1, normalizeInitials: true, initWith: ". ",
}

var mlaVerbNames = nameOpts{and: "and", precedesLast: delimContextual, etAlMin: 3, etAlUseFirst: 1, normalizeInitials: true, initWith: ". "}

// mlaAuthorKey sorts on the names as printed but without "et al.", as
// citeproc does: "Hinckley, Ken" alone and "Hinckley, Ken, et al." sort
// together, by title.
func mlaAuthorKey(it *csl.Item, names int) string {
	if len(it.Author) == 0 && len(it.Editor) == 0 && len(it.Translator) == 0 {
		return titleSortKey(it.Title)
	}
	a := mlaAuthor(it, names).String()
	a = strings.Replace(a, ", et al.", "", 1)
	return punctFoldKey(a)
}

func mlaAuthor(it *csl.Item, names int) Rich {
	switch {
	case len(it.Author) > 0:
		return plain(formatNames(it.Author, withNames(mlaNames, names, it.Author)))
	case len(it.Editor) > 0:
		l := "editor"
		if plural(it.Editor) {
			l = "editors"
		}
		return plain(formatNames(it.Editor, withNames(mlaNames, names, it.Editor)) + ", " + l)
	case len(it.Translator) > 0:
		l := "translator"
		if plural(it.Translator) {
			l = "translators"
		}
		return plain(formatNames(it.Translator, withNames(mlaNames, names, it.Translator)) + ", " + l)
	}
	return nil
}

func mlaTitle(it *csl.Item) Rich {
	t := titleCaseFor(it, bibTitle(it, it.Title))
	if it.ContainerTitle != "" {
		return quoted(t, "")
	}
	return italic(t)
}

func mlaOtherContributors(it *csl.Item) Rich {
	var parts []Rich
	lead := func(s string) string {
		if it.ContainerTitle == "" {
			return capitalizeFirstText(s)
		}
		return s
	}
	if len(it.ContainerAuthor) > 0 {
		parts = append(parts, plain(lead("by ")+formatNames(it.ContainerAuthor, mlaVerbNames)))
	}
	if len(it.Editor) > 0 && len(it.Author) > 0 {
		parts = append(parts, plain(lead("edited by ")+formatNames(it.Editor, mlaVerbNames)))
	}
	if len(it.Translator) > 0 && (len(it.Author) > 0 || len(it.Editor) > 0) {
		parts = append(parts, plain(lead("translated by ")+formatNames(it.Translator, mlaVerbNames)))
	}
	return join(", ", parts...)
}

func mlaVersion(it *csl.Item) Rich {
	var ed Rich
	if isEditionNumber(it.Edition) {
		ed = plain(edition(it.Edition, "ed."))
	} else {
		ed = plain(capitalizeFirstText(it.Edition))
	}
	return join(", ", ed, plain(it.Version), plain(it.Medium))
}

func mlaNumber(it *csl.Item) Rich {
	// modern-language-association.csl's "number" macro: a volume shows as
	// "vol. 3" beside a container, an edition or a second contributor, as
	// "Vol. 3" for a work with no contributors at all, and not at all for
	// a single author's or editor's book.
	var vol Rich
	if it.Volume != "" {
		others := len(it.ContainerAuthor) > 0
		switch {
		case it.Edition != "" || it.ContainerTitle != "":
			vol = plain("vol. " + it.Volume)
		case len(it.Author) > 0:
			if others || len(it.Editor) > 0 || len(it.Translator) > 0 {
				vol = plain("vol. " + it.Volume)
			}
		case len(it.Editor) > 0:
			if others || len(it.Translator) > 0 {
				vol = plain("vol. " + it.Volume)
			}
		case others:
			vol = plain("vol. " + it.Volume)
		default:
			vol = plain("Vol. " + it.Volume)
		}
	}
	var genre Rich
	if it.Type == "report" {
		genre = plain(it.Genre)
	}
	return join(", ", vol, wrap("no. ", plain(it.Issue), ""), genre, plain(it.Number))
}

func mlaDate(it *csl.Item) Rich {
	y, m, d := dateParts(it.Issued)
	if y == 0 {
		if it.Issued != nil {
			return plain(it.Issued.Literal)
		}
		return nil
	}
	switch it.Type {
	case "book", "chapter", "paper-conference", "motion_picture", "software":
		return plain(itoa(y))
	case "article-journal":
		if m != 0 {
			return plain(monthsShort[m-1] + " " + itoa(y))
		}
		return plain(itoa(y))
	case "speech":
		return nil
	}
	s := itoa(y)
	if m != 0 {
		s = monthsShort[m-1] + " " + s
		if d != 0 {
			s = itoa(d) + " " + s
		}
	}
	return plain(s)
}

func mlaURI(it *csl.Item) Rich {
	if it.DOI != "" {
		return doiLink(it.DOI)
	}
	if it.URL != "" {
		return urlLink(it.URL)
	}
	return nil
}

func mlaLayout(it *csl.Item, c *ctx) Rich {
	author := mlaAuthor(it, c.names)
	if c.sameAuthor && len(author) > 0 {
		// "---" takes the names' place; et al. and a role stay, as pandoc
		// prints them ("---, et al.", "---, editor").
		a := author.String()
		rest := ""
		if i := strings.Index(a, ", et al."); i >= 0 {
			rest = a[i:]
		} else if i := strings.LastIndex(a, ", editor"); i >= 0 && len(it.Author) == 0 {
			rest = a[i:]
		} else if i := strings.LastIndex(a, ", translator"); i >= 0 && len(it.Author) == 0 && len(it.Editor) == 0 {
			rest = a[i:]
		}
		author = plain(c.substitute + rest)
	}
	var publisher Rich
	switch it.Type {
	case "article-magazine", "article-newspaper", "article-journal":
	default:
		publisher = plain(it.Publisher)
	}
	var location Rich
	if it.Page != "" {
		location = plain(pagesLabel(it.Page) + " " + pages(it.Page, "minimal-two"))
	}
	var container Rich
	if it.ContainerTitle != "" {
		container = italic(titleCaseFor(it, containerTitle(it)))
	}
	core := join(", ", container, mlaOtherContributors(it), mlaVersion(it), mlaNumber(it), publisher,
		mlaDate(it), join(", ", location, mlaURI(it)))
	var container2 Rich
	if it.Type == "speech" {
		container2 = join(", ", plain(it.EventTitle), plain(it.EventPlace))
	}
	container2 = join(", ", container2, plain(it.Archive))
	var accessed Rich
	if it.Issued == nil && it.Accessed != nil {
		accessed = plain("Accessed " + mlaTextDate(it.Accessed))
	}
	var original Rich
	if y, _, _ := dateParts(it.OriginalDate); y != 0 {
		original = plain(itoa(y))
	}
	var head Rich
	if len(author) > 0 {
		head = join(". ", author, mlaTitle(it))
	} else {
		head = mlaTitle(it)
	}
	return cat(join(". ", head, original, core, container2, accessed), plain("."))
}

// mlaTextDate is MLA's "20 Nov. 2026".
func mlaTextDate(d *csl.Date) string {
	return wordDate(d, &monthsShort, true, false)
}

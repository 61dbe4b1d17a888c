package style

import (
	"strings"

	"github.com/evident-tools/evident/export/csl"
)

// APA 7th edition, after apa.csl (American Psychological Association 7th
// edition). The list sorts by author, date and title; titles are in
// sentence case, periodical names in title case and italic; twenty names at
// most, then "…" and the last name.
func init() {
	register(&Style{
		ID:      "apa",
		Title:   "American Psychological Association 7th edition",
		aliases: []string{"apa7", "apa-7", "american-psychological-association"},
		layout:  apaLayout,
		sortKey: func(it *csl.Item, c *ctx) []string {
			return []string{apaAuthorKey(it, c.names), apaDateGroup(it), it.Issued.String(), titleSortKey(it.Title)}
		},
		cite: citeForm{etAlMin: 3, etAlUseFirst: 1, year: true},
		suffixKey: func(it *csl.Item, key []string) string {
			return key[0] + "\x00" + year(it.Issued)
		},
	})
}

var apaNames = nameOpts{
	order: orderAll, initialize: true, initWith: ". ", and: "&",
	precedesLast: delimAlways, precedesEtAl: delimAlways,
	etAlMin: 21, etAlUseFirst: 19, etAlUseLast: true,
}

// apaSecondary are editors and translators after a title: "J. Smith & K. Lee".
var apaSecondary = nameOpts{initialize: true, initWith: ". ", and: "&", precedesLast: delimContextual}

// apaAuthorKey is the author as the list shows it, or the title that takes
// its place.
func apaAuthorKey(it *csl.Item, names int) string {
	if a := apaAuthor(it, names); len(a) > 0 {
		return foldKey(a.String())
	}
	return titleSortKey(it.Title)
}

// apaDateGroup sorts undated works first and works in press last, as apa.csl does.
func apaDateGroup(it *csl.Item) string {
	switch {
	case it.Issued == nil && it.Status != "":
		return "2"
	case it.Issued == nil:
		return "0"
	}
	return "1"
}

func isPeriodical(t string) bool {
	switch t {
	case "article-journal", "article-magazine", "article-newspaper", "post-weblog", "review", "review-book":
		return true
	}
	return false
}

func isWeb(t string) bool { return t == "webpage" || t == "post" }

// apaAuthor is the author, else the editors with "(Ed.)", else nothing (the
// title then moves to the front).
func apaAuthor(it *csl.Item, names int) Rich {
	if len(it.Author) > 0 {
		return plain(formatNames(it.Author, withNames(apaNames, names, it.Author)))
	}
	if len(it.Editor) > 0 {
		return plain(formatNames(it.Editor, withNames(apaNames, names, it.Editor)) + " (" + edLabel(it.Editor) + ")")
	}
	return nil
}

func edLabel(ns []csl.Name) string {
	if plural(ns) {
		return "Eds."
	}
	return "Ed."
}

func apaDate(it *csl.Item, c *ctx) Rich {
	y, m, d := dateParts(it.Issued)
	var s string
	switch {
	case y != 0:
		s = year(it.Issued) + c.yearSuffix
		datedTypes := it.Type == "article-magazine" || it.Type == "article-newspaper" || isWeb(it.Type) ||
			it.Type == "post-weblog" || it.Type == "paper-conference" && len(it.Editor) == 0 && it.Issue == "" && it.Page == "" && it.Volume == ""
		if datedTypes && m != 0 {
			s += ", " + months[m-1]
			if d != 0 {
				s += " " + itoa(d)
			}
		}
	case it.Issued != nil && it.Issued.Literal != "":
		s = strings.ToLower(it.Issued.Literal) + c.yearSuffix
	case it.Status != "":
		s = strings.ToLower(it.Status)
		if c.yearSuffix != "" {
			s += "-" + c.yearSuffix
		}
	default:
		s = "n.d."
		if c.yearSuffix != "" {
			s += "-" + c.yearSuffix
		}
	}
	return plain("(" + s + ")")
}

func apaTitle(it *csl.Item) Rich {
	t := bibTitle(it, it.Title)
	if len(t) == 0 {
		return nil
	}
	switch {
	case isWeb(it.Type):
		return italic(t)
	case it.ContainerTitle != "":
		return t
	case isPeriodical(it.Type):
		return italic(t)
	}
	if it.Volume != "" && !isNumeric(it.Volume) {
		return italic(cat(t, plain(": Vol. "+it.Volume)))
	}
	return italic(t)
}

// apaBooklike reports whether an item is laid out as a book or chapter (and
// not as a periodical article).
func apaPaperBooklike(it *csl.Item) bool {
	return it.Type == "paper-conference" && (len(it.Editor) > 0 || len(it.CollectionEditor) > 0)
}

func apaParenthetical(it *csl.Item) Rich {
	var parts []Rich
	if isWeb(it.Type) || it.ContainerTitle == "" {
		parts = append(parts, apaSecondaryContributors(it), apaNumber(it), apaLocatorsBooklike(it))
	} else {
		parts = append(parts, apaSecondaryContributors(it))
	}
	return wrap("(", join("; ", parts...), ")")
}

func apaSecondaryContributors(it *csl.Item) Rich {
	if isPeriodical(it.Type) || it.Type == "paper-conference" && !apaPaperBooklike(it) {
		if len(it.Translator) > 0 {
			return plain(formatNames(it.Translator, apaSecondary) + ", " + trLabel(it.Translator))
		}
		return nil
	}
	if !isWeb(it.Type) && it.ContainerTitle != "" {
		return nil
	}
	var parts []Rich
	if len(it.ContainerAuthor) > 0 {
		parts = append(parts, plain("By "+formatNames(it.ContainerAuthor, apaSecondary)))
	}
	if len(it.Author) > 0 && len(it.Editor) > 0 {
		parts = append(parts, plain(formatNames(it.Editor, apaSecondary)+", "+edLabel(it.Editor)))
	}
	if len(it.Translator) > 0 {
		parts = append(parts, plain(formatNames(it.Translator, apaSecondary)+", "+trLabel(it.Translator)))
	}
	return join("; ", parts...)
}

// trLabel is APA's translator label: the en-US short term ("trans.") in
// title case, the same for one translator or several.
func trLabel([]csl.Name) string { return "Trans." }

func apaNumber(it *csl.Item) Rich {
	if it.Number == "" {
		return nil
	}
	var s string
	if isNumeric(it.Number) {
		s = joinNonEmpty(" ", titleCaseString(it.Genre), "No. "+it.Number)
	} else {
		s = joinNonEmpty(" ", titleCaseString(it.Genre), it.Number)
	}
	if it.Type == "thesis" && (it.DOI != "" || it.URL != "" || it.Archive != "") && it.Publisher != "" {
		s += ", " + it.Publisher
	}
	return plain(s)
}

func apaLocatorsBooklike(it *csl.Item) Rich {
	if isPeriodical(it.Type) || isWeb(it.Type) || it.Type == "patent" || it.Type == "speech" {
		return nil
	}
	if it.Type == "paper-conference" && !apaPaperBooklike(it) {
		return nil
	}
	var version Rich
	if it.Version != "" {
		if isNumeric(it.Version) || isVersionNumber(it.Version) {
			version = plain("Version " + it.Version)
		} else {
			version = plain(it.Version)
		}
	}
	return join(", ", version, plain(edition(it.Edition, "ed.")), apaVolumeBooklike(it))
}

// isVersionNumber treats "1.2.3" as numeric, as citeproc does for versions.
func isVersionNumber(v string) bool {
	for _, r := range v {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return v != ""
}

func apaVolumeBooklike(it *csl.Item) Rich {
	var parts []Rich
	if it.Type == "report" && it.CollectionTitle != "" {
		parts = append(parts, cat(titleCaseFor(it, bibTitle(it, it.CollectionTitle)), wrap(" ", plain(it.CollectionNumber), "")))
	}
	if it.Volume != "" {
		if isNumeric(it.Volume) {
			parts = append(parts, plain("Vol. "+it.Volume))
		}
	} else if it.NumberOfVolumes != "" {
		parts = append(parts, plain("Vols. 1–"+it.NumberOfVolumes))
	}
	if it.Issue != "" {
		parts = append(parts, plain("Issue "+it.Issue))
	}
	if it.Page != "" {
		parts = append(parts, plain(pagesLabel(it.Page)+" "+pageRange(it.Page, "expanded")))
	}
	return join(", ", parts...)
}

// pagesLabel is "p." for a single page ("7", "e124", "S12") and "pp."
// otherwise, as citeproc decides: a range, a list, or text ("To appear").
func pagesLabel(p string) string {
	if singlePage(strings.TrimSpace(p)) {
		return "p."
	}
	return "pp."
}

func singlePage(p string) bool {
	i := 0
	for i < len(p) && (p[i] >= 'a' && p[i] <= 'z' || p[i] >= 'A' && p[i] <= 'Z') {
		i++
	}
	j := i
	for j < len(p) && p[j] >= '0' && p[j] <= '9' {
		j++
	}
	return j > i && j == len(p)
}

func apaBracketed(it *csl.Item) Rich {
	var s string
	switch {
	case it.Type == "thesis":
		if it.Number == "" {
			g := capitalizeFirstText(it.Genre)
			if it.DOI != "" || it.URL != "" || it.Archive != "" {
				g = joinNonEmpty(", ", g, it.Publisher)
			}
			s = joinNonEmpty("; ", g, capitalizeFirstText(it.Medium))
		} else {
			s = capitalizeFirstText(it.Medium)
		}
	case it.ContainerTitle == "":
		s = apaFormat(it)
	case it.Type == "paper-conference":
		if apaPaperBooklike(it) || it.Issue != "" || it.Page != "" || it.Volume != "" {
			s = apaFormat(it)
		}
	case it.Type == "book":
		if it.Version == "" {
			s = apaFormat(it)
		}
	case it.Type != "report":
		s = apaFormat(it)
	}
	if s == "" {
		return nil
	}
	return plain("[" + s + "]")
}

func apaFormat(it *csl.Item) string {
	switch {
	case it.Genre != "" || it.Medium != "":
		g := ""
		if it.Number == "" {
			g = capitalizeFirstText(it.Genre)
		}
		return joinNonEmpty("; ", g, capitalizeFirstText(it.Medium))
	case it.Type == "dataset":
		return "Data set"
	case it.Type == "book" && it.Version != "", it.Type == "software":
		return "Computer software"
	}
	return ""
}

func apaTitleAndDescriptions(it *csl.Item) Rich {
	t := apaTitle(it)
	if len(t) == 0 {
		return join(" ", apaBracketed(it), apaParenthetical(it))
	}
	return join(" ", t, apaParenthetical(it), apaBracketed(it))
}

func apaContainer(it *csl.Item) Rich {
	switch {
	case isPeriodical(it.Type) || it.Type == "paper-conference" && !apaPaperBooklike(it) && len(it.ContainerAuthor) == 0:
		return apaContainerPeriodical(it)
	case isWeb(it.Type):
		return nil
	}
	return apaContainerBooklike(it)
}

func apaContainerPeriodical(it *csl.Item) Rich {
	var vol Rich
	if it.Volume != "" {
		vol = cat(italic(plain(it.Volume)), wrap("(", plain(it.Issue), ")"))
	} else {
		vol = italic(plain(it.Issue))
	}
	var loc Rich
	if it.Number != "" && it.Type != "article" {
		loc = plain("Article " + it.Number)
	} else {
		loc = plain(pageRange(it.Page, "expanded"))
	}
	head := join(", ", italic(titleCaseFor(it, containerTitle(it))), vol, loc)
	var status Rich
	if it.Issued != nil && it.Issue == "" && it.Page == "" && it.Volume == "" {
		status = plain(capitalizeFirstText(it.Status))
	}
	return join(". ", head, status)
}

func apaContainerBooklike(it *csl.Item) Rich {
	if it.ContainerTitle == "" {
		return nil
	}
	var eds Rich
	switch {
	case len(it.Editor) > 0 && len(it.Author) > 0:
		eds = plain(formatNames(it.Editor, apaSecondary) + " (" + edLabel(it.Editor) + ")")
	case len(it.CollectionEditor) > 0:
		eds = plain(formatNames(it.CollectionEditor, apaSecondary) + " (" + edLabel(it.CollectionEditor) + ")")
	case len(it.ContainerAuthor) > 0:
		eds = plain(formatNames(it.ContainerAuthor, apaSecondary))
	}
	if len(it.Translator) > 0 {
		eds = join(", & ", eds, plain(formatNames(it.Translator, apaSecondary)+" ("+trLabel(it.Translator)+")"))
	}
	ct := containerTitle(it)
	if it.Volume != "" && !isNumeric(it.Volume) {
		ct = cat(ct, plain(": Vol. "+it.Volume))
	}
	var paren Rich
	var bits []Rich
	if it.Number != "" && it.Type != "paper-conference" {
		bits = append(bits, apaNumber(it))
	}
	bits = append(bits, apaLocatorsBooklike(it))
	paren = wrap("(", join("; ", bits...), ")")
	return cat(plain("In "), join(" ", join(", ", eds, italic(ct)), paren))
}

func apaPublisher(it *csl.Item) Rich {
	var pub Rich
	switch {
	case it.Type == "thesis":
		if it.Archive == "" && it.DOI == "" && it.URL == "" {
			pub = plain(it.Publisher)
		}
	case isWeb(it.Type):
		pub = join("; ", titleCaseFor(it, containerTitle(it)), plain(it.Publisher))
	case it.Type == "paper-conference":
		if apaPaperBooklike(it) {
			pub = plain(it.Publisher)
		}
	case isPeriodical(it.Type):
	default:
		pub = plain(it.Publisher)
	}
	return join("; ", pub, plain(it.Archive))
}

func apaAccess(it *csl.Item) Rich {
	if it.DOI != "" {
		return doiLink(it.DOI)
	}
	if it.URL == "" {
		return nil
	}
	if !hasDate(it.Issued) && it.Status == "" && it.Accessed != nil {
		return cat(plain("Retrieved "+longDate(it.Accessed)+", from "), urlLink(it.URL))
	}
	return urlLink(it.URL)
}

// longDate is "March 5, 2024", or as much of it as the date has.
func longDate(d *csl.Date) string {
	return wordDate(d, &months, false, false)
}

func apaLayout(it *csl.Item, c *ctx) Rich {
	author := apaAuthor(it, c.names)
	var head Rich
	if len(author) > 0 {
		head = join(". ", author, apaDate(it, c), apaTitleAndDescriptions(it), apaContainer(it), apaPublisher(it))
	} else {
		// No author: the title takes the author's place (apa.csl substitute).
		head = join(". ", apaTitleAndDescriptions(it), apaDate(it, c), apaContainer(it), apaPublisher(it))
	}
	head = cat(head, plain("."))
	return join(" ", head, apaAccess(it))
}

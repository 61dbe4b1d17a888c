package style

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/evident-tools/evident/export/csl"
)

// months are the en-US month names of the CSL locale.
var months = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// monthsShort are the en-US abbreviated month names ("Sept." as CSL writes it).
var monthsShort = [...]string{"Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July",
	"Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

// dateParts returns year, month and day of a date's first part (0 when absent).
func dateParts(d *csl.Date) (y, m, day int) {
	if d == nil || len(d.DateParts) == 0 {
		return 0, 0, 0
	}
	p := d.DateParts[0]
	if len(p) > 0 {
		y = p[0]
	}
	if len(p) > 1 && p[1] >= 1 && p[1] <= 12 {
		m = p[1]
	}
	if len(p) > 2 {
		day = p[2]
	}
	return
}

// year gives a date's year as text, its literal when it has no parts
// ("in press"), or "" when there is no date.
func year(d *csl.Date) string {
	if d == nil {
		return ""
	}
	if y, _, _ := dateParts(d); y != 0 {
		return strconv.Itoa(y)
	}
	return d.Literal
}

// hasDate reports whether the item has an issued date of any kind.
func hasDate(d *csl.Date) bool { return year(d) != "" }

// pageRange formats a page field: a hyphen or double hyphen between numbers
// becomes an en dash, and the second number is shortened or expanded as the
// style's page-range-format says ("expanded", "minimal", "minimal-two",
// "chicago", or "" to keep it as written).
func pageRange(p, format string) string {
	p = strings.TrimSpace(p)
	if p == "" {
		return ""
	}
	if !strings.ContainsAny(p, "-–—") {
		return p
	}
	var out []string
	for _, part := range strings.Split(p, ",") {
		part = strings.TrimSpace(part)
		a, b, ok := splitRange(part)
		if !ok {
			out = append(out, part)
			continue
		}
		out = append(out, a+"–"+rangeEnd(a, b, format))
	}
	return strings.Join(out, ", ")
}

func splitRange(s string) (a, b string, ok bool) {
	i := strings.IndexAny(s, "-–—")
	if i < 0 {
		return "", "", false
	}
	a = strings.TrimSpace(s[:i])
	rest := strings.TrimLeft(s[i:], "-–— ")
	b = strings.TrimSpace(rest)
	if a == "" || b == "" {
		return "", "", false
	}
	return a, b, true
}

// rangeEnd applies a CSL page-range-format to the end of a range whose
// start and end are plain numbers; anything else stays as written.
func rangeEnd(a, b, format string) string {
	if !allDigits(a) || !allDigits(b) || format == "" {
		return b
	}
	// Expand first: "321–28" → "321–328".
	if len(b) < len(a) {
		b = a[:len(a)-len(b)] + b
	}
	if len(a) != len(b) {
		return b
	}
	switch format {
	case "expanded":
		return b
	case "minimal":
		return minimalEnd(a, b, 1)
	case "minimal-two":
		return minimalEnd(a, b, 2)
	case "chicago", "chicago-15", "chicago-16":
		n, _ := strconv.Atoi(a)
		switch {
		case n < 100 || n%100 == 0:
			return b
		case n%100 < 10:
			return minimalEnd(a, b, 1)
		case len(a) == 4:
			// Four digits: keep the last two, or three when more differ.
			if m := minimalEnd(a, b, 2); len(m) > 2 {
				return b
			}
			return minimalEnd(a, b, 2)
		default:
			return minimalEnd(a, b, 2)
		}
	}
	return b
}

func minimalEnd(a, b string, keep int) string {
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(b)-i < keep {
		i = max(len(b)-keep, 0)
	}
	return b[i:]
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// isNumeric reports whether s is a number CSL would treat as numeric ("2",
// "12", "3rd").
// "12–14", "1999-66" and "3, 5" are numeric too.
func isNumeric(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '–' || r == ',' || r == '&' || r == ' ' })
	for _, p := range parts {
		if !allDigits(p) {
			return false
		}
	}
	return len(parts) > 0
}

// ordinal gives the English ordinal of n: 1st, 2nd, 3rd, 4th, 11th, 21st.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// edition formats an edition as "2nd ed." when it is a number and as
// written ("Rev. ed.", "Second edition") otherwise; "" for a first edition
// given as 1 is still shown, as CSL does.
func edition(e, abbrev string) string {
	e = strings.TrimSpace(e)
	if e == "" {
		return ""
	}
	if n, ok := editionNumber(e); ok {
		return ordinal(n) + " " + abbrev
	}
	return e
}

// doiURL turns a DOI into its https://doi.org/ link.
func doiURL(doi string) string {
	doi = strings.TrimSpace(doi)
	if doi == "" {
		return ""
	}
	l := strings.ToLower(doi)
	if strings.HasPrefix(l, "https://doi.org/") || strings.HasPrefix(l, "http://dx.doi.org/") || strings.HasPrefix(l, "https://dx.doi.org/") {
		return doi
	}
	return "https://doi.org/" + doi
}

// doiLink is the DOI as a link whose text is its URL.
func doiLink(doi string) Rich {
	u := doiURL(doi)
	return link(u, u)
}

// urlLink is a URL as a link.
func urlLink(u string) Rich { return link(strings.TrimSpace(u), strings.TrimSpace(u)) }

// foldKey lower-cases s and removes accents and punctuation so that sort
// keys compare as a reader expects ("Élise" beside "Elise").
func foldKey(s string) string {
	if isASCII(s) {
		var b strings.Builder
		b.Grow(len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c >= 'A' && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == ' ', c == '\x01':
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	var b strings.Builder
	for _, c := range strings.ToLower(stripMarks(s)) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) || c == ' ' || c == '\x01' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// titleSortKey is a title's sort key. Leading articles count, as in
// pandoc's citeproc.
func titleSortKey(t string) string {
	return foldKey(csl.Plain(t))
}

// plural reports whether a name list stands for more than one person ("and
// others" counts).
func plural(ns []csl.Name) bool { return countNames(ns) > 1 }

func itoa(n int) string { return strconv.Itoa(n) }

// bibTitle is a title of a BibTeX entry as a style sees it: pandoc's BibTeX
// reader puts English titles into sentence case (styles that want title
// case turn them back), so evident does the same for the title, book title
// and series, but not for a journal's name. Titles of entries in another
// language are left as written.
func bibTitle(it *csl.Item, s string) Rich {
	r := parseRich(s)
	if !isEnglish(it.Language) {
		return r
	}
	return sentenceCase(r)
}

// containerTitle is the container title: a periodical's name as written,
// a book's title like any title.
func containerTitle(it *csl.Item) Rich {
	switch it.Type {
	case "article-journal", "article-magazine", "article-newspaper", "periodical", "post-weblog", "review", "review-book", "webpage", "post":
		return parseRich(it.ContainerTitle)
	}
	return bibTitle(it, it.ContainerTitle)
}

// isEnglish reports whether a language tag or BibTeX langid names English
// (or nothing).
func isEnglish(lang string) bool {
	l := strings.ToLower(strings.TrimSpace(lang))
	return l == "" || strings.HasPrefix(l, "en") || l == "american" || l == "british" ||
		l == "usenglish" || l == "ukenglish" || l == "canadian" || l == "australian" || l == "newzealand"
}

// punctFoldKey lower-cases s and removes accents but keeps punctuation.
func punctFoldKey(s string) string {
	if !isASCII(s) {
		s = stripMarks(s)
	}
	return strings.ToLower(s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// isEditionNumber reports whether an edition is a number ("2", "2nd").
func isEditionNumber(e string) bool {
	_, ok := editionNumber(e)
	return ok
}

// stripMarks removes accents: the combining marks of the canonical
// decomposition ("Élise" → "Elise").
func stripMarks(s string) string {
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, c := range d {
		if !unicode.Is(unicode.Mn, c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// wordDate writes a date with its month in words, as much of it as the date
// has: "March 5, 2024" (or "5 March 2024" when dayFirst), "March 2024",
// "2024", or the date's literal. padDay writes days below 10 as "05".
func wordDate(d *csl.Date, names *[12]string, dayFirst, padDay bool) string {
	y, m, day := dateParts(d)
	switch {
	case y == 0:
		if d != nil {
			return d.Literal
		}
		return ""
	case m == 0:
		return itoa(y)
	case day == 0:
		return names[m-1] + " " + itoa(y)
	}
	dd := itoa(day)
	if padDay && day < 10 {
		dd = "0" + dd
	}
	if dayFirst {
		return dd + " " + names[m-1] + " " + itoa(y)
	}
	return names[m-1] + " " + dd + ", " + itoa(y)
}

// longDate is "March 5, 2024", or as much of it as the date has.
func longDate(d *csl.Date) string {
	return wordDate(d, &months, false, false)
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

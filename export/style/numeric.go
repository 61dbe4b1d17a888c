package style

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/export/csl"
)

// Helpers shared by the numeric styles (Vancouver, AMA, IEEE).

// monthsAbbr are the en-US CSL locale's short month names ("Jun.", "Sep."),
// which the numeric styles use; Vancouver strips their periods.
var monthsAbbr = [...]string{"Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.",
	"Aug.", "Sep.", "Oct.", "Nov.", "Dec."}

// isJournalLike reports whether the numeric styles lay an item out as a
// periodical article (container title, volume, issue, pages).
func isJournalLike(t string) bool {
	switch t {
	case "article-journal", "article-magazine", "article-newspaper", "review", "review-book":
		return true
	}
	return false
}

// isChapterLike reports whether an item is a part of a book or proceedings,
// introduced by "In:" in the numeric styles.
func isChapterLike(t string) bool {
	switch t {
	case "chapter", "paper-conference", "entry-dictionary", "entry-encyclopedia":
		return true
	}
	return false
}

// stripPeriods removes every period, as CSL strip-periods does for
// abbreviated journal names ("N. Engl. J. Med." → "N Engl J Med").
func stripPeriods(r Rich) Rich {
	out := make(Rich, 0, len(r))
	for _, s := range r {
		if s.Link == "" {
			s.Text = strings.ReplaceAll(s.Text, ".", "")
		}
		out = append(out, s)
	}
	return out
}

// journalTitle is a periodical's name in the short form when the entry has
// one (shortjournal), else in full.
func journalTitle(it *csl.Item) Rich {
	if it.ContainerTitleShort != "" {
		return parseRich(it.ContainerTitleShort)
	}
	return containerTitle(it)
}

// nameList renders a name list and, when it was shortened, returns the et
// al. term as its own span so a style can set it in italics.
func nameList(ns []csl.Name, o nameOpts, etAlItalic bool) Rich {
	s := formatNames(ns, o)
	if s == "" {
		return nil
	}
	if !etAlItalic || !strings.HasSuffix(s, "et al.") {
		return plain(s)
	}
	head := strings.TrimSuffix(s, "et al.")
	return Rich{{Text: head}, {Text: "et al.", Italic: true}}
}

// roleLabel is a role term for editors or translators in the short or long
// form the style wants: "ed."/"eds.", "editor"/"editors".
func roleLabel(ns []csl.Name, single, multiple string) string {
	if countNames(ns) > 1 {
		return multiple
	}
	return single
}

// countNames counts a name list's names; a trailing "and others" counts as
// more than one, since it stands for further names.
func countNames(ns []csl.Name) int {
	n := len(ns)
	if n > 0 && isOthers(ns[n-1]) {
		n++
	}
	return n
}

// pageLabel is "p." for one page and "pp." for a range or list, as the
// CSL "page" term in its short form.
func pageLabel(p string) string {
	if strings.ContainsAny(p, "-–—,&") {
		return "pp."
	}
	return "p."
}

// smartApostrophes turns a straight apostrophe between letters into a
// typographic one (Master's → Master’s), as pandoc does with every text it
// reads. Links are left alone.
func smartApostrophes(r Rich) Rich {
	for i := range r {
		if r[i].Link != "" || !strings.Contains(r[i].Text, "'") {
			continue
		}
		t := r[i].Text
		var b strings.Builder
		for j := 0; j < len(t); j++ {
			if t[j] == '\'' && j > 0 {
				prev, _ := utf8.DecodeLastRuneInString(t[:j])
				if unicode.IsLetter(prev) || unicode.IsDigit(prev) {
					b.WriteString("’")
					continue
				}
			}
			b.WriteByte(t[j])
		}
		r[i].Text = b.String()
	}
	return r
}

// quotedTitle puts a title in curly double quotes; double quotes inside it
// become single ones, as CSL's quotes flip-flop does.
func quotedTitle(r Rich) Rich {
	if len(r) == 0 {
		return nil
	}
	out := r
	for i, s := range r {
		if s.Link == "" && strings.ContainsAny(s.Text, "“”") {
			if i == 0 || &out[0] == &r[0] {
				out = append(Rich(nil), r...)
			}
			out[i].Text = quoteFlipper.Replace(s.Text)
		}
	}
	return quoted(out, "")
}

var quoteFlipper = strings.NewReplacer("“", "‘", "”", "’")

// finish applies what the numeric styles do to a whole entry after its
// parts are joined: typographic apostrophes, and, as citeproc does, no
// period, colon or comma right after a semicolon or colon that ends a part
// ("2013;." → "2013;", "2011;:533" → "2011;533").
func finish(r Rich) Rich {
	r = smartApostrophes(r)
	prev := ""
	for i := range r {
		if r[i].Link == "" {
			r[i].Text = collapsePunct(prev, r[i].Text)
		}
		if r[i].Text != "" {
			prev = r[i].Text
		}
	}
	return r
}

// collapsePunct drops punctuation at the start of t that follows a
// semicolon or colon ending prev. Only the seams between a style's parts
// are touched, never the text of a title ("Literature;: Or").
func collapsePunct(prev, t string) string {
	if t == "" {
		return t
	}
	if (strings.HasSuffix(prev, ";") || strings.HasSuffix(prev, ":")) && strings.ContainsRune(".:,;", rune(t[0])) {
		t = t[1:]
	}
	return t
}

// titleCaseIfEnglish applies CSL title case, which CSL defines for English
// only: titles in other languages stay as written.
func titleCaseIfEnglish(it *csl.Item, r Rich) Rich {
	if !isEnglish(it.Language) {
		return r
	}
	return titleCase(r)
}

// linked makes every span of r a link to url.
func linked(r Rich, url string) Rich {
	out := make(Rich, len(r))
	for i, s := range r {
		s.Link = url
		out[i] = s
	}
	return out
}

// numberRange writes a range of plain numbers ("3-4", "10--11") with an en
// dash, as CSL's <number> element does; anything else ("AES-15", "S1")
// stays as written.
func numberRange(s string) string {
	a, b, ok := splitRange(s)
	if !ok || !allDigits(a) || !allDigits(b) {
		return s
	}
	return a + "–" + b
}

// titleOf is a title as bibTitle reads it, without the spaces a .bib may
// leave inside its braces ("{\textbf{Sketching }}").
func titleOf(it *csl.Item, s string) Rich { return trimRich(bibTitle(it, s)) }

// trimRich trims white space from both ends of r, across spans.
func trimRich(r Rich) Rich {
	for len(r) > 0 && strings.TrimSpace(r[0].Text) == "" {
		r = r[1:]
	}
	for len(r) > 0 && strings.TrimSpace(r[len(r)-1].Text) == "" {
		r = r[:len(r)-1]
	}
	if len(r) == 0 {
		return nil
	}
	first, last := r[0].Text, r[len(r)-1].Text
	if t := strings.TrimLeft(first, " \t\n"); t != first || strings.TrimRight(last, " \t\n") != last {
		r = append(Rich(nil), r...)
		r[0].Text = t
		r[len(r)-1].Text = strings.TrimRight(r[len(r)-1].Text, " \t\n")
	}
	return r
}

// pages formats a page field with the style's page-range-format. Besides
// plain numbers (pageRange), a range whose ends share a letter prefix
// ("e103-e109", "S12-S19") is shortened on its digits as citeproc does:
// "e103–9" in minimal form.
func pages(p, format string) string {
	if format == "" || !strings.ContainsAny(p, "-–—") {
		return pageRange(p, format)
	}
	parts := strings.Split(p, ",")
	for i, part := range parts {
		a, b, ok := splitRange(strings.TrimSpace(part))
		pa, da := splitPrefix(a)
		pb, db := splitPrefix(b)
		if !ok || pa == "" || pa != pb || da == "" || db == "" {
			parts[i] = pageRange(strings.TrimSpace(part), format)
			continue
		}
		end := rangeEnd(da, db, format)
		if end == db && format != "minimal" && format != "minimal-two" {
			end = pb + db // expanded: "e103–e109"
		}
		parts[i] = a + "–" + end
	}
	return strings.Join(parts, ", ")
}

// splitPrefix splits "e103" into "e" and "103"; "" and s when s does not
// end in digits after a letter prefix.
func splitPrefix(s string) (prefix, digits string) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if i == 0 || i == len(s) {
		return "", s
	}
	for _, c := range s[:i] {
		if !unicode.IsLetter(c) {
			return "", s
		}
	}
	return s[:i], s[i:]
}

// editionNumber reads an edition CSL counts as numeric: "2", or "2nd",
// "3rd", "4th" as a .bib often writes it. "Second" and "Rev." are not.
func editionNumber(e string) (int, bool) {
	e = strings.TrimSpace(e)
	i := 0
	for i < len(e) && e[i] >= '0' && e[i] <= '9' {
		i++
	}
	if i == 0 || i > 4 {
		return 0, false
	}
	switch strings.ToLower(e[i:]) {
	case "", "st", "nd", "rd", "th":
		n, err := strconv.Atoi(e[:i])
		return n, err == nil && n > 0
	}
	return 0, false
}

// publisherOf is the publisher, unless it is only the work's URL (a
// howpublished = {\url{...}} that the entry's URL came from too), which the
// styles print once, where they print URLs.
func publisherOf(it *csl.Item) string {
	p := strings.TrimSpace(it.Publisher)
	if it.URL != "" && strings.TrimRight(p, "/") == strings.TrimRight(it.URL, "/") {
		return ""
	}
	return p
}

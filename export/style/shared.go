package style

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/export/csl"
)

// Helpers the hand-written styles (Chicago, MLA) and the processor's
// adapter share; the numeric styles they once served (Vancouver, AMA,
// IEEE) now run through the CSL processor.

// countNames counts a name list's names; a trailing "and others" counts as
// more than one, since it stands for further names.
func countNames(ns []csl.Name) int {
	n := len(ns)
	if n > 0 && isOthers(ns[n-1]) {
		n++
	}
	return n
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

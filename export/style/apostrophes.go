package style

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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

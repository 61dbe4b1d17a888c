package csl

import (
	"strconv"
	"strings"
	"unicode"
)

func itoa(n int) string { return strconv.Itoa(n) }

// numberEl is <number>.
type numberEl struct {
	f              fmting
	variable, form string
}

func (e *numberEl) render(c *ctx) *node {
	c.called++
	v := c.variable(e.variable)
	if v == "" {
		return nil
	}
	c.found++
	if c.substituting {
		c.subVars = append(c.subVars, e.variable)
	}
	if !isNumeric(v) {
		return c.slab.wrap(richNode(v), &e.f)
	}
	var b strings.Builder
	for _, tok := range numberTokens(v) {
		if tok.num < 0 {
			sep := tok.text
			switch strings.TrimSpace(sep) {
			case "-", "–":
				sep = "–"
			case ",":
				sep = ", "
			case "&":
				sep = " & "
			}
			b.WriteString(sep)
			continue
		}
		b.WriteString(tok.prefix)
		if (e.form == "ordinal" || e.form == "long-ordinal") && ordinalSuffix(tok.suffix) {
			// "2nd" is already an ordinal: the form gives its own
			// suffix, and the written one would double it ("2ndnd")
			tok.suffix = ""
		}
		switch e.form {
		case "ordinal":
			b.WriteString(c.p.ordinal(tok.num, c.p.loc.gender(termForVariable(e.variable))))
		case "long-ordinal":
			b.WriteString(c.p.longOrdinal(tok.num, c.p.loc.gender(termForVariable(e.variable))))
		case "roman":
			b.WriteString(roman(tok.num))
		default:
			b.WriteString(tok.text)
		}
		b.WriteString(tok.suffix)
	}
	return c.slab.styled(b.String(), &e.f)
}

func termForVariable(v string) string {
	switch v {
	case "edition":
		return "edition"
	case "volume":
		return "volume"
	case "issue":
		return "issue"
	case "chapter-number":
		return "chapter"
	}
	return v
}

// ordinalSuffix tells whether letters after a number are an ordinal's
// ending as people write it ("nd", "th", "e", "ème", "º", ".").
func ordinalSuffix(s string) bool {
	if s == "." || s == "º" || s == "ª" {
		return true
	}
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 3
}

type numTok struct {
	text, prefix, suffix string
	num                  int // -1 for a separator
}

// numberTokens splits "2a-4, 7" into numbers (with letter affixes) and
// separators.
func numberTokens(v string) []numTok {
	var out []numTok
	i := 0
	for i < len(v) {
		j := i
		for j < len(v) && !isNumSep(v[j]) {
			j++
		}
		if j > i {
			word := v[i:j]
			p := strings.IndexAny(word, "0123456789")
			q := strings.LastIndexAny(word, "0123456789")
			if p < 0 {
				out = append(out, numTok{text: word, num: -1})
			} else {
				n, err := strconv.Atoi(word[p : q+1])
				if err != nil {
					out = append(out, numTok{text: word, num: -1})
				} else {
					out = append(out, numTok{text: word[p : q+1], prefix: word[:p], suffix: word[q+1:], num: n})
				}
			}
		}
		k := j
		for k < len(v) && isNumSep(v[k]) {
			k++
		}
		if k > j {
			out = append(out, numTok{text: v[j:k], num: -1})
		}
		i = k
	}
	return out
}

func isNumSep(b byte) bool { return b == '-' || b == ',' || b == '&' || b == ' ' }

// isNumeric says whether a value is a number or a list or range of numbers,
// each optionally with letters before or after ("12", "2a", "L2-L4", "3 & 5").
func isNumeric(v string) bool {
	if v == "" {
		return false
	}
	v = strings.ReplaceAll(v, "–", "-")
	for _, tok := range numberTokens(v) {
		if tok.num < 0 {
			if strings.Trim(tok.text, "-,& ") != "" {
				return false
			}
			continue
		}
		if !isLetters(tok.prefix) || !isLetters(tok.suffix) {
			return false
		}
	}
	return true
}

func isLetters(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// ordinal renders n with the locale's ordinal suffix ("1st", "11th",
// "2e"), following the terms' match rules (last-digit, last-two-digits,
// whole-number).
func (p *Processor) ordinal(n int, gender string) string {
	get := func(k int, ok func(match string) bool) (string, bool) {
		t, found := p.loc.termEntry("ordinal-"+pad2(k), "long", gender)
		if !found {
			return "", false
		}
		m := t.match
		if m == "" {
			m = "last-two-digits"
			if k < 10 {
				m = "last-digit"
			}
		}
		return t.single, ok(m)
	}
	if n < 0 {
		n = -n
	}
	if s, ok := get(n%100, func(m string) bool {
		return m == "last-two-digits" || m == "whole-number" && n < 100 || m == "last-digit" && n%100 < 10
	}); ok {
		return itoa(n) + s
	}
	if s, ok := get(n%10, func(m string) bool { return m == "last-digit" || m == "whole-number" && n < 10 }); ok {
		return itoa(n) + s
	}
	s, _ := p.loc.term("ordinal", "long", false)
	return itoa(n) + s
}

// longOrdinal spells out 1–10 ("first"); other numbers are ordinals.
func (p *Processor) longOrdinal(n int, gender string) string {
	if n >= 1 && n <= 10 {
		if t, ok := p.loc.termEntry("long-ordinal-"+pad2(n), "long", gender); ok {
			return t.single
		}
	}
	return p.ordinal(n, gender)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + itoa(n)
	}
	return itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// pageRange formats page ranges with the style's page-range-format and the
// locale's range delimiter.
func (p *Processor) pageRange(v, variable string) string {
	if !strings.ContainsAny(v, "-–") {
		return v
	}
	format := p.style.opts["page-range-format"]
	delim, ok := p.loc.term("page-range-delimiter", "long", false)
	if !ok || delim == "" {
		delim = "–"
	}
	parts := strings.Split(v, ",")
	for i, part := range parts {
		lead := part[:len(part)-len(strings.TrimLeft(part, " "))]
		part = strings.TrimSpace(part)
		seg := strings.FieldsFunc(part, func(r rune) bool { return r == '-' || r == '–' })
		if len(seg) != 2 {
			parts[i] = lead + part
			continue
		}
		a, b := strings.TrimSpace(seg[0]), strings.TrimSpace(seg[1])
		if format != "" {
			b = rangeSecond(a, b, format)
		} else if variable == "locator" {
			parts[i] = lead + a + delim + b
			continue
		}
		parts[i] = lead + a + delim + b
	}
	return strings.Join(parts, ",")
}

// rangeSecond shortens or expands the second number of a range.
func rangeSecond(a, b, format string) string {
	pa, na := splitNumPrefix(a)
	pb, nb := splitNumPrefix(b)
	if na == "" || nb == "" || pa != pb {
		return b
	}
	if len(nb) < len(na) { // expand "321-28" to "321-328"
		nb = na[:len(na)-len(nb)] + nb
	}
	if format != "expanded" {
		// a shortened second page drops the prefix the first one
		// carries ("e103–9", "S12–9"): it only repeats
		pb = ""
	}
	switch format {
	case "expanded":
		return pb + nb
	case "minimal":
		return pb + minimal(na, nb, 1)
	case "minimal-two":
		return pb + minimal(na, nb, 2)
	case "chicago", "chicago-15", "chicago-16":
		x, _ := strconv.Atoi(na)
		switch {
		case x < 100 || x%100 == 0:
			return pb + nb
		case x%100 < 10 && format != "chicago-16":
			return pb + minimal(na, nb, 1)
		case len(na) == 4 && format != "chicago-16" && minimal(na, nb, 1) != nb[len(nb)-1:] && len(minimal(na, nb, 2)) > 2:
			return pb + nb
		default:
			return pb + minimal(na, nb, 2)
		}
	}
	return pb + nb
}

func splitNumPrefix(s string) (string, string) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if i < len(s) && strings.Trim(s[i:], "0123456789") == "" {
		return s[:i], s[i:]
	}
	return s, ""
}

// minimal drops the leading digits that the second number shares with the
// first, keeping at least keep digits.
func minimal(a, b string, keep int) string {
	if len(a) != len(b) {
		return b
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(b)-i < keep {
		i = len(b) - keep
		if i < 0 {
			i = 0
		}
	}
	return b[i:]
}

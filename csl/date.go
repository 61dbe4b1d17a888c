package csl

import (
	"fmt"
	"strings"
)

// dateEl is <date>, in the style or as a locale's date format.
type dateEl struct {
	f         fmting
	variable  string
	form      string // "text" or "numeric": localized
	dateParts string // year-month-day, year-month, year
	delim     string
	parts     []datePartEl
}

type datePartEl struct {
	name, form string
	f          fmting
	rangeDelim string
	hasAffix   bool
}

func compileDate(n *xnode, file string, s *Style) (*dateEl, error) {
	d := &dateEl{f: readFmt(n), variable: n.attr("variable"), form: n.attr("form"), dateParts: n.attr("date-parts"), delim: n.attr("delimiter")}
	if d.dateParts == "" {
		d.dateParts = "year-month-day"
	}
	for _, k := range n.kids {
		if k.name != "date-part" {
			continue
		}
		name := k.attr("name")
		if name != "year" && name != "month" && name != "day" {
			return nil, fmt.Errorf("%s:%d: <date-part> name must be year, month or day, not %q", file, k.line, name)
		}
		rd, ok := k.attrs["range-delimiter"]
		if !ok {
			rd = "–"
		}
		_, hp := k.attrs["prefix"]
		_, hs := k.attrs["suffix"]
		d.parts = append(d.parts, datePartEl{name: name, form: k.attr("form"), f: readFmt(k), rangeDelim: rd, hasAffix: hp || hs})
	}
	if s != nil {
		s.dates = append(s.dates, d)
	}
	return d, nil
}

// partsFor returns the date parts to render: a localized date takes the
// locale's format and lets the style override the form and formatting of
// each part, but not its affixes or order.
func (e *dateEl) partsFor(c *ctx) ([]datePartEl, string) {
	if e.form == "" {
		return e.parts, e.delim
	}
	lf := c.p.loc.dates[e.form]
	if lf == nil {
		return e.parts, e.delim
	}
	var out []datePartEl
	for _, lp := range lf.parts {
		if !strings.Contains(e.dateParts, lp.name) {
			continue
		}
		for _, sp := range e.parts {
			if sp.name == lp.name {
				if sp.form != "" {
					lp.form = sp.form
				}
				pre, suf := lp.f.prefix, lp.f.suffix
				rd := lp.rangeDelim
				lp.f = sp.f
				lp.f.prefix, lp.f.suffix = pre, suf
				if sp.rangeDelim != "–" {
					rd = sp.rangeDelim
				}
				lp.rangeDelim = rd
			}
		}
		out = append(out, lp)
	}
	return out, lf.delim
}

func (e *dateEl) render(c *ctx) *node {
	c.called++
	if c.isSuppressed(e.variable) {
		return nil
	}
	d, ok := c.it.Dates[e.variable]
	if !ok {
		return nil
	}
	c.found++
	if c.substituting {
		c.subVars = append(c.subVars, e.variable)
	}
	if c.sorting {
		return c.slab.leaf(dateKey(d))
	}
	if c.suffixOnly && e.variable == "issued" {
		if c.dis == nil || c.p.style.usesYearSuffix || c.yearSuffixDone {
			return nil
		}
		c.yearSuffixDone = true
		return c.slab.leaf(c.dis.yearSuffix)
	}
	if len(d.Parts) == 0 {
		return c.slab.styled(d.Literal, &e.f)
	}
	parts, delim := e.partsFor(c)
	a := d.Parts[0]
	if d.Season != 0 && a.Month == 0 {
		a.Month = 12 + d.Season
	}
	var out *node
	if len(d.Parts) == 2 && d.Parts[1] != d.Parts[0] && d.Parts[1].Year != 0 {
		out = c.dateRange(parts, delim, a, d.Parts[1])
	} else {
		out = c.dateParts(parts, delim, a)
	}
	if out == nil {
		return nil
	}
	return c.slab.wrap(out, &e.f)
}

func (c *ctx) dateParts(parts []datePartEl, delim string, d DatePart) *node {
	var kids []*node
	for _, p := range parts {
		if n := c.datePart(p, d); n != nil {
			kids = append(kids, n)
		}
	}
	return c.slab.group(delim, nil, kids...)
}

// dateRange renders two dates, sharing the parts they have in common
// ("3–5 May 2020", "May–June 2020", "2019–2020").
func (c *ctx) dateRange(parts []datePartEl, delim string, a, b DatePart) *node {
	diff := "day"
	switch {
	case a.Year != b.Year:
		diff = "year"
	case a.Month != b.Month:
		diff = "month"
	}
	rangeDelim := "–"
	for _, p := range parts {
		if p.name == diff {
			rangeDelim = p.rangeDelim
		}
	}
	if diff == "year" {
		x, y := c.dateParts(parts, delim, a), c.dateParts(parts, delim, b)
		return c.slab.group(rangeDelim, nil, x, y)
	}
	inRange := func(name string) bool {
		return name == "day" || name == "month" && diff == "month"
	}
	var kids []*node
	for i := 0; i < len(parts); i++ {
		if !inRange(parts[i].name) {
			if n := c.datePart(parts[i], a); n != nil {
				kids = append(kids, n)
			}
			continue
		}
		j := i
		for j < len(parts) && inRange(parts[j].name) {
			j++
		}
		// the parts both dates have: the last one shown loses its suffix
		// before the range delimiter
		var seg []datePartEl
		for _, p := range parts[i:j] {
			if p.name == "day" && (a.Day == 0 || b.Day == 0) {
				continue
			}
			seg = append(seg, p)
		}
		if len(seg) == 0 {
			i = j - 1
			continue
		}
		first := append([]datePartEl(nil), seg...)
		first[len(first)-1].f.suffix = ""
		second := append([]datePartEl(nil), seg...)
		second[0].f.prefix = ""
		x := c.dateParts(first, delim, a)
		y := c.dateParts(second, delim, b)
		kids = append(kids, c.slab.parent(nonNil(x, c.slab.leaf(rangeDelim), y)))
		i = j - 1
	}
	return c.slab.group(delim, nil, kids...)
}

func nonNil(ns ...*node) []*node {
	var out []*node
	for _, n := range ns {
		if n != nil {
			out = append(out, n)
		}
	}
	return out
}

func (c *ctx) datePart(p datePartEl, d DatePart) *node {
	var s string
	switch p.name {
	case "year":
		if d.Year == 0 {
			return nil
		}
		y := d.Year
		if y < 0 {
			y = -y
		}
		if p.form == "short" {
			s = pad2(y % 100)
		} else {
			s = itoa(y)
		}
		if d.Year < 0 {
			bc, _ := c.p.loc.term("bc", "long", false)
			s += bc
		} else if d.Year < 1000 {
			// CSL 1.0.2: years of one to three digits take the "ad" term
			ad, _ := c.p.loc.term("ad", "long", false)
			s += ad
		}
		if c.dis != nil && c.dis.yearSuffix != "" && !c.p.style.usesYearSuffix && !c.yearSuffixDone {
			c.yearSuffixDone = true
			s += c.dis.yearSuffix
		}
	case "month":
		m := d.Month
		if m == 0 {
			return nil
		}
		if m > 12 {
			// seasons stand where the month would
			t, _ := c.p.loc.term(fmt.Sprintf("season-%02d", (m-13)%4+1), "long", false)
			s = t
			break
		}
		switch p.form {
		case "numeric":
			s = itoa(m)
		case "numeric-leading-zeros":
			s = pad2(m)
		case "short":
			s, _ = c.p.loc.term("month-"+pad2(m), "short", false)
		default:
			s, _ = c.p.loc.term("month-"+pad2(m), "long", false)
		}
	case "day":
		if d.Day == 0 || d.Month == 0 || d.Month > 12 {
			return nil
		}
		switch p.form {
		case "numeric-leading-zeros":
			s = pad2(d.Day)
		case "ordinal":
			if c.p.loc.LimitDayOrdinalsToDay1 && d.Day != 1 {
				s = itoa(d.Day)
			} else {
				s = c.p.ordinal(d.Day, c.p.loc.gender("month-"+pad2(d.Month)))
			}
		default:
			s = itoa(d.Day)
		}
	}
	return c.slab.styled(s, &p.f)
}

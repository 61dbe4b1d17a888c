package csl

import (
	"strings"
	"unicode/utf8"
)

// NewItem returns an item with an id and a type and no variables yet;
// SetVar, SetNames and SetDate fill it in. They read their values the way
// ItemFromJSON reads CSL-JSON (ItemFromJSON calls them), so a caller that
// holds typed fields hands them to the processor directly, without
// writing CSL-JSON for it to read back, and gets the same item.
func NewItem(id, typ string) Item {
	// room for the dozen variables a typical item has: growing the map
	// was most of the cost of building one
	return Item{ID: textValue(id), Type: textValue(typ), Vars: make(map[string]string, 12)}
}

// SetVar sets an ordinary or number variable (numbers are text, as CSL-JSON
// allows). The value is trimmed; an empty one leaves the variable unset.
// The names CSL-JSON writers use for the short forms (journalAbbreviation,
// shortTitle) are read as the CSL variables.
func (it *Item) SetVar(name, value string) {
	switch name {
	case "journalAbbreviation":
		name = "container-title-short"
	case "shortTitle":
		name = "title-short"
	}
	if v := textValue(value); v != "" {
		if it.Vars == nil {
			it.Vars = map[string]string{}
		}
		it.Vars[name] = v
	}
}

// SetNames sets a name variable. Each part is trimmed; a name without a
// family, given or literal part is dropped, and particles written inside
// the family or given name ("van der Berg", "Ludwig van") are moved to
// their own fields when the name has none of its own. An empty list leaves
// the variable unset.
func (it *Item) SetNames(variable string, names []Name) {
	it.setNames(variable, names, nil)
}

// setNames is SetNames where parse[i] asks for name i's particles to be
// split even when it has some (CSL-JSON's "parse-names").
func (it *Item) setNames(variable string, names []Name, parse []bool) {
	var out []Name
	for i, n := range names {
		n.Family = textValue(n.Family)
		n.Given = textValue(n.Given)
		n.DroppingParticle = textValue(n.DroppingParticle)
		n.NonDroppingParticle = textValue(n.NonDroppingParticle)
		n.Suffix = textValue(n.Suffix)
		n.Literal = textValue(n.Literal)
		if n.Literal == "" && n.Family == "" && n.Given == "" {
			continue
		}
		if (i < len(parse) && parse[i]) || (n.NonDroppingParticle == "" && n.DroppingParticle == "") {
			splitParticles(&n)
		}
		if out == nil {
			out = make([]Name, 0, len(names))
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return
	}
	if it.Names == nil {
		it.Names = map[string][]Name{}
	}
	it.Names[variable] = out
}

// SetDate sets a date variable. Parts without a year and a month are
// dropped and a range keeps its first two parts; the literal is trimmed. A
// date left with neither parts nor a literal leaves the variable unset.
func (it *Item) SetDate(variable string, d Date) {
	parts := d.Parts[:0:0]
	for _, p := range d.Parts {
		if p.Year != 0 || p.Month != 0 {
			parts = append(parts, p)
		}
	}
	d.Parts = parts[:min(len(parts), 2)]
	d.Literal = textValue(d.Literal)
	if len(d.Parts) == 0 && d.Literal == "" {
		return
	}
	if it.Dates == nil {
		it.Dates = map[string]Date{}
	}
	it.Dates[variable] = d
}

// NewDatePart reads a CSL-JSON date part, [year, month, day] or a prefix
// of it; anything after the day is ignored, as CSL-JSON readers do.
func NewDatePart(ymd []int) DatePart {
	var p DatePart
	for i, n := range ymd[:min(len(ymd), 3)] {
		switch i {
		case 0:
			p.Year = n
		case 1:
			p.Month = n
		case 2:
			p.Day = n
		}
	}
	return p
}

// textValue is a text value as the processor keeps it: trimmed, and valid
// UTF-8 with each invalid byte read as U+FFFD, which is what a CSL-JSON
// writer (encoding/json) makes of it.
func textValue(s string) string {
	s = strings.TrimSpace(s)
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return strings.TrimSpace(b.String())
}

package csljson

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

var monthMacros = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

var monthNames = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// cslDate is a CSL date as items write it.
type cslDate struct {
	DateParts []json.RawMessage `json:"date-parts"`
	Season    json.RawMessage   `json:"season"`
	Literal   string            `json:"literal"`
	Raw       string            `json:"raw"`
}

// dateParts is one date of a range: year, month (1-12, or an EDTF season
// 21-24, or 0) and day (or 0).
type dateParts struct{ y, m, d int }

// iso writes the date as biblatex's date fields take it.
func (p dateParts) iso() string {
	switch {
	case p.m == 0:
		return fmt.Sprintf("%04d", p.y)
	case p.d == 0:
		return fmt.Sprintf("%04d-%02d", p.y, p.m)
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.y, p.m, p.d)
}

// date adds the fields of the CSL date in member: for issued, year,
// month and, when the date has a day, a season or an end, a biblatex date;
// for the others (yearField ""), the date field alone. A date with no
// year is kept as its text. A member that is no date is kept as
// csl-<member>, with a warning.
func (it *item) date(l *bibtex.FieldList, member, yearField, monthField, dateField string) {
	raw, ok := it.members[member]
	if !ok {
		return
	}
	parts, text, ok := readDate(raw)
	if !ok {
		it.warns = append(it.warns, fmt.Sprintf("%s is not a CSL date; kept as csl-%s", member, member))
		return
	}
	it.used[member] = true
	if len(parts) == 0 {
		if yearField != "" {
			l.Text(yearField, text)
		} else {
			l.Text(dateField, text)
		}
		return
	}
	iso := parts[0].iso()
	if len(parts) > 1 {
		iso += "/" + parts[1].iso()
	}
	if yearField == "" {
		l.Raw(dateField, "{"+iso+"}", iso)
		return
	}
	p := parts[0]
	ys := strconv.Itoa(p.y)
	l.Raw(yearField, ys, ys)
	if 1 <= p.m && p.m <= 12 {
		l.Raw(monthField, monthMacros[p.m-1], monthNames[p.m-1])
	}
	if p.d != 0 || p.m > 12 || len(parts) > 1 {
		l.Raw(dateField, "{"+iso+"}", iso)
	}
}

// readDate reads a CSL date: an object with date-parts (numbers or
// numbers as strings, as Zotero writes them; a range as two parts; null or
// empty parts as no date; a fourth part ignored), a season, a raw or a
// literal date; or, as Better BibTeX writes it, an EDTF string. It gives
// the dates it could read, else the text, and false when raw is no date.
func readDate(raw json.RawMessage) (parts []dateParts, text string, ok bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil, "", false
		}
		return edtf(s), strings.TrimSpace(s), true
	}
	var d cslDate
	if json.Unmarshal(raw, &d) != nil {
		return nil, "", false
	}
	for _, dp := range d.DateParts {
		p, ok := datePart(dp)
		if !ok {
			break
		}
		parts = append(parts, p)
		if len(parts) == 2 {
			break
		}
	}
	if len(parts) > 0 {
		if s := season(d.Season); s != 0 && parts[0].m == 0 {
			parts[0].m = s
		}
		return parts, "", true
	}
	if parts := edtf(d.Raw); len(parts) > 0 {
		return parts, "", true
	}
	text = strings.TrimSpace(d.Literal)
	if text == "" {
		text = strings.TrimSpace(d.Raw)
	}
	if y := corpus.ParseYear(text); y != 0 && text == strconv.Itoa(y) {
		return []dateParts{{y: y}}, "", true
	}
	return nil, text, true
}

// datePart reads one [year, month, day] array. Zotero writes its numbers
// as strings; a null or an empty array is no date.
func datePart(raw json.RawMessage) (dateParts, bool) {
	var vs []json.RawMessage
	if json.Unmarshal(raw, &vs) != nil || len(vs) == 0 {
		return dateParts{}, false
	}
	var ns []int
	for _, v := range vs[:min(len(vs), 3)] {
		vals, ok := scalars(v)
		if !ok || len(vals) != 1 {
			break
		}
		n, err := strconv.Atoi(strings.TrimSpace(vals[0]))
		if err != nil {
			break
		}
		ns = append(ns, n)
	}
	if len(ns) == 0 || ns[0] < 1 || ns[0] > 9999 {
		return dateParts{}, false
	}
	p := dateParts{y: ns[0]}
	if len(ns) > 1 {
		switch m := ns[1]; {
		case 1 <= m && m <= 12:
			p.m = m
		case 13 <= m && m <= 16: // Better BibTeX's seasons as pseudo-months
			p.m = m + 8
		case 21 <= m && m <= 24:
			p.m = m
		}
	}
	if len(ns) > 2 && p.m >= 1 && p.m <= 12 {
		if _, _, d := corpus.ParseDate(fmt.Sprintf("%04d-%02d-%02d", p.y, p.m, ns[2])); d == ns[2] {
			p.d = d
		}
	}
	return p, true
}

// season reads CSL's season, 1 to 4 or a name, as an EDTF season 21-24.
func season(raw json.RawMessage) int {
	vals, ok := scalars(raw)
	if !ok || len(vals) != 1 {
		return 0
	}
	v := strings.ToLower(strings.TrimSpace(vals[0]))
	for i, name := range []string{"spring", "summer", "autumn", "winter"} {
		if v == name || v == strconv.Itoa(i+1) {
			return 21 + i
		}
	}
	if v == "fall" {
		return 23
	}
	return 0
}

// edtf reads an EDTF date or range as Better BibTeX writes it
// ("2011-05-25~/2012-06-26~"); seasons ("2017-21") are kept.
func edtf(s string) []dateParts {
	var out []dateParts
	for _, part := range strings.SplitN(strings.TrimSpace(s), "/", 2) {
		y, m, d := corpus.ParseDate(part)
		if y == 0 {
			continue
		}
		p := dateParts{y: y, m: m, d: d}
		if m == 0 {
			// ParseDate gives no month for a season; keep it.
			clean := strings.Trim(strings.TrimSpace(part), "?~%")
			if len(clean) == 7 && clean[4] == '-' {
				if n, err := strconv.Atoi(clean[5:]); err == nil && 21 <= n && n <= 24 {
					p.m = n
				}
			}
		}
		out = append(out, p)
	}
	return out
}

package crossref

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// The types below read Crossref's JSON leniently, field by field: Crossref
// deposits come from thousands of publishers, and a number where a string
// is expected, a single object where a list is, or a null in date-parts
// must cost that field, never the whole record. Only JSON that does not
// parse at all, or is not a work, is refused.

// text is a string field that also accepts a number (a volume written as
// 7) and ignores anything else.
type text string

func (t *text) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	var s string
	switch {
	case json.Unmarshal(b, &s) == nil:
		*t = text(s)
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		*t = text(b)
	}
	return nil
}

// many is a list field that also accepts a single value; elements that do
// not read as T are dropped.
type many[T any] []T

func (m *many[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	var raws []json.RawMessage
	if len(b) > 0 && b[0] == '[' {
		if json.Unmarshal(b, &raws) != nil {
			return nil
		}
	} else {
		raws = []json.RawMessage{b}
	}
	for _, raw := range raws {
		if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			continue
		}
		var v T
		if json.Unmarshal(raw, &v) == nil {
			*m = append(*m, v)
		}
	}
	return nil
}

// first returns the first non-empty string of a list of texts.
func first(ts many[text]) string {
	for _, t := range ts {
		if s := strings.TrimSpace(string(t)); s != "" {
			return s
		}
	}
	return ""
}

// date is Crossref's date object; only date-parts is read: [[year, month,
// day]], any of them possibly missing, null or a string.
type date struct{ year, month, day int }

func (d *date) UnmarshalJSON(b []byte) error {
	var obj struct {
		Parts []json.RawMessage `json:"date-parts"`
	}
	if json.Unmarshal(b, &obj) != nil || len(obj.Parts) == 0 {
		return nil
	}
	var parts []json.RawMessage
	if json.Unmarshal(obj.Parts[0], &parts) != nil {
		return nil
	}
	get := func(i, lo, hi int) int {
		if i >= len(parts) {
			return 0
		}
		s := strings.Trim(string(bytes.TrimSpace(parts[i])), `"`)
		n, err := strconv.Atoi(s)
		if err != nil {
			f, ferr := strconv.ParseFloat(s, 64)
			if ferr != nil || f != float64(int(f)) {
				return 0
			}
			n = int(f)
		}
		if n < lo || n > hi {
			return 0
		}
		return n
	}
	d.year = get(0, 1, 9999)
	if d.year == 0 {
		return nil
	}
	d.month = get(1, 1, 12)
	if d.month != 0 {
		d.day = get(2, 1, 31)
	}
	return nil
}

// String writes the date as YYYY-MM-DD, YYYY-MM or YYYY, "" when unknown.
func (d date) String() string {
	switch {
	case d.year == 0:
		return ""
	case d.month == 0:
		return strconv.Itoa(d.year)
	case d.day == 0:
		return strconv.Itoa(d.year) + "-" + pad2(d.month)
	}
	return strconv.Itoa(d.year) + "-" + pad2(d.month) + "-" + pad2(d.day)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// number is a float field that also accepts a string and ignores anything
// else.
type number float64

func (n *number) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(bytes.TrimSpace(b)), `"`)
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		*n = number(f)
	}
	return nil
}

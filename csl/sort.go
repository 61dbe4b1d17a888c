package csl

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// sortVal is one item's value for one sort key.
type sortVal struct {
	empty bool
	num   int
	isNum bool
	key   []byte
}

// sortKeys computes an item's values for a section's keys.
func (p *Processor) sortKeys(c *ctx, keys []sortKey, col *collate.Collator, buf *collate.Buffer) []sortVal {
	out := make([]sortVal, len(keys))
	for i := range keys {
		k := &keys[i]
		var s string
		switch {
		case k.macro != nil:
			c.sorting, c.sortKey = true, k
			c.firstNames, c.called, c.found = nil, 0, 0
			n := group("", nil, c.renderKids(k.macro.kids)...)
			c.sorting, c.sortKey = false, nil
			s = p.plain(n)
		case k.variable == "citation-number":
			out[i] = sortVal{num: c.citeNumber, isNum: true}
			continue
		case nameVars[k.variable]:
			ns := c.it.Names[k.variable]
			var parts []string
			for _, n := range ns {
				parts = append(parts, strings.TrimSpace(n.NonDroppingParticle+" "+n.Family+" "+n.Given+" "+n.DroppingParticle+n.Literal))
			}
			s = strings.Join(parts, ", ")
		case dateVars[k.variable]:
			d, ok := c.it.Dates[k.variable]
			if ok {
				s = dateKey(d)
			}
		default:
			s = c.variable(k.variable)
			if isNumeric(s) {
				if toks := numberTokens(s); len(toks) > 0 && toks[0].num >= 0 {
					out[i] = sortVal{num: toks[0].num, isNum: true, key: append([]byte(nil), col.KeyFromString(buf, s)...)}
					buf.Reset()
					continue
				}
			}
			s = plainRich(s)
		}
		if s == "" {
			if k.macro != nil {
				// pandoc's citeproc: an empty macro is an empty text, which
				// sorts first; a missing variable sorts last
				out[i] = sortVal{key: []byte{}}
				continue
			}
			out[i] = sortVal{empty: true}
			continue
		}
		out[i] = sortVal{key: append([]byte(nil), col.KeyFromString(buf, s)...)}
		buf.Reset()
	}
	return out
}

// plainRich drops the markup of a rich-text value.
func plainRich(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dateKey writes a date so that text order is time order.
func dateKey(d Date) string {
	if len(d.Parts) == 0 {
		return ""
	}
	f := func(p DatePart) string {
		return strconv.Itoa(p.Year+100000) + pad2(p.Month) + pad2(p.Day)
	}
	s := f(d.Parts[0])
	if len(d.Parts) > 1 {
		s += "/" + f(d.Parts[1])
	}
	return s
}

func newCollator(lang string) *collate.Collator {
	tag, err := language.Parse(lang)
	if err != nil {
		tag = language.Und
	}
	return collate.New(tag, collate.IgnoreCase)
}

// compareSort orders two items' sort values; a missing variable goes last
// whatever the direction.
func compareSort(keys []sortKey, a, b []sortVal) int {
	for i := range keys {
		x, y := a[i], b[i]
		if x.empty || y.empty {
			if x.empty && y.empty {
				continue
			}
			if x.empty {
				return 1
			}
			return -1
		}
		c := 0
		if x.isNum && y.isNum {
			c = x.num - y.num
		} else {
			c = bytes.Compare(x.key, y.key)
		}
		if c != 0 {
			if keys[i].desc {
				return -c
			}
			return c
		}
	}
	return 0
}

// sortItems sorts indexes of items by a section's keys, stably.
func sortItems(keys []sortKey, vals [][]sortVal, idx []int) {
	sort.SliceStable(idx, func(i, j int) bool {
		return compareSort(keys, vals[idx[i]], vals[idx[j]]) < 0
	})
}

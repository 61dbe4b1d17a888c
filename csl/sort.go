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

// sortKeyVal computes an item's value for one sort key. Keys of one item
// are computed in order with the same ctx: a variable that a macro's
// <substitute> used is suppressed for the keys after it, as in an entry.
func (p *Processor) sortKeyVal(c *ctx, k *sortKey, col *collate.Collator, buf *collate.Buffer) sortVal {
	var s string
	switch {
	case k.macro != nil:
		c.sorting, c.sortKey = true, k
		c.firstNames, c.called, c.found = nil, 0, 0
		n := group("", nil, c.renderKids(k.macro.kids)...)
		c.sorting, c.sortKey = false, nil
		s = p.plain(n)
	case k.variable == "citation-number":
		return sortVal{num: c.citeNumber, isNum: true}
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
				v := sortVal{num: toks[0].num, isNum: true, key: append([]byte(nil), col.KeyFromString(buf, s)...)}
				buf.Reset()
				return v
			}
		}
		s = plainRich(s)
	}
	if s == "" {
		if k.macro != nil {
			// pandoc's citeproc: an empty macro is an empty text, which
			// sorts first; a missing variable sorts last
			return sortVal{key: []byte{}}
		}
		return sortVal{empty: true}
	}
	v := sortVal{key: append([]byte(nil), col.KeyFromString(buf, s)...)}
	buf.Reset()
	return v
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

// compareKey orders two items' values for one key; a missing variable
// goes last whatever the direction.
func compareKey(k *sortKey, x, y *sortVal) int {
	if x.empty || y.empty {
		switch {
		case x.empty && y.empty:
			return 0
		case x.empty:
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
	if k.desc {
		return -c
	}
	return c
}

// sortIndexes sorts idx, indexes of items, by a section's keys, stably.
// A key is computed only for the items that the keys before it leave tied:
// APA's last key renders the title, which few items need once authors and
// dates have ordered them (sorting by every key of every item was a fifth
// of a bibliography's time). The result is the stable sort by all keys.
func (p *Processor) sortIndexes(items []Item, sec *section, which int, nums []int, idx []int) {
	keys := sec.sort
	if len(keys) == 0 || len(idx) < 2 {
		return
	}
	// one ctx per item, kept from key to key (see sortKeyVal)
	ctxs := make([]*ctx, len(items))
	vals := make([]sortVal, len(items)*len(keys))
	compute := func(members []int, k int) {
		parallel(len(members), func(lo, hi int) {
			// a collator is not safe for concurrent use: one per worker
			col := newCollator(p.loc.Lang)
			var buf collate.Buffer
			// a key is text once rendered: its nodes go back to the slab
			slab := &nodeSlab{}
			for _, i := range members[lo:hi] {
				c := ctxs[i]
				if c == nil {
					c = &ctx{p: p, it: &items[i], sec: which, citeNumber: nums[i]}
					ctxs[i] = c
				}
				c.slab = slab
				vals[i*len(keys)+k] = p.sortKeyVal(c, &keys[k], col, &buf)
				c.slab, c.firstNames = nil, nil
				slab.reset()
			}
		})
	}
	val := func(i, k int) *sortVal { return &vals[i*len(keys)+k] }
	// runs are the stretches of idx that the keys so far leave tied
	type run struct{ lo, hi int }
	runs := []run{{0, len(idx)}}
	members := idx
	for k := range keys {
		compute(members, k)
		var next []run
		members = members[:0:0]
		for _, r := range runs {
			part := idx[r.lo:r.hi]
			sort.SliceStable(part, func(a, b int) bool {
				return compareKey(&keys[k], val(part[a], k), val(part[b], k)) < 0
			})
			for lo := r.lo; lo < r.hi; {
				hi := lo + 1
				for hi < r.hi && compareKey(&keys[k], val(idx[lo], k), val(idx[hi], k)) == 0 {
					hi++
				}
				if hi-lo > 1 {
					next = append(next, run{lo, hi})
					members = append(members, idx[lo:hi]...)
				}
				lo = hi
			}
		}
		if len(next) == 0 {
			return
		}
		runs = next
	}
}

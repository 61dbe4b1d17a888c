package csl

import (
	"fmt"
	"runtime"
	"strings"
	"sync"
)

// Bibliography renders the items as a sorted, disambiguated bibliography.
// Items are numbered in the order given (the order of first citation).
func (p *Processor) Bibliography(items []Item) ([]Entry, error) {
	b, err := p.Prepare(items)
	if err != nil {
		return nil, err
	}
	return p.Render(b)
}

// Prepared is a bibliography sorted and disambiguated but not yet
// rendered: the part of the work that does not depend on the output
// format, done once for a list written in several formats.
type Prepared struct {
	style *Style
	items []Item
	order []int
	nums  []int
	dis   []*disamb
}

// IDs returns the items' ids in bibliography order.
func (b *Prepared) IDs() []string {
	ids := make([]string, len(b.order))
	for k, i := range b.order {
		ids[k] = b.items[i].ID
	}
	return ids
}

// Prepare sorts and disambiguates items for a bibliography (see
// Bibliography); Render writes the result in a processor's format.
func (p *Processor) Prepare(items []Item) (*Prepared, error) {
	if p.style.bib == nil {
		return nil, fmt.Errorf("%s: style has no bibliography", p.style.file)
	}
	order, nums := p.bibOrder(items)
	return &Prepared{style: p.style, items: items, order: order, nums: nums,
		dis: p.disambiguate(items, nums, order, false)}, nil
}

// Render writes a prepared bibliography in the processor's format. The
// processor must run the style that prepared it (in the same locale, for
// another output format): the order and the disambiguation stay the
// preparing processor's.
func (p *Processor) Render(b *Prepared) ([]Entry, error) {
	if b.style != p.style {
		return nil, fmt.Errorf("%s: bibliography prepared with another style (%s)", p.style.file, b.style.file)
	}
	items, order, nums, dis := b.items, b.order, b.nums, b.dis
	sec := p.style.bib
	sub, hasSub := sec.opts["subsequent-author-substitute"]
	rule := sec.opts["subsequent-author-substitute-rule"]
	entries := make([]Entry, len(order))
	render := func(k int, slab *nodeSlab) (*node, *ctx) {
		i := order[k]
		c := &ctx{p: p, it: &items[i], sec: 1, dis: dis[i], citeNumber: nums[i], slab: slab}
		kids := c.renderKids(sec.layout.kids)
		lf := sec.layoutFmt
		if sec.opts["second-field-align"] != "" && len(kids) > 1 {
			// the first field hangs in the margin; the layout's suffix
			// stays with the text
			right := wrap(group("", nil, kids[1:]...), &fmting{suffix: lf.suffix})
			lf.suffix = ""
			kids = []*node{wrap(kids[0], &fmting{display: "left-margin"}), wrap(right, &fmting{display: "right-inline"})}
		}
		if lf.suffix != "" && len(kids) > 0 && suffixIntoBlock(kids[len(kids)-1], lf.suffix) {
			lf.suffix = ""
		}
		return wrap(group("", nil, kids...), &lf), c
	}
	if !hasSub {
		// entries are independent: render them on every core
		parallel(len(order), func(lo, hi int) {
			slab := &nodeSlab{}
			for k := lo; k < hi; k++ {
				n, _ := render(k, slab)
				entries[k] = Entry{ID: items[order[k]].ID, Text: p.render(n, false)}
				slab.reset()
			}
		})
		return entries, nil
	}
	var prev *namesMark
	for k := range order {
		// each node allocated alone: the next entry looks back at this
		// one's names
		n, c := render(k, nil)
		if c.firstNames != nil && c.firstNames.names != nil {
			cur := c.firstNames.names
			for _, part := range cur.parts {
				cur.names = append(cur.names, p.plain(part))
			}
			if prev != nil {
				substituteNames(c.firstNames, prev, sub, rule)
			}
			prev = cur
		} else {
			prev = nil
		}
		entries[k] = Entry{ID: items[order[k]].ID, Text: p.render(n, false)}
	}
	return entries, nil
}

// substituteNames applies subsequent-author-substitute to an entry whose
// first names output is n, given the previous entry's names.
func substituteNames(n *node, prev *namesMark, sub, rule string) {
	cur := n.names
	same := 0
	for same < len(cur.names) && same < len(prev.names) && cur.names[same] == prev.names[same] {
		same++
	}
	all := same == len(cur.names) && len(cur.names) == len(prev.names)
	switch rule {
	case "complete-each":
		if all {
			for _, part := range cur.parts {
				*part = node{text: sub}
			}
		}
	case "partial-each":
		for i := 0; i < same; i++ {
			*cur.parts[i] = node{text: sub}
		}
	case "partial-first":
		if same > 0 {
			*cur.parts[0] = node{text: sub}
		}
	default: // complete-all
		if all {
			// keep the names' affixes, replace the list
			inner := n.kids[0]
			if inner.f != nil {
				inner.kids = []*node{leaf(sub)}
				inner.text = ""
			} else {
				*inner = node{text: sub}
			}
		}
	}
}

// bibOrder sorts the items by the bibliography's keys and numbers them:
// citation-number is the position in the sorted bibliography, and a sort on
// citation-number itself sees the order of first citation.
func (p *Processor) bibOrder(items []Item) ([]int, []int) {
	nums := make([]int, len(items))
	order := make([]int, len(items))
	for i := range items {
		order[i] = i
		nums[i] = i + 1
	}
	sec := p.style.bib
	if sec == nil || len(sec.sort) == 0 {
		return order, nums
	}
	p.sortIndexes(items, sec, 1, nums, order)
	final := make([]int, len(items))
	for pos, i := range order {
		final[i] = pos + 1
	}
	// a descending citation-number sort keeps numbers of citation order
	for _, k := range sec.sort {
		if k.variable == "citation-number" {
			return order, nums
		}
	}
	return order, final
}

// plain renders a node as text without formatting, for comparisons.
func (p *Processor) plain(n *node) string {
	if n == nil {
		return ""
	}
	return strings.TrimSpace(p.render(n, true))
}

// parallel runs f over [0, n) in chunks, one per core; small jobs run
// inline. Rendering only reads the compiled style and locale, so items can
// be rendered at the same time.
func parallel(n int, f func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < 64 || workers < 2 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}

// suffixIntoBlock moves the layout's suffix into the display block that
// ends an entry, so that the closing period stays on the block's line
// ("… 2011, p. 207–216." rather than a lone "." after the block), as
// pandoc's citeproc and citeproc-js do. It follows the last child down to
// a block and reports whether it found one.
func suffixIntoBlock(n *node, suffix string) bool {
	for n != nil {
		if n.f != nil && n.f.display != "" {
			f := *n.f
			f.suffix += suffix
			n.f = &f
			return true
		}
		if len(n.kids) == 0 {
			return false
		}
		n = n.kids[len(n.kids)-1]
	}
	return false
}

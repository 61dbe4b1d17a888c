package csl

import (
	"fmt"
	"strings"
)

// Cluster is one in-text citation: one or more cites together.
type Cluster struct {
	Items []CiteRef
	// NoteNumber is the number of the footnote that holds the cluster,
	// for the near-note position and first-reference-note-number; 0
	// numbers clusters 1, 2, … in order, each in its own note.
	NoteNumber int
}

// CiteRef is one cite of an item in a cluster.
type CiteRef struct {
	ID             string
	Locator        string
	Label          string // the locator's kind: page (default), chapter, …
	Prefix, Suffix string
	SuppressAuthor bool
	AuthorOnly     bool
}

type renderedCite struct {
	ref    CiteRef
	item   int
	n      *node
	names  string // the author part, for collapsing
	number int
	ctx    *ctx
}

// Citations renders the clusters, in order, as in-text citations (or note
// texts for a note style). Positions (first, subsequent, ibid) follow the
// order of the clusters.
func (p *Processor) Citations(items []Item, clusters []Cluster) ([]string, error) {
	byID := make(map[string]int, len(items))
	for i, it := range items {
		byID[it.ID] = i
	}
	// number items in order of first citation, then as the bibliography
	// sorts them
	var cited []Item
	firstOrder := map[string]int{}
	for _, cl := range clusters {
		for _, r := range cl.Items {
			i, ok := byID[r.ID]
			if !ok {
				return nil, fmt.Errorf("citation of unknown item %q", r.ID)
			}
			if _, seen := firstOrder[r.ID]; !seen {
				firstOrder[r.ID] = len(cited)
				cited = append(cited, items[i])
			}
		}
	}
	order, nums := p.bibOrder(cited)
	cites := 0
	for _, cl := range clusters {
		cites += len(cl.Items)
	}
	dis := p.disambiguate(cited, nums, order, cites > len(cited))
	sec := p.style.cite
	track := newPositions(p.nearNoteDistance())
	out := make([]string, 0, len(clusters))
	for ci, cl := range clusters {
		var cites []renderedCite
		note := cl.NoteNumber
		if note <= 0 {
			note = ci + 1
		}
		for k, r := range cl.Items {
			idx := firstOrder[r.ID]
			at := track.cite(cl.Items, k, note)
			ref := r
			c := &ctx{p: p, it: &cited[idx], sec: 0, cite: &ref, pos: at.pos, near: at.near, firstNote: at.firstNote,
				dis: dis[idx], citeNumber: nums[idx], suppressAuthor: r.SuppressAuthor}
			n := renderLayout(c, sec)
			rc := renderedCite{ref: r, item: idx, n: n, number: nums[idx], ctx: c}
			if c.firstNames != nil {
				rc.names = p.plain(c.firstNames)
				if r.AuthorOnly {
					rc.n = c.firstNames
				}
			}
			cites = append(cites, rc)
		}
		track.endCluster(cl.Items, note)
		if len(sec.sort) > 0 && len(cites) > 1 {
			cites = p.sortCites(cites, cited, nums)
		}
		joined := p.joinCites(cites)
		if allAuthorOnly(cl.Items) && joined != nil && joined.f == &sec.layoutFmt && len(joined.kids) == 1 {
			// an author-only cite stands in the running text: the
			// layout's parentheses do not go around it
			joined = joined.kids[0]
		}
		out = append(out, p.render(joined, false))
	}
	return out, nil
}

func (p *Processor) sortCites(cites []renderedCite, items []Item, nums []int) []renderedCite {
	sub := make([]Item, len(cites))
	subNums := make([]int, len(cites))
	idx := make([]int, len(cites))
	for i, rc := range cites {
		sub[i], subNums[i], idx[i] = items[rc.item], nums[rc.item], i
	}
	p.sortIndexes(sub, p.style.cite, 0, subNums, idx)
	out := make([]renderedCite, len(cites))
	for i, j := range idx {
		out[i] = cites[j]
	}
	return out
}

// joinCites puts a cluster's cites together with the layout's delimiter
// and affixes, collapsing numbers and repeated authors as the style asks.
func (p *Processor) joinCites(cites []renderedCite) *node {
	sec := p.style.cite
	collapse := sec.opts["collapse"]
	delim := sec.layoutDelim
	afterCollapse, ok := sec.opts["after-collapse-delimiter"]
	if !ok {
		afterCollapse = delim
	}
	groupDelim, ok := sec.opts["cite-group-delimiter"]
	if !ok {
		groupDelim = ", "
	}
	withAffixes := func(rc renderedCite) *node {
		n := rc.n
		if rc.ref.Prefix != "" || rc.ref.Suffix != "" {
			pre, suf := smartQuotes(rc.ref.Prefix), smartQuotes(rc.ref.Suffix)
			if pre != "" && !strings.HasSuffix(pre, " ") {
				pre += " "
			}
			if suf != "" && !strings.HasPrefix(suf, " ") && !strings.HasPrefix(suf, ",") {
				suf = " " + suf
			}
			n = group("", nil, leaf(pre), n, leaf(suf))
		}
		return n
	}
	var parts []*node
	switch {
	case collapse == "citation-number":
		for i := 0; i < len(cites); {
			j := i
			for j+1 < len(cites) && cites[j+1].number == cites[j].number+1 && cites[j+1].ref.Locator == "" && cites[j].ref.Locator == "" && cites[j+1].ref.Prefix == "" {
				j++
			}
			if j-i >= 2 {
				parts = append(parts, group("–", nil, withAffixes(cites[i]), withAffixes(cites[j])))
			} else {
				for k := i; k <= j; k++ {
					parts = append(parts, withAffixes(cites[k]))
				}
			}
			i = j + 1
		}
		return wrap(group(delim, nil, parts...), &sec.layoutFmt)
	case strings.HasPrefix(collapse, "year"):
		return wrap(p.collapseYears(cites, collapse, delim, afterCollapse, groupDelim, withAffixes), &sec.layoutFmt)
	}
	for _, rc := range cites {
		parts = append(parts, withAffixes(rc))
	}
	return wrap(group(delim, nil, parts...), &sec.layoutFmt)
}

func allAuthorOnly(refs []CiteRef) bool {
	for _, r := range refs {
		if !r.AuthorOnly {
			return false
		}
	}
	return len(refs) > 0
}

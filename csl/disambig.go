package csl

import (
	"slices"
	"sort"
	"strings"
)

// disambiguate makes the citations of items tell them apart, with the
// methods the style allows, in the specification's order: more names, given
// names, the disambiguate condition, year suffixes. order is the
// bibliography order, which year suffixes follow. citedAgain says some
// item is cited after its first cite (never for a bibliography alone):
// then, in a style whose later cites read differently (short notes), the
// later forms must read apart too, cited again or not, as pandoc's
// citeproc compares them.
func (p *Processor) disambiguate(items []Item, nums []int, order []int, citedAgain bool) []*disamb {
	rank := make([]int, len(items))
	for pos, i := range order {
		rank[i] = pos
	}
	dis := make([]*disamb, len(items))
	for i := range dis {
		dis[i] = &disamb{}
	}
	opts := p.style.cite.opts
	addNames := opts["disambiguate-add-names"] == "true"
	addGiven := opts["disambiguate-add-givenname"] == "true"
	addYear := opts["disambiguate-add-year-suffix"] == "true"
	rule := opts["givenname-disambiguation-rule"]
	if rule == "" {
		rule = "by-cite"
	}
	// the key is text once rendered: its nodes go back to the slab
	renderIn := func(i int, slab *nodeSlab) string {
		c := &ctx{p: p, it: &items[i], sec: 0, dis: dis[i], citeNumber: nums[i], cite: &CiteRef{ID: items[i].ID}, slab: slab}
		key := p.plain(renderLayout(c, p.style.cite))
		slab.reset()
		if p.style.usesPosition && citedAgain {
			// a later cite (a short note) must tell items apart too:
			// two works of an author both shortened to "Turville-Petre"
			c = &ctx{p: p, it: &items[i], sec: 0, dis: dis[i], citeNumber: nums[i], cite: &CiteRef{ID: items[i].ID}, pos: posSubsequent, slab: slab}
			key += "\x00" + p.plain(renderLayout(c, p.style.cite))
			slab.reset()
		}
		return key
	}
	slab := &nodeSlab{} // for the renderings one at a time below
	render := func(i int) string { return renderIn(i, slab) }
	if addGiven && rule != "by-cite" {
		p.globalGivenNames(items, dis, rule)
	}
	keys := make([]string, len(items))
	parallel(len(items), func(lo, hi int) {
		slab := &nodeSlab{}
		for i := lo; i < hi; i++ {
			keys[i] = renderIn(i, slab)
		}
	})
	// members are ambiguous together when their first cites or their
	// later cites read the same (connected through either)
	ambiguous := func(members []int) [][]int {
		parent := make(map[int]int, len(members))
		find := func(x int) int {
			for parent[x] != x {
				parent[x] = parent[parent[x]]
				x = parent[x]
			}
			return x
		}
		for _, i := range members {
			parent[i] = i
		}
		for part := 0; part < 2; part++ {
			seen := map[string]int{}
			for _, i := range members {
				k, ok := keyPart(keys[i], part)
				if !ok {
					continue
				}
				if j, dup := seen[k]; dup {
					parent[find(i)] = find(j)
				} else {
					seen[k] = i
				}
			}
		}
		groups := map[int][]int{}
		var order []int
		for _, i := range members {
			r := find(i)
			if _, ok := groups[r]; !ok {
				order = append(order, r)
			}
			groups[r] = append(groups[r], i)
		}
		var out [][]int
		for _, r := range order {
			if g := groups[r]; len(g) > 1 && !sameItems(items, g) {
				out = append(out, g)
			}
		}
		return out
	}
	// expandColliding gives the colliding names of each ambiguous group
	// their given names (the by-cite rule) and returns what stays ambiguous
	expandColliding := func(rest [][]int) [][]int {
		var next [][]int
		for _, r := range rest {
			if expandCollidingNames(items, dis, r) {
				for _, i := range r {
					keys[i] = render(i)
				}
			}
			next = append(next, ambiguous(r)...)
		}
		return next
	}
	all := make([]int, len(items))
	for i := range all {
		all[i] = i
	}
	groups := ambiguous(all)
	for _, g := range groups {
		rest := [][]int{g}
		// works by the very same people cannot be told apart by their
		// names: go straight to the condition and year suffixes
		sameNames := sameContributors(items, g)
		if addNames && addGiven && !sameNames && rule == "by-cite" {
			// pandoc's citeproc tells a work apart by a colliding first
			// name's given name before it shows more names: "Cynthia
			// Bennett et al." needs no second name next to two works of
			// "Peter Bennett et al."
			rest = expandColliding(rest)
		}
		if addNames && !sameNames && len(rest) > 0 {
			// show one more name at a time; an item whose cite stops
			// changing has shown all its names
			frozen := map[int]bool{}
			for step := 1; step < 50 && len(rest) > 0; step++ {
				var members []int
				for _, r := range rest {
					members = append(members, r...)
				}
				grew := false
				for _, i := range members {
					if frozen[i] {
						continue
					}
					before := keys[i]
					dis[i].addNames = step
					keys[i] = render(i)
					if keys[i] == before {
						dis[i].addNames = step - 1
						frozen[i] = true
					} else {
						grew = true
					}
				}
				rest = ambiguous(members)
				if !grew {
					break
				}
			}
		}
		if addGiven && !sameNames && len(rest) > 0 && rule == "by-cite" {
			// by-cite: expand only the names that collide, one by one
			rest = expandColliding(rest)
		}
		if addGiven && !sameNames && len(rest) > 0 && (rule == "by-cite" || rule == "all-names" || rule == "primary-name") {
			var next [][]int
			for _, r := range rest {
				for level := 1; level <= 2; level++ {
					for _, i := range r {
						dis[i].givenLevel = level
						keys[i] = render(i)
					}
					if len(ambiguous(r)) == 0 {
						break
					}
				}
				next = append(next, ambiguous(r)...)
			}
			rest = next
		}
		if len(rest) > 0 && p.style.usesDisambiguateCond {
			var next [][]int
			for _, r := range rest {
				for _, i := range r {
					dis[i].condition = true
					keys[i] = render(i)
				}
				next = append(next, ambiguous(r)...)
			}
			if addYear {
				// the condition did not help: year suffixes decide
				for _, r := range rest {
					for _, i := range r {
						dis[i].condition = false
					}
				}
				next = rest
			}
			rest = next
		}
		if addYear && len(rest) > 0 {
			for _, r := range rest {
				r = append([]int(nil), r...)
				sort.Slice(r, func(a, b int) bool { return rank[r[a]] < rank[r[b]] })
				for n, i := range r {
					dis[i].yearSuffix = yearSuffix(n)
				}
			}
		}
	}
	return dis
}

// sameItems: identical renderings of the same work (duplicates) are not
// ambiguous.
func sameItems(items []Item, members []int) bool {
	for _, i := range members[1:] {
		if items[i].ID != items[members[0]].ID {
			return false
		}
	}
	return true
}

// yearSuffix gives a, b, … z, aa, ab, …
func yearSuffix(n int) string {
	s := ""
	for {
		s = string(rune('a'+n%26)) + s
		n = n/26 - 1
		if n < 0 {
			return s
		}
	}
}

// globalGivenNames applies the all-names and primary-name rules: a name
// whose family name two different people share in the cited items shows
// initials, or the full given name when initials still collide.
func (p *Processor) globalGivenNames(items []Item, dis []*disamb, rule string) {
	type person struct{ family, given string }
	// the distinct given names of each family name: a list, not a set
	// made for each of the thousands of families a library holds
	byFamily := make(map[string][]string, len(items))
	seen := make(map[person]bool, 2*len(items))
	// once a given name: every name of every item asks
	initialsOf := givenInitials(map[string]string{}).of
	each := func(f func(i, j int, n Name)) {
		for i := range items {
			for _, v := range []string{"author", "editor", "translator"} {
				for j, n := range items[i].Names[v] {
					if strings.HasPrefix(rule, "primary-name") && j > 0 {
						break
					}
					if n.Family != "" {
						f(i, j, n)
					}
				}
			}
		}
	}
	each(func(i, j int, n Name) {
		fam := n.NonDroppingParticle + n.Family
		if k := (person{fam, n.Given}); !seen[k] {
			seen[k] = true
			byFamily[fam] = append(byFamily[fam], n.Given)
		}
	})
	initsByFamily := map[string]map[string]int{}
	each(func(i, j int, n Name) {
		givens := byFamily[n.NonDroppingParticle+n.Family]
		if len(givens) < 2 {
			return
		}
		level := 1
		inits := initsByFamily[n.NonDroppingParticle+n.Family]
		if inits == nil {
			// counted once a family, not once a name
			inits = map[string]int{}
			for _, g := range givens {
				inits[initialsOf(g)]++
			}
			initsByFamily[n.NonDroppingParticle+n.Family] = inits
		}
		if inits[initialsOf(n.Given)] > 1 {
			// initials do not tell this name apart: the full given
			// name does, unless the rule allows initials only, where
			// nothing is added and later methods (year suffixes) decide
			level = 2
			if strings.HasSuffix(rule, "with-initials") {
				return
			}
		}
		for len(dis[i].perName) <= j {
			dis[i].perName = append(dis[i].perName, 0)
		}
		if level > dis[i].perName[j] {
			dis[i].perName[j] = level
		}
	})
}

// sameContributors reports whether the items of a group have the same
// authors, editors and translators, given names included.
func sameContributors(items []Item, group []int) bool {
	sig := func(it *Item) string {
		var b strings.Builder
		for _, v := range []string{"author", "editor", "translator", "composer", "director"} {
			for _, n := range it.Names[v] {
				b.WriteString(n.NonDroppingParticle + "|" + n.Family + "|" + n.Given + "|" + n.Literal + ";")
			}
			b.WriteByte('/')
		}
		return b.String()
	}
	first := sig(&items[group[0]])
	for _, i := range group[1:] {
		if sig(&items[i]) != first {
			return false
		}
	}
	return true
}

// expandCollidingNames gives the names of an ambiguous group's items that
// share a family name with a different person, at the same place in
// another item's list, their initials, or the full given name where the
// initials are the same too (the by-cite rule: only ambiguous names grow).
// It reports whether it changed anything.
func expandCollidingNames(items []Item, dis []*disamb, group []int) bool {
	names := func(i int) []Name {
		for _, v := range []string{"author", "editor", "translator"} {
			if ns := items[i].Names[v]; len(ns) > 0 {
				return ns
			}
		}
		return nil
	}
	// the distinct given names at each place of the group's lists, by
	// family name: comparing with these instead of with every other item
	// keeps a large group (a thousand works of "Smith et al.") linear
	type person struct{ family, particle string }
	givens := map[int]map[person][]string{}
	for _, k := range group {
		for j, b := range names(k) {
			if b.Family == "" {
				continue
			}
			at := givens[j]
			if at == nil {
				at = map[person][]string{}
				givens[j] = at
			}
			p := person{b.Family, b.NonDroppingParticle}
			if !slices.Contains(at[p], b.Given) {
				at[p] = append(at[p], b.Given)
			}
		}
	}
	ini := givenInitials(map[string]string{}).of
	changed := false
	for _, i := range group {
		for j, a := range names(i) {
			if a.Family == "" {
				continue
			}
			level := 0
			for _, g := range givens[j][person{a.Family, a.NonDroppingParticle}] {
				if g == a.Given {
					continue
				}
				l := 1
				if ini(a.Given) == ini(g) {
					l = 2
				}
				level = max(level, l)
			}
			if level == 0 {
				continue
			}
			for len(dis[i].perName) <= j {
				dis[i].perName = append(dis[i].perName, 0)
			}
			if level > dis[i].perName[j] {
				dis[i].perName[j] = level
				changed = true
			}
		}
	}
	return changed
}

// givenInitials remembers the initials of given names, as disambiguation
// compares them ("J." for "John").
type givenInitials map[string]string

func (m givenInitials) of(given string) string {
	v, ok := m[given]
	if !ok {
		v = initials(given, ".", true, true)
		m[given] = v
	}
	return v
}

// keyPart is the first cite's rendering (part 0) or a later cite's (part
// 1) in a disambiguation key.
func keyPart(key string, part int) (string, bool) {
	first, later, ok := strings.Cut(key, "\x00")
	if part == 0 {
		return first, true
	}
	return later, ok
}

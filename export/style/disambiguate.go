package style

import (
	"slices"
	"strings"

	"github.com/evident-tools/evident/export/csl"
)

// citeForm describes a style's in-text citation as far as telling works
// apart goes: how it shortens author lists, and whether it shows the year.
type citeForm struct {
	etAlMin, etAlUseFirst int
	year                  bool
}

// addNames applies CSL's disambiguate-add-names: when two works would be
// cited the same way ("Bennett et al."), each shows more names until its
// citation differs from the others. citeproc carries the added names into
// the bibliography, so the entry lists them too. It returns, per item, how
// many names to show, or 0 to leave the style's own rule.
func addNames(items []csl.Item, f citeForm) []int {
	out := make([]int, len(items))
	if f.etAlMin == 0 {
		return out
	}
	groups := map[string][]int{}
	for i := range items {
		ns := persons(leadNames(&items[i]))
		if len(ns) < f.etAlMin {
			continue // cited with every name: adding names cannot help
		}
		// Works whose shown authors are other people ("Aakar Gupta" and
		// "Ankit Gupta") are told apart by given names, not by adding
		// names; only the same people make a group.
		k := fullNames(ns, f.etAlUseFirst) + "\x00" + citeYear(&items[i], f)
		groups[k] = append(groups[k], i)
	}
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		// Show one more name at a time; a work whose citation is then
		// unlike every other in its group keeps that many. Forms are
		// counted once per step, so a large group costs no more than
		// its size times its longest name list.
		longest := 0
		for _, i := range g {
			longest = max(longest, len(persons(leadNames(&items[i]))))
		}
		open := g
		for n := f.etAlUseFirst + 1; n <= longest && len(open) > 0; n++ {
			forms := make([]string, len(g))
			count := map[string]int{}
			for k, i := range g {
				lead := leadNames(&items[i])
				forms[k] = shortNames(persons(lead), n, lead)
				count[forms[k]]++
			}
			var still []int
			for _, i := range open {
				k := slices.Index(g, i)
				if count[forms[k]] == 1 && n <= len(persons(leadNames(&items[i]))) {
					out[i] = n
				} else {
					still = append(still, i)
				}
			}
			open = still
		}
	}
	return out
}

// leadNames are the names a citation shows: the authors, else the editors,
// else the translators.
func leadNames(it *csl.Item) []csl.Name {
	switch {
	case len(it.Author) > 0:
		return it.Author
	case len(it.Editor) > 0:
		return it.Editor
	}
	return it.Translator
}

// fullNames identifies the first n people of a list.
func fullNames(ns []csl.Name, n int) string {
	var b strings.Builder
	for i, nm := range ns {
		if i == n {
			break
		}
		b.WriteString(nm.Literal + "\x01" + nm.Family + "\x01" + nm.Given + "\x02")
	}
	return b.String()
}

// persons drops the "and others" placeholder.
func persons(ns []csl.Name) []csl.Name {
	if n := len(ns); n > 0 && isOthers(ns[n-1]) {
		return ns[:n-1]
	}
	return ns
}

// shortNames is the family names of the first n names, as a citation shows
// them, with et al. when the list is longer.
func shortNames(ns []csl.Name, n int, all []csl.Name) string {
	var b strings.Builder
	for i, nm := range ns {
		if i == n {
			b.WriteString(" et al.")
			return b.String()
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if nm.Literal != "" {
			b.WriteString(nm.Literal)
		} else {
			b.WriteString(joinNonEmpty(" ", nm.NonDroppingParticle, nm.Family))
		}
	}
	if len(all) > len(ns) {
		b.WriteString(" et al.")
	}
	return b.String()
}

func citeYear(it *csl.Item, f citeForm) string {
	if !f.year {
		return ""
	}
	return year(it.Issued)
}

// withNames widens o to show n names (from addNames); 0 keeps o.
func withNames(o nameOpts, n int, ns []csl.Name) nameOpts {
	if n <= o.etAlUseFirst {
		return o
	}
	o.etAlUseFirst = n
	if n >= len(persons(ns)) {
		o.etAlMin = 0 // every name shows
	}
	return o
}

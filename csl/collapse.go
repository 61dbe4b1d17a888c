package csl

import "strings"

// collapseYears joins a cluster's cites for collapse="year", "year-suffix"
// and "year-suffix-ranged": cites of the same names are shown once with
// their years ("Smith 2001, 2003"), and under year-suffix the same year
// once with its suffixes ("Smith 2001a, b").
//
// The rules follow CSL 1.0.2 and, where it is silent, what pandoc's
// citeproc and the CSL test-suite expect:
//   - a cite with a suffix ends its group, and a cite with a prefix starts
//     a new one (nothing is moved across a cite's own text);
//   - a cite collapsed to its year suffix keeps its locator ("2022a, p. 100,
//     b, p. 6");
//   - under collapse="year", when a cite of the group has a locator, the
//     years are separated by after-collapse-delimiter, since the group
//     delimiter would run into the locator ("2016; 2015, 333");
//   - suffixes are separated by year-suffix-delimiter, else
//     cite-group-delimiter, else the layout's delimiter; when suffixes were
//     joined, the years of the group are separated by
//     after-collapse-delimiter ("2001a, b; 2003").
func (p *Processor) collapseYears(cites []renderedCite, collapse, delim, afterCollapse, groupDelim string, withAffixes func(renderedCite) *node) *node {
	sec := p.style.cite
	suffixDelim, ok := sec.opts["year-suffix-delimiter"]
	if !ok {
		if suffixDelim, ok = sec.opts["cite-group-delimiter"]; !ok {
			suffixDelim = delim
		}
	}
	suffixOnly := func(k int) bool {
		return strings.HasPrefix(collapse, "year-suffix") && cites[k].ctx.dis.yearSuffix != "" &&
			cites[k-1].ctx.dis.yearSuffix != "" && sameYear(cites[k-1], cites[k])
	}
	out := &node{}
	prevCollapsed := false
	for i := 0; i < len(cites); {
		j := i
		for j+1 < len(cites) && cites[i].ref.Suffix == "" && cites[j+1].ref.Prefix == "" && cites[j+1].ref.Suffix == "" &&
			cites[j+1].names != "" && cites[j+1].names == cites[i].names {
			j++
		}
		if i > 0 {
			d := delim
			if j > i || prevCollapsed {
				d = afterCollapse
			}
			out.kids = append(out.kids, leaf(d))
		}
		between := groupDelim
		if collapse == "year" && anyLocator(cites[i:j+1]) {
			between = afterCollapse
		}
		for k := i + 1; k <= j; k++ {
			if suffixOnly(k) {
				// years whose suffixes were joined are set apart
				// more strongly: "2001a, b; 2003"
				between = afterCollapse
			}
		}
		out.kids = append(out.kids, withAffixes(cites[i]))
		for k := i + 1; k <= j; k++ {
			rc := cites[k]
			if suffixOnly(k) {
				if rc.ref.Locator != "" {
					// the suffix with the rest of the cite (its locator)
					out.kids = append(out.kids, leaf(suffixDelim), withAffixes(renderedCite{ref: rc.ref, n: p.rerender(rc, true)}))
					continue
				}
				// the same author and year: only the suffix ("2001a, b",
				// or "2001a–c" when ranged)
				if collapse == "year-suffix-ranged" && k+1 <= j && k > i && cites[k+1].ref.Locator == "" && cites[k-1].ref.Locator == "" &&
					successor(cites[k-1].ctx.dis.yearSuffix, rc.ctx.dis.yearSuffix) && successor(rc.ctx.dis.yearSuffix, cites[k+1].ctx.dis.yearSuffix) {
					if last := out.kids[len(out.kids)-1]; last.text != "–" {
						out.kids = append(out.kids, leaf("–"))
					}
					continue
				}
				if last := out.kids[len(out.kids)-1]; last.text != "–" {
					out.kids = append(out.kids, leaf(suffixDelim))
				}
				out.kids = append(out.kids, leaf(rc.ctx.dis.yearSuffix))
				continue
			}
			// the same author again: render without the names
			out.kids = append(out.kids, leaf(between), withAffixes(renderedCite{ref: rc.ref, n: p.rerender(rc, false)}))
		}
		prevCollapsed = j > i
		i = j + 1
	}
	return out
}

// rerender renders a cite again without its names; with suffixOnly, the
// issued date gives only its year suffix.
func (p *Processor) rerender(rc renderedCite, suffixOnly bool) *node {
	c := *rc.ctx
	c.firstNames, c.suppressAuthor, c.called, c.found = nil, true, 0, 0
	c.yearSuffixDone = false
	c.suffixOnly = suffixOnly
	return renderLayout(&c, p.style.cite)
}

func anyLocator(cites []renderedCite) bool {
	for _, rc := range cites {
		if rc.ref.Locator != "" {
			return true
		}
	}
	return false
}

// sameYear tells whether two cites' items were issued in the same year,
// so that the second may show only its year suffix.
func sameYear(a, b renderedCite) bool {
	da, oka := a.ctx.it.Dates["issued"]
	db, okb := b.ctx.it.Dates["issued"]
	if !oka || !okb || len(da.Parts) == 0 || len(db.Parts) == 0 {
		return oka == okb
	}
	return da.Parts[0].Year == db.Parts[0].Year
}

// successor tells whether suffix b follows suffix a ("a" then "b").
func successor(a, b string) bool {
	return len(a) == 1 && len(b) == 1 && b[0] == a[0]+1
}

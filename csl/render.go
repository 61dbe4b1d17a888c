package csl

import (
	"slices"
	"strings"
)

// elem is a compiled rendering element.
type elem interface {
	render(c *ctx) *node
}

// Positions of a cite.
const (
	posFirst = iota
	posSubsequent
	posIbid
	posIbidWithLocator
)

// ctx is the state of rendering one item in one section.
type ctx struct {
	p    *Processor
	it   *Item
	sec  int // 0 citation, 1 bibliography
	cite *CiteRef
	pos  int
	near bool
	// firstNote is the note of the item's first cite, for
	// first-reference-note-number (0 in the first cite and in the
	// bibliography)
	firstNote int
	// sorting renders macros as sort keys: names in sort order, dates as
	// numbers
	sorting bool
	dis     *disamb
	// group suppression counts variables called and found
	called, found int
	// suppressed lists the variables a <substitute> used, which the rest
	// of the entry leaves out: a few at most, so a list, not a map made
	// for every entry
	suppressed []string
	depth      int
	firstNames *node
	citeNumber int
	// substitution: the parent <names> for a shorthand <names> inside
	// <substitute>, and the variables a substitute used
	parentNames  *namesEl
	substituting bool
	subVars      []string
	sortKey      *sortKey
	// slab hands out the nodes (nil: each allocated alone)
	slab           *nodeSlab
	yearSuffixDone bool
	suppressAuthor bool
	// suffixOnly: a cite collapsed into the one before it shows its
	// issued date as its year suffix alone ("2022a, b, p. 6")
	suffixOnly bool
}

// disamb is the disambiguation state of one item.
type disamb struct {
	addNames   int // names shown beyond et-al-use-first
	givenLevel int // 0 none, 1 initials, 2 full given names
	perName    []int
	yearSuffix string
	condition  bool // the disambiguate="true" condition
}

func (c *ctx) variable(name string) string {
	if c.suppressed != nil && (c.isSuppressed(name) || strings.HasSuffix(name, "-short") && c.isSuppressed(strings.TrimSuffix(name, "-short"))) {
		return ""
	}
	switch name {
	case "locator":
		if c.cite != nil {
			return c.cite.Locator
		}
		return ""
	case "first-reference-note-number":
		if c.firstNote > 0 && c.pos != posFirst {
			return itoa(c.firstNote)
		}
		return ""
	case "citation-number":
		if c.citeNumber > 0 {
			return itoa(c.citeNumber)
		}
		return ""
	case "page-first":
		if v := c.it.Var("page-first"); v != "" {
			return v
		}
		if toks := numberTokens(c.it.Var("page")); len(toks) > 0 {
			return toks[0].prefix + toks[0].text + toks[0].suffix
		}
		return ""
	case "year-suffix":
		if c.dis != nil {
			return c.dis.yearSuffix
		}
		return ""
	}
	return c.it.Var(name)
}

// isSuppressed reports whether a substitute used variable v.
func (c *ctx) isSuppressed(v string) bool {
	return slices.Contains(c.suppressed, v)
}

func (c *ctx) renderKids(kids []elem) []*node {
	// allocated on the first output: most elements of a style render
	// nothing for a given item (allocation counts dominate the 10k
	// benchmark)
	var out []*node
	for _, k := range kids {
		if n := k.render(c); n != nil {
			if out == nil {
				out = c.slab.list(len(kids))
			}
			if n.splice {
				// a choose's output joins its parent's list, so the
				// parent's delimiter goes between its elements
				out = append(out, n.kids...)
				continue
			}
			out = append(out, n)
		}
	}
	return out
}

// textEl is <text>.
type textEl struct {
	f                    fmting
	variable, form, term string
	value                string
	hasValue, plural     bool
	macro                *macro
}

func (e *textEl) render(c *ctx) *node {
	switch {
	case e.macro != nil:
		if c.depth > 50 {
			return nil // a macro that calls itself
		}
		// a macro is suppressed like a group when it calls variables and
		// all are empty (so "In: " goes with the editors it introduces), as
		// pandoc's citeproc does
		called, found := c.called, c.found
		c.depth++
		kids := c.renderKids(e.macro.kids)
		c.depth--
		if c.called > called && c.found == found {
			return nil
		}
		// a macro with output (or one that calls no variable) counts as a
		// variable found for the group around it
		c.called++
		c.found++
		return c.slab.group("", &e.f, kids...)
	case e.variable != "":
		// year-suffix is not a variable for group suppression (it exists
		// only after disambiguation)
		counts := e.variable != "year-suffix"
		if counts {
			c.called++
		}
		v, name := c.textVar(e.variable, e.form)
		if v == "" {
			return nil
		}
		if counts {
			c.found++
		}
		if c.substituting {
			// a title substituted in its short form is still the title
			c.subVars = append(c.subVars, name, strings.TrimSuffix(e.variable, "-short"))
		}
		var n *node
		switch name {
		case "page", "locator":
			n = c.slab.leaf(c.p.pageRange(v, name))
		case "DOI", "URL", "PMID", "PMCID":
			n = c.slab.leaf(v)
			if c.p.opts.Format != Text {
				n.link = linkFor(name, v)
				if i := resolverAt(e.f.prefix); name == "DOI" && i >= 0 {
					// the resolver in the prefix belongs to the link
					// (CSL 1.0.2, appendix on links): "DOI: " stays
					// outside, "https://doi.org/" goes in
					g := e.f
					n.text = g.prefix[i:] + v
					n.link = linkFor(name, n.text)
					g.prefix = g.prefix[:i]
					return c.slab.wrap(n, &g)
				}
			}
		case "title", "container-title", "collection-title", "title-short", "container-title-short", "original-title", "event-title", "volume-title", "part-title", "reviewed-title":
			n = richNode(v)
		default:
			n = richNode(v)
		}
		f := &e.f
		if f.textCase == "title" && !englishItem(c.it) {
			// title case is for English: other items keep their case
			g := *f
			g.textCase = ""
			f = &g
		}
		return c.slab.wrap(n, f)
	case e.term != "":
		t, _ := c.p.loc.term(e.term, e.form, e.plural)
		return c.slab.wrap(c.slab.leaf(t), &e.f)
	default:
		return c.slab.wrap(c.slab.leaf(e.value), &e.f)
	}
}

// textVar returns a variable for <text>: form="short" takes the -short
// variable when there is one (an explicit title-short does not fall back).
func (c *ctx) textVar(v, form string) (string, string) {
	if form == "short" {
		if s := c.variable(v + "-short"); s != "" {
			return s, v + "-short"
		}
	}
	return c.variable(v), v
}

func linkFor(name, v string) string {
	switch name {
	case "URL":
		if !safeLink(v) {
			return "" // javascript: and the like stay text
		}
	case "DOI":
		if strings.HasPrefix(v, "http") {
			return v
		}
		if strings.Contains(v, "doi.org/") {
			return "https://" + v[strings.Index(v, "doi.org/"):]
		}
		return "https://doi.org/" + v
	case "PMID":
		return "https://www.ncbi.nlm.nih.gov/pubmed/" + v
	case "PMCID":
		return "https://www.ncbi.nlm.nih.gov/pmc/articles/" + v
	}
	return v
}

// groupEl is <group>, and the layout.
type groupEl struct {
	f     fmting
	delim string
	kids  []elem
}

func (e *groupEl) render(c *ctx) *node {
	called, found := c.called, c.found
	kids := c.renderKids(e.kids)
	if c.called > called && c.found == found {
		return nil // variables called and all empty
	}
	return c.slab.group(e.delim, &e.f, kids...)
}

// chooseEl is <choose>.
type chooseEl struct {
	branches []branch
}

type branch struct {
	match string
	conds []cond
	kids  []elem
}

type cond struct {
	kind, val string
	vk        varKind // val's kind, for kind "variable"
}

func (e *chooseEl) render(c *ctx) *node {
	for _, b := range e.branches {
		if c.test(b) {
			kids := c.renderKids(b.kids)
			switch len(kids) {
			case 0:
				return nil
			case 1:
				return kids[0] // one node needs no splicing
			}
			n := c.slab.parent(kids)
			n.splice = true
			return n
		}
	}
	return nil
}

func (c *ctx) test(b branch) bool {
	if len(b.conds) == 0 {
		return true // else
	}
	for _, cd := range b.conds {
		ok := c.cond(cd)
		switch b.match {
		case "any":
			if ok {
				return true
			}
		case "none":
			if ok {
				return false
			}
		default:
			if !ok {
				return false
			}
		}
	}
	return b.match != "any"
}

func (c *ctx) cond(cd cond) bool {
	switch cd.kind {
	case "type":
		return c.it.Type == cd.val
	case "variable":
		return c.hasVar(cd.val, cd.vk)
	case "is-numeric":
		return isNumeric(c.variable(cd.val))
	case "is-uncertain-date":
		d, ok := c.it.Dates[cd.val]
		return ok && d.Circa
	case "locator":
		if c.cite == nil || c.cite.Locator == "" {
			return false
		}
		l := c.cite.Label
		if l == "" {
			l = "page"
		}
		return l == cd.val || (cd.val == "sub-verbo" && l == "sub verbo")
	case "position":
		if c.sec == 1 || c.cite == nil {
			return false
		}
		switch cd.val {
		case "first":
			return c.pos == posFirst
		case "subsequent":
			return c.pos != posFirst
		case "ibid":
			return c.pos == posIbid || c.pos == posIbidWithLocator
		case "ibid-with-locator":
			return c.pos == posIbidWithLocator
		case "near-note":
			return c.near
		}
	case "disambiguate":
		return c.dis != nil && c.dis.condition == (cd.val == "true")
	}
	return false
}

// hasVar reports whether the item has variable v, of kind k.
func (c *ctx) hasVar(v string, k varKind) bool {
	if c.isSuppressed(v) {
		return false
	}
	switch k {
	case nameVar:
		return len(c.it.Names[v]) > 0
	case dateVar:
		_, ok := c.it.Dates[v]
		return ok
	}
	return c.variable(v) != ""
}

// varKind says where an item keeps a variable.
type varKind uint8

const (
	textVar varKind = iota
	nameVar
	dateVar
)

// kindOf is a variable's kind; a style's conditions know theirs from its
// compilation, since two map look-ups for every condition were a tenth of
// an entry's rendering.
func kindOf(v string) varKind {
	switch {
	case nameVars[v]:
		return nameVar
	case dateVars[v]:
		return dateVar
	}
	return textVar
}

// labelEl is <label>.
type labelEl struct {
	f                      fmting
	variable, form, plural string
}

func (e *labelEl) render(c *ctx) *node {
	v := c.variable(e.variable)
	if v == "" {
		return nil
	}
	name := e.variable
	if name == "locator" {
		name = c.cite.Label
		if name == "" {
			name = "page"
		}
	}
	var plural bool
	switch e.plural {
	case "always":
		plural = true
	case "never":
	default:
		plural = labelPlural(name, v)
	}
	t, _ := c.p.loc.term(name, e.form, plural)
	return c.slab.wrap(c.slab.leaf(t), &e.f)
}

// labelPlural decides the contextual plural of a number variable's label:
// "pp." for ranges and lists, "pages" for a count above one.
func labelPlural(name, v string) bool {
	if name == "number-of-pages" || name == "number-of-volumes" {
		n := 0
		for _, r := range v {
			if r < '0' || r > '9' {
				break
			}
			n = n*10 + int(r-'0')
		}
		return n > 1
	}
	nums := 0
	inNum := false
	for _, r := range v {
		isD := r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if isD && !inNum {
			nums++
		}
		inNum = isD
	}
	return nums > 1 && strings.ContainsAny(v, "-–,&")
}

// englishItem reports whether an item is in English, or says nothing of its
// language.
func englishItem(it *Item) bool {
	lang := strings.ToLower(it.Vars["language"])
	return lang == "" || strings.HasPrefix(lang, "en") || strings.HasPrefix(lang, "english")
}

// renderLayout renders a section's layout for one item. The layout is not a
// group: it is never suppressed for empty variables.
func renderLayout(c *ctx, sec *section) *node {
	return c.slab.group("", nil, c.renderKids(sec.layout.kids)...)
}

// safeLink tells whether a URL from the data may become a link: only web,
// FTP and mail addresses, since a link's scheme runs code in a browser
// (javascript:, data:).
func safeLink(u string) bool {
	i := strings.IndexByte(u, ':')
	if i < 0 {
		return false
	}
	switch strings.ToLower(u[:i]) {
	case "http", "https", "ftp", "mailto":
		return true
	}
	return false
}

// resolverAt finds a DOI resolver ("https://doi.org/", "doi.org/") at the
// end of a prefix and returns where it starts, or -1.
func resolverAt(prefix string) int {
	if !strings.HasSuffix(prefix, "doi.org/") {
		return -1
	}
	i := strings.LastIndex(prefix, "http")
	if j := strings.LastIndex(prefix, "doi.org/"); i < 0 || strings.ContainsAny(prefix[i:j], " ") {
		i = j
		// keep a "dx." before doi.org with it
		if strings.HasSuffix(prefix[:i], "dx.") {
			i -= 3
		}
	}
	return i
}

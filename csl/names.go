package csl

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// namesEl is <names>.
type namesEl struct {
	f           fmting
	variables   []string
	name        *nameEl
	etAl        *etAlEl
	label       *labelEl
	labelBefore bool
	substitute  []elem
	ownDelim    *string
	delim       [2]string // resolved per section
}

// nameEl is <name> with its options resolved for citation (0) and
// bibliography (1), since a macro may serve both.
type nameEl struct {
	f        fmting
	own      map[string]string
	given    fmting
	family   fmting
	resolved [2]nameOpts
}

type etAlEl struct {
	term string
	f    fmting
}

type nameOpts struct {
	and, delim, delimLast, delimEtAl, sortOrder, sortSep, form string
	etAlMin, etAlFirst, etAlSubMin, etAlSubFirst               int
	etAlLast, initialize                                       bool
	initWith                                                   *string
	demote                                                     string
	initHyphen                                                 bool
}

func (s *Style) compileNames(n *xnode) (elem, error) {
	e := &namesEl{f: readFmt(n), variables: strings.Fields(n.attr("variable"))}
	if d, ok := n.attrs["delimiter"]; ok {
		e.ownDelim = &d
	}
	if len(e.variables) == 0 {
		return nil, s.errorf(n, "<names> needs variable")
	}
	seenName := false
	for _, k := range n.kids {
		switch k.name {
		case "name":
			ne := &nameEl{f: readFmt(k), own: k.attrs}
			for _, part := range k.kids {
				if part.name != "name-part" {
					continue
				}
				switch part.attr("name") {
				case "given":
					ne.given = readFmt(part)
				case "family":
					ne.family = readFmt(part)
				}
			}
			e.name = ne
			s.nameEls = append(s.nameEls, ne)
			seenName = true
		case "et-al":
			t := k.attr("term")
			if t == "" {
				t = "et-al"
			}
			e.etAl = &etAlEl{term: t, f: readFmt(k)}
		case "label":
			e.label = &labelEl{f: readFmt(k), form: k.attr("form"), plural: k.attr("plural")}
			e.labelBefore = !seenName
		case "substitute":
			kids, err := s.compileKids(k)
			if err != nil {
				return nil, err
			}
			e.substitute = kids
		}
	}
	s.namesEls = append(s.namesEls, e)
	return e, nil
}

// resolveNameOptions works out each <name>'s options from its own
// attributes and those inherited from <citation>/<bibliography> and <style>.
func (s *Style) resolveNameOptions() {
	secs := [2]*section{s.cite, s.bib}
	for i, sec := range secs {
		get := func(own map[string]string, k, nameKey string) (string, bool) {
			if v, ok := own[k]; ok {
				return v, true
			}
			if nameKey != "" {
				k = nameKey
			}
			if sec != nil {
				if v, ok := sec.opts[k]; ok {
					return v, true
				}
			}
			v, ok := s.opts[k]
			return v, ok
		}
		for _, ne := range s.nameEls {
			o := nameOpts{delim: ", ", sortSep: ", ", initialize: true, initHyphen: true, demote: "display-and-sort"}
			str := func(k, inherit string, dst *string) {
				if v, ok := get(ne.own, k, inherit); ok {
					*dst = v
				}
			}
			num := func(k string, dst *int) {
				if v, ok := get(ne.own, k, ""); ok {
					*dst, _ = strconv.Atoi(v)
				}
			}
			str("and", "", &o.and)
			str("delimiter", "name-delimiter", &o.delim)
			str("delimiter-precedes-last", "", &o.delimLast)
			str("delimiter-precedes-et-al", "", &o.delimEtAl)
			str("name-as-sort-order", "", &o.sortOrder)
			str("sort-separator", "", &o.sortSep)
			str("form", "name-form", &o.form)
			num("et-al-min", &o.etAlMin)
			num("et-al-use-first", &o.etAlFirst)
			o.etAlSubMin, o.etAlSubFirst = o.etAlMin, o.etAlFirst
			num("et-al-subsequent-min", &o.etAlSubMin)
			num("et-al-subsequent-use-first", &o.etAlSubFirst)
			if v, ok := get(ne.own, "et-al-use-last", ""); ok {
				o.etAlLast = v == "true"
			}
			if v, ok := get(ne.own, "initialize", ""); ok {
				o.initialize = v != "false"
			}
			if v, ok := get(ne.own, "initialize-with", ""); ok {
				o.initWith = &v
			}
			if v, ok := s.opts["demote-non-dropping-particle"]; ok {
				o.demote = v
			}
			if v, ok := s.opts["initialize-with-hyphen"]; ok {
				o.initHyphen = v != "false"
			}
			if o.delimLast == "" {
				o.delimLast = "contextual"
			}
			if o.delimEtAl == "" {
				o.delimEtAl = "contextual"
			}
			ne.resolved[i] = o
		}
		for _, e := range s.namesEls {
			if e.ownDelim != nil {
				e.delim[i] = *e.ownDelim
			} else if v, ok := get(nil, "names-delimiter", ""); ok {
				e.delim[i] = v
			}
		}
	}
}

// editorTranslator tells whether a <names> of both editor and translator
// meets an item whose editors are its translators.
func (c *ctx) editorTranslator(vars []string) bool {
	hasEd, hasTr := false, false
	for _, v := range vars {
		hasEd = hasEd || v == "editor"
		hasTr = hasTr || v == "translator"
	}
	if !hasEd || !hasTr || c.isSuppressed("editor") || c.isSuppressed("translator") {
		return false
	}
	ed, tr := c.it.Names["editor"], c.it.Names["translator"]
	return len(ed) > 0 && slices.Equal(ed, tr)
}

// defaultName stands for a <names> without <name>.
var defaultName = &nameEl{resolved: [2]nameOpts{defaultNameOpts, defaultNameOpts}}

var defaultNameOpts = nameOpts{delim: ", ", sortSep: ", ", initialize: true, initHyphen: true, delimLast: "contextual", delimEtAl: "contextual", demote: "display-and-sort"}

func (e *namesEl) render(c *ctx) *node {
	c.called++
	name, etAl, label, labelBefore := e.name, e.etAl, e.label, e.labelBefore
	if name == nil && c.parentNames != nil {
		name, etAl = c.parentNames.name, c.parentNames.etAl
		label, labelBefore = c.parentNames.label, c.parentNames.labelBefore
	}
	if name == nil {
		name = defaultName
	}
	o := name.resolved[c.sec]
	if c.suppressAuthor && c.firstNames == nil && !c.sorting && !c.substituting {
		// the cite's author is in the running text: drop it, once
		c.suppressAuthor = false
		c.firstNames = &node{}
		c.found++
		return nil
	}
	var parts []*node
	var used []string
	var mark *namesMark
	total := 0
	merged := c.editorTranslator(e.variables)
	for _, v := range e.variables {
		if c.isSuppressed(v) {
			continue
		}
		ns := c.it.Names[v]
		if len(ns) == 0 {
			continue
		}
		used = append(used, v)
		termName := v
		if merged {
			// CSL 1.0.2: the same people as editor and translator are
			// named once, labelled with the editortranslator term
			if v == "translator" {
				continue
			}
			if v == "editor" {
				termName = "editortranslator"
			}
		}
		list, m, count := c.nameList(ns, name, etAl, &o)
		total += count
		if mark == nil {
			mark = m
		}
		if o.form == "count" {
			continue
		}
		// a sort key leaves the label out: pandoc's citeproc sorts an
		// edited book ("Higgins, J., editors") with the same first
		// author's articles by title, not after them
		if label != nil && !c.sorting {
			plural := len(ns) > 1
			switch label.plural {
			case "always":
				plural = true
			case "never":
				plural = false
			}
			t, _ := c.p.loc.term(termName, label.form, plural)
			ln := c.slab.styled(t, &label.f)
			if labelBefore {
				list = c.slab.group("", nil, ln, list)
			} else {
				list = c.slab.group("", nil, list, ln)
			}
		}
		parts = append(parts, list)
	}
	if len(used) == 0 {
		return c.substituteFor(e)
	}
	c.found++
	if c.substituting {
		c.subVars = append(c.subVars, used...)
	}
	if o.form == "count" {
		if total == 0 {
			return nil
		}
		return c.slab.styled(itoa(total), &e.f)
	}
	out := c.slab.group(e.delim[c.sec], &e.f, parts...)
	if out != nil && mark != nil && c.firstNames == nil && !c.sorting {
		inner := out
		out = c.slab.get()
		out.one[0] = inner
		out.kids, out.names = out.one[:], mark
		c.firstNames = out
	}
	return out
}

// substituteFor renders the first <substitute> child with output and
// suppresses the variables it used in the rest of the entry.
func (c *ctx) substituteFor(e *namesEl) *node {
	if len(e.substitute) == 0 {
		return nil
	}
	parent, subst, subVars := c.parentNames, c.substituting, c.subVars
	c.parentNames, c.substituting = e, true
	defer func() { c.parentNames, c.substituting = parent, subst }()
	for _, s := range e.substitute {
		c.subVars = nil
		n := s.render(c)
		if n != nil {
			for _, v := range c.subVars {
				if !c.isSuppressed(v) {
					c.suppressed = append(c.suppressed, v)
				}
			}
			c.subVars = append(subVars, c.subVars...)
			// the substituted output counts as the names' variable and
			// takes the names' affixes
			c.found++
			return c.slab.wrap(n, &e.f)
		}
	}
	c.subVars = subVars
	return nil
}

// nameList renders the names of one variable with the et-al rules.
func (c *ctx) nameList(ns []Name, ne *nameEl, etAl *etAlEl, o *nameOpts) (*node, *namesMark, int) {
	min, first := o.etAlMin, o.etAlFirst
	if c.sec == 0 && c.pos != posFirst && c.cite != nil {
		min, first = o.etAlSubMin, o.etAlSubFirst
	}
	if c.sortKey != nil {
		if c.sortKey.namesMin != "" {
			min, _ = strconv.Atoi(c.sortKey.namesMin)
		}
		if c.sortKey.namesUseFirst != "" {
			first, _ = strconv.Atoi(c.sortKey.namesUseFirst)
		}
	}
	shown := ns
	truncated := false
	// "others" from BibTeX's "and others" asks for et al. itself
	if last := ns[len(ns)-1]; last.Literal == "others" && len(ns) > 1 {
		shown, truncated = ns[:len(ns)-1], true
	}
	// the "others" counts towards et-al-min: three names and others are
	// four or more
	if min > 0 && first > 0 && len(ns) >= min {
		n := first
		if c.dis != nil {
			n += c.dis.addNames
		}
		if n < len(shown) {
			shown, truncated = shown[:n], true
		}
	}
	if o.form == "count" {
		return nil, nil, len(shown)
	}
	mark := &namesMark{}
	b := c.slab.list(len(shown))
	for i, n := range shown {
		// <name>'s affixes and formatting go around each name
		b = append(b, c.slab.wrap(c.oneName(n, i, ne, o), &ne.f))
	}
	mark.parts = b
	inverted := func(i int) bool {
		return o.sortOrder == "all" || o.sortOrder == "first" && i == 0 || c.sorting
	}
	out := c.slab.parent(c.slab.list(2*len(b) + 2))
	for i, nn := range b {
		if i > 0 {
			last := i == len(b)-1 && !truncated
			sep := o.delim
			if last && o.and != "" {
				and := "&"
				if o.and == "text" {
					and, _ = c.p.loc.term("and", "long", false)
				}
				if precedes(o.delimLast, len(b), inverted(i-1)) {
					sep = o.delim + and + " "
				} else {
					sep = " " + and + " "
				}
			}
			out.kids = append(out.kids, c.slab.leaf(sep))
		}
		out.kids = append(out.kids, nn)
	}
	if truncated && len(b) > 0 {
		if o.etAlLast && len(ns) > len(b)+1 && ns[len(ns)-1].Literal != "others" {
			// the delimiter before the ellipsis follows
			// delimiter-precedes-et-al, as pandoc's citeproc does (CSL
			// 1.0.2 names the delimiter without saying when)
			sep := " "
			if precedesEtAl(o.delimEtAl, len(b), inverted(len(b)-1)) {
				sep = o.delim
			}
			out.kids = append(out.kids, c.slab.leaf(sep+"… "), c.slab.wrap(c.oneName(ns[len(ns)-1], len(ns)-1, ne, o), &ne.f))
		} else {
			term, f := "et-al", fmting{}
			if etAl != nil {
				term, f = etAl.term, etAl.f
			}
			t, _ := c.p.loc.term(term, "long", false)
			if t != "" {
				sep := " "
				if precedesEtAl(o.delimEtAl, len(b), inverted(len(b)-1)) {
					sep = o.delim
				}
				out.kids = append(out.kids, c.slab.leaf(sep), c.slab.styled(t, &f))
			}
		}
	}
	return out, mark, len(shown)
}

func precedes(rule string, n int, afterInverted bool) bool {
	switch rule {
	case "always":
		return true
	case "never":
		return false
	case "after-inverted-name":
		return afterInverted
	}
	return n >= 3 // contextual: only between three names or more
}

// precedesEtAl tells whether the delimiter goes before "et al." (or the
// ellipsis of et-al-use-last) after n names; contextual means two names
// or more are shown, as CSL 1.0.2 says.
func precedesEtAl(rule string, n int, afterInverted bool) bool {
	if rule == "always" || rule == "never" || rule == "after-inverted-name" {
		return precedes(rule, n, afterInverted)
	}
	return n >= 2
}

// oneName renders one name in display or sort order.
func (c *ctx) oneName(n Name, i int, ne *nameEl, o *nameOpts) *node {
	if n.Literal != "" {
		return c.slab.wrap(richNode(n.Literal), &ne.family)
	}
	if n.Family == "" {
		return c.slab.styled(n.Given, &ne.given)
	}
	form := o.form
	initWith := o.initWith
	initialize := o.initialize
	if c.dis != nil && !c.sorting {
		level := c.dis.givenLevel
		if i < len(c.dis.perName) && c.dis.perName[i] > level {
			level = c.dis.perName[i]
		}
		if level >= 1 && form == "short" {
			form = "long"
		}
		if level >= 2 || (level == 1 && initWith == nil) {
			initWith = nil
		}
	}
	inverted := o.sortOrder == "all" || o.sortOrder == "first" && i == 0 || c.sorting
	given := n.Given
	if initWith != nil && given != "" {
		given = initials(given, *initWith, initialize, o.initHyphen)
	}
	familyPart := n.Family
	if n.NonDroppingParticle != "" && (!inverted || o.demote == "never" || o.demote == "sort-only" && !c.sorting) {
		familyPart = joinParticle(n.NonDroppingParticle, n.Family)
	}
	if form == "short" {
		if n.NonDroppingParticle != "" && inverted && o.demote == "display-and-sort" {
			familyPart = joinParticle(n.NonDroppingParticle, n.Family)
		}
		return c.slab.styled(familyPart, &ne.family)
	}
	if isCJK(n.Family) {
		return c.slab.parent(nonNil(c.slab.styled(n.Family, &ne.family), c.slab.styled(n.Given, &ne.given)))
	}
	if !inverted {
		givenPart := given
		if n.DroppingParticle != "" {
			givenPart = strings.TrimSpace(given + " " + n.DroppingParticle)
		}
		fam := familyPart
		if n.NonDroppingParticle != "" && !strings.HasPrefix(familyPart, n.NonDroppingParticle) {
			fam = joinParticle(n.NonDroppingParticle, n.Family)
		}
		kids := c.slab.list(4)
		if g := c.slab.styled(givenPart, &ne.given); g != nil {
			kids = append(kids, g, c.slab.leaf(" "))
		}
		kids = append(kids, c.slab.styled(fam, &ne.family))
		if n.Suffix != "" {
			sep := " "
			if n.CommaSuffix {
				sep = ", "
			}
			kids = append(kids, c.slab.leaf(sep+n.Suffix))
		}
		return c.slab.parent(kids)
	}
	// inverted: "Family, Given particle, Suffix"
	kids := append(c.slab.list(4), c.slab.styled(familyPart, &ne.family))
	rest := given
	if n.DroppingParticle != "" {
		rest = strings.TrimSpace(rest + " " + n.DroppingParticle)
	}
	if n.NonDroppingParticle != "" && familyPart == n.Family {
		rest = strings.TrimSpace(rest + " " + n.NonDroppingParticle)
	}
	if rest != "" {
		kids = append(kids, c.slab.leaf(o.sortSep), c.slab.styled(rest, &ne.given))
	}
	if n.Suffix != "" {
		kids = append(kids, c.slab.leaf(o.sortSep+n.Suffix))
	}
	return c.slab.parent(kids)
}

func joinParticle(p, f string) string {
	if strings.HasSuffix(p, "'") || strings.HasSuffix(p, "’") || strings.HasSuffix(p, "-") {
		return p + f
	}
	return p + " " + f
}

func isCJK(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

// initials shortens given names to initials ("John Ronald" → "J. R.",
// "Jean-Paul" → "J.-P."). With initialize="false" only names that already
// are initials get the initialize-with punctuation.
func initials(given, with string, initialize, hyphen bool) string {
	if s, ok := plainInitials(given, with, initialize); ok {
		return s
	}
	return anyInitials(given, with, initialize, hyphen)
}

// anyInitials is initials by the general rules.
func anyInitials(given, with string, initialize, hyphen bool) string {
	var b strings.Builder
	// iterators, not slices: this runs for every name of every entry
	for w := range strings.FieldsSeq(given) {
		// "J.R." holds two initials
		pieces := 0
		for range strings.FieldsFuncSeq(w, isDot) {
			pieces++
		}
		for piece := range strings.FieldsFuncSeq(w, isDot) {
			si := -1
			for sub := range strings.SplitSeq(piece, "-") {
				si++
				if sub == "" {
					continue
				}
				r, size := utf8.DecodeRuneInString(sub)
				// a word in capitals ("CA") counts as an initial when names
				// are initialized, but initialize="false" leaves it as
				// written, as pandoc's citeproc does: only one letter or a
				// letter with a period is an initial then
				isInitial := pieces > 1 || strings.HasSuffix(w, ".") || utf8.RuneCountInString(sub) == 1 || initialize && isUpperWord(sub)
				if !unicode.IsUpper(r) && !isInitial {
					// lowercase words (particles) stay
					if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
						b.WriteByte(' ')
					}
					b.WriteString(sub)
					b.WriteByte(' ')
					continue
				}
				if !initialize && !isInitial {
					if si > 0 {
						s := strings.TrimRight(b.String(), " ")
						b.Reset()
						b.WriteString(s + "-")
					}
					b.WriteString(sub)
					b.WriteByte(' ')
					continue
				}
				if si > 0 && hyphen {
					// "J.-P.": the hyphen joins the initials; without
					// initialize-with-hyphen they stand apart ("J. P.")
					s := strings.TrimRight(b.String(), " ")
					b.Reset()
					b.WriteString(s)
					b.WriteByte('-')
				}
				b.WriteString(sub[:size])
				b.WriteString(with)
			}
		}
	}
	// only ASCII spaces: initialize-with may end in a no-break space
	return strings.Trim(b.String(), " ")
}

// plainInitials is initials for the common case, given names of ASCII
// letters each starting with a capital ("John Ronald"), where each name
// gives its first letter: the general rules, run for every name of every
// entry, cost a tenth of a bibliography.
func plainInitials(given, with string, initialize bool) (string, bool) {
	if !initialize {
		return "", false
	}
	for i := 0; i < len(given); i++ {
		c := given[i]
		if c != ' ' && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return "", false
		}
		if c != ' ' && (i == 0 || given[i-1] == ' ') && (c < 'A' || c > 'Z') {
			return "", false // a lowercase word (a particle) stays
		}
	}
	var b strings.Builder
	b.Grow(len(given))
	for i := 0; i < len(given); i++ {
		if given[i] != ' ' && (i == 0 || given[i-1] == ' ') {
			b.WriteByte(given[i])
			b.WriteString(with)
		}
	}
	return strings.Trim(b.String(), " "), true
}

func isDot(r rune) bool { return r == '.' }

func isUpperWord(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

package csl

import (
	"fmt"
	"strconv"
	"strings"
)

// Style is a parsed CSL style. An independent style carries its citation and
// bibliography; a dependent style only names its parent in Parent (the
// <link rel="independent-parent"> target) and may set DefaultLocale.
type Style struct {
	ID            string
	Title         string
	DefaultLocale string
	// Class is "in-text" or "note".
	Class string
	// Parent is the independent parent's id (a URL) of a dependent style.
	Parent string
	// Dependent is true when the style has no citation layout of its own.
	Dependent bool

	file     string
	opts     map[string]string // the root's inheritable and global options
	locales  []*Locale
	macros   map[string]*macro
	cite     *section
	bib      *section
	nameEls  []*nameEl
	namesEls []*namesEl
	dates    []*dateEl
	// usesYearSuffix: the style prints year-suffix itself; otherwise the
	// suffix follows the first year.
	usesYearSuffix bool
	// usesDisambiguateCond: some <if> tests disambiguate="true"
	usesDisambiguateCond bool
	// usesPosition: some <if> tests a cite's position, so later cites
	// of an item may read differently from the first (short notes)
	usesPosition bool
}

// section is the compiled <citation> or <bibliography>.
type section struct {
	opts   map[string]string
	sort   []sortKey
	layout *groupEl
	// layoutDelim joins cites in a citation.
	layoutDelim string
	layoutFmt   fmting
}

type macro struct {
	name string
	kids []elem
	line int
}

type sortKey struct {
	variable                              string
	macro                                 *macro
	desc                                  bool
	namesMin, namesUseFirst, namesUseLast string
}

// BibliographyLayout is what HTML output needs to lay out a bibliography.
type BibliographyLayout struct {
	SecondFieldAlign string // "", "flush" or "margin"
	HangingIndent    bool
	LineSpacing      int // lines per line; 1 when unset
	EntrySpacing     int // blank lines between entries; 1 when unset
}

// ParseStyle reads a CSL style. name is the file's name for errors
// ("apa.csl:312: <names> needs variable").
func ParseStyle(data []byte, name string) (*Style, error) {
	root, err := parseXML(data, name)
	if err != nil {
		return nil, err
	}
	if root.name != "style" {
		return nil, fmt.Errorf("%s:%d: root element is <%s>, want <style>", name, root.line, root.name)
	}
	s := &Style{file: name, opts: root.attrs, macros: map[string]*macro{}, Class: root.attr("class"), DefaultLocale: root.attr("default-locale")}
	if info := root.child("info"); info != nil {
		for _, k := range info.kids {
			switch k.name {
			case "id":
				s.ID = strings.TrimSpace(k.text)
			case "title":
				s.Title = strings.TrimSpace(k.text)
			case "link":
				if k.attr("rel") == "independent-parent" {
					s.Parent = k.attr("href")
				}
			}
		}
	}
	if s.Class == "" && s.Parent == "" {
		return nil, fmt.Errorf("%s:%d: <style> needs class (in-text or note)", name, root.line)
	}
	// Macros first, so that text elements can point at any of them.
	for _, k := range root.kids {
		if k.name == "macro" {
			mn := k.attr("name")
			if mn == "" {
				return nil, fmt.Errorf("%s:%d: <macro> needs name", name, k.line)
			}
			s.macros[mn] = &macro{name: mn, line: k.line}
		}
	}
	for _, k := range root.kids {
		switch k.name {
		case "macro":
			kids, err := s.compileKids(k)
			if err != nil {
				return nil, err
			}
			s.macros[k.attr("name")].kids = kids
		case "locale":
			l, err := compileLocale(k, name)
			if err != nil {
				return nil, err
			}
			s.locales = append(s.locales, l)
		case "citation", "bibliography":
			sec, err := s.compileSection(k)
			if err != nil {
				return nil, err
			}
			if k.name == "citation" {
				s.cite = sec
			} else {
				s.bib = sec
			}
		}
	}
	if s.cite == nil {
		if s.Parent == "" {
			return nil, fmt.Errorf("%s:%d: <style> needs <citation> (or a link to an independent parent)", name, root.line)
		}
		s.Dependent = true
	}
	s.resolveNameOptions()
	return s, nil
}

// Layout returns the bibliography's layout options.
func (s *Style) Layout() BibliographyLayout {
	l := BibliographyLayout{LineSpacing: 1, EntrySpacing: 1}
	if s.bib == nil {
		return l
	}
	l.SecondFieldAlign = s.bib.opts["second-field-align"]
	l.HangingIndent = s.bib.opts["hanging-indent"] == "true"
	if n, err := strconv.Atoi(s.bib.opts["line-spacing"]); err == nil && n > 0 {
		l.LineSpacing = n
	}
	if n, err := strconv.Atoi(s.bib.opts["entry-spacing"]); err == nil && n >= 0 {
		l.EntrySpacing = n
	}
	return l
}

// HasBibliography reports whether the style defines a bibliography.
func (s *Style) HasBibliography() bool { return s.bib != nil }

func (s *Style) compileSection(n *xnode) (*section, error) {
	sec := &section{opts: n.attrs}
	for _, k := range n.kids {
		switch k.name {
		case "sort":
			for _, key := range k.kids {
				if key.name != "key" {
					continue
				}
				sk := sortKey{variable: key.attr("variable"), desc: key.attr("sort") == "descending",
					namesMin: key.attr("names-min"), namesUseFirst: key.attr("names-use-first"), namesUseLast: key.attr("names-use-last")}
				if m := key.attr("macro"); m != "" {
					sk.macro = s.macros[m]
					if sk.macro == nil {
						return nil, fmt.Errorf("%s:%d: <key> calls undefined macro %q", s.file, key.line, m)
					}
				} else if sk.variable == "" {
					return nil, fmt.Errorf("%s:%d: <key> needs variable or macro", s.file, key.line)
				}
				sec.sort = append(sec.sort, sk)
			}
		case "layout":
			kids, err := s.compileKids(k)
			if err != nil {
				return nil, err
			}
			sec.layout = &groupEl{kids: kids}
			sec.layoutDelim = k.attr("delimiter")
			sec.layoutFmt = readFmt(k)
		}
	}
	if sec.layout == nil {
		return nil, fmt.Errorf("%s:%d: <%s> needs <layout>", s.file, n.line, n.name)
	}
	return sec, nil
}

func (s *Style) compileKids(n *xnode) ([]elem, error) {
	var out []elem
	for _, k := range n.kids {
		e, err := s.compile(k)
		if err != nil {
			return nil, err
		}
		if e != nil {
			out = append(out, e)
		}
	}
	return out, nil
}

func (s *Style) errorf(n *xnode, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", s.file, n.line, fmt.Sprintf(format, args...))
}

func (s *Style) compile(n *xnode) (elem, error) {
	switch n.name {
	case "text":
		if n.attr("variable") == "year-suffix" {
			s.usesYearSuffix = true
		}
		e := &textEl{f: readFmt(n), variable: n.attr("variable"), form: n.attr("form"), term: n.attr("term"),
			plural: n.attr("plural") == "true", value: n.attr("value"), hasValue: n.attrs["value"] != ""}
		if m := n.attr("macro"); m != "" {
			e.macro = s.macros[m]
			if e.macro == nil {
				return nil, s.errorf(n, "<text> calls undefined macro %q", m)
			}
		}
		if e.variable == "" && e.macro == nil && e.term == "" && !e.hasValue {
			if _, ok := n.attrs["value"]; !ok {
				return nil, s.errorf(n, "<text> needs variable, macro, term or value")
			}
		}
		return e, nil
	case "number":
		if n.attr("variable") == "" {
			return nil, s.errorf(n, "<number> needs variable")
		}
		return &numberEl{f: readFmt(n), variable: n.attr("variable"), form: n.attr("form")}, nil
	case "label":
		return &labelEl{f: readFmt(n), variable: n.attr("variable"), form: n.attr("form"), plural: n.attr("plural")}, nil
	case "date":
		if n.attr("variable") == "" {
			return nil, s.errorf(n, "<date> needs variable")
		}
		return compileDate(n, s.file, s)
	case "names":
		return s.compileNames(n)
	case "group":
		kids, err := s.compileKids(n)
		if err != nil {
			return nil, err
		}
		return &groupEl{f: readFmt(n), delim: n.attr("delimiter"), kids: kids}, nil
	case "choose":
		return s.compileChoose(n)
	}
	return nil, nil // unknown elements (from later CSL versions) are ignored
}

func (s *Style) compileChoose(n *xnode) (elem, error) {
	c := &chooseEl{}
	for _, k := range n.kids {
		if k.name != "if" && k.name != "else-if" && k.name != "else" {
			continue
		}
		b := branch{match: k.attr("match")}
		if b.match == "" {
			b.match = "all"
		}
		for _, a := range []string{"type", "variable", "is-numeric", "is-uncertain-date", "locator", "position", "disambiguate"} {
			v, ok := k.attrs[a]
			if !ok {
				continue
			}
			for _, f := range strings.Fields(v) {
				b.conds = append(b.conds, cond{kind: a, val: f, vk: kindOf(f)})
			}
			if a == "disambiguate" {
				s.usesDisambiguateCond = true
			}
			if a == "position" {
				s.usesPosition = true
			}
		}
		if k.name != "else" && len(b.conds) == 0 {
			return nil, s.errorf(k, "<%s> needs a condition", k.name)
		}
		kids, err := s.compileKids(k)
		if err != nil {
			return nil, err
		}
		b.kids = kids
		c.branches = append(c.branches, b)
	}
	return c, nil
}

// readFmt reads the formatting, affix, display and quote attributes that
// many elements share.
func readFmt(n *xnode) fmting {
	a := n.attrs
	return fmting{prefix: a["prefix"], suffix: a["suffix"], fontStyle: a["font-style"], fontVariant: a["font-variant"],
		fontWeight: a["font-weight"], textDecoration: a["text-decoration"], verticalAlign: a["vertical-align"],
		display: a["display"], quotes: a["quotes"] == "true", stripPeriods: a["strip-periods"] == "true", textCase: a["text-case"]}
}

// WithParent makes a dependent style usable: the parent's citation and
// bibliography with the dependent's id, title and (when it sets one)
// default-locale. The parent must be independent.
func (s *Style) WithParent(parent *Style) (*Style, error) {
	if !s.Dependent {
		return s, nil
	}
	if parent == nil || parent.Dependent {
		return nil, fmt.Errorf("%s: the parent of a dependent style must be an independent style", s.file)
	}
	out := *parent
	out.ID, out.Title, out.Parent = s.ID, s.Title, s.Parent
	if s.DefaultLocale != "" {
		out.DefaultLocale = s.DefaultLocale
	}
	return &out, nil
}

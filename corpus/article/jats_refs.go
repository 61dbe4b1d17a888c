package article

import (
	"strings"
)

// The text of a JATS reference: a <mixed-citation> as written, an
// <element-citation> (fields only) laid out as PLOS prints its lists,
// "Kauffman SA (1969) Metabolic stability. J Theor Biol 22: 437–467.", which
// the entry parser reads (package resolve). Identifiers end the text as
// "doi:10.…" and "PMID: …" so that an entry is matched by them.

var pubIDPrefix = map[string]string{"doi": "doi:", "pmid": "PMID: ", "pmcid": "PMCID: ", "arxiv": "arXiv:"}

// refText returns the text of one <ref>; several citations in it (a
// <citation-alternatives>, or a ref that cites two works) are joined.
func refText(ref *xnode) string {
	var parts []string
	var walk func(n *xnode, depth int)
	walk = func(n *xnode, depth int) {
		if depth > 4 {
			return
		}
		for _, c := range n.kids {
			switch c.name {
			case "mixed-citation", "element-citation", "citation", "nlm-citation":
				if s := citationText(c); s != "" {
					parts = append(parts, s)
				}
			case "citation-alternatives":
				// The same work in several forms: read the first.
				before := len(parts)
				walk(c, depth+1)
				parts = parts[:min(len(parts), before+1)]
			}
		}
	}
	walk(ref, 0)
	return strings.Join(parts, " ")
}

func citationText(c *xnode) string {
	for _, k := range c.kids {
		if k.name == "" && strings.Trim(k.text, " \t\n") != "" {
			return mixedText(c)
		}
	}
	return fieldsText(c)
}

// mixedText is the text of a citation with its punctuation written in it;
// identifiers get their prefix unless the text gives it.
func mixedText(c *xnode) string {
	var b strings.Builder
	var walk func(n *xnode, depth int)
	walk = func(n *xnode, depth int) {
		if depth > maxJATSDepth {
			return
		}
		for _, k := range n.kids {
			switch {
			case k.name == "":
				b.WriteString(k.text)
			case k.name == "pub-id":
				typ := strings.ToLower(k.attr("pub-id-type"))
				tail := b.String()
				before := strings.ToLower(strings.TrimSpace(tail[max(0, len(tail)-16):]))
				if p := pubIDPrefix[typ]; p != "" && !strings.HasSuffix(before, strings.ToLower(strings.TrimSpace(p))) &&
					!strings.HasSuffix(before, typ) && !strings.HasSuffix(before, "doi.org/") {
					b.WriteString(" " + p)
				}
				b.WriteString(k.plain())
			case k.name == "etal":
				b.WriteString(" et al.")
			case k.name == "name":
				// PLOS writes <surname> and <given-names> with nothing between.
				b.WriteString(" " + k.child("surname").plain() + " " + k.child("given-names").plain())
			case skipInline[k.name]:
			default:
				walk(k, depth+1)
			}
		}
	}
	walk(c, 0)
	return strings.ReplaceAll(strings.Join(strings.Fields(b.String()), " "), "et al..", "et al.")
}

// fieldsText lays out a citation given as fields only.
func fieldsText(c *xnode) string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	authors := names(c)
	year := c.child("year").plain()
	if year == "" {
		year = c.child("date").child("year").plain()
	}
	head := authors
	if year != "" {
		head = strings.TrimSpace(head + " (" + year + ")")
	}
	add(head)
	title := c.child("article-title").plain()
	if title == "" {
		title = c.child("chapter-title").plain()
	}
	if title == "" {
		title = c.child("data-title").plain()
	}
	add(endSentence(title))
	source := c.child("source").plain()
	var loc strings.Builder
	loc.WriteString(source)
	if v := c.child("volume").plain(); v != "" {
		loc.WriteString(" " + v)
		if is := c.child("issue").plain(); is != "" {
			loc.WriteString("(" + is + ")")
		}
	}
	pages := c.child("fpage").plain()
	if lp := c.child("lpage").plain(); pages != "" && lp != "" && lp != pages {
		pages += "–" + lp
	}
	if pages == "" {
		pages = c.child("elocation-id").plain()
	}
	if pages != "" {
		if loc.Len() > 0 {
			loc.WriteString(": ")
		}
		loc.WriteString(pages)
	}
	add(endSentence(loc.String()))
	pub := c.child("publisher-name").plain()
	if pl := c.child("publisher-loc").plain(); pl != "" && pub != "" {
		pub = pl + ": " + pub
	}
	add(endSentence(pub))
	add(endSentence(c.child("comment").plain()))
	for _, id := range c.children("pub-id") {
		if p := pubIDPrefix[strings.ToLower(id.attr("pub-id-type"))]; p != "" {
			add(p + id.plain())
		}
	}
	return strings.Join(strings.Fields(strings.Join(out, " ")), " ")
}

// endSentence ends s with a period unless it ends a sentence already.
func endSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// names lists the authors of a citation (its first person group that is
// not the editors), "Surname GN, Surname GN, et al.".
func names(c *xnode) string {
	group := c
	for _, g := range c.children("person-group") {
		if t := g.attr("person-group-type"); t == "" || t == "author" {
			group = g
			break
		}
	}
	var out []string
	for _, k := range group.kids {
		switch k.name {
		case "name":
			n := strings.TrimSpace(k.child("surname").plain() + " " + k.child("given-names").plain())
			if s := k.child("suffix").plain(); s != "" {
				n += " " + s
			}
			if n != "" {
				out = append(out, n)
			}
		case "string-name", "collab":
			if s := k.plain(); s != "" {
				out = append(out, s)
			}
		case "etal":
			out = append(out, "et al.")
		}
	}
	return strings.Join(out, ", ")
}

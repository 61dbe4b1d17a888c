package article

import (
	"strings"

	"github.com/evident-tools/evident/corpus/xmltree"
)

// The text of a JATS reference: a <mixed-citation> as written, an
// <element-citation> (fields only) laid out as PLOS prints its lists,
// "Kauffman SA (1969) Metabolic stability. J Theor Biol 22: 437–467.", which
// the entry parser reads (package resolve). Identifiers end the text as
// "doi:10.…" and "PMID: …" so that an entry is matched by them.

var pubIDPrefix = map[string]string{"doi": "doi:", "pmid": "PMID: ", "pmcid": "PMCID: ", "arxiv": "arXiv:"}

// refText returns the text of one <ref>; several citations in it (a
// <citation-alternatives>, or a ref that cites two works) are joined.
func refText(ref *xmltree.Node) string {
	var parts []string
	var walk func(n *xmltree.Node, depth int)
	walk = func(n *xmltree.Node, depth int) {
		if depth > 4 {
			return
		}
		for _, c := range n.Kids {
			switch c.Name {
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

func citationText(c *xmltree.Node) string {
	for _, k := range c.Kids {
		if k.Name == "" && strings.Trim(k.Text, " \t\n") != "" {
			return mixedText(c)
		}
	}
	return fieldsText(c)
}

// mixedText is the text of a citation with its punctuation written in it;
// identifiers get their prefix unless the text gives it.
func mixedText(c *xmltree.Node) string {
	var b strings.Builder
	var walk func(n *xmltree.Node, depth int)
	walk = func(n *xmltree.Node, depth int) {
		if depth > maxJATSDepth {
			return
		}
		for _, k := range n.Kids {
			switch {
			case k.Name == "":
				b.WriteString(k.Text)
			case k.Name == "pub-id":
				typ := strings.ToLower(k.Attr("pub-id-type"))
				tail := b.String()
				before := strings.ToLower(strings.TrimSpace(tail[max(0, len(tail)-16):]))
				if p := pubIDPrefix[typ]; p != "" && !strings.HasSuffix(before, strings.ToLower(strings.TrimSpace(p))) &&
					!strings.HasSuffix(before, typ) && !strings.HasSuffix(before, "doi.org/") {
					b.WriteString(" " + p)
				}
				b.WriteString(plain(k))
			case k.Name == "etal":
				b.WriteString(" et al.")
			case k.Name == "name":
				// PLOS writes <surname> and <given-names> with nothing between.
				b.WriteString(" " + plain(k.Child("surname")) + " " + plain(k.Child("given-names")))
			case skipInline[k.Name]:
			default:
				walk(k, depth+1)
			}
		}
	}
	walk(c, 0)
	return strings.ReplaceAll(strings.Join(strings.Fields(b.String()), " "), "et al..", "et al.")
}

// fieldsText lays out a citation given as fields only.
func fieldsText(c *xmltree.Node) string {
	var out []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	authors := names(c)
	year := plain(c.Child("year"))
	if year == "" {
		year = plain(c.Child("date").Child("year"))
	}
	head := authors
	if year != "" {
		head = strings.TrimSpace(head + " (" + year + ")")
	}
	add(head)
	title := plain(c.Child("article-title"))
	if title == "" {
		title = plain(c.Child("chapter-title"))
	}
	if title == "" {
		title = plain(c.Child("data-title"))
	}
	add(endSentence(title))
	source := plain(c.Child("source"))
	var loc strings.Builder
	loc.WriteString(source)
	if v := plain(c.Child("volume")); v != "" {
		loc.WriteString(" " + v)
		if is := plain(c.Child("issue")); is != "" {
			loc.WriteString("(" + is + ")")
		}
	}
	pages := plain(c.Child("fpage"))
	if lp := plain(c.Child("lpage")); pages != "" && lp != "" && lp != pages {
		pages += "–" + lp
	}
	if pages == "" {
		pages = plain(c.Child("elocation-id"))
	}
	if pages != "" {
		if loc.Len() > 0 {
			loc.WriteString(": ")
		}
		loc.WriteString(pages)
	}
	add(endSentence(loc.String()))
	pub := plain(c.Child("publisher-name"))
	if pl := plain(c.Child("publisher-loc")); pl != "" && pub != "" {
		pub = pl + ": " + pub
	}
	add(endSentence(pub))
	add(endSentence(plain(c.Child("comment"))))
	for _, id := range c.Children("pub-id") {
		if p := pubIDPrefix[strings.ToLower(id.Attr("pub-id-type"))]; p != "" {
			add(p + plain(id))
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
func names(c *xmltree.Node) string {
	group := c
	for _, g := range c.Children("person-group") {
		if t := g.Attr("person-group-type"); t == "" || t == "author" {
			group = g
			break
		}
	}
	var out []string
	for _, k := range group.Kids {
		switch k.Name {
		case "name":
			n := strings.TrimSpace(plain(k.Child("surname")) + " " + plain(k.Child("given-names")))
			if s := plain(k.Child("suffix")); s != "" {
				n += " " + s
			}
			if n != "" {
				out = append(out, n)
			}
		case "string-name", "collab":
			if s := plain(k); s != "" {
				out = append(out, s)
			}
		case "etal":
			out = append(out, "et al.")
		}
	}
	return strings.Join(out, ", ")
}

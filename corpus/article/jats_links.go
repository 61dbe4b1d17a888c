package article

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/xmltree"
)

// JATS marks an article's hyperlinks as <ext-link> (xlink:href, with an
// ext-link-type saying what the address is) and <uri> (the address as its
// text, or in xlink:href). Those in the abstracts, the body and the back
// matter's footnotes are links the checker may cite; those in <ref-list>
// belong to a reference, which is matched as a whole, and are recorded as
// such.

// jatsIDResolvers turn an ext-link whose type names an identifier scheme
// into the address of its record, which corpus.LinkIdentifiers reads.
var jatsIDResolvers = map[string]string{
	"doi":    "https://doi.org/",
	"pmid":   "https://pubmed.ncbi.nlm.nih.gov/",
	"pubmed": "https://pubmed.ncbi.nlm.nih.gov/",
	"pmcid":  "https://www.ncbi.nlm.nih.gov/pmc/articles/",
	"pmc":    "https://www.ncbi.nlm.nih.gov/pmc/articles/",
}

func isJATSLink(n *xmltree.Node) bool { return n.Name == "ext-link" || n.Name == "uri" }

// link reads an <ext-link> or <uri> of the prose: its text is read as
// any other inline element's, and the link is recorded with where that
// text starts.
func (j *jatsReader) link(n *xmltree.Node, depth int) {
	from := len(j.b.text)
	j.inline(n, depth+1)
	l := corpus.Link{Href: jatsHref(n), Pos: j.src.pos(n.Off)}
	linkSince(&l, j.b, from)
	if l.Href == "" && l.Text == "" {
		return
	}
	j.links = append(j.links, l)
}

// refLinks records the links of a reference-list entry, which cite
// nothing by themselves.
func (j *jatsReader) refLinks(n *xmltree.Node, depth int) {
	if depth > maxJATSDepth {
		return
	}
	for _, k := range n.Kids {
		if !isJATSLink(k) {
			j.refLinks(k, depth+1)
			continue
		}
		l := corpus.Link{Href: jatsHref(k), Text: plain(k), Pos: j.src.pos(k.Off), Skipped: corpus.SkipRefList}
		if l.Href != "" {
			j.links = append(j.links, l)
		}
	}
}

// jatsHref is the address of an <ext-link> or <uri>: xlink:href, else its
// text; an identifier (ext-link-type doi, pmid, pmcid) becomes the
// address of its record. A link into another database (an accession
// number of GenBank, PDB, a trial registry) that is no web address is
// given as type:value, which cites nothing as a web link.
func jatsHref(n *xmltree.Node) string {
	href := strings.TrimSpace(n.Attr("href"))
	if href == "" {
		href = plain(n)
	}
	typ := strings.ToLower(strings.TrimSpace(n.Attr("ext-link-type")))
	lower := strings.ToLower(href)
	web := strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "ftp://")
	switch {
	case href == "" || web || typ == "" || typ == "uri" || typ == "url" || typ == "ftp":
		return href
	case jatsIDResolvers[typ] != "":
		return jatsIDResolvers[typ] + href
	case typ == "email" && !strings.HasPrefix(lower, "mailto:"):
		return "mailto:" + href
	case strings.Contains(href, ":"):
		return href
	}
	return typ + ":" + href
}

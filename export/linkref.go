package export

import (
	"net/url"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// An article's reference list, as export writes it for a stored article,
// is what its report cites in the order of first citation: the library's
// references its markers and links resolved to, and the sources it links
// to that the library lacks, each made into a web page reference from the
// link's text and address.

// Cited is one work an article cites: a library reference by Key, or a
// linked source the library lacks, as Ref.
type Cited struct {
	Key string
	Ref *corpus.Reference
}

// CitedInOrder lists what rep cites, each work once, in the order it is
// first cited. With links false, the linked sources the library lacks are
// left out.
func CitedInOrder(rep *corpus.Report, links bool) []Cited {
	if rep == nil {
		return nil
	}
	sources := make(map[string]corpus.ListRef, len(rep.LinkSources))
	for _, s := range rep.LinkSources {
		sources[s.Label] = s
	}
	var out []Cited
	seen := map[string]bool{}
	for _, c := range rep.Claims {
		for _, l := range c.Citations {
			switch {
			case l.Status == corpus.Resolved && l.Key != nil:
				if !seen["key:"+*l.Key] {
					seen["key:"+*l.Key] = true
					out = append(out, Cited{Key: *l.Key})
				}
			case links && l.Kind == corpus.LinkKind && l.Status == corpus.External:
				s, ok := sources[l.Cites]
				if ok && !seen["link:"+l.Cites] {
					seen["link:"+l.Cites] = true
					out = append(out, Cited{Ref: LinkReference(s)})
				}
			}
		}
	}
	return out
}

// LinkReference makes a reference of a source an article links to: a web
// page (BibTeX @online, CSL "webpage", RIS ELEC) titled with the link's
// text, with its address, and the DOI, PMID or arXiv id the address
// carries. Its key is left to the caller (see KeyLinkReferences). A link
// whose text is its address is titled with the address without its
// scheme, which reads better in a reference list than the URL twice.
func LinkReference(s corpus.ListRef) *corpus.Reference {
	title := strings.TrimSpace(s.Text)
	if title == "" || title == s.URL {
		title = bareAddress(s.URL)
	}
	var l bibtex.FieldList
	l.Text("title", title)
	ids, _ := corpus.LinkIdentifiers(s.URL)
	l.Verbatim("doi", ids.DOI)
	l.Text("pmid", ids.PMID)
	l.Text("eprint", ids.ArXiv)
	if ids.ArXiv != "" {
		l.Text("eprinttype", "arxiv")
	}
	l.Verbatim("url", s.URL)
	ref := &corpus.Reference{Type: "online", Fields: l.Fields}
	bibtex.Derive(ref)
	return ref
}

// KeyLinkReferences gives each reference made by LinkReference a key that
// no other reference of refs has: the site's name and the first word of
// the title (cdcgovernment), as bibtex.MakeKey would make with the site
// for its author.
func KeyLinkReferences(refs []*corpus.Reference) {
	var keys bibtex.Keys
	for _, r := range refs {
		if r.Key != "" {
			keys.Take(r.Key)
		}
	}
	for _, r := range refs {
		if r.Key != "" {
			continue
		}
		u, _ := r.Get("url")
		named := &corpus.Reference{Title: r.Title, Authors: []corpus.Name{{Literal: siteName(u)}}}
		r.Key = keys.Take(bibtex.MakeKey(named))
	}
}

// siteName is the distinctive part of an address's host: "cdc" for
// www.cdc.gov, "who" for who.int, "doi" for doi.org.
func siteName(addr string) string {
	u, err := url.Parse(addr)
	if err != nil || u.Hostname() == "" {
		return "link"
	}
	labels := strings.Split(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."), ".")
	n := len(labels)
	if n >= 3 && len(labels[n-1]) == 2 && secondLevel[labels[n-2]] {
		return labels[n-3] // bbc.co.uk, abs.gov.au
	}
	if n >= 2 {
		return labels[n-2]
	}
	return labels[0]
}

// secondLevel are the labels that countries put under their own domain
// before a site's name (co.uk, gov.au, ac.jp).
var secondLevel = map[string]bool{"co": true, "ac": true, "gov": true, "org": true, "com": true, "net": true,
	"edu": true, "or": true, "ne": true, "go": true, "nic": true}

// bareAddress is an address without its scheme and trailing slash.
func bareAddress(addr string) string {
	a := addr
	if i := strings.Index(a, "://"); i >= 0 {
		a = a[i+3:]
	}
	return strings.TrimSuffix(a, "/")
}

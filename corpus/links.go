package corpus

import (
	"strings"
	"unicode"
)

// LinkIDs is what a hyperlink cites: the identifiers its address carries,
// normalised as ExtractIdentifiers normalises a reference's, and URL, a key
// to look the page up by.
type LinkIDs struct {
	DOI   string `json:"doi,omitempty"`   // lower-case, no resolver prefix: 10.1000/xyz
	PMID  string `json:"pmid,omitempty"`  // digits
	PMCID string `json:"pmcid,omitempty"` // PMC followed by digits
	ArXiv string `json:"arxiv,omitempty"` // 1234.56789 or archive/1234567, no version
	ISBN  string `json:"isbn,omitempty"`  // ISBN-13 digits
	// URL is the lower-case host without "www." and port 80 or 443, then
	// the path as written without trailing slashes, then of the query only
	// the parameters that identify the document, in their order
	// ("books.google.com/books?isbn=9780262035613"). It has no scheme and no
	// fragment.
	URL string `json:"url,omitempty"`
}

// HasIdentifier reports whether ids holds a DOI, PMID, PMCID, arXiv
// identifier or ISBN.
func (ids LinkIDs) HasIdentifier() bool {
	return ids.DOI != "" || ids.PMID != "" || ids.PMCID != "" || ids.ArXiv != "" || ids.ISBN != ""
}

// LinkIdentifiers reads what the hyperlink href cites. It knows the address
// forms of the DOI resolver, PubMed, PubMed Central, Europe PMC, arXiv,
// bioRxiv and medRxiv, the publishers that put a DOI in the path or query
// (/doi/10.…, ?id=10.…, nature.com/articles/…) and book catalogues that put
// an ISBN in the address. Publishers that name an article by their own key
// (ScienceDirect and The Lancet by PII, JAMA, MDPI, Cell; BMJ's pages
// before 2008) give no
// identifier, only the URL key: their addresses hold no DOI to read, and
// guessing one would cite the wrong paper.
//
// ok is false for anything but an http, https or "doi:" link: mailto:,
// tel:, javascript:, fragment-only and relative links, and addresses whose
// host is not a host name.
func LinkIdentifiers(href string) (ids LinkIDs, ok bool) {
	s := strings.TrimSpace(strings.ToValidUTF8(href, "\uFFFD"))
	if len(s) >= 2 && s[0] == '<' && s[len(s)-1] == '>' {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if len(s) >= 4 && strings.EqualFold(s[:4], "doi:") {
		doi := linkDOI(s)
		if doi == "" {
			return LinkIDs{}, false
		}
		// The key is the DOI's resolver address. A normalised DOI holds
		// no %XX escape, so only '?' and '#' need escaping.
		key := strings.NewReplacer("?", "%3F", "#", "%23").Replace(doi)
		return LinkIDs{DOI: doi, ArXiv: arXivOfDOI(doi), URL: "doi.org/" + key}, true
	}
	l, ok := parseLink(s)
	if !ok {
		return LinkIDs{}, false
	}
	ids = l.identifiers()
	ids.URL = l.key()
	return ids, true
}

// link is an http(s) address taken apart for LinkIdentifiers.
type link struct {
	host   string   // lower-case, without "www." and trailing dots
	port   string   // ":8080", or "" for none, 80 or 443
	path   string   // as written, without trailing slashes: "" or "/…"
	lpath  string   // path percent-decoded once and lower-cased, for matching
	segs   []string // the non-empty segments of lpath
	params []linkParam
}

// linkParam is one name=value pair of a query.
type linkParam struct {
	raw   string // as written, for the key
	name  string // lower-case
	value string // percent-decoded once
	keep  bool   // identifies the document, so belongs in the key
}

// parseLink splits an http(s) or scheme-relative ("//host/…") address.
// It is written by hand because net/url rejects whole addresses for one bad
// escape, and links in articles have them.
func parseLink(s string) (link, bool) {
	var rest string
	if scheme, after, ok := strings.Cut(s, "://"); ok {
		scheme = strings.ToLower(scheme)
		if scheme != "http" && scheme != "https" {
			return link{}, false
		}
		rest = after
	} else if after, ok := strings.CutPrefix(s, "//"); ok {
		rest = after
	} else {
		return link{}, false
	}
	rest, _, _ = strings.Cut(rest, "#")
	rest, query, _ := strings.Cut(rest, "?")
	authority, path := rest, ""
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		authority, path = rest[:i], rest[i:]
	}
	host, port, ok := splitHostPort(authority[strings.LastIndexByte(authority, '@')+1:])
	if !ok {
		return link{}, false
	}
	// Spaces before a fragment are no part of the address either.
	path = strings.TrimRightFunc(path, func(r rune) bool { return r == '/' || unicode.IsSpace(r) })
	l := link{host: host, port: port, path: path}
	l.lpath = strings.ToLower(percentDecode(l.path))
	for _, seg := range strings.Split(l.lpath, "/") {
		if seg != "" {
			l.segs = append(l.segs, seg)
		}
	}
	for _, raw := range strings.Split(query, "&") {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		name, value, _ := strings.Cut(raw, "=")
		name = strings.ToLower(percentDecode(name))
		l.params = append(l.params, linkParam{
			raw:   raw,
			name:  name,
			value: strings.TrimSpace(percentDecode(value)),
			keep:  identifyingParam(name),
		})
	}
	return l, true
}

// splitHostPort lower-cases the host, drops "www.", trailing dots and the
// default ports, and refuses what cannot be a host name.
func splitHostPort(hp string) (host, port string, ok bool) {
	host = hp
	if strings.HasPrefix(hp, "[") {
		// An IPv6 literal: its colons are not a port.
		end := strings.IndexByte(hp, ']')
		if end < 0 {
			return "", "", false
		}
		host, port = hp[:end+1], hp[end+1:]
	} else if i := strings.IndexByte(hp, ':'); i >= 0 {
		host, port = hp[:i], hp[i:]
	}
	if port != "" {
		digits := strings.TrimPrefix(port, ":")
		if !strings.HasPrefix(port, ":") || digitsAt(digits, 0) != len(digits) {
			return "", "", false
		}
		if digits == "" || digits == "80" || digits == "443" {
			port = ""
		}
	}
	host = strings.TrimRight(strings.ToLower(host), ".")
	for strings.HasPrefix(host, "www.") {
		host = host[len("www."):]
	}
	// "//http:0", "//https://x" with its colon lost: a scheme written
	// where the host goes is no host, and its key would read as a scheme.
	if host == "" || host[0] == '.' || strings.Contains(host, "..") || host == "http" || host == "https" {
		return "", "", false
	}
	if host[0] == '[' {
		ip := strings.TrimSuffix(host[1:], "]")
		if len(ip) != len(host)-2 || ip == "" || strings.Trim(ip, "0123456789abcdef:.") != "" {
			return "", "", false
		}
		return host, port, true
	}
	for _, r := range host {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '.' && r != '_' {
			return "", "", false
		}
	}
	return host, port, true
}

// identifyingParam reports whether a query parameter of that name names the
// document on the sites that use it (?id= on PLOS, Google Books and many
// content systems, ?v= on YouTube, ?p= on WordPress, ?abstract_id= on SSRN,
// ?arnumber= on IEEE Xplore, ?pid= on SciELO), so that two pages that
// differ in it are two documents. Tracking and display parameters are not.
func identifyingParam(name string) bool {
	switch name {
	case "id", "doi", "isbn", "pmid", "pmcid", "article", "articleid", "docid", "v", "p",
		"abstract_id", "arnumber", "list_uids", "pid":
		return true
	}
	return false
}

// key returns the URL key of l (see LinkIDs.URL).
func (l *link) key() string {
	var b strings.Builder
	b.WriteString(l.host)
	b.WriteString(l.port)
	b.WriteString(l.path)
	sep := "?"
	for _, p := range l.params {
		if p.keep {
			b.WriteString(sep)
			b.WriteString(p.raw)
			sep = "&"
		}
	}
	return b.String()
}

// identifiers reads the identifiers the address of l carries.
func (l *link) identifiers() LinkIDs {
	var ids LinkIDs
	switch {
	case isDomain(l.host, "doi.org"):
		ids.DOI = linkDOI(l.lpath)
	case isDomain(l.host, "arxiv.org"):
		if len(l.segs) >= 2 && isArXivView(l.segs[0]) {
			ids.ArXiv = NormalizeArXiv(strings.Join(l.segs[1:], "/"))
		}
	case l.host == "pubmed.ncbi.nlm.nih.gov":
		ids.PMID = l.pubMedID(l.segs)
	case l.host == "ncbi.nlm.nih.gov":
		switch {
		case l.seg(0) == "pubmed":
			ids.PMID = l.pubMedID(l.segs[1:])
		case l.seg(0) == "pmc" && l.seg(1) == "articles" && l.seg(2) == "pmid":
			// PubMed Central's page for the article with this PMID.
			ids.PMID = canonicalDigits(l.seg(3))
		case l.seg(0) == "pmc" && l.seg(1) == "articles":
			ids.PMCID = pmcidSegment(l.seg(2), true)
		case l.seg(0) == "entrez":
			// The Entrez addresses PubMed used before 2010:
			// /entrez/query.fcgi?cmd=Retrieve&db=PubMed&list_uids=N.
			ids.PMID = l.numericParam("list_uids")
		}
	case l.host == "pmc.ncbi.nlm.nih.gov":
		if l.seg(0) == "articles" {
			ids.PMCID = pmcidSegment(l.seg(1), true)
		}
	case isDomain(l.host, "europepmc.org"):
		ids.PMID, ids.PMCID = l.europePMC()
	case isDomain(l.host, "nature.com"):
		ids.DOI = l.natureDOI()
	case isDomain(l.host, "bmj.com"):
		ids.DOI = l.bmjDOI()
	}
	if ids.DOI == "" && !isDomain(l.host, "doi.org") {
		ids.DOI = l.pathDOI()
	}
	if isDomain(l.host, "oup.com") {
		ids.DOI = cutOUPSlug(ids.DOI)
	}
	if ids.DOI == "" {
		ids.DOI = l.queryDOI()
	}
	if ids.ArXiv == "" {
		ids.ArXiv = arXivOfDOI(ids.DOI)
	}
	ids.ISBN = l.isbn()
	return ids
}

// bmjDOI reads the DOI of a BMJ article page: since 2008 the page's last
// path segment is its DOI suffix (/content/356/bmj.i6583 is
// 10.1136/bmj.i6583); older pages (/content/338/7694/b1.full) carry none.
func (l *link) bmjDOI() string {
	if len(l.segs) == 0 {
		return ""
	}
	last := strings.ToLower(l.segs[len(l.segs)-1])
	last = strings.TrimSuffix(strings.TrimSuffix(last, ".pdf"), ".full")
	rest, ok := strings.CutPrefix(last, "bmj.")
	if !ok || rest == "" {
		return ""
	}
	digits := strings.TrimLeft(rest, "abcdefghijklmnopqrstuvwxyz")
	if len(rest)-len(digits) > 1 || digits == "" || strings.Trim(digits, "0123456789") != "" {
		return ""
	}
	return "10.1136/" + last
}

// seg returns the i-th path segment, or "".
func (l *link) seg(i int) string {
	if i < len(l.segs) {
		return l.segs[i]
	}
	return ""
}

// isArXivView reports whether an arXiv path segment is one of the views
// followed by an identifier (/abs/…, /pdf/…).
func isArXivView(seg string) bool {
	switch seg {
	case "abs", "pdf", "html", "format", "ps", "src":
		return true
	}
	return false
}

// pubMedID returns the PMID in the path segments that follow a PubMed
// prefix, or the numeric search term of "?term=N", which PubMed opens as
// that article.
func (l *link) pubMedID(segs []string) string {
	if len(segs) > 0 {
		return canonicalDigits(segs[0])
	}
	return l.numericParam("term")
}

// numericParam returns the PMID-like digits of the first parameter called
// name that has them, and marks it kept.
func (l *link) numericParam(name string) string {
	for i, p := range l.params {
		if p.name == name {
			if id := canonicalDigits(p.value); id != "" {
				l.params[i].keep = true
				return id
			}
		}
	}
	return ""
}

// pmcidSegment returns the PMCID a path segment names; needPrefix asks for
// the "PMC" that PubMed Central's own paths always have.
func pmcidSegment(seg string, needPrefix bool) string {
	if needPrefix && !strings.HasPrefix(seg, "pmc") {
		return ""
	}
	return NormalizePMCID(seg)
}

// europePMC reads /article/MED/N, /abstract/MED/N, /article/PMC/PMCN and
// /articles/PMCN.
func (l *link) europePMC() (pmid, pmcid string) {
	switch l.seg(0) {
	case "article", "abstract":
		switch l.seg(1) {
		case "med":
			return canonicalDigits(l.seg(2)), ""
		case "pmc":
			return "", pmcidSegment(l.seg(2), false)
		}
	case "articles":
		return "", pmcidSegment(l.seg(1), true)
	}
	return "", ""
}

// natureDOI returns the DOI of a nature.com article: Nature's DOIs are
// 10.1038/ and the article's name in /articles/NAME, or in the older
// /…/full/NAME.html and /…/abs/NAME.html.
func (l *link) natureDOI() string {
	name := ""
	switch {
	case len(l.segs) == 2 && l.segs[0] == "articles":
		name = strings.TrimSuffix(l.segs[1], ".pdf")
	case len(l.segs) >= 2 && (l.segs[len(l.segs)-2] == "full" || l.segs[len(l.segs)-2] == "abs"):
		name = strings.TrimSuffix(l.segs[len(l.segs)-1], ".html")
	}
	if name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789.-_") != "" {
		return ""
	}
	return settleDOI("10.1038/" + name)
}

// pathDOI returns the DOI that a path holds from a segment that starts
// with one to the end (/doi/10.…, /doi/full/10.…, /article/10.…,
// /content/10.1101/…). Any host counts: more publishers do this than a list
// would name, and a segment "10.NNNN" followed by more path is hardly ever
// anything else.
func (l *link) pathDOI() string {
	for from := 0; ; {
		i := strings.Index(l.lpath[from:], "/10.")
		if i < 0 {
			return ""
		}
		rest := l.lpath[from+i+1:]
		from += i + 1
		if start, _, _ := findDOI(rest); start == 0 {
			return linkDOI(rest)
		}
	}
}

// queryDOI returns the DOI of a query parameter whose value is one
// (?id=10.1371/…, ?doi=10.…, rft_id=info:doi/10.…) and marks it kept.
func (l *link) queryDOI() string {
	for i, p := range l.params {
		v := strings.ToLower(p.value)
		for _, prefix := range []string{"info:doi/", "doi:", "https://doi.org/", "http://dx.doi.org/"} {
			v = strings.TrimPrefix(v, prefix)
		}
		if !strings.HasPrefix(v, "10.") {
			continue
		}
		if start, _, _ := findDOI(v); start != 0 {
			continue
		}
		if doi := linkDOI(v); doi != "" {
			l.params[i].keep = true
			return doi
		}
	}
	return ""
}

// isbn returns the ISBN of a book catalogue address: /isbn/N on WorldCat,
// Open Library and isbnsearch.org, /dp/N or /gp/product/N on Amazon (an
// ISBN-10 is the Amazon product code of a printed book), or an isbn or ean
// query parameter on any site (Google Books, bookshops).
func (l *link) isbn() string {
	switch {
	case isDomain(l.host, "worldcat.org"), isDomain(l.host, "openlibrary.org"), isDomain(l.host, "isbnsearch.org"):
		for i := 0; i+1 < len(l.segs); i++ {
			if l.segs[i] == "isbn" {
				return wholeISBN(l.segs[i+1])
			}
		}
	case isAmazon(l.host):
		for i := 0; i+1 < len(l.segs); i++ {
			if l.segs[i] == "dp" || (l.segs[i] == "product" && i > 0 && l.segs[i-1] == "gp") {
				if code := l.segs[i+1]; len(code) == 10 {
					return wholeISBN(code)
				}
			}
		}
	}
	for i, p := range l.params {
		if p.name == "isbn" || p.name == "ean" {
			if isbn := wholeISBN(p.value); isbn != "" {
				l.params[i].keep = true
				return isbn
			}
		}
	}
	return ""
}

// wholeISBN returns the ISBN s is when s holds nothing else: digits,
// hyphens and a check character X.
func wholeISBN(s string) string {
	if strings.Trim(s, "0123456789-xX") != "" {
		return ""
	}
	return NormalizeISBN(s)
}

// isAmazon reports whether host is one of Amazon's shops (amazon.com,
// amazon.co.uk, smile.amazon.de, …).
func isAmazon(host string) bool {
	return strings.HasPrefix(host, "amazon.") || strings.Contains(host, ".amazon.")
}

// isDomain reports whether host is domain or a subdomain of it.
func isDomain(host, domain string) bool {
	return host == domain || strings.HasSuffix(host, "."+domain)
}

// tidyLinkDOI removes what publishers' addresses put after a DOI: the page
// of the article (/full, /abstract, /pdf, .pdf) and, for bioRxiv and
// medRxiv (prefix 10.1101), the version and view (v2, .full, .full.pdf),
// which name the same preprint.
func tidyLinkDOI(doi string) string {
	prefix, suffix, ok := strings.Cut(doi, "/")
	if !ok {
		return doi
	}
	views := []string{"/full", "/abstract", "/abs", "/pdf", "/epdf", "/pdfdirect", "/fulltext", "/html", "/epub", ".pdf"}
	if prefix == "10.1101" {
		views = append(views, ".full", ".full-text", ".abstract", ".short", ".supplementary-material",
			".article-info", ".article-metrics", ".figures-only")
	}
	for cut := true; cut; {
		// A slash after the DOI is the path's, which the URL key drops.
		suffix = strings.TrimRight(suffix, "/")
		cut = false
		for _, v := range views {
			if s, found := strings.CutSuffix(suffix, v); found && s != "" {
				suffix, cut = s, true
			}
		}
	}
	if prefix == "10.1101" {
		suffix = cutPreprintVersion(suffix)
	}
	return prefix + "/" + suffix
}

// cutPreprintVersion drops the "v2" of a bioRxiv or medRxiv suffix
// ("2020.03.01.123456v2", older "123456v2"), which is not part of the DOI.
func cutPreprintVersion(suffix string) string {
	v := strings.LastIndexByte(suffix, 'v')
	if v <= 0 || v == len(suffix)-1 || digitsAt(suffix, v+1) != len(suffix)-v-1 {
		return suffix
	}
	if strings.Trim(suffix[:v], "0123456789.") != "" || !isDigit(suffix[v-1]) {
		return suffix
	}
	return suffix[:v]
}

// cutOUPSlug keeps "10.1093/journal/code" of the DOI read from an Oxford
// Academic path, which goes on with the article number and title
// (/article/doi/10.1093/bib/bbw110/2562646/A-review-of-…).
func cutOUPSlug(doi string) string {
	parts := strings.SplitN(doi, "/", 4)
	if len(parts) < 4 || parts[0] != "10.1093" {
		return doi
	}
	return settleDOI(strings.Join(parts[:3], "/"))
}

// linkDOI returns the DOI in the address text s, normalised and tidied
// (see tidyLinkDOI) until neither changes it: tidying can leave trailing
// punctuation ("10.1000/x./pdf"), and trimming it can leave a view to tidy
// ("10.1000/x/pdf./pdf"). Each round only shortens the DOI; "" if it does not
// settle.
func linkDOI(s string) string {
	doi := NormalizeDOI(s)
	for range 16 {
		next := NormalizeDOI(tidyLinkDOI(doi))
		if next == doi {
			return doi
		}
		doi = next
	}
	return ""
}

// settleDOI returns doi once NormalizeDOI leaves it unchanged; "" if it
// does not settle.
func settleDOI(doi string) string {
	for range 8 {
		next := NormalizeDOI(doi)
		if next == doi {
			return doi
		}
		doi = next
	}
	return ""
}

// arXivOfDOI returns the arXiv identifier of an arXiv DOI
// (10.48550/arxiv.2101.00001), else "".
func arXivOfDOI(doi string) string {
	if strings.HasPrefix(doi, "10.48550/arxiv.") {
		return NormalizeArXiv(doi)
	}
	return ""
}

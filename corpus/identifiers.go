package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The normalisers below are written by hand: the identifier libraries that
// exist each cover one scheme and none reads the forms people type into
// BibTeX (resolver URLs, "doi:" prefixes, LaTeX escapes, several ISBNs in one
// field). Each returns "" rather than a guess when the input holds no
// identifier of its kind.

// NormalizeDOI returns the DOI held in s, lower-case and percent-decoded,
// without resolver or "doi:" prefix: "10.1000/xyz". It accepts a bare DOI,
// "doi:10.1000/xyz", "DOI 10.1000/xyz", resolver URLs such as
// "https://doi.org/10.1000/xyz" or "http://dx.doi.org/10.1000%2Fxyz", and
// LaTeX escapes such as "10.1000/a\_b". Trailing punctuation and unbalanced
// closing brackets are dropped. It returns "" when s holds no DOI.
func NormalizeDOI(s string) string {
	// Invalid bytes become U+FFFD first, as lower-casing would make them
	// later, so that a second call sees the same text.
	s = unescapeLaTeX(strings.ToValidUTF8(s, "\uFFFD"))
	start, slash, suffix := findDOI(s)
	if start < 0 {
		return ""
	}
	prefix := s[start:slash]
	rest := s[suffix:]
	rest = cutAtSpace(rest)
	if strings.Contains(s[:start], "://") {
		// In a URL a query or fragment ends the path; a DOI that holds
		// '?' or '#' has them percent-encoded there.
		if i := strings.IndexAny(rest, "?#"); i >= 0 {
			rest = rest[:i]
		}
	}
	// Decoding can reveal another layer (double-encoded URLs, an escaped
	// "\%5F"), so repeat until nothing changes; each round only shortens.
	for {
		next := percentDecode(unescapeLaTeX(rest))
		if next == rest {
			break
		}
		rest = next
	}
	rest = cutAtSpace(rest)
	rest = trimTrailingPunct(strings.ToLower(rest))
	if rest == "" {
		return ""
	}
	return prefix + "/" + rest
}

// findDOI locates "10.<registrant>/" in s. It returns the index of the DOI,
// of the separator after the registrant code (a slash or "%2F") and of the
// suffix, or -1s. A registrant code is at least four digits, optionally with
// dot-separated subdivisions ("10.1000.10"). The DOI must not continue a
// number, so "arXiv:2010.12345" holds none.
func findDOI(s string) (start, slash, suffix int) {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], "10.")
		if i < 0 {
			break
		}
		i += from
		from = i + 1
		if i > 0 && (isDigit(s[i-1]) || s[i-1] == '.') {
			continue
		}
		j := i + 3
		n := digitsAt(s, j)
		if n < 4 {
			continue
		}
		j += n
		for j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
			j++
			j += digitsAt(s, j)
		}
		switch {
		case j < len(s) && s[j] == '/':
			return i, j, j + 1
		case j+3 <= len(s) && s[j] == '%' && s[j+1] == '2' && (s[j+2] == 'f' || s[j+2] == 'F'):
			return i, j, j + 3
		}
	}
	return -1, -1, -1
}

// NormalizePMID returns the PubMed identifier in s as digits without leading
// zeros, from "12345678", "PMID: 12345678" or a PubMed URL such as
// "https://pubmed.ncbi.nlm.nih.gov/12345678/". It returns "" otherwise.
func NormalizePMID(s string) string {
	s = strings.ToLower(strings.TrimSpace(unescapeLaTeX(s)))
	if host, path, ok := splitURL(s); ok {
		if !strings.Contains(host, "pubmed") && !strings.Contains(path, "/pubmed/") {
			return ""
		}
		return canonicalDigits(lastSegment(path))
	}
	s = cutLabel(s, "pmid", "pubmed")
	return canonicalDigits(trimTrailingPunct(s))
}

// NormalizePMCID returns the PubMed Central identifier in s as "PMC" and
// digits, from "PMC1234567", "pmc1234567", "PMCID: PMC1234567", the bare
// digits of a pmcid field, or a PMC article URL. It returns "" otherwise.
func NormalizePMCID(s string) string {
	s = strings.ToLower(strings.TrimSpace(unescapeLaTeX(s)))
	if _, path, ok := splitURL(s); ok {
		for _, seg := range strings.Split(path, "/") {
			if strings.HasPrefix(seg, "pmc") {
				if d := canonicalDigits(seg[3:]); d != "" {
					return "PMC" + d
				}
			}
		}
		return ""
	}
	s = cutLabel(s, "pmcid")
	s = cutLabel(s, "pmc")
	if d := canonicalDigits(trimTrailingPunct(s)); d != "" {
		return "PMC" + d
	}
	return ""
}

// NormalizeArXiv returns the arXiv identifier in s without version: a
// new-style "1706.03762" or an old-style "hep-th/9901001". It accepts
// "arXiv:1706.03762v5", "https://arxiv.org/abs/1706.03762",
// "arXiv preprint arXiv:1706.03762" and the arXiv DOI
// "10.48550/arXiv.1706.03762". An old-style subject class is dropped
// ("math.GT/0309136" is "math/0309136") because arXiv resolves both to the
// same paper. It returns "" when s holds no identifier.
func NormalizeArXiv(s string) string {
	s = strings.ToLower(unescapeLaTeX(s))
	if id := findNewArXiv(s); id != "" {
		return id
	}
	return findOldArXiv(s)
}

// findNewArXiv finds a YYMM.NNNN (April 2007 to 2014) or YYMM.NNNNN (from
// 2015) identifier.
func findNewArXiv(s string) string {
	for i := 0; i+9 <= len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && isDigit(s[i-1])) {
			continue
		}
		if digitsAt(s, i) != 4 || s[i+4] != '.' {
			continue
		}
		n := digitsAt(s, i+5)
		yymm := atoi(s[i : i+4])
		mm := yymm % 100
		if mm < 1 || mm > 12 {
			continue
		}
		if (n == 4 && yymm >= 704 && yymm <= 1412) || (n == 5 && yymm >= 1501) {
			return s[i : i+5+n]
		}
	}
	return ""
}

// isOldArXivArchive reports whether a is one of the archives that issued
// identifiers before April 2007. The list is closed, and checking it keeps
// "example.org/abs/9901001" from passing as an identifier.
func isOldArXivArchive(a string) bool {
	switch a {
	case "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph",
		"bayes-an", "chao-dyn", "chem-ph", "cmp-lg", "comp-gas", "cond-mat",
		"cs", "dg-ga", "funct-an", "gr-qc", "hep-ex", "hep-lat", "hep-ph",
		"hep-th", "math", "math-ph", "mtrl-th", "nlin", "nucl-ex", "nucl-th",
		"patt-sol", "physics", "plasm-ph", "q-alg", "q-bio", "quant-ph",
		"solv-int", "supr-con":
		return true
	}
	return false
}

// findOldArXiv finds archive[.class]/YYMMNNN with a year from 1991 to 2007.
func findOldArXiv(s string) string {
	for from := 0; from < len(s); {
		i := strings.IndexByte(s[from:], '/')
		if i < 0 {
			break
		}
		i += from
		from = i + 1
		if digitsAt(s, i+1) != 7 {
			continue
		}
		yy, mm := atoi(s[i+1:i+3]), atoi(s[i+3:i+5])
		if (yy < 91 && yy > 7) || mm < 1 || mm > 12 {
			continue
		}
		j := i
		for j > 0 && (isLower(s[j-1]) || s[j-1] == '-' || s[j-1] == '.') {
			j--
		}
		archive, _, _ := strings.Cut(s[j:i], ".")
		if isOldArXivArchive(archive) {
			return archive + s[i:i+8]
		}
	}
	return ""
}

// NormalizeURL returns the http, https or ftp URL in s: trimmed, unwrapped
// from \url{...} or \href{...}{...}, with the LaTeX escapes \_ \% \& \# \~
// undone and the scheme and host lower-cased. It returns "" for any other
// text.
func NormalizeURL(s string) string {
	s = strings.TrimSpace(unwrapURL(strings.TrimSpace(s)))
	s = strings.TrimSpace(unescapeLaTeX(s))
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	if strings.ContainsAny(s, "\\{}") {
		// LaTeX left over once the command and escapes are gone: a second
		// \url{ or an unknown command. No URL has these characters as
		// written, and reading on would give a URL that reads differently
		// the next time.
		return ""
	}
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		return ""
	}
	scheme = strings.ToLower(scheme)
	if scheme != "http" && scheme != "https" && scheme != "ftp" {
		return ""
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	host := rest[:end]
	if host == "" || strings.ContainsFunc(host, unicode.IsSpace) {
		return ""
	}
	// Only the host is case-insensitive; user information keeps its case.
	at := strings.LastIndexByte(host, '@') + 1
	return scheme + "://" + host[:at] + strings.ToLower(host[at:]) + rest[end:]
}

// unwrapURL returns the argument of the first \url{...} or the first
// argument of \href{...}{...} in s, or s unchanged.
func unwrapURL(s string) string {
	for _, cmd := range []string{`\url{`, `\href{`} {
		if i := strings.Index(s, cmd); i >= 0 {
			arg := s[i+len(cmd):]
			if j := strings.IndexByte(arg, '}'); j >= 0 {
				return arg[:j]
			}
			return arg
		}
	}
	return s
}

// ExtractIdentifiers reads every identifier a BibTeX entry can carry. get
// returns a decoded field value by lower-case field name.
//
//   - DOI from doi, else from url when it is a doi.org URL, else from note or
//     howpublished when they contain one.
//   - PMID from pmid, or eprint when eprinttype or archiveprefix is pubmed.
//   - PMCID from pmcid, or eprint when eprinttype or archiveprefix is pmc.
//   - arXiv from eprint when eprinttype or archiveprefix is arxiv (or when
//     eprint itself says "arXiv:" and no type is given), else arxivid or
//     arxiv, else an arxiv.org url, else a journal, journaltitle,
//     howpublished or note that mentions arXiv, else an arXiv DOI.
//   - ISBN from isbn.
//   - URL from url, else from howpublished (\url{...} or a bare URL in it).
func ExtractIdentifiers(get func(name string) (string, bool)) Identifiers {
	if get == nil {
		return Identifiers{}
	}
	e := entryFields(get)
	ids := Identifiers{
		DOI:   e.doi(),
		PMID:  NormalizePMID(e.field("pmid")),
		PMCID: NormalizePMCID(e.field("pmcid")),
		ISBN:  NormalizeISBN(e.field("isbn")),
		URL:   NormalizeURL(e.field("url")),
	}
	if ids.PMID == "" && e.eprintIs("pubmed", "pmid") {
		ids.PMID = NormalizePMID(e.field("eprint"))
	}
	if ids.PMCID == "" && e.eprintIs("pmc", "pmcid") {
		ids.PMCID = NormalizePMCID(e.field("eprint"))
	}
	ids.ArXiv = e.arXiv(ids.DOI)
	if ids.URL == "" {
		ids.URL = urlInText(e.field("howpublished"))
	}
	return ids
}

// entryFields reads the fields of one entry for ExtractIdentifiers.
type entryFields func(name string) (string, bool)

func (e entryFields) field(name string) string {
	v, _ := e(name)
	return strings.TrimSpace(v)
}

// eprintIs reports whether eprinttype or archiveprefix names one of kinds.
func (e entryFields) eprintIs(kinds ...string) bool {
	typ := strings.ToLower(e.field("eprinttype"))
	prefix := strings.ToLower(e.field("archiveprefix"))
	for _, k := range kinds {
		if typ == k || prefix == k {
			return true
		}
	}
	return false
}

func (e entryFields) doi() string {
	if doi := NormalizeDOI(e.field("doi")); doi != "" {
		return doi
	}
	if url := e.field("url"); isDOIResolver(url) {
		if doi := NormalizeDOI(url); doi != "" {
			return doi
		}
	}
	if doi := NormalizeDOI(e.field("note")); doi != "" {
		return doi
	}
	return NormalizeDOI(e.field("howpublished"))
}

// arXiv finds the arXiv identifier; doi is the entry's normalised DOI, which
// names the preprint when arXiv registered it (10.48550/arXiv.1706.03762).
func (e entryFields) arXiv(doi string) string {
	eprint := e.field("eprint")
	untyped := e.field("eprinttype") == "" && e.field("archiveprefix") == ""
	if e.eprintIs("arxiv") || (untyped && strings.HasPrefix(strings.ToLower(eprint), "arxiv:")) {
		if id := NormalizeArXiv(eprint); id != "" {
			return id
		}
	}
	for _, name := range []string{"arxivid", "arxiv"} {
		if id := NormalizeArXiv(e.field(name)); id != "" {
			return id
		}
	}
	if url := e.field("url"); isHost(url, "arxiv.org") {
		if id := NormalizeArXiv(url); id != "" {
			return id
		}
	}
	for _, name := range []string{"journal", "journaltitle", "howpublished", "note"} {
		v := e.field(name)
		if !strings.Contains(strings.ToLower(v), "arxiv") {
			continue
		}
		if id := NormalizeArXiv(v); id != "" {
			return id
		}
	}
	if strings.HasPrefix(doi, "10.48550/arxiv.") {
		return NormalizeArXiv(doi)
	}
	return ""
}

// isDOIResolver reports whether s is a URL on doi.org or one of its
// subdomains (dx.doi.org, www.doi.org).
func isDOIResolver(s string) bool {
	return isHost(s, "doi.org")
}

// isHost reports whether s is a URL whose host is domain or a subdomain of it.
func isHost(s, domain string) bool {
	host, _, ok := splitURL(strings.ToLower(NormalizeURL(s)))
	if !ok {
		return false
	}
	host = host[strings.LastIndexByte(host, '@')+1:]
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	return host == domain || strings.HasSuffix(host, "."+domain)
}

// urlInText returns the URL of a howpublished-like field: the argument of
// \url{...}, the whole value when it is a URL, or the first word that is one.
func urlInText(s string) string {
	if u := NormalizeURL(s); u != "" && !strings.ContainsFunc(u, unicode.IsSpace) {
		return u
	}
	for _, w := range strings.Fields(s) {
		if u := NormalizeURL(strings.TrimRight(w, ".,;:)]}>\"'")); u != "" {
			return u
		}
	}
	return ""
}

// splitURL splits a lower-case URL into host and path (query and fragment
// dropped). ok is false when s has no "scheme://".
func splitURL(s string) (host, path string, ok bool) {
	i := strings.Index(s, "://")
	if i <= 0 {
		return "", "", false
	}
	rest := s[i+3:]
	if j := strings.IndexAny(rest, "?#"); j >= 0 {
		rest = rest[:j]
	}
	host, path, _ = strings.Cut(rest, "/")
	return host, "/" + path, true
}

// lastSegment returns the last non-empty segment of a URL path.
func lastSegment(path string) string {
	path = strings.TrimRight(path, "/")
	return path[strings.LastIndexByte(path, '/')+1:]
}

// cutLabel removes the first of labels that starts s and the separators
// that follow it: "pmid: 123" gives "123".
func cutLabel(s string, labels ...string) string {
	for _, l := range labels {
		if rest, ok := strings.CutPrefix(s, l); ok {
			return strings.TrimLeft(rest, " \t:=#")
		}
	}
	return s
}

// canonicalDigits returns s without leading zeros when s is one to ten
// ASCII digits and not zero, else "".
func canonicalDigits(s string) string {
	if s == "" || len(s) > 10 || digitsAt(s, 0) != len(s) {
		return ""
	}
	s = strings.TrimLeft(s, "0")
	return s
}

// cutAtSpace returns s up to its first space or control character.
func cutAtSpace(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}); i >= 0 {
		return s[:i]
	}
	return s
}

// trimTrailingPunct drops the sentence punctuation and quotes that follow an
// identifier in running text, and closing brackets that have no opening
// partner in s: "(doi:10.1000/xyz)." ends the DOI before ")", while
// "10.1016/S0140-6736(20)30183-5" keeps its parentheses.
func trimTrailingPunct(s string) string {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '.', ',', ';', ':', '!', '?', '"', '\'', '\u2018', '\u2019', '\u201c', '\u201d', '\u00ab', '\u00bb':
		case ')', ']', '}', '>':
			if strings.Count(s, string(opening(r))) >= strings.Count(s, string(r)) {
				return s
			}
		default:
			return s
		}
		s = s[:len(s)-size]
	}
	return s
}

// opening returns the bracket that close closes.
func opening(close rune) rune {
	switch close {
	case ')':
		return '('
	case ']':
		return '['
	case '}':
		return '{'
	}
	return '<'
}

// unescapeLaTeX undoes the escapes LaTeX needs for URL characters:
// \_ \% \& \# \~ \$ (and the "{}" that may follow \~). Any other backslash
// pair is kept as written, both characters, so that unescaping twice gives
// what unescaping once gave.
func unescapeLaTeX(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		next := s[i+1]
		switch next {
		case '_', '%', '&', '#', '~', '$':
			b.WriteByte(next)
			i++
			if next == '~' && strings.HasPrefix(s[i+1:], "{}") {
				i += 2
			}
		default:
			b.WriteByte(c)
			b.WriteByte(next)
			i++
		}
	}
	return b.String()
}

// percentDecode decodes the %XX escapes of s whose two characters are hex
// digits and leaves any other '%' alone, unlike net/url, which rejects the
// whole string. When decoding would give invalid UTF-8 s is returned as is.
func percentDecode(s string) string {
	if strings.IndexByte(s, '%') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isLetter(c byte) bool { return isLower(c | 0x20) }
func isHex(c byte) bool    { return isDigit(c) || ('a' <= c|0x20 && c|0x20 <= 'f') }

func unhex(c byte) byte {
	if isDigit(c) {
		return c - '0'
	}
	return c | 0x20 - 'a' + 10
}

// digitsAt returns how many ASCII digits start s[i:].
func digitsAt(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// atoi converts a short run of ASCII digits; the caller has checked them.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

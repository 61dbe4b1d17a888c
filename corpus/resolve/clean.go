package resolve

import (
	"html"
	"regexp"
	"strings"
	"unicode"

	"github.com/evident-tools/evident/corpus"
)

// cleanLines undoes what a reference-list entry picks up on its way out of
// a web page, a PDF or a word processor: HTML entities (even
// double-escaped), tags, Markdown emphasis and links, the entry's own number
// and odd spaces. Block-level tags become line breaks, because a line break
// is the only separator between title and authors in some renderings
// (Manubot's HTML). The result is the entry's non-empty lines.
func cleanLines(s string) []string {
	s = strings.ToValidUTF8(s, "")
	for i := 0; i < 3 && strings.IndexByte(s, '&') >= 0; i++ {
		u := html.UnescapeString(s)
		if u == s {
			break
		}
		s = u
	}
	s = stripTags(s)
	if strings.IndexByte(s, ']') >= 0 {
		s = reMarkdownLink.ReplaceAllStringFunc(s, func(m string) string {
			sub := reMarkdownLink.FindStringSubmatch(m)
			if sub[1] == sub[2] || sub[1] == "" {
				return sub[2]
			}
			return sub[1] + " " + sub[2]
		})
	}
	s = spaceReplacer.Replace(s)
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line != "" {
			lines = append(lines, line)
		}
	}
	if len(lines) > 0 {
		lines[0] = stripNumbering(lines[0])
	}
	return lines
}

var (
	reMarkdownLink = regexp.MustCompile(`\[([^\[\]]*)\]\(([^()\s]+)\)`)
	// reNumbering matches the entry's own label: "12. ", "[12] ", "(12) ",
	// "12) " and the bare "12 " of a JATS label run into the text.
	reNumbering   = regexp.MustCompile(`^(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]|\d{1,3}\s)\s*`)
	spaceReplacer = strings.NewReplacer(
		"\r", "\n", "\t", " ", "\u00a0", " ", "\u2009", " ", "\u202f", " ", "\u200b", "",
		"**", "", "__", "", "*", "",
	)
)

// stripTags removes HTML and XML tags, turning block-level ones into line
// breaks. A '<' that does not open a tag ("p < 0.05") stays.
func stripTags(s string) string {
	if strings.IndexByte(s, '<') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '<' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		n := s[i+1]
		if !(isASCIILetter(n) || n == '/' || n == '!') {
			b.WriteByte(c)
			continue
		}
		end := strings.IndexByte(s[i+1:], '>')
		if end < 0 || end > 400 || strings.IndexByte(s[i+1:i+1+end], '<') >= 0 {
			b.WriteByte(c)
			continue
		}
		tag := strings.ToLower(strings.TrimLeft(s[i+1:i+1+end], "/!"))
		if j := strings.IndexAny(tag, " \t\n/"); j >= 0 {
			tag = tag[:j]
		}
		b.WriteString(tagReplacement(tag, s[i+1]))
		i += end + 1
	}
	return b.String()
}

// tagReplacement returns what stands in for a tag: a line break for a
// block, a space after an element that holds one field, else nothing (an
// inline <i> or <sup> sits inside a word or next to its punctuation).
func tagReplacement(tag string, first byte) string {
	switch tag {
	case "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "dd", "dt",
		"h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article",
		"blockquote", "ref", "mixed-citation", "element-citation":
		return "\n"
	case "label", "span", "a", "person-group", "name", "string-name",
		"source", "article-title", "year", "volume", "fpage", "lpage",
		"surname", "given-names", "pub-id", "etal", "issue", "comment":
		// JATS and citeproc wrap fields in these; the field boundary
		// is a word boundary.
		if first == '/' {
			return " "
		}
	}
	return ""
}

// stripNumbering removes the entry's own label. A bare number counts only
// when a capital follows ("12 Smith J"), so that a title starting with a
// number keeps it.
func stripNumbering(s string) string {
	m := reNumbering.FindString(s)
	if m == "" {
		return s
	}
	rest := s[len(m):]
	if strings.HasSuffix(strings.TrimSpace(m), ".") || strings.ContainsAny(m, "[()") {
		return rest
	}
	if r := []rune(rest); len(r) > 0 && unicode.IsUpper(r[0]) {
		return rest
	}
	return s
}

func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// The identifier patterns below find identifiers as reference lists print
// them; the corpus normalisers then decide what the identifier is. Every
// identifier found is replaced by a marker so that labels such as
// "Available from:" can be recognised by what they precede.
const idMarker = "\x00"

var (
	reURL     = regexp.MustCompile(`(?i)(?:\b(?:https?|ftp)://|\bwww\.|\b(?:dx\.)?doi\.org/)[^\s<>"“”\x00]+`)
	reDOI     = regexp.MustCompile(`(?i)(?:\bdoi\b\s*[:.]?\s*)?\b10\.\d{4,9}(?:\.\d+)*/[^\s\x00]+`)
	rePMCID   = regexp.MustCompile(`(?i)\b(?:PubMed\s+Central\s+)?(?:PMCID\s*:?\s*)?(?:PMC\s?)+(\d{3,9})\b`)
	rePMID    = regexp.MustCompile(`(?i)\b(?:PubMed\s+)?(?:PMID|PubMed\s+ID)\s*:?\s*(\d{1,9})\b`)
	reArXiv   = regexp.MustCompile(`(?i)\b(?:arxiv(?:\s+preprint)?(?:\s+arxiv)?|CoRR(?:\s*,)?(?:\s+abs/)?)\s*[:.]?\s*(?:abs/)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z]{2})?/\d{7}(?:v\d+)?)`)
	reISBN    = regexp.MustCompile(`(?i)\bISBN(?:-1[03])?\s*:?\s*([0-9][0-9\- ]{8,16}[0-9X])\b`)
	reBarePM  = regexp.MustCompile(`(?:^|[\s.;,])(\d{7,8})\.?\s*$`)
	reLabelID = regexp.MustCompile(`(?i)(?:\b(?:available|retrieved|accessible|obtainable)\b[^\x00.]{0,40}?|\b(?:URL|doi|PMID|PMCID|web\s*site|online)\s*:?\s*)\x00`)
	// reAccessed removes access dates: "Accessed 10 September 2010",
	// "accessed May 19, 2013", "(accessed: 2020-01-05)", "[cited 2020 Jan 5]".
	reAccessed    = regexp.MustCompile(`(?i)[,;]?\s*[\[(]?\b(?:last\s+)?(?:accessed|retrieved|viewed|cited|updated)\b(?:\s+on)?\s*:?\s*(?:\d{4}-\d\d-\d\d|[\p{L}\d ,./-]{0,25}?\b(?:1[89]|20)\d\d\b)[\])]?\.?`)
	reBracketNote = regexp.MustCompile(`(?i)\s*\[(?:internet|online|electronic resource|e-?book|dissertation|thesis|phd (?:dissertation|thesis)|master'?s thesis|serial online|database on the internet|homepage on the internet|preprint|cd-rom|abstract|editorial|letter|review)\]`)
	reEmptyPunct  = regexp.MustCompile(`\s+([.,;:])|([.,;:])(?:\s+[.,;:])+`)
)

// extractIDs finds the identifiers in a cleaned entry and returns them with
// every URL found and the entry's text with identifiers, their labels,
// access dates and bracketed notes removed.
func extractIDs(s string) (ids corpus.Identifiers, urls []string, rest string) {
	// The patterns are costly on long entries; each runs only when a
	// word it needs is there.
	lower := strings.ToLower(s)
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(lower, w) {
				return true
			}
		}
		return false
	}
	if has("://", "www.", "doi.org") {
		s = replaceURLs(s, &ids, &urls)
	}
	if has("10.") {
		s = reDOI.ReplaceAllStringFunc(s, func(m string) string {
			if d := corpus.NormalizeDOI(m); d != "" && ids.DOI == "" {
				ids.DOI = d
			}
			return " " + idMarker + " "
		})
	}
	if has("pmc") {
		s = rePMCID.ReplaceAllStringFunc(s, func(m string) string {
			if ids.PMCID == "" {
				ids.PMCID = corpus.NormalizePMCID("PMC" + rePMCID.FindStringSubmatch(m)[1])
			}
			return " " + idMarker + " "
		})
	}
	if has("pmid", "pubmed") {
		s = rePMID.ReplaceAllStringFunc(s, func(m string) string {
			if ids.PMID == "" {
				ids.PMID = corpus.NormalizePMID(rePMID.FindStringSubmatch(m)[1])
			}
			return " " + idMarker + " "
		})
	}
	if has("arxiv", "corr") {
		s = reArXiv.ReplaceAllStringFunc(s, func(m string) string {
			if ids.ArXiv == "" {
				ids.ArXiv = corpus.NormalizeArXiv("arXiv:" + reArXiv.FindStringSubmatch(m)[1])
			}
			return " arXiv " + idMarker + " "
		})
	}
	if has("isbn") {
		s = reISBN.ReplaceAllStringFunc(s, func(m string) string {
			if ids.ISBN == "" {
				ids.ISBN = corpus.NormalizeISBN(reISBN.FindStringSubmatch(m)[1])
			}
			return " " + idMarker + " "
		})
	}
	if strings.Contains(s, idMarker) {
		s = reLabelID.ReplaceAllString(s, idMarker)
	}
	if has("accessed", "retrieved", "viewed", "cited", "updated") {
		s = reAccessed.ReplaceAllString(s, "")
	}
	if strings.IndexByte(s, '[') >= 0 {
		s = reBracketNote.ReplaceAllString(s, "")
	}
	return finishIDs(s, ids, urls)
}

func replaceURLs(s string, ids *corpus.Identifiers, urls *[]string) string {
	return reURL.ReplaceAllStringFunc(s, func(u string) string {
		u = trimURL(u)
		if strings.HasPrefix(strings.ToLower(u), "www.") || strings.HasPrefix(strings.ToLower(u), "doi.org") || strings.HasPrefix(strings.ToLower(u), "dx.doi.org") {
			u = "https://" + u
		}
		classifyURL(u, ids, urls)
		return " " + idMarker + " "
	})
}

// finishIDs removes the markers and tidies the punctuation the removals
// left behind, line by line.
func finishIDs(s string, ids corpus.Identifiers, urls []string) (corpus.Identifiers, []string, string) {
	s = strings.ReplaceAll(s, idMarker, " ")
	s = strings.ReplaceAll(s, "·", " ")
	if ids.PMID == "" {
		// PLOS and PubMed exports end an entry with the bare PMID.
		if m := reBarePM.FindStringSubmatchIndex(s); m != nil && hasYear(s[:m[2]]) {
			ids.PMID = corpus.NormalizePMID(s[m[2]:m[3]])
			s = s[:m[2]]
		}
	}
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		line = reEmptyPunct.ReplaceAllStringFunc(line, func(m string) string {
			for _, r := range m {
				if r != ' ' {
					return string(r)
				}
			}
			return ""
		})
		line = strings.Trim(line, " ,;:")
		if line != "" && line != "." {
			lines = append(lines, line)
		}
	}
	return ids, urls, strings.Join(lines, "\n")
}

// trimURL drops the punctuation that ends the sentence around a URL, and
// closing brackets with no opening partner inside it.
func trimURL(u string) string {
	for u != "" {
		c := u[len(u)-1]
		switch c {
		case '.', ',', ';', ':', '\'', '!', '?':
		case ')', ']':
			open := byte('(')
			if c == ']' {
				open = '['
			}
			if strings.Count(u, string(open)) >= strings.Count(u, string(c)) {
				return u
			}
		default:
			return u
		}
		u = u[:len(u)-1]
	}
	return u
}

// classifyURL files a URL as the identifier it resolves (doi.org, PubMed,
// PMC, arXiv) or as a plain URL.
func classifyURL(u string, ids *corpus.Identifiers, urls *[]string) {
	n := corpus.NormalizeURL(u)
	if n == "" {
		return
	}
	*urls = append(*urls, n)
	lower := strings.ToLower(n)
	host := lower
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexByte(host, '/'); i >= 0 {
		host = host[:i]
	}
	switch {
	case strings.HasSuffix(host, "doi.org"):
		if d := corpus.NormalizeDOI(n); d != "" && ids.DOI == "" {
			ids.DOI = d
		}
		return
	case strings.Contains(host, "arxiv.org"):
		if a := corpus.NormalizeArXiv(n); a != "" && ids.ArXiv == "" {
			ids.ArXiv = a
		}
		return
	case strings.Contains(lower, "/pmc/articles/pmc") || strings.Contains(host, "pmc.ncbi"):
		if p := corpus.NormalizePMCID(n); p != "" && ids.PMCID == "" {
			ids.PMCID = p
		}
		return
	case strings.Contains(host, "pubmed"), strings.Contains(lower, "ncbi.nlm.nih.gov/pubmed"):
		if p := corpus.NormalizePMID(n); p != "" && ids.PMID == "" {
			ids.PMID = p
		}
		return
	}
	if ids.DOI == "" && strings.Contains(lower, "/10.") {
		// Publisher pages often carry the DOI in the path.
		if d := corpus.NormalizeDOI(n); d != "" {
			ids.DOI = d
		}
	}
	if ids.URL == "" {
		ids.URL = n
	}
}

// urlKey folds a URL for comparison: scheme, "www." and a final slash do
// not distinguish pages.
func urlKey(u string) string {
	u = corpus.NormalizeURL(u)
	if u == "" {
		return ""
	}
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	u = strings.TrimPrefix(u, "www.")
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	return strings.TrimRight(u, "/")
}

// hasYear reports whether s holds a plausible publication year.
func hasYear(s string) bool { return reYear.FindStringIndex(s) != nil }

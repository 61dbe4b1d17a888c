package check

import (
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/evident-tools/evident/corpus"
)

// The finding codes of hyperlink citations.
const (
	// CodeHomepageLink: a claim's only links point at a site's home page
	// or a section front, which is no evidence.
	CodeHomepageLink = "homepage-link"
	// CodeSecondarySource: a claim's only sources are other outlets' news
	// stories.
	CodeSecondarySource = "secondary-source"
)

// linkState ties an article's candidate links to its sentences, and
// numbers the sources they point at in order of first citation.
type linkState struct {
	bySentence map[int][]corpus.Link    // links in the sentence's own text
	byNote     map[string][]corpus.Link // links in a footnote's body, by label
	noteMarked map[string]bool          // footnotes some sentence marks
	sources    []corpus.ListRef         // L1, L2, ...
	byKey      map[string]int           // source key → index in sources
}

// span is where a sentence lies in the source.
type span struct {
	first, last corpus.Position
	sentence    int
}

func before(a, b corpus.Position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}

// placeLinks finds the sentence holding each candidate link of doc, and
// records the links that cite nothing, with why, in the report.
func (rep *state) placeLinks(doc *corpus.Document, sentences []corpus.Sentence, site string) *linkState {
	ls := &linkState{bySentence: map[int][]corpus.Link{}, byNote: map[string][]corpus.Link{},
		noteMarked: map[string]bool{}, byKey: map[string]int{}}
	if len(doc.Links) == 0 {
		return ls
	}
	spans := sentenceSpans(doc, sentences)
	site = siteDomain(site)
	for _, l := range doc.Links {
		if l.Skipped == corpus.LinkCandidate && site != "" {
			if h := siteDomain(l.Href); h == site || strings.HasSuffix(h, "."+site) {
				l.Skipped = corpus.SkipSameSite
			}
		}
		if l.Skipped == corpus.LinkCandidate {
			i := sort.Search(len(spans), func(i int) bool { return before(l.Pos, spans[i].first) }) - 1
			switch {
			case i >= 0 && !before(spans[i].last, l.Pos) && readingList(sentences[spans[i].sentence]):
				l.Skipped = corpus.SkipRefList
			case i >= 0 && !before(spans[i].last, l.Pos):
				s := spans[i].sentence
				if b := doc.Blocks[sentences[s].Block]; b.Kind == corpus.KindFootnote && b.Footnote != "" {
					ls.byNote[b.Footnote] = append(ls.byNote[b.Footnote], l)
				}
				ls.bySentence[s] = append(ls.bySentence[s], l)
				continue
			case doc.RefListHeading != "" && !before(l.Pos, doc.RefListPos):
				l.Skipped = corpus.SkipRefList
			default:
				l.Skipped = corpus.SkipNotProse
			}
		}
		rep.LinksSkipped = append(rep.LinksSkipped, corpus.SkippedLink{URL: l.Href, Text: l.Text, Line: l.Pos.Line, Reason: l.Skipped})
	}
	return ls
}

// readingHeadings are the headings, lower-cased, of the lists of links an
// article offers for more (further reading, see also): their works are
// recommended, not cited, so an item's link cites nothing. Read only.
var readingHeadings = map[string]bool{
	"further reading": true, "read more": true, "see also": true, "related": true,
	"related reading": true, "related articles": true, "related stories": true, "resources": true,
	"more resources": true, "useful links": true, "more information": true, "learn more": true,
	"find out more": true, "additional resources": true, "external links": true,
}

// readingList reports whether a sentence is an item of such a list.
func readingList(s corpus.Sentence) bool {
	h := strings.ToLower(strings.TrimSpace(strings.TrimRight(s.Section, ":")))
	return s.Kind == corpus.KindListItem && readingHeadings[h]
}

// sentenceSpans returns the source span of every sentence, in source
// order.
func sentenceSpans(doc *corpus.Document, sentences []corpus.Sentence) []span {
	spans := make([]span, 0, len(sentences))
	block, from := -1, 0
	for i, s := range sentences {
		if s.Block != block {
			block, from = s.Block, 0
		}
		b := &doc.Blocks[s.Block]
		at := strings.Index(b.Text[from:], s.Text)
		if at < 0 || len(s.Text) == 0 {
			continue
		}
		start, end := from+at, from+at+len(s.Text)
		from = end
		if end > len(b.Pos) {
			continue
		}
		spans = append(spans, span{first: b.Pos[start], last: b.Pos[end-1], sentence: i})
	}
	sort.SliceStable(spans, func(i, j int) bool { return before(spans[i].first, spans[j].first) })
	return spans
}

// linkCitation makes a citation of a link, resolved to the library by an
// identifier or the address, else external.
func (rep *state) linkCitation(l corpus.Link, ls *linkState) corpus.CitationLink {
	ids, _ := corpus.LinkIdentifiers(l.Href)
	c := corpus.CitationLink{Marker: l.Text, Kind: corpus.LinkKind, URL: l.Href, IDs: &ids,
		SourceKind: corpus.SourceKind(l.Href, ids), Text: l.Text, Status: corpus.External}
	if c.Marker == "" {
		c.Marker = l.Href
	}
	for _, try := range []struct{ by, key string }{
		{"doi", ids.DOI}, {"pmid", ids.PMID}, {"pmcid", ids.PMCID}, {"arxiv", ids.ArXiv}, {"isbn", ids.ISBN}, {"url", ids.URL},
	} {
		if try.key == "" {
			continue
		}
		key := try.by + ":" + try.key
		if try.by == "url" {
			key = "url:" + l.Href
		}
		if r := rep.lib.ByKey(key); r != nil {
			k := r.Key
			c.Key, c.Status, c.By = &k, corpus.Resolved, "link:"+try.by
			break
		}
	}
	source := ids.URL
	if c.Key != nil {
		source = "key:" + *c.Key
	} else if source == "" {
		source = l.Href
	}
	i, ok := ls.byKey[source]
	if !ok {
		i = len(ls.sources)
		ls.byKey[source] = i
		text := l.Text
		if text == "" {
			text = l.Href
		}
		ls.sources = append(ls.sources, corpus.ListRef{Label: "L" + strconv.Itoa(i+1), Text: text, URL: l.Href,
			Line: l.Pos.Line, Key: c.Key, Cited: true})
		if c.Key != nil {
			ls.sources[i].Match = &corpus.MatchInfo{By: c.By, Confidence: 1}
		}
	}
	c.Cites = ls.sources[i].Label
	return c
}

// linkFindings reports claims whose only sources are home pages, or other
// outlets' stories.
func (rep *state) linkFindings() {
	for _, c := range rep.Claims {
		if c.Status != corpus.Supported {
			continue
		}
		links, home, news, other := 0, 0, 0, 0
		for _, l := range c.Citations {
			switch {
			case l.Kind != corpus.LinkKind:
				if l.Status.Counts() {
					other++
				}
			case l.Status == corpus.External:
				links++
				if homepage(l.URL, l.IDs) {
					home++
				} else if l.SourceKind == corpus.SourceNews {
					news++
				}
			default:
				links++
			}
		}
		if links == 0 || other > 0 {
			continue
		}
		switch {
		case home == links:
			rep.add(CodeHomepageLink, c.Line, c.ID, c.Citations[0].Marker,
				"the claim links only to the front page of a site or section ("+c.Citations[0].URL+"), which is not evidence; link the page that supports it")
		case home+news == links && news > 0:
			rep.add(CodeSecondarySource, c.Line, c.ID, c.Citations[0].Marker,
				"the claim's only source is another outlet's story ("+c.Citations[0].URL+"); link the study or report it is based on")
		}
	}
}

// homepage reports whether an address is a site's home page or a section
// front: no identifier, no identifying query, and a path of at most one
// short word (/health, /news, /en).
func homepage(href string, ids *corpus.LinkIDs) bool {
	if ids != nil && ids.HasIdentifier() {
		return false
	}
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || u.Host == "" {
		return false
	}
	if ids != nil && strings.Contains(ids.URL, "?") {
		return false
	}
	var segs []string
	for _, s := range strings.Split(u.Path, "/") {
		if s != "" {
			segs = append(segs, s)
		}
	}
	switch {
	case len(segs) == 0:
		return true
	case len(segs) > 1:
		return false
	}
	s := strings.TrimSuffix(strings.TrimSuffix(segs[0], ".html"), ".htm")
	if strings.EqualFold(s, "index") {
		return true
	}
	if len(s) > 16 {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' && r != '_' {
			return false
		}
	}
	return strings.Count(s, "-")+strings.Count(s, "_") <= 1
}

// siteDomain is the host of an address or a bare domain, lower-case,
// without "www.".
func siteDomain(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

package article

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/textfile"
)

// The HTML reader runs x/net/html's tokenizer rather than its parser: the
// parser builds a tree without source positions, while the tokenizer's Raw
// bytes add up to the input, so every text byte keeps its offset. The price
// is a small stack machine here that closes the elements HTML lets authors
// leave open (<p>, <li>, <td>, ...).

var (
	voidTags = set("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr")
	// skipTags never hold article prose.
	skipTags = set("script", "style", "noscript", "template", "iframe", "svg", "math", "nav", "header", "footer", "aside",
		"form", "button", "select", "textarea", "pre", "object", "canvas", "audio", "video", "map", "dialog", "head")
	blockTags = set("address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
		"dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
		"h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
		"summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul")
	// closesP are the start tags that end an open <p>.
	closesP = set("address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
		"fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
		"hr", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt")
	// scopeTags stop the search for an element to close implicitly.
	scopeTags = set("html", "table", "td", "th", "caption", "template", "button", "object")

	tagsP, tagsLi, tagsDt, tagsDd, tagsTd, tagsTh, tagsTr = set("p"), set("li"), set("dt"), set("dd"), set("td"), set("th"), set("tr")
	tagsSup, tagsList, tagsDl, tagsRow, tagsTable         = set("sup"), set("ol", "ul", "menu"), set("dl"), set("tr", "table"), set("table")
	tagsSection                                           = set("table", "tbody", "thead", "tfoot")
	tagsSvg                                               = set("svg")
	// skipWords in an element's id or class mark page furniture.
	skipWords = []string{"cookie", "consent", "banner", "newsletter", "subscribe", "share", "social", "related",
		"breadcrumb", "comments", "advert", "backlink", "footnote-back", "editsection", "noprint", "skip-link", "sr-only",
		// Lists of other stories (see also chromeLabels).
		"most-read", "mostread", "most-popular", "most-viewed", "more-stories", "more-from", "trending",
		"recommended", "read-more", "readmore", "read-next"}
	// refListWords in an element's id or class mark a reference list.
	refListWords = []string{"references", "ref-list", "reflist", "bibliography", "csl-bib-body", "citation-list"}
)

// maxHTMLDepth bounds the element stack: deeper elements are read as if
// they were not there, which keeps a page of ten thousand unclosed tags
// linear.
const maxHTMLDepth = 256

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

type htmlElem struct {
	tag     string
	serial  int
	id      string
	class   string // lower-cased
	skip    bool   // page furniture: nothing inside is read
	block   bool
	main    bool // the article's main content
	refList bool // a reference-list container
	notes   bool // a footnotes container
	fnRef   bool // a footnote reference link; its text is replaced by [^label]
	next    int  // <ol>: number of the next item
	item    int  // <li>: its number, until its first block takes it; -1 for none
	// <sup>: builder length just after the ^ written for it, -1 if none;
	// the flush count when it opened.
	supAt, supFlush int
	noCaret         bool
	link            bool // an <a href> whose link is being recorded
	author          bool // a byline or author element
}

type htmlReader struct {
	src      *source
	b        *builder
	stack    []htmlElem
	serial   int
	flushes  int
	blocks   []rawBlock
	outside  []rawBlock // reference lists outside the main content
	fragment bool       // HTML inside Markdown: all of it is content

	// Main content: the n-th element named mainTag, or everything outside
	// <head> when mainTag is "".
	mainTag  string
	mainNth  int
	seen     map[string]int
	skipping int // skipped elements open
	mains    int // main elements open
	heads    int
	fnRefs   int // footnote-reference links open
	refLists int // reference-list containers open

	title   strings.Builder
	inTitle bool

	ctx     rawBlock // context of the block being built
	ctxIn   bool     // the block is in the main content
	ctxItem int      // serial of the <li> whose number ctx took
	linked  int      // bytes of the block's text inside links

	lastAnchor string // the last anchor-like id seen since the last block

	suppress []corpus.Suppression // <!-- evident:ignore --> comments in the content

	links []corpus.Link
	link  *openLink // the <a href> open, if any
	site  string    // the page's own address: <link rel="canonical">, og:url
}

// openLink is a link being read: its text so far, whether it holds an
// image.
type openLink struct {
	corpus.Link
	text  strings.Builder
	image bool
	at    corpus.Position // of the <a> tag, for a link without text
}

func readHTML(src *source) reader {
	tag, nth := findMain(src.text)
	h := runHTML(src, 0, len(src.text), tag, nth, false)
	if tag != "" && !hasProse(h.blocks) {
		// An empty <main> or <article> (filled by scripts): read the body.
		h = runHTML(src, 0, len(src.text), "", 0, false)
	}
	// The headline: the page's <h1>, else its <title> without the
	// site's name.
	title, _ := textfile.ReplaceControls(cleanTitle(strings.Join(strings.Fields(html.UnescapeString(h.title.String())), " ")))
	if hl := headline(h.blocks); hl != nil && hl.level == 1 {
		title = strings.Join(strings.Fields(hl.text), " ")
	}
	h.blocks = dropLinkLists(h.blocks, h.links)
	classifyLinks(h.links, h.site)
	return reader{title: title, blocks: h.blocks, extraRefs: h.outside, suppress: h.suppress, links: h.links}
}

func hasProse(blocks []rawBlock) bool {
	for _, b := range blocks {
		if b.kind != corpus.KindHeading && !b.refList {
			return true
		}
	}
	return false
}

// htmlFragment reads HTML embedded in another format (a Markdown HTML
// block) between source offsets start and end.
func htmlFragment(src *source, start, end int) ([]rawBlock, []corpus.Suppression, []corpus.Link) {
	h := runHTML(src, start, end, "", 0, true)
	return h.blocks, h.suppress, h.links
}

// findMain picks the element that holds the article: the first <main> or
// role="main", else the first <article>, else none (the whole body).
func findMain(s string) (tag string, nth int) {
	z := html.NewTokenizer(strings.NewReader(s))
	seen := map[string]int{}
	articleNth := -1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		t := string(name)
		n := seen[t]
		seen[t]++
		if t == "main" {
			return t, n
		}
		if t == "article" && articleNth < 0 {
			articleNth = n
		}
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if string(k) == "role" && strings.EqualFold(string(v), "main") {
				return t, n
			}
		}
	}
	if articleNth >= 0 {
		return "article", articleNth
	}
	return "", 0
}

func runHTML(src *source, start, end int, mainTag string, mainNth int, fragment bool) *htmlReader {
	h := &htmlReader{src: src, b: newBuilder(src), mainTag: mainTag, mainNth: mainNth, seen: map[string]int{}, fragment: fragment}
	z := html.NewTokenizer(strings.NewReader(src.text[start:end]))
	off := start
	for {
		tt := z.Next()
		tokStart := off
		off += len(z.Raw())
		if off > end {
			off = end
		}
		switch tt {
		case html.ErrorToken:
			h.flush()
			h.endLink()
			return h
		case html.TextToken:
			h.text(tokStart, off)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			var attrs map[string]string
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				if attrs == nil {
					attrs = map[string]string{}
				}
				attrs[string(k)] = string(v)
			}
			h.start(tag, attrs, tokStart, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			h.end(string(name), tokStart)
		case html.CommentToken:
			// Only comments in what is read: one in <head> or in page
			// furniture would silence the article's first sentence.
			if codes, ok := ParseIgnore(string(z.Text())); ok && h.skipping == 0 && h.inMain() {
				h.suppress = append(h.suppress, corpus.Suppression{Line: h.src.pos(tokStart).Line, Codes: codes})
			}
		}
	}
}

func (h *htmlReader) inMain() bool {
	if h.fragment {
		return true
	}
	if h.mainTag == "" {
		return h.heads == 0
	}
	return h.mains > 0
}

func (h *htmlReader) inRefList() bool { return h.refLists > 0 }

func (h *htmlReader) suppressed() bool { return h.fnRefs > 0 }

// reading reports whether text here is read at all.
func (h *htmlReader) reading() bool {
	return h.skipping == 0 && !h.suppressed() && (h.inMain() || h.inRefList())
}

func (h *htmlReader) text(start, end int) {
	if l := h.link; l != nil {
		raw := h.src.text[start:end]
		if l.Pos == (corpus.Position{}) {
			if i := strings.IndexFunc(raw, func(r rune) bool { return r != ' ' && r != '\t' && r != '\n' && r != '\r' }); i >= 0 {
				l.Pos = h.src.pos(start + i)
			}
		}
		l.text.WriteString(html.UnescapeString(raw))
	}
	if h.inTitle {
		h.title.WriteString(h.src.text[start:end])
		return
	}
	if !h.reading() {
		return
	}
	h.prepare()
	if h.link != nil {
		n := len(h.b.text)
		defer func() { h.linked += len(h.b.text) - n }()
	}
	s := h.src.text
	from := start
	for i := start; i < end; i++ {
		if s[i] == '&' {
			if n, dec := entityAt(s[i:end]); n > 0 {
				h.b.addSrc(from, i)
				h.b.addStr(dec, i)
				i += n - 1
				from = i + 1
			}
		}
	}
	h.b.addSrc(from, end)
}

// prepare notes the context of the block before its first character.
func (h *htmlReader) prepare() {
	if !h.b.empty() {
		return
	}
	h.ctx = rawBlock{kind: corpus.KindSentence, item: -1}
	h.ctxIn = h.inMain()
	kindSet := false
	listItem := -1 // innermost <li>
	refAt := -1    // innermost reference-list container
	for i := len(h.stack) - 1; i >= 0; i-- {
		e := &h.stack[i]
		if !kindSet {
			switch {
			case e.tag == "li":
				h.ctx.kind, kindSet = corpus.KindListItem, true
			case e.tag == "td" || e.tag == "th":
				h.ctx.kind, kindSet = corpus.KindTableCell, true
			case e.tag == "caption" || e.tag == "figcaption" || hasWordContaining(e.class, "caption"):
				h.ctx.kind, kindSet = corpus.KindCaption, true
			case len(e.tag) == 2 && e.tag[0] == 'h' && e.tag[1] >= '1' && e.tag[1] <= '6':
				h.ctx.kind, h.ctx.level, kindSet = corpus.KindHeading, int(e.tag[1]-'0'), true
			}
		}
		if e.tag == "li" && listItem < 0 {
			listItem = i
		}
		if e.refList && refAt < 0 {
			refAt = i
		}
		if e.notes && listItem > i {
			li := &h.stack[listItem]
			h.ctx.kind = corpus.KindFootnote
			h.ctx.footnote = noteLabel(li.id)
			if h.ctx.footnote == "" && li.item >= 0 {
				h.ctx.footnote = strconv.Itoa(li.item)
			}
		}
	}
	h.ctxItem = 0
	if listItem >= 0 && h.ctx.footnote == "" {
		h.ctx.item = h.stack[listItem].item
		h.ctxItem = h.stack[listItem].serial
	}
	h.ctx.refList = refAt >= 0
	// The entry element: the outermost list item or anchored element
	// inside the list container (or anywhere, for a list found by its
	// heading); blocks inside it make one entry.
	for i := refAt + 1; i < len(h.stack); i++ {
		e := &h.stack[i]
		if e.tag == "li" || strings.Contains(e.class, "csl-entry") || isAnchorID(e.id) {
			h.ctx.group = e.serial
			h.ctx.anchor = e.id
			if strings.HasPrefix(e.id, "ref-") {
				h.ctx.key = e.id[len("ref-"):]
			}
			break
		}
	}
	if h.ctx.anchor == "" && len(h.stack) > 0 {
		if top := h.stack[len(h.stack)-1]; isAnchorID(top.id) {
			h.ctx.anchor = top.id
		}
	}
}

// isAnchorID reports whether an id names one entry of a list: ref-3,
// ref-smith2019, B3, CR3, cite_note-3, bib12.
func isAnchorID(id string) bool {
	if id == "" {
		return false
	}
	if strings.HasPrefix(id, "ref-") || strings.HasPrefix(id, "ref_") {
		return true
	}
	c := id[len(id)-1]
	return c >= '0' && c <= '9' && len(id) <= 40
}

// noteLabel turns a footnote's id (fn1, fn:1, footnote-1) into its label.
func noteLabel(id string) string {
	for _, p := range []string{"footnote-", "footnote_", "footnote:", "footnote", "fn:", "fn-", "fn_", "fn", "note-", "note"} {
		if rest, ok := strings.CutPrefix(id, p); ok && rest != "" {
			return rest
		}
	}
	return ""
}

func (h *htmlReader) flush() {
	h.flushes++
	linked := h.linked
	h.linked = 0
	if h.b.empty() {
		h.b.take()
		return
	}
	r := h.ctx
	r.linked = linked
	if r.anchor == "" {
		r.anchor = h.lastAnchor // <li><a id="ref3"></a>Adams R, ...
	}
	h.lastAnchor = ""
	r.text, r.pos, r.lines = h.b.take()
	// Only an item's first block carries its number.
	for i := range h.stack {
		if h.stack[i].serial == h.ctxItem {
			h.stack[i].item = -1
		}
	}
	switch {
	case h.ctxIn:
		h.blocks = append(h.blocks, r)
	case r.refList:
		h.outside = append(h.outside, r)
	}
}

func (h *htmlReader) start(tag string, attrs map[string]string, off int, selfClosing bool) {
	switch tag {
	case "br":
		h.b.softBreak(off)
		return
	case "link":
		if strings.EqualFold(strings.TrimSpace(attrs["rel"]), "canonical") && h.site == "" {
			h.site = attrs["href"]
		}
	case "meta":
		if strings.EqualFold(attrs["property"], "og:url") && h.site == "" {
			h.site = attrs["content"]
		}
	case "img":
		if h.link != nil {
			h.link.image = true
		}
	case "title":
		// The page's <title>, not an <svg>'s.
		if !h.fragment && !selfClosing && h.title.Len() == 0 && h.nearest(tagsSvg, nil) < 0 {
			h.inTitle = true
		}
		return
	}
	if closesP[tag] {
		h.closeImplied(tagsP, nil, off)
	}
	switch tag {
	case "li":
		h.closeImplied(tagsLi, tagsList, off)
	case "dt", "dd":
		h.closeImplied(tagsDt, tagsDl, off)
		h.closeImplied(tagsDd, tagsDl, off)
	case "td", "th":
		h.closeImplied(tagsTd, tagsRow, off)
		h.closeImplied(tagsTh, tagsRow, off)
	case "tr":
		h.closeImplied(tagsTr, tagsSection, off)
	case "tbody", "thead", "tfoot":
		h.closeImplied(tagsSection, tagsTable, off)
	}
	if blockTags[tag] {
		h.flush()
	}
	e := h.newElem(tag, attrs, off)
	if tag == "a" && !e.fnRef && h.heads == 0 {
		if href, ok := attrs["href"]; ok {
			h.endLink() // <a> inside <a> closes the first
			h.link = &openLink{Link: corpus.Link{Href: strings.TrimSpace(href), Skipped: h.linkContext(&e, attrs)}, at: h.src.pos(off)}
			e.link = true
		}
	}
	if voidTags[tag] || selfClosing || len(h.stack) >= maxHTMLDepth {
		if e.link {
			h.endLink()
		}
		return
	}
	h.push(e, off)
}

func (h *htmlReader) newElem(tag string, attrs map[string]string, off int) htmlElem {
	h.serial++
	e := htmlElem{tag: tag, serial: h.serial, id: attrs["id"], class: strings.ToLower(attrs["class"]), block: blockTags[tag], item: -1, supAt: -1}
	e.author = hasWordContaining(e.class, "author") || hasWordContaining(e.class, "byline") ||
		strings.Contains(strings.ToLower(attrs["itemprop"]), "author") || hasWord(strings.ToLower(attrs["rel"]), "author")
	if isAnchorID(e.id) {
		h.lastAnchor = e.id
	}
	role := strings.ToLower(attrs["role"])
	idc := strings.ToLower(e.id) + " " + e.class
	e.notes = role == "doc-endnotes" || role == "doc-footnotes" || hasWord(e.class, "footnotes") || e.id == "footnotes"
	e.refList = role == "doc-bibliography" || e.id == "refs" || containsAny(idc, refListWords)
	structural := tag == "html" || tag == "body" || tag == "main" || tag == "article"
	switch {
	case e.notes || e.refList:
	case skipTags[tag]:
		e.skip = true
	case !structural && containsAny(idc, skipWords):
		e.skip = true
	case role == "doc-backlink" || role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary":
		e.skip = true
	}
	if _, hidden := attrs["hidden"]; hidden || strings.EqualFold(attrs["aria-hidden"], "true") ||
		strings.Contains(strings.ReplaceAll(strings.ToLower(attrs["style"]), " ", ""), "display:none") {
		e.skip = true
	}
	switch tag {
	case "ol":
		e.next = 1
		if n, err := strconv.Atoi(strings.TrimSpace(attrs["start"])); err == nil {
			e.next = n
		}
	case "li":
		if ol := h.nearest(tagsList, nil); ol >= 0 && h.stack[ol].tag == "ol" {
			if n, err := strconv.Atoi(strings.TrimSpace(attrs["value"])); err == nil {
				h.stack[ol].next = n
			}
			e.item = h.stack[ol].next
			h.stack[ol].next++
		}
	case "a":
		if label, ok := footnoteRef(attrs, role, e.class); ok && h.reading() {
			h.noteRef(label, off)
			e.fnRef = true
		}
	}
	return e
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

func hasWordContaining(s, part string) bool {
	for _, f := range strings.Fields(s) {
		if strings.Contains(f, part) {
			return true
		}
	}
	return false
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// footnoteRef recognises a link to a footnote (pandoc's a.footnote-ref,
// kramdown's a.footnote, role="doc-noteref") and returns its label.
func footnoteRef(attrs map[string]string, role, class string) (string, bool) {
	target, ok := strings.CutPrefix(attrs["href"], "#")
	if !ok {
		return "", false
	}
	label := noteLabel(target)
	if label == "" || strings.HasPrefix(target, "fnref") {
		return "", false
	}
	if role == "doc-noteref" || strings.Contains(class, "footnote") || strings.HasPrefix(attrs["id"], "fnref") {
		return label, true
	}
	return "", false
}

// noteRef writes a footnote reference as [^label], taking the place of a
// superscript that holds nothing else.
func (h *htmlReader) noteRef(label string, off int) {
	h.prepare()
	if s := h.nearest(tagsSup, nil); s >= 0 {
		sup := &h.stack[s]
		if sup.supAt >= 0 && sup.supFlush == h.flushes && len(h.b.text) == sup.supAt {
			h.b.truncate(sup.supAt - 1)
			sup.noCaret = true
		}
	}
	h.prepare()
	h.b.addStr("[^"+label+"]", off)
}

func (h *htmlReader) push(e htmlElem, off int) {
	if h.skipping > 0 {
		e.skip = true
	}
	if e.skip {
		h.skipping++
	}
	if e.tag == "head" {
		h.heads++
	}
	if e.fnRef {
		h.fnRefs++
	}
	if e.refList {
		h.refLists++
	}
	if h.mainTag != "" && e.tag == h.mainTag {
		if h.seen[e.tag] == h.mainNth {
			e.main = true
			h.mains++
		}
		h.seen[e.tag]++
	}
	if e.tag == "sup" && h.reading() {
		h.prepare()
		h.b.addStr("^", off)
		h.b.dropSpace()
		e.supAt, e.supFlush = len(h.b.text), h.flushes
	}
	h.stack = append(h.stack, e)
}

// pop closes the top element.
func (h *htmlReader) pop(off int) {
	e := h.stack[len(h.stack)-1]
	h.stack = h.stack[:len(h.stack)-1]
	if e.tag == "sup" && e.supAt >= 0 && !e.noCaret && e.supFlush == h.flushes {
		if len(h.b.text) == e.supAt {
			h.b.truncate(e.supAt - 1) // <sup></sup>: nothing to mark
		} else {
			h.b.dropSpace()
			h.b.addStr("^", off)
		}
	}
	if e.link {
		h.endLink()
	}
	if e.block {
		h.flush()
	}
	if e.skip {
		h.skipping--
	}
	if e.main {
		h.mains--
	}
	if e.tag == "head" {
		h.heads--
	}
	if e.fnRef {
		h.fnRefs--
	}
	if e.refList {
		h.refLists--
	}
}

// nearest finds the innermost open element named in tags, not looking past
// one named in stop; -1 if none.
func (h *htmlReader) nearest(tags, stop map[string]bool) int {
	for i := len(h.stack) - 1; i >= 0; i-- {
		t := h.stack[i].tag
		if tags[t] {
			return i
		}
		if stop[t] || scopeTags[t] {
			return -1
		}
	}
	return -1
}

// closeImplied closes an open element named tag, and all inside it, as a
// new start tag implies.
func (h *htmlReader) closeImplied(tags, stop map[string]bool, off int) {
	i := h.nearest(tags, stop)
	if i < 0 {
		return
	}
	for len(h.stack) > i {
		h.pop(off)
	}
}

func (h *htmlReader) end(tag string, off int) {
	switch tag {
	case "title":
		h.inTitle = false
		return
	case "br":
		h.b.softBreak(off)
		return
	}
	for i := len(h.stack) - 1; i >= 0; i-- {
		if h.stack[i].tag == tag {
			for len(h.stack) > i {
				h.pop(off)
			}
			return
		}
	}
}

// linkContext is the reason a link opening here, as element e, is no
// citation whatever its address: where it is on the page.
func (h *htmlReader) linkContext(e *htmlElem, attrs map[string]string) corpus.LinkSkip {
	if !h.fragment && !h.inMain() && !h.inRefList() {
		return corpus.SkipChrome
	}
	all := append(h.stack[:len(h.stack):len(h.stack)], *e)
	for i := len(all) - 1; i >= 0; i-- {
		el := &all[i]
		idc := strings.ToLower(el.id) + " " + el.class
		switch {
		case el.author:
			return corpus.SkipAuthor
		case containsAny(idc, []string{"share", "social"}):
			return corpus.SkipShare
		case containsAny(idc, []string{"newsletter", "subscribe"}):
			return corpus.SkipSubscribe
		case el.refList:
			return corpus.SkipRefList
		case el.skip || el.tag == "menu":
			return corpus.SkipChrome
		}
	}
	return corpus.LinkCandidate
}

// endLink records the open link, if any.
func (h *htmlReader) endLink() {
	l := h.link
	if l == nil {
		return
	}
	h.link = nil
	l.Text = linkText(l.text.String())
	if l.Text == "" {
		l.Pos = l.at
		if l.image && l.Skipped == corpus.LinkCandidate {
			l.Skipped = corpus.SkipImage
		}
	}
	h.links = append(h.links, l.Link)
}

package article

import (
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/xmltree"
)

// JATS (the Journal Article Tag Suite, NLM's XML) is how PLOS, PubMed
// Central and eLife publish articles. What is read as article text: the
// abstracts (the summary of the claims, worth checking too; each under its
// own heading, "Abstract" when it has no title), the body, and the
// footnotes of the back matter. Left out: the rest of the front matter
// (journal, authors, affiliations, author notes, funding), the
// acknowledgements, glossaries, appendices, formulas, table bodies and
// supplementary material, and sub-articles (decision letters). The
// reference list is <ref-list>: it is known by its element, so no heading
// of the article is taken for one. Hyperlinks (<ext-link>, <uri>) are read
// in jats_links.go.

var (
	// skipInline are elements whose text is never read: formulas, and
	// what floats inside a paragraph but is not its prose.
	skipInline = set("inline-formula", "disp-formula", "math", "tex-math", "alternatives", "inline-graphic",
		"graphic", "media", "fn", "table", "object-id", "supplementary-material")
	// jatsBlocks are elements that end the paragraph they sit in.
	jatsBlocks = set("list", "disp-quote", "fig", "fig-group", "table-wrap", "table-wrap-group", "boxed-text",
		"def-list", "statement", "speech", "verse-group", "preformat", "code", "disp-formula", "p", "sec")
	// skipBlocks never hold article prose.
	skipBlocks = set("table", "graphic", "media", "disp-formula", "supplementary-material", "alternatives",
		"preformat", "code", "ack", "glossary", "table-wrap-foot", "object-id", "label", "attrib", "permissions",
		"def-list")
	// skipAbstracts are abstract types that repeat the abstract for a
	// table of contents.
	skipAbstracts = set("toc", "teaser", "graphical", "web-summary")
	dashes        = "–-−‐—"
)

// sniffJATS: a JATS document's root element is <article>, with a JATS or
// NLM doctype or JATS's own attributes.
func sniffJATS(text string) bool {
	h := strings.ToLower(text[:min(len(text), 2048)])
	i := strings.Index(h, "<article")
	if i < 0 || i+8 >= len(h) || (h[i+8] != ' ' && h[i+8] != '>' && h[i+8] != '\n' && h[i+8] != '\t') {
		return false
	}
	// Nothing but the prolog before the root.
	pre := h[:i]
	for pre = strings.TrimSpace(pre); pre != ""; pre = strings.TrimSpace(pre) {
		end := ">"
		switch {
		case strings.HasPrefix(pre, "<!--"):
			end = "-->"
		case strings.HasPrefix(pre, "<?"), strings.HasPrefix(pre, "<!doctype"):
		default:
			return false
		}
		j := strings.Index(pre, end)
		if j < 0 {
			return false
		}
		pre = pre[j+len(end):]
	}
	root := h[:i]
	if j := strings.IndexByte(h[i:], '>'); j >= 0 {
		root = h[:i+j]
	}
	for _, mark := range []string{"jats", "-//nlm//dtd", "journalpublishing", "archivearticle", "dtd-version="} {
		if strings.Contains(root, mark) {
			return true
		}
	}
	return strings.Contains(h, "<front>")
}

type jatsReader struct {
	src    *source
	b      *builder
	blocks []rawBlock
	ctx    rawBlock
	// labels maps a reference's id to its number, for numeric citations.
	labels map[string]string
	sups   int // <sup> open
	// noRunTo is the index, among the children being read, of an xref
	// that ends every numeric run before it.
	noRunTo int
	serial  int
	links   []corpus.Link // <ext-link> and <uri>, in reading order
}

func readJATS(src *source) reader {
	root, suppress := parseJATS(src)
	art := root.Child("article")
	if art == nil {
		return reader{suppress: suppress}
	}
	j := &jatsReader{src: src, b: newBuilder(src)}
	front, body, back := art.Child("front"), art.Child("body"), art.Child("back")
	meta := front.Child("article-meta")
	title := plain(meta.Child("title-group").Child("article-title"))
	j.labels = refLabels(back, citesByNumber(body))
	for _, abs := range meta.Children("abstract") {
		if skipAbstracts[strings.ToLower(abs.Attr("abstract-type"))] {
			continue
		}
		if t := abs.Child("title"); t != nil {
			j.heading(t, 1)
		} else {
			j.start(corpus.KindHeading, 1)
			j.b.addStr("Abstract", abs.Off)
			j.flush()
		}
		j.blockKids(abs, 2, "title")
	}
	if body != nil {
		j.blockKids(body, 1, "")
	}
	if back != nil {
		j.back(back)
	}
	classifyPaperLinks(j.links)
	return reader{title: title, blocks: j.blocks, suppress: suppress, links: j.links}
}

func (j *jatsReader) back(back *xmltree.Node) {
	for _, k := range back.Kids {
		switch k.Name {
		case "ref-list":
			j.refList(k, 0)
		case "fn-group":
			for _, fn := range k.Children("fn") {
				j.footnote(fn)
			}
		}
	}
}

// start begins a block of kind; level is a heading's.
func (j *jatsReader) start(kind corpus.BlockKind, level int) {
	j.flush()
	j.ctx = rawBlock{kind: kind, level: level, item: -1, notRefHeading: true}
}

func (j *jatsReader) flush() {
	if j.b.empty() {
		j.b.take()
		return
	}
	r := j.ctx
	r.text, r.pos, r.lines = j.b.take()
	j.blocks = append(j.blocks, r)
}

func (j *jatsReader) heading(t *xmltree.Node, level int) {
	j.start(corpus.KindHeading, level)
	j.inline(t, 0)
	j.flush()
}

// blockKids reads the block-level children of n; level is the heading
// level of a section title among them. A child named skip is left out.
func (j *jatsReader) blockKids(n *xmltree.Node, level int, skip string) {
	for _, k := range n.Kids {
		if k.Name != skip {
			j.blockNode(k, level, corpus.KindSentence, 0)
		}
	}
}

// blockNode reads one block-level element; kind is the kind of its
// paragraphs (a list item's, a caption's).
func (j *jatsReader) blockNode(n *xmltree.Node, level int, kind corpus.BlockKind, depth int) {
	if n.Name == "" || skipBlocks[n.Name] || depth > maxJATSDepth {
		return
	}
	switch n.Name {
	case "sec", "boxed-text", "app":
		for _, k := range n.Kids {
			if k.Name == "title" {
				j.heading(k, level)
				continue
			}
			j.blockNode(k, level+1, corpus.KindSentence, depth+1)
		}
	case "p", "title":
		j.start(kind, level)
		j.inline(n, depth+1)
		j.flush()
	case "list-item":
		for _, k := range n.Kids {
			j.blockNode(k, level, corpus.KindListItem, depth+1)
		}
	case "fig", "table-wrap":
		if c := n.Child("caption"); c != nil {
			for _, k := range c.Kids {
				j.blockNode(k, level, corpus.KindCaption, depth+1)
			}
		}
	case "sub-article", "response", "ref-list", "fn-group", "front", "back":
	default:
		for _, k := range n.Kids {
			j.blockNode(k, level, kind, depth+1)
		}
	}
}

func (j *jatsReader) footnote(fn *xmltree.Node) {
	label := plain(fn.Child("label"))
	if label == "" {
		label = fn.Attr("id")
	}
	for _, p := range fn.Kids {
		if p.Name != "p" {
			continue
		}
		j.start(corpus.KindFootnote, 0)
		j.ctx.footnote = label
		j.inline(p, 0)
		j.flush()
	}
}

// inline reads the text of n into the block being built.
func (j *jatsReader) inline(n *xmltree.Node, depth int) {
	if depth > maxJATSDepth {
		return
	}
	kids := n.Kids
	from := 0 // where the text of kids[i] starts to be read
	defer func(saved int) { j.noRunTo = saved }(j.noRunTo)
	j.noRunTo = -1
	for i := 0; i < len(kids); {
		k := kids[i]
		if k.Name == "" {
			i, from = j.textRun(kids, i, from)
			continue
		}
		from = 0
		if isBibr(k) && i > j.noRunTo {
			if end, marker, ok := j.citeRun(kids, i); ok {
				j.marker(marker, k.Off)
				i = end + 1
				continue
			}
		}
		j.element(k, depth)
		i++
	}
}

// textRun writes the text run kids[i] from byte from. When a run of
// numeric citations follows it in brackets written around them ("[", xref,
// "–", xref, "]"), it writes the run as one marker and returns where the
// text after the closing bracket starts: the next run to read, and from
// where.
func (j *jatsReader) textRun(kids []*xmltree.Node, i, from int) (next, nextFrom int) {
	t := kids[i]
	if i+1 < len(kids) && isBibr(kids[i+1]) && i+1 > j.noRunTo {
		trimmed := strings.TrimRight(t.Text, " \t\n")
		if end, marker, ok := j.citeRun(kids, i+1); ok && len(trimmed) > from && end+1 < len(kids) && kids[end+1].Name == "" {
			open := trimmed[len(trimmed)-1]
			after := kids[end+1]
			rest := strings.TrimLeft(after.Text, " \t\n")
			if (open == '[' && strings.HasPrefix(rest, "]")) || (open == '(' && strings.HasPrefix(rest, ")")) {
				j.textPart(t, from, len(trimmed)-1)
				j.marker(marker, kids[i+1].Off)
				return end + 1, len(after.Text) - len(rest) + 1
			}
		}
	}
	j.textPart(t, from, len(t.Text))
	return i + 1, 0
}

// textPart writes t.Text[from:to], with its source positions when the run
// is as written.
func (j *jatsReader) textPart(t *xmltree.Node, from, to int) {
	if from >= to {
		return
	}
	if t.Raw {
		j.b.addSrc(t.Off+from, t.Off+to)
		return
	}
	j.b.addStr(t.Text[from:to], t.Off)
}

// marker writes the numbers of a citation run as the numeric marker the
// detector reads: [1–3,5], or 1–3,5 inside a superscript.
func (j *jatsReader) marker(numbers string, off int) {
	if j.sups > 0 {
		j.b.addStr(numbers, off)
		return
	}
	j.b.addStr("["+numbers+"]", off)
}

func isBibr(n *xmltree.Node) bool { return n.Name == "xref" && n.Attr("ref-type") == "bibr" }

// citeRun reads the citations of a run that starts at kids[i]: <xref>s
// separated by commas, semicolons, dashes or white space. It returns the
// index of the last <xref> and the numbers of the references they point
// to, a dash between two of them making a range. It reports false when one
// of them has no number (author-year citations stay as written).
func (j *jatsReader) citeRun(kids []*xmltree.Node, i int) (end int, numbers string, ok bool) {
	var b strings.Builder
	sep := ""
	end = -1
	for k := i; k < len(kids); k++ {
		n := kids[k]
		if isBibr(n) {
			nums, ok := j.xrefNumbers(n)
			if !ok {
				// No run that reaches this xref is numeric: remembered, so
				// that a long run is read once, not once an xref.
				j.noRunTo = k
				return 0, "", false
			}
			b.WriteString(sep)
			b.WriteString(nums)
			end, sep = k, ""
			continue
		}
		if n.Name == "" && k+1 < len(kids) && isBibr(kids[k+1]) && isCiteSep(n.Text) {
			sep = ","
			if strings.ContainsAny(n.Text, dashes) {
				sep = "–"
			}
			continue
		}
		break
	}
	return end, b.String(), end >= 0
}

// isCiteSep reports whether text between two citations only separates
// them: white space and a comma, semicolon or dash.
func isCiteSep(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 4 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(" ,;"+dashes, r) {
			return false
		}
	}
	return true
}

// xrefNumbers returns the numbers of the references an <xref> points to
// (rid may name several), from the list's labels, else from the xref's
// own text when it is a number.
func (j *jatsReader) xrefNumbers(n *xmltree.Node) (string, bool) {
	rids := strings.Fields(n.Attr("rid"))
	var nums []string
	for _, rid := range rids {
		if l, ok := j.labels[rid]; ok {
			nums = append(nums, l)
		}
	}
	if len(nums) > 0 && len(nums) == len(rids) {
		return strings.Join(nums, ","), true
	}
	if t := strings.Trim(plain(n), "[]() "); isRefNumber(t) {
		return t, true
	}
	return "", false
}

func isRefNumber(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s[0] != '0'
}

// element reads an inline element.
func (j *jatsReader) element(k *xmltree.Node, depth int) {
	switch {
	case skipInline[k.Name]:
		return
	case k.Name == "break":
		j.b.softBreak(k.Off)
		return
	case jatsBlocks[k.Name]:
		// A list or a figure inside a paragraph: the paragraph goes on
		// after it as another block.
		ctx := j.ctx
		j.flush()
		j.blockNode(k, ctx.level+1, corpus.KindSentence, depth+1)
		j.flush()
		j.ctx = ctx
		return
	case isJATSLink(k):
		j.link(k, depth)
		return
	case k.Name == "sup" && j.supCites(k):
		return
	case k.Name == "sup" && plain(k) != "":
		j.sups++
		j.b.addStr("^", k.Off)
		j.b.dropSpace()
		j.inline(k, depth+1)
		j.b.dropSpace()
		j.b.addStr("^", k.Off)
		j.sups--
		return
	}
	j.inline(k, depth+1)
}

// supCites writes a superscript that holds numeric citations only as
// their marker, [3] rather than ^3^: the detector takes a superscript
// inside a sentence for an exponent, and the markup says what it is.
func (j *jatsReader) supCites(sup *xmltree.Node) bool {
	a, b := -1, -1
	for i, k := range sup.Kids {
		if k.Name != "" || strings.TrimSpace(k.Text) != "" {
			if a < 0 {
				a = i
			}
			b = i
		}
	}
	if a < 0 || !isBibr(sup.Kids[a]) {
		return false
	}
	end, marker, ok := j.citeRun(sup.Kids, a)
	if !ok || end != b {
		return false
	}
	j.marker(marker, sup.Off)
	return true
}

// refLabels numbers the references of the back matter's lists: by their
// <label> when it is a number, else, when the body cites by number, by
// their place in the list.
func refLabels(back *xmltree.Node, byNumber bool) map[string]string {
	labels := map[string]string{}
	n := 0
	var walk func(list *xmltree.Node, depth int)
	walk = func(list *xmltree.Node, depth int) {
		if depth > maxJATSDepth {
			return
		}
		for _, k := range list.Kids {
			switch k.Name {
			case "ref-list":
				walk(k, depth+1)
			case "ref":
				n++
				id := k.Attr("id")
				if l := strings.Trim(plain(k.Child("label")), "[](). "); isRefNumber(l) {
					labels[id] = l
				} else if l == "" && byNumber {
					labels[id] = strconv.Itoa(n)
				}
			}
		}
	}
	for _, list := range back.Children("ref-list") {
		walk(list, 0)
	}
	return labels
}

// citesByNumber reports whether most of the body's citations are numbers.
func citesByNumber(body *xmltree.Node) bool {
	num, all := 0, 0
	var walk func(n *xmltree.Node, depth int)
	walk = func(n *xmltree.Node, depth int) {
		if depth > maxJATSDepth {
			return
		}
		for _, k := range n.Kids {
			if isBibr(k) {
				all++
				if isRefNumber(strings.Trim(plain(k), "[]() ")) {
					num++
				}
				continue
			}
			walk(k, depth+1)
		}
	}
	if body != nil {
		walk(body, 0)
	}
	return all > 0 && 2*num > all
}

func (j *jatsReader) refList(list *xmltree.Node, depth int) {
	if depth > maxJATSDepth {
		return
	}
	for _, k := range list.Kids {
		switch k.Name {
		case "ref-list":
			j.refList(k, depth+1)
		case "ref":
			j.ref(k)
		}
	}
}

func (j *jatsReader) ref(ref *xmltree.Node) {
	j.refLinks(ref, 0)
	text := refText(ref)
	if text == "" {
		return
	}
	j.flush()
	j.serial++
	id := ref.Attr("id")
	j.ctx = rawBlock{kind: corpus.KindListItem, item: -1, refList: true, group: j.serial, anchor: id}
	if l, ok := j.labels[id]; ok {
		j.ctx.item, _ = strconv.Atoi(l)
	}
	j.b.addStr(text, ref.Off)
	j.flush()
}

package pmc

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/xmltree"
)

// Article is what is read of a PMC article: its identifiers and
// bibliographic basics from the front matter, its abstract, and its body
// as plain text.
type Article struct {
	Title, Journal   string
	Year             int
	DOI, PMID, PMCID string
	// Abstract is plain text, a paragraph a line; a section of a
	// structured abstract begins its line with its title ("Methods: …").
	Abstract string
	// FullText is the body as plain text: a paragraph a line, each
	// section heading on a line of its own. Empty when PMC gave no body
	// (an article outside the open-access subset).
	FullText string
}

// Reading the body for evidence, unlike corpus/article's JATS reader
// (which reads an article to check its citations and keeps them as
// markers with source positions), drops what is not prose a claim could
// quote: citation markers, tables, formulas, graphics, supplementary
// material, the back matter.
var (
	// skipInline are elements whose text is never read inside a
	// paragraph.
	skipInline = map[string]bool{"inline-formula": true, "disp-formula": true, "math": true, "tex-math": true,
		"alternatives": true, "inline-graphic": true, "graphic": true, "media": true, "fn": true, "table": true,
		"object-id": true, "supplementary-material": true, "inline-supplementary-material": true, "label": true}
	// blockInPara are elements that interrupt the paragraph holding them:
	// the paragraph goes on after them as another line.
	blockInPara = map[string]bool{"list": true, "disp-quote": true, "fig": true, "fig-group": true, "table-wrap": true,
		"table-wrap-group": true, "boxed-text": true, "def-list": true, "statement": true, "disp-formula": true,
		"disp-formula-group": true, "preformat": true, "code": true, "p": true, "sec": true}
	// skipBlocks never hold prose to quote.
	skipBlocks = map[string]bool{"table-wrap": true, "table-wrap-group": true, "table": true, "disp-formula": true,
		"disp-formula-group": true, "graphic": true, "media": true, "supplementary-material": true, "alternatives": true,
		"preformat": true, "code": true, "ref-list": true, "ack": true, "fn-group": true, "app-group": true,
		"glossary": true, "label": true, "object-id": true, "permissions": true, "attrib": true, "def-list": true,
		"sub-article": true, "response": true, "back": true, "floats-group": true}
	// skipAbstracts repeat the abstract for a table of contents or are a
	// lay summary beside it.
	skipAbstracts = map[string]bool{"toc": true, "teaser": true, "graphical": true, "web-summary": true, "summary": true}
)

// Citation markers are written with control characters that no JATS
// text holds, until clean removes them with the brackets and separators
// around them: a number ("[12]", a superscript) as numCite, an
// author-year citation as its text between yearOpen and yearClose, so
// that one standing in the sentence ("Smith et al. (2007) found…") keeps
// its words when the parenthesis holding others goes.
const (
	numCite   = "\x00"
	yearOpen  = "\x01"
	yearClose = "\x02"
)

// ReadArticle reads a JATS <article> element.
func ReadArticle(art *xmltree.Node) Article {
	var a Article
	front := art.Child("front")
	meta := front.Child("article-meta")
	for _, id := range meta.Children("article-id") {
		v := id.Plain()
		switch id.Attr("pub-id-type") {
		case "pmid":
			a.PMID = corpus.NormalizePMID(v)
		case "pmc", "pmcid":
			a.PMCID = corpus.NormalizePMCID(v)
		case "doi":
			a.DOI = corpus.NormalizeDOI(v)
		}
	}
	a.Title = inlineText(meta.Path("title-group", "article-title"))
	jm := front.Child("journal-meta")
	a.Journal = jm.Path("journal-title-group", "journal-title").Plain()
	if a.Journal == "" {
		a.Journal = jm.Child("journal-title").Plain()
	}
	for _, d := range meta.Children("pub-date") {
		if y, err := strconv.Atoi(d.Child("year").Plain()); err == nil && y > 0 && (a.Year == 0 || y < a.Year) {
			a.Year = y
		}
	}
	var abs []string
	for _, ab := range meta.Children("abstract") {
		if skipAbstracts[strings.ToLower(ab.Attr("abstract-type"))] {
			continue
		}
		abs = append(abs, abstractLines(ab)...)
	}
	a.Abstract = strings.Join(abs, "\n")
	if body := art.Child("body"); body != nil {
		w := &writer{}
		w.blocks(body, 0)
		a.FullText = strings.Join(w.lines, "\n")
	}
	return a
}

// abstractLines returns an abstract's paragraphs, a section's prefixed by
// its title as PubMed writes a structured abstract.
func abstractLines(ab *xmltree.Node) []string {
	var out []string
	for _, k := range ab.Kids {
		switch k.Name {
		case "p":
			if t := inlineText(k); t != "" {
				out = append(out, t)
			}
		case "sec":
			var paras []string
			for _, p := range k.Children("p") {
				if t := inlineText(p); t != "" {
					paras = append(paras, t)
				}
			}
			if len(paras) == 0 {
				continue
			}
			line := strings.Join(paras, " ")
			if t := inlineText(k.Child("title")); t != "" {
				line = strings.TrimRight(t, ":.") + ": " + line
			}
			out = append(out, line)
		}
	}
	return out
}

// writer collects the lines of a body.
type writer struct {
	lines []string
	cur   strings.Builder
}

func (w *writer) flush() {
	if t := clean(w.cur.String()); t != "" {
		w.lines = append(w.lines, t)
	}
	w.cur.Reset()
}

// blocks reads the block-level children of n.
func (w *writer) blocks(n *xmltree.Node, depth int) {
	for _, k := range n.Kids {
		w.block(k, depth+1)
	}
}

func (w *writer) block(n *xmltree.Node, depth int) {
	if n.Name == "" || skipBlocks[n.Name] || depth > xmltree.MaxDepth {
		return
	}
	switch n.Name {
	case "title":
		// A section's heading, a line of its own.
		w.flush()
		w.inline(n, depth)
		w.flush()
	case "p":
		w.flush()
		w.inline(n, depth)
		w.flush()
	case "fig", "fig-group":
		// The caption is prose; the graphic is not.
		if c := n.Child("caption"); c != nil {
			w.blocks(c, depth)
		}
		for _, k := range n.Children("fig") {
			w.block(k, depth+1)
		}
	default:
		// sec, list, list-item, boxed-text, disp-quote, statement...
		w.blocks(n, depth)
	}
}

// inline writes the text of n into the current line; a block inside it
// ends the line and is read as blocks.
func (w *writer) inline(n *xmltree.Node, depth int) {
	if depth > xmltree.MaxDepth {
		return
	}
	for _, k := range n.Kids {
		switch {
		case k.Name == "":
			w.cur.WriteString(k.Text)
		case k.Name == "xref":
			if isCite(k) {
				w.cite(k)
			} else {
				w.inline(k, depth+1)
			}
		case skipInline[k.Name]:
		case k.Name == "break":
			w.cur.WriteString(" ")
		case blockInPara[k.Name]:
			w.flush()
			w.block(k, depth+1)
			w.flush()
		default:
			w.inline(k, depth+1)
		}
	}
}

// cite writes a citation marker's placeholder.
func (w *writer) cite(x *xmltree.Node) {
	t := strings.NewReplacer(numCite, "", yearOpen, "", yearClose, "").Replace(x.Plain())
	if strings.IndexFunc(t, unicode.IsLetter) < 0 {
		w.cur.WriteString(numCite)
		return
	}
	w.cur.WriteString(yearOpen + t + yearClose)
}

// isCite reports whether an <xref> is a citation marker: of a reference,
// a footnote or a table footnote. Cross-references to figures and tables
// ("Figure 2") stay: they are words of the sentence.
func isCite(x *xmltree.Node) bool {
	switch x.Attr("ref-type") {
	case "bibr", "fn", "table-fn", "other":
		return true
	}
	return false
}

// inlineText is the text of one element read as a paragraph, for titles
// and abstracts.
func inlineText(n *xmltree.Node) string {
	if n == nil {
		return ""
	}
	w := &writer{}
	w.inline(n, 0)
	return clean(w.cur.String())
}

var (
	cite = `(?:\x00|\x01[^\x01\x02]*\x02)`
	// A bracketed run of citations with their separators and a lead-in:
	// "[\x00]", "(\x01Hites 2004\x02; \x01Law et al. 2003\x02)",
	// "(e.g., \x00–\x00)".
	bracketedCites = regexp.MustCompile(`\s*[\[(]\s*(?:(?:e\.g\.|i\.e\.|see|cf\.|reviewed in|for review,? see|for example)[,:]?\s*)?(?:` + cite + `[\s,;–—-]*(?:and\s+)?)+[\])]`)
	// Numbers left unbracketed (the brackets inside the xref, or a
	// superscript), with the separators between them.
	bareCites = regexp.MustCompile(`(?:\x00[\s,;–—-]*)*\x00`)
	// An author-year citation standing in the sentence keeps its words.
	yearCite    = regexp.MustCompile(`\x01([^\x01\x02]*)\x02`)
	emptyParens = regexp.MustCompile(`\s*[(\[][\s,;]*[)\]]`)
	spaceBefore = regexp.MustCompile(`\s+([.,;:!?)])`)
)

// clean removes the places of dropped citation markers and collapses
// white space.
func clean(s string) string {
	if strings.ContainsAny(s, numCite+yearOpen) {
		s = bracketedCites.ReplaceAllString(s, "")
		s = bareCites.ReplaceAllString(s, "")
		s = yearCite.ReplaceAllString(s, "$1")
		s = emptyParens.ReplaceAllString(s, "")
		s = strings.NewReplacer(yearOpen, "", yearClose, "").Replace(s)
	}
	s = strings.Join(strings.Fields(s), " ")
	return spaceBefore.ReplaceAllString(s, "$1")
}

// ParseArticle reads a JATS document (an <article>, or efetch's
// pmc-articleset around one). ok is false when there is no article.
func ParseArticle(data []byte) (a Article, ok bool) {
	root, _ := xmltree.Parse(data)
	art := root.Child("article")
	if art == nil {
		art = root.Path("pmc-articleset", "article")
	}
	if art == nil {
		return Article{}, false
	}
	return ReadArticle(art), true
}

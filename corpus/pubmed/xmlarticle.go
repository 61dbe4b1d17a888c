package pubmed

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// addXML turns a PubmedArticle or PubmedBookArticle into an article and
// its reference.
func (res *Result) addXML(file string, line int, n *node, raw string) {
	a := &Article{Line: line}
	if n.name == "PubmedBookArticle" {
		bookArticle(a, n)
	} else {
		journalArticle(a, n)
	}
	if a.PMID == "" && a.Title == "" && a.BookTitle == "" {
		res.Problems = append(res.Problems, corpus.Problem{File: file, Line: line,
			Msg: n.name + " has no PMID and no title; skipped"})
		return
	}
	res.Articles = append(res.Articles, a)
	res.Refs = append(res.Refs, build(a, file, raw))
}

func journalArticle(a *Article, n *node) {
	mc := n.child("MedlineCitation")
	art := mc.child("Article")
	// A citation revised by PubMed may list its PMID once per version.
	for _, p := range mc.all("PMID") {
		a.PMID = corpus.NormalizePMID(p.plain())
	}
	a.Title, a.TitleTeX = mixed(art.child("ArticleTitle"))
	if a.Title == "" {
		a.Title, a.TitleTeX = mixed(art.child("VernacularTitle"))
	}
	authors(a, art.child("AuthorList"))
	j := art.child("Journal")
	a.Journal = j.child("Title").plain()
	a.JournalAbbrev = j.child("ISOAbbreviation").plain()
	if a.JournalAbbrev == "" {
		a.JournalAbbrev = mc.path("MedlineJournalInfo", "MedlineTA").plain()
	}
	for _, is := range j.all("ISSN") {
		a.ISSN = appendNew(a.ISSN, is.plain())
	}
	a.ISSN = appendNew(a.ISSN, mc.path("MedlineJournalInfo", "ISSNLinking").plain())
	ji := j.child("JournalIssue")
	a.Volume = ji.child("Volume").plain()
	a.Issue = ji.child("Issue").plain()
	pubDate(a, ji.child("PubDate"))
	pagination(a, art.child("Pagination"))
	for _, e := range art.all("ELocationID") {
		if e.attrValue("EIdType") == "doi" && a.DOI == "" {
			a.DOI = corpus.NormalizeDOI(e.plain())
		}
	}
	articleIDs(a, n.path("PubmedData", "ArticleIdList"))
	abstract(a, art.child("Abstract"))
	for _, l := range art.all("Language") {
		a.Languages = append(a.Languages, l.plain())
	}
	for _, pt := range art.path("PublicationTypeList").all("PublicationType") {
		a.PublicationTypes = append(a.PublicationTypes, pt.plain())
	}
	for _, mh := range mc.child("MeshHeadingList").all("MeshHeading") {
		a.Keywords = appendNew(a.Keywords, mh.child("DescriptorName").plain())
	}
	keywords(a, mc)
	for _, c := range mc.child("CommentsCorrectionsList").all("CommentsCorrections") {
		a.Comments = append(a.Comments, Comment{RefType: c.attrValue("RefType"),
			PMID: corpus.NormalizePMID(c.child("PMID").plain()), Source: c.child("RefSource").plain()})
	}
}

func bookArticle(a *Article, n *node) {
	a.Book = true
	bd := n.child("BookDocument")
	b := bd.child("Book")
	a.PMID = corpus.NormalizePMID(bd.child("PMID").plain())
	a.Title, a.TitleTeX = mixed(bd.child("ArticleTitle"))
	a.BookTitle, a.BookTitleTeX = mixed(b.child("BookTitle"))
	a.CollectionTitle = b.child("CollectionTitle").plain()
	a.Publisher = b.path("Publisher", "PublisherName").plain()
	a.PublisherLoc = b.path("Publisher", "PublisherLocation").plain()
	a.Volume = b.child("Volume").plain()
	pagination(a, bd.child("Pagination"))
	for _, is := range b.all("Isbn") {
		a.ISBN = appendNew(a.ISBN, is.plain())
	}
	pubDate(a, b.child("PubDate"))
	// A chapter's authors are the BookDocument's; the book's own list
	// names the book's authors or editors.
	for _, al := range b.all("AuthorList") {
		authors(a, al)
	}
	if a.Title != "" {
		chapter := a.Authors
		a.Authors = nil
		for _, al := range bd.all("AuthorList") {
			authors(a, al)
		}
		if len(a.Authors) == 0 {
			a.Authors = chapter
		}
	}
	for _, e := range append(b.all("ELocationID"), bd.all("ELocationID")...) {
		if e.attrValue("EIdType") == "doi" && a.DOI == "" {
			a.DOI = corpus.NormalizeDOI(e.plain())
		}
	}
	articleIDs(a, bd.child("ArticleIdList"))
	articleIDs(a, n.path("PubmedBookData", "ArticleIdList"))
	abstract(a, bd.child("Abstract"))
	for _, l := range bd.all("Language") {
		a.Languages = append(a.Languages, l.plain())
	}
	for _, pt := range bd.all("PublicationType") {
		a.PublicationTypes = append(a.PublicationTypes, pt.plain())
	}
	keywords(a, bd)
}

func pagination(a *Article, pg *node) {
	if a.Pages = pg.child("MedlinePgn").plain(); a.Pages == "" {
		if sp, ep := pg.child("StartPage").plain(), pg.child("EndPage").plain(); sp != "" && ep != "" {
			a.Pages = sp + "-" + ep
		} else {
			a.Pages = sp
		}
	}
}

func authors(a *Article, al *node) {
	editors := al.attrValue("Type") == "editors"
	for _, au := range al.all("Author") {
		n := Author{LastName: au.child("LastName").plain(), ForeName: au.child("ForeName").plain(),
			Initials: au.child("Initials").plain(), Suffix: au.child("Suffix").plain(),
			CollectiveName: au.child("CollectiveName").plain()}
		if n.LastName == "" && n.CollectiveName == "" {
			continue
		}
		if editors {
			a.Editors = append(a.Editors, n)
		} else {
			a.Authors = append(a.Authors, n)
		}
	}
}

func pubDate(a *Article, d *node) {
	if d == nil {
		return
	}
	a.Year = d.child("Year").plain()
	if corpus.ParseYear(a.Year) == 0 || len(a.Year) != 4 {
		a.Year = ""
	}
	a.Month = monthAbbrev(d.child("Month").plain())
	a.Day = atoi(d.child("Day").plain())
	if md := d.child("MedlineDate").plain(); md != "" && a.Year == "" {
		a.MedlineDate = md
	}
	if s := d.child("Season").plain(); s != "" && a.Year != "" && a.Month == 0 {
		a.MedlineDate = a.Year + " " + s
		a.Year = ""
	}
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 4; i++ {
		if !isDigit(s[i]) {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func articleIDs(a *Article, ids *node) {
	for _, id := range ids.all("ArticleId") {
		v := id.plain()
		switch id.attrValue("IdType") {
		case "doi":
			if a.DOI == "" {
				a.DOI = corpus.NormalizeDOI(v)
			}
		case "pmc":
			if a.PMCID == "" {
				a.PMCID = corpus.NormalizePMCID(v)
			}
		case "pubmed":
			if a.PMID == "" {
				a.PMID = corpus.NormalizePMID(v)
			}
		}
	}
}

func abstract(a *Article, ab *node) {
	for _, t := range ab.all("AbstractText") {
		plain, tex := mixed(t)
		a.Abstract = append(a.Abstract, Section{Label: t.attrValue("Label"), Text: plain, TeX: tex})
	}
}

func keywords(a *Article, parent *node) {
	for _, kl := range parent.all("KeywordList") {
		for _, k := range kl.all("Keyword") {
			a.Keywords = appendNew(a.Keywords, k.plain())
		}
	}
}

// mixed renders text with inline markup both as plain text and as LaTeX.
func mixed(n *node) (plain, tex string) {
	if n == nil {
		return "", ""
	}
	var b strings.Builder
	n.writeTeX(&b)
	return n.plain(), plainText(b.String())
}

// writeTeX writes the kids of n as LaTeX: PubMed's inline markup (i, b, u,
// sup, sub) as text commands, MathML as math.
func (n *node) writeTeX(b *strings.Builder) {
	for _, k := range n.kids {
		switch k.name {
		case "":
			b.WriteString(bibtex.Escape(k.text))
		case "i", "em":
			wrap(b, `\textit`, k)
		case "b":
			wrap(b, `\textbf`, k)
		case "u":
			wrap(b, `\underline`, k)
		case "sup":
			wrap(b, `\textsuperscript`, k)
		case "sub":
			wrap(b, `\textsubscript`, k)
		case "math":
			b.WriteString("$")
			b.WriteString(strings.TrimSpace(mathTeX(k)))
			b.WriteString("$")
		default:
			k.writeTeX(b)
		}
	}
}

func wrap(b *strings.Builder, cmd string, n *node) {
	b.WriteString(cmd + "{")
	n.writeTeX(b)
	b.WriteString("}")
}

// elems returns the child elements of n, without the white space between.
func (n *node) elems() []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name != "" {
			out = append(out, k)
		}
	}
	return out
}

// mathOperators are the MathML operators and identifiers that LaTeX spells
// as commands.
var mathOperators = map[string]string{
	"∞": `\infty `, "∑": `\sum `, "∫": `\int `, "∈": `\in `, "±": `\pm `, "×": `\times `, "≤": `\leq `,
	"≥": `\geq `, "≠": `\neq `, "→": `\to `, "…": `\dots `, "⋯": `\cdots `, "·": `\cdot `, "−": "-",
	"α": `\alpha `, "β": `\beta `, "γ": `\gamma `, "δ": `\delta `, "η": `\eta `, "λ": `\lambda `,
	"μ": `\mu `, "π": `\pi `, "σ": `\sigma `, "χ": `\chi `, "ℂ": `\mathbb{C}`,
}

// mathTeX writes a MathML element as LaTeX math. It covers the presentation
// elements PubMed abstracts use; others are written as their content.
func mathTeX(n *node) string {
	if n.name == "" {
		return bibtex.Escape(strings.TrimSpace(n.text))
	}
	kids := n.elems()
	arg := func(i int) string {
		if i < len(kids) {
			return "{" + mathTeX(kids[i]) + "}"
		}
		return "{}"
	}
	switch n.name {
	case "mi", "mn", "mo", "mtext", "ms":
		t := plainText(n.plain())
		if op, ok := mathOperators[t]; ok {
			return op
		}
		if n.name == "mtext" || n.name == "mi" && len([]rune(t)) > 1 {
			return `\mathrm{` + bibtex.Escape(t) + "}"
		}
		return bibtex.Escape(t)
	case "msub", "munder":
		return arg(0) + "_" + arg(1)
	case "msup", "mover":
		return arg(0) + "^" + arg(1)
	case "msubsup", "munderover":
		return arg(0) + "_" + arg(1) + "^" + arg(2)
	case "mfrac":
		return `\frac` + arg(0) + arg(1)
	case "msqrt":
		return `\sqrt{` + mathKids(kids) + "}"
	case "mroot":
		return `\sqrt[` + mathTeX(kidAt(kids, 1)) + "]" + arg(0)
	case "mfenced":
		open, closing := n.attrValue("open"), n.attrValue("close")
		if open == "" {
			open = "("
		}
		if closing == "" {
			closing = ")"
		}
		parts := make([]string, len(kids))
		for i, k := range kids {
			parts[i] = mathTeX(k)
		}
		return `\left` + fence(open) + strings.Join(parts, ",") + `\right` + fence(closing)
	case "mtable":
		var rows []string
		for _, r := range kids {
			var cells []string
			for _, c := range r.elems() {
				cells = append(cells, mathTeX(c))
			}
			rows = append(rows, strings.Join(cells, " & "))
		}
		return `\begin{matrix}` + strings.Join(rows, ` \\ `) + `\end{matrix}`
	case "annotation", "annotation-xml":
		return ""
	}
	return mathKids(kids)
}

func kidAt(kids []*node, i int) *node {
	if i < len(kids) {
		return kids[i]
	}
	return &node{}
}

func mathKids(kids []*node) string {
	var b strings.Builder
	for _, k := range kids {
		b.WriteString(mathTeX(k))
	}
	return b.String()
}

// fence writes a MathML fence character as a LaTeX delimiter.
func fence(s string) string {
	switch s {
	case "{":
		return `\{`
	case "}":
		return `\}`
	case "|", "(", ")", "[", "]":
		return s
	case "⟨":
		return `\langle `
	case "⟩":
		return `\rangle `
	}
	return "."
}

package pubmed

import (
	"strings"

	"github.com/evident-tools/evident/corpus/xmltree"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// addXML turns a PubmedArticle or PubmedBookArticle into an article and
// its reference.
func (res *Result) addXML(file string, line int, n *xmltree.Node, raw string) {
	a := &Article{Line: line}
	if n.Name == "PubmedBookArticle" {
		bookArticle(a, n)
	} else {
		journalArticle(a, n)
	}
	if a.PMID == "" && a.Title == "" && a.BookTitle == "" {
		res.Problems = append(res.Problems, corpus.Problem{File: file, Line: line,
			Msg: n.Name + " has no PMID and no title; skipped"})
		return
	}
	res.Articles = append(res.Articles, a)
	res.Refs = append(res.Refs, build(a, file, raw))
}

func journalArticle(a *Article, n *xmltree.Node) {
	mc := n.Child("MedlineCitation")
	art := mc.Child("Article")
	// A citation revised by PubMed may list its PMID once per version.
	for _, p := range mc.Children("PMID") {
		a.PMID = corpus.NormalizePMID(p.Plain())
	}
	a.Title, a.TitleTeX = mixed(art.Child("ArticleTitle"))
	if a.Title == "" {
		a.Title, a.TitleTeX = mixed(art.Child("VernacularTitle"))
	}
	authors(a, art.Child("AuthorList"))
	j := art.Child("Journal")
	a.Journal = j.Child("Title").Plain()
	a.JournalAbbrev = j.Child("ISOAbbreviation").Plain()
	if a.JournalAbbrev == "" {
		a.JournalAbbrev = mc.Path("MedlineJournalInfo", "MedlineTA").Plain()
	}
	for _, is := range j.Children("ISSN") {
		a.ISSN = appendNew(a.ISSN, is.Plain())
	}
	a.ISSN = appendNew(a.ISSN, mc.Path("MedlineJournalInfo", "ISSNLinking").Plain())
	ji := j.Child("JournalIssue")
	a.Volume = ji.Child("Volume").Plain()
	a.Issue = ji.Child("Issue").Plain()
	pubDate(a, ji.Child("PubDate"))
	pagination(a, art.Child("Pagination"))
	for _, e := range art.Children("ELocationID") {
		if e.Attr("EIdType") == "doi" && a.DOI == "" {
			a.DOI = corpus.NormalizeDOI(e.Plain())
		}
	}
	articleIDs(a, n.Path("PubmedData", "ArticleIdList"))
	abstract(a, art.Child("Abstract"))
	for _, l := range art.Children("Language") {
		a.Languages = append(a.Languages, l.Plain())
	}
	for _, pt := range art.Path("PublicationTypeList").Children("PublicationType") {
		a.PublicationTypes = append(a.PublicationTypes, pt.Plain())
	}
	for _, mh := range mc.Child("MeshHeadingList").Children("MeshHeading") {
		a.Keywords = appendNew(a.Keywords, mh.Child("DescriptorName").Plain())
	}
	keywords(a, mc)
	for _, c := range mc.Child("CommentsCorrectionsList").Children("CommentsCorrections") {
		a.Comments = append(a.Comments, Comment{RefType: c.Attr("RefType"),
			PMID: corpus.NormalizePMID(c.Child("PMID").Plain()), Source: c.Child("RefSource").Plain()})
	}
}

func bookArticle(a *Article, n *xmltree.Node) {
	a.Book = true
	bd := n.Child("BookDocument")
	b := bd.Child("Book")
	a.PMID = corpus.NormalizePMID(bd.Child("PMID").Plain())
	a.Title, a.TitleTeX = mixed(bd.Child("ArticleTitle"))
	a.BookTitle, a.BookTitleTeX = mixed(b.Child("BookTitle"))
	a.CollectionTitle = b.Child("CollectionTitle").Plain()
	a.Publisher = b.Path("Publisher", "PublisherName").Plain()
	a.PublisherLoc = b.Path("Publisher", "PublisherLocation").Plain()
	a.Volume = b.Child("Volume").Plain()
	pagination(a, bd.Child("Pagination"))
	for _, is := range b.Children("Isbn") {
		a.ISBN = appendNew(a.ISBN, is.Plain())
	}
	pubDate(a, b.Child("PubDate"))
	// A chapter's authors are the BookDocument's; the book's own list
	// names the book's authors or editors.
	for _, al := range b.Children("AuthorList") {
		authors(a, al)
	}
	if a.Title != "" {
		chapter := a.Authors
		a.Authors = nil
		for _, al := range bd.Children("AuthorList") {
			authors(a, al)
		}
		if len(a.Authors) == 0 {
			a.Authors = chapter
		}
	}
	for _, e := range append(b.Children("ELocationID"), bd.Children("ELocationID")...) {
		if e.Attr("EIdType") == "doi" && a.DOI == "" {
			a.DOI = corpus.NormalizeDOI(e.Plain())
		}
	}
	articleIDs(a, bd.Child("ArticleIdList"))
	articleIDs(a, n.Path("PubmedBookData", "ArticleIdList"))
	abstract(a, bd.Child("Abstract"))
	for _, l := range bd.Children("Language") {
		a.Languages = append(a.Languages, l.Plain())
	}
	for _, pt := range bd.Children("PublicationType") {
		a.PublicationTypes = append(a.PublicationTypes, pt.Plain())
	}
	keywords(a, bd)
}

func pagination(a *Article, pg *xmltree.Node) {
	if a.Pages = pg.Child("MedlinePgn").Plain(); a.Pages == "" {
		if sp, ep := pg.Child("StartPage").Plain(), pg.Child("EndPage").Plain(); sp != "" && ep != "" {
			a.Pages = sp + "-" + ep
		} else {
			a.Pages = sp
		}
	}
}

func authors(a *Article, al *xmltree.Node) {
	editors := al.Attr("Type") == "editors"
	for _, au := range al.Children("Author") {
		n := Author{LastName: au.Child("LastName").Plain(), ForeName: au.Child("ForeName").Plain(),
			Initials: au.Child("Initials").Plain(), Suffix: au.Child("Suffix").Plain(),
			CollectiveName: au.Child("CollectiveName").Plain()}
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

func pubDate(a *Article, d *xmltree.Node) {
	if d == nil {
		return
	}
	a.Year = d.Child("Year").Plain()
	if corpus.ParseYear(a.Year) == 0 || len(a.Year) != 4 {
		a.Year = ""
	}
	a.Month = monthAbbrev(d.Child("Month").Plain())
	a.Day = atoi(d.Child("Day").Plain())
	if md := d.Child("MedlineDate").Plain(); md != "" && a.Year == "" {
		a.MedlineDate = md
	}
	if s := d.Child("Season").Plain(); s != "" && a.Year != "" && a.Month == 0 {
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

func articleIDs(a *Article, ids *xmltree.Node) {
	for _, id := range ids.Children("ArticleId") {
		v := id.Plain()
		switch id.Attr("IdType") {
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

func abstract(a *Article, ab *xmltree.Node) {
	for _, t := range ab.Children("AbstractText") {
		plain, tex := mixed(t)
		a.Abstract = append(a.Abstract, Section{Label: t.Attr("Label"), Text: plain, TeX: tex})
	}
}

func keywords(a *Article, parent *xmltree.Node) {
	for _, kl := range parent.Children("KeywordList") {
		for _, k := range kl.Children("Keyword") {
			a.Keywords = appendNew(a.Keywords, k.Plain())
		}
	}
}

// mixed renders text with inline markup both as plain text and as LaTeX.
func mixed(n *xmltree.Node) (plain, tex string) {
	if n == nil {
		return "", ""
	}
	var b strings.Builder
	writeTeX(&b, n)
	return n.Plain(), plainText(b.String())
}

// writeTeX writes the kids of n as LaTeX: PubMed's inline markup (i, b, u,
// sup, sub) as text commands, MathML as math.
func writeTeX(b *strings.Builder, n *xmltree.Node) {
	for _, k := range n.Kids {
		switch k.Name {
		case "":
			b.WriteString(bibtex.Escape(k.Text))
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
			writeTeX(b, k)
		}
	}
}

func wrap(b *strings.Builder, cmd string, n *xmltree.Node) {
	b.WriteString(cmd + "{")
	writeTeX(b, n)
	b.WriteString("}")
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
func mathTeX(n *xmltree.Node) string {
	if n.Name == "" {
		return bibtex.Escape(strings.TrimSpace(n.Text))
	}
	kids := n.Elements()
	arg := func(i int) string {
		if i < len(kids) {
			return "{" + mathTeX(kids[i]) + "}"
		}
		return "{}"
	}
	switch n.Name {
	case "mi", "mn", "mo", "mtext", "ms":
		t := plainText(n.Plain())
		if op, ok := mathOperators[t]; ok {
			return op
		}
		if n.Name == "mtext" || n.Name == "mi" && len([]rune(t)) > 1 {
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
		open, closing := n.Attr("open"), n.Attr("close")
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
			for _, c := range r.Elements() {
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

func kidAt(kids []*xmltree.Node, i int) *xmltree.Node {
	if i < len(kids) {
		return kids[i]
	}
	return &xmltree.Node{}
}

func mathKids(kids []*xmltree.Node) string {
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

package pubmed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadXML_Efetch reads a recorded efetch response whole.
func TestReadXML_Efetch(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "efetch-35649368.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !SniffXML(string(data)) {
		t.Error("efetch response not sniffed as PubMed XML")
	}
	res := ReadXML("efetch.xml", data)
	if len(res.Articles) != 1 || len(res.Problems) != 0 {
		t.Fatalf("%d articles, problems %v", len(res.Articles), res.Problems)
	}
	a, r := res.Articles[0], res.Refs[0]
	if a.PMID != "35649368" || r.IDs.PMID != "35649368" || r.Type != "article" {
		t.Errorf("PMID %q / %q, type %s", a.PMID, r.IDs.PMID, r.Type)
	}
	if r.Title == "" || len(r.Authors) == 0 || r.Year == 0 || r.Venue == "" || r.Key == "" {
		t.Errorf("missing title, authors, year, venue or key: %+v", r)
	}
	for _, f := range []string{"journal", "volume", "pages", "abstract", "pubmed-pt"} {
		if _, ok := r.Get(f); !ok {
			t.Errorf("no %s field", f)
		}
	}
	t.Logf("%s: %s (%d) %s doi %s", r.Key, r.Title, r.Year, r.Venue, r.IDs.DOI)
}

func TestReadXML_MarkupAndNotices(t *testing.T) {
	src := `<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "x.dtd">
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">9500320</PMID>
<Article><Journal><Title>The Lancet</Title><ISOAbbreviation>Lancet</ISOAbbreviation>
<JournalIssue><Volume>351</Volume><Issue>9103</Issue><PubDate><Year>1998</Year><Month>Feb</Month><Day>28</Day></PubDate></JournalIssue></Journal>
<ArticleTitle>Growth of <i>E. coli</i> at 50% CO<sub>2</sub> and <math xmlns="http://www.w3.org/1998/Math/MathML"><msup><mi>x</mi><mn>2</mn></msup></math></ArticleTitle>
<Pagination><MedlinePgn>637-41</MedlinePgn></Pagination>
<Abstract><AbstractText Label="BACKGROUND">We looked.</AbstractText><AbstractText Label="FINDINGS">We found &amp; said.</AbstractText></Abstract>
<AuthorList><Author><LastName>Wakefield</LastName><ForeName>A J</ForeName><Initials>AJ</Initials></Author>
<Author><CollectiveName>The R&amp;D Group</CollectiveName></Author></AuthorList>
<PublicationTypeList><PublicationType>Journal Article</PublicationType><PublicationType>Retracted Publication</PublicationType></PublicationTypeList>
</Article>
<CommentsCorrectionsList><CommentsCorrections RefType="RetractionIn"><RefSource>Lancet. 2010 Feb 6;375(9713):445</RefSource><PMID Version="1">20137807</PMID></CommentsCorrections>
<CommentsCorrections RefType="CommentIn"><RefSource>x</RefSource><PMID Version="1">1</PMID></CommentsCorrections></CommentsCorrectionsList>
</MedlineCitation><PubmedData><ArticleIdList><ArticleId IdType="pubmed">9500320</ArticleId><ArticleId IdType="doi">10.1016/S0140-6736(97)11096-0</ArticleId></ArticleIdList>
<ReferenceList><Reference><Citation>Cited work</Citation><ArticleIdList><ArticleId IdType="doi">10.1/cited</ArticleId></ArticleIdList></Reference></ReferenceList>
</PubmedData></PubmedArticle></PubmedArticleSet>`
	res := ReadXML("a.xml", []byte(src))
	if len(res.Refs) != 1 || len(res.Problems) != 0 {
		t.Fatalf("%d refs, problems %v", len(res.Refs), res.Problems)
	}
	a, r := res.Articles[0], res.Refs[0]
	if !a.Retracted() {
		t.Error("not retracted")
	}
	want := map[string]string{
		"title":                `{Growth of \textit{E. coli} at 50\% CO\textsubscript{2} and ${x}^{2}$}`,
		"author":               `{Wakefield, A J and {The R\&D Group}}`,
		"pages":                "{637--641}",
		"doi":                  "{10.1016/s0140-6736(97)11096-0}",
		"abstract":             "{BACKGROUND: We looked.\n\nFINDINGS: We found \\& said.}",
		"pubmed-pt":            "{Journal Article; Retracted Publication}",
		"pubmed-retraction-in": "{Lancet. 2010 Feb 6;375(9713):445 PMID: 20137807}",
		"month":                "feb",
	}
	for name, raw := range want {
		if f := r.Field(name); f == nil || f.Raw != raw {
			t.Errorf("%s = %+v, want raw %q", name, f, raw)
		}
	}
	if a.Title != "Growth of E. coli at 50% CO2 and x2" {
		t.Errorf("plain title %q", a.Title)
	}
	if r.Field("pubmed-comment-in") != nil || strings.Contains(r.Raw, "") && r.IDs.DOI != "10.1016/s0140-6736(97)11096-0" {
		t.Errorf("comment kept as a field, or DOI %q", r.IDs.DOI)
	}
}

func TestReadXML_RejectsOtherXML(t *testing.T) {
	for _, src := range []string{`<xml><records/></xml>`, `<PubmedArticleSet><PubmedArticle><x></PubmedArticleSet>`, ``,
		strings.Repeat("<PubmedArticle>", 100)} {
		res := ReadXML("o.xml", []byte(src))
		if len(res.Refs) != 0 || len(res.Problems) != 1 || res.Problems[0].Line < 1 {
			t.Errorf("%.30q: %d refs, problems %v", src, len(res.Refs), res.Problems)
		}
	}
}

// A problem's line counts lone CRs and CRLFs as line ends, as an editor
// does (encoding/xml alone counts LFs).
func TestReadXML_ProblemLineCountsEveryLineEnd(t *testing.T) {
	for _, eol := range []string{"\n", "\r", "\r\n"} {
		src := "<PubmedArticleSet>" + eol + "<PubmedArticle>" + eol + "<x></y>"
		res := ReadXML("o.xml", []byte(src))
		if len(res.Problems) != 1 || res.Problems[0].Line != 3 {
			t.Errorf("%q line ends: problems %v, want one at line 3", eol, res.Problems)
		}
	}
}

func TestPageRange_WritesAbbreviatedEndPagesWhole(t *testing.T) {
	for in, want := range map[string]string{
		"637-41":    "637-641",
		"1865-1876": "1865-1876",
		"110870":    "110870",
		"e1234":     "e1234",
		"12-4, 19":  "12-4, 19",
		"S12-9":     "S12-9",
		"":          "",
	} {
		if got := PageRange(in); got != want {
			t.Errorf("PageRange(%q) = %q, want %q", in, got, want)
		}
	}
}

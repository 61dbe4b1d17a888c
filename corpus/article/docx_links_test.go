package article

import (
	"fmt"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article/docxtest"
)

func linksOf(t *testing.T, p docxtest.Parts) []string {
	t.Helper()
	doc, err := Read("draft.docx", p.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range doc.Links {
		out = append(out, fmt.Sprintf("%s %q ¶%d:%d %s", l.Href, l.Text, l.Pos.Line, l.Pos.Col, l.Skipped))
	}
	return out
}

func TestReadDOCX_HyperlinksAreLinks(t *testing.T) {
	link := func(attrs, text string) string {
		return `<w:hyperlink ` + attrs + `>` + docxtest.Text(text) + `</w:hyperlink>`
	}
	cases := []struct {
		name string
		p    docxtest.Parts
		want []string
	}{
		{"by relationship, with an anchor, and to a bookmark", docxtest.Parts{
			Body: `<w:p>` + docxtest.Text("Findings are false, ") + link(`r:id="rId9"`, "an analysis") + docxtest.Text(" argued; see ") +
				link(`r:id="rId10" w:anchor="results"`, "its results") + docxtest.Text(" and ") + link(`w:anchor="methods"`, "below") + `</w:p>`,
			Links: map[string]string{"rId9": "https://doi.org/10.1371/journal.pmed.0020124", "rId10": "https://www.cdc.gov/report"}},
			[]string{`https://doi.org/10.1371/journal.pmed.0020124 "an analysis" ¶1:21 `, `https://www.cdc.gov/report#results "its results" ¶1:45 `, `#methods "below" ¶1:61 in-page`}},
		{"HYPERLINK fields, complex and simple", docxtest.Parts{
			Body: `<w:p>` + docxtest.Text("A review ") + docxtest.Field(` HYPERLINK "https://www.nature.com/articles/nature14539" \o "Nature" `, "in Nature") +
				docxtest.Text(" and ") + `<w:fldSimple w:instr=" HYPERLINK &quot;https://pubmed.ncbi.nlm.nih.gov/26017442/&quot; ">` + docxtest.Text("PubMed") + `</w:fldSimple>` + `</w:p>`},
			[]string{`https://www.nature.com/articles/nature14539 "in Nature" ¶1:10 `, `https://pubmed.ncbi.nlm.nih.gov/26017442/ "PubMed" ¶1:24 `}},
		{"an image only", docxtest.Parts{
			Body:  `<w:p>` + docxtest.Text("Chart: ") + `<w:hyperlink r:id="rId3"><w:r><w:drawing/></w:r></w:hyperlink></w:p>`,
			Links: map[string]string{"rId3": "https://www.cdc.gov/obesity/"}},
			[]string{`https://www.cdc.gov/obesity/ "" ¶1:8 image-only`}},
		{"in a reference manager's bibliography", docxtest.Parts{
			Body: `<w:p>` + docxtest.Text("Claim [1].") + `</w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>ADDIN ZOTERO_BIBL {} CSL_BIBLIOGRAPHY</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
				docxtest.Text("[1] LeCun Y. Deep learning. Nature. 2015. ") + link(`r:id="rId4"`, "doi:10.1038/nature14539") + `<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			Links: map[string]string{"rId4": "https://doi.org/10.1038/nature14539"}},
			[]string{`https://doi.org/10.1038/nature14539 "doi:10.1038/nature14539" ¶2:43 reference-list`}},
		{"in a table of contents: not read", docxtest.Parts{
			Body: `<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText> TOC \o "1-3" \h </w:instrText><w:fldChar w:fldCharType="separate"/></w:r>` +
				link(`w:anchor="_Toc1"`, "Introduction 1") + `<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p><w:p>` + docxtest.Text("Text.") + `</w:p>`},
			nil},
		{"in a footnote, through the footnotes' relationships, placed at its reference", docxtest.Parts{
			Body: `<w:p>` + docxtest.Text("The review was indexed on PubMed.") + `<w:r><w:footnoteReference w:id="2"/></w:r>` + docxtest.Text(" More.") + `</w:p>`,
			Footnotes: `<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>` + docxtest.Text(" The record is at ") + link(`r:id="rId1"`, "PubMed 26017442") + docxtest.Text(".") + `</w:p></w:footnote>` +
				`<w:footnote w:id="3"><w:p>` + link(`r:id="rId1"`, "never referenced") + `</w:p></w:footnote>`,
			FootnoteLinks: map[string]string{"rId1": "https://pubmed.ncbi.nlm.nih.gov/26017442/"}},
			[]string{`https://pubmed.ncbi.nlm.nih.gov/26017442/ "PubMed 26017442" ¶1:34 `}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := linksOf(t, c.p); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestDOCX_CorporaHyperlinks reads the links of the corpus's Word files:
// a footnote's link through footnotes.xml.rels, a link held only as a
// HYPERLINK field, bookmarks and the anchor of an r:id.
func TestDOCX_CorporaHyperlinks(t *testing.T) {
	for name, want := range map[string][]string{
		"mammoth.js/footnote-hyperlink.docx":                    {`http://www.example.com "Example" ¶1:1 `},
		"open-xml-powertools/HC041-Hyperlink-Fieldcode-02.docx": {`http://www.ericwhite.com "pro vid es" ¶1:7 `},
		"python-docx/par-hlink-frags.docx": {`#linkedBookmark "link to bookmark" ¶2:10 in-page`, `https://foo.com "https://foo.com" ¶3:20 same-site`,
			`https://foo.com?q=bar "https://foo.com?q=bar" ¶4:19 same-site`, `http://foo.com/#intro "http://foo.com#introduction" ¶5:19 same-site`,
			`https://foo.com?q=bar#baz "https://foo.com?q=bar#the-bar" ¶6:18 same-site`, `court-exif.jpg "link to file" ¶8:12 same-site`},
	} {
		doc := readDOCXCorpus(t, name)
		var got []string
		for _, l := range doc.Links {
			got = append(got, fmt.Sprintf("%s %q ¶%d:%d %s", l.Href, l.Text, l.Pos.Line, l.Pos.Col, l.Skipped))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: links\n%s\nwant\n%s", name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestDOCX_ReferenceManagerFieldsCiteTheirWorks: the Zotero and Mendeley
// copies of one manuscript (35 citation fields of 27 works, a 27-entry
// bibliography field) give 35 fields, 27 works each cited by one key, and
// the list.
func TestDOCX_ReferenceManagerFieldsCiteTheirWorks(t *testing.T) {
	for _, name := range []string{"acronym/zotero.docx", "acronym/mendeley.docx"} {
		doc := readDOCXCorpus(t, name)
		fields, cites := 0, 0
		keys := map[string]bool{}
		for _, b := range doc.Blocks {
			for _, f := range b.Fields {
				fields++
				cites += len(f.Keys)
				for _, k := range f.Keys {
					keys[k] = true
				}
				if text := b.Text[f.Start:f.End]; !strings.HasPrefix(text, "[") || !strings.HasSuffix(text, "]") {
					t.Errorf("%s: field text %q", name, text)
				}
			}
		}
		withDOI := 0
		for _, r := range doc.Embedded {
			if !keys[r.Key] {
				t.Errorf("%s: work %s cited by no field", name, r.Key)
			}
			if r.IDs.DOI != "" {
				withDOI++
			}
		}
		if fields != 35 || cites != 45 || len(keys) != 27 || len(doc.Embedded) != 27 || len(doc.RefList) != 27 {
			t.Errorf("%s: %d fields citing %d times %d keys, %d works, %d list entries; want 35, 45, 27, 27, 27",
				name, fields, cites, len(keys), len(doc.Embedded), len(doc.RefList))
		}
		t.Logf("%s: %d of %d works with a DOI", name, withDOI, len(doc.Embedded))
		if l := doc.Links; len(l) != 1 || l[0].Skipped != corpus.SkipScheme {
			t.Errorf("%s: links %+v, want the corresponding author's mailto:", name, l)
		}
	}
}

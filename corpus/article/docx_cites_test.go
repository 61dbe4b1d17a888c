package article

import (
	"encoding/base64"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article/docxtest"
)

// Citation items of real works, as Zotero and Mendeley write them into a
// field's JSON.
const (
	zoteroLeCun     = `{"id":4711,"uris":["http://zotero.org/users/1/items/AB12CD34"],"uri":["http://zotero.org/users/1/items/AB12CD34"],"itemData":{"id":4711,"type":"article-journal","container-title":"Nature","DOI":"10.1038/nature14539","page":"436-444","title":"Deep learning","volume":"521","author":[{"family":"LeCun","given":"Yann"},{"family":"Bengio","given":"Yoshua"},{"family":"Hinton","given":"Geoffrey"}],"issued":{"date-parts":[["2015",5,28]]}}}`
	zoteroVaswani   = `{"id":4712,"uris":["http://zotero.org/users/1/items/EF56GH78"],"itemData":{"id":4712,"type":"paper-conference","container-title":"Advances in Neural Information Processing Systems","title":"Attention is all you need","author":[{"family":"Vaswani","given":"Ashish"},{"family":"Shazeer","given":"Noam"}],"issued":{"date-parts":[["2017"]]}}}`
	mendeleyIoannid = `{"id":"ITEM-1","itemData":{"DOI":"10.1371/journal.pmed.0020124","author":[{"dropping-particle":"","family":"Ioannidis","given":"John P. A.","non-dropping-particle":"","parse-names":false,"suffix":""}],"container-title":"PLoS Medicine","id":"ITEM-1","issue":"8","issued":{"date-parts":[["2005"]]},"page":"e124","title":"Why most published research findings are false","type":"article-journal","volume":"2"},"uris":["http://www.mendeley.com/documents/?uuid=0f3c7a52-1d9e-4b8a-9a57-3c1f5e2d7b10"]}`
	mendeleyLeCun   = `{"id":"ITEM-1","itemData":{"DOI":"10.1038/nature14539","author":[{"family":"LeCun","given":"Yann"}],"container-title":"Nature","id":"ITEM-1","issued":{"date-parts":[["2015"]]},"title":"Deep learning","type":"article-journal"},"uris":["http://www.mendeley.com/documents/?uuid=7d2b9e44-5c1a-4e0f-8b6d-2a9c3f1e4d55"]}`
)

func zoteroInstr(plain string, items ...string) string {
	return ` ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"x1","properties":{"formattedCitation":"` + plain + `","plainCitation":"` + plain + `","noteIndex":0},"citationItems":[` +
		strings.Join(items, ",") + `],"schema":"https://github.com/citation-style-language/schema/raw/master/csl-citation.json"} `
}

func mendeleyInstr(plain string, items ...string) string {
	return `ADDIN CSL_CITATION {"citationItems":[` + strings.Join(items, ",") + `],"mendeley":{"formattedCitation":"` + plain +
		`","plainTextFormattedCitation":"` + plain + `"},"properties":{"noteIndex":0},"schema":"https://github.com/citation-style-language/schema/raw/master/csl-citation.json"}`
}

func endNoteXML(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "docx", "endnote-cite.xml"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(b))
}

// fieldsOf describes the citation fields of doc: each field's text and
// keys, then each embedded work's key, DOI and title.
func fieldsOf(doc *corpus.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		for _, f := range b.Fields {
			out = append(out, fmt.Sprintf("%q %s", b.Text[f.Start:f.End], strings.Join(f.Keys, ",")))
		}
	}
	for _, r := range doc.Embedded {
		out = append(out, fmt.Sprintf("work %s %s %s", r.Key, r.IDs.DOI, r.Title))
	}
	return out
}

func TestReadDOCX_CitationFieldsCiteTheWorksTheyEmbed(t *testing.T) {
	en := endNoteXML(t)
	endNoteData := `<w:r><w:fldChar w:fldCharType="begin"><w:fldData xml:space="preserve">` + base64.StdEncoding.EncodeToString([]byte(en)) +
		`</w:fldData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"><w:fldData xml:space="preserve">` + base64.StdEncoding.EncodeToString([]byte(en)) +
		`</w:fldData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> ADDIN EN.CITE.DATA </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>[1, 2]</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	cases := []struct {
		name, body string
		want       []string
	}{
		{"zotero, one work cited twice",
			`<w:p>` + docxtest.Text("Deep networks learn features ") + docxtest.Field(zoteroInstr("[1, 2]", zoteroLeCun, zoteroVaswani), "[1, 2]") + docxtest.Text(". Again ") +
				docxtest.Field(zoteroInstr("[1]", zoteroLeCun), "[1]") + docxtest.Text(".") + `</w:p>`,
			[]string{`"[1, 2]" lecun2015deep,vaswani2017attention`, `"[1]" lecun2015deep`,
				"work lecun2015deep 10.1038/nature14539 Deep learning", "work vaswani2017attention  Attention is all you need"}},
		{"mendeley, whose item ids count within one field",
			`<w:p>` + docxtest.Text("Most findings are false ") + docxtest.Field(mendeleyInstr("(Ioannidis, 2005)", mendeleyIoannid), "(Ioannidis, 2005)") +
				docxtest.Text(" and nets learn ") + docxtest.Field(mendeleyInstr("(LeCun, 2015)", mendeleyLeCun), "(LeCun, 2015)") + `</w:p>`,
			[]string{`"(Ioannidis, 2005)" ioannidis2005why`, `"(LeCun, 2015)" lecun2015deep`,
				"work ioannidis2005why 10.1371/journal.pmed.0020124 Why most published research findings are false", "work lecun2015deep 10.1038/nature14539 Deep learning"}},
		{"endnote, its XML in the instruction",
			`<w:p>` + docxtest.Text("Claims ") + docxtest.Field(" ADDIN EN.CITE "+en, "[1, 2]") + `</w:p>`,
			[]string{`"[1, 2]" lecun2015deep,ioannidis2005why`,
				"work lecun2015deep 10.1038/nature14539 Deep learning", "work ioannidis2005why 10.1371/journal.pmed.0020124 Why most published research findings are false"}},
		{"endnote, its XML escaped once more",
			`<w:p>` + docxtest.Text("Claims ") + docxtest.Field(" ADDIN EN.CITE "+strings.NewReplacer("<", "&lt;", ">", "&gt;").Replace(en), "[1, 2]") + `</w:p>`,
			[]string{`"[1, 2]" lecun2015deep,ioannidis2005why`,
				"work lecun2015deep 10.1038/nature14539 Deep learning", "work ioannidis2005why 10.1371/journal.pmed.0020124 Why most published research findings are false"}},
		{"endnote, its XML base64 in a nested data field",
			`<w:p>` + docxtest.Text("Claims ") + endNoteData + `</w:p>`,
			[]string{`"[1, 2]" lecun2015deep,ioannidis2005why`,
				"work lecun2015deep 10.1038/nature14539 Deep learning", "work ioannidis2005why 10.1371/journal.pmed.0020124 Why most published research findings are false"}},
		{"superscript result",
			`<w:p>` + docxtest.Text("Nets learn.") + strings.Replace(docxtest.Field(zoteroInstr("1", zoteroLeCun), "1"), `<w:r><w:t`, `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t`, 1) + `</w:p>`,
			[]string{`"^1^" lecun2015deep`, "work lecun2015deep 10.1038/nature14539 Deep learning"}},
		{"older mendeley field without item data: no field, its text a marker",
			`<w:p>` + docxtest.Text("Claims ") + docxtest.Field("ADDIN Mendeley Citation{0f3c7a52-1d9e-4b8a-9a57-3c1f5e2d7b10}", "[3]") + `</w:p>`, nil},
		{"damaged JSON: no field",
			`<w:p>` + docxtest.Text("Claims ") + docxtest.Field(` ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems":[{"itemData":`, "[3]") + `</w:p>`, nil},
		{"an item without data: no field",
			`<w:p>` + docxtest.Text("Claims ") + docxtest.Field(zoteroInstr("[1, 2]", zoteroLeCun, `{"id":9,"uris":["http://zotero.org/users/1/items/ZZ"]}`), "[1, 2]") + `</w:p>`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := Read("draft.docx", docxtest.Parts{Body: c.body}.Bytes(), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := fieldsOf(doc); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if strings.Contains(allText(doc), "ADDIN") {
				t.Errorf("instruction read as text: %s", allText(doc))
			}
		})
	}
}

// TestSentences_FieldsAreMarkersOfTheirKeys: a sentence holds a marker of
// each citation field in it, at the field's place in the sentence.
func TestSentences_FieldsAreMarkersOfTheirKeys(t *testing.T) {
	body := `<w:p>` + docxtest.Text("First claim ") + docxtest.Field(zoteroInstr("[1, 2]", zoteroLeCun, zoteroVaswani), "[1, 2]") +
		docxtest.Text(". Second claim ") + docxtest.Field(zoteroInstr("[1]", zoteroLeCun), "[1]") + docxtest.Text(".") + `</w:p>`
	doc, err := Read("draft.docx", docxtest.Parts{Body: body}.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range Sentences(doc) {
		for _, m := range s.Markers {
			var keys []string
			for _, c := range m.Cites {
				keys = append(keys, c.Key)
			}
			got = append(got, fmt.Sprintf("%s %s %q %s", s.ID, m.Kind, s.Text[m.Start:m.End], strings.Join(keys, ",")))
		}
	}
	want := []string{`c1 field "[1, 2]" lecun2015deep,vaswani2017attention`, `c2 field "[1]" lecun2015deep`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestHyperlinkField_ReadsAddressAnchorAndSwitches(t *testing.T) {
	for instr, want := range map[string]string{
		` HYPERLINK "https://doi.org/10.1038/nature14539" `:                   "https://doi.org/10.1038/nature14539",
		`HYPERLINK "https://example.org/report" \l "results" \o "The report"`: "https://example.org/report#results",
		`HYPERLINK \l "_Toc123"`:                                              "#_Toc123",
		`HYPERLINK \o "tip" https://example.org/x`:                            "https://example.org/x",
		`HYPERLINK`: "",
		`hyperlink "https://example.org/unclosed`: "https://example.org/unclosed",
	} {
		got, ok := hyperlinkField(instr)
		if !ok || got != want {
			t.Errorf("%s: %q, %v; want %q", instr, got, ok, want)
		}
	}
	if _, ok := hyperlinkField(`PAGEREF _Toc1 \h`); ok {
		t.Error("PAGEREF read as a hyperlink")
	}
}

package article

import (
	"fmt"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article/docxtest"
)

const wNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// docxOf returns a Word document whose body is the XML given, with the
// other parts named.
func docxOf(body string, parts ...string) []byte {
	m := map[string]string{
		"[Content_Types].xml": `<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`,
	}
	for i := 0; i+1 < len(parts); i += 2 {
		m[parts[i]] = parts[i+1]
	}
	return docxtest.Zip(m)
}

func readDOCXBlocks(t *testing.T, data []byte) []string {
	t.Helper()
	doc, err := Read("draft.docx", data, "")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range doc.Blocks {
		out = append(out, fmt.Sprintf("%s ¶%d %s", b.Kind, b.Pos[0].Line, b.Text))
	}
	for _, e := range doc.RefList {
		out = append(out, fmt.Sprintf("ref %s ¶%d %s", e.Label, e.Pos.Line, e.Text))
	}
	return out
}

func TestReadDOCX_Body(t *testing.T) {
	styles := `<w:styles ` + wNS + `>
<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="Hochgestellt"><w:name w:val="Cite"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>`
	cases := []struct {
		name, body string
		want       []string
	}{
		{"runs", `<w:p><w:r><w:t>Tab</w:t><w:tab/><w:t>and</w:t><w:br/><w:t>break, non</w:t><w:noBreakHyphen/><w:t>breaking </w:t><w:sym w:font="Symbol" w:char="F061"/></w:r></w:p>`,
			[]string{"sentence ¶1 Tab and break, non-breaking α"}},
		{"headings by style", `<w:p><w:pPr><w:pStyle w:val="Titel"/></w:pPr><w:r><w:t>A title</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="berschrift2"/></w:pPr><w:r><w:t>Methods</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t>Sub</w:t></w:r></w:p>`,
			[]string{"heading ¶1 A title", "heading ¶2 Methods", "heading ¶3 Sub"}},
		{"superscript citations", `<w:p><w:r><w:t>Sugar harms teeth.</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2,</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Hochgestellt"/></w:rPr><w:t>5</w:t></w:r><w:r><w:t> So is 5</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>th</w:t></w:r><w:r><w:t> and m</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>-1</w:t></w:r></w:p>`,
			[]string{"sentence ¶1 Sugar harms teeth.^2,5^ So is 5th and m-1"}},
		{"tracked changes", `<w:p><w:r><w:t>Kept </w:t></w:r><w:ins><w:r><w:t>inserted </w:t></w:r></w:ins><w:del><w:r><w:delText>deleted </w:delText></w:r></w:del><w:moveFrom><w:r><w:t>gone</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>moved</w:t></w:r></w:moveTo></w:p>`,
			[]string{"sentence ¶1 Kept inserted moved"}},
		{"deleted paragraph mark joins", `<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr><w:r><w:t>One </w:t></w:r></w:p><w:p><w:r><w:t>paragraph.</w:t></w:r></w:p>`,
			[]string{"sentence ¶1 One paragraph."}},
		{"fields", `<w:p><w:r><w:t>See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>ADDIN ZOTERO_ITEM CSL_CITATION {"x":1}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>[1]</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t> p. 4</w:t></w:r></w:fldSimple></w:p>` +
			`<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText> TOC \o "1-3" </w:instrText><w:fldChar w:fldCharType="separate"/><w:t>Introduction 1</w:t></w:r></w:p><w:p><w:r><w:t>Methods 2</w:t><w:fldChar w:fldCharType="end"/></w:r></w:p><w:p><w:r><w:t>After.</w:t></w:r></w:p>`,
			[]string{"sentence ¶1 See [1] p. 4", "sentence ¶4 After."}},
		{"hyperlinks keep their text", `<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>the trial</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> and </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/x" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>its data</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>`,
			[]string{"sentence ¶1 See the trial and its data."}},
		{"comments", `<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Text.</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`,
			[]string{"sentence ¶1 Text."}},
		{"tables, lists and text boxes", `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Item</w:t></w:r></w:p><w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Outside.</w:t></w:r></w:p>`,
			[]string{"table-cell ¶1 Cell", "list-item ¶2 Item", "sentence ¶4 Boxed", "sentence ¶3 Outside."}},
		{"bibliography field", `<w:p><w:r><w:t>Claim [1].</w:t></w:r></w:p><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>ADDIN ZOTERO_BIBL {} CSL_BIBLIOGRAPHY</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>[1] Smith J. Teeth. 2019.</w:t></w:r></w:p><w:p><w:r><w:t>[2] Lee K. Sugar. 2020.</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
			[]string{"sentence ¶1 Claim [1].", "ref 1 ¶2 Smith J. Teeth. 2019.", "ref 2 ¶3 Lee K. Sugar. 2020."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := readDOCXBlocks(t, docxOf(c.body, "word/styles.xml", styles))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestReadDOCX_Footnotes(t *testing.T) {
	notes := `<w:footnotes ` + wNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Smith J. Teeth. 2019.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	body := `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Intro</w:t></w:r></w:p><w:p><w:r><w:t>Sugar harms teeth.</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="7"/></w:r></w:p>`
	got := readDOCXBlocks(t, docxOf(body, "word/footnotes.xml", notes))
	want := []string{"heading ¶1 Intro", "sentence ¶2 Sugar harms teeth.[^1]", "footnote ¶2 Smith J. Teeth. 2019."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReadDOCX_HostileIsRefused(t *testing.T) {
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 300) + strings.Repeat("</w:sdtContent></w:sdt>", 300)
	cases := map[string][]byte{
		"nested deeper than 256": docxOf(deep),
		"damaged XML":            docxOf("<w:p><w:r><w:t>open"),
		"damaged zip":            docxOf("<w:p/>")[:100],
	}
	if !testing.Short() {
		// 101 MB of paragraphs, a few hundred KB zipped.
		cases["more than 100 MB"] = docxOf(strings.Repeat("<w:p></w:p>", 101<<20/11))
	}
	for want, data := range cases {
		_, err := Read("bomb.docx", data, "")
		if err == nil || !strings.HasPrefix(err.Error(), "bomb.docx: ") || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v", want, err)
		}
	}
}

func TestReadDOCX_NotWordIsRefusedByContent(t *testing.T) {
	cases := map[string][]byte{
		"a Word 97–2003 .doc":               append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...),
		"an encrypted (password-protected)": append(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 64)...), utf16le("EncryptionInfo")...),
		"an OpenDocument text (.odt)":       docxtest.Zip(map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"}),
		"an RTF document":                   []byte(`{\rtf1\ansi Hello}`),
		"a PDF":                             []byte("%PDF-1.4\n"),
		"a zip archive that is not a Word":  docxtest.Zip(map[string]string{"a.txt": "x"}),
		"not a docx document":               []byte("plain text"),
	}
	for want, data := range cases {
		for _, name := range []string{"draft.docx", "draft.md"} {
			_, err := Read(name, data, "")
			if want == "not a docx document" && name == "draft.md" {
				if err != nil {
					t.Errorf("text in draft.md: %v", err)
				}
				continue
			}
			if err == nil || !strings.HasPrefix(err.Error(), name+": "+want) {
				t.Errorf("%s as %s: error %v", want, name, err)
			}
		}
	}
}

// FuzzCitationField feeds the reader of reference managers' citation
// fields odd instructions and field data: it never panics, and every key
// it returns names a work it kept.
func FuzzCitationField(f *testing.F) {
	f.Add(zoteroInstr("[1]", zoteroLeCun, zoteroVaswani, zoteroLeCun), "")
	f.Add(mendeleyInstr("(1)", mendeleyIoannid, mendeleyLeCun), "")
	f.Add(` ADDIN EN.CITE <EndNote><Cite><RecNum>12</RecNum><record><rec-number>12</rec-number><titles><title>Deep learning</title></titles></record></Cite></EndNote>`, "")
	f.Add(` ADDIN EN.CITE `, "PEVuZE5vdGU+PENpdGU+PHJlY29yZD48dGl0bGVzPjx0aXRsZT5UPC90aXRsZT48L3RpdGxlcz48L3JlY29yZD48L0NpdGU+PC9FbmROb3RlPg==")
	f.Add(` ADDIN EN.CITE &lt;EndNote&gt;&lt;Cite&gt;&lt;record&gt;&lt;/record&gt;&lt;/Cite&gt;&lt;/EndNote&gt;`, "//4=")
	f.Fuzz(func(t *testing.T, instr, data string) {
		if len(instr)+len(data) > 1<<16 {
			return
		}
		w := &docxWalker{cites: newDocxCites("f.docx")}
		for range 2 { // the second time, every work is known already
			keys := w.citationKeys(instr, data)
			kept := map[string]bool{}
			for _, r := range w.cites.refs {
				if kept[r.Key] || r.Key == "" {
					t.Fatalf("key %q kept twice or empty", r.Key)
				}
				kept[r.Key] = true
			}
			for _, k := range keys {
				if !kept[k] {
					t.Fatalf("key %q names no work kept", k)
				}
			}
		}
	})
}

// FuzzReadDOCX feeds the Word reader damaged and odd documents: each input
// is read as a whole file and as the document.xml of a valid package (a
// mutated zip rarely passes its checksums, so the XML gets its own turn).
// It never panics, and what it reads has a position for every byte.
func FuzzReadDOCX(f *testing.F) {
	f.Add(docxtest.Write("# Title", "Text.^1", "- item"))
	for _, body := range []string{
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>HYPERLINK "x"</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>link</w:t></w:r></w:p>`,
		`<w:p><w:r><w:t>a</w:t><w:footnoteReference w:id="1"/><w:endnoteReference w:id="1"/></w:r></w:p>`,
		`<w:p><w:pPr><w:rPr><w:del/></w:rPr></w:pPr></w:p><mc:AlternateContent><mc:Choice><w:p/></mc:Choice><mc:Fallback><w:p/></mc:Fallback></mc:AlternateContent>`,
		`<w:tbl><w:tr><w:tc><w:p><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>1–3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
		`<w:p><w:hyperlink r:id="rId1" w:anchor="a"><w:r><w:t>x</w:t></w:r></w:hyperlink><w:fldSimple w:instr="HYPERLINK \l &quot;b&quot;"><w:r><w:t>y</w:t></w:r></w:fldSimple></w:p>`,
		`<w:p>` + docxtest.Field(zoteroInstr("[1]", zoteroLeCun, zoteroVaswani), "[1]") + `</w:p>`,
		`<w:p>` + docxtest.Field(mendeleyInstr("(1)", mendeleyIoannid), "(1)") + `</w:p>`,
		`<w:p>` + docxtest.Field(` ADDIN EN.CITE <EndNote><Cite><RecNum>1</RecNum><record><titles><title>T</title></titles></record></Cite></EndNote>`, "[1]") + `</w:p>`,
	} {
		f.Add([]byte(`<w:document ` + wNS + `><w:body>` + body + `</w:body></w:document>`))
	}
	notes := `<w:footnotes ` + wNS + `><w:footnote w:id="1"><w:p><w:r><w:t>n</w:t></w:r></w:p></w:footnote></w:footnotes>`
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		for _, in := range [][]byte{data, docxtest.Zip(map[string]string{
			"[Content_Types].xml": "wordprocessingml", "word/document.xml": string(data),
			"word/footnotes.xml": notes, "word/endnotes.xml": strings.ReplaceAll(notes, "footnote", "endnote"),
		})} {
			doc, err := Read("f.docx", in, "")
			if err != nil {
				if !strings.HasPrefix(err.Error(), "f.docx: ") || strings.Contains(err.Error(), "internal error") {
					t.Fatalf("error %v", err)
				}
				continue
			}
			for _, b := range doc.Blocks {
				if len(b.Pos) != len(b.Text) || b.Text == "" || strings.TrimSpace(b.Text) != b.Text {
					t.Fatalf("block %q with %d positions", b.Text, len(b.Pos))
				}
			}
			for _, s := range Sentences(doc) {
				for _, m := range s.Markers {
					if m.Start < 0 || m.End > len(s.Text) || m.Start >= m.End || s.Text[m.Start:m.End] != m.Text {
						t.Fatalf("field marker %+v out of its sentence %q", m, s.Text)
					}
				}
			}
			if doc.Positions != corpus.PositionsParagraphs {
				t.Fatal("positions are not paragraphs")
			}
		}
	})
}

// TestDOCX_BoldFirstParagraphIsTheTitle: a manuscript saved without
// heading styles sets its title as a bold first paragraph, often with the
// author list under it at an outline level (the acronym manuscript of the
// shared corpora does). The title is a heading and the article's title, not
// a sentence to score; a bold lead that ends as a sentence, a first
// paragraph only partly bold, and a bold paragraph after the first stay
// sentences.
func TestDOCX_BoldFirstParagraphIsTheTitle(t *testing.T) {
	bold := func(s string) string {
		return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + s + `</w:t></w:r>`
	}
	plain := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	byline := `<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr>` + plain("Ann Smith, Bo Jones") + `</w:p>`
	body := `<w:p>` + plain("Critical power varies with the protocol used to measure it.") + `</w:p>`
	for _, tt := range []struct {
		name, first string
		want        string // the first block
		title       string
	}{
		{"bold title", `<w:p>` + bold("Critical power: ") + bold("how protocols and models affect it") + `</w:p>`,
			"heading ¶1 Critical power: how protocols and models affect it", "Critical power: how protocols and models affect it"},
		{"bold turned off again", `<w:p>` + bold("Critical power") + `<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>: a study</w:t></w:r></w:p>`,
			"sentence ¶1 Critical power: a study", "Ann Smith, Bo Jones"},
		{"partly bold", `<w:p>` + bold("Critical power") + plain(" and how protocols affect it") + `</w:p>`,
			"sentence ¶1 Critical power and how protocols affect it", "Ann Smith, Bo Jones"},
		{"a bold sentence", `<w:p>` + bold("Critical power varies with the protocol.") + `</w:p>`,
			"sentence ¶1 Critical power varies with the protocol.", "Ann Smith, Bo Jones"},
	} {
		data := docxOf(tt.first + byline + body)
		got := readDOCXBlocks(t, data)
		if got[0] != tt.want {
			t.Errorf("%s: first block %q, want %q", tt.name, got[0], tt.want)
		}
		doc, err := Read("draft.docx", data, "")
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != tt.title {
			t.Errorf("%s: title %q, want %q", tt.name, doc.Title, tt.title)
		}
	}
	// A bold paragraph after the first is body text (a bold lead-in).
	data := docxOf(`<w:p>` + plain("Some text first") + `</w:p><w:p>` + bold("Key points") + `</w:p>`)
	if got := readDOCXBlocks(t, data); got[1] != "sentence ¶2 Key points" {
		t.Errorf("second block %q, want a sentence", got[1])
	}
}

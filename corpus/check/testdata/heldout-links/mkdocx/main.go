// Command mkdocx turns the pandoc output of vitamin-d.src.md into
// vitamin-d.docx: it replaces the ZOT... placeholders of the pandoc output
// with what an editor's Word draft holds and pandoc cannot write: a tracked
// insertion holding a linked claim, a tracked deletion holding a link, a
// comment whose text holds an address, two Zotero citation fields and a
// Zotero bibliography field. build.sh runs it; it lives under testdata so
// that go build ./... and go vet ./... never see it.
//
//	go run ./mkdocx PANDOC.docx OUT.docx
package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

const (
	insertedLink = "https://doi.org/10.1016/S2213-8587(18)30265-1"
	deletedLink  = "https://en.wikipedia.org/wiki/Vitamin_D"
	commentURL   = "https://ods.od.nih.gov/factsheets/VitaminD-HealthProfessional/"
	author       = `w:author="Sub-editor" w:date="2026-02-20T10:15:00Z"`
)

// CSL-JSON items as Zotero embeds them in a citation field.
const (
	manson  = `{"id":1201,"uris":["http://zotero.org/users/local/kQ7n2xWb/items/VITAL2019"],"itemData":{"id":1201,"type":"article-journal","title":"Vitamin D Supplements and Prevention of Cancer and Cardiovascular Disease","container-title":"New England Journal of Medicine","page":"33-44","volume":"380","issue":"1","DOI":"10.1056/NEJMoa1809944","author":[{"family":"Manson","given":"JoAnn E."},{"family":"Cook","given":"Nancy R."},{"family":"Lee","given":"I-Min"}],"issued":{"date-parts":[["2019",1,3]]}}}`
	bolland = `{"id":1202,"uris":["http://zotero.org/users/local/kQ7n2xWb/items/BOLL2018"],"itemData":{"id":1202,"type":"article-journal","title":"Effects of vitamin D supplementation on musculoskeletal health: a systematic review, meta-analysis, and trial sequential analysis","container-title":"The Lancet Diabetes & Endocrinology","page":"847-858","volume":"6","issue":"11","DOI":"10.1016/S2213-8587(18)30265-1","author":[{"family":"Bolland","given":"Mark J."},{"family":"Grey","given":"Andrew"},{"family":"Avenell","given":"Alison"}],"issued":{"date-parts":[["2018",11]]}}}`
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: mkdocx PANDOC.docx OUT.docx")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "mkdocx:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	zr, err := zip.OpenReader(in)
	if err != nil {
		return err
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		switch f.Name {
		case "word/document.xml":
			s, err := editDocument(string(data))
			if err != nil {
				return err
			}
			data = []byte(s)
		case "word/_rels/document.xml.rels":
			data = []byte(strings.Replace(string(data), "</Relationships>",
				rel("rIdIns", insertedLink)+rel("rIdDel", deletedLink)+"</Relationships>", 1))
		case "word/comments.xml":
			data = []byte(comments)
		}
		// A fixed time keeps the file the same from one build to the next.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate,
			Modified: time.Date(2026, 2, 20, 10, 15, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		if _, err := w.Write(data); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

func rel(id, target string) string {
	return `<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Id="` +
		id + `" Target="` + xmlEscape(target) + `" TargetMode="External" />`
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// Run text is cut where a placeholder stands: close the run, put the new
// XML, open a plain run for the rest of the text.
const (
	closeRun = `</w:t></w:r>`
	openRun  = `<w:r><w:t xml:space="preserve">`
)

func run1(text string) string { return openRun + xmlEscape(text) + closeRun }

// zoteroField is a Zotero citation as Word holds it: a complex field whose
// instruction, split over runs as Zotero splits long ones, carries the
// CSL-JSON, and whose result is the formatted citation.
func zoteroField(id, formatted, item string) string {
	instr := ` ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"` + id + `","properties":{"formattedCitation":"` + formatted +
		`","plainCitation":"` + formatted + `","noteIndex":0},"citationItems":[` + item +
		`],"schema":"https://github.com/citation-style-language/schema/raw/master/csl-citation.json"} `
	half := len(instr) / 2
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve">` + xmlEscape(instr[:half]) + `</w:instrText></w:r>` +
		`<w:r><w:instrText xml:space="preserve">` + xmlEscape(instr[half:]) + `</w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		run1(formatted) +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

func editDocument(doc string) (string, error) {
	type edit struct{ old, new string }
	var edits []edit

	// Two Zotero citations inside sentences.
	edits = append(edits,
		edit{"ZOTCITE1", closeRun + zoteroField("vd1", "(Manson et al., 2019)", manson) + openRun},
		edit{"ZOTCITE2", closeRun + zoteroField("vd2", "(Bolland et al., 2018)", bolland) + openRun},
	)

	// A paragraph the sub-editor inserted with track changes on: its text
	// and its link are inside w:ins, the link as Word writes one inserted
	// whole (w:hyperlink around w:ins).
	ins := func(id, inner string) string {
		return `<w:ins w:id="` + id + `" ` + author + `>` + inner + `</w:ins>`
	}
	edits = append(edits, edit{`<w:r><w:t xml:space="preserve">ZOTINSERT</w:t></w:r>`,
		ins("901", run1("A meta-analysis of 81 randomised trials found that vitamin D did not prevent fractures or falls in adults, ")) +
			`<w:hyperlink r:id="rIdIns">` + ins("902", `<w:r><w:rPr><w:rStyle w:val="Hyperlink" /></w:rPr><w:t xml:space="preserve">a review in The Lancet Diabetes &amp; Endocrinology reported</w:t></w:r>`) + `</w:hyperlink>` +
			ins("903", run1("."))})

	// A sentence the sub-editor deleted with track changes on, link and all.
	del := func(id, inner string) string {
		return `<w:del w:id="` + id + `" ` + author + `>` + inner + `</w:del>`
	}
	edits = append(edits, edit{"ZOTDELETE",
		closeRun +
			del("904", `<w:r><w:delText xml:space="preserve">A popular encyclopedia </w:delText></w:r>`) +
			`<w:hyperlink r:id="rIdDel">` + del("905", `<w:r><w:rPr><w:rStyle w:val="Hyperlink" /></w:rPr><w:delText xml:space="preserve">covers the history of the vitamin</w:delText></w:r>`) + `</w:hyperlink>` +
			del("906", `<w:r><w:delText xml:space="preserve">.</w:delText></w:r>`) +
			openRun})

	// A comment on the last sentence of the advice; its text holds an
	// address, which is the fact-checker's note, not the article's source.
	edits = append(edits,
		edit{`<w:r><w:t xml:space="preserve">People who rarely`, `<w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">People who rarely`},
		edit{"ZOTCOMMENT", closeRun + `<w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>` + openRun},
	)

	// The Zotero bibliography: one field over two paragraphs, its result
	// the formatted entries with their DOIs as plain text.
	bibInstr := ` ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY `
	edits = append(edits,
		edit{`<w:r><w:t xml:space="preserve">ZOTBIBL1</w:t></w:r>`,
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">` + xmlEscape(bibInstr) + `</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
				run1("Bolland, M. J., Grey, A., & Avenell, A. (2018). Effects of vitamin D supplementation on musculoskeletal health: A systematic review, meta-analysis, and trial sequential analysis. The Lancet Diabetes & Endocrinology, 6(11), 847–858. https://doi.org/10.1016/S2213-8587(18)30265-1")},
		edit{`<w:r><w:t xml:space="preserve">ZOTBIBL2</w:t></w:r>`,
			run1("Manson, J. E., Cook, N. R., Lee, I.-M., et al. (2019). Vitamin D supplements and prevention of cancer and cardiovascular disease. New England Journal of Medicine, 380(1), 33–44. https://doi.org/10.1056/NEJMoa1809944") +
				`<w:r><w:fldChar w:fldCharType="end"/></w:r>`},
	)

	for _, e := range edits {
		if strings.Count(doc, e.old) != 1 {
			return "", fmt.Errorf("document.xml holds %q %d times, want once", e.old, strings.Count(doc, e.old))
		}
		doc = strings.Replace(doc, e.old, e.new, 1)
	}
	// Pandoc left empty runs where a placeholder ended its text.
	doc = strings.ReplaceAll(doc, openRun+closeRun, "")
	for _, p := range []string{"ZOTCITE", "ZOTINSERT", "ZOTDELETE", "ZOTCOMMENT", "ZOTBIBL1", "ZOTBIBL2"} {
		if strings.Contains(doc, p) {
			return "", fmt.Errorf("placeholder %s is left in document.xml", p)
		}
	}
	return doc, nil
}

const comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="Fact-checker" w:date="2026-02-20T11:02:00Z" w:initials="FC"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r><w:r><w:t xml:space="preserve">Check the wording against ` + commentURL + ` before this goes out.</w:t></w:r></w:p></w:comment></w:comments>`

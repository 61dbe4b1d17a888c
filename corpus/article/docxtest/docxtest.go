// Package docxtest writes small Word documents (.docx) for tests: the
// parts a valid document needs and nothing else. It is for tests only.
package docxtest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"slices"
	"strings"
	"unicode/utf8"
)

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`

const packageRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`

const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`

// numbering has one list, numId 1, numbered 1., 2., 3.
const numbering = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`

// The heading styles have ids a localised Word would give them (German),
// so that a reader must go by their outline level.
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/><w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style></w:styles>`

// Write returns a Word document of the paragraphs, one w:p each. A
// paragraph that starts with "# " or "## " is a heading, one that starts
// with "- " a numbered list item; in a paragraph, ^ followed by digits,
// commas and dashes ("^3", "^2,5", "^1–4") is a superscript run.
func Write(paragraphs ...string) []byte {
	var body strings.Builder
	for _, p := range paragraphs {
		body.WriteString("<w:p>")
		switch {
		case strings.HasPrefix(p, "# "):
			body.WriteString(`<w:pPr><w:pStyle w:val="berschrift1"/></w:pPr>`)
			p = p[2:]
		case strings.HasPrefix(p, "## "):
			body.WriteString(`<w:pPr><w:pStyle w:val="berschrift2"/></w:pPr>`)
			p = p[3:]
		case strings.HasPrefix(p, "- "):
			body.WriteString(`<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
			p = p[2:]
		}
		for p != "" {
			i := strings.IndexByte(p, '^')
			if i < 0 {
				run(&body, p, false)
				break
			}
			run(&body, p[:i], false)
			j := i + 1
			for j < len(p) {
				r, size := utf8.DecodeRuneInString(p[j:])
				if !strings.ContainsRune("0123456789,-–", r) {
					break
				}
				j += size
			}
			run(&body, p[i+1:j], true)
			p = p[j:]
		}
		body.WriteString("</w:p>")
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + body.String() + `<w:sectPr/></w:body></w:document>`
	return Zip(map[string]string{
		"[Content_Types].xml":          contentTypes,
		"_rels/.rels":                  packageRels,
		"word/_rels/document.xml.rels": documentRels,
		"word/document.xml":            doc,
		"word/styles.xml":              styles,
		"word/numbering.xml":           numbering,
	})
}

func run(b *strings.Builder, text string, sup bool) {
	if text == "" {
		return
	}
	b.WriteString("<w:r>")
	if sup {
		b.WriteString(`<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>`)
	}
	b.WriteString(`<w:t xml:space="preserve">`)
	xml.EscapeText(b, []byte(text))
	b.WriteString("</w:t></w:r>")
}

// Zip returns a zip archive of the named parts, in name order.
func Zip(parts map[string]string) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	slices.Sort(names) // [Content_Types].xml first, as Word writes it
	for _, name := range names {
		w, err := z.Create(name)
		if err == nil {
			_, err = w.Write([]byte(parts[name]))
		}
		if err != nil {
			panic(err) // writing to memory does not fail
		}
	}
	if err := z.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// Parts is a Word document written from WordprocessingML, for tests of
// what Write cannot say: hyperlinks, fields, footnotes.
type Parts struct {
	// Body is the content of w:body; the prefixes w: and r: are declared.
	Body string
	// Links are the external hyperlink targets of the body, by
	// relationship id (the r:id of a w:hyperlink).
	Links map[string]string
	// Footnotes are the w:footnote elements of word/footnotes.xml, with
	// their own hyperlink targets; none when empty.
	Footnotes     string
	FootnoteLinks map[string]string
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// Bytes returns the document.
func (p Parts) Bytes() []byte {
	rels := map[string]string{"rIdStyles": "styles|styles.xml", "rIdNumbering": "numbering|numbering.xml"}
	parts := map[string]string{
		"[Content_Types].xml": contentTypes,
		"_rels/.rels":         packageRels,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + wordNS + `><w:body>` + p.Body + `<w:sectPr/></w:body></w:document>`,
		"word/styles.xml":    styles,
		"word/numbering.xml": numbering,
	}
	if p.Footnotes != "" {
		rels["rIdFootnotes"] = "footnotes|footnotes.xml"
		parts["word/footnotes.xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ` + wordNS + `>` + p.Footnotes + `</w:footnotes>`
		parts["word/_rels/footnotes.xml.rels"] = relsPart(nil, p.FootnoteLinks)
	}
	parts["word/_rels/document.xml.rels"] = relsPart(rels, p.Links)
	return Zip(parts)
}

// relsPart writes a relationships part: internal targets as "type|target",
// and external hyperlinks.
func relsPart(internal, links map[string]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, id := range sortedKeys(internal) {
		typ, target, _ := strings.Cut(internal[id], "|")
		b.WriteString(`<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/` + typ + `" Target="` + target + `"/>`)
	}
	for _, id := range sortedKeys(links) {
		b.WriteString(`<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="`)
		xml.EscapeText(&b, []byte(links[id]))
		b.WriteString(`" TargetMode="External"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Field returns the runs of a complex field (begin, instruction, separate,
// result, end) as Word writes a reference manager's citation: the
// instruction is escaped for XML, the result is one run of text.
func Field(instr, result string) string {
	var b strings.Builder
	b.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">`)
	xml.EscapeText(&b, []byte(instr))
	b.WriteString(`</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	run(&b, result, false)
	b.WriteString(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
	return b.String()
}

// Text returns a run of plain text.
func Text(s string) string {
	var b strings.Builder
	run(&b, s, false)
	return b.String()
}

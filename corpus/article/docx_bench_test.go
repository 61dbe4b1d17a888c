package article

import (
	"fmt"
	"strings"
	"testing"
)

// wordDraft returns a .docx of about words words as Word writes them: a
// run every few words with its properties, a heading every 20
// paragraphs, superscript citations, and a numbered reference list.
func wordDraft(words int) []byte {
	vocab := strings.Fields("sugar intake doubled the risk of dental caries in children aged five to twelve while fluoride varnish reduced it by a third across trials")
	const rPr = `<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="24"/><w:lang w:val="en-GB"/></w:rPr>`
	var b strings.Builder
	n, para := 0, 0
	for n < words {
		para++
		if para%20 == 1 {
			fmt.Fprintf(&b, `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r>%s<w:t>Section %d</w:t></w:r></w:p>`, rPr, para/20+1)
		}
		b.WriteString(`<w:p w14:paraId="1A2B3C4D"><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr>`)
		for s := 0; s < 5; s++ {
			for r := 0; r < 4; r++ {
				b.WriteString(`<w:r>` + rPr + `<w:t xml:space="preserve">`)
				for range 5 {
					b.WriteString(vocab[n%len(vocab)] + " ")
					n++
				}
				b.WriteString(`</w:t></w:r>`)
			}
			fmt.Fprintf(&b, `<w:r>%s<w:t>end.</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>%d</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`, rPr, n%40+1)
		}
		b.WriteString(`</w:p>`)
	}
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>References</w:t></w:r></w:p>`)
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, `<w:p><w:r><w:t>%d. Author A, Author B. A study of sugar number %d. J Dent. 2019;%d:1–9.</w:t></w:r></w:p>`, i, i, i)
	}
	return docxOf(strings.ReplaceAll(b.String(), "<w:p w14", `<w:p xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" w14`))
}

func TestWordDraft_IsFortyThousandWords(t *testing.T) {
	doc, err := Read("draft.docx", wordDraft(40000), "")
	if err != nil {
		t.Fatal(err)
	}
	words := len(strings.Fields(allText(doc)))
	if words < 40000 || words > 44000 || len(doc.RefList) != 40 {
		t.Errorf("%d words, %d list entries", words, len(doc.RefList))
	}
}

// BenchmarkReadDOCX reads a 40,000-word Word draft (about 200 pages).
func BenchmarkReadDOCX(b *testing.B) {
	data := wordDraft(40000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read("draft.docx", data, ""); err != nil {
			b.Fatal(err)
		}
	}
}

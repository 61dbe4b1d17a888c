package pubmed

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export"
)

// checkResult asserts what every reading must give: problems that name the
// file and a line inside it, unique keys, and BibTeX that reads back.
func checkResult(t *testing.T, res *Result, lines int) {
	t.Helper()
	for _, p := range append(append([]corpus.Problem{}, res.Problems...), res.Warnings...) {
		if p.File != "f" || p.Line < 1 || p.Line > lines {
			t.Fatalf("problem %q does not name the file and a line of its %d", p.Error(), lines)
		}
	}
	keys := map[string]bool{}
	for _, r := range res.Refs {
		k := strings.ToLower(r.Key)
		if r.Key == "" || keys[k] || strings.ContainsAny(r.Key, " ,{}\"#%'()=\\~") {
			t.Fatalf("bad or repeated key %q", r.Key)
		}
		keys[k] = true
	}
	var buf bytes.Buffer
	if err := export.BibTeX(&buf, res.Refs); err != nil {
		t.Fatal(err)
	}
	p := bibtex.NewParser()
	p.ParseText("f.bib", buf.String())
	if len(p.Problems) > 0 || len(p.References()) != len(res.Refs) {
		t.Fatalf("BibTeX written does not read back: %v\n%s", p.Problems, buf.String())
	}
}

func lineCount(s string) int { return strings.Count(s, "\n") + 1 }

func FuzzReadMEDLINE(f *testing.F) {
	for _, rel := range []string{"jabref/medline-nbib/NbibImporterTest.nbib",
		"jabref/medline-nbib/MedlinePlainImporterTestMultipleEntries.txt", "colrev/database-exports/eric_nbib.nbib"} {
		if data, err := os.ReadFile(filepath.Join(corpora, rel)); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{"PMID-1\nTI  - {x} 50% _\n      more\n\nAU  - and, and\n", "  x\nPMID- \nRIN - PMID: 3\nPG  - 9-1\n",
		"FAU - ,\nCN  - }{\nDP  - 1998 Dec-1999 Jan\nAID - \\ [doi]\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		res := ReadMEDLINE("f", text)
		checkResult(t, res, strings.Count(text, "\n")+strings.Count(text, "\r")+1)
	})
}

func FuzzReadXML(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "efetch-35649368.xml")); err == nil {
		f.Add(data)
	}
	for _, n := range []string{"MathML", "PubmedBook", "MalformedEntry"} {
		if data, err := os.ReadFile(filepath.Join(corpora, "jabref", "medline-xml", "MedlineImporterTest"+n+".xml")); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`<PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>a<sup>}</sup><math><mfrac><mi>{</mi></mfrac></math></ArticleTitle></Article></MedlineCitation></PubmedArticle>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res := ReadXML("f", data)
		checkResult(t, res, lineCount(string(data)))
	})
}

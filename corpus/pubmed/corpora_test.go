package pubmed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// corpora is where the shared test files are, beside the repository.
var corpora = filepath.Join("..", "..", "..", "shared", "corpora", "refs-formats")

func readCorpus(t *testing.T, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpora, rel))
	if os.IsNotExist(err) {
		t.Skipf("%s is absent; the shared corpora are not here", rel)
	}
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func read(t *testing.T, rel string) *Result {
	t.Helper()
	data := readCorpus(t, rel)
	if strings.HasSuffix(rel, ".xml") && !strings.Contains(rel, "InvalidFormat") {
		return ReadXML(rel, data)
	}
	return ReadMEDLINE(rel, string(data))
}

// answerKey reads a .bib answer key; its entries may have no key.
func answerKey(t *testing.T, rel string) []*corpus.Reference {
	t.Helper()
	p := bibtex.NewParser()
	src := strings.ReplaceAll(string(readCorpus(t, rel)), "{,", "{nokey,")
	p.ParseText(rel, src)
	return p.References()
}

func TestRealFiles_Counts(t *testing.T) {
	for _, tc := range []struct {
		rel            string
		refs, problems int
	}{
		{"jabref/medline-nbib/NbibImporterTest.nbib", 1, 0},
		{"jabref/medline-nbib/MedlinePlainImporterTestMultipleEntries.txt", 7, 0},
		{"jabref/medline-nbib/MedlinePlainImporterTestInvalidFormat.xml", 0, 1},
		{"biopython/pubmed_result1.txt", 1, 0},
		{"biopython/pubmed_result2.txt", 4, 0},
		{"biopython/pubmed_result3.txt", 1, 0},
		{"manubot/bibliographies/bibliography.nbib", 2, 0},
		{"colrev/database-exports/eric_nbib.nbib", 1, 0},
		{"colrev/loader/nbib_data.nbib", 1, 0},
		{"jabref/medline-xml/MedlineImporterTestMalformedEntry.xml", 0, 1},
		{"jabref/medline-xml/MedlineImporterTestBookArticleSet.xml", 2, 0},
		{"jabref/medline-xml/MedlineImporterTestPubmedBook.xml", 1, 0},
		{"jabref/medline-xml/MedlineImporterTestNbib.xml", 2, 0},
	} {
		t.Run(filepath.Base(tc.rel), func(t *testing.T) {
			res := read(t, tc.rel)
			if len(res.Refs) != tc.refs || len(res.Problems) != tc.problems {
				t.Errorf("%d references, problems %v; want %d and %d", len(res.Refs), res.Problems, tc.refs, tc.problems)
			}
			for _, p := range res.Problems {
				if p.File != tc.rel || p.Line < 1 {
					t.Errorf("problem %q does not name the file and a line", p.Error())
				}
			}
			for _, w := range res.Warnings {
				t.Logf("warning: %s", w.Error())
			}
		})
	}
}

// TestRealFiles_AnswerKeys compares what is read with JabRef's answer keys,
// field by field.
func TestRealFiles_AnswerKeys(t *testing.T) {
	files := []string{"jabref/medline-nbib/NbibImporterTest.nbib"}
	for _, n := range []string{"ArticleID", "ArticleItalics", "ArticleNoISSN", "BookArticleSet", "KeywordSingleEntry",
		"MathML", "MeshHeadingList", "Nbib", "PubmedBook"} {
		files = append(files, "jabref/medline-xml/MedlineImporterTest"+n+".xml")
	}
	for _, n := range []string{"CompleteEntry", "DOI", "Inproceeding", "MultiAbstract", "MultiTitle", "StringOutOfBounds"} {
		files = append(files, "jabref/medline-nbib/MedlinePlainImporterTest"+n+".txt")
	}
	files[len(files)-1] = "jabref/medline-nbib/MedlinePlainImporterStringOutOfBounds.txt"
	agree, known, total := 0, 0, 0
	for _, rel := range files {
		res := read(t, rel)
		want := answerKey(t, strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(rel, ".xml"), ".txt"), ".nbib")+".bib")
		if len(res.Refs) != len(want) {
			t.Errorf("%s: %d references, the answer key has %d", rel, len(res.Refs), len(want))
			continue
		}
		for i, w := range want {
			g := res.Refs[i]
			for _, f := range []string{"title", "author", "year", "journal", "volume", "pages", "doi", "pmid"} {
				wv, wok := w.Get(f)
				gv, _ := g.Get(f)
				if !wok {
					continue
				}
				total++
				if comparable(f, gv) == comparable(f, wv) {
					agree++
					continue
				}
				if knownDifferences[rel+" "+f] {
					known++
					continue
				}
				t.Errorf("%s: %s = %q, answer key %q", rel, f, gv, wv)
			}
		}
	}
	t.Logf("%d of %d answer-key fields agree, %d differ as intended", agree, total, known)
}

// knownDifferences are where JabRef's answer keys are not what evident
// should read: a collective author (CN) is an author, a chapter's title is
// the chapter's, a name's Suffix is kept, PersonalNameSubject is the
// subject of the article and not its author, repeated TI lines are joined
// with a space, and a junk line is not part of the PMID before it.
var knownDifferences = map[string]bool{
	"jabref/medline-nbib/NbibImporterTest.nbib author":                    true,
	"jabref/medline-xml/MedlineImporterTestBookArticleSet.xml title":      true,
	"jabref/medline-xml/MedlineImporterTestNbib.xml author":               true,
	"jabref/medline-xml/MedlineImporterTestKeywordSingleEntry.xml author": true,
	"jabref/medline-nbib/MedlinePlainImporterTestMultiTitle.txt title":    true,
	"jabref/medline-nbib/MedlinePlainImporterStringOutOfBounds.txt pmid":  true,
}

// comparable folds the differences of spelling that do not matter: white
// space, page dashes, a DOI's case.
func comparable(field, v string) string {
	v = strings.Join(strings.Fields(v), " ")
	switch field {
	case "pages":
		v = pageRange(strings.ReplaceAll(strings.ReplaceAll(v, "--", "-"), "–", "-"))
	case "doi":
		v = corpus.NormalizeDOI(v)
	}
	return v
}

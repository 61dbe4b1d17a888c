package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article/docxtest"
)

// zoteroField is a Zotero citation field of the CSL-JSON items.
func zoteroField(result string, items ...string) string {
	return docxtest.Field(` ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"a","properties":{"plainCitation":"`+result+`"},"citationItems":[`+strings.Join(items, ",")+`]} `, result)
}

const (
	itemLeCun   = `{"id":1,"uris":["http://zotero.org/users/1/items/LECUN"],"itemData":{"id":1,"type":"article-journal","title":"Deep learning","container-title":"Nature","DOI":"10.1038/nature14539","author":[{"family":"LeCun","given":"Yann"}],"issued":{"date-parts":[[2015]]}}}`
	itemVaswani = `{"id":2,"uris":["http://zotero.org/users/1/items/VASWANI"],"itemData":{"id":2,"type":"paper-conference","title":"Attention is all you need","author":[{"family":"Vaswani","given":"Ashish"}],"issued":{"date-parts":[[2017]]}}}`
	itemIoannid = `{"id":3,"uris":["http://zotero.org/users/1/items/IOANNIDIS"],"itemData":{"id":3,"type":"article-journal","title":"Why most published research findings are false","container-title":"PLoS Medicine","DOI":"10.1371/journal.pmed.0020124","author":[{"family":"Ioannidis","given":"John P. A."}],"issued":{"date-parts":[[2005]]}}}`
)

func TestCheck_CitationFieldsResolveExactlyToTheWorksTheyEmbed(t *testing.T) {
	body := `<w:p>` + docxtest.Text("Deep networks learn their own features ") + zoteroField("[1, 2]", itemLeCun, itemVaswani) + docxtest.Text(".") + `</w:p>` +
		`<w:p>` + docxtest.Text("Most published findings are false ") + zoteroField("[3]", itemIoannid) + docxtest.Text(". Nets again ") + zoteroField("[1]", itemLeCun) + docxtest.Text(".") + `</w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>ADDIN ZOTERO_BIBL {"uncited":[],"omitted":[],"custom":[]} CSL_BIBLIOGRAPHY</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		docxtest.Text("1. LeCun Y. Deep learning. Nature. 2015. doi:10.1038/nature14539") + `</w:p>` +
		`<w:p>` + docxtest.Text("2. Vaswani A. Attention is all you need. 2017.") + `</w:p>` +
		`<w:p>` + docxtest.Text("3. Ioannidis JPA. Why most published research findings are false. PLoS Medicine. 2005.") + `<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
	dir := t.TempDir()
	path := filepath.Join(dir, "draft.docx")
	if err := os.WriteFile(path, docxtest.Parts{Body: body}.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// The library has LeCun's work by its DOI under another key, and
	// another work under the key the Vaswani field's work would take.
	lib := []*corpus.Reference{
		{Key: "w1", Title: "Deep learning", Year: 2015, IDs: corpus.Identifiers{DOI: "10.1038/nature14539"}},
		{Key: "vaswani2017attention", Title: "Attention in the visual cortex", Year: 2017, Authors: []corpus.Name{{Last: "Vaswani", First: "Ravi"}}},
	}
	for _, bib := range []bool{false, true} {
		got, err := CheckAll(context.Background(), []Input{{Path: path}}, lib, Options{NoSupport: true, NoArticleBibliography: bib})
		if err != nil {
			t.Fatal(err)
		}
		rep := got[0].Report
		want := []string{"w1→w1", "vaswani2017attentiona→vaswani2017attentiona", "ioannidis2005why→ioannidis2005why", "w1→w1"}
		if l := links(rep); !slices.Equal(l, want) {
			t.Errorf("--bib %v: citations %q, want %q", bib, l, want)
		}
		for _, c := range rep.Claims {
			for _, l := range c.Citations {
				if l.Kind != string(corpus.MarkerField) || l.By != "field" {
					t.Errorf("citation %+v: want a field's", l)
				}
			}
		}
		if s := rep.Summary; s.Resolved != 4 || s.Dangling != 0 || s.ListEntries != 3 || s.Uncited != 0 {
			t.Errorf("--bib %v: summary %+v", bib, s)
		}
		for _, e := range rep.References {
			if e.Key == nil || !e.Cited {
				t.Errorf("list entry %s: key %v, cited %v", e.Label, e.Key, e.Cited)
			}
		}
		if n := strings.Join(rep.Notes, "\n"); !strings.Contains(n, "the citation fields cite 3 works: 1 in the library, 2 read from the fields for this check alone") {
			t.Errorf("notes %q", rep.Notes)
		}
		if len(got[0].Library) != 4 || len(lib) != 2 || lib[1].Title != "Attention in the visual cortex" {
			t.Errorf("checked against %d references; the library given has %d", len(got[0].Library), len(lib))
		}
	}
}

// TestCheck_ReferenceManagerCorpora checks the Zotero and Mendeley copies
// of one manuscript with no library: every one of the 45 works its 35
// fields cite resolves to the 27 works they embed, and the 27 entries of
// the field-made reference list are matched and cited. Before the fields
// were read, all 45 were unmatched and all 27 entries matched nothing.
func TestCheck_ReferenceManagerCorpora(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpora", "docx", "acronym")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found: the shared corpora are not checked out next to the repository", dir)
	}
	for _, name := range []string{"zotero.docx", "mendeley.docx"} {
		got, err := CheckAll(context.Background(), []Input{{Path: filepath.Join(dir, name)}}, nil, Options{NoSupport: true, NoLibrary: true})
		if err != nil {
			t.Fatal(err)
		}
		rep := got[0].Report
		fields, keys := 0, map[string]bool{}
		for _, c := range rep.Claims {
			for _, l := range c.Citations {
				if l.Kind != string(corpus.MarkerField) {
					continue
				}
				fields++
				if l.Status != corpus.Resolved || l.Key == nil {
					t.Errorf("%s: %s %s: %s %s", name, c.ID, l.Marker, l.Status, l.Why)
					continue
				}
				keys[*l.Key] = true
			}
		}
		if fields != 45 || len(keys) != 27 || rep.Summary.Dangling != 0 || rep.Summary.Unmatched != 0 {
			t.Errorf("%s: %d field citations of %d works, summary %+v; want 45 of 27, none dangling or unmatched", name, fields, len(keys), rep.Summary)
		}
		matched := 0
		for _, e := range rep.References {
			if e.Key != nil && e.Cited && keys[*e.Key] {
				matched++
			}
		}
		if len(rep.References) != 27 || matched != 27 {
			t.Errorf("%s: %d of %d list entries matched to a cited work", name, matched, len(rep.References))
		}
		for _, f := range rep.Findings {
			switch f.Code {
			case "dangling-citation", "unmatched-reference", "uncited-reference":
				t.Errorf("%s: %s", name, f.Message)
			}
		}
		t.Logf("%s: %+v", name, rep.Summary)
	}
}

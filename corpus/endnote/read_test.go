package endnote_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/endnote"
	"github.com/evident-tools/evident/export"
)

func readFile(t testing.TB, name string) *endnote.Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	res, err := endnote.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func raw(t *testing.T, r *corpus.Reference, name string) string {
	t.Helper()
	f := r.Field(name)
	if f == nil {
		t.Errorf("%s: no %s field", r.Key, name)
		return ""
	}
	return f.Raw
}

func TestRead_MapsElementsToBibTeXFields(t *testing.T) {
	res := readFile(t, "sample.xml")
	if len(res.Problems) > 0 || len(res.Refs) != 4 {
		t.Fatalf("%d references, problems %v", len(res.Refs), res.Problems)
	}
	j := res.Refs[0]
	if j.Key != "watson1953molecular" || j.Type != "article" || j.Source != (corpus.Source{File: "sample.xml", Line: 4}) {
		t.Errorf("key %q type %q source %v", j.Key, j.Type, j.Source)
	}
	for name, want := range map[string]string{
		"author":                   `{Watson, J. D. and Crick, F. H. C.}`,
		"title":                    `{Molecular structure of nucleic acids: a structure for \textit{deoxyribose} nucleic acid}`,
		"journal":                  `{Nature}`,
		"year":                     `1953`,
		"month":                    `apr`,
		"date":                     `{1953-04-25}`,
		"volume":                   `{171}`,
		"number":                   `{4356}`,
		"pages":                    `{737--738}`,
		"issn":                     `{0028-0836 (Print), 1476-4687 (Electronic)}`,
		"doi":                      `{10.1038/171737a0}`,
		"url":                      `{https://www.nature.com/articles/171737a0}`,
		"keywords":                 `{DNA, double helix}`,
		"endnote-label":            `{DNA 50\% \& more}`,
		"endnote-custom3":          `{checked \{twice\}}`,
		"endnote-rec-number":       `{1}`,
		"endnote-related-urls-url": `{<Go to ISI>://A1953UX00800004}`,
	} {
		if got := raw(t, j, name); got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	if j.Title != "Molecular structure of nucleic acids: a structure for deoxyribose nucleic acid" ||
		j.Year != 1953 || len(j.Authors) != 2 || j.Authors[1].Last != "Crick" || j.IDs.DOI != "10.1038/171737a0" {
		t.Errorf("derived: title %q year %d authors %v ids %+v", j.Title, j.Year, j.Authors, j.IDs)
	}
	if j.Field("database") != nil || j.Field("endnote-database") != nil || j.Field("endnote-source-app") != nil {
		t.Errorf("the exporting library is kept: %v", j.Fields)
	}
	if !strings.HasPrefix(j.Raw, "<record>") || !strings.HasSuffix(j.Raw, "</record>") {
		t.Errorf("raw = %.40q...", j.Raw)
	}

	s := res.Refs[1]
	for name, want := range map[string]string{
		"author":    `{{World Health Organization}}`,
		"editor":    `{Doe, Jane}`,
		"title":     `{R\&D in 50\% of cases\_}`,
		"booktitle": `{A Handbook}`,
		"publisher": `{Springer}`,
		"address":   `{Berlin}`,
		"isbn":      `{978-3-16-148410-0}`,
	} {
		if got := raw(t, s, name); got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	if s.Type != "incollection" || s.Key != "worldhealthorganization2001r" || s.Title != "R&D in 50% of cases_" {
		t.Errorf("book section: type %q key %q title %q", s.Type, s.Key, s.Title)
	}

	th := res.Refs[2]
	if th.Type != "thesis" || raw(t, th, "school") != "{MIT}" || raw(t, th, "type") != "{PhD thesis}" || th.Key != "doe2001things" {
		t.Errorf("thesis: %s %s %v", th.Type, th.Key, th.Fields)
	}
	h := res.Refs[3]
	if h.Type != "misc" || raw(t, h, "endnote-ref-type") != "{Hearing 14}" || len(res.Warnings) != 1 ||
		res.Warnings[0].Error() != "sample.xml:67: EndNote type Hearing 14 has no BibTeX equivalent; read as misc" {
		t.Errorf("unknown type: %s %v, warnings %v", h.Type, h.Fields, res.Warnings)
	}
}

// TestRead_BibTeXExportReadsBack: what an EndNote import stores is valid
// BibTeX, with the same values.
func TestRead_BibTeXExportReadsBack(t *testing.T) {
	res := readFile(t, "sample.xml")
	var buf bytes.Buffer
	if err := export.BibTeX(&buf, res.Refs); err != nil {
		t.Fatal(err)
	}
	p := bibtex.NewParser()
	if _, err := p.Parse("out.bib", buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	back := p.References()
	if len(p.Problems) > 0 || len(back) != len(res.Refs) {
		t.Fatalf("problems %v, %d of %d back\n%s", p.Problems, len(back), len(res.Refs), buf.String())
	}
	for i, r := range res.Refs {
		for _, f := range r.Fields {
			if v, _ := back[i].Get(f.Name); v != f.Value {
				t.Errorf("%s: %s = %q after export, want %q", r.Key, f.Name, v, f.Value)
			}
		}
	}
}

func TestRead_MalformedXMLNamesTheLineAndKeepsTheOtherRecords(t *testing.T) {
	res := readFile(t, "malformed.xml")
	var titles []string
	for _, r := range res.Refs {
		titles = append(titles, r.Title)
	}
	if strings.Join(titles, "|") != "First, fine|Third, fine" {
		t.Errorf("read %q", titles)
	}
	if len(res.Problems) != 1 || res.Problems[0].Error() !=
		"malformed.xml:10: XML error: element <title> closed by </titel>; the record at line 8 was skipped" {
		t.Errorf("problems %v", res.Problems)
	}
}

func TestRead_ProblemsNameTheLine(t *testing.T) {
	deep := "<xml><records><record>\n" + strings.Repeat("<a>", 40) + strings.Repeat("</a>", 40) +
		"</record>\n<record><titles><title>Kept</title></titles></record></records></xml>"
	tests := []struct {
		name, src, want string
		refs            int
	}{
		{"not EndNote", "<?xml version=\"1.0\"?>\n<PubmedArticleSet/>", "f.xml:2: not EndNote XML: the root element is <PubmedArticleSet>, not <xml>", 0},
		{"empty", "", "f.xml: no XML elements: not EndNote XML", 0},
		{"unclosed", "<xml><records>\n<record><titles>\n", "f.xml:3: XML error: unexpected EOF; the record at line 2 was skipped", 0},
		{"too deep", deep, "f.xml:2: elements nest more than 32 deep; the record at line 1 was skipped", 1},
		{"bad entity", "<xml><records><record>\n<title>&bogus;</title></record></records></xml>", "f.xml:2: XML error: invalid character entity &bogus;; the record at line 1 was skipped", 0},
		// Old Mac files end lines with a lone CR, Windows ones with CRLF:
		// both are line ends, as for an editor.
		{"lone CR", "<xml><records>\r<record>\r<title>&bogus;</title></record></records></xml>", "f.xml:3: XML error: invalid character entity &bogus;; the record at line 2 was skipped", 0},
		{"CRLF", "<xml><records>\r\n<record>\r\n<title>&bogus;</title></record></records></xml>", "f.xml:3: XML error: invalid character entity &bogus;; the record at line 2 was skipped", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := endnote.ReadText("f.xml", tt.src)
			if len(res.Problems) != 1 || res.Problems[0].Error() != tt.want || len(res.Refs) != tt.refs {
				t.Errorf("problems %v, %d refs; want %q, %d refs", res.Problems, len(res.Refs), tt.want, tt.refs)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	for src, want := range map[string]bool{
		"\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xml>\n  <records><record>": true,
		"<xml><records>":                      true,
		"<!-- EndNote --><xml>\r\n<records/>": true,
		"<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet>\n<PubmedArticleSet>": false,
		"<xml><record>":          false,
		"TY  - JOUR\n":           false,
		"@article{k, title={x}}": false,
		"":                       false,
	} {
		if got := endnote.Sniff(src); got != want {
			t.Errorf("Sniff(%q) = %v", src, got)
		}
	}
}

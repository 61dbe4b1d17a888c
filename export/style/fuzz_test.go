package style

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export/csl"
)

// FuzzFormat feeds arbitrary BibTeX field values through the importer's
// path into every style: nothing may panic, a text entry is one line, and
// HTML never carries a tag from the input.
func FuzzFormat(f *testing.F) {
	f.Add("article", `The {DNA} of \emph{Zea mays}: why?`, "van der Berg, Jan and {WHO} and others", "321--28", "2019", "10.1/x")
	f.Add("book", "Title", "Bennett, Peter and Nolan, Stuart and Fraser, Mike and Roe, R", "1", "2017", "")
	f.Add("incollection", `<script>x</script> $p$-values \foo{bar}`, "Doe, Jane", "e124", "n.d.", "")
	f.Add("online", "{{{unbalanced", "O'Brien, Jr., Pat", "1-", "", "javascript:alert(1)")
	// The styles are opened once: the processor's are parsed and compiled
	// then, as in a run of evident.
	var all []*Style
	for _, id := range Names() {
		s, err := Lookup(id)
		if err != nil {
			f.Fatal(err)
		}
		all = append(all, s)
	}
	f.Fuzz(func(t *testing.T, typ, title, author, pages, year, doi string) {
		// Two works by the same authors, so that sorting, year suffixes and
		// added names all run.
		fields := ", title = {" + title + "}, author = {" + author + "}, pages = {" + pages +
			"}, year = {" + year + "}, doi = {" + doi + "}, url = {" + doi + "}, booktitle = {" + title + "}}\n"
		src := "@" + typ + "{k" + fields + "@" + typ + "{k2" + strings.Replace(fields, "title = {", "title = {B ", 1)
		p := bibtex.NewParser()
		p.Parse("fuzz.bib", []byte(src))
		var items []csl.Item
		for _, r := range p.References() {
			items = append(items, csl.FromReference(r))
		}
		for _, s := range all {
			id := s.ID
			for _, e := range format(t, s, items) {
				if txt := s.Text(e); strings.ContainsAny(txt, "\n\r") {
					t.Fatalf("%s: text entry spans lines: %q", id, txt)
				}
				h := s.HTML(e)
				if strings.Contains(h, "<script") || strings.Contains(h, `href="javascript`) {
					t.Fatalf("%s: unsafe HTML: %s", id, h)
				}
				_ = s.Markdown(e)
			}
		}
	})
}

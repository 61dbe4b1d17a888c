package csl_test

import (
	"encoding/json"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export/csl"
)

func item(t *testing.T, src string) csl.Item {
	t.Helper()
	p := bibtex.NewParser()
	if _, err := p.Parse("t.bib", []byte(src)); err != nil {
		t.Fatal(err)
	}
	refs := p.References()
	if len(refs) != 1 {
		t.Fatalf("%d references", len(refs))
	}
	return csl.FromReference(refs[0])
}

// TestFromReference_AgreesWithPandoc covers the mapping rules checked
// against pandoc 2.17 (pandoc -f biblatex -t csljson) on real files.
func TestFromReference_AgreesWithPandoc(t *testing.T) {
	for _, c := range []struct {
		name, src string
		check     func(csl.Item) bool
	}{
		{"a page range has a hyphen", `@article{a, pages = {100--110}}`,
			func(it csl.Item) bool { return it.Page == "100-110" }},
		{"the DOI keeps its letter case", `@article{a, doi = {https://doi.org/10.1016/S0140-6736(19)30001-X}}`,
			func(it csl.Item) bool { return it.DOI == "10.1016/S0140-6736(19)30001-X" }},
		{"a subtitle joins the title", `@book{a, title = {Main}, subtitle = {Sub}}`,
			func(it csl.Item) bool { return it.Title == "Main: Sub" }},
		{"a book subtitle joins the container", `@incollection{a, booktitle = {Book}, booksubtitle = {Sub}}`,
			func(it csl.Item) bool { return it.ContainerTitle == "Book: Sub" }},
		{"a book's number is its series number", `@book{a, number = 5, series = {S}}`,
			func(it csl.Item) bool { return it.CollectionNumber == "5" && it.Number == "" }},
		{"a report's number is its own", `@techreport{a, number = {TR-3}}`,
			func(it csl.Item) bool { return it.Number == "TR-3" && it.CollectionNumber == "" }},
		{"an article's number and issue are its issue", `@article{a, number = 7, issue = {Spring}}`,
			func(it csl.Item) bool { return it.Issue == "7, Spring" }},
		{"langid becomes a language tag", `@book{a, langid = {ngerman}}`,
			func(it csl.Item) bool { return it.Language == "de-DE" }},
		{"a language not listed is kept", `@book{a, language = {Klingon}}`,
			func(it csl.Item) bool { return it.Language == "Klingon" }},
		{"pubstate keys are spelled out", `@article{a, pubstate = {inpress}}`,
			func(it csl.Item) bool { return it.Status == "in press" }},
		{"type keys are spelled out", `@thesis{a, type = {phdthesis}}`,
			func(it csl.Item) bool { return it.Genre == "PhD thesis" }},
		{"a master's thesis gets a genre", `@mastersthesis{a, school = {MIT}}`,
			func(it csl.Item) bool { return it.Genre == "Master’s thesis" && it.Publisher == "MIT" }},
		{"a braced editor is one organisation", `@book{a, editor = {{Editorial Board} and Smith, J.}}`,
			func(it csl.Item) bool {
				return len(it.Editor) == 2 && it.Editor[0].Literal == "Editorial Board" && it.Editor[1].Family == "Smith"
			}},
		{"address is the publisher's place, not the venue", `@inproceedings{a, location = {Glasgow}, address = {New York}}`,
			func(it csl.Item) bool { return it.PublisherPlace == "New York" }},
		{"biblatex media types", `@video{a, title = {Film}}`,
			func(it csl.Item) bool { return it.Type == "motion_picture" }},
		{"and others is a literal others", `@article{a, author = {Smith, J. and others}}`,
			func(it csl.Item) bool { return len(it.Author) == 2 && it.Author[1] == csl.Name{Literal: "others"} }},
	} {
		it := item(t, c.src)
		if !c.check(it) {
			b, _ := json.Marshal(it)
			t.Errorf("%s: %s", c.name, b)
		}
	}
}

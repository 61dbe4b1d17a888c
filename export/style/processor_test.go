package style

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/csl/styles"
	"github.com/evident-tools/evident/export/csl"
)

// house is a small numeric style for the tests: the number, the authors in
// capitals, the title in italics.
const house = `<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><title>House</title><id>http://www.zotero.org/styles/house</id><category citation-format="numeric"/></info>
  <citation><layout><text variable="citation-number"/></layout></citation>
  <bibliography>
    <layout>
      <text variable="citation-number" prefix="[" suffix="] "/>
      <names variable="author" suffix=". "><name form="short" text-case="uppercase"/></names>
      <text variable="title" font-style="italic"/>
    </layout>
  </bibliography>
</style>
`

func testItems() []csl.Item {
	return []csl.Item{
		{ID: "b", Type: "book", Title: "The " + csl.SpanNoCase + "TeX</span>book of Things", Author: []csl.Name{{Family: "Knuth", Given: "Donald"}}, Issued: &csl.Date{DateParts: [][]int{{1984}}}},
		{ID: "a", Type: "article-journal", Title: "Why Most Findings Are False", ContainerTitle: "PLoS Medicine", Author: []csl.Name{{Family: "Ioannidis", Given: "John"}}, Issued: &csl.Date{DateParts: [][]int{{2005}}}},
	}
}

func TestOpen_AFileRunsThroughTheProcessorInEveryFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "house.csl")
	if err := os.WriteFile(path, []byte(house), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{Finder: &styles.Finder{}})
	if err != nil {
		t.Fatal(err)
	}
	if !s.Processed() || !s.Numeric || s.ID != "house" || s.Title != "House" || s.Origin != "file" {
		t.Fatalf("style %+v", s)
	}
	es := format(t, s, testItems())
	if len(es) != 2 || es[0].Key != "b" || es[0].Label != "1" || es[1].Label != "2" {
		t.Fatalf("entries %+v: want the given order, numbered", es)
	}
	// The title reaches the processor in sentence case, braces kept.
	if got, want := s.Text(es[0]), "[1] KNUTH. The TeXbook of things"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if got, want := s.HTML(es[1]), "[2] IOANNIDIS. <i>Why most findings are false</i>"; got != want {
		t.Errorf("HTML %q, want %q", got, want)
	}
	if got, want := s.HTMLBody(es[1]), "IOANNIDIS. <i>Why most findings are false</i>"; got != want {
		t.Errorf("HTMLBody %q, want %q", got, want)
	}
	if got, want := s.Markdown(es[1]), "\\[2\\] IOANNIDIS. *Why most findings are false*"; got != want {
		t.Logf("Markdown %q (the processor's escaping), want %q", got, want)
		if !strings.Contains(got, "*Why most findings are false*") {
			t.Errorf("Markdown %q has no italic title", got)
		}
	}
}

func TestOpen_BuiltInStylesRunThroughTheProcessor(t *testing.T) {
	for _, name := range append(Names(), "APA7") {
		s, err := Open(name, Options{Finder: &styles.Finder{}})
		if err != nil {
			t.Fatal(err)
		}
		if !s.Processed() {
			t.Errorf("%s is not run by the processor", name)
		}
	}
	// A locale of the style's own.
	s, err := Open("apa", Options{Locale: "de-DE", Finder: &styles.Finder{}})
	if err != nil {
		t.Fatal(err)
	}
	if !s.Processed() {
		t.Fatal("apa in German is not run by the processor")
	}
	items := []csl.Item{{ID: "x", Type: "chapter", Title: "T", ContainerTitle: "B", Editor: []csl.Name{{Family: "Roe", Given: "R"}, {Family: "Doe", Given: "J"}}, Issued: &csl.Date{DateParts: [][]int{{2001}}}}}
	if got := s.Text(format(t, s, items)[0]); !strings.Contains(got, "(Hrsg.)") {
		t.Errorf("German APA: %q has no Hrsg.", got)
	}
}

func TestOpen_ErrorsNameWhatIsWrong(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csl")
	if err := os.WriteFile(bad, []byte("<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">\n<info><id>x</id><title>X</title></info>\n<citation><layout><names/></layout></citation>\n</style>\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := &styles.Finder{}
	if _, err := Open("nosuch", Options{Finder: f}); !errors.Is(err, styles.ErrNotFound) {
		t.Errorf("nosuch: %v", err)
	}
	if _, err := Open(bad, Options{Finder: f}); err == nil || !strings.HasPrefix(err.Error(), bad+":") {
		t.Errorf("malformed style: %v, want the file and line", err)
	}
	if _, err := Open("apa", Options{Locale: "xx-YY", Finder: f}); err == nil || !strings.Contains(err.Error(), `no CSL locale file for "xx-YY"`) {
		t.Errorf("unknown locale: %v", err)
	}
}

func TestYearSuffix_ComesFromTheStylesCitation(t *testing.T) {
	s, err := openCSL("apa", Options{Finder: &styles.Finder{}})
	if err != nil {
		t.Fatal(err)
	}
	smith := []csl.Name{{Family: "Smith", Given: "Jo"}}
	items := []csl.Item{
		{ID: "s2", Type: "book", Title: "Beta", Author: smith, Issued: &csl.Date{DateParts: [][]int{{2019}}}},
		{ID: "s1", Type: "book", Title: "Alpha", Author: smith, Issued: &csl.Date{DateParts: [][]int{{2019}}}},
		{ID: "d", Type: "book", Title: "Gamma", Author: []csl.Name{{Family: "Doe", Given: "Al"}}, Issued: &csl.Date{DateParts: [][]int{{2019}}}},
	}
	got := map[string]string{}
	for _, e := range format(t, s, items) {
		got[e.Key] = s.YearSuffix(e)
	}
	if got["s1"] != "a" || got["s2"] != "b" || got["d"] != "" {
		t.Errorf("year suffixes %v, want s1=a s2=b d=none", got)
	}
}

func TestTrimLabel_RemovesOnlyTheEntrysNumber(t *testing.T) {
	tests := []struct{ in, label, want string }{
		{"1. Smith J. Title.", "1", "Smith J. Title."},
		{"[12] J. Smith, Title", "12", "J. Smith, Title"},
		{"(3) Smith", "3", "Smith"},
		{"1.Smith", "1", "Smith"},
		{`<div class="csl-left-margin">[1]</div><div class="csl-right-inline">Smith</div>`, "1", "Smith"},
		{"1984 was a year", "1", "1984 was a year"},
		{"Smith J. 1.", "1", "Smith J. 1."},
		{"[1 Smith", "1", "[1 Smith"},
	}
	for _, tc := range tests {
		if got := trimLabel(tc.in, tc.label); got != tc.want {
			t.Errorf("trimLabel(%q, %q) = %q, want %q", tc.in, tc.label, got, tc.want)
		}
	}
}

func TestSafeLinks_UnwrapsAllButWebAddresses(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<a href="javascript:alert(1)">javascript:alert(1)</a>. <i>T</i>`, `javascript:alert(1). <i>T</i>`},
		{`<a href="https://doi.org/10.1/x">https://doi.org/10.1/x</a>`, `<a href="https://doi.org/10.1/x">https://doi.org/10.1/x</a>`},
		{`<a href="JaVaScRiPt&#58;x">a</a> and <a href="http://e.org/?a=1&amp;b=2">b</a>`, `a and <a href="http://e.org/?a=1&amp;b=2">b</a>`},
		{`plain`, `plain`},
	}
	for _, tc := range tests {
		if got := safeLinks(tc.in); got != tc.want {
			t.Errorf("safeLinks(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSafeMarkdownLinks_WritesOtherAddressesAsText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`T. <javascript:alert(1)>`, `T. \<javascript:alert(1)\>`},
		{`<https://doi.org/10.1/x>`, `<https://doi.org/10.1/x>`},
		{`[click](javascript:alert(1)) and [doi](https://doi.org/10.1/x)`, `click and [doi](https://doi.org/10.1/x)`},
		{`no links: a:b`, `no links: a:b`},
	}
	for _, tc := range tests {
		if got := safeMarkdownLinks(tc.in); got != tc.want {
			t.Errorf("safeMarkdownLinks(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAbsorbPrefix_LinksTheWholeAddress(t *testing.T) {
	h := `T. https://doi.org/<a href="https://doi.org/10.1/a&amp;b">10.1/a&amp;b</a> and <a href="https://e.org/x">https://e.org/x</a>`
	if got, want := absorbPrefixHTML(h), `T. <a href="https://doi.org/10.1/a&amp;b">https://doi.org/10.1/a&amp;b</a> and <a href="https://e.org/x">https://e.org/x</a>`; got != want {
		t.Errorf("HTML:\n got %s\nwant %s", got, want)
	}
	md := `T. https://doi.org/[10.1/a\_b](https://doi.org/10.1/a_b). https://doi.org/[10.1/\<x\>](https://doi.org/10.1/<x>)`
	if got, want := absorbPrefixMarkdown(md), `T. <https://doi.org/10.1/a_b>. [https://doi.org/10.1/\<x\>](https://doi.org/10.1/%3Cx%3E)`; got != want {
		t.Errorf("Markdown:\n got %s\nwant %s", got, want)
	}
}

// A style that does not know CSL 1.0.2's software type (apa.csl lays
// software out as a book with a version) gets software as a book; one that
// tests for it keeps it.
func TestProcessorItems_SoftwareAsBookForOlderStyles(t *testing.T) {
	items := []csl.Item{{ID: "p", Type: "software", Title: "Pandoc", Version: "2.17"}}
	for _, tc := range []struct {
		asBook bool
		want   string
	}{{true, "book"}, {false, "software"}} {
		got, err := processorItems(items, tc.asBook)
		if err != nil {
			t.Fatal(err)
		}
		if got[0].Type != tc.want {
			t.Errorf("softwareAsBook %v: type %q, want %q", tc.asBook, got[0].Type, tc.want)
		}
	}
	if softwareTypeRE.MatchString(`<if type="book">`) || !softwareTypeRE.MatchString(`<if type="book software">`) {
		t.Error("softwareTypeRE")
	}
}

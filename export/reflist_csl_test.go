package export_test

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/csl/styles"
	"github.com/evident-tools/evident/export"
	"github.com/evident-tools/evident/export/style"
)

// A numeric style the processor runs writes each entry's number itself;
// an HTML list (<ol>) numbers its items, so the entry's own is left out,
// while text and Markdown keep it.
func TestReferenceList_ProcessorNumericStyleNumbersOnce(t *testing.T) {
	p := bibtex.NewParser()
	if _, err := p.Parse("refs.bib", []byte(`@article{smith2019, author={Smith, Jo}, title={Sugar and caries}, journal={J Dent}, year=2019}
@article{doe2020, author={Doe, Al}, title={Fluoride}, journal={J Dent}, year=2020}`)); err != nil {
		t.Fatal(err)
	}
	lib := p.References()
	st, err := style.Open("vancouver", style.Options{Locale: "en-US", Finder: &styles.Finder{}})
	if err != nil {
		t.Fatal(err)
	}
	entries, err := st.References(lib)
	if err != nil {
		t.Fatal(err)
	}
	var html, text strings.Builder
	if err := export.ReferenceList(&html, st, entries, "html"); err != nil {
		t.Fatal(err)
	}
	if err := export.ReferenceList(&text, st, entries, "text"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(html.String(), `<ol class="references" data-style="vancouver">`) {
		t.Errorf("html list:\n%s", html.String())
	}
	for i, line := range strings.Split(strings.TrimSpace(text.String()), "\n") {
		n := string(rune('1' + i))
		if !strings.HasPrefix(line, n+".") {
			t.Errorf("text entry %d does not start with its number: %q", i+1, line)
		}
		if strings.Contains(html.String(), `">`+n+".") {
			t.Errorf("html entry %d repeats its number:\n%s", i+1, html.String())
		}
	}
}

// APA asks for a hanging indent and double spacing; the HTML list carries
// them, so that a page without a style sheet for them lays it out so.
func TestReferenceList_HTMLCarriesTheStylesLayout(t *testing.T) {
	st, err := style.Open("apa", style.Options{Locale: "en-US", Finder: &styles.Finder{}})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := export.ReferenceList(&b, st, nil, "html"); err != nil {
		t.Fatal(err)
	}
	if want := `<ul class="references" data-style="apa" style="padding-left:2em;text-indent:-2em;line-height:2">`; !strings.HasPrefix(b.String(), want) {
		t.Errorf("list opens %q, want %q", strings.SplitN(b.String(), "\n", 2)[0], want)
	}
}

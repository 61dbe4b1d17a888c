package csl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// miniStyle exercises names, dates, numbers, labels and groups in a few
// lines, so that unit tests read as the feature they test.
const miniStyle = `<?xml version="1.0"?>
<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US" page-range-format="minimal">
<info><title>Mini</title><id>mini</id></info>
<macro name="author"><names variable="author"><name name-as-sort-order="first" and="text" initialize-with=". " delimiter=", "/><substitute><text variable="title"/></substitute></names></macro>
<macro name="year"><date variable="issued"><date-part name="year"/></date></macro>
<citation et-al-min="3" et-al-use-first="1" disambiguate-add-year-suffix="true" collapse="year-suffix">
 <layout prefix="(" suffix=")" delimiter="; "><group delimiter=", "><names variable="author"><name form="short" and="symbol"/><substitute><text variable="title"/></substitute></names><text macro="year"/></group></layout>
</citation>
<bibliography subsequent-author-substitute="---">
 <sort><key macro="author"/><key variable="issued"/></sort>
 <layout suffix="."><group delimiter=". "><text macro="author"/><text macro="year"/><text variable="title" font-style="italic"/>
 <group delimiter=" "><label variable="page" form="short"/><text variable="page"/></group>
 <number variable="edition" form="ordinal"/></group></layout>
</bibliography>
</style>`

func testLocales(t testing.TB) LocaleSource {
	dir := "../../shared/corpora/csl"
	if _, err := os.Stat(filepath.Join(dir, "locales-en-US.xml")); err != nil {
		t.Skip("corpora absent: the tests need ../shared/corpora/csl locales")
	}
	return DirLocales(dir)
}

func mustItems(t testing.TB, js string) []Item {
	t.Helper()
	items, err := ItemsFromJSON([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func newMini(t testing.TB, f Format) *Processor {
	t.Helper()
	st, err := ParseStyle([]byte(miniStyle), "mini.csl")
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(st, testLocales(t), Options{Format: f})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBibliography_RendersNamesDatesPagesAndOrdinals(t *testing.T) {
	p := newMini(t, Text)
	items := mustItems(t, `[
	 {"id":"b","type":"book","title":"Beta","author":[{"family":"Smith","given":"John Ronald"},{"family":"Doe","given":"Jean-Paul"}],"issued":{"date-parts":[[2020]]},"page":"321-328","edition":"2"},
	 {"id":"a","type":"book","title":"Alpha","issued":{"date-parts":[[2019]]}}]`)
	got, err := p.Bibliography(items)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Alpha. 2019.", // no author: the title substitutes, sorts first
		"Smith, J. R. and J.-P. Doe. 2020. Beta. pp. 321–8. 2nd.", // contextual: no comma before "and" with two names
	}
	for i, w := range want {
		if got[i].Text != w {
			t.Errorf("entry %d = %q, want %q", i, got[i].Text, w)
		}
	}
}

func TestBibliography_SubsequentAuthorSubstitute(t *testing.T) {
	p := newMini(t, Text)
	items := mustItems(t, `[
	 {"id":"a","title":"One","author":[{"family":"Roe","given":"Ann"}],"issued":{"date-parts":[[2001]]}},
	 {"id":"b","title":"Two","author":[{"family":"Roe","given":"Ann"}],"issued":{"date-parts":[[2002]]}}]`)
	got, _ := p.Bibliography(items)
	if got[1].Text != "---. 2002. Two." {
		t.Errorf("second entry = %q, want the author replaced by ---", got[1].Text)
	}
}

func TestCitations_YearSuffixDisambiguatesAndCollapses(t *testing.T) {
	p := newMini(t, Text)
	items := mustItems(t, `[
	 {"id":"a","title":"One","author":[{"family":"Roe","given":"Ann"}],"issued":{"date-parts":[[2001]]}},
	 {"id":"b","title":"Two","author":[{"family":"Roe","given":"Ann"}],"issued":{"date-parts":[[2001]]}},
	 {"id":"c","title":"Three","author":[{"family":"Poe","given":"E"},{"family":"Doe","given":"J"},{"family":"Moe","given":"K"}],"issued":{"date-parts":[[1999]]}}]`)
	got, err := p.Citations(items, []Cluster{
		{Items: []CiteRef{{ID: "a"}, {ID: "b"}}},
		{Items: []CiteRef{{ID: "c"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	// without year-suffix-delimiter or cite-group-delimiter, suffixes take
	// the layout's delimiter (CSL 1.0.2)
	if got[0] != "(Roe, 2001a; b)" {
		t.Errorf("cluster 1 = %q, want (Roe, 2001a; b)", got[0])
	}
	if got[1] != "(Poe et al., 1999)" {
		t.Errorf("cluster 2 = %q, want (Poe et al., 1999)", got[1])
	}
}

func TestBibliography_HTMLItalicsInsideItalicsTurnUpright(t *testing.T) {
	p := newMini(t, HTML)
	items := mustItems(t, `[{"id":"a","author":[{"literal":"WHO"}],"title":"A <i>B</i> & C","issued":{"date-parts":[[2001]]}}]`)
	got, _ := p.Bibliography(items)
	if !strings.Contains(got[0].Text, "<i>A </i>B<i> &amp; C</i>") {
		t.Errorf("HTML = %q: italics inside italics should turn upright, & escaped", got[0].Text)
	}
}

func TestParseStyle_ErrorsNameFileAndLine(t *testing.T) {
	cases := map[string]string{
		"names without variable": "<style class=\"in-text\">\n<citation><layout>\n<names/></layout></citation></style>",
		"undefined macro":        "<style class=\"in-text\">\n<citation><layout>\n<text macro=\"nope\"/></layout></citation></style>",
		"broken XML":             "<style class=\"in-text\">\n<citation>\n<layout></citation>",
	}
	for name, src := range cases {
		_, err := ParseStyle([]byte(src), "bad.csl")
		if err == nil || !strings.HasPrefix(err.Error(), "bad.csl:3:") {
			t.Errorf("%s: error %v, want one starting bad.csl:3:", name, err)
		}
	}
}

func TestParseStyle_DependentStyleNamesParent(t *testing.T) {
	src := `<style class="in-text" default-locale="de-DE"><info><id>x</id><title>X</title><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info></style>`
	st, err := ParseStyle([]byte(src), "x.csl")
	if err != nil {
		t.Fatal(err)
	}
	if !st.Dependent || st.Parent != "http://www.zotero.org/styles/apa" || st.DefaultLocale != "de-DE" {
		t.Errorf("got %+v", st)
	}
}

func TestTextCase_TitleKeepsStopWordsAndNocase(t *testing.T) {
	p := &Processor{english: true, loc: &Locale{}}
	n := richNode(`the art of <span class="nocase">iPhone</span> design: a history`)
	got := p.plain(&node{kids: []*node{n}, f: &fmting{textCase: "title"}})
	if got != "The Art of iPhone Design: A History" {
		t.Errorf("title case = %q", got)
	}
}

func TestPageRange_Formats(t *testing.T) {
	cases := []struct{ format, in, want string }{
		{"expanded", "321-28", "321–328"},
		{"minimal", "321-328", "321–8"},
		{"minimal-two", "321-328", "321–28"},
		{"chicago", "71-72", "71–72"},
		{"chicago", "321-328", "321–28"},
		{"chicago", "1496-1504", "1496–1504"},
	}
	for _, c := range cases {
		p := &Processor{style: &Style{opts: map[string]string{"page-range-format": c.format}}, loc: &Locale{}}
		if got := p.pageRange(c.in, "page"); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.format, c.in, got, c.want)
		}
	}
}

func TestOrdinals_FollowLocaleMatchRules(t *testing.T) {
	l, err := ParseLocale(mustRead(t, "../../shared/corpora/csl/locales-en-US.xml"), "en-US")
	if err != nil {
		t.Fatal(err)
	}
	p := &Processor{loc: l}
	for n, want := range map[int]string{1: "1st", 2: "2nd", 11: "11th", 12: "12th", 21: "21st", 102: "102nd", 113: "113th"} {
		if got := p.ordinal(n, ""); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
	if got := p.longOrdinal(3, ""); got != "third" {
		t.Errorf("longOrdinal(3) = %q", got)
	}
}

func TestItemFromJSON_ReadsRawDatesAndParticles(t *testing.T) {
	it, err := ItemFromJSON([]byte(`{"id":7,"issued":{"raw":"2019/2020"},"accessed":"2021-03-04","author":[{"family":"van der Berg","given":"Anna"}],"volume":12}`))
	if err != nil {
		t.Fatal(err)
	}
	if it.ID != "7" || it.Vars["volume"] != "12" {
		t.Errorf("id/volume: %+v", it)
	}
	if d := it.Dates["issued"]; len(d.Parts) != 2 || d.Parts[1].Year != 2020 {
		t.Errorf("issued = %+v", d)
	}
	if d := it.Dates["accessed"]; d.Parts[0] != (DatePart{2021, 3, 4}) {
		t.Errorf("accessed = %+v", d)
	}
	if n := it.Names["author"][0]; n.NonDroppingParticle != "van der" || n.Family != "Berg" {
		t.Errorf("particles = %+v", n)
	}
}

func TestDates_RangesShareCommonParts(t *testing.T) {
	st, err := ParseStyle([]byte(`<style class="in-text"><citation><layout><date variable="issued" form="text"/></layout></citation></style>`), "d.csl")
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(st, testLocales(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	items := mustItems(t, `[{"id":"a","issued":{"date-parts":[[2020,5,3],[2020,5,7]]}},{"id":"b","issued":{"date-parts":[[2020,5],[2020,6]]}},{"id":"c","issued":{"date-parts":[[2020],[2021]]}},{"id":"d","issued":{"date-parts":[[2020]],"season":1}}]`)
	got, _ := p.Citations(items, []Cluster{{Items: []CiteRef{{ID: "a"}}}, {Items: []CiteRef{{ID: "b"}}}, {Items: []CiteRef{{ID: "c"}}}, {Items: []CiteRef{{ID: "d"}}}})
	want := []string{"May 3–7, 2020", "May–June 2020", "2020–2021", "Spring 2020"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("date %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func mustRead(t testing.TB, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Skipf("corpora absent: %v", err)
	}
	return b
}

func TestQuotes_NestedQuotesTakeInnerMarks(t *testing.T) {
	l, err := ParseLocale(mustRead(t, "../../shared/corpora/csl/locales-en-US.xml"), "en-US")
	if err != nil {
		t.Fatal(err)
	}
	p := &Processor{loc: l}
	inner := &node{kids: []*node{leaf("Hamlet")}, f: &fmting{quotes: true}}
	outer := &node{kids: []*node{leaf("On "), inner}, f: &fmting{quotes: true}}
	if got := p.plain(outer); got != "“On ‘Hamlet’”" {
		t.Errorf("nested quotes = %q", got)
	}
}

func TestTextCase_TitleOnlyForEnglishItems(t *testing.T) {
	st, err := ParseStyle([]byte(`<style class="in-text"><citation><layout><text variable="title" text-case="title"/></layout></citation></style>`), "t.csl")
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(st, testLocales(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	items := mustItems(t, `[{"id":"a","title":"la vie en rose"},{"id":"b","title":"la vie en rose","language":"fr"}]`)
	got, _ := p.Citations(items, []Cluster{{Items: []CiteRef{{ID: "a"}}}, {Items: []CiteRef{{ID: "b"}}}})
	if got[0] != "La Vie En Rose" || got[1] != "la vie en rose" {
		t.Errorf("got %q", got)
	}
}

func TestText_DOIBecomesALinkInHTMLAndMarkdown(t *testing.T) {
	st, err := ParseStyle([]byte(`<style class="in-text"><citation><layout><text variable="DOI" prefix="doi:"/></layout></citation></style>`), "l.csl")
	if err != nil {
		t.Fatal(err)
	}
	items := mustItems(t, `[{"id":"a","DOI":"10.1/x_y"}]`)
	cl := []Cluster{{Items: []CiteRef{{ID: "a"}}}}
	for f, want := range map[Format]string{
		Text:     "doi:10.1/x_y",
		HTML:     `doi:<a href="https://doi.org/10.1/x_y">10.1/x_y</a>`,
		Markdown: `doi:[10.1/x\_y](https://doi.org/10.1/x_y)`,
	} {
		p, err := New(st, testLocales(t), Options{Format: f})
		if err != nil {
			t.Fatal(err)
		}
		got, _ := p.Citations(items, cl)
		if got[0] != want {
			t.Errorf("format %d: %q, want %q", f, got[0], want)
		}
	}
}

func TestStyle_WithParentTakesTheDependentsLocale(t *testing.T) {
	dep, err := ParseStyle([]byte(`<style class="in-text" default-locale="de-DE"><info><id>dep</id><title>Dep</title><link href="mini" rel="independent-parent"/></info></style>`), "dep.csl")
	if err != nil {
		t.Fatal(err)
	}
	parent, err := ParseStyle([]byte(miniStyle), "mini.csl")
	if err != nil {
		t.Fatal(err)
	}
	st, err := dep.WithParent(parent)
	if err != nil {
		t.Fatal(err)
	}
	if st.ID != "dep" || st.DefaultLocale != "de-DE" || !st.HasBibliography() {
		t.Fatalf("got %+v", st)
	}
	p, err := New(st, testLocales(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := p.Bibliography(mustItems(t, `[{"id":"a","title":"T","author":[{"family":"A"},{"family":"B"}]}]`))
	if got[0].Text != "A und B. T." {
		t.Errorf("got %q: the German locale should give “und”", got[0].Text)
	}
}

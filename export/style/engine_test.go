package style

import (
	"regexp"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export/csl"
)

func TestFormatNames_InitialsParticlesAndCorporateNames(t *testing.T) {
	vanDerBerg := csl.Name{Family: "Berg", Given: "Jan Willem", DroppingParticle: "van der"}
	deGaulle := csl.Name{Family: "de Gaulle", Given: "Charles", NonDroppingParticle: ""}
	ndp := csl.Name{Family: "Gogh", Given: "Vincent", NonDroppingParticle: "van"}
	king := csl.Name{Family: "King", Given: "Martin Luther", Suffix: "Jr."}
	sartre := csl.Name{Family: "Sartre", Given: "Jean-Paul"}
	who := csl.Name{Literal: "World Health Organization"}
	apa := nameOpts{order: orderAll, initialize: true, initWith: ". ", and: "&", precedesLast: delimAlways}
	vancouver := nameOpts{order: orderAll, initialize: true, initWith: "", sortSep: " ", noHyphenInit: true}
	chicago := nameOpts{order: orderFirst, and: "and", precedesLast: delimAlways}
	for _, tc := range []struct {
		name  string
		names []csl.Name
		opts  nameOpts
		want  string
	}{
		{"apa dropping particle follows the initials", []csl.Name{vanDerBerg}, apa, "Berg, J. W. van der"},
		{"apa non-dropping particle stays with the family name", []csl.Name{ndp}, apa, "van Gogh, V."},
		{"apa corporate name is never inverted or initialised", []csl.Name{who, king}, apa, "World Health Organization, & King, M. L., Jr."},
		{"apa hyphenated given name keeps its hyphen", []csl.Name{sartre}, apa, "Sartre, J.-P."},
		{"vancouver initials run together", []csl.Name{sartre, king}, vancouver, "Sartre JP, King ML Jr."},
		{"chicago inverts the first name only", []csl.Name{vanDerBerg, king, deGaulle}, chicago, "Berg, Jan Willem van der, Martin Luther King Jr., and Charles de Gaulle"},
		{"two names take no comma before and by default", []csl.Name{king, sartre}, nameOpts{and: "and"}, "Martin Luther King Jr. and Jean-Paul Sartre"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatNames(tc.names, tc.opts); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestFormatNames_EtAlThresholds(t *testing.T) {
	var ns []csl.Name
	for _, f := range []string{"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta"} {
		ns = append(ns, csl.Name{Family: f, Given: "A."})
	}
	others := append(append([]csl.Name{}, ns[:2]...), csl.Name{Literal: "others"})
	for _, tc := range []struct {
		name  string
		names []csl.Name
		opts  nameOpts
		want  string
	}{
		{"under the threshold all names show", ns[:6], nameOpts{order: orderAll, etAlMin: 7, etAlUseFirst: 6}, "Alpha, A., Beta, A., Gamma, A., Delta, A., Epsilon, A., Zeta, A."},
		{"at the threshold the first names and et al.", ns[:7], nameOpts{order: orderAll, etAlMin: 7, etAlUseFirst: 6, precedesEtAl: delimAlways}, "Alpha, A., Beta, A., Gamma, A., Delta, A., Epsilon, A., Zeta, A., et al."},
		{"apa keeps the last name after an ellipsis", ns, nameOpts{order: orderAll, and: "&", etAlMin: 8, etAlUseFirst: 6, etAlUseLast: true}, "Alpha, A., Beta, A., Gamma, A., Delta, A., Epsilon, A., Zeta, A., … Theta, A."},
		{"and others gives et al.", others, nameOpts{order: orderFirst, and: "and", precedesEtAl: delimContextual}, "Alpha, A., A. Beta, et al."},
		{"and others counts towards the threshold", others, nameOpts{order: orderFirst, etAlMin: 3, etAlUseFirst: 1}, "Alpha, A. et al."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatNames(tc.names, tc.opts); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSentenceCase_AsPandocReadsBibTeXTitles(t *testing.T) {
	for in, want := range map[string]string{
		"The Art of Computer Programming":                  "The art of computer programming",
		"Adam: A Method for Stochastic Optimization":       "Adam: A method for stochastic optimization",
		"Cognition, Volume 1: Foundations":                 "Cognition, volume 1: foundations",
		"The DNA of iPhone Users at McDonald's":            "The DNA of iPhone users at McDonald's",
		"Study of Things? Foundations Now":                 "Study of things? Foundations now",
		"Refactoring":                                      "Refactoring",
		`Deep <span class="nocase">Learning</span> Models`: `Deep <span class="nocase">Learning</span> models`,
	} {
		got := renderTags(sentenceCase(parseRich(in)))
		if got != want {
			t.Errorf("sentenceCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTitleCase_LeavesCapitalsAndProtectedTextAlone(t *testing.T) {
	for in, want := range map[string]string{
		"the art of computer programming":                 "The Art of Computer Programming",
		"bias in meta-analysis detected by a simple test": "Bias in Meta-Analysis Detected by a Simple Test",
		"power failure: why small samples fail":           "Power Failure: Why Small Samples Fail",
		"RNA-seq data with DESeq2 in mRNA":                "RNA-Seq Data with DESeq2 in mRNA",
		`the <span class="nocase">von</span> effect`:      `The <span class="nocase">von</span> Effect`,
	} {
		got := renderTags(titleCase(parseRich(in)))
		if got != want {
			t.Errorf("titleCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// renderTags writes r back as CSL rich text, for comparing casing.
func renderTags(r Rich) string {
	var b strings.Builder
	for _, s := range r {
		if s.noCase {
			b.WriteString(csl.SpanNoCase + s.Text + "</span>")
			continue
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

func TestPageRange_Formats(t *testing.T) {
	for _, tc := range []struct{ in, format, want string }{
		{"321--328", "expanded", "321–328"},
		{"321-28", "expanded", "321–328"},
		{"321--328", "minimal", "321–8"},
		{"1123--1129", "minimal-two", "1123–29"},
		{"321--328", "chicago", "321–28"},
		{"101--108", "chicago", "101–8"},
		{"1496--1504", "chicago", "1496–1504"},
		{"e124", "expanded", "e124"},
		{"S12--S19", "minimal", "S12–S19"},
		{"12--14, 20--25", "expanded", "12–14, 20–25"},
	} {
		if got := pageRange(tc.in, tc.format); got != tc.want {
			t.Errorf("pageRange(%q, %q) = %q, want %q", tc.in, tc.format, got, tc.want)
		}
	}
}

func TestCat_NeverDoublesPunctuation(t *testing.T) {
	for _, tc := range []struct {
		parts []Rich
		want  string
	}{
		{[]Rich{plain("J Med."), plain(".")}, "J Med."},
		{[]Rich{plain("Why?"), plain(". Next")}, "Why? Next"},
		{[]Rich{quoted(plain("A title"), ""), plain(". Journal")}, "“A title.” Journal"},
		{[]Rich{quoted(plain("Is it?"), ""), plain(". Journal")}, "“Is it?” Journal"},
		{[]Rich{quoted(plain("A title"), ""), plain(", in")}, "“A title,” in"},
		{[]Rich{quotedGB(plain("A title")), plain(", in")}, "‘A title’, in"},
		{[]Rich{italic(plain("Book.")), plain(".")}, "Book."},
	} {
		if got := cat(tc.parts...).String(); got != tc.want {
			t.Errorf("cat = %q, want %q", got, tc.want)
		}
	}
}

func TestFormat_YearSuffixesFollowTheSortedOrder(t *testing.T) {
	smith := []csl.Name{{Family: "Smith", Given: "John"}}
	items := []csl.Item{
		{ID: "b", Type: "article-journal", Author: smith, Title: "Bravo study", ContainerTitle: "Cell", Issued: &csl.Date{DateParts: [][]int{{2019}}}},
		{ID: "a", Type: "article-journal", Author: smith, Title: "Alpha study", ContainerTitle: "Cell", Issued: &csl.Date{DateParts: [][]int{{2019}}}},
		{ID: "c", Type: "article-journal", Author: smith, Title: "Other year", ContainerTitle: "Cell", Issued: &csl.Date{DateParts: [][]int{{2020}}}},
	}
	for _, id := range []string{"apa", "chicago", "harvard"} {
		s, _ := Lookup(id)
		got := format(t, s, items)
		keys := []string{got[0].Key + s.YearSuffix(got[0]), got[1].Key + s.YearSuffix(got[1]), got[2].Key + s.YearSuffix(got[2])}
		if strings.Join(keys, " ") != "aa bb c" {
			t.Errorf("%s: entries and suffixes %v, want [aa bb c]", id, keys)
		}
		if !strings.Contains(s.Text(got[1]), "2019b") {
			t.Errorf("%s: %q lacks 2019b", id, s.Text(got[1]))
		}
	}
}

func TestLookup_AliasesAndUnknownStyles(t *testing.T) {
	for alias, id := range map[string]string{
		"APA7": "apa", "chicago-author-date": "chicago", "harvard-cite-them-right": "harvard",
		"modern-language-association": "mla", "nlm": "vancouver", "american-medical-association": "ama",
	} {
		s, err := Lookup(alias)
		if err != nil || s.ID != id {
			t.Errorf("Lookup(%q) = %v, %v; want %s", alias, s, err, id)
		}
	}
	_, err := Lookup("oxford")
	if err == nil || !strings.Contains(err.Error(), "apa, chicago, harvard, ieee, mla, vancouver") {
		t.Errorf("Lookup(oxford) error = %v, want the list of styles", err)
	}
}

func TestRender_MarkdownAndHTMLEscapeWhatTheBibHolds(t *testing.T) {
	s, _ := Lookup("apa")
	it := csl.Item{ID: "x", Type: "book", Author: []csl.Name{{Family: "O'Hara", Given: "Scarlett"}},
		Title:  `Stars & <script>alert(1)</script> *bold* [link](javascript:x) <i>Zea mays</i>`,
		Issued: &csl.Date{DateParts: [][]int{{2020}}}, Publisher: "Tara & Sons", URL: "javascript:alert(1)"}
	e := format(t, s, []csl.Item{it})[0]
	html := s.HTML(e)
	for _, bad := range []string{"<script>", `href="javascript`} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML has %q: %s", bad, html)
		}
	}
	for _, want := range []string{"&lt;script&gt;", "Stars &amp;", "O’Hara", "<i>Stars"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q: %s", want, html)
		}
	}
	md := s.Markdown(e)
	for _, want := range []string{`\*bold\*`, `\[link\]`, `\<script`, "*Stars"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q: %s", want, md)
		}
	}
	if regexp.MustCompile(`(^|[^\\])<javascript|[^\\]\]\(javascript`).MatchString(md) {
		t.Errorf("Markdown links javascript: %s", md)
	}
	// The species name, italic in the title, turns upright inside the
	// italic book title.
	if !strings.Contains(html, "<i>Stars") || strings.Contains(html, "<i>Zea mays") || strings.Contains(html, "Zea mays</i>") && !strings.Contains(html, "font-style:normal") {
		t.Errorf("Zea mays should flip to upright inside an italic title: %s", html)
	}
}

func TestMarkdown_LinksThatCannotBeAutolinks(t *testing.T) {
	s, _ := Lookup("apa")
	sici := "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"
	e := format(t, s, []csl.Item{{ID: "x", Type: "article-journal", Title: "T", ContainerTitle: "J", DOI: sici}})[0]
	md := s.Markdown(e)
	want := `[https://doi.org/10.1002/(SICI)1097-4571(199806)49:8\<693::AID-ASI4\>3.0.CO;2-0](https://doi.org/10.1002/%28SICI%291097-4571%28199806%2949:8%3C693::AID-ASI4%3E3.0.CO;2-0)`
	if !strings.Contains(md, want) {
		t.Errorf("Markdown = %s\nwant the link %s", md, want)
	}
}

func TestReferences_EntriesAreKeyedByLibraryKey(t *testing.T) {
	p := bibtex.NewParser()
	if _, err := p.Parse("refs.bib", []byte(`@article{smith2019, author={Smith, Jo}, title={A}, journal={J}, year=2019}
@article{doe2020, author={Doe, Al}, title={B}, journal={J}, year=2020}`)); err != nil {
		t.Fatal(err)
	}
	s, _ := Lookup("vancouver")
	entries, err := s.References(p.References())
	if err != nil {
		t.Fatal(err)
	}
	if entries[0].Key != "smith2019" || entries[0].Label != "1" || entries[1].Key != "doe2020" {
		t.Fatalf("entries %+v, want smith2019 as 1 and doe2020 as 2 in the given order", entries)
	}
	byKey := ByKey(entries)
	if got := s.Text(byKey["doe2020"]); !strings.HasPrefix(got, "2. Doe A.") {
		t.Errorf("ByKey(doe2020) = %q", got)
	}
}

func TestAddNames_TellsTheSamePeopleApartInTheBibliography(t *testing.T) {
	bennett := csl.Name{Family: "Bennett", Given: "Peter"}
	item := func(id, title string, second string) csl.Item {
		return csl.Item{ID: id, Type: "book", Title: title, Publisher: "ACM",
			Author: []csl.Name{bennett, {Family: second, Given: "Ann"}, {Family: "Zed", Given: "Zoe"}},
			Issued: &csl.Date{DateParts: [][]int{{2017}}}}
	}
	items := []csl.Item{item("a", "Resonant bits", "Nolan"), item("b", "Instructiblocks", "Fraser"),
		{ID: "c", Type: "book", Title: "Other", Author: []csl.Name{{Family: "Bennett", Given: "Cynthia"}, {Family: "Roe", Given: "R."}, {Family: "Poe", Given: "P."}}}}
	s, _ := Lookup("mla")
	got := map[string]string{}
	for _, e := range format(t, s, items) {
		got[e.Key] = s.Text(e)
	}
	if !strings.HasPrefix(got["a"], "Bennett, Peter, Ann Nolan, et al.") || !strings.HasPrefix(got["b"], "Bennett, Peter, Ann Fraser, et al.") {
		t.Errorf("the two Bennett et al. works should show a second name:\n%s\n%s", got["a"], got["b"])
	}
	if !strings.HasPrefix(got["c"], "Bennett, Cynthia, et al.") {
		t.Errorf("another Bennett is told apart by the given name, not by more names: %s", got["c"])
	}
}

package style

import (
	"regexp"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export/csl"
)

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

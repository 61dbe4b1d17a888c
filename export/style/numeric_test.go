package style

import (
	"fmt"
	"strings"
	"testing"

	"github.com/evident-tools/evident/export/csl"
)

// authorsOf returns n real-looking people: the first authors of the
// Protein Data Bank paper, then numbered names, enough for et-al tests.
func authorsOf(n int) []csl.Name {
	real := []csl.Name{
		{Family: "Berman", Given: "Helen M."}, {Family: "Westbrook", Given: "John"},
		{Family: "Feng", Given: "Zukang"}, {Family: "Gilliland", Given: "Gary"},
		{Family: "Bhat", Given: "T. N."}, {Family: "Weissig", Given: "Helge"},
		{Family: "Shindyalov", Given: "Ilya N."}, {Family: "Bourne", Given: "Philip E."},
	}
	out := make([]csl.Name, 0, n)
	for i := 0; i < n; i++ {
		if i < len(real) {
			out = append(out, real[i])
			continue
		}
		out = append(out, csl.Name{Family: fmt.Sprintf("Author%d", i+1), Given: "A."})
	}
	return out
}

func journalItem(authors []csl.Name) csl.Item {
	return csl.Item{
		ID: "berman2000protein", Type: "article-journal",
		Author: authors, Title: `The <span class="nocase">Protein Data Bank</span>`,
		ContainerTitle: "Nucleic Acids Research", Volume: "28", Issue: "1", Page: "235-242",
		Issued: &csl.Date{DateParts: [][]int{{2000}}},
	}
}

func formatOne(t *testing.T, id string, it csl.Item) string {
	t.Helper()
	s, err := Lookup(id)
	if err != nil {
		t.Fatal(err)
	}
	es := format(t, s, []csl.Item{it})
	if len(es) != 1 {
		t.Fatalf("%s: %d entries for one item", id, len(es))
	}
	return s.Text(es[0])
}

func TestNumeric_EtAlThresholds(t *testing.T) {
	tests := []struct {
		style   string
		authors int
		names   string // the text before the title
	}{
		{"vancouver", 6, "1. Berman HM, Westbrook J, Feng Z, Gilliland G, Bhat TN, Weissig H."},
		{"vancouver", 7, "1. Berman HM, Westbrook J, Feng Z, Gilliland G, Bhat TN, Weissig H, et al."},
		{"vancouver", 8, "1. Berman HM, Westbrook J, Feng Z, Gilliland G, Bhat TN, Weissig H, et al."},
		{"ama", 6, "1. Berman HM, Westbrook J, Feng Z, Gilliland G, Bhat TN, Weissig H."},
		{"ama", 7, "1. Berman HM, Westbrook J, Feng Z, et al."},
		{"ama", 21, "1. Berman HM, Westbrook J, Feng Z, et al."},
		{"ieee", 2, "[1] H. M. Berman and J. Westbrook,"},
		{"ieee", 3, "[1] H. M. Berman, J. Westbrook, and Z. Feng,"},
		{"ieee", 6, "[1] H. M. Berman, J. Westbrook, Z. Feng, G. Gilliland, T. N. Bhat, and H. Weissig,"},
		{"ieee", 7, "[1] H. M. Berman et al.,"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%d", tt.style, tt.authors), func(t *testing.T) {
			got := formatOne(t, tt.style, journalItem(authorsOf(tt.authors)))
			if !strings.HasPrefix(got, tt.names+" ") {
				t.Errorf("got  %s\nwant it to start with %s", got, tt.names)
			}
		})
	}
}

// "and others" in BibTeX always gives et al., whatever the count.
func TestNumeric_AndOthersGivesEtAl(t *testing.T) {
	authors := append(authorsOf(2), csl.Name{Literal: "others"})
	want := map[string]string{
		"vancouver": "1. Berman HM, Westbrook J, et al. The Protein Data Bank.",
		"ama":       "1. Berman HM, Westbrook J, et al. The Protein Data Bank.",
		"ieee":      "[1] H. M. Berman, J. Westbrook, et al., “The Protein Data Bank,”",
	}
	for id, w := range want {
		if got := formatOne(t, id, journalItem(authors)); !strings.HasPrefix(got, w) {
			t.Errorf("%s:\n got %s\nwant %s...", id, got, w)
		}
	}
}

func TestNumeric_ParticlesSuffixesAndCorporateNames(t *testing.T) {
	authors := []csl.Name{
		{Family: "Walt", Given: "Stéfan J.", NonDroppingParticle: "van der"},
		{Family: "Neumann", Given: "John", DroppingParticle: "von"},
		{Family: "Steele", Given: "Guy L.", Suffix: "Jr."},
		{Literal: "World Health Organization"},
		{Family: "Chang", Given: "Ming-Wei"},
	}
	want := map[string]string{
		// A non-dropping particle stays before the family name; a dropping
		// one follows the initials when the name is inverted; an
		// organisation is never initialised; hyphenated given names lose
		// the hyphen in Vancouver and AMA (initialize-with-hyphen="false").
		"vancouver": "1. van der Walt SJ, Neumann J von, Steele GL Jr., World Health Organization, Chang MW. ",
		"ama":       "1. van der Walt SJ, Neumann J von, Steele GL Jr., World Health Organization, Chang MW. ",
		"ieee":      "[1] S. J. van der Walt, J. von Neumann, G. L. Steele Jr., World Health Organization, and M.-W. Chang, ",
	}
	for id, w := range want {
		if got := formatOne(t, id, journalItem(authors)); !strings.HasPrefix(got, w) {
			t.Errorf("%s:\n got %s\nwant %s...", id, got, w)
		}
	}
}

func TestNumeric_PageRanges(t *testing.T) {
	tests := []struct{ page, vancouver, ama, ieee string }{
		{"321-28", ":321–8.", ":321-328.", "pp. 321–28,"}, // ieee.csl sets no page-range-format
		{"1453--1462", ":1453–62.", ":1453-1462.", "pp. 1453–1462,"},
		{"123", ":123.", ":123.", "p. 123,"},
		{"1-11", ":1–11.", ":1-11.", "pp. 1–11,"}, // pandoc 2.17 gives "1–1" in Vancouver
		{"e103-e109", ":e103–9.", ":e103-e109.", "pp. e103–e109,"},
		{"S12--S19, S25", ":S12–9, S25.", ":S12-S19, S25.", "pp. S12–S19, S25,"},
		{"e124", ":e124.", ":e124.", "p. e124,"},
	}
	for _, tt := range tests {
		it := journalItem(authorsOf(1))
		it.Page = tt.page
		for id, want := range map[string]string{"vancouver": tt.vancouver, "ama": tt.ama, "ieee": tt.ieee} {
			if got := formatOne(t, id, it); !strings.Contains(got, want) {
				t.Errorf("%s, pages %q:\n got %s\nwant it to contain %s", id, tt.page, got, want)
			}
		}
	}
}

// Without volume and issue, a journal's pages follow the date's semicolon
// directly, as citeproc joins "2000;" and ":235–42".
func TestVancouver_NoColonAfterSemicolon(t *testing.T) {
	it := journalItem(authorsOf(1))
	it.Volume, it.Issue = "", ""
	if got := formatOne(t, "vancouver", it); !strings.HasSuffix(got, "Nucleic Acids Research. 2000;235–42.") {
		t.Errorf("got %s", got)
	}
}

func TestIEEE_ArticleNumber(t *testing.T) {
	it := journalItem(authorsOf(1))
	it.Page, it.Number = "", "e1000097"
	if got := formatOne(t, "ieee", it); !strings.Contains(got, ", Art. no. e1000097, 2000.") {
		t.Errorf("got %s", got)
	}
}

func TestNumeric_LabelsKeepTheGivenOrder(t *testing.T) {
	a, b := journalItem(authorsOf(1)), journalItem(authorsOf(2))
	b.ID = "second"
	for id, labels := range map[string][2]string{"vancouver": {"1. ", "2. "}, "ama": {"1. ", "2. "}, "ieee": {"[1] ", "[2] "}} {
		s, _ := Lookup(id)
		// The caller passes the order of first citation; numeric styles
		// do not sort, even when the second item would sort first.
		es := format(t, s, []csl.Item{b, a})
		if es[0].Key != "second" || es[0].Label != "1" || es[1].Label != "2" {
			t.Errorf("%s: entries %q %q labelled %q %q", id, es[0].Key, es[1].Key, es[0].Label, es[1].Label)
		}
		for i, e := range es {
			if got := s.Text(e); !strings.HasPrefix(got, labels[i]) {
				t.Errorf("%s: %q does not start with %q", id, got, labels[i])
			}
		}
	}
}

// A .bib file can hold anything: the HTML of every numeric style escapes
// it and links only web URLs.
func TestNumeric_HTMLIsEscaped(t *testing.T) {
	it := journalItem([]csl.Name{{Literal: `<script>alert("x")</script>`}})
	it.Title = `Fish & chips <img src=x onerror=alert(1)>`
	it.DOI = `10.1000/"><script>`
	it.URL = "javascript:alert(1)"
	for _, id := range []string{"vancouver", "ama", "ieee"} {
		s, _ := Lookup(id)
		h := s.HTML(format(t, s, []csl.Item{it})[0])
		for _, bad := range []string{"<script", "<img", `href="javascript`} {
			if strings.Contains(h, bad) {
				t.Errorf("%s: HTML contains %s: %s", id, bad, h)
			}
		}
		if !strings.Contains(h, "Fish &amp; chips &lt;img") {
			t.Errorf("%s: title not escaped: %s", id, h)
		}
	}
}

func TestIEEE_EtAlIsItalic(t *testing.T) {
	s, _ := Lookup("ieee")
	e := format(t, s, []csl.Item{journalItem(authorsOf(8))})[0]
	if md := s.Markdown(e); !strings.HasPrefix(md, `\[1\] H. M. Berman *et al.*, “The Protein Data Bank,” *Nucleic Acids Research*`) {
		t.Errorf("Markdown: %s", md)
	}
}

func TestNumeric_Lookup(t *testing.T) {
	for name, id := range map[string]string{
		"vancouver": "vancouver", "NLM": "vancouver", "ama": "ama",
		"american-medical-association": "ama", "IEEE": "ieee",
	} {
		s, err := Lookup(name)
		if err != nil || s.ID != id || !s.Numeric {
			t.Errorf("Lookup(%q) = %v, %v; want numeric style %s", name, s, err, id)
		}
	}
}

// Every CSL type, with every variable empty or filled with odd values,
// formats without a panic, with its label, on one line.
func TestNumeric_EveryTypeFormats(t *testing.T) {
	types := []string{"article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
		"broadcast", "chapter", "dataset", "document", "entry-dictionary", "entry-encyclopedia", "graphic",
		"interview", "legal_case", "legislation", "manuscript", "map", "motion_picture", "pamphlet",
		"paper-conference", "patent", "periodical", "personal_communication", "post", "post-weblog",
		"report", "review", "review-book", "software", "song", "speech", "standard", "thesis", "webpage", ""}
	full := csl.Item{
		Author: []csl.Name{{Literal: "others"}}, Editor: authorsOf(9),
		Translator: []csl.Name{{Family: "Anscombe", Given: "G. E. M."}}, CollectionEditor: authorsOf(2),
		Title: "<i>Unclosed <b>tags</span> ; . ,", ContainerTitle: "J. Odd. Stud.", ContainerTitleShort: "J Odd Stud",
		CollectionTitle: "Series", EventTitle: "Meeting", EventPlace: "Online",
		Issued: &csl.Date{Literal: "in press"}, Accessed: &csl.Date{DateParts: [][]int{{2026, 13, 40}}},
		Volume: "IV", Issue: "2-3", Number: "e12345", Page: "--", Edition: "Rev.", Version: "1.0",
		Genre: "Draft", Status: "forthcoming", Publisher: "Press", PublisherPlace: "Place",
		DOI: "10.1000/x", URL: "https://example.org/a b", Medium: "CD-ROM", NumberOfPages: "12",
	}
	for _, id := range []string{"vancouver", "ama", "ieee"} {
		s, _ := Lookup(id)
		for _, typ := range types {
			for i, it := range []csl.Item{{ID: "empty", Type: typ}, full} {
				it.Type = typ
				it.ID = fmt.Sprintf("%s-%d", typ, i)
				es := format(t, s, []csl.Item{it})
				txt := s.Text(es[0])
				if !strings.Contains(txt, es[0].Label) || strings.ContainsAny(txt, "\n\r") || strings.Contains(txt, "..") {
					t.Errorf("%s %s: %q", id, it.ID, txt)
				}
				_ = s.Markdown(es[0])
				_ = s.HTML(es[0])
			}
		}
	}
}

func TestNumeric_EditionsWrittenAsOrdinals(t *testing.T) {
	it := csl.Item{ID: "crawley2012r", Type: "book", Author: []csl.Name{{Family: "Crawley", Given: "Michael J."}},
		Title: `The <span class="nocase">R</span> book`, Publisher: "Wiley", Issued: &csl.Date{DateParts: [][]int{{2012}}}}
	for _, tt := range []struct{ edition, vancouver, ama, ieee string }{
		{"2", "2nd ed.", "2nd ed.", "2nd ed."},
		{"2nd", "2nd ed.", "2nd ed.", "2nd ed."},
		{"Second", "Second.", "Second.", "Second."},
		{"Rev.", "Rev.", "Rev.", "Rev."},
	} {
		it.Edition = tt.edition
		for id, want := range map[string]string{"vancouver": "book. " + tt.vancouver, "ama": "Book. " + tt.ama, "ieee": "book, " + tt.ieee} {
			if got := formatOne(t, id, it); !strings.Contains(got, want) {
				t.Errorf("%s, edition %q:\n got %s\nwant it to contain %q", id, tt.edition, got, want)
			}
		}
	}
}

// howpublished = {\url{...}} gives both the publisher and the URL; the URL
// is printed once.
func TestNumeric_URLNotRepeatedAsPublisher(t *testing.T) {
	u := "https://www.acm.org/publications/policies/artifact-review-and-badging-current"
	it := csl.Item{ID: "acm2020badging", Type: "document", Author: []csl.Name{{Literal: "ACM"}},
		Title: "Artifact review and badging version 1.1", Publisher: u, URL: u,
		Issued: &csl.Date{DateParts: [][]int{{2020, 8}}}}
	for _, id := range []string{"vancouver", "ama", "ieee"} {
		if got := formatOne(t, id, it); strings.Count(got, u) != 1 {
			t.Errorf("%s: %s", id, got)
		}
	}
}

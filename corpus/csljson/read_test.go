package csljson

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// one reads a one-item array and returns its reference.
func one(t *testing.T, item string) *corpus.Reference {
	t.Helper()
	res := ReadText("refs.json", "["+item+"]")
	if len(res.Refs) != 1 || len(res.Problems) != 0 {
		t.Fatalf("read %d references, problems %v", len(res.Refs), res.Problems)
	}
	return res.Refs[0]
}

func field(r *corpus.Reference, name string) string {
	if f := r.Field(name); f != nil {
		return f.Raw
	}
	return ""
}

func TestReadText_Dates(t *testing.T) {
	tests := []struct {
		name, issued      string
		year, month, date string // the fields' BibTeX source
		wantYear          int
	}{
		{"date-parts", `{"date-parts": [[2019, 3, 1]]}`, "2019", "mar", "{2019-03-01}", 2019},
		{"year and month", `{"date-parts": [[2020, 2]]}`, "2020", "feb", "", 2020},
		{"numbers as strings", `{"date-parts": [["2011", "5", "25"]]}`, "2011", "may", "{2011-05-25}", 2011},
		{"range", `{"date-parts": [[2001], [2003]]}`, "2001", "", "{2001/2003}", 2001},
		{"raw", `{"raw": "2019"}`, "2019", "", "", 2019},
		{"raw ISO", `{"raw": "2018-07-04"}`, "2018", "jul", "{2018-07-04}", 2018},
		{"literal", `{"literal": "in press"}`, "{in press}", "", "", 0},
		{"null part", `{"date-parts": [[null]]}`, "", "", "", 0},
		{"empty part", `{"date-parts": [[]]}`, "", "", "", 0},
		{"four parts", `{"date-parts": [[2017, 1, 2, 3]]}`, "2017", "jan", "{2017-01-02}", 2017},
		{"day the month lacks", `{"date-parts": [[2019, 2, 30]]}`, "2019", "feb", "", 2019},
		{"season", `{"date-parts": [[2017]], "season": "Spring"}`, "2017", "", "{2017-21}", 2017},
		{"pseudo-month season", `{"date-parts": [[2017, 14]]}`, "2017", "", "{2017-22}", 2017},
		{"EDTF string", `"2011-05-25~/2012-06-26~"`, "2011", "may", "{2011-05-25/2012-06-26}", 2011},
		{"EDTF season", `"2017-23"`, "2017", "", "{2017-23}", 2017},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := one(t, `{"type": "book", "title": "T", "issued": `+tt.issued+`}`)
			got := [3]string{field(r, "year"), field(r, "month"), field(r, "date")}
			if want := [3]string{tt.year, tt.month, tt.date}; got != want || r.Year != tt.wantYear {
				t.Errorf("year, month, date = %q (Year %d), want %q (%d)", got, r.Year, want, tt.wantYear)
			}
			if f := r.Field("csl-issued"); f != nil {
				t.Errorf("issued kept as csl-issued: %s", f.Raw)
			}
		})
	}
}

func TestReadText_Names(t *testing.T) {
	tests := []struct {
		name, author, raw string
		want              []corpus.Name
		etAl              bool
	}{
		{"family and given", `[{"family": "Smith", "given": "Jane Q."}]`, "{Smith, Jane Q.}",
			[]corpus.Name{{First: "Jane Q.", Last: "Smith"}}, false},
		{"particle", `[{"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}]`, "{van der Berg, Jan}",
			[]corpus.Name{{First: "Jan", Von: "van der", Last: "Berg"}}, false},
		{"dropping particle", `[{"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"}]`, "{van Beethoven, Ludwig}",
			[]corpus.Name{{First: "Ludwig", Von: "van", Last: "Beethoven"}}, false},
		{"capital particle", `[{"family": "Gogh", "given": "Vincent", "non-dropping-particle": "Van"}]`, "{{Van Gogh}, Vincent}",
			[]corpus.Name{{First: "Vincent", Last: "Van Gogh"}}, false},
		{"suffix", `[{"family": "King", "given": "Martin Luther", "suffix": "Jr."}]`, "{King, Jr., Martin Luther}",
			[]corpus.Name{{First: "Martin Luther", Last: "King", Jr: "Jr."}}, false},
		{"literal", `[{"literal": "World Health Organization"}]`, "{{World Health Organization}}",
			[]corpus.Name{{Literal: "World Health Organization"}}, false},
		{"Crossref organisation", `[{"name": "R&D Team and Friends"}]`, `{{R\&D Team and Friends}}`,
			[]corpus.Name{{Literal: "R&D Team and Friends"}}, false},
		{"family with and", `[{"family": "Marks and Spencer", "given": "A"}]`, "{{Marks and Spencer}, A}",
			[]corpus.Name{{First: "A", Last: "Marks and Spencer"}}, false},
		{"and others", `[{"family": "Doe", "given": "J"}, {"literal": "others"}]`, "{Doe, J and others}",
			[]corpus.Name{{First: "J", Last: "Doe"}}, true},
		{"given only", `[{"given": "Plato"}]`, "{Plato}", []corpus.Name{{Last: "Plato"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := one(t, `{"type": "book", "title": "T", "author": `+tt.author+`}`)
			if got := field(r, "author"); got != tt.raw {
				t.Errorf("author = %s, want %s", got, tt.raw)
			}
			if len(r.Authors) != len(tt.want) || r.AuthorsEtAl != tt.etAl {
				t.Fatalf("Authors = %+v (et al. %v), want %+v (%v)", r.Authors, r.AuthorsEtAl, tt.want, tt.etAl)
			}
			for i := range tt.want {
				if r.Authors[i] != tt.want[i] {
					t.Errorf("Authors[%d] = %+v, want %+v", i, r.Authors[i], tt.want[i])
				}
			}
		})
	}
}

func TestRichToLaTeX(t *testing.T) {
	tests := []struct{ in, raw, plain string }{
		{"Plain title", "Plain title", "Plain title"},
		{"The <i>E. coli</i> genome", `The \textit{E. coli} genome`, "The E. coli genome"},
		{"<b>Bold</b> and H<sub>2</sub>O and x<sup>2</sup>", `\textbf{Bold} and H\textsubscript{2}O and x\textsuperscript{2}`, "Bold and H₂O and x²"},
		{`A <span class="nocase">pH</span> test`, "A {pH} test", "A pH test"},
		{`<span style="font-variant:small-caps;">Caps</span>`, `\textsc{Caps}`, "Caps"},
		{"R&amp;D at 50% <i>unclosed", `R\&D at 50\% \textit{unclosed}`, "R&D at 50% unclosed"},
		{"a < b </i> c", "a < b </i> c", "a < b </i> c"},
		{"<i>nested <b>bold</b></i>", `\textit{nested \textbf{bold}}`, "nested bold"},
		{"braces { and _", `braces \textbraceleft{} and \_`, "braces { and _"},
	}
	for _, tt := range tests {
		r := one(t, `{"type": "book", "title": `+quote(tt.in)+`}`)
		if got := field(r, "title"); got != "{"+tt.raw+"}" {
			t.Errorf("title %q: raw %s, want {%s}", tt.in, got, tt.raw)
		}
		if r.Title != tt.plain {
			t.Errorf("title %q: Title %q, want %q", tt.in, r.Title, tt.plain)
		}
	}
}

func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func TestReadText_Fields(t *testing.T) {
	r := one(t, `{"id": "http://zotero.org/users/1/items/AB", "type": "article-journal", "title": "Sci-Hub",
		"container-title": "eLife", "volume": 7, "issue": "1", "page": "e32822-e32830", "DOI": "https://doi.org/10.7554/ELIFE.32822",
		"PMID": "29424689", "ISSN": ["2050-084X"], "author": [{"family": "Himmelstein", "given": "Daniel S."}],
		"issued": {"date-parts": [[2018]]}, "reference-count": 55, "funder": [{"name": "Sloan"}], "note": "50% & more"}`)
	want := map[string]string{
		"journal": "{eLife}", "volume": "{7}", "number": "{1}", "pages": "{e32822--e32830}",
		"doi": "{https://doi.org/10.7554/ELIFE.32822}", "pmid": "{29424689}", "issn": "{2050-084X}", "year": "2018",
		"csl-reference-count": "{55}", "csl-funder": `{[\{"name":"Sloan"\}]}`, "csl-id": "{http://zotero.org/users/1/items/AB}",
		"note": `{50\% \& more}`,
	}
	for name, raw := range want {
		if got := field(r, name); got != raw {
			t.Errorf("%s = %s, want %s", name, got, raw)
		}
	}
	if r.Key != "himmelstein2018sci" || r.Type != "article" || r.IDs.DOI != "10.7554/elife.32822" || r.IDs.PMID != "29424689" {
		t.Errorf("key %s, type %s, ids %+v", r.Key, r.Type, r.IDs)
	}
}

func TestReadText_Keys(t *testing.T) {
	res := ReadText("refs.json", `[
{"id": "1", "citation-key": "smith2019", "type": "book", "title": "A"},
{"id": "smith2019", "type": "book", "title": "B"},
{"id": "doe99", "type": "book", "title": "C"},
{"id": 12, "type": "book", "title": "The Effect", "author": [{"family": "Núñez"}], "issued": {"date-parts": [[2001]]}}
]`)
	var keys []string
	for _, r := range res.Refs {
		keys = append(keys, r.Key)
	}
	if got := strings.Join(keys, " "); got != "smith2019 smith2019a doe99 nunez2001effect" {
		t.Errorf("keys %s", got)
	}
	if len(res.Warnings) != 1 || res.Warnings[0].Line != 3 || !strings.Contains(res.Warnings[0].Msg, "renamed smith2019a") {
		t.Errorf("warnings %v", res.Warnings)
	}
}

func TestReadText_Shapes(t *testing.T) {
	tests := []struct {
		name, text string
		refs       int
		problems   []string
	}{
		{"array", `[{"type": "book", "title": "A"}, {"type": "book", "title": "B"}]`, 2, nil},
		{"items object", "{\"items\": [\n{\"type\": \"book\", \"title\": \"A\"}\n], \"version\": 1}", 1, nil},
		{"one item", `{"type": "book", "title": "A"}`, 1, nil},
		{"empty", "", 0, nil},
		{"empty array", "[]", 0, nil},
		{"not an object", "[\n{\"title\": \"A\"},\n42,\n{\"title\": \"B\"}\n]", 2, []string{"refs.json:3: item 2 is a number, not an object"}},
		{"no CSL", "[\n{\"foo\": 1}\n]", 0, []string{"refs.json:2: item 1 has no type, title, author, date, DOI or URL; not a CSL item"}},
		{"broken JSON", "[\n{\"title\": \"A\"},\n{\"title\": \"B\",,}\n]", 1, []string{"refs.json:3: invalid JSON after item 1: invalid character ',' looking for beginning of object key string; the rest of the file is not read"}},
		{"cut short", "[\n{\"title\": \"A\"},\n{\"title\": ", 1, []string{"refs.json:3: invalid JSON after item 1: unexpected end of file; the rest of the file is not read"}},
		{"a string", `"hello"`, 0, []string{"refs.json:1: not CSL-JSON: expected an array of items or an object, found a string"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ReadText("refs.json", tt.text)
			var probs []string
			for _, p := range res.Problems {
				probs = append(probs, p.Error())
			}
			if len(res.Refs) != tt.refs || strings.Join(probs, "\n") != strings.Join(tt.problems, "\n") {
				t.Errorf("read %d, problems %q; want %d, %q", len(res.Refs), probs, tt.refs, tt.problems)
			}
		})
	}
}

func TestReadText_SourceLineAndRaw(t *testing.T) {
	res := ReadText("refs.json", "[\n  {\"type\": \"book\",\n   \"title\": \"A\"},\n  {\"title\": \"B\"}\n]\n")
	if len(res.Refs) != 2 || res.Refs[0].Source.Line != 2 || res.Refs[1].Source.Line != 4 {
		t.Fatalf("refs %+v", res.Refs)
	}
	if res.Refs[1].Raw != `{"title": "B"}` || res.Refs[1].Type != "misc" {
		t.Errorf("raw %q type %s", res.Refs[1].Raw, res.Refs[1].Type)
	}
}

func TestSniff(t *testing.T) {
	yes := []string{`[{"type": "book"}]`, "\n  {\"items\": [{\"title\": \"x\"}]}", `{"id": "a", "issued": {}}`}
	no := []string{"", "@article{x,}", `[1, 2]`, `{"name": "package.json"}`, "[not json", "TY  - JOUR"}
	for _, s := range yes {
		if !Sniff(s) {
			t.Errorf("Sniff(%q) = false", s)
		}
	}
	for _, s := range no {
		if Sniff(s) {
			t.Errorf("Sniff(%q) = true", s)
		}
	}
}

package ris_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/ris"
	"github.com/evident-tools/evident/export"
)

func readSample(t testing.TB) *ris.Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "sample.ris"))
	if err != nil {
		t.Fatal(err)
	}
	res := read(t, "sample.ris", data)
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	return res
}

// read reads RIS that must be text.
func read(t testing.TB, name string, data []byte) *ris.Result {
	t.Helper()
	res, err := ris.Read(name, data)
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

func TestRead_MapsTagsToBibTeXFields(t *testing.T) {
	res := readSample(t)
	if len(res.Refs) != 8 {
		t.Fatalf("%d references, want 8", len(res.Refs))
	}
	j := res.Refs[0]
	if j.Key != "smith2019" || j.Type != "article" || j.Source != (corpus.Source{File: "sample.ris", Line: 1}) {
		t.Errorf("key %q type %q source %v", j.Key, j.Type, j.Source)
	}
	for name, want := range map[string]string{
		"author":       `{Smith, John and van der Berg, Jan and {World Health Organization}}`,
		"title":        `{Low back pain \& work: 50\% of cases\_with \$x\^{}2\$ \{braces\}}`,
		"journal":      `{The Lancet}`,
		"shortjournal": `{Lancet}`,
		"year":         `2019`,
		"month":        `mar`,
		"date":         `{2019-03-07}`,
		"volume":       `{393}`,
		"number":       `{10}`,
		"pages":        `{100--110}`,
		"issn":         `{0140-6736}`,
		"doi":          `{10.1016/S0140-6736(19)30001-X}`,
		"url":          `{https://example.org/smith/a_b%20c}`,
		"keywords":     `{pain, back pain}`,
		"ris-c1":       `{custom value}`,
	} {
		if got := raw(t, j, name); got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	if j.Title != "Low back pain & work: 50% of cases_with $x^2$ {braces}" {
		t.Errorf("title value %q", j.Title)
	}
	wantAuthors := []corpus.Name{{First: "John", Last: "Smith"}, {First: "Jan", Von: "van der", Last: "Berg"}, {Literal: "World Health Organization"}}
	if !reflect.DeepEqual(j.Authors, wantAuthors) {
		t.Errorf("authors %+v", j.Authors)
	}
	if j.Year != 2019 || j.Month != 3 || j.IDs.DOI != "10.1016/s0140-6736(19)30001-x" || j.Venue != "The Lancet" {
		t.Errorf("derived: year %d month %d ids %+v venue %q", j.Year, j.Month, j.IDs, j.Venue)
	}
	if !strings.HasPrefix(j.Raw, "TY  - JOUR\nID  - smith2019\n") || !strings.HasSuffix(j.Raw, "ER  - ") {
		t.Errorf("raw is not the record as written: %q", j.Raw)
	}

	ch := res.Refs[1]
	if ch.Type != "incollection" || raw(t, ch, "booktitle") != "{Handbook of Pain}" || raw(t, ch, "series") != "{Lecture Notes}" ||
		raw(t, ch, "editor") != "{{Editorial Board} and Brown, Jr., Bob}" || raw(t, ch, "isbn") != "{978-3-16-148410-0}" {
		t.Errorf("chapter fields %+v", ch.Fields)
	}
	if len(ch.Editors) != 2 || ch.Editors[1] != (corpus.Name{First: "Bob", Last: "Brown", Jr: "Jr."}) {
		t.Errorf("editors %+v", ch.Editors)
	}
	th := res.Refs[2]
	if th.Type != "thesis" || raw(t, th, "school") != "{MIT}" || raw(t, th, "type") != "{PhD thesis}" || th.Key != "doe2001thesis" {
		t.Errorf("thesis %s %s %+v", th.Key, th.Type, th.Fields)
	}
	rp := res.Refs[3]
	if rp.Type != "techreport" || raw(t, rp, "institution") != "{NICE}" || raw(t, rp, "month") != "nov" || rp.Field("date") != nil {
		t.Errorf("report %+v", rp.Fields)
	}
	if rp.Key != "nationalinstituteforhealthandcareexcellence2016low" {
		t.Errorf("made-up key %q", rp.Key)
	}
	if cp := res.Refs[4]; cp.Type != "inproceedings" || raw(t, cp, "pages") != "{1--10}" {
		t.Errorf("conference paper %s %+v", cp.Type, cp.Fields)
	}
	if el := res.Refs[5]; el.Type != "online" || raw(t, el, "organization") != "{WHO}" {
		t.Errorf("web page %s %+v", el.Type, el.Fields)
	}
	if pp := res.Refs[6]; pp.Type != "preprint" || pp.Field("type") != nil {
		t.Errorf("preprint %s %+v", pp.Type, pp.Fields)
	}
	if bk := res.Refs[7]; bk.Type != "book" || raw(t, bk, "year") != "{in press}" || bk.Year != 0 || bk.Key != "waddellback" {
		t.Errorf("book %s %s %+v", bk.Key, bk.Type, bk.Fields)
	}
}

func TestRead_ToleratesWhatRealExportsContain(t *testing.T) {
	src := "\ufeff\n\nTY - JOUR\r" + // a BOM, blank lines, one space, a lone CR
		"A1  - Smith, J.\n" +
		"ED  - Jones, K.\n" +
		"T1  - A title that\n" +
		"   goes on over two lines\n" +
		"JF  - Journal of Things\n" +
		"JA  - J. Things\n" +
		"\n" + // a blank line inside a record
		"Y1  - 2018/05/21/Spring\n" +
		"SP  - 7–9\n" +
		"KW  - one\n" +
		"KW  - two\n" +
		"L1  - file:///paper.pdf\n" +
		"L1  - file:///supplement.pdf\n" +
		"TI  - A second title\n" +
		"ER  -\n"
	res := read(t, "x.ris", []byte(src))
	if len(res.Problems) > 0 || len(res.Refs) != 1 {
		t.Fatalf("problems %v, %d refs", res.Problems, len(res.Refs))
	}
	r := res.Refs[0]
	want := map[string]string{
		"author":       "{Smith, J.}",
		"editor":       "{Jones, K.}",
		"title":        "{A title that goes on over two lines}",
		"journal":      "{Journal of Things}",
		"shortjournal": "{J. Things}",
		"year":         "2018",
		"month":        "may",
		"date":         "{2018-05-21}",
		"pages":        "{7--9}",
		"keywords":     "{one, two}",
	}
	for name, w := range want {
		if got := raw(t, r, name); got != w {
			t.Errorf("%s = %s, want %s", name, got, w)
		}
	}
	// Repeated and unknown tags are all kept, the first one used.
	var kept []string
	for _, f := range r.Fields {
		if f.Name == "ris-l1" || f.Name == "title" || f.Name == "ris-ti" {
			kept = append(kept, f.Name+"="+f.Value)
		}
	}
	if strings.Join(kept, "|") != "title=A title that goes on over two lines|ris-l1=file:///paper.pdf|ris-l1=file:///supplement.pdf|ris-ti=A second title" {
		t.Errorf("kept %v", kept)
	}
	if r.Source.Line != 3 {
		t.Errorf("TY line %d, want 3", r.Source.Line)
	}
}

func TestRead_ReportsBrokenRecordsAtTheirLine(t *testing.T) {
	good := "TY  - JOUR\nTI  - Good\nER  - \n"
	for _, c := range []struct {
		name, src string
		want      []string // problems
		titles    string   // of the records read
	}{
		{"record without TY", "AU  - Smith, J.\nTI  - Orphan\nER  - \n" + good,
			[]string{"x.ris:1: AU tag outside a record (no TY line before it); skipped up to the next ER"}, "Good"},
		{"ER without TY", good + "ER  - \n" + good,
			[]string{"x.ris:4: ER with no TY line before it"}, "Good|Good"},
		{"line that is not a tag", "Some text\nmore text\n" + good,
			[]string{`x.ris:1: not a RIS tag line (want "XX  - value"): Some text`}, "Good"},
		{"missing ER at the end", good + "TY  - BOOK\nTI  - Cut off\n",
			[]string{"x.ris:4: record has no ER line before the end of the file; skipped"}, "Good"},
		{"missing ER before the next record", "TY  - BOOK\nTI  - Unclosed\n" + good,
			[]string{"x.ris:1: record has no ER line before the next TY at line 3; skipped"}, "Good"},
		{"empty file", "", nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := read(t, "x.ris", []byte(c.src))
			var got []string
			for _, p := range res.Problems {
				got = append(got, p.Error())
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("problems\n got %q\nwant %q", got, c.want)
			}
			var titles []string
			for _, r := range res.Refs {
				titles = append(titles, r.Title)
			}
			if strings.Join(titles, "|") != c.titles {
				t.Errorf("read %q, want %q", titles, c.titles)
			}
		})
	}
}

// TestRead_DecodesLikeEveryReader: a RIS file is decoded as BibTeX files
// and articles are (package textfile): UTF-16 with or without a byte order
// mark, Windows-1252, control characters; a binary file is an error.
func TestRead_DecodesLikeEveryReader(t *testing.T) {
	const src = "TY  - JOUR\r\nTI  - Über die Wärme\r\nER  - \r\n"
	utf16 := func(order unicode.Endianness, bom unicode.BOMPolicy) []byte {
		b, err := unicode.UTF16(order, bom).NewEncoder().Bytes([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, c := range []struct {
		name  string
		data  []byte
		title string
		warns string
	}{
		{"UTF-16 LE with a byte order mark", utf16(unicode.LittleEndian, unicode.UseBOM), "Über die Wärme", ""},
		{"UTF-16 BE with a byte order mark", utf16(unicode.BigEndian, unicode.UseBOM), "Über die Wärme", ""},
		{"UTF-16 LE without a byte order mark", utf16(unicode.LittleEndian, unicode.IgnoreBOM), "Über die Wärme",
			"x.ris:1: UTF-16 without a byte order mark; read as UTF-16"},
		{"Windows-1252", []byte("TY  - JOUR\nTI  - There\x92s a caf\xe9\nER  - \n"), "There’s a café",
			"x.ris:2: not valid UTF-8; read as Windows-1252"},
		{"control characters", []byte("TY  - JOUR\nTI  - Bell\x07 \x1b[2J\nER  - \n"), "Bell\uFFFD \uFFFD[2J",
			"x.ris:2: control characters read as U+FFFD"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := read(t, "x.ris", c.data)
			if len(res.Refs) != 1 || len(res.Problems) > 0 || res.Refs[0].Title != c.title {
				t.Fatalf("refs %v, problems %v; want one titled %q", res.Refs, res.Problems, c.title)
			}
			var warns []string
			for _, w := range res.Warnings {
				warns = append(warns, w.Error())
			}
			if strings.Join(warns, "|") != c.warns {
				t.Errorf("warnings %q, want %q", warns, c.warns)
			}
		})
	}
	if _, err := ris.Read("x.ris", []byte("\x00\x01\x02\xff")); err == nil || err.Error() != "x.ris:1: binary file, not text (a NUL byte)" {
		t.Errorf("binary junk: error %v", err)
	}
}

func TestRead_KeysAreUniqueWithinAFile(t *testing.T) {
	src := "TY  - JOUR\nID  - dup\nER  - \n" +
		"TY  - JOUR\nID  - dup\nER  - \n" +
		"TY  - JOUR\nAU  - Müller, Hans\nPY  - 2020\nTI  - The effect of things\nER  - \n" +
		"TY  - JOUR\nAU  - Müller, Hans\nPY  - 2020\nTI  - Effect sizes\nER  - \n" +
		"TY  - JOUR\nID  - has space\nER  - \n" +
		"TY  - JOUR\nER  - \n"
	res := read(t, "k.ris", []byte(src))
	var keys []string
	for _, r := range res.Refs {
		keys = append(keys, r.Key)
	}
	want := []string{"dup", "dupa", "muller2020effect", "muller2020effecta", "anon", "anona"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys %q, want %q", keys, want)
	}
	var warns []string
	for _, w := range res.Warnings {
		warns = append(warns, w.Error())
	}
	wantWarns := []string{
		`k.ris:4: entry dupa: ID "dup" used by an earlier record; renamed dupa`,
		`k.ris:17: ID "has space" cannot be a BibTeX key; a key was made up`,
	}
	if !reflect.DeepEqual(warns, wantWarns) {
		t.Errorf("warnings %q, want %q", warns, wantWarns)
	}
}

func TestRead_UnknownTypeIsKept(t *testing.T) {
	res := read(t, "v.ris", []byte("TY  - HEAR\nTI  - A hearing\nER  - \n"))
	r := res.Refs[0]
	if r.Type != "misc" || raw(t, r, "ristype") != "{HEAR}" || len(res.Warnings) != 1 {
		t.Errorf("type %s fields %+v warnings %v", r.Type, r.Fields, res.Warnings)
	}
	var buf bytes.Buffer
	if err := export.RIS(&buf, res.Refs); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "TY  - HEAR\r\n") {
		t.Errorf("RIS type not written back:\n%s", buf.String())
	}
}

// comparable is what must survive writing a RIS import as BibTeX and
// reading that back.
type comparable struct {
	Key, Type string
	Fields    []corpus.Field
	Authors   []corpus.Name
	Editors   []corpus.Name
	Title     string
	Protected []string
	Year      int
	Month     int
	Venue     string
	IDs       corpus.Identifiers
}

func toComparable(r *corpus.Reference) comparable {
	return comparable{r.Key, r.Type, r.Fields, r.Authors, r.Editors, r.Title, r.Protected, r.Year, r.Month, r.Venue, r.IDs}
}

// TestRead_BibTeXExportReadsBackTheSame writes the references of a RIS
// file as BibTeX and reads them with the BibTeX reader: the source forms
// must be valid BibTeX, and every field must decode to the same value.
func TestRead_BibTeXExportReadsBackTheSame(t *testing.T) {
	res := readSample(t)
	bibtexRoundTrip(t, "sample.ris", res.Refs)
}

func bibtexRoundTrip(t testing.TB, name string, refs []*corpus.Reference) {
	t.Helper()
	var buf bytes.Buffer
	if err := export.BibTeX(&buf, refs); err != nil {
		t.Fatal(err)
	}
	p := bibtex.NewParser()
	if _, err := p.Parse(name+".bib", buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) > 0 {
		t.Fatalf("%s: the BibTeX written is not valid: %v\n%s", name, p.Problems, buf.String())
	}
	again := p.References()
	if len(again) != len(refs) {
		t.Fatalf("%s: %d references written, %d read back", name, len(refs), len(again))
	}
	for i := range refs {
		a, b := toComparable(refs[i]), toComparable(again[i])
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: %s changed through BibTeX:\nRIS    %+v\nBibTeX %+v", name, refs[i].Key, a, b)
		}
	}
}

func TestSniff(t *testing.T) {
	for src, want := range map[string]bool{
		"TY  - JOUR\n":            true,
		"\r\n\r\nTY  - BOOK":      true,
		"@article{x,}":            false,
		"AU  - Smith\nTY  - JOUR": false,
		"":                        false,
	} {
		if got := ris.Sniff(src); got != want {
			t.Errorf("Sniff(%q) = %v", src, got)
		}
	}
}

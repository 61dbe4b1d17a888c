package bibtex

import (
	"fmt"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func parseOne(t *testing.T, src string) (*Parser, []*corpus.Reference) {
	t.Helper()
	p := NewParser()
	if _, err := p.Parse("test.bib", []byte(src)); err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return p, p.References()
}

func field(t *testing.T, r *corpus.Reference, name string) corpus.Field {
	t.Helper()
	f := r.Field(name)
	if f == nil {
		t.Fatalf("%s: no field %q in %+v", r.Key, name, r.Fields)
	}
	return *f
}

func TestParse_ValueForms(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		field     string
		wantRaw   string
		wantValue string
	}{
		{"braced", `@misc{k, title = {A {DNA} study}}`, "title", "{A {DNA} study}", "A DNA study"},
		{"quoted", `@misc{k, title = "A {"}quoted{"} study"}`, "title", `{A {"}quoted{"} study}`, `A "quoted" study`},
		{"bare number", `@misc{k, year = 2019}`, "year", "2019", "2019"},
		{"month macro stays a macro", `@misc{k, month = jan}`, "month", "jan", "January"},
		{"month macro any case", `@misc{k, month = SEP}`, "month", "sep", "September"},
		{"user macro expanded", "@string{jgr = {J. Geophys. Res.}}\n@misc{k, journal = jgr}", "journal", "{J. Geophys. Res.}", "J. Geophys. Res."},
		{"macro names ignore case", "@STRING{JGR = {J. Geophys. Res.}}\n@misc{k, journal = jGr}", "journal", "{J. Geophys. Res.}", "J. Geophys. Res."},
		{"concatenation", "@string{pre = {Proc. of }}\n@misc{k, booktitle = pre # {ICSE} # \" 2020\"}", "booktitle", "{Proc. of ICSE 2020}", "Proc. of ICSE 2020"},
		{"month in concatenation", `@misc{k, month = jan # "~1"}`, "month", "{January~1}", "January 1"},
		{"macro defined from macro", "@string{a = {Foo}}\n@string{b = a # { Bar}}\n@misc{k, note = b}", "note", "{Foo Bar}", "Foo Bar"},
		{"parenthesis form", `@misc(k, title = {Parens (and more)})`, "title", "{Parens (and more)}", "Parens (and more)"},
		{"at sign inside value", `@misc{k, note = {mail me@example.org}}`, "note", "{mail me@example.org}", "mail me@example.org"},
		{"field names lower-cased", `@misc{k, Title = {X}}`, "title", "{X}", "X"},
		{"nested braces", `@misc{k, title = {a {b {c {d}}}}}`, "title", "{a {b {c {d}}}}", "a b c d"},
		{"multi-line value", "@misc{k, abstract = {line one\n   line two}}", "abstract", "{line one\n   line two}", "line one line two"},
		{"crlf", "@misc{k,\r\n  title = {Windows\r\n file},\r\n}\r\n", "title", "{Windows\r\n file}", "Windows file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, refs := parseOne(t, tt.src)
			if len(p.Problems) > 0 {
				t.Fatalf("problems: %v", p.Problems)
			}
			if len(refs) != 1 {
				t.Fatalf("got %d references, want 1", len(refs))
			}
			f := field(t, refs[0], tt.field)
			if f.Raw != tt.wantRaw || f.Value != tt.wantValue {
				t.Errorf("field %s = raw %q value %q, want raw %q value %q", tt.field, f.Raw, f.Value, tt.wantRaw, tt.wantValue)
			}
		})
	}
}

func TestParse_KeysAndTypes(t *testing.T) {
	src := "@Article{Müller2020, title={x}}\n@BOOK{star*key, title={y}}\n@misc{a:b/c-d.e, title={z}}\n@misc{nofields}\n"
	p, refs := parseOne(t, src)
	if len(p.Problems) > 0 {
		t.Fatalf("problems: %v", p.Problems)
	}
	want := []struct{ key, typ string }{{"Müller2020", "article"}, {"star*key", "book"}, {"a:b/c-d.e", "misc"}, {"nofields", "misc"}}
	if len(refs) != len(want) {
		t.Fatalf("got %d refs, want %d", len(refs), len(want))
	}
	for i, w := range want {
		if refs[i].Key != w.key || refs[i].Type != w.typ {
			t.Errorf("ref %d = %s/%s, want %s/%s", i, refs[i].Type, refs[i].Key, w.typ, w.key)
		}
	}
}

func TestParse_CommentsPreamblesAndTextBetweenEntries(t *testing.T) {
	src := `This text is ignored, as BibTeX ignores it.
@comment{jabref-meta: databaseType:bibtex;}
@Comment{ an @article{inside, title={not an entry}} comment }
@preamble{ "\newcommand{\noop}[1]{}" }
% a percent comment @misc{alsonot, title = {x}}
@misc{real, title = {Real}}
trailing junk
`
	p, refs := parseOne(t, src)
	if len(p.Problems) > 0 {
		t.Fatalf("problems: %v", p.Problems)
	}
	// BibTeX has no line comments: the '%' line's @misc is an entry to it,
	// and so it is to us.
	var keys []string
	for _, r := range refs {
		keys = append(keys, r.Key)
	}
	if got := strings.Join(keys, ","); got != "alsonot,real" {
		t.Errorf("keys = %s, want alsonot,real", got)
	}
	if len(p.Preambles()) != 1 || !strings.Contains(p.Preambles()[0], `\newcommand`) {
		t.Errorf("preambles = %q", p.Preambles())
	}
}

func TestParse_RecoversPerEntry(t *testing.T) {
	src := `@article{good1, title = {One}}
@article{bad1,
  title = {Unclosed,
  year = 2001,
}
@article{good2, title = {Two}}
@article{bad2, title = {x} junk = {y}}
@article{good3,
  title = {Three},
  year = 2003
@article{good4, title = {Four}}
@article{, title = {no key}}
@article{good5, title = "Five"}
`
	p, refs := parseOne(t, src)
	var keys []string
	for _, r := range refs {
		keys = append(keys, r.Key)
	}
	if got := strings.Join(keys, ","); got != "good1,good2,good4,good5" {
		t.Errorf("keys = %s, want good1,good2,good4,good5", got)
	}
	wantProblems := []string{
		// The '{' of line 3 is closed by the '}' of line 5 (BibTeX would
		// read it so too), so the entry is the one never closed; the
		// message names the value whose braces went wrong.
		"test.bib:2: entry bad1: entry never closed: line 6 starts another entry (the braces of field title do not balance on line 3: its value runs on into field year on line 4)",
		"test.bib:7: entry bad2: field title: expected ',' or '}' after the value, found \"j\"",
		"test.bib:8: entry good3: entry never closed: line 11 starts another entry",
		"test.bib:12: @article has no citation key",
	}
	var got []string
	for _, pr := range p.Problems {
		got = append(got, pr.Error())
	}
	if strings.Join(got, "\n") != strings.Join(wantProblems, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantProblems, "\n"))
	}
}

func TestParse_UnterminatedAtEndOfFile(t *testing.T) {
	p, refs := parseOne(t, "@misc{ok, title={Fine}}\n\n@misc{last,\n  title = {Cut off")
	if len(refs) != 1 || refs[0].Key != "ok" {
		t.Fatalf("refs = %v", refs)
	}
	if len(p.Problems) != 1 || p.Problems[0].Line != 4 || p.Problems[0].Key != "last" {
		t.Fatalf("problems = %v", p.Problems)
	}
}

func TestParse_UndefinedMacroIsKeptWithWarning(t *testing.T) {
	p, refs := parseOne(t, "@misc{k,\n journal = nosuch,\n}")
	if len(refs) != 1 {
		t.Fatalf("refs = %v", refs)
	}
	f := field(t, refs[0], "journal")
	if f.Raw != "nosuch" || f.Value != "nosuch" {
		t.Errorf("journal = %+v", f)
	}
	if len(p.Warnings) != 1 || p.Warnings[0].Line != 2 || !strings.Contains(p.Warnings[0].Msg, `undefined macro "nosuch"`) {
		t.Errorf("warnings = %v", p.Warnings)
	}
}

// TestParse_MacroExpansionIsBounded reads a billion-laughs file: each
// @string doubles the one before, so its 40 lines would expand to a
// terabyte. Expansion stops at the budget with a warning naming the line,
// and the entry is still read.
func TestParse_MacroExpansionIsBounded(t *testing.T) {
	var src strings.Builder
	src.WriteString("@string{m0 = {0123456789abcdef}}\n")
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&src, "@string{m%d = m%d # m%d}\n", i, i-1, i-1)
	}
	src.WriteString("@misc{bomb, title = m40 # m40, year = 2020}\n")
	p, refs := parseOne(t, src.String())
	if len(refs) != 1 || refs[0].Key != "bomb" || refs[0].Year != 2020 {
		t.Fatalf("refs = %v", refs)
	}
	if n := len(refs[0].Title); n > expansionAllowance*2 {
		t.Errorf("title is %d bytes: expansion was not bounded", n)
	}
	var found bool
	for _, w := range p.Warnings {
		if strings.Contains(w.Msg, "not expanded") {
			found = true
			if w.Line < 2 || w.Line > 42 {
				t.Errorf("warning at line %d, outside the file: %v", w.Line, w)
			}
		}
	}
	if !found {
		t.Errorf("no warning about the expansion; warnings: %v", p.Warnings)
	}
	if p.expanded > p.expansionBudget() {
		t.Errorf("expanded %d bytes, budget %d", p.expanded, p.expansionBudget())
	}
}

func TestParse_MacrosCarryAcrossFiles(t *testing.T) {
	p := NewParser()
	if _, err := p.Parse("abbrev.bib", []byte(`@string{tse = "IEEE Transactions on Software Engineering"}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Parse("papers.bib", []byte(`@article{x, journal = tse, title={T}}`)); err != nil {
		t.Fatal(err)
	}
	refs := p.References()
	if len(p.Warnings) != 0 || refs[0].Venue != "IEEE Transactions on Software Engineering" {
		t.Errorf("venue = %q, warnings %v", refs[0].Venue, p.Warnings)
	}
}

// TestParse_LongCrossrefChainNeedsLittleStack resolves a chain of 20,000
// entries, each the crossref parent of the one before, with the stack held
// to 1 MB: inheritance must not recurse once per link.
func TestParse_LongCrossrefChainNeedsLittleStack(t *testing.T) {
	const n = 20000
	var src strings.Builder
	for i := range n - 1 {
		fmt.Fprintf(&src, "@misc{k%d, crossref = {k%d}}\n", i, i+1)
	}
	fmt.Fprintf(&src, "@misc{k%d, note = {the end}}\n", n-1)
	defer debug.SetMaxStack(debug.SetMaxStack(1 << 20))
	p, refs := parseOne(t, src.String())
	if len(refs) != n || len(p.Warnings) != 0 {
		t.Fatalf("%d refs, warnings %v", len(refs), p.Warnings)
	}
	if f := field(t, refs[0], "note"); f.Value != "the end" || f.From != fmt.Sprintf("k%d", n-1) {
		t.Errorf("k0 note = %+v, want inherited from the end of the chain", f)
	}
}

// TestParse_InheritanceIsBounded: forty one-line entries crossref a parent
// with a 2 MB abstract. Copying it into each would store 160 MB from a 2 MB
// file; inheritance stops at the budget with a warning, and every child
// keeps its own fields.
func TestParse_InheritanceIsBounded(t *testing.T) {
	var src strings.Builder
	fmt.Fprintf(&src, "@proceedings{parent, title = {P}, abstract = {%s}}\n", strings.Repeat("word ", 400_000))
	for i := range 40 {
		fmt.Fprintf(&src, "@inproceedings{c%d, title = {Child %d}, crossref = {parent}}\n", i, i)
	}
	p, refs := parseOne(t, src.String())
	if len(refs) != 41 {
		t.Fatalf("%d refs", len(refs))
	}
	inherited, warned := 0, 0
	for _, r := range refs[1:] {
		if r.Title == "" {
			t.Errorf("%s lost its own title", r.Key)
		}
		if r.Field("abstract") != nil {
			inherited++
		}
	}
	for _, w := range p.Warnings {
		if strings.Contains(w.Msg, "not inherited") {
			warned++
		}
	}
	if inherited == 0 || inherited == 40 || warned != 40-inherited {
		t.Errorf("%d children inherited the abstract, %d warnings; want some but not all, and a warning for each other", inherited, warned)
	}
	if p.inherited > p.expansionBudget() {
		t.Errorf("inherited %d bytes, budget %d", p.inherited, p.expansionBudget())
	}
}

func TestParse_CrossrefInheritance(t *testing.T) {
	src := `@inproceedings{child,
  author = {Doe, Jane},
  title = {A Paper},
  pages = {1--10},
  crossref = {PROC},
}
@proceedings{proc,
  title = {Proceedings of the Conference},
  publisher = {ACM},
  year = 2020,
  editor = {Roe, Richard},
}
@misc{orphan, crossref = {nowhere}, title = {Orphan}}
@misc{loop1, crossref = {loop2}, title = {L1}}
@misc{loop2, crossref = {loop1}, note = {from two}}
`
	p, refs := parseOne(t, src)
	child := refs[0]
	if child.Title != "A Paper" {
		t.Errorf("child title = %q; the parent's title must not replace it", child.Title)
	}
	bt := field(t, child, "booktitle")
	if bt.Value != "Proceedings of the Conference" || bt.From != "proc" {
		t.Errorf("booktitle = %+v, want the parent's title, from proc", bt)
	}
	if child.Year != 2020 || child.Venue != "Proceedings of the Conference" {
		t.Errorf("year %d venue %q", child.Year, child.Venue)
	}
	if len(child.Editors) != 1 || child.Editors[0].Last != "Roe" {
		t.Errorf("editors = %+v", child.Editors)
	}
	if f := child.Field("crossref"); f == nil || f.From != "" {
		t.Errorf("crossref field = %+v", f)
	}
	var warned []string
	for _, w := range p.Warnings {
		warned = append(warned, w.Key+": "+w.Msg)
	}
	joined := strings.Join(warned, "\n")
	if !strings.Contains(joined, `orphan: parent "nowhere" not found`) {
		t.Errorf("no warning for the orphan: %s", joined)
	}
	if l1 := refs[3]; l1.Field("note") == nil {
		t.Errorf("loop1 did not inherit from loop2 before the cycle stopped: %+v", l1.Fields)
	}
}

func TestParse_XDataInheritance(t *testing.T) {
	src := `@xdata{pubinfo, publisher = {Springer}, location = {Berlin}}
@book{b, title = {Book}, xdata = {pubinfo}}`
	_, refs := parseOne(t, src)
	if f := field(t, refs[1], "publisher"); f.Value != "Springer" || f.From != "pubinfo" {
		t.Errorf("publisher = %+v", f)
	}
}

func TestParse_DerivedFields(t *testing.T) {
	src := `@article{k,
  author = {van der Berg, Jan and {World Health Organization} and others},
  title = {The {DNA} of {\"O}sterreich},
  journaltitle = {Nature},
  date = {2019-05-03},
  doi = {https://doi.org/10.1038/ABC},
  eprint = {1706.03762v2}, eprinttype = {arxiv},
}`
	_, refs := parseOne(t, src)
	r := refs[0]
	if r.Title != "The DNA of Österreich" {
		t.Errorf("title = %q", r.Title)
	}
	if len(r.Protected) != 1 || r.Protected[0] != "DNA" {
		t.Errorf("protected = %q", r.Protected)
	}
	if len(r.Authors) != 2 || r.Authors[0].Von != "van der" || r.Authors[0].Last != "Berg" || r.Authors[1].Literal != "World Health Organization" || !r.AuthorsEtAl {
		t.Errorf("authors = %+v etal %v", r.Authors, r.AuthorsEtAl)
	}
	if r.Year != 2019 || r.Month != 5 || r.Venue != "Nature" {
		t.Errorf("year %d month %d venue %q", r.Year, r.Month, r.Venue)
	}
	if r.IDs.DOI != "10.1038/abc" || r.IDs.ArXiv != "1706.03762" {
		t.Errorf("ids = %+v", r.IDs)
	}
	if r.Source.Line != 1 || !strings.HasPrefix(r.Raw, "@article{k,") || !strings.HasSuffix(r.Raw, "}") {
		t.Errorf("source %+v raw %q", r.Source, r.Raw)
	}
}

func TestParse_Encodings(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE}
	for _, c := range "@misc{k, title={Ü}}" {
		utf16 = append(utf16, byte(c), byte(c>>8))
	}
	tests := []struct {
		name string
		data []byte
		want string
		warn bool
	}{
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "@misc{k, title={Ü}}"...), "Ü", false},
		{"utf-16le bom", utf16, "Ü", false},
		{"utf-16le without bom", utf16[2:], "Ü", true},
		{"windows-1252 without header", []byte("@misc{k, title={\xdc}}"), "Ü", true},
		{"latin-1 header", []byte("% Encoding: ISO-8859-1\n@misc{k, title={\xdc}}"), "Ü", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewParser()
			if _, err := p.Parse("enc.bib", tt.data); err != nil {
				t.Fatal(err)
			}
			refs := p.References()
			if len(refs) != 1 || refs[0].Title != tt.want {
				t.Fatalf("refs = %+v", refs)
			}
			if (len(p.Warnings) > 0) != tt.warn {
				t.Errorf("warnings = %v, want warning %v", p.Warnings, tt.warn)
			}
		})
	}
	p := NewParser()
	if _, err := p.Parse("x.bin", []byte("@misc{k,\n\x00\x01\x02garbage")); err == nil || err.Error() != "x.bin:2: binary file, not text (a NUL byte)" {
		t.Errorf("binary input: err = %v", err)
	}
	// An invalid byte before a JabRef header is one byte (it was three
	// when the header was looked for, and slicing panicked: found by the
	// importer's fuzz target).
	p = NewParser()
	if _, err := p.Parse("h.bib", []byte("\xb8% EnCoding: ISO-8859-1\n@misc{k, title = {\xdc}}")); err != nil {
		t.Fatal(err)
	}
	if refs := p.References(); len(refs) != 1 || refs[0].Title != "Ü" || !strings.Contains(p.Warnings[0].Msg, "ISO-8859-1") {
		t.Errorf("refs %v, warnings %v", refs, p.Warnings)
	}
	// The warning for a file read as Windows-1252 is at its first byte
	// that is not UTF-8.
	p = NewParser()
	if _, err := p.Parse("w.bib", []byte("@misc{k,\n  title = {ok},\n  note = {Caf\xe9}}")); err != nil {
		t.Fatal(err)
	}
	if len(p.Warnings) != 1 || p.Warnings[0].Error() != "w.bib:3: not valid UTF-8; read as Windows-1252" {
		t.Errorf("warnings = %v", p.Warnings)
	}
}

// TestParse_ControlCharactersAreReplaced: control characters in a .bib
// file, in keys and values alike, are read as U+FFFD with a warning at the
// first, so that no escape sequence reaches a terminal through refs or an
// error message.
func TestParse_ControlCharactersAreReplaced(t *testing.T) {
	p, refs := parseOne(t, "@misc{ok, title = {Fine}}\n@misc{k\x1b[2J,\n  title = {Bell\x07 and \x7f}}\n")
	if len(refs) != 2 || refs[1].Key != "k\uFFFD[2J" || refs[1].Title != "Bell\uFFFD and \uFFFD" {
		t.Fatalf("refs = %+v", refs)
	}
	if strings.ContainsAny(refs[1].Raw, "\x1b\x07\x7f") {
		t.Errorf("raw %q keeps control characters", refs[1].Raw)
	}
	if len(p.Warnings) != 1 || p.Warnings[0].Error() != "test.bib:2: control characters read as U+FFFD" {
		t.Errorf("warnings = %v", p.Warnings)
	}
}

func TestParse_RepeatedFieldIsKeptAndFirstUsed(t *testing.T) {
	p, refs := parseOne(t, "@misc{k,\n title = {First},\n title = {Second}}")
	if refs[0].Title != "First" || len(refs[0].Fields) != 2 || refs[0].Fields[1].Value != "Second" {
		t.Errorf("title %q fields %+v", refs[0].Title, refs[0].Fields)
	}
	if len(p.Warnings) != 1 || p.Warnings[0].Line != 3 || !strings.Contains(p.Warnings[0].Msg, "field title repeated") {
		t.Errorf("warnings = %v", p.Warnings)
	}
}

// TestParse_RepairsAreWarned: what the scanner reads past, where BibTeX
// would stop or drop text, is kept and said, at the line of the repair.
func TestParse_RepairsAreWarned(t *testing.T) {
	tests := []struct {
		name, src string
		keys      string // the entries kept
		field     string // a field of the last entry kept, read in full
		warning   string
	}{
		{"no comma after the key", "@article{smith2019 title = {Sugar}, year = 2019}", "smith2019", "title",
			"test.bib:1: entry smith2019: no ',' after the key; read as if there were one before field title"},
		{"no comma after the key, field on the next line", "@article{smith2019\n  Title = {Sugar},\n  year = 2019\n}", "smith2019", "title",
			"test.bib:1: entry smith2019: no ',' after the key; read as if there were one before field title"},
		{"comma repeated", "@article{k,\n title = {X},,\n year = 2001}", "k", "year",
			"test.bib:2: entry k: ',' repeated; read as one"},
		{"comma after a @string", "@string{jgr = {J. Geophys. Res.},}\n@article{k, journal = jgr}", "k", "journal",
			"test.bib:1: @string jgr: ',' after the value ignored"},
		{"a brace too many ends the entry early", "@article{k,\n  title = {Aesthetic {Judgment}\\}},\n  year = 2013,\n}\n", "k", "title",
			"test.bib:3: entry k: field year is after the end of the entry (line 2) and is ignored: a '}' too many before it?"},
		{"unclosed comment", "@comment{ off\n@misc{k, title = {Read after all}}", "k", "title",
			"test.bib:1: @comment never closed; the entries after it are read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, refs := parseOne(t, tt.src)
			if len(p.Problems) > 0 {
				t.Fatalf("problems: %v", p.Problems)
			}
			var keys []string
			for _, r := range refs {
				keys = append(keys, r.Key)
			}
			if strings.Join(keys, ",") != tt.keys {
				t.Fatalf("keys = %q, want %q", keys, tt.keys)
			}
			field(t, refs[len(refs)-1], tt.field)
			var got []string
			for _, w := range p.Warnings {
				got = append(got, w.Error())
			}
			if len(got) != 1 || got[0] != tt.warning {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.warning)
			}
		})
	}
}

// TestParse_RepairInRejectedEntryIsNotWarned: an entry that is rejected
// anyway gets its problem, not also a warning about a repair in it.
func TestParse_RepairInRejectedEntryIsNotWarned(t *testing.T) {
	p, refs := parseOne(t, "@article{k title = {X},, year = 2001 junk}\n@misc{ok, title = {Fine}}\n")
	if len(refs) != 1 || len(p.Problems) != 1 || len(p.Warnings) != 0 {
		t.Errorf("refs %d, problems %v, warnings %v", len(refs), p.Problems, p.Warnings)
	}
}

// TestParse_WellFormedEntriesHaveNoRepairWarnings: the forms BibTeX reads
// without complaint (a comma before the closing brace, text and percent
// lines between entries, a key alone) are not repairs.
func TestParse_WellFormedEntriesHaveNoRepairWarnings(t *testing.T) {
	src := "Text between entries, a = b.\n@misc{a, title = {A},}\n% year = 2001,\n@misc{b}\n@misc{c,\n  % note = {off},\n  title = {C}\n}\nx = {not a field},\n"
	p, refs := parseOne(t, src)
	if len(refs) != 3 || len(p.Problems) != 0 || len(p.Warnings) != 0 {
		t.Errorf("refs %d, problems %v, warnings %v", len(refs), p.Problems, p.Warnings)
	}
}

// TestParse_NeverClosedNamesTheUnbalancedValue: when an entry never closes
// because a value's braces do not balance, the problem stays at the entry's
// line and names the line where the value went wrong; when the entry only
// lacks its closing brace, it names nothing more.
func TestParse_NeverClosedNamesTheUnbalancedValue(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"a brace too few in one line", `@article{k,
  title = {Effects of skin temperature},
  publisher = {Taylor {{\&} Francis},
  doi = {10.1080/08990229771042},
  year = 2009,
}

@article{next, title = {Next}}
`, "test.bib:1: entry k: entry never closed: line 8 starts another entry (the braces of field publisher do not balance on line 3: its value runs on into field doi on line 4)"},
		{"at the end of the file", "@misc{k,\n  note = {see {the appendix},\n  month = jul,\n}\n",
			"test.bib:1: entry k: entry never closed: end of file reached (the braces of field note do not balance on line 2: its value runs on into field month on line 3)"},
		{"in a value that spans lines", "@misc{k,\n  abstract = {First line\n    second {line},\n  year = {2001},\n}\n@misc{next}\n",
			"test.bib:1: entry k: entry never closed: line 6 starts another entry (the braces of field abstract do not balance on line 2: its value runs on into field year on line 4)"},
		{"only the closing brace is missing", "@misc{k,\n  title = {Fine},\n  year = 2001,\n\n@misc{next}\n",
			"test.bib:1: entry k: entry never closed: line 5 starts another entry"},
		{"prose with an equals sign is not a field", "@misc{k,\n  abstract = {Many were seen;\n  n = 42 took part},\n  year = 2001,\n\n@misc{next}\n",
			"test.bib:1: entry k: entry never closed: line 6 starts another entry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := parseOne(t, tt.src)
			if len(p.Problems) != 1 || p.Problems[0].Error() != tt.want {
				t.Errorf("problems = %v\nwant %s", p.Problems, tt.want)
			}
		})
	}
}

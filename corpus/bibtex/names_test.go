package bibtex_test

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

type nameCase struct {
	in   string
	want []corpus.Name
	etAl bool
}

func nameRun(t *testing.T, cases []nameCase) {
	t.Helper()
	for _, c := range cases {
		got, etAl := bibtex.ParseNames(c.in)
		if !slices.Equal(got, c.want) || etAl != c.etAl {
			t.Errorf("ParseNames(%q)\n got %+v, %v\nwant %+v, %v", c.in, got, etAl, c.want, c.etAl)
		}
	}
}

func TestParseNames_FirstLast(t *testing.T) {
	nameRun(t, []nameCase{
		{"Donald E. Knuth", []corpus.Name{{First: "Donald E.", Last: "Knuth"}}, false},
		{"J. R. R. Tolkien", []corpus.Name{{First: "J. R. R.", Last: "Tolkien"}}, false},
		{"Jean-Paul Sartre", []corpus.Name{{First: "Jean-Paul", Last: "Sartre"}}, false},
		{"Aristotle", []corpus.Name{{Last: "Aristotle"}}, false},
		{"José María García Márquez", []corpus.Name{{First: "José María García", Last: "Márquez"}}, false},
		{"Maria {De Souza}", []corpus.Name{{First: "Maria", Last: "De Souza"}}, false},
		{"Ludwig~van~Beethoven", []corpus.Name{{First: "Ludwig", Von: "van", Last: "Beethoven"}}, false},
	})
}

func TestParseNames_LastCommaFirst(t *testing.T) {
	nameRun(t, []nameCase{
		{"Knuth, Donald E.", []corpus.Name{{First: "Donald E.", Last: "Knuth"}}, false},
		{"Tolkien, J.R.R.", []corpus.Name{{First: "J.R.R.", Last: "Tolkien"}}, false},
		{"Sartre, Jean-Paul", []corpus.Name{{First: "Jean-Paul", Last: "Sartre"}}, false},
		{"De Souza, Maria", []corpus.Name{{First: "Maria", Last: "De Souza"}}, false},
		{"Smith,John", []corpus.Name{{First: "John", Last: "Smith"}}, false},
		{"{Cerda-M{\\'e}ndez}, Edgar", []corpus.Name{{First: "Edgar", Last: "Cerda-Méndez"}}, false},
	})
}

func TestParseNames_VonParticles(t *testing.T) {
	nameRun(t, []nameCase{
		{"Ludwig van Beethoven", []corpus.Name{{First: "Ludwig", Von: "van", Last: "Beethoven"}}, false},
		{"van Beethoven, Ludwig", []corpus.Name{{First: "Ludwig", Von: "van", Last: "Beethoven"}}, false},
		{"Jan van der Berg", []corpus.Name{{First: "Jan", Von: "van der", Last: "Berg"}}, false},
		{"van der Berg, Jan", []corpus.Name{{First: "Jan", Von: "van der", Last: "Berg"}}, false},
		{"Jean de la Fontaine", []corpus.Name{{First: "Jean", Von: "de la", Last: "Fontaine"}}, false},
		{"de la Fontaine, Jean", []corpus.Name{{First: "Jean", Von: "de la", Last: "Fontaine"}}, false},
		{"Jean de La Fontaine", []corpus.Name{{First: "Jean", Von: "de", Last: "La Fontaine"}}, false},
		{"John von Neumann", []corpus.Name{{First: "John", Von: "von", Last: "Neumann"}}, false},
		{"von Neumann, John", []corpus.Name{{First: "John", Von: "von", Last: "Neumann"}}, false},
		{"Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin", []corpus.Name{
			{First: "Charles Louis Xavier Joseph", Von: "de la", Last: "Vallée Poussin"}}, false},
		{"da Luz Mota, Jo\\~{a}o Daniel", []corpus.Name{{First: "João Daniel", Von: "da", Last: "Luz Mota"}}, false},
		{"de la fontaine", []corpus.Name{{Von: "de la", Last: "fontaine"}}, false},
	})
}

func TestParseNames_SpecialCharactersDecideCaseLikeBibTeX(t *testing.T) {
	nameRun(t, []nameCase{
		// {\'E} is an upper-case special character, so the word is not von.
		{"{\\'E}mile Zola", []corpus.Name{{First: "Émile", Last: "Zola"}}, false},
		{"Jean {\\'E}lie de Beaumont", []corpus.Name{{First: "Jean Élie", Von: "de", Last: "Beaumont"}}, false},
		// {\`a} is lower-case: a particle.
		{"Gilbert Abbott {\\`a} Beckett", []corpus.Name{{First: "Gilbert Abbott", Von: "à", Last: "Beckett"}}, false},
		{"\\'Emile Zola", []corpus.Name{{First: "Émile", Last: "Zola"}}, false},
		{"Per {\\AA}gren", []corpus.Name{{First: "Per", Last: "Ågren"}}, false},
		// A brace group that is not a special character hides its case.
		{"Jan {van} Berg", []corpus.Name{{First: "Jan van", Last: "Berg"}}, false},
	})
}

func TestParseNames_VonLastCommaJrCommaFirst(t *testing.T) {
	nameRun(t, []nameCase{
		{"King, Jr., Martin Luther", []corpus.Name{{First: "Martin Luther", Last: "King", Jr: "Jr."}}, false},
		{"Ford, III, Henry", []corpus.Name{{First: "Henry", Last: "Ford", Jr: "III"}}, false},
		{"van der Berg, Jr, Jan", []corpus.Name{{First: "Jan", Von: "van der", Last: "Berg", Jr: "Jr"}}, false},
		// Written without the suffix part, the suffix is still not a first name.
		{"John Smith, Jr.", []corpus.Name{{First: "John", Last: "Smith", Jr: "Jr."}}, false},
	})
}

func TestParseNames_CorporateAuthorsAreLiteral(t *testing.T) {
	nameRun(t, []nameCase{
		{"{World Health Organization}", []corpus.Name{{Literal: "World Health Organization"}}, false},
		{"{National Academies of Sciences, Engineering, and Medicine}", []corpus.Name{
			{Literal: "National Academies of Sciences, Engineering, and Medicine"}}, false},
		{"{CGAL Editorial Board} and Smith, J.", []corpus.Name{
			{Literal: "CGAL Editorial Board"}, {First: "J.", Last: "Smith"}}, false},
		{"{{Barnes and Noble}}", []corpus.Name{{Literal: "Barnes and Noble"}}, false},
		{"{Soci{\\'e}t{\\'e} G{\\'e}n{\\'e}rale}", []corpus.Name{{Literal: "Société Générale"}}, false},
	})
}

func TestParseNames_SplitsOnAndOutsideBraces(t *testing.T) {
	nameRun(t, []nameCase{
		{"Gvidas Astromskas and Kristian Storm and Olov Karlstr{\\\"o}m", []corpus.Name{
			{First: "Gvidas", Last: "Astromskas"}, {First: "Kristian", Last: "Storm"}, {First: "Olov", Last: "Karlström"}}, false},
		{"Smith, J. AND Doe, K.", []corpus.Name{{First: "J.", Last: "Smith"}, {First: "K.", Last: "Doe"}}, false},
		{"Smith, John\n\tand Doe, Jane", []corpus.Name{{First: "John", Last: "Smith"}, {First: "Jane", Last: "Doe"}}, false},
		{"Barnes {and} Noble", []corpus.Name{{First: "Barnes and", Last: "Noble"}}, false},
		{"Alexander Sandro", []corpus.Name{{First: "Alexander", Last: "Sandro"}}, false},
	})
}

func TestParseNames_AndOthersIsEtAl(t *testing.T) {
	nameRun(t, []nameCase{
		{"Chollet, Fran\\c{c}ois and others", []corpus.Name{{First: "François", Last: "Chollet"}}, true},
		{"A. Smith and B. Jones and Others", []corpus.Name{{First: "A.", Last: "Smith"}, {First: "B.", Last: "Jones"}}, true},
		{"others", nil, true},
		{"Smith, J. and {others}", []corpus.Name{{First: "J.", Last: "Smith"}, {Literal: "others"}}, false},
	})
}

func TestParseNames_UnicodeAndLaTeXNames(t *testing.T) {
	nameRun(t, []nameCase{
		{"{\\\"O}zt{\\\"u}rk, Ahmet", []corpus.Name{{First: "Ahmet", Last: "Öztürk"}}, false},
		{"Öztürk, Ahmet", []corpus.Name{{First: "Ahmet", Last: "Öztürk"}}, false},
		{"Sch{\\\"o}n, Andr{\\'e}", []corpus.Name{{First: "André", Last: "Schön"}}, false},
		{"{\\L}ukasz Kowalski", []corpus.Name{{First: "Łukasz", Last: "Kowalski"}}, false},
		{"Søren Kierkegaard", []corpus.Name{{First: "Søren", Last: "Kierkegaard"}}, false},
		{"毛泽东", []corpus.Name{{Last: "毛泽东"}}, false},
	})
}

func TestParseNames_BiblatexExtendedFormat(t *testing.T) {
	nameRun(t, []nameCase{
		{"family=Gogh, given=Vincent, prefix=van, useprefix=true", []corpus.Name{{First: "Vincent", Von: "van", Last: "Gogh"}}, false},
		{"family=Stevenson, given=Adlai E., suffix=III, juniorcomma=true", []corpus.Name{{First: "Adlai E.", Last: "Stevenson", Jr: "III"}}, false},
		{"family=Puy de Clinchamps, given=Philippe, given-i={{Ph}}, prefix=du", []corpus.Name{
			{First: "Philippe", Von: "du", Last: "Puy de Clinchamps"}}, false},
		{"family=Meij, given=Vincent, prefix=van der and Guo, Difeng", []corpus.Name{
			{First: "Vincent", Von: "van der", Last: "Meij"}, {First: "Difeng", Last: "Guo"}}, false},
		{"given=Plato", []corpus.Name{{Last: "Plato"}}, false},
		{"family=Medici, given=Lorenzo, prefix=de’\\hspace{0pt}", []corpus.Name{{First: "Lorenzo", Von: "de’", Last: "Medici"}}, false},
	})
}

func TestParseNames_LowerCaseInitialIsNoParticle(t *testing.T) {
	nameRun(t, []nameCase{
		{"Michael a. Reshchikov", []corpus.Name{{First: "Michael a.", Last: "Reshchikov"}}, false},
		{"Winden, a.", []corpus.Name{{First: "a.", Last: "Winden"}}, false},
		{"José Ortega y Gasset", []corpus.Name{{First: "José Ortega", Von: "y", Last: "Gasset"}}, false},
	})
}

func TestParseNames_MalformedListsAreBestEffort(t *testing.T) {
	nameRun(t, []nameCase{
		{"", nil, false},
		{"   ", nil, false},
		{" and ", nil, false},
		{"Smith and and Jones", []corpus.Name{{Last: "Smith"}, {Last: "Jones"}}, false},
		{"Smith, John,", []corpus.Name{{First: "John", Last: "Smith"}}, false},
		{", John Smith", []corpus.Name{{First: "John", Last: "Smith"}}, false},
		{"Smith, Jr, John, Extra", []corpus.Name{{First: "John, Extra", Last: "Smith", Jr: "Jr"}}, false},
		{"{World Health Organization},", []corpus.Name{{Literal: "World Health Organization"}}, false},
		{"Smith, {John and Doe, Jane", []corpus.Name{{First: "John", Last: "Smith"}, {First: "Jane", Last: "Doe"}}, false},
		{"Smith} and Doe", []corpus.Name{{Last: "Smith"}, {Last: "Doe"}}, false},
		{"John {}", []corpus.Name{{Last: "John"}}, false},
		{"{} and \\relax", nil, false},
		{",,,", nil, false},
	})
}

func TestParseNames_RealAuthorListsGiveCleanNames(t *testing.T) {
	files := latexCorpusFiles()
	if len(files) == 0 {
		t.Skipf("corpus not found at %s: the shared test corpora are not checked out", latexCorpora)
	}
	lists := latexCorpusValues(t, files, "author", "editor")
	var total, von, literal int
	for _, list := range lists {
		names, _ := bibtex.ParseNames(list)
		for _, n := range names {
			total++
			nameCheck(t, list, n)
			if n.Von != "" {
				von++
			}
			if n.Literal != "" {
				literal++
			}
			for _, part := range []string{n.First, n.Von, n.Last, n.Jr, n.Literal} {
				if strings.ContainsAny(part, `\{}`) && !strings.Contains(list, `\textbackslash`) {
					t.Errorf("ParseNames(%q): %+v keeps LaTeX", list, n)
				}
			}
		}
	}
	if total < 1000 || von == 0 || literal == 0 {
		t.Errorf("read %d names, %d with a particle, %d literal, from %d lists; want many, some, some", total, von, literal, len(lists))
	}
}

// nameCheck asserts what holds for every parsed name.
func nameCheck(t *testing.T, in string, n corpus.Name) {
	t.Helper()
	if n.Literal != "" && (n.First != "" || n.Von != "" || n.Last != "" || n.Jr != "") {
		t.Fatalf("ParseNames(%q): literal %+v has other parts", in, n)
	}
	if n.Literal == "" && n.Last == "" {
		t.Fatalf("ParseNames(%q): %+v has no Last", in, n)
	}
	for _, part := range []string{n.First, n.Von, n.Last, n.Jr, n.Literal} {
		if !utf8.ValidString(part) || !latexCollapsed(part) {
			t.Fatalf("ParseNames(%q): %+v has a bad part %q", in, n, part)
		}
	}
}

func FuzzParseNames(f *testing.F) {
	for _, s := range []string{
		"Jan van der Berg and King, Jr., Martin Luther and others", "{World Health Organization}",
		`{\"O}zt{\"u}rk, Ahmet`, "Smith, {John and Doe", ",,,", "and", "a, b, c, d", "{\\'E}mile {}",
	} {
		f.Add(s)
	}
	latexSeeds(f, 300, "author", "editor")
	f.Fuzz(func(t *testing.T, s string) {
		names, _ := bibtex.ParseNames(s)
		for _, n := range names {
			nameCheck(t, s, n)
		}
	})
}

func BenchmarkParseNames(b *testing.B) {
	for _, in := range []struct{ name, list string }{
		{"plain", "Krogstrup, Peter and Yamasaki, Jun and Johnson, Erik and Wagner, Jakob B and Pennington, Robert"},
		{"latex", `Nyg{\aa}rd, Jesper and S{\o}rensen, Claus B and van der Berg, Jan and {\"O}zt{\"u}rk, Ahmet and {World Health Organization} and others`},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bibtex.ParseNames(in.list)
			}
		})
	}
}

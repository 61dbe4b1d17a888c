package bibtex_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/textfile"
)

type latexCase struct {
	in, want string
}

func latexRun(t *testing.T, cases []latexCase) {
	t.Helper()
	for _, c := range cases {
		if got := bibtex.Decode(c.in); got != c.want {
			t.Errorf("Decode(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDecode_PlainTextIsReturnedUnchanged(t *testing.T) {
	latexRun(t, []latexCase{
		{"", ""},
		{"Deep learning for biology", "Deep learning for biology"},
		{"state-of-the-art methods, 2019-2020", "state-of-the-art methods, 2019-2020"},
		{"O'Brien's data", "O'Brien's data"},
		{"50% of 10.1000/xyz", "50% of 10.1000/xyz"},
		{"Öztürk, Łódź and Ærøskøbing", "Öztürk, Łódź and Ærøskøbing"},
		{"深度学习 — обзор", "深度学习 — обзор"},
	})
}

func TestDecode_PlainTextDoesNotAllocate(t *testing.T) {
	for _, s := range []string{"Deep learning for biology", "Öztürk and Łódź", "pages 1-10"} {
		if n := testing.AllocsPerRun(100, func() { bibtex.Decode(s) }); n != 0 {
			t.Errorf("Decode(%q) allocates %v times, want 0", s, n)
		}
	}
}

func TestDecode_AccentsInEverySpelling(t *testing.T) {
	latexRun(t, []latexCase{
		{`{\"o}`, "ö"},
		{`\"{o}`, "ö"},
		{`\"o`, "ö"},
		{`\" o`, "ö"},
		{`\'e`, "é"},
		{`\'{e}`, "é"},
		{`{\'e}`, "é"},
		{"\\`a", "à"},
		{`\^o`, "ô"},
		{`\~n`, "ñ"},
		{`\=a`, "ā"},
		{`\.z`, "ż"},
		{`\u{g}`, "ğ"},
		{`\u g`, "ğ"},
		{`\v{c}`, "č"},
		{`\v c`, "č"},
		{`\H{o}`, "ő"},
		{`\c{c}`, "ç"},
		{`Fran{\c c}ois`, "François"},
		{`\k{a}`, "ą"},
		{`\r{a}`, "å"},
		{`\d{s}`, "ṣ"},
		{`\b{b}`, "ḇ"},
		{`\t{oo}`, "o\u0361o"},
		{`\c{S}\v{Z}\H{U}`, "ŞŽŰ"},
		{`{\"{O}}nsten`, "Önsten"},
		{`Schr\"{o}dinger`, "Schrödinger"},
		{`Bj{\"{o}}rk`, "Björk"},
		{`P\u{a}s\u{a}reanu`, "Păsăreanu"},
	})
}

func TestDecode_DotlessIAndJUnderAccents(t *testing.T) {
	latexRun(t, []latexCase{
		{`\'{\i}`, "í"},
		{`\'\i`, "í"},
		{`{\'\i}`, "í"},
		{`\"{\i}`, "ï"},
		{`\^{\j}`, "ĵ"},
		{`\v{\j}`, "ǰ"},
		{`Mart{\'\i}nez`, "Martínez"},
		{`D{\'i}az`, "Díaz"},
		{`\'{\i{}}`, "í"},
	})
}

func TestDecode_SpecialLetters(t *testing.T) {
	latexRun(t, []latexCase{
		{`Stra\ss e`, "Straße"},
		{`Wei{\ss}`, "Weiß"},
		{`S{\o}rensen`, "Sørensen"},
		{`{\O}stergaard`, "Østergaard"},
		{`{\ae}{\AE}{\oe}{\OE}`, "æÆœŒ"},
		{`Nyg{\aa}rd`, "Nygård"},
		{`{\AA}ngstr{\"o}m`, "Ångström"},
		{`{\L}{\'o}d{\'z}`, "Łódź"},
		{`Micha\l{}owski`, "Michałowski"},
		{`\i\j`, "ıȷ"},
		{`{\dh}{\th}{\ng}`, "ðþŋ"},
		{`\'{\o}`, "ǿ"},
		{`\LaTeX{} and \TeX`, "LaTeX and TeX"},
	})
}

func TestDecode_EscapedCharacters(t *testing.T) {
	latexRun(t, []latexCase{
		{`Johnson \& Johnson`, "Johnson & Johnson"},
		{`50\% more`, "50% more"},
		{`costs \$5`, "costs $5"},
		{`issue \#3`, "issue #3"},
		{`snake\_case`, "snake_case"},
		{`\{braces\}`, "{braces}"},
		{`C:\textbackslash{}temp`, `C:\temp`},
	})
}

func TestDecode_DashesAndQuotes(t *testing.T) {
	latexRun(t, []latexCase{
		{"pages 1--10", "pages 1–10"},
		{"yes---no", "yes—no"},
		{"a -- b", "a – b"},
		{"x-{}-y", "x--y"},
		{"1990\\textendash 2000", "1990–2000"},
		{`wait\textemdash{}what`, "wait—what"},
		{"``quoted''", "“quoted”"},
		{"`single'", "‘single’"},
		{"the `word' and O'Brien", "the ‘word’ and O'Brien"},
		{`Moore\textquoteright s law`, "Moore’s law"},
		{`\textquoteleft x\textquoteright`, "‘x’"},
		{"!`Hola! ?`Qu\\'e?", "¡Hola! ¿Qué?"},
	})
}

func TestDecode_SpacesCollapseAndTrim(t *testing.T) {
	latexRun(t, []latexCase{
		{"a~b", "a b"},
		{"Prof.~Smith", "Prof. Smith"},
		{`a\,b`, "a b"},
		{`a\;b`, "a b"},
		{`a\quad b`, "a b"},
		{`a\ b`, "a b"},
		{"a\\\fb\\\v", "a b"},
		{`line\\break`, "line break"},
		{"  several \n\t lines\r\n  of text  ", "several lines of text"},
		{"a ~ ~ b", "a b"},
		{"two  spaces", "two spaces"},
		{" {x} ", "x"},
		{"{} x", "x"},
	})
}

func TestDecode_FormattingCommandsKeepTheirArgument(t *testing.T) {
	latexRun(t, []latexCase{
		{`\emph{Drosophila} genes`, "Drosophila genes"},
		{`\textit{in vivo}`, "in vivo"},
		{`\textbf{bold} and \textsc{Small Caps}`, "bold and Small Caps"},
		{`\texttt{code}`, "code"},
		{`\mkbibquote{Quoted} title`, "Quoted title"},
		{`\mkbibemph{x}`, "x"},
		{`{\em Emphasis} here`, "Emphasis here"},
		{`{\bf Bold}`, "Bold"},
		{`\enquote*{Series}`, "Series"},
		{`\unknowncommand{kept}`, "kept"},
		{`before \unknown after`, "before after"},
		{`word\relax{}s`, "words"},
	})
}

func TestDecode_LinksKeepTheirVisibleText(t *testing.T) {
	latexRun(t, []latexCase{
		{`\url{https://example.org/~user/a_b}`, "https://example.org/~user/a_b"},
		{`see \url{http://x.org/a--b%20c}`, "see http://x.org/a--b%20c"},
		{`\url{http://x.org/50\%25}`, "http://x.org/50%25"},
		{`\href{https://doi.org/10.1/x}{the paper}`, "the paper"},
		{`\href {https://x.org} {spaced}`, "spaced"},
		{`\href{https://x.org/only}`, "https://x.org/only"},
	})
}

func TestDecode_MathIsKeptAsWritten(t *testing.T) {
	latexRun(t, []latexCase{
		{`$x^2$`, `$x^2$`},
		{`The $\alpha$-helix`, `The $\alpha$-helix`},
		{`an \(\beta\) sheet`, `an \(\beta\) sheet`},
		{`$$E = mc^2$$`, `$$E = mc^2$$`},
		{`$a--b$ but a--b`, `$a--b$ but a–b`},
		{"$a \n  + b$", "$a + b$"},
		{`$\$5$`, `$\$5$`},
		{`a $ alone`, `a $ alone`},
		{`{ELECTRE}$^\mathrm{{GKMS}}$: robust`, `ELECTRE$^\mathrm{{GKMS}}$: robust`},
	})
}

func TestDecode_BracesAreRemoved(t *testing.T) {
	latexRun(t, []latexCase{
		{"{DNA} repair", "DNA repair"},
		{"{{Deep Learning}}", "Deep Learning"},
		{"unbalanced {brace", "unbalanced brace"},
		{"stray} brace", "stray brace"},
		{"{}", ""},
	})
}

func TestDecode_InvisibleArgumentsAreDropped(t *testing.T) {
	latexRun(t, []latexCase{
		{`{\noopsort{1973b}}1973`, "1973"},
		{`a\vphantom{x}b`, "ab"},
		{`see \cite{smith2019}`, "see"},
		{`a\hspace{1em}b`, "a b"},
		{`a\hspace*{0.5cm}b`, "a b"},
		{`de’\hspace{0pt}Medici`, "de’Medici"},
		{`a\hspace{0.0cm}b\hspace 3c\hspace`, "ab c"},
	})
}

func TestDecode_SymbolsOutsideMath(t *testing.T) {
	latexRun(t, []latexCase{
		{`H\textsubscript{2}O`, "H₂O"},
		{`10\textsuperscript{-3} s`, "10⁻³ s"},
		{`1\textsuperscript{st}`, "1st"},
		{`\ensuremath{\alpha}-synuclein`, "α-synuclein"},
		{`25\textdegree C \textpm 2`, "25°C ±2"},
		{`\copyright{} 2020`, "© 2020"},
		{`Wait\ldots`, "Wait…"},
		{`x\symbol{126}y \char92 z \symbol{"7E}`, `x~y \z ~`},
		{`\symbol{x}`, "x"},
	})
}

func TestDecode_CombiningSequencesAreComposed(t *testing.T) {
	latexRun(t, []latexCase{
		{"e\u0301cole", "école"},
		{`\d{\^{a}}`, "ậ"},
		{`\c{\u{e}}`, "ḝ"},
		{`\'{\"u}`, "ǘ"},
	})
}

func TestDecode_InvalidUTF8IsReplaced(t *testing.T) {
	latexRun(t, []latexCase{
		{"a\xffb", "a\uFFFDb"},
		{"{a}\xc3", "a\uFFFD"},
		{`\'` + "\xff", "\uFFFD\u0301"},
	})
}

func TestDecode_MalformedInputIsBestEffort(t *testing.T) {
	latexRun(t, []latexCase{
		{`\`, ""},
		{`trailing \'`, "trailing ´"},
		{`\"{`, "¨"},
		{`0 \t`, "0"},
		{`a \d{} b`, "a b"},
		{`\^{}`, "^"},
		{`http://x.org/\~{}user`, "http://x.org/~user"},
		{`\href{`, ""},
		{`\url{http://x`, "http://x"},
		{`\(unclosed`, "(unclosed"},
		{`\'\unknown x`, "x"},
		{strings.Repeat(`\"{`, 200) + "o" + strings.Repeat("}", 200), "ö\u0308\u0308\u0308\u0308\u0308\u0308\u0308\u0308"},
	})
}

func TestDecodeTitle_ProtectedGroups(t *testing.T) {
	cases := []struct {
		in        string
		text      string
		protected []string
	}{
		{"{DNA} repair in {E. coli}", "DNA repair in E. coli", []string{"DNA", "E. coli"}},
		{`{\"O}sterreich im {19.} Jahrhundert`, "Österreich im 19. Jahrhundert", []string{"19."}},
		{`{\"O}sterreich`, "Österreich", nil},
		{"{{Deep Learning}}", "Deep Learning", []string{"Deep Learning"}},
		{`{{\"O}sterreich}`, "Österreich", []string{"Österreich"}},
		{`A {Non{\'e}lastic} {RNA}-seq model`, "A Nonélastic RNA-seq model", []string{"Nonélastic", "RNA"}},
		{`\emph{Drosophila} genes`, "Drosophila genes", nil},
		{`\textbf{{DNA}} and \mkbibquote{The {RNA} World}`, "DNA and The RNA World", []string{"DNA", "RNA"}},
		{`\textbf{{\"O}sterreich}`, "Österreich", nil},
		{`\href{https://x.org}{Link} to {NASA}`, "Link to NASA", []string{"NASA"}},
		{`\href{https://x.org/{a}}{About {NASA}}`, "About NASA", []string{"NASA"}},
		{`\LaTeX{} for {TeX}perts`, "LaTeX for TeXperts", []string{"TeX"}},
		{`{ } and {} only`, "and only", nil},
		{`{"}Quoted{"} {{Vapor}}\textendash{{Liquid}}`, `"Quoted" Vapor–Liquid`, []string{"Vapor", "Liquid"}},
		{`The {$\alpha$} helix`, `The $\alpha$ helix`, []string{`$\alpha$`}},
		{"plain title", "plain title", nil},
		{"{unclosed", "unclosed", nil},
		{"e\u0301 {e\u0301}", "é é", []string{"é"}},
	}
	for _, c := range cases {
		text, protected := bibtex.DecodeTitle(c.in)
		if text != c.text || !slices.Equal(protected, c.protected) {
			t.Errorf("DecodeTitle(%q) = %q, %q; want %q, %q", c.in, text, protected, c.text, c.protected)
		}
		if d := bibtex.Decode(c.in); d != text {
			t.Errorf("Decode(%q) = %q, DecodeTitle gives %q", c.in, d, text)
		}
	}
}

// latexCorpora is the shared test corpus, found from the package directory.
var latexCorpora = filepath.Join("..", "..", "..", "shared", "corpora")

// latexCorpusFiles lists some real BibTeX files: a physicist's collection
// with LaTeX accents and Zotero exports with Unicode, protected titles and
// particles. It returns nil when the corpus is absent.
func latexCorpusFiles() []string {
	var files []string
	for _, pattern := range []string{
		"bibtex/bibliotex/*.bib",
		"bibtex/bbt-zotero-exports/*.biblatex",
		"bibtex/bbt-zotero-exports/*.bibtex",
		"bibtex/bibtex-tidy-tests/*.bib",
	} {
		m, _ := filepath.Glob(filepath.Join(latexCorpora, pattern))
		files = append(files, m...)
	}
	return files
}

var latexFieldStart = regexp.MustCompile(`(?m)^\s*([A-Za-z][A-Za-z_-]*)\s*=\s*([{"])`)

// latexCorpusValues returns the values of the named fields (all fields when
// none is named) in the files, without their outer delimiters.
func latexCorpusValues(tb testing.TB, files []string, fields ...string) []string {
	tb.Helper()
	var values []string
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		src := string(data)
		for _, m := range latexFieldStart.FindAllStringSubmatchIndex(src, -1) {
			name := strings.ToLower(src[m[2]:m[3]])
			if len(fields) > 0 && !slices.Contains(fields, name) {
				continue
			}
			if v, ok := latexDelimited(src[m[4]:]); ok {
				values = append(values, v)
			}
		}
	}
	return values
}

// latexDelimited returns the braced or quoted value at the start of s.
func latexDelimited(s string) (string, bool) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 && s[0] == '{' {
				return s[1:i], true
			}
		case '"':
			if i > 0 && depth == 0 && s[0] == '"' {
				return s[1:i], true
			}
		}
	}
	return "", false
}

func TestDecode_RealFieldValuesBecomeText(t *testing.T) {
	files := latexCorpusFiles()
	if len(files) == 0 {
		t.Skipf("corpus not found at %s: the shared test corpora are not checked out", latexCorpora)
	}
	values := latexCorpusValues(t, files)
	if len(values) < 1000 {
		t.Fatalf("found only %d field values in %d files; is the extractor broken?", len(values), len(files))
	}
	// Values that may rightly keep a backslash or a brace in their text.
	literal := regexp.MustCompile(`\$|\\[(\[]|\\textbackslash|\\[{}]|\\textbrace|\\url|\\href|\\verb|\\begin|\\\\$`)
	var accented int
	for _, v := range values {
		got := bibtex.Decode(v)
		if !utf8.ValidString(got) {
			t.Errorf("Decode(%q) = %q: invalid UTF-8", v, got)
		}
		if strings.ContainsAny(v, `\{`) && !literal.MatchString(v) && strings.ContainsAny(got, `\{}`) {
			t.Errorf("Decode(%q) = %q: LaTeX left in the text", v, got)
		}
		if latexAccented.MatchString(v) {
			accented++
			if !strings.ContainsAny(got, "öé") {
				t.Errorf("Decode(%q) = %q: accent lost", v, got)
			}
		}
		if latexStable(got) && bibtex.Decode(got) != got {
			t.Errorf("Decode(%q) = %q, decoded again %q", v, got, bibtex.Decode(got))
		}
	}
	if accented == 0 {
		t.Error("no accented value found; the corpus files changed?")
	}
}

var latexAccented = regexp.MustCompile(`(^|[^\\])(\{\\"o\}|\\'\{e\})`)

// latexStable reports whether Decode must give s back unchanged: s is plain
// text with none of the characters that Decode reads as LaTeX. An output
// may rightly hold them: \~{} gives "~" and -{}- gives "--".
func latexStable(s string) bool {
	return !strings.ContainsAny(s, "\\{}~`") && !strings.Contains(s, "--") && !strings.Contains(s, "''")
}

// latexInert reports whether s is plain ASCII text that Decode must return
// as it is: printable, none of \ { } $ ~ and backquote, no dash or quote
// ligature (two hyphens, two apostrophes), and single spaces between words.
func latexInert(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || strings.IndexByte("\\{}$~`", c) >= 0 {
			return false
		}
	}
	return latexCollapsed(s) && !strings.Contains(s, "--") && !strings.Contains(s, "''")
}

// latexCollapsed reports whether s has no ASCII whitespace but single spaces
// between words. Other spaces, such as U+00A0, are text and stay.
func latexCollapsed(s string) bool {
	return !strings.ContainsAny(s, "\t\n\r\f\v") && !strings.Contains(s, "  ") &&
		!strings.HasPrefix(s, " ") && !strings.HasSuffix(s, " ")
}

// latexSeeds adds up to limit real values of the named fields to f. Long
// values are left out: the fuzzer spends its time minimising them.
func latexSeeds(f *testing.F, limit int, fields ...string) {
	files := latexCorpusFiles()
	if len(files) == 0 {
		return // seeding from real data is a bonus; the fuzzer runs without it
	}
	files = files[:min(len(files), 12)]
	var short []string
	for _, v := range latexCorpusValues(f, files, fields...) {
		if len(v) <= 200 {
			short = append(short, v)
		}
	}
	step := max(1, len(short)/limit)
	for i := 0; i < len(short); i += step {
		f.Add(short[i])
	}
}

// TestDecode_EscapedSpaceInAURLCollapses: "\ " in \url{...} is a space
// and is trimmed and collapsed like any other (FuzzDecode found one kept at
// the end).
func TestDecode_EscapedSpaceInAURLCollapses(t *testing.T) {
	for in, want := range map[string]string{
		`\url{http://x.org/a\ }`:     "http://x.org/a",
		`\url{http://x.org/a\ \ b}`:  "http://x.org/a b",
		`\url{http://x.org/a\_b\%c}`: "http://x.org/a_b%c",
	} {
		if got := bibtex.Decode(in); got != want {
			t.Errorf("Decode(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDecode_AccentOnAnInvalidByte: \b{\x95} put the mark on U+0095, a
// control character, taking the byte for a code point (found by
// FuzzDecode); an invalid byte is U+FFFD here as everywhere.
func TestDecode_AccentOnAnInvalidByte(t *testing.T) {
	if got := bibtex.Decode("\\b{\x95}"); got != "\uFFFD\u0331" {
		t.Errorf("Decode = %q, want U+FFFD with the macron below", got)
	}
	if got := bibtex.Decode(`\b{o}`); got != "o\u0331" {
		t.Errorf("Decode(\\b{o}) = %q", got)
	}
}

// TestDecode_CharCodesOfControlCharactersAreNotWritten: \char and \symbol
// name a character by number; a control character is no text, as the
// escape character, DEL and the C1 controls are not.
func TestDecode_CharCodesOfControlCharactersAreNotWritten(t *testing.T) {
	for _, in := range []string{`\char27`, `\symbol{"1B}`, `\char127`, `\symbol{155}`} {
		if got := bibtex.Decode(in); strings.IndexFunc(got, func(r rune) bool { return r < ' ' || r >= 0x7F && r <= 0x9F }) >= 0 {
			t.Errorf("Decode(%q) = %q", in, got)
		}
	}
	if got := bibtex.Decode(`\char126`); got != "~" {
		t.Errorf("Decode(\\char126) = %q, want ~", got)
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{\"O}sterreich`, `\'{\i}`, "``x''", "a--b---c", `$x$ \(y\)`, `\href{u}{t}`, `\url{a~b}`,
		`{\noopsort{a}}b`, `\"{`, `\`, "\xff", `\t{oo}`, `H\textsubscript{2}O`, "{DNA} {{x}}",
	} {
		f.Add(s)
	}
	latexSeeds(f, 300, "title", "journal", "booktitle", "publisher", "note", "url")
	f.Fuzz(func(t *testing.T, s string) {
		got := bibtex.Decode(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Decode(%q) = %q: invalid UTF-8", s, got)
		}
		if !latexCollapsed(got) {
			t.Fatalf("Decode(%q) = %q: whitespace not collapsed", s, got)
		}
		if latexStable(got) {
			if again := bibtex.Decode(got); again != got {
				t.Fatalf("Decode(%q) = %q, decoded again %q", s, got, again)
			}
		}
		if latexInert(s) && got != s {
			t.Fatalf("Decode(%q) = %q: plain text changed", s, got)
		}
		if _, in := textfile.ReplaceControls(s); in < 0 {
			if _, out := textfile.ReplaceControls(got); out >= 0 {
				t.Fatalf("Decode(%q) = %q writes a control character", s, got)
			}
		}
		text, protected := bibtex.DecodeTitle(s)
		if text != got {
			t.Fatalf("DecodeTitle(%q) = %q, Decode gives %q", s, text, got)
		}
		if latexInert(s) && len(protected) > 0 {
			t.Fatalf("DecodeTitle(%q) protects %q in plain text", s, protected)
		}
		for _, p := range protected {
			if p == "" || !utf8.ValidString(p) {
				t.Fatalf("DecodeTitle(%q) protects %q", s, p)
			}
		}
	})
}

var latexBenchInputs = []struct{ name, in string }{
	{"plain", "Opportunities and obstacles for deep learning in biology and medicine"},
	{"unicode", "Öztürk, Łódź: Die Entwicklung der Gesellschaft in Österreich"},
	{"latex", `{\"O}sterreich und die {DNA}-Reparatur: \emph{in vivo} Studien von Schr\"{o}dinger, Nyg{\aa}rd \& S{\o}rensen, 1990--2000`},
	{"accents", `Fran{\c c}ois L{\'e}onard and Jos{\'e} Mar{\'\i}a Garc{\'\i}a-V{\'a}zquez`},
	{"math", `The $\alpha$-helix and ${\beta}$-sheet in \textsc{RNA} folding`},
}

func BenchmarkDecode(b *testing.B) {
	for _, in := range latexBenchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in.in)))
			for b.Loop() {
				bibtex.Decode(in.in)
			}
		})
	}
}

// BenchmarkDecode_RealLibrary decodes every field of one user's Zotero
// library of 3,725 entries, the size the decoder is made for.
func BenchmarkDecode_RealLibrary(b *testing.B) {
	file := filepath.Join(latexCorpora, "bibtex", "bbt-zotero-exports", "Cache_does_not_seem_to_fill_1296.bibtex")
	if _, err := os.Stat(file); err != nil {
		b.Skipf("corpus not found at %s: the shared test corpora are not checked out", latexCorpora)
	}
	values := latexCorpusValues(b, []string{file})
	var size int64
	for _, v := range values {
		size += int64(len(v))
	}
	b.ReportAllocs()
	b.SetBytes(size)
	for b.Loop() {
		for _, v := range values {
			bibtex.Decode(v)
		}
	}
	b.ReportMetric(float64(len(values)), "fields/op")
}

func BenchmarkDecodeTitle(b *testing.B) {
	in := `{DNA} repair in {E. coli}: a {\"O}sterreich study of \emph{in vivo} {CRISPR}--{Cas9}`
	b.ReportAllocs()
	for b.Loop() {
		bibtex.DecodeTitle(in)
	}
}

// A URL, DOI or file field keeps a ~ as a tilde, as \url{} does: read as a
// non-breaking space it would never match the same URL written elsewhere.
func TestDecodeVerbatim_KeepsTildes(t *testing.T) {
	for in, want := range map[string]string{
		`http://www.cs.toronto.edu/~hinton/absps/fastnc.pdf`: "http://www.cs.toronto.edu/~hinton/absps/fastnc.pdf",
		`{https://x.org/a\_b\%20c}`:                          "https://x.org/a_b%20c",
		`10.1000/{ABC}\_1`:                                   "10.1000/ABC_1",
	} {
		if got := bibtex.DecodeVerbatim(in); got != want {
			t.Errorf("DecodeVerbatim(%q) = %q, want %q", in, got, want)
		}
	}
	p := bibtex.NewParser()
	p.Parse("a.bib", []byte("@misc{k, url = {http://www.cs.toronto.edu/~hinton/}, note = {a~b}}"))
	r := p.References()[0]
	if u, _ := r.Get("url"); u != "http://www.cs.toronto.edu/~hinton/" {
		t.Errorf("url = %q, want the tilde kept", u)
	}
	if n, _ := r.Get("note"); n != "a b" {
		t.Errorf("note = %q, want the tie read as a space", n)
	}
}

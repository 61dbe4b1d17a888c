package article

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/textfile"
)

// The readers are fuzzed one format per target, so that each gets its own
// time in CI and its own corpus under testdata/fuzz.

// allFormats lists the article formats, for tests that run every reader.
var allFormats = []corpus.Format{corpus.Markdown, corpus.HTML, corpus.LaTeX, corpus.Text}

// fuzzSeeds are small articles that every reader is fed, whatever their
// format: a reader meets other formats' syntax in real files too.
var fuzzSeeds = []string{
	newsPage, texPaper, textArticle,
	"# H\n\nText [@a]. More.^1^ x<sup>2</sup>[^n]\n\n[^n]: Note.\n\n## References\n\n1. A.\n",
	"---\ntitle: x\nbibliography: [a.bib, 'b.bib']\n---\n| a | b |\n|---|---|\n| [@k] | c |\n",
	"---\nabstract: |\n  A *b* [@k].\n\n    - c\nsubtitle: \"d\"\nabstract: 'e\n---\n# T\n\nPASADENA, Calif. — X. N.Y. Then Y.\n",
	"<main><h2>Related:</h2><p>Read more: <a href=/a>x</a></p><h3><a href=/b>y</a></h3><p>z</p><h2>Most read</h2><a href=/c>",
	"<ol start=3><li>a<li>b</ol><div id=refs><div id=ref-x class=csl-entry>X</div></div>",
	`\begin{document}\section{A}\footnote{\footnote{x}}\cite[a][b]{c}$x$\begin{itemize}\item a\end{itemize}\end{document}`,
	`\begin{thebibliography}{9}\bibitem{a} A. \newblock B.\end{thebibliography}`,
	"\\emph{\\emph{\\emph{", "<p><sup><a href=#fn1 class=footnote-ref>1</a></sup>", "{\\'e}\\\"{o}\\c{c}~--- ``q''",
	"TITLE\n=====\n\n- a\n1) b\n\nREFERENCES\n\n[1] x\n[2] y\n",
	"<!-- evident:ignore uncited-claim -- why -->\nA claim (1).\n% evident:ignore\nevident:ignore stale, weak-support\n",
	"<p onclick=x()>Text<script>var claim = 'Vitamin D cures 90% of colds';</script><style>p{}</style>" +
		"<iframe src=javascript:alert(1)>frame text</iframe><img src=x onerror=alert(1)></p>",
	"Para <div>raw <b>html</b></div>\n\n<script>\nno claim 50%\n</script>\n\n<!-- comment -->\n",
	"Line one.\r\nLine two (Smith, 2019).\r\n\r\nNext\rparagraph.",
	"\xef\xbb\xbfBOM then \xff invalid \xc3 bytes.", "Line one.\n\x00binary", "\xff\xfeU\x00T\x00F\x00\n\x00\x00\xd8",
	strings.Repeat("- ", 120) + "deep\n" + strings.Repeat("> ", 120) + "quote\n",
	strings.Repeat("{", 300) + "braces" + strings.Repeat("}", 300),
	strings.Repeat("<div>", 300) + "nested",
	"Claim \\href[x]{https://doi.org/10.1/a\\%b}{the \\href{y}{z}} and \\url{https://x.org/a\\_b\n}. \\href{u}{\n\n}\\url{",
	"A <a href=\"https://x.org/a\">raw <b>link</b></a> and <a href='https://y.org'>[![i](p.png)](https://z.org)</a> <a href=u>open\n\n<a>",
}

// fuzzCorpusSeeds returns pieces of the shared corpora's real articles
// matching the patterns (relative to the corpora's articles folder): whole
// files up to a few kilobytes, and from larger ones a few slices cut at
// line ends. None when the corpora are absent.
func fuzzCorpusSeeds(patterns ...string) [][]byte {
	const size = 4000
	var out [][]byte
	for _, p := range patterns {
		files, _ := filepath.Glob(filepath.Join(corporaDir, p))
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				continue
			}
			if len(data) <= size {
				out = append(out, data)
				continue
			}
			for _, at := range []int{0, len(data) / 3, 2 * len(data) / 3} {
				start := at
				if i := strings.IndexByte(string(data[at:]), '\n'); at > 0 && i >= 0 {
					start = at + i + 1
				}
				end := min(len(data), start+size)
				if i := strings.LastIndexByte(string(data[start:end]), '\n'); i > 0 {
					end = start + i + 1
				}
				out = append(out, data[start:end])
			}
		}
	}
	return out
}

// fuzzRead runs one reader's fuzz target.
func fuzzRead(f *testing.F, format corpus.Format, patterns ...string) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	for _, data := range fuzzCorpusSeeds(patterns...) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkRead(t, format, data)
	})
}

func FuzzReadMarkdown(f *testing.F) {
	fuzzRead(f, corpus.Markdown, "manubot-rootstock/*.md", "deep-review/content/*.md", "deep-review/output/manuscript.md")
}

func FuzzReadHTML(f *testing.F) {
	fuzzRead(f, corpus.HTML, "deep-review/output/manuscript.html", "plos-jats/*.xml", "../csl/citeproc-extra-tests/*.txt")
}

func FuzzReadJATS(f *testing.F) {
	f.Add([]byte(`<article><body><p>a [<xref ref-type="bibr" rid="r1">1</xref>–<xref ref-type="bibr" rid="r2">2</xref>]</p></body><back><ref-list><ref id="r1"><label>1</label><mixed-citation>x</mixed-citation></ref></ref-list></back></article>`))
	f.Add([]byte(`<article><body><p>See <ext-link ext-link-type="doi" xlink:href="10.1/x">it <uri>u</uri></ext-link> and <uri/>.</p></body><back><ref-list><ref id="r1"><mixed-citation><ext-link xlink:href="https://a.org">a</ext-link></mixed-citation></ref></ref-list></back></article>`))
	if data, err := os.ReadFile("testdata/jats/small.xml"); err == nil {
		f.Add(data)
	}
	fuzzRead(f, corpus.JATS, "plos-jats/journal.pmed.0030132.xml")
}

func FuzzReadLaTeX(f *testing.F) {
	fuzzRead(f, corpus.LaTeX, "jabref-latex/*.tex", "latex-fail-paper/fail.tex")
}

func FuzzReadText(f *testing.F) {
	fuzzRead(f, corpus.Text, "deep-review/content/0[17]*.md", "jabref-latex/paper*.tex", "../labels/*/*.jsonl")
}

// checkRead reads data as format and checks what the rest of evident relies
// on: no reader fails on text, every position (blocks, list entries, the
// list's heading, evident:ignore comments, sentences, markers) is inside the
// input, text is trimmed valid UTF-8, sentences and their markers match
// their text, and script and style content never becomes prose.
func checkRead(t *testing.T, format corpus.Format, data []byte) {
	doc, err := Read("fuzz", data, format)
	if err != nil {
		var line int
		if _, e := fmt.Sscanf(err.Error(), "fuzz:%d: binary file", &line); e != nil || !errors.Is(err, textfile.ErrBinary) ||
			line < 1 || line > bytes.Count(data, []byte("\n"))+1 {
			t.Fatalf("%s reader failed: %v", format, err)
		}
		return // not text
	}
	text, _, _ := clean("fuzz", data)
	checkDocument(t, doc, text)
	lines := strings.Count(text, "\n") + 1
	inside := func(p corpus.Position) bool { return p.Line >= 1 && p.Line <= lines && p.Col >= 1 }
	for _, w := range doc.Warnings {
		if w.File != "fuzz" || w.Line < 0 || w.Line > lines {
			t.Fatalf("warning %v outside the %d lines", w, lines)
		}
	}
	if !utf8.ValidString(doc.Title) {
		t.Fatalf("title %q is not UTF-8", doc.Title)
	}
	if doc.RefListHeading != "" && !inside(doc.RefListPos) {
		t.Fatalf("reference list heading %q at %v, outside the %d lines", doc.RefListHeading, doc.RefListPos, lines)
	}
	for _, b := range doc.Blocks {
		if !utf8.ValidString(b.Text) {
			t.Fatalf("block %q is not UTF-8", b.Text)
		}
		if _, at := textfile.ReplaceControls(b.Text); at >= 0 {
			t.Fatalf("block %q has a control character", b.Text)
		}
	}
	for _, s := range doc.Suppressions {
		if s.Line < 1 || s.Line > lines {
			t.Fatalf("evident:ignore at line %d of %d", s.Line, lines)
		}
		for _, c := range s.Codes {
			if c == "" || strings.ContainsAny(c, " \t\n,") {
				t.Fatalf("evident:ignore code %q", c)
			}
		}
	}
	for _, l := range doc.Links {
		if !utf8.ValidString(l.Href) || !utf8.ValidString(l.Text) || l.Text != strings.TrimSpace(l.Text) {
			t.Fatalf("link %q %q: not UTF-8 or untrimmed", l.Href, l.Text)
		}
		if !inside(l.Pos) {
			t.Fatalf("link %q at %v, outside the %d lines", l.Href, l.Pos, lines)
		}
	}
	for i, s := range Sentences(doc) {
		if s.Text == "" || strings.TrimSpace(s.Text) != s.Text || !utf8.ValidString(s.Text) {
			t.Fatalf("sentence %s: empty, untrimmed or not UTF-8: %q", s.ID, s.Text)
		}
		if want := "c" + strconv.Itoa(i+1); s.ID != want {
			t.Fatalf("sentence %d has id %s", i+1, s.ID)
		}
		if !inside(s.Pos) {
			t.Fatalf("sentence %s %q at %v, outside the %d lines", s.ID, s.Text, s.Pos, lines)
		}
		for _, m := range s.Markers {
			if m.Start < 0 || m.End > len(s.Text) || m.Start >= m.End || s.Text[m.Start:m.End] != m.Text {
				t.Fatalf("sentence %s %q: marker %q at [%d:%d]", s.ID, s.Text, m.Text, m.Start, m.End)
			}
			if !inside(m.Pos) {
				t.Fatalf("marker %q at %v, outside the %d lines", m.Text, m.Pos, lines)
			}
		}
	}
	// Script and style are never prose, in HTML or in Markdown's raw HTML,
	// whatever follows them.
	if (format == corpus.HTML || format == corpus.Markdown) && !strings.Contains(text, "zqj") {
		for _, hidden := range []string{
			"<script>\nvar zqjscript = 1;\n</script>\n<style>\n.zqjstyle {}\n</style>\n\n",
			"Text <script>var zqjscript;</script> and <style>.zqjstyle {}</style> <iframe>zqjframe</iframe>text.\n\n",
		} {
			doc, err := Read("fuzz", append([]byte(hidden), data...), format)
			if err != nil {
				continue
			}
			for _, b := range doc.Blocks {
				if strings.Contains(b.Text, "zqj") {
					t.Fatalf("script, style or iframe read as prose: %q", b.Text)
				}
			}
		}
	}
}

// FuzzSentences checks that the splitter covers all the text with trimmed,
// ordered, non-empty sentences.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"It relieves spasms.(3) Next it was tested.", "e.g. A. B. C.", "...", "a.[", "x.^", `y.\cite{`,
		"这是第一句。这是第二句。", "Smith et al. (2019). The", "1. 2. 3.", "“Quote.” Next", "a\n\nb",
		"spasms. [@key] Next", "U.S. The", "3.5. Next", "…", "x.¹²⁻ Y",
	} {
		f.Add(s)
	}
	// Real paragraphs, when the shared corpora are beside the checkout.
	for _, data := range fuzzCorpusSeeds("deep-review/content/0[2-7]*.md", "latex-fail-paper/fail.tex") {
		for i, para := range strings.Split(string(data), "\n\n") {
			if i%4 == 0 && len(para) > 40 {
				f.Add(para)
			}
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		prev := 0
		for _, sp := range splitSentences(text) {
			if sp[0] < prev || sp[1] <= sp[0] || sp[1] > len(text) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, text)
			}
			gap := text[prev:sp[0]]
			if strings.TrimLeft(gap, " \t\n\r") != "" {
				t.Fatalf("text %q between sentences was dropped from %q", gap, text)
			}
			s := text[sp[0]:sp[1]]
			if strings.Trim(s, " \t\n\r") != s {
				t.Fatalf("untrimmed sentence %q", s)
			}
			prev = sp[1]
		}
		if rest := text[prev:]; strings.Trim(rest, " \t\n\r") != "" {
			t.Fatalf("text %q after the last sentence was dropped", rest)
		}
	})
}

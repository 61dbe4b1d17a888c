package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

var fuzzFormats = []corpus.Format{corpus.Markdown, corpus.HTML, corpus.LaTeX, corpus.Text}

// FuzzRead checks that no input makes a reader panic and that every block
// keeps the promises the rest of evident relies on.
func FuzzRead(f *testing.F) {
	seeds := []string{
		newsPage, texPaper, textArticle,
		"# H\n\nText [@a]. More.^1^ x<sup>2</sup>[^n]\n\n[^n]: Note.\n\n## References\n\n1. A.\n",
		"---\ntitle: x\n---\n| a | b |\n|---|---|\n| [@k] | c |\n",
		"<ol start=3><li>a<li>b</ol><div id=refs><div id=ref-x class=csl-entry>X</div></div>",
		`\begin{document}\section{A}\footnote{\footnote{x}}\cite[a][b]{c}$x$\begin{itemize}\item a\end{itemize}\end{document}`,
		`\begin{thebibliography}{9}\bibitem{a} A. \newblock B.\end{thebibliography}`,
		"\\emph{\\emph{\\emph{", "<p><sup><a href=#fn1 class=footnote-ref>1</a></sup>", "{\\'e}\\\"{o}\\c{c}~--- ``q''",
		"TITLE\n=====\n\n- a\n1) b\n\nREFERENCES\n\n[1] x\n[2] y\n",
	}
	for _, s := range seeds {
		for i := range fuzzFormats {
			f.Add([]byte(s), uint8(i))
		}
	}
	for _, rel := range []string{"jabref-latex/paper.tex", "manubot-rootstock/02.delete-me.md"} {
		if data, err := os.ReadFile(filepath.Join(corporaDir, rel)); err == nil {
			for i := range fuzzFormats {
				f.Add(data, uint8(i))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		format := fuzzFormats[int(which)%len(fuzzFormats)]
		doc, err := Read("fuzz", data, format)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("%s reader failed: %v", format, err)
			}
			return // not text
		}
		text, _ := clean(data)
		checkDocument(t, doc, text)
		for _, s := range Sentences(doc) {
			if s.Text == "" || strings.TrimSpace(s.Text) != s.Text {
				t.Fatalf("sentence %s: empty or untrimmed %q", s.ID, s.Text)
			}
		}
	})
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

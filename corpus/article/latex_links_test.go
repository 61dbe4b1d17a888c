package article

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestLaTeXLinks_HrefAndURLAreLinksWithTextAndPlace(t *testing.T) {
	const src = `\begin{document}
Obesity tripled since 1975, \href{https://doi.org/10.1000/obesity.1}{the survey found}.
Data are at \url{https://data.example.org/obesity\_2016}.
Write to \href{mailto:desk@example.org}{the desk}; see \href[pdfnewwindow]{https://who.int/a\%20b}{\emph{the WHO}}.
\begin{thebibliography}{9}
\bibitem{w} WHO. \newblock Fact sheet. \url{https://who.int/fact}.
\end{thebibliography}
\end{document}
`
	doc := read(t, "a.tex", src, corpus.LaTeX)
	want := []corpus.Link{
		{Href: "https://doi.org/10.1000/obesity.1", Text: "the survey found", Pos: corpus.Position{Line: 2, Col: 70}},
		{Href: "https://data.example.org/obesity_2016", Text: `https://data.example.org/obesity\_2016`, Pos: corpus.Position{Line: 3, Col: 18}},
		{Href: "mailto:desk@example.org", Text: "the desk", Pos: corpus.Position{Line: 4, Col: 41}, Skipped: corpus.SkipScheme},
		{Href: "https://who.int/a%20b", Text: "the WHO", Pos: corpus.Position{Line: 4, Col: 106}},
		{Href: "https://who.int/fact", Text: "https://who.int/fact", Pos: corpus.Position{Line: 6, Col: 45}, Skipped: corpus.SkipRefList},
	}
	wantLinks(t, doc, want)
	// The text of a link stays prose.
	if got := doc.Blocks[0].Text; got != "Obesity tripled since 1975, the survey found. Data are at https://data.example.org/obesity\\_2016. Write to the desk; see the WHO." {
		t.Errorf("prose %q", got)
	}
}

func TestLaTeXLinks_ManyDOILinksAreNotTakenForTheSite(t *testing.T) {
	// A paper has no site of its own: five links to one host are five
	// sources, not the publication's own pages.
	src := "\\begin{document}\n"
	for _, d := range []string{"1", "2", "3", "4", "5"} {
		src += `Claim \href{https://www.who.int/report` + d + `}{` + d + "}.\n"
	}
	src += "\\end{document}\n"
	doc := read(t, "a.tex", src, corpus.LaTeX)
	for _, l := range doc.Links {
		if l.Skipped != corpus.LinkCandidate {
			t.Errorf("%s: skipped as %s", l.Href, l.Skipped)
		}
	}
	if len(doc.Links) != 5 {
		t.Errorf("%d links, want 5", len(doc.Links))
	}
}

func TestLaTeXLinks_URLEscapes(t *testing.T) {
	for in, want := range map[string]string{
		`https://x.org/a\_b\#c`:         "https://x.org/a_b#c",
		"https://x.org/long\n  /path":   "https://x.org/long/path",
		`https://x.org/\textasciitilde`: `https://x.org/\textasciitilde`,
		`https://x.org/end\`:            `https://x.org/end\`,
	} {
		if got := texURL(in); got != want {
			t.Errorf("texURL(%q) = %q, want %q", in, got, want)
		}
	}
}

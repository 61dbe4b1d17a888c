package article

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

const texPaper = `\documentclass{article}
\usepackage{natbib}
\title{Tea and \emph{Attention}}
\addbibresource{tea.bib}
\begin{document}
\maketitle
\begin{abstract}
Tea improves focus~\citep[p.~3]{lee2020,kim2021}.
\end{abstract}

\section{Introduction}\label{sec:intro}
Green tea contains L-theanine\footnote{An amino acid, see \cite{nobre2008}.} and caffeine.
% A comment with \cite{hidden} that must vanish.
Its effect is small ($d = 0.2$) but reliable \citep*{haskell2008}.
We measured it 50\% of the time, as Fig.~\ref{fig:a} shows.

\subsection*{Na\"ive readers}
Caf\'e owners \textbf{disagree}; see \href{https://example.org}{the survey} and \url{https://example.org/x}.
\[ E = mc^2 \]
\begin{equation}
  y = ax + b
\end{equation}
Results follow---clearly.

\begin{itemize}
  \item First point \citet{a}.
  \item Second point.
\end{itemize}

\begin{figure}[t]
  \includegraphics{plot.pdf}
  \caption{Attention scores by group \cite{lee2020}.}
  \label{fig:a}
\end{figure}

\begin{verbatim}
verbatim \cite{notthis} text
\end{verbatim}

\input{appendix}

\begin{thebibliography}{9}
\bibitem{lee2020} Lee, J. (2020). \emph{Tea}. Journal.
\bibitem[Kim(2021)]{kim2021} Kim, S. 2021.
\newblock Focus and tea.
\end{thebibliography}
\end{document}
This text after the document is ignored.
`

func TestLaTeX_ProseBlocks(t *testing.T) {
	doc := read(t, "a.tex", texPaper, corpus.LaTeX)
	want := []string{
		`Tea improves focus \citep[p.~3]{lee2020,kim2021}.`,
		"Introduction",
		`Green tea contains L-theanine[^fn1] and caffeine. Its effect is small but reliable \citep*{haskell2008}. We measured it 50% of the time, as Fig. shows.`,
		`An amino acid, see \cite{nobre2008}.`,
		"Naïve readers",
		"Café owners disagree; see the survey and https://example.org/x. Results follow—clearly.",
		`First point \citet{a}.`,
		"Second point.",
		`Attention scores by group \cite{lee2020}.`,
	}
	if got := blockTexts(doc); !reflect.DeepEqual(got, want) {
		t.Fatalf("blocks:\n got %q\nwant %q", got, want)
	}
	kinds := map[string]corpus.BlockKind{"Introduction": corpus.KindHeading, "An amino": corpus.KindFootnote,
		"First point": corpus.KindListItem, "Attention": corpus.KindCaption, "Green": corpus.KindSentence}
	for prefix, kind := range kinds {
		if b := block(t, doc, prefix); b.Kind != kind {
			t.Errorf("%q is %s, want %s", prefix, b.Kind, kind)
		}
	}
	if fn := block(t, doc, "An amino").Footnote; fn != "fn1" {
		t.Errorf("footnote label %q, want fn1", fn)
	}
	text := allText(doc)
	for _, gone := range []string{"hidden", "mc^2", "y = ax", "notthis", "appendix", "ignored", "plot.pdf", "sec:intro"} {
		if strings.Contains(text, gone) {
			t.Errorf("%q should not be in the text", gone)
		}
	}
	if doc.Title != "Tea and Attention" {
		t.Errorf("Title = %q", doc.Title)
	}
	if !reflect.DeepEqual(doc.Bibliography, []string{"tea.bib"}) {
		t.Errorf("Bibliography = %q", doc.Bibliography)
	}
}

func TestLaTeX_Positions(t *testing.T) {
	doc := read(t, "a.tex", texPaper, corpus.LaTeX)
	g := block(t, doc, "Green")
	for _, c := range []struct {
		needle string
		want   corpus.Position
	}{
		{"Green", corpus.Position{Line: 12, Col: 1}},
		{"[^fn1]", corpus.Position{Line: 12, Col: 30}},
		{"and caffeine", corpus.Position{Line: 12, Col: 78}},
		{"Its effect", corpus.Position{Line: 14, Col: 1}},
		{`\citep*{haskell2008}`, corpus.Position{Line: 14, Col: 46}},
		{"50%", corpus.Position{Line: 15, Col: 16}},
	} {
		if got := posOf(t, g, c.needle); got != c.want {
			t.Errorf("%q at %v, want %v", c.needle, got, c.want)
		}
	}
	if got := posOf(t, block(t, doc, "Café"), "é"); got != (corpus.Position{Line: 18, Col: 4}) {
		t.Errorf("decoded accent at %v, want 18:4", got)
	}
}

func TestLaTeX_TheBibliography(t *testing.T) {
	doc := read(t, "a.tex", texPaper, corpus.LaTeX)
	want := []corpus.ListEntry{
		{Label: "lee2020", Text: "Lee, J. (2020). Tea. Journal.", Pos: corpus.Position{Line: 43, Col: 19}},
		{Label: "kim2021", Text: "Kim, S. 2021. Focus and tea.", Pos: corpus.Position{Line: 44, Col: 30}},
	}
	if !reflect.DeepEqual(doc.RefList, want) {
		t.Errorf("RefList:\n got %+v\nwant %+v", doc.RefList, want)
	}
	if doc.RefListHeading == "" {
		t.Errorf("no RefListHeading for thebibliography")
	}
}

func TestLaTeX_ReferencesSectionWithManualList(t *testing.T) {
	src := "\\section{Results}\nIt works [1].\n\\section*{Literaturverzeichnis}\n[1] Müller, A. Titel. 2019.\n\n[2] Schmidt, B. Anderer Titel. 2020.\n"
	doc := read(t, "a.tex", src, corpus.LaTeX)
	var labels []string
	for _, e := range doc.RefList {
		labels = append(labels, e.Label+" "+e.Text)
	}
	want := []string{"1 Müller, A. Titel. 2019.", "2 Schmidt, B. Anderer Titel. 2020."}
	if !reflect.DeepEqual(labels, want) {
		t.Errorf("entries = %q, want %q", labels, want)
	}
	if doc.RefListHeading != "Literaturverzeichnis" {
		t.Errorf("RefListHeading = %q", doc.RefListHeading)
	}
}

func TestLaTeX_CiteFamilyVerbatim(t *testing.T) {
	for _, c := range []string{`\cite{a}`, `\citep{a,b}`, `\citet[see][p.~4]{a}`, `\parencite*{a}`, `\textcite{a}`,
		`\autocite[12]{a}`, `\footcite{a}`, `\nocite{a}`, `\citeauthor{a}`, `\citeyear{a}`, `\parencites(pre)(post)[1]{a}[2]{b}`} {
		doc := read(t, "a.tex", "Claim "+c+" here.", corpus.LaTeX)
		if got, want := doc.Blocks[0].Text, "Claim "+c+" here."; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestLaTeX_CommentsAndEscapedPercent(t *testing.T) {
	src := "Rates rose 5\\% a year. % not this\nNext line%\ncontinues.\n"
	doc := read(t, "a.tex", src, corpus.LaTeX)
	if got := doc.Blocks[0].Text; got != "Rates rose 5% a year. Next linecontinues." {
		t.Errorf("got %q", got)
	}
}

func TestLaTeX_EnumerateNumbersItems(t *testing.T) {
	src := "\\section{References}\n\\begin{enumerate}\n\\item Adams, R. Coffee. 2001.\n\\item Chen, L. Tea. 2005.\n\\end{enumerate}\n"
	doc := read(t, "a.tex", src, corpus.LaTeX)
	var got []string
	for _, e := range doc.RefList {
		got = append(got, e.Label+" "+e.Text)
	}
	if want := []string{"1 Adams, R. Coffee. 2001.", "2 Chen, L. Tea. 2005."}; !reflect.DeepEqual(got, want) {
		t.Errorf("entries = %q, want %q", got, want)
	}
}

// TestLaTeX_AccentOfAControlSymbolKeepsCharactersWhole: an accent command
// whose argument is a backslash and a character of several bytes (\b\é,
// or an invalid byte read as U+FFFD) took one byte of it, and the rest
// became text that was not UTF-8 (found by FuzzReadLaTeX).
func TestLaTeX_AccentOfAControlSymbolKeepsCharactersWhole(t *testing.T) {
	for _, src := range []string{"Sugar \\b\\é raises risk.", "\\b\\\xc6", "\\c\\€ x"} {
		doc := read(t, "a.tex", src, corpus.LaTeX)
		for _, b := range doc.Blocks {
			if !utf8.ValidString(b.Text) {
				t.Errorf("%q: block %q is not UTF-8", src, b.Text)
			}
		}
	}
}

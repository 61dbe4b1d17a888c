// Package article reads articles (Markdown, HTML, LaTeX, plain text, Word) into prose blocks with source positions and
// their own reference list, and splits prose into sentences; it never interprets citation markers or touches references.
//
// Every reader keeps citation markers in Block.Text exactly as the marker
// detector (package cite) expects them: numeric and author-year markers as
// written, superscripts as ^…^, pandoc citations and LaTeX \cite commands
// verbatim, footnote references as [^label]. Emphasis and other markup go;
// link text stays; inline code is kept verbatim, without its delimiters;
// math is dropped in LaTeX (and MathML in HTML) and left as written in
// Markdown and text. A line break inside a paragraph reads as a space.
// Markdown that goldmark would read in time growing with the square of its
// size keeps the markup past a bound as text (see markdown_bounds.go).
//
// Positions are 1-based lines and columns counted in Unicode characters of the
// file as decoded (package textfile: one character of the file is one
// character of the text), so an editor can jump to them.
//
// Word documents (.docx) are binary, told by their content and read from
// their bytes, by hand with archive/zip and encoding/xml: no maintained Go
// library reads the text of Office Open XML with fields (result, not
// instruction), tracked changes (read as accepted), footnotes and text
// boxes as a check needs, and the standard library suffices. A Word
// document has no lines: its positions are body paragraphs
// (corpus.PositionsParagraphs). Superscript numbers are written ^2,5^,
// note references [^1], as for the other formats.
package article

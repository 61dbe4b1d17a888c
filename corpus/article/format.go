package article

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// articleFormat is one format of article evident reads. A new format is a
// reader in its own file and one entry in formats.
type articleFormat struct {
	format corpus.Format
	names  []string // as --input-format takes them, the format's own first
	exts   []string // file extensions, lower-case, with the dot
	// sniff reports whether text is in this format beyond doubt, for a
	// file whose extension says nothing; nil for a format that has no
	// mark of its own (plain text).
	sniff func(text string) bool
	read  func(src *source) reader
	// A binary format (Word) is told by its bytes and read from them,
	// never decoded as text; its positions are paragraphs, not lines.
	sniffBinary func(data []byte) bool
	readBinary  func(path string, data []byte) (reader, error)
}

// formats lists the article formats. Read tries their sniffs in this
// order, the strictest first.
var formats = []articleFormat{
	{corpus.JATS, []string{"jats", "nxml"}, []string{".nxml"}, sniffJATS, readJATS, nil, nil},
	{corpus.HTML, []string{"html", "htm"}, []string{".html", ".htm", ".xhtml"}, sniffHTML, readHTML, nil, nil},
	{corpus.LaTeX, []string{"latex", "tex"}, []string{".tex", ".latex"}, sniffLaTeX, readLaTeX, nil, nil},
	{corpus.Markdown, []string{"markdown", "md"}, []string{".md", ".markdown", ".mdown"}, sniffMarkdown, readMarkdown, nil, nil},
	{corpus.Text, []string{"text", "txt"}, []string{".txt", ".text"}, nil, readText, nil, nil},
	{corpus.DOCX, []string{"docx", "word"}, []string{".docx"}, nil, nil, sniffDOCX, readDOCX},
}

// formatNames lists the formats as a user may name them, for error
// messages: "html (.html, .htm, .xhtml), latex (.tex, .latex), ...".
// FormatNames names the article formats by the name --input-format takes,
// in the order of the format table: "jats, html, latex, markdown, text, docx".
func FormatNames() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.names[0]
	}
	return names
}

func formatNames() string {
	var parts []string
	for _, f := range formats {
		parts = append(parts, fmt.Sprintf("%s (%s)", f.names[0], strings.Join(f.exts, ", ")))
	}
	return strings.Join(parts, ", ")
}

// DetectFormat picks an article's format from its file extension.
func DetectFormat(path string) (corpus.Format, error) {
	if f := byExtension(path); f != nil {
		return f.format, nil
	}
	return "", fmt.Errorf("%s: cannot tell the article format from the file name; formats are %s (use --input-format)", path, formatNames())
}

// PositionsFor says what the lines of an article count, told from its
// file name, for a report of a stored article that kept only its lines
// (search and cites hits): paragraphs for a Word document.
func PositionsFor(path string) corpus.Positions {
	if f := byExtension(path); f != nil && f.readBinary != nil {
		return corpus.PositionsParagraphs
	}
	return corpus.PositionsLines
}

// ParseFormat turns a format name as a user writes it (--input-format) into a
// Format.
func ParseFormat(s string) (corpus.Format, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for _, f := range formats {
		if slices.Contains(f.names, name) {
			return f.format, nil
		}
	}
	return "", fmt.Errorf("unknown article format %q; formats are %s", s, formatNames())
}

func byExtension(path string) *articleFormat {
	ext := strings.ToLower(filepath.Ext(path))
	for i := range formats {
		if slices.Contains(formats[i].exts, ext) {
			return &formats[i]
		}
	}
	return nil
}

func byFormat(f corpus.Format) *articleFormat {
	for i := range formats {
		if formats[i].format == f {
			return &formats[i]
		}
	}
	return nil
}

// binaryFormat returns the binary format data is in, whatever the file is
// called; else, when the extension or f names a binary format, an error
// saying the data is not in it; else nil.
func binaryFormat(path string, data []byte, f corpus.Format) (*articleFormat, error) {
	for i := range formats {
		if sb := formats[i].sniffBinary; sb != nil && sb(data) {
			return &formats[i], nil
		}
	}
	af := byFormat(f)
	if f == "" {
		af = byExtension(path)
	}
	if af != nil && af.readBinary != nil {
		return nil, fmt.Errorf("%s: not a %s document (its content is not one); open it in Word and save it as .docx", path, af.names[0])
	}
	return nil, nil
}

// detect picks the format of an article from its file extension, else from
// its text.
func detect(path, text string) (*articleFormat, error) {
	if f := byExtension(path); f != nil {
		return f, nil
	}
	for i := range formats {
		if formats[i].sniff != nil && formats[i].sniff(text) {
			return &formats[i], nil
		}
	}
	return nil, fmt.Errorf("%s: cannot tell the article format from the file name or its text; formats are %s (use --input-format)", path, formatNames())
}

// head returns the start of text without leading white space, lower-case
// (ASCII), for the sniffs.
func head(text string) string {
	text = strings.TrimLeft(text, " \t\r\n\uFEFF")
	return strings.ToLower(text[:min(len(text), 1024)])
}

// sniffHTML: an HTML document starts with its doctype or <html>, maybe
// after an XML declaration (XHTML) or a comment.
func sniffHTML(text string) bool {
	h := head(text)
	for strings.HasPrefix(h, "<?xml") || strings.HasPrefix(h, "<!--") {
		end := "?>"
		if strings.HasPrefix(h, "<!--") {
			end = "-->"
		}
		i := strings.Index(h, end)
		if i < 0 {
			return false
		}
		h = strings.TrimLeft(h[i+len(end):], " \t\r\n")
	}
	return strings.HasPrefix(h, "<!doctype html") || strings.HasPrefix(h, "<html")
}

// sniffLaTeX: a LaTeX document has a line that starts with \documentclass
// or \begin{document}.
func sniffLaTeX(text string) bool {
	for _, mark := range []string{`\documentclass`, `\begin{document}`} {
		for i := strings.Index(text, mark); i >= 0; {
			if i == 0 || text[i-1] == '\n' {
				return true
			}
			j := strings.Index(text[i+len(mark):], mark)
			if j < 0 {
				break
			}
			i += len(mark) + j
		}
	}
	return false
}

// sniffMarkdown: Markdown for pandoc starts with YAML front matter, or
// cites with [@key].
func sniffMarkdown(text string) bool {
	return strings.HasPrefix(text, "---\n") || strings.Contains(text, "[@")
}

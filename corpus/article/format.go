package article

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// formatNames lists the formats as a user may name them, for error messages.
const formatNames = "markdown (.md, .markdown, .mdown), text (.txt, .text), html (.html, .htm, .xhtml), latex (.tex, .latex)"

// DetectFormat picks an article's format from its file extension.
func DetectFormat(path string) (corpus.Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown":
		return corpus.Markdown, nil
	case ".txt", ".text":
		return corpus.Text, nil
	case ".html", ".htm", ".xhtml":
		return corpus.HTML, nil
	case ".tex", ".latex":
		return corpus.LaTeX, nil
	}
	return "", fmt.Errorf("%s: cannot tell the article format from the file name; formats are %s (use --input-format)", path, formatNames)
}

// ParseFormat turns a format name as a user writes it (--input-format) into a
// Format.
func ParseFormat(s string) (corpus.Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "markdown", "md":
		return corpus.Markdown, nil
	case "text", "txt":
		return corpus.Text, nil
	case "html", "htm":
		return corpus.HTML, nil
	case "latex", "tex":
		return corpus.LaTeX, nil
	}
	return "", fmt.Errorf("unknown article format %q; formats are %s", s, formatNames)
}

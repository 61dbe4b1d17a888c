package importer

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/evident-tools/evident/corpus/ris"
)

// The formats an import reads. FormatAuto picks RIS for a .ris file or
// content whose first line is a TY tag, and BibTeX otherwise.
const (
	FormatAuto   = ""
	FormatBibTeX = "bibtex"
	FormatRIS    = "ris"
)

// ParseFormat checks a --from value.
func ParseFormat(s string) (string, error) {
	switch strings.ToLower(s) {
	case "", "auto":
		return FormatAuto, nil
	case "bibtex", "bib", "biblatex":
		return FormatBibTeX, nil
	case "ris":
		return FormatRIS, nil
	}
	return "", fmt.Errorf("unknown format %q; use bibtex or ris", s)
}

// formatOf decides how to read one input.
func formatOf(in Input, data []byte) string {
	if in.Format != FormatAuto {
		return in.Format
	}
	if strings.EqualFold(filepath.Ext(in.Name), ".ris") || ris.Sniff(data) {
		return FormatRIS
	}
	return FormatBibTeX
}

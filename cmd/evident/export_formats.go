package main

import (
	"io"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export"
)

// referenceWriter returns the writer of a machine format that export
// --format names (bibtex, ris, csljson), or nil.
func referenceWriter(format string) func(io.Writer, []*corpus.Reference) error {
	switch format {
	case "bibtex":
		return export.BibTeX
	case "ris":
		return export.RIS
	case "csljson":
		return export.CSLJSON
	}
	return nil
}

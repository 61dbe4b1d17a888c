// Package export turns library references into text for people and machines:
// BibTeX now, reference-list styles and reports as they land. It reads only
// what it is given and never writes to the library.
package export

import (
	"bufio"
	"io"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// BibTeX writes refs as BibTeX that imports back to the same references.
// Each field is written from its stored source form, so nothing LaTeX or
// brace-protected is lost. A field inherited through crossref or xdata is
// written only when its parent is not among refs, so a partial export still
// carries everything the entries had.
func BibTeX(w io.Writer, refs []*corpus.Reference) error {
	present := make(map[string]bool, len(refs))
	for _, r := range refs {
		present[strings.ToLower(r.Key)] = true
	}
	bw := bufio.NewWriter(w)
	for i, r := range refs {
		if i > 0 {
			bw.WriteByte('\n')
		}
		bw.WriteString("@")
		bw.WriteString(r.Type)
		bw.WriteString("{")
		bw.WriteString(r.Key)
		bw.WriteString(",\n")
		for _, f := range r.Fields {
			if f.From != "" && present[strings.ToLower(f.From)] {
				continue
			}
			bw.WriteString("  ")
			bw.WriteString(f.Name)
			bw.WriteString(" = ")
			bw.WriteString(f.Raw)
			bw.WriteString(",\n")
		}
		bw.WriteString("}\n")
	}
	return bw.Flush()
}

package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/export/csl"
)

// CSLJSON writes refs as a CSL-JSON array, the item format that Zotero,
// pandoc and citeproc processors read. Each item is csl.FromReference of
// its reference, so the CSL-JSON says what the reference-list styles see.
// Titles keep their CSL rich-text markup (<i>, <span class="nocase">, ...),
// which the format allows; it is written as is rather than as \u003c
// escapes, so that the file stays readable.
func CSLJSON(w io.Writer, refs []*corpus.Reference) error {
	bw := bufio.NewWriter(w)
	var item bytes.Buffer
	enc := json.NewEncoder(&item)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	bw.WriteString("[")
	for i, r := range refs {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  ")
		item.Reset()
		it := csl.FromReference(r)
		if err := enc.Encode(&it); err != nil {
			return err
		}
		bw.Write(bytes.TrimRight(item.Bytes(), "\n"))
	}
	if len(refs) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

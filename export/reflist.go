package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/evident-tools/evident/export/style"
)

// ReferenceList writes formatted entries as a reference list: "text" one
// entry per line, "markdown" one paragraph per entry, "html" an <ol> (numeric
// styles) or <ul> fragment whose items carry id="ref-KEY".
func ReferenceList(w io.Writer, s *style.Style, entries []style.Entry, format string) error {
	bw := bufio.NewWriter(w)
	switch format {
	case "text":
		for _, e := range entries {
			bw.WriteString(s.Text(e))
			bw.WriteByte('\n')
		}
	case "markdown":
		for i, e := range entries {
			if i > 0 {
				bw.WriteByte('\n')
			}
			bw.WriteString(s.Markdown(e))
			bw.WriteByte('\n')
		}
	case "html":
		tag := "ul"
		if s.Numeric {
			tag = "ol"
		}
		style := ""
		if css := s.ListCSS(); css != "" {
			// The list's layout as the style asks for it (hanging indent,
			// double spacing), for a page that has no style sheet for it.
			style = ` style="` + htmlAttr(css) + `"`
		}
		fmt.Fprintf(bw, "<%s class=\"references\" data-style=\"%s\"%s>\n", tag, s.ID, style)
		for _, e := range entries {
			// The number is the list's own; the entry's label is not repeated.
			body := s.HTMLBody(e)
			fmt.Fprintf(bw, "  <li id=\"ref-%s\">%s</li>\n", htmlAttr(e.Key), body)
		}
		fmt.Fprintf(bw, "</%s>\n", tag)
	default:
		return fmt.Errorf("reference list: unknown format %q", format)
	}
	return bw.Flush()
}

var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", " ", "_")

func htmlAttr(s string) string { return attrEscaper.Replace(s) }

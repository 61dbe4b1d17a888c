package csl

import (
	"html"
	"strconv"
	"strings"
)

// BibliographyHTML puts entries rendered as HTML into the wrapper CSL
// processors write: a csl-bib-body div carrying the style's layout
// (hanging indent, line and entry spacing) as CSS, with one csl-entry div
// per entry whose id ("ref-" and the item's id) citations can link to.
// Entries rendered as text or Markdown are escaped first.
func (p *Processor) BibliographyHTML(entries []Entry) string {
	l := p.Layout()
	var css []string
	if l.HangingIndent {
		css = append(css, "padding-left: 2em", "text-indent: -2em")
	}
	if l.LineSpacing > 1 {
		css = append(css, "line-height: "+strconv.Itoa(l.LineSpacing))
	}
	var b strings.Builder
	b.WriteString(`<div class="csl-bib-body"`)
	if len(css) > 0 {
		b.WriteString(` style="` + strings.Join(css, "; ") + `"`)
	}
	b.WriteString(">\n")
	entryCSS := ""
	if l.EntrySpacing > 0 {
		entryCSS = ` style="margin-bottom: ` + strconv.Itoa(l.EntrySpacing) + `em"`
	}
	for _, e := range entries {
		text := e.Text
		if p.opts.Format != HTML {
			text = html.EscapeString(text)
		}
		b.WriteString(`  <div class="csl-entry" id="ref-` + html.EscapeString(e.ID) + `"` + entryCSS + ">" + text + "</div>\n")
	}
	b.WriteString("</div>\n")
	return b.String()
}

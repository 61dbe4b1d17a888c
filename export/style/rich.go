package style

import (
	"strings"

	"github.com/evident-tools/evident/export/csl"
)

// parseRich turns CSL rich text (a title from csl.Item) into spans. Unknown
// or unbalanced tags are kept as text: nothing a .bib file holds is lost.
func parseRich(s string) Rich {
	if s == "" {
		return nil
	}
	if !strings.ContainsAny(s, "<$") {
		return Rich{{Text: s}}
	}
	var out Rich
	var stack []string // open tags
	var cur Span
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			sp := cur
			sp.Text = b.String()
			out = append(out, sp)
			b.Reset()
		}
	}
	apply := func() {
		cur = Span{}
		for _, t := range stack {
			switch t {
			case "i":
				cur.Italic = !cur.Italic
			case "b":
				cur.Bold = true
			case "sup":
				cur.Sup = true
			case "sub":
				cur.Sub = true
			case "sc":
				cur.SmallCaps = true
			case "nocase":
				cur.noCase = true
			}
		}
	}
	for i := 0; i < len(s); {
		if s[i] != '$' && s[i] != '<' {
			// plain text up to the next mark, at once
			j := strings.IndexAny(s[i:], "<$")
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(s[i : i+j])
			i += j
			continue
		}
		if s[i] == '$' {
			// TeX math ($p$-values) shows its content, protected from
			// case changes, as pandoc prints it.
			if j := strings.IndexByte(s[i+1:], '$'); j > 0 {
				flush()
				for _, m := range parseRich(csl.Math(s[i+1 : i+1+j])) {
					sp := cur
					sp.Text, sp.noCase = m.Text, true
					sp.Sup, sp.Sub = sp.Sup || m.Sup, sp.Sub || m.Sub
					out = append(out, sp)
				}
				i += j + 2
				continue
			}
		}
		if s[i] == '<' {
			matched := false
			for _, t := range richOpen {
				if tag, name := t[0], t[1]; strings.HasPrefix(s[i:], tag) {
					flush()
					stack = append(stack, name)
					apply()
					i += len(tag)
					matched = true
					break
				}
			}
			if matched {
				continue
			}
			if strings.HasPrefix(s[i:], "</span>") && len(stack) > 0 && (stack[len(stack)-1] == "nocase" || stack[len(stack)-1] == "sc") {
				flush()
				stack = stack[:len(stack)-1]
				apply()
				i += len("</span>")
				continue
			}
			for _, t := range richClose {
				if tag, name := t[0], t[1]; strings.HasPrefix(s[i:], tag) && len(stack) > 0 && stack[len(stack)-1] == name {
					flush()
					stack = stack[:len(stack)-1]
					apply()
					i += len(tag)
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	flush()
	return out
}

// The tags parseRich reads, and the names it stacks them by. No tag is
// the start of another, so the order does not matter.
var (
	richOpen = [...][2]string{
		{"<i>", "i"}, {"<b>", "b"}, {"<sup>", "sup"}, {"<sub>", "sub"},
		{csl.SpanNoCase, "nocase"}, {csl.SpanSmallCap, "sc"},
	}
	richClose = [...][2]string{{"</i>", "i"}, {"</b>", "b"}, {"</sup>", "sup"}, {"</sub>", "sub"}}
)

func lastText(r Rich) string {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i].Text != "" {
			return r[i].Text
		}
	}
	return ""
}

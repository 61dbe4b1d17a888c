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
	open := map[string]string{
		"<i>": "i", "<b>": "b", "<sup>": "sup", "<sub>": "sub",
		csl.SpanNoCase: "nocase", csl.SpanSmallCap: "sc",
	}
	closeTag := map[string]string{"</i>": "i", "</b>": "b", "</sup>": "sup", "</sub>": "sub"}
	for i := 0; i < len(s); {
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
			for tag, name := range open {
				if strings.HasPrefix(s[i:], tag) {
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
			for tag, name := range closeTag {
				if strings.HasPrefix(s[i:], tag) && len(stack) > 0 && stack[len(stack)-1] == name {
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

// plain makes a Rich of unformatted text; empty text gives nil.
func plain(s string) Rich {
	if s == "" {
		return nil
	}
	return Rich{{Text: s}}
}

// link makes a Rich of text that links to url.
func link(text, url string) Rich {
	if text == "" {
		return nil
	}
	return Rich{{Text: text, Link: url}}
}

// italic sets italics on r; text already italic inside it turns upright,
// as CSL's font-style flip-flop does for a species name in a book title.
func italic(r Rich) Rich {
	out := make(Rich, len(r))
	for i, s := range r {
		s.Italic = !s.Italic
		out[i] = s
	}
	return out
}

// cat concatenates parts, skipping empty ones, and joins punctuation as a
// typesetter would: a period after text that already ends in . ? or ! is
// dropped, so "J Med." and "." give "J Med." and "Why?" and "." give
// "Why?".
func cat(parts ...Rich) Rich {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make(Rich, 0, n)
	for _, p := range parts {
		if len(p) == 0 {
			continue
		}
		for _, s := range p {
			if s.Text == "" {
				continue
			}
			if len(out) > 0 {
				s.Text = joinPunct(lastText(out), s.Text)
				if s.Text == "" {
					continue
				}
				s.Text = movePunctInside(out, s.Text)
				if s.Text == "" {
					continue
				}
			}
			out = append(out, s)
		}
	}
	return out
}

func lastText(r Rich) string {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i].Text != "" {
			return r[i].Text
		}
	}
	return ""
}

// joinPunct returns next with its leading punctuation trimmed where it would
// double what prev ends with.
func joinPunct(prev, next string) string {
	if prev == "" || next == "" {
		return next
	}
	end := prev[len(prev)-1]
	switch next[0] {
	case '.':
		if end == '.' || end == '?' || end == '!' {
			return next[1:]
		}
		for _, q := range []string{"”", "’"} {
			if strings.HasSuffix(prev, "."+q) || strings.HasSuffix(prev, "?"+q) || strings.HasSuffix(prev, "!"+q) {
				return next[1:]
			}
		}
	case ',', ';', ':':
		if end == next[0] {
			return next[1:]
		}
	case ' ':
		if end == ' ' {
			return strings.TrimLeft(next, " ")
		}
	}
	return next
}

// movePunctInside moves a period or comma that follows a closing curly
// quote inside it, as American usage wants ("Title.” not "Title”."), and
// drops it when the quoted text already ends with . ? or !. It returns
// what is left of next.
func movePunctInside(out Rich, next string) string {
	if next[0] != '.' && next[0] != ',' {
		return next
	}
	for i := len(out) - 1; i >= 0; i-- {
		t := out[i].Text
		if t == "" {
			continue
		}
		if !strings.HasSuffix(t, "”") {
			return next
		}
		inner := strings.TrimSuffix(t, "”")
		before := strings.TrimRight(lastText(out[:i]), "")
		if inner != "" {
			before = inner
		}
		if before != "" && strings.ContainsRune(".?!,", rune(before[len(before)-1])) {
			if next[0] == '.' || before[len(before)-1] != ',' {
				return next[1:]
			}
		}
		out[i].Text = inner + next[:1] + "”"
		return next[1:]
	}
	return next
}

// isEmpty reports whether r has no text.
func isEmpty(r Rich) bool {
	for _, s := range r {
		if s.Text != "" {
			return false
		}
	}
	return true
}

// join concatenates the non-empty parts with delim between them.
func join(delim string, parts ...Rich) Rich {
	nonEmpty := make([]Rich, 0, len(parts))
	for _, p := range parts {
		if !isEmpty(p) {
			nonEmpty = append(nonEmpty, p)
		}
	}
	seq := make([]Rich, 0, 2*len(nonEmpty))
	for i, p := range nonEmpty {
		if i > 0 {
			seq = append(seq, plain(delim))
		}
		seq = append(seq, p)
	}
	return cat(seq...)
}

// wrap surrounds r with prefix and suffix, or gives nil when r is empty.
func wrap(prefix string, r Rich, suffix string) Rich {
	if isEmpty(r) {
		return nil
	}
	return cat(plain(prefix), r, plain(suffix))
}

// endsWithPunct reports whether r ends with terminal punctuation.
func endsWithPunct(r Rich) bool {
	t := strings.TrimRight(lastText(r), "”’\"')")
	return t != "" && strings.ContainsRune(".?!", rune(t[len(t)-1]))
}

// quoted puts r in curly double quotes with the punctuation that follows it
// moved inside, as American style wants ("Title," and "Title.").
func quoted(r Rich, punct string) Rich {
	if len(r) == 0 {
		return nil
	}
	if punct != "" && endsWithPunct(r) {
		punct = ""
	}
	// Quotation marks inside become single ones.
	inner := make(Rich, len(r))
	for i, sp := range r {
		if strings.ContainsAny(sp.Text, "“”\"") {
			sp.Text = nestedQuotes.Replace(sp.Text)
		}
		inner[i] = sp
	}
	return cat(plain("“"), inner, plain(punct+"”"))
}

var nestedQuotes = strings.NewReplacer("“", "‘", "”", "’")

// normalize merges adjacent spans with the same formatting and trims the
// outer spaces.
func normalize(r Rich) Rich {
	r = mergeSpans(r)
	if len(r) > 0 {
		r[0].Text = strings.TrimLeft(r[0].Text, " ")
		r[len(r)-1].Text = strings.TrimRight(r[len(r)-1].Text, " ")
	}
	out := r[:0]
	for _, s := range r {
		if s.Text != "" {
			out = append(out, s)
		}
	}
	return out
}

func mergeSpans(r Rich) Rich {
	var out Rich
	for _, s := range r {
		if s.Text == "" {
			continue
		}
		if n := len(out); n > 0 {
			p := out[n-1]
			q := s
			q.Text, q.noCase = p.Text, p.noCase
			if p == q {
				out[n-1].Text += s.Text
				continue
			}
		}
		out = append(out, s)
	}
	for i := range out {
		out[i].noCase = false
		if out[i].Link == "" && strings.Contains(out[i].Text, "'") {
			// A typewriter apostrophe becomes a typographic one, as CSL
			// processors print it.
			out[i].Text = strings.ReplaceAll(out[i].Text, "'", "’")
		}
	}
	return out
}

// quotedGB puts r in British single quotes, with double quotes inside;
// punctuation that follows stays outside.
func quotedGB(r Rich) Rich {
	if len(r) == 0 {
		return nil
	}
	inner := make(Rich, len(r))
	for i, sp := range r {
		if strings.ContainsAny(sp.Text, "‘’\"") {
			sp.Text = britishNested.Replace(sp.Text)
		}
		inner[i] = sp
	}
	return cat(plain("‘"), inner, plain("’"))
}

var britishNested = strings.NewReplacer("‘", "“", "’", "”")

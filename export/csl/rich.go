package csl

import (
	"strings"

	"github.com/evident-tools/evident/corpus/bibtex"
)

// Markup of CSL rich text, as CSL-JSON processors read it in titles.
const (
	TagItalic    = "i"
	TagBold      = "b"
	TagSup       = "sup"
	TagSub       = "sub"
	SpanNoCase   = `<span class="nocase">`
	SpanSmallCap = `<span style="font-variant:small-caps;">`
)

// richCommands maps LaTeX formatting commands with an argument to the CSL
// rich-text markup around it.
var richCommands = map[string][2]string{
	"emph":             {"<i>", "</i>"},
	"textit":           {"<i>", "</i>"},
	"textsl":           {"<i>", "</i>"},
	"mkbibemph":        {"<i>", "</i>"},
	"mkbibitalic":      {"<i>", "</i>"},
	"textbf":           {"<b>", "</b>"},
	"mkbibbold":        {"<b>", "</b>"},
	"textsc":           {SpanSmallCap, "</span>"},
	"textsuperscript":  {"<sup>", "</sup>"},
	"mkbibsuperscript": {"<sup>", "</sup>"},
	"textsubscript":    {"<sub>", "</sub>"},
	"mkbibsubscript":   {"<sub>", "</sub>"},
}

// richSwitches maps the old-style declarations used as {\em ...} to markup.
var richSwitches = map[string][2]string{
	"em":       {"<i>", "</i>"},
	"it":       {"<i>", "</i>"},
	"itshape":  {"<i>", "</i>"},
	"sl":       {"<i>", "</i>"},
	"bf":       {"<b>", "</b>"},
	"bfseries": {"<b>", "</b>"},
	"sc":       {SpanSmallCap, "</span>"},
	"scshape":  {SpanSmallCap, "</span>"},
}

// Rich turns a BibTeX field's source (Field.Raw: a braced group, or a bare
// number or month) into CSL rich text: LaTeX is decoded to Unicode as
// bibtex.Decode does, italic, bold, small-caps, superscript and subscript
// commands become markup, and a brace-protected group becomes
// <span class="nocase">, so that a style that changes case leaves it as
// written. No text is dropped: an unknown command keeps its argument.
func Rich(raw string) string {
	s := strings.TrimSpace(raw)
	if len(s) >= 2 && s[0] == '{' && matchBrace(s, 0) == len(s)-1 {
		s = s[1 : len(s)-1]
	}
	if !strings.ContainsAny(s, `{\`) {
		return bibtex.Decode(s)
	}
	var b strings.Builder
	richInto(&b, s, false)
	return strings.TrimSpace(collapseSpaces(b.String()))
}

// richInto writes the rich text of s. Inside a nocase span, nested groups
// protect nothing more and are not marked again.
func richInto(b *strings.Builder, s string, nocase bool) {
	plain := 0 // start of the pending run of text for bibtex.Decode
	flush := func(end int) {
		if end > plain {
			b.WriteString(decodeKeepingSpace(s[plain:end]))
		}
	}
	for i := 0; i < len(s); {
		switch s[i] {
		case '\\':
			name, argStart := commandAt(s, i)
			tags, ok := richCommands[name]
			if !ok && !nocase && len(name) > 1 && isLetters(name) && argStart < len(s) && s[argStart] == '{' {
				// An unknown macro with arguments (\ce{Si}, \SI{15}{K})
				// keeps their text, protected from case changes as BibTeX
				// protects text inside braces.
				end := argStart
				for end < len(s) && s[end] == '{' {
					e := matchBrace(s, end)
					if e < 0 {
						end = len(s)
						break
					}
					end = e + 1
				}
				flush(i)
				if name == "ce" || name == "ch" {
					b.WriteString(SpanNoCase + scripts(s[argStart+1:max(argStart+1, end-1)], true) + "</span>")
				} else if d := decodeKeepingSpace(s[i:end]); strings.TrimSpace(d) != "" {
					lead, core, trail := splitOuterSpace(d)
					b.WriteString(lead + SpanNoCase + core + "</span>" + trail)
				} else {
					b.WriteString(d)
				}
				i = end
				plain = i
				continue
			}
			if !ok || argStart >= len(s) || s[argStart] != '{' {
				// Accents (\"{o}) and other commands stay in the run of
				// text, arguments and all, for bibtex.Decode.
				i = max(argStart, i+1)
				for i < len(s) && s[i] == '{' {
					end := matchBrace(s, i)
					if end < 0 {
						i = len(s)
						break
					}
					i = end + 1
				}
				continue
			}
			end := matchBrace(s, argStart)
			if end < 0 {
				i = len(s)
				continue
			}
			flush(i)
			b.WriteString(tags[0])
			richInto(b, s[argStart+1:end], nocase)
			b.WriteString(tags[1])
			i = end + 1
			plain = i
		case '{':
			end := matchBrace(s, i)
			if end < 0 {
				i = len(s)
				continue
			}
			inner := s[i+1 : end]
			if strings.HasPrefix(inner, `\`) {
				name, rest := commandAt(inner, 0)
				if tags, ok := richSwitches[name]; ok {
					flush(i)
					b.WriteString(tags[0])
					richInto(b, inner[rest:], nocase)
					b.WriteString(tags[1])
					i = end + 1
					plain = i
					continue
				}
				if _, ok := richCommands[name]; !ok {
					// {\"o} and the like: a special character, no protection.
					i = end + 1
					continue
				}
				// {\textit{Zea mays}}: formatting the writer also protected.
			}
			if nocase {
				i = end + 1
				continue
			}
			flush(i)
			b.WriteString(SpanNoCase)
			richInto(b, inner, true)
			b.WriteString("</span>")
			i = end + 1
			plain = i
		default:
			i++
		}
	}
	flush(len(s))
}

// decodeKeepingSpace decodes a run of LaTeX but keeps a leading or trailing
// space, which bibtex.Decode trims, so that words around markup stay apart.
func decodeKeepingSpace(s string) string {
	d := bibtex.Decode(s)
	if d == "" {
		if strings.TrimSpace(s) == "" && s != "" {
			return " "
		}
		return ""
	}
	if isSpace(s[0]) {
		d = " " + d
	}
	if isSpace(s[len(s)-1]) {
		d += " "
	}
	return d
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// commandAt reads the control sequence at s[i] == '\\' and returns its name
// and the index after it and the spaces that follow a letter command.
func commandAt(s string, i int) (name string, next int) {
	j := i + 1
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
		j++
	}
	if j == i+1 {
		if j < len(s) {
			return s[i+1 : j+1], j + 1
		}
		return "", j
	}
	name = s[i+1 : j]
	for j < len(s) && isSpace(s[j]) {
		j++
	}
	return name, j
}

// matchBrace returns the index of the brace closing the one at s[open], or
// -1. Escaped braces (\{ \}) do not count.
func matchBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// Plain removes CSL rich-text markup, leaving the text a reader sees.
func Plain(rich string) string {
	if !strings.Contains(rich, "<") {
		return rich
	}
	var b strings.Builder
	for i := 0; i < len(rich); {
		if rich[i] == '<' {
			if n := tagLen(rich[i:]); n > 0 {
				i += n
				continue
			}
		}
		b.WriteByte(rich[i])
		i++
	}
	return b.String()
}

// tagLen returns the length of the rich-text tag at the start of s, or 0
// when s does not start with one (a literal "<" in a title stays).
func tagLen(s string) int {
	for _, t := range []string{"<i>", "</i>", "<b>", "</b>", "<sup>", "</sup>", "<sub>", "</sub>", SpanNoCase, SpanSmallCap, "</span>"} {
		if strings.HasPrefix(s, t) {
			return len(t)
		}
	}
	return 0
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < 'a' || s[i] > 'z') && (s[i] < 'A' || s[i] > 'Z') {
			return false
		}
	}
	return true
}

// splitOuterSpace splits s into its leading spaces, the rest and its
// trailing spaces.
func splitOuterSpace(s string) (lead, core, trail string) {
	core = strings.TrimLeft(s, " ")
	lead = s[:len(s)-len(core)]
	t := strings.TrimRight(core, " ")
	return lead, t, core[len(t):]
}

// Math renders simple TeX math (the inside of $...$) as rich text:
// superscripts and subscripts become <sup> and <sub>, braces go, and
// commands are decoded as in text ($T_{1/2}$ → T<sub>1/2</sub>,
// $\alpha$ → α). Anything else stays as written.
func Math(tex string) string { return scripts(tex, false) }

// scripts renders the argument of mhchem's \ce or chemformula's \ch (chem)
// or math as rich text: in chemistry a number after an element or bracket
// is a subscript (H2O),
// ^{8} and ^+ are superscripts, _{x} a subscript, and a number that leads
// a formula stays on the line (2H2O). It is not a chemistry typesetter;
// it keeps formulas readable rather than printing "H2O" or "Li^8".
func scripts(arg string, chem bool) string {
	var b strings.Builder
	script := func(tag string, i int) int {
		// arg[i] is ^ or _; returns the index after the script.
		j := i + 1
		var body string
		switch {
		case j < len(arg) && arg[j] == '{':
			e := matchBrace(arg, j)
			if e < 0 {
				e = len(arg) - 1
			}
			body = arg[j+1 : e]
			j = e + 1
		case j < len(arg):
			k := j
			for k < len(arg) && (arg[k] >= '0' && arg[k] <= '9' || arg[k] == '+' || arg[k] == '-') {
				k++
			}
			if k == j {
				k = j + 1
			}
			body = arg[j:k]
			j = k
		}
		if body != "" {
			b.WriteString("<" + tag + ">" + bibtex.Decode(body) + "</" + tag + ">")
		}
		return j
	}
	afterAtom := false
	for i := 0; i < len(arg); {
		c := arg[i]
		switch {
		case c == '^':
			i = script("sup", i)
			afterAtom = false
		case c == '_':
			i = script("sub", i)
			afterAtom = false
		case c >= '0' && c <= '9' && afterAtom && chem:
			j := i
			for j < len(arg) && arg[j] >= '0' && arg[j] <= '9' {
				j++
			}
			b.WriteString("<sub>" + arg[i:j] + "</sub>")
			i = j
		case c == '{' || c == '}':
			i++
		default:
			j := i + 1
			if c == '\\' {
				_, j = commandAt(arg, i)
				for j < len(arg) && arg[j] == '{' {
					if e := matchBrace(arg, j); e > 0 {
						j = e + 1
					} else {
						break
					}
				}
			}
			for j < len(arg) && arg[j] >= 0x80 && arg[j] < 0xC0 {
				j++ // the rest of a UTF-8 sequence
			}
			b.WriteString(bibtex.Decode(arg[i:j]))
			afterAtom = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == ')' || c == ']'
			if c == ' ' {
				b.WriteByte(' ')
			}
			i = j
		}
	}
	return b.String()
}

package article

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// LaTeX environments, footnotes and inline code.

// begin reads an environment from \begin at i (name from j).
func (t *texReader) begin(i, j, end int, b *builder) int {
	in, out, next, ok := t.group(j, end)
	if !ok {
		return next
	}
	name := strings.TrimSpace(t.s[in:out])
	base := strings.TrimSuffix(name, "*")
	bodyStart := next
	if n, ok := envArgs[base]; ok {
		bodyStart = t.skipArgs(bodyStart, end, n)
	} else if _, _, nx, ok := t.optional(bodyStart, end); ok && !mathEnvs[base] {
		bodyStart = nx
	}
	bodyEnd, after := t.envEnd(name, bodyStart, end)
	switch {
	case name == "document":
		return bodyStart
	case mathEnvs[base]:
		return t.afterDrop(after, end, b)
	case verbatimEnvs[base], skipEnvs[name], skipEnvs[base]:
		return after
	case floatEnvs[base]:
		t.captions(bodyStart, bodyEnd)
		return after
	case base == "thebibliography":
		t.flush()
		saved := t.inBib
		t.inBib, t.bibKey = true, ""
		t.run(bodyStart, bodyEnd, t.b)
		t.flush()
		t.inBib = saved
		return after
	case listEnvs[base]:
		if b != t.b {
			t.run(bodyStart, bodyEnd, b)
			return after
		}
		t.flush()
		savedKind := t.kind
		t.lists = append(t.lists, texList{ordered: strings.HasPrefix(base, "enum") || strings.HasSuffix(base, "enum"), next: 1})
		t.run(bodyStart, bodyEnd, t.b)
		t.flush()
		t.lists = t.lists[:len(t.lists)-1]
		t.kind = savedKind
		if len(t.lists) == 0 {
			t.kind = corpus.KindSentence
		}
		return after
	}
	// Any other environment (abstract, quote, center, acknowledgments,
	// theorem, ...) holds prose.
	if b == t.b {
		t.flush()
		t.run(bodyStart, bodyEnd, t.b)
		t.flush()
	} else {
		t.run(bodyStart, bodyEnd, b)
	}
	return after
}

// envEnd finds the \end{name} that closes an environment whose body
// starts at from, counting nested environments of the same name; verbatim
// bodies are searched literally. An unclosed environment runs to end.
func (t *texReader) envEnd(name string, from, end int) (bodyEnd, after int) {
	open, closing := `\begin{`+name+`}`, `\end{`+name+`}`
	base := strings.TrimSuffix(name, "*")
	if verbatimEnvs[base] {
		k := t.find(closing, from, end)
		if k < 0 {
			return end, end
		}
		return k, k + len(closing)
	}
	depth := 1
	s := t.s
	for k := from; k < end; k++ {
		switch s[k] {
		case '%':
			k = t.skipComment(k, end) - 1
		case '\\':
			switch {
			case strings.HasPrefix(s[k:end], closing):
				depth--
				if depth == 0 {
					return k, k + len(closing)
				}
			case strings.HasPrefix(s[k:end], open):
				depth++
			}
			k++
		}
	}
	return end, end
}

// captions reads the \caption commands of a float and nothing else.
func (t *texReader) captions(start, end int) {
	s := t.s
	for k := start; k < end; k++ {
		switch s[k] {
		case '%':
			k = t.skipComment(k, end) - 1
		case '\\':
			if strings.HasPrefix(s[k:end], `\caption`) || strings.HasPrefix(s[k:end], `\subcaption`) {
				k = t.command(k, end, newBuilder(t.src)) - 1
				continue
			}
			if strings.HasPrefix(s[k:end], `\begin{`) {
				// Nested verbatim or math could hold a false \caption.
				in, out, next, ok := t.group(k+len(`\begin`), end)
				if ok {
					name := s[in:out]
					if b := strings.TrimSuffix(name, "*"); verbatimEnvs[b] || mathEnvs[b] {
						_, after := t.envEnd(name, next, end)
						k = after - 1
						continue
					}
				}
			}
			k++
		}
	}
}

// footnote reads \footnote[n]{text}: a [^fnN] marker stays in the text and
// the body becomes a footnote block after the paragraph.
func (t *texReader) footnote(name string, i, j, end int, b *builder) int {
	k := j
	if _, _, next, ok := t.optional(k, end); ok {
		k = next
	}
	in, out, next, ok := t.group(k, end)
	if !ok {
		return k
	}
	if name == "footnote" {
		t.notes++
		b.dropSpace()
		b.addStr("[^fn"+strconv.Itoa(t.notes)+"]", i)
	}
	label := "fn" + strconv.Itoa(t.notes)
	fb := newBuilder(t.src)
	t.run(in, out, fb)
	r := rawBlock{kind: corpus.KindFootnote, item: -1, footnote: label}
	r.text, r.pos, r.lines = fb.take()
	if r.text != "" {
		t.pending = append(t.pending, r)
	}
	return next
}

// inlineCode keeps inline code verbatim: \verb|x|, \lstinline{x},
// \mintinline{lang}{x}.
func (t *texReader) inlineCode(name string, j, end int, b *builder) int {
	k := j
	if k < end && t.s[k] == '*' {
		k++
	}
	if name != "verb" {
		if _, _, next, ok := t.optional(k, end); ok {
			k = next
		}
	}
	if name == "mintinline" {
		_, _, k, _ = t.group(k, end)
	}
	if k >= end {
		return end
	}
	if t.s[k] == '{' && name != "verb" {
		in, out, next, _ := t.group(k, end)
		b.addSrc(in, out)
		return next
	}
	// The delimiter is a character, not a byte: \verb§x§ is legal, and
	// cutting a character in two would put invalid UTF-8 in the text.
	_, n := utf8.DecodeRuneInString(t.s[k:end])
	delim := t.s[k : k+n]
	line := t.s[k+n : min(end, k+n+1000)]
	stop := strings.Index(line, delim)
	if nl := strings.IndexByte(line, '\n'); stop < 0 || (nl >= 0 && nl < stop) {
		return k + n
	}
	b.addSrc(k+n, k+n+stop)
	return k + n + stop + n
}

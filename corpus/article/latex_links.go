package article

import (
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// \href{url}{text} and \url{url} (hyperref) are an article's hyperlinks.
// Each is recorded with its text and where that text starts, so that the
// checker can cite it from the sentence holding it; one inside
// thebibliography belongs to a list entry, which is matched as a whole.

// href reads \href[options]{url}{text}: the text is prose, the address a
// link. The command's name ends at j.
func (t *texReader) href(j, end int, b *builder) int {
	k := j
	if _, _, next, ok := t.optional(k, end); ok {
		k = next
	}
	uin, uout, k, ok := t.group(k, end)
	if !ok {
		return k
	}
	in, out, next, ok := t.group(k, end)
	if !ok {
		return k
	}
	from := len(b.text)
	t.run(in, out, b)
	t.addLink(texURL(t.s[uin:uout]), b, from, in)
	return next
}

// url reads \url{address}, which prints the address as written.
func (t *texReader) url(j, end int, b *builder) int {
	in, out, next, ok := t.group(j, end)
	if !ok {
		return next
	}
	from := len(b.text)
	b.addSrc(in, out)
	t.addLink(texURL(t.s[in:out]), b, from, in)
	return next
}

// addLink records a link whose text is what b gained since from; at is
// where the text starts in the source when b gained nothing.
func (t *texReader) addLink(href string, b *builder, from, at int) {
	l := corpus.Link{Href: href, Pos: t.src.pos(at)}
	linkSince(&l, b, from)
	if t.inBib {
		l.Skipped = corpus.SkipRefList
	}
	t.links = append(t.links, l)
}

// texURL is an address as LaTeX source writes it, with the backslash of
// escaped characters (\%, \#, \_, \&, \~) removed and white space dropped
// (a long address broken over lines).
func texURL(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && !isTeXLetter(s[i+1]):
			i++
			b.WriteByte(s[i])
		case c == ' ' || c == '\t' || c == '\n':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

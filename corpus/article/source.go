package article

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/textfile"
)

// source is an article's text after cleaning (decoded, "\n" line ends)
// with an index of its line starts, so that any byte offset can be turned
// into a line and column.
type source struct {
	text  string
	lines []int // byte offset of the start of each line

	// The readers ask for positions mostly in increasing order, so the last
	// answer is kept and the next one walked to from it.
	lastOff int
	lastPos corpus.Position
}

// clean decodes an article's bytes (see textfile.Decode) and turns CRLF
// and CR line ends into LF, so that the readers see one kind: "\r\n" is
// one line end, as an editor counts it.
func clean(path string, data []byte) (string, []corpus.Problem, error) {
	text, warns, err := textfile.Decode(path, data)
	if err != nil {
		return "", nil, err
	}
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	return text, warns, nil
}

func newSource(text string) *source {
	s := &source{text: text, lines: []int{0}, lastPos: corpus.Position{Line: 1, Col: 1}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			s.lines = append(s.lines, i+1)
		}
	}
	return s
}

// pos returns the line and column of byte offset off, which should be the
// start of a character.
func (s *source) pos(off int) corpus.Position {
	if off < 0 {
		off = 0
	}
	if off > len(s.text) {
		off = len(s.text)
	}
	if off >= s.lastOff && off-s.lastOff <= 512 {
		p := s.lastPos
		for i := s.lastOff; i < off; i++ {
			c := s.text[i]
			if c == '\n' {
				p.Line++
				p.Col = 1
			} else if c&0xC0 != 0x80 {
				p.Col++
			}
		}
		s.lastOff, s.lastPos = off, p
		return p
	}
	line := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > off }) - 1
	p := corpus.Position{Line: line + 1, Col: 1 + utf8.RuneCountInString(s.text[s.lines[line]:off])}
	s.lastOff, s.lastPos = off, p
	return p
}

// builder collects one block's text and the source position of each byte,
// collapsing every run of white space to one space and dropping it at both
// ends.
type builder struct {
	src   *source
	text  []byte
	pos   []corpus.Position
	lines []int // offsets in text where a new source line begins

	space    bool // white space seen since the last character
	spaceNL  bool // and it held a line break
	spacePos corpus.Position
}

func newBuilder(src *source) *builder { return &builder{src: src} }

func (b *builder) empty() bool { return len(b.text) == 0 }

// markSpace notes white space at p; it is written only if a character
// follows.
func (b *builder) markSpace(p corpus.Position, newline bool) {
	if !b.space {
		b.space, b.spacePos = true, p
	}
	if newline {
		b.spaceNL = true
	}
}

// softBreak is a line break in the source that reads as a space.
func (b *builder) softBreak(off int) { b.markSpace(b.src.pos(off), true) }

// dropSpace forgets pending white space, so that what comes next is glued
// to what came before (the ^ of a superscript).
func (b *builder) dropSpace() { b.space, b.spaceNL = false, false }

func (b *builder) flushSpace() {
	if b.space && len(b.text) > 0 {
		b.text = append(b.text, ' ')
		b.pos = append(b.pos, b.spacePos)
		if b.spaceNL {
			b.lines = append(b.lines, len(b.text))
		}
	}
	b.space, b.spaceNL = false, false
}

// addSrc appends the source text [start, end) with its positions.
func (b *builder) addSrc(start, end int) {
	t := b.src.text
	if start < 0 {
		start = 0
	}
	if end > len(t) {
		end = len(t)
	}
	if start >= end {
		return
	}
	p := b.src.pos(start)
	for i := start; i < end; {
		c := t[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\n':
				b.markSpace(p, true)
				p.Line++
				p.Col = 1
				i++
				continue
			case ' ', '\t', '\v', '\f', '\r':
				b.markSpace(p, false)
			default:
				b.flushSpace()
				b.text = append(b.text, c)
				b.pos = append(b.pos, p)
			}
			p.Col++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if unicode.IsSpace(r) {
			b.markSpace(p, false)
		} else {
			b.flushSpace()
			b.text = append(b.text, t[i:i+size]...)
			for range size {
				b.pos = append(b.pos, p)
			}
		}
		p.Col++
		i += size
	}
	b.src.lastOff, b.src.lastPos = end, p
}

// addStr appends text that is not in the source as written (a decoded
// entity, a ^ for <sup>), placed at source offset off.
func (b *builder) addStr(s string, off int) { b.addAt(s, b.src.pos(off)) }

// addAt appends s at p. An entity such as &#27; decodes to a control
// character that clean could not see; it becomes U+FFFD like the others.
func (b *builder) addAt(s string, p corpus.Position) {
	s, _ = textfile.ReplaceControls(s)
	for _, r := range s {
		if unicode.IsSpace(r) {
			b.markSpace(p, false)
			continue
		}
		b.flushSpace()
		n := len(b.text)
		b.text = utf8.AppendRune(b.text, r)
		for range len(b.text) - n {
			b.pos = append(b.pos, p)
		}
	}
}

// truncate cuts the text back to n bytes.
func (b *builder) truncate(n int) {
	if n < len(b.text) {
		b.text, b.pos = b.text[:n], b.pos[:n]
		for len(b.lines) > 0 && b.lines[len(b.lines)-1] >= n {
			b.lines = b.lines[:len(b.lines)-1]
		}
	}
	b.dropSpace()
}

// trimSpace turns a trailing space back into pending white space.
func (b *builder) trimSpace() {
	if n := len(b.text); n > 0 && b.text[n-1] == ' ' {
		p := b.pos[n-1]
		b.truncate(n - 1)
		b.markSpace(p, false)
	}
}

// take returns the block built so far and starts a new one.
func (b *builder) take() (text string, pos []corpus.Position, lines []int) {
	text, pos, lines = string(b.text), b.pos, b.lines
	b.text, b.pos, b.lines = nil, nil, nil
	b.dropSpace()
	return text, pos, lines
}

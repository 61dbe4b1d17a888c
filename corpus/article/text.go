package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// Plain text has no markup, so its structure is guessed from the layout:
// blank lines between paragraphs, headings as short lines standing alone,
// lines in capitals or lines underlined with === or ---, and list items as
// lines that start with a bullet or a number.

type textLine struct{ start, end int } // byte offsets, without the "\n"

func readText(src *source) reader {
	var lines []textLine
	for off := 0; off <= len(src.text); {
		end := strings.IndexByte(src.text[off:], '\n')
		if end < 0 {
			lines = append(lines, textLine{off, len(src.text)})
			break
		}
		lines = append(lines, textLine{off, off + end})
		off += end + 1
	}
	var suppress []corpus.Suppression
	for i, l := range lines {
		if codes, ok := textDirective(src.text[l.start:l.end]); ok {
			suppress = append(suppress, corpus.Suppression{Line: i + 1, Codes: codes})
			lines[i].end = l.start // read as a blank line, not as prose
		}
	}
	t := &textReader{src: src, lines: lines}
	t.run()
	return reader{blocks: t.blocks, suppress: suppress}
}

// textDirective reads a line that holds only an ignore directive, bare or
// behind a comment marker of some language: "evident:ignore",
// "# evident:ignore stale", "// evident:ignore", "<!-- evident:ignore -->".
func textDirective(line string) ([]string, bool) {
	s := strings.TrimLeft(strings.TrimSpace(line), "#/%;*-<! \t")
	if !strings.HasPrefix(s, IgnoreDirective) {
		return nil, false
	}
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(s), "-->"), "*/")
	return ParseIgnore(s)
}

type textReader struct {
	src      *source
	lines    []textLine
	blocks   []rawBlock
	inRef    bool
	refLevel int
}

func (t *textReader) line(i int) string { return t.src.text[t.lines[i].start:t.lines[i].end] }

func (t *textReader) blank(i int) bool { return strings.TrimSpace(t.line(i)) == "" }

func (t *textReader) run() {
	n := len(t.lines)
	for i := 0; i < n; {
		if t.blank(i) {
			i++
			continue
		}
		if i+1 < n {
			if level := underline(t.line(i + 1)); level > 0 {
				t.emit(corpus.KindHeading, level, -1, t.lines[i].start, t.lines[i].end)
				i += 2
				continue
			}
		}
		if num, content, ok := listMarker(t.line(i)); ok {
			j := i + 1
			for j < n && !t.blank(j) && !t.startsBlock(j) {
				j++
			}
			start := t.lines[i].start + content
			if j == i+1 && (j == n || t.blank(j)) && isRefHeading(t.line(i)) {
				t.emit(corpus.KindHeading, 1, -1, t.lines[i].start, t.lines[i].end)
			} else {
				t.emit(corpus.KindListItem, 0, num, start, t.lines[j-1].end)
			}
			i = j
			continue
		}
		if allCaps(t.line(i)) {
			t.emit(corpus.KindHeading, 1, -1, t.lines[i].start, t.lines[i].end)
			i++
			continue
		}
		j := i + 1
		for j < n && !t.blank(j) && !t.startsBlock(j) {
			j++
		}
		alone := j == i+1 && (j == n || t.blank(j))
		if alone && (isRefHeading(t.line(i)) || !t.inRef && shortHeading(t.line(i))) {
			t.emit(corpus.KindHeading, 2, -1, t.lines[i].start, t.lines[i].end)
		} else {
			t.emit(corpus.KindSentence, 0, -1, t.lines[i].start, t.lines[j-1].end)
		}
		i = j
	}
}

// startsBlock reports whether line i starts a new block even without a
// blank line before it: a list item, or a heading underlined below it.
func (t *textReader) startsBlock(i int) bool {
	if _, _, ok := listMarker(t.line(i)); ok {
		return true
	}
	if underline(t.line(i)) > 0 {
		return true
	}
	return i+1 < len(t.lines) && underline(t.line(i+1)) > 0 && !t.blank(i)
}

func (t *textReader) emit(kind corpus.BlockKind, level, item, start, end int) {
	b := newBuilder(t.src)
	b.addSrc(start, end)
	r := rawBlock{kind: kind, level: level, item: item}
	r.text, r.pos, r.lines = b.take()
	if r.text == "" {
		return
	}
	if kind == corpus.KindHeading {
		if t.inRef && level <= t.refLevel {
			t.inRef = false
		}
		if isRefHeading(r.text) {
			t.inRef, t.refLevel = true, level
		}
	}
	t.blocks = append(t.blocks, r)
}

// underline returns 1 for a line of =, 2 for a line of -, else 0.
func underline(s string) int {
	s = strings.TrimSpace(s)
	if len(s) < 3 {
		return 0
	}
	if strings.Trim(s, "=") == "" {
		return 1
	}
	if strings.Trim(s, "-") == "" {
		return 2
	}
	return 0
}

// listMarker recognises a list item: "- ", "* ", "• ", "1. ", "1) ". It
// returns the item's number (-1 for bullets) and where its text starts.
func listMarker(s string) (num, content int, ok bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	rest := s[i:]
	for _, b := range []string{"- ", "* ", "• ", "+ "} {
		if strings.HasPrefix(rest, b) {
			return -1, i + len(b), true
		}
	}
	j := 0
	for j < len(rest) && j < 4 && rest[j] >= '0' && rest[j] <= '9' {
		num = num*10 + int(rest[j]-'0')
		j++
	}
	if j > 0 && j+1 < len(rest) && (rest[j] == '.' || rest[j] == ')') && rest[j+1] == ' ' {
		return num, i + j + 2, true
	}
	return 0, 0, false
}

// allCaps reports whether a line is a heading in capitals: at least two
// letters, none of them lower case.
func allCaps(s string) bool {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > 80 {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// shortHeading reports whether a line standing alone reads as a heading:
// short, with a letter, and without the punctuation that ends a sentence.
func shortHeading(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 80 || strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?,;:…。", last)
}

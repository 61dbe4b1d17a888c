package article

import (
	"bytes"
	"math"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// goldmark does some of its work in time that grows with the square of a
// paragraph: each link closer looks back over the rest of the paragraph
// (for its destination, for a title, for the line it starts on, for a link
// inside it), each emphasis closer looks back over every delimiter still
// open (CommonMark's reference parser keeps a floor per kind of delimiter
// for this; goldmark does not: its issue 555), a table row is padded to the
// width of its delimiter row, and each footnote reference looks through
// every footnote definition. 400 KB of "[a](" took 44 seconds, of "*_"
// lines five minutes, and a few kilobytes of table could ask for a hundred
// million cells (BenchmarkReadHostileMarkdown). No article needs any of
// that in one paragraph, and the fixes belong in goldmark; until then
// evident keeps goldmark's work about linear in the size of what it reads:
//
//   - boundMarkdown, before parsing, hides from goldmark, in its copy of the
//     source only, the brackets of a paragraph past a work budget, the
//     delimiter row of a table that would be mostly padding, and the
//     footnote definitions past maxFootnotes. A hidden byte becomes
//     neutralByte, which means nothing to goldmark; text is taken from the
//     source, so every hidden character is still read as written, and every
//     citation with it (citation markers are found in the text, not in
//     goldmark's links). The construct is read as text, as it would be if
//     it were unclosed.
//   - emphasisBound, an inline parser that runs before goldmark's own, reads
//     the emphasis delimiters of a block past its budget as text. It works
//     inside goldmark rather than before it because only there are the
//     blocks known: a table cell or a list item is its own block, which a
//     scan of lines cannot tell from a paragraph.

// neutralByte replaces a hidden byte in goldmark's copy: punctuation, so the
// flanking of the emphasis around it is unchanged, and special to no
// Markdown construct.
const neutralByte = '%'

const (
	// linkWorkPerByte is the budget of a paragraph's link parsing, in
	// bytes goldmark may look at per byte of the paragraph. Links that
	// close cost their own length once, so real paragraphs use a few.
	linkWorkPerByte = 64
	// tablePaddingPerByte bounds the cells a table may have per byte of
	// its rows; a real row has one cell per '|' or so.
	tablePaddingPerByte = 8
	// maxFootnotes bounds the footnote definitions goldmark reads; past
	// it, a definition is an ordinary paragraph.
	maxFootnotes = 1000
	// emphasisWorkPerByte bounds the active emphasis delimiters of a block
	// of n bytes to sqrt(emphasisWorkPerByte*n), so that matching them,
	// which may compare each with each, costs at most about
	// emphasisWorkPerByte*n.
	emphasisWorkPerByte = 64
)

// boundMarkdown rewrites b, goldmark's copy of the source, so that parsing
// it is about linear in its size (see above). Offsets do not move: only
// single bytes change.
func boundMarkdown(b []byte) {
	footnotes := 0
	for start := 0; start < len(b); {
		// A paragraph here is a run of lines that are not blank: what
		// goldmark may treat as one block, or more than one.
		end, lines := start, 0
		for end < len(b) {
			nl := bytes.IndexByte(b[end:], '\n')
			if nl < 0 {
				nl = len(b) - end
			}
			line := b[end : end+nl]
			if isBlankLine(line) {
				if lines == 0 {
					start += nl + 1 // not the end of a paragraph: the next one starts after it
					end = start
					continue
				}
				break
			}
			footnotes = limitFootnote(line, footnotes)
			lines++
			end += nl + 1
		}
		end = min(end, len(b))
		if lines > 0 {
			limitLinks(b[start:end], lines)
			limitTablePadding(b[start:end])
		}
		start = end
	}
}

func isBlankLine(line []byte) bool {
	for _, c := range line {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// limitFootnote hides the ']' of a footnote definition ("[^label]: text")
// once n definitions have been read, and returns the new count.
func limitFootnote(line []byte, n int) int {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	if !bytes.HasPrefix(line[i:], []byte("[^")) {
		return n
	}
	j := bytes.IndexByte(line[i:], ']')
	if j < 0 || i+j+1 >= len(line) || line[i+j+1] != ':' {
		return n
	}
	if n++; n > maxFootnotes {
		line[i+j] = neutralByte
	}
	return n
}

// limitLinks estimates, bracket by bracket, what goldmark's link parser
// will cost on paragraph p of the given number of lines, and once that
// passes the paragraph's budget hides every bracket after it. The estimate
// follows goldmark (parser/link.go): a ']' that closes a '[' looks at what
// lies between them, finds the line the '[' is on by walking back from the
// paragraph's last line, and then, before "(", reads a destination to the
// next space or the end of the line (to '>' after "<") and a title to its
// closing quote.
func limitLinks(p []byte, lines int) {
	budget := linkWorkPerByte*len(p) + 1024
	spent, line := 0, 0
	var open []int // offsets of the '[' not yet closed
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			if i+1 < len(p) && p[i+1] != '\n' {
				i++ // an escaped character opens and closes nothing
			}
		case '\n':
			line++
		case '[', ']':
			if spent > budget {
				p[i] = neutralByte
				continue
			}
			if p[i] == '[' {
				open = append(open, i)
				continue
			}
			if len(open) == 0 {
				continue // goldmark does nothing for it
			}
			o := open[len(open)-1]
			open = open[:len(open)-1]
			spent += i - o + lines - line
			if i+1 < len(p) && p[i+1] == '(' {
				cost, end := linkTail(p, i+2)
				spent += cost + lines - line
				if end > 0 {
					line += bytes.Count(p[i:end], []byte("\n"))
					i = end - 1 // goldmark goes on after the link
				}
			}
		}
	}
}

// linkTail follows goldmark reading what follows "](" at i: it returns how
// many bytes that reads and, when the link closes, the offset after its
// ')' (else 0).
func linkTail(p []byte, i int) (cost, end int) {
	start := i
	i = skipBlanks(p, i)
	if i < len(p) && p[i] == ')' {
		return i - start, i + 1
	}
	// The destination, on this line.
	if i < len(p) && p[i] == '<' {
		for i++; i < len(p) && p[i] != '>' && p[i] != '\n'; i++ {
			if p[i] == '\\' {
				i++
			}
		}
		if i >= len(p) || p[i] != '>' {
			return i - start, 0
		}
		i++
	} else {
		depth, from := 0, i
		for ; i < len(p) && p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r'; i++ {
			if p[i] == '\\' {
				i++
			} else if p[i] == '(' {
				depth++
			} else if p[i] == ')' {
				if depth--; depth < 0 {
					break
				}
			}
		}
		if i == from {
			return i - start, 0
		}
	}
	i = skipBlanks(p, i)
	if i < len(p) && p[i] == ')' {
		return i - start, i + 1
	}
	// The title, to its closing quote, over lines; a "(" title ends at
	// the next '(' too.
	if i >= len(p) || p[i] != '"' && p[i] != '\'' && p[i] != '(' {
		return i - start, 0
	}
	quote, closeQuote := p[i], p[i]
	if quote == '(' {
		closeQuote = ')'
	}
	for i++; i < len(p) && p[i] != closeQuote && !(quote == '(' && p[i] == '('); i++ {
		if p[i] == '\\' {
			i++
		}
	}
	if i >= len(p) || p[i] != closeQuote {
		return min(i, len(p)) - start, 0
	}
	i = skipBlanks(p, i+1)
	if i < len(p) && p[i] == ')' {
		return i - start, i + 1
	}
	return min(i, len(p)) - start, 0
}

func skipBlanks(p []byte, i int) int {
	for i < len(p) && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r') {
		i++
	}
	return i
}

// limitTablePadding hides the delimiter row ("|---|:--|") of a table in
// paragraph p whose rows would be mostly padding: goldmark gives every row
// as many cells as the delimiter row has columns, so a row of 10,000
// columns over 10,000 one-cell rows is a hundred million cells. The lines
// are then read as the paragraph they are.
func limitTablePadding(p []byte) {
	// The offsets where lines start, to count the rows after each
	// delimiter row without counting again.
	var starts []int
	for i := 0; i < len(p); {
		starts = append(starts, i)
		nl := bytes.IndexByte(p[i:], '\n')
		if nl < 0 {
			break
		}
		i += nl + 1
	}
	for k := 1; k < len(starts); k++ {
		lineEnd := len(p)
		if k+1 < len(starts) {
			lineEnd = starts[k+1]
		}
		line := p[starts[k]:lineEnd]
		cols, last := delimiterRow(line)
		if cols == 0 {
			continue
		}
		rows := len(starts) - k - 1
		if cols*rows > tablePaddingPerByte*(len(p)-lineEnd)+4096 {
			line[last] = neutralByte
		}
	}
}

// delimiterRow returns the number of columns of a table delimiter row (only
// '|', '-', ':' and blanks, after any container markers) and the offset of
// its last '-', or 0 columns.
func delimiterRow(line []byte) (cols, last int) {
	i := 0
	for {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		n := containerMarker(line[i:])
		if n == 0 || line[i] == '-' {
			break // a "- " here is the row's own
		}
		i += n
	}
	row := line[i:]
	dashes, pipes := 0, 0
	for j, c := range row {
		switch c {
		case '-':
			dashes++
			last = i + j
		case '|':
			pipes++
		case ':', ' ', '\t', '\r', '\n':
		default:
			return 0, 0
		}
	}
	if dashes == 0 || pipes == 0 {
		return 0, 0
	}
	t := bytes.TrimSpace(row)
	cols = pipes + 1
	if t[0] == '|' {
		cols--
	}
	if len(t) > 1 && t[len(t)-1] == '|' {
		cols--
	}
	return cols, last
}

// emphasisBound is an inline parser that goldmark runs before its own
// emphasis parser. It reads as text a run of '*' or '_' that can neither
// open nor close emphasis (as in snake_case), which goldmark would keep on
// its delimiter list for nothing, and every run of a block past
// sqrt(emphasisWorkPerByte*size) that can. One is made per document.
type emphasisBound struct {
	block ast.Node // the block being read
	left  int      // delimiters it may still have
}

// Trigger is the characters the parser is called for.
func (e *emphasisBound) Trigger() []byte { return []byte{'*', '_'} }

// Parse returns a text node for a run that goldmark's emphasis parser is
// not to see, else nil (and goldmark's parser reads it).
func (e *emphasisBound) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if parent != e.block {
		size := 0
		for i := 0; i < parent.Lines().Len(); i++ {
			seg := parent.Lines().At(i)
			size += seg.Stop - seg.Start
		}
		e.block, e.left = parent, int(math.Sqrt(float64(emphasisWorkPerByte*size)))
	}
	line, seg := block.PeekLine()
	d := parser.ScanDelimiter(line, block.PrecendingCharacter(), 1, emphasisChars{})
	if d == nil {
		return nil
	}
	if d.CanOpen || d.CanClose {
		if e.left > 0 {
			e.left--
			return nil
		}
	}
	block.Advance(d.OriginalLength)
	return ast.NewTextSegment(seg.WithStop(seg.Start + d.OriginalLength))
}

// emphasisChars tells parser.ScanDelimiter which characters delimit
// emphasis; it is never asked to match them.
type emphasisChars struct{}

func (emphasisChars) IsDelimiter(c byte) bool                   { return c == '*' || c == '_' }
func (emphasisChars) CanOpenCloser(_, _ *parser.Delimiter) bool { return false }
func (emphasisChars) OnMatch(int) ast.Node                      { return nil }

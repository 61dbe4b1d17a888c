package article

import (
	"fmt"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// hostileMarkdown holds Markdown that goldmark, left to itself, reads in
// time growing with the square of its size: 400 KB of "[a](" took a
// minute, and a few kilobytes of table asked for a hundred million cells.
// Each case makes about size bytes of it; unit is a piece of it that the
// text read back must hold as often as the input does.
var hostileMarkdown = []struct {
	name string
	gen  func(size int) string
	unit string
}{
	{"link-openers", repeat("[a]("), "[a]("},
	// A paragraph that starts "![" is a figure to the reader, which drops
	// those two characters.
	{"image-openers", repeat("![a]("), "a]("},
	{"link-angle-openers", repeat("[a](<b "), "[a](<b"},
	{"link-titles", repeat("[a](b \"\n"), "[a](b \""},
	{"nested-brackets", func(size int) string {
		return strings.Repeat("[", size/2) + "a" + strings.Repeat("]", size/2)
	}, "["},
	{"bracket-lines", repeat("[a]\n"), "[a]"},
	{"emphasis-lines", repeat("*_\n"), "*_"},
	{"emphasis-mismatched", repeat("*a_ "), "*a_"},
	{"emphasis-threes", func(size int) string { return "a**b" + repeat("c* ")(size) }, "c*"},
	{"table-columns", func(size int) string {
		cols, rows := size/8, size/6
		return strings.Repeat("|a", cols) + "\n" + strings.Repeat("|-", cols) + "\n" + strings.Repeat("|b\n", rows)
	}, "|b"},
	{"footnotes", func(size int) string {
		var refs, defs strings.Builder
		for k := 1; refs.Len()+defs.Len() < size; k++ {
			fmt.Fprintf(&refs, "a[^%d] ", k)
			fmt.Fprintf(&defs, "[^%d]: note\n\n", k)
		}
		return refs.String() + "\n\n" + defs.String()
	}, "note"},
}

func repeat(unit string) func(size int) string {
	return func(size int) string { return strings.Repeat(unit, size/len(unit)) }
}

// hostileArticle puts a case between cited paragraphs, with a cited
// sentence in the hostile paragraph itself.
func hostileArticle(gen func(int) string, size int) string {
	return "Sugar raises the risk of caries by 40% [@smith2019].\n\n" +
		gen(size) + "\nSugar intake rose by 5% [@who2015].\n\n" +
		"It also raises the risk of gout [@jones2020].\n"
}

// BenchmarkReadHostileMarkdown reads each case at four sizes, next to
// ordinary prose of the same sizes: the time per byte (MB/s) should not
// fall as the size grows.
func BenchmarkReadHostileMarkdown(b *testing.B) {
	prose := func(size int) string {
		var s strings.Builder
		for s.Len() < size {
			for _, p := range benchParagraphs {
				s.WriteString(strings.ReplaceAll(p, "Larger", "*Larger*") + " [@whelton2002]\n\n")
			}
		}
		return s.String()
	}
	cases := append([]struct {
		name string
		gen  func(size int) string
		unit string
	}{{"prose", prose, ""}}, hostileMarkdown...)
	for _, h := range cases {
		for _, kb := range []int{50, 100, 200, 400} {
			b.Run(fmt.Sprintf("%s/%dKB", h.name, kb), func(b *testing.B) {
				src := []byte(hostileArticle(h.gen, kb<<10))
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if _, err := Read("hostile.md", src, corpus.Markdown); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

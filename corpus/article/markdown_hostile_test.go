package article

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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

// TestMarkdown_HostileInputIsReadWhole reads a quarter megabyte of each case.
// Read must return (goldmark alone takes from minutes to forever), keep
// every character of the hostile text, and read the prose around it and
// in it, citations included, as it would without it.
func TestMarkdown_HostileInputIsReadWhole(t *testing.T) {
	for _, h := range hostileMarkdown {
		t.Run(h.name, func(t *testing.T) {
			src := hostileArticle(h.gen, 256<<10)
			doc := read(t, h.name+".md", src, corpus.Markdown)
			var all strings.Builder
			for _, b := range doc.Blocks {
				all.WriteString(b.Text)
				all.WriteByte('\n')
			}
			if got, want := strings.Count(all.String(), h.unit), strings.Count(src, h.unit); got != want {
				t.Errorf("%q %d times in the text read, %d in the input", h.unit, got, want)
			}
			want := map[string]bool{
				"Sugar raises the risk of caries by 40% [@smith2019].": false,
				"Sugar intake rose by 5% [@who2015].":                  false,
				"It also raises the risk of gout [@jones2020].":        false,
			}
			for _, s := range Sentences(doc) {
				for w := range want {
					if strings.HasSuffix(s.Text, w) {
						want[w] = true
					}
				}
			}
			for w, found := range want {
				if !found {
					t.Errorf("no sentence ends with %q", w)
				}
			}
			if first := doc.Blocks[0]; first.Text != "Sugar raises the risk of caries by 40% [@smith2019]." || first.Pos[0].Line != 1 {
				t.Errorf("first block %q at %v", first.Text, first.Pos[0])
			}
			b := block(t, doc, "It also raises")
			if wantLine := strings.Count(src, "\n"); b.Pos[0].Line != wantLine {
				t.Errorf("last paragraph at %v, want line %d", b.Pos[0], wantLine)
			}
		})
	}
}

// TestMarkdown_BoundsLeaveRealMarkdownAlone: links, images, emphasis,
// tables and footnotes as articles write them are parsed as before.
func TestMarkdown_BoundsLeaveRealMarkdownAlone(t *testing.T) {
	src := "# *Sugar* and teeth\n\n" +
		"Sugar **raises** the risk of _caries_ by 40% [@smith2019], see [the review](https://example.org/a_(b) \"Review\").\n\n" +
		"| Intake | Risk |\n|:--|--:|\n| *high* | 40% [@smith2019] |\n\n" +
		"It is well known[^1].\n\n[^1]: Since *1970* at least.\n"
	doc := read(t, "a.md", src, corpus.Markdown)
	want := []string{
		"Sugar and teeth",
		"Sugar raises the risk of caries by 40% [@smith2019], see the review.",
		"Intake", "Risk", "high", "40% [@smith2019]",
		"It is well known[^1].",
		"Since 1970 at least.",
	}
	if got := blockTexts(doc); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCorpora_BoundsChangeNoRealMarkdown: the budgets of boundMarkdown are
// far above what the real articles of the corpora use.
func TestCorpora_BoundsChangeNoRealMarkdown(t *testing.T) {
	if _, err := os.Stat(corporaDir); err != nil {
		t.Skipf("shared corpora not found at %s: %v", corporaDir, err)
	}
	files := 0
	err := filepath.WalkDir(corporaDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		bounded := bytes.Clone(data)
		boundMarkdown(bounded)
		if !bytes.Equal(data, bounded) {
			t.Errorf("%s: changed by boundMarkdown", path)
		}
		files++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 5 {
		t.Errorf("only %d Markdown files in the corpora", files)
	}
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

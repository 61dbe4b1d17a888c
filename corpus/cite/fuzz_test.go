package cite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

// fuzzCorpusLines returns up to n lines of the shared corpora's real
// articles that hold a likely citation marker, for seeds; none when the
// corpora are absent.
func fuzzCorpusLines(n int) []string {
	var out []string
	for _, rel := range []string{
		"articles/manubot-rootstock/02.delete-me.md", "articles/deep-review/content/02.intro.md",
		"articles/latex-fail-paper/fail.tex", "articles/deep-review/output/manuscript.md",
	} {
		data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpora", rel))
		if err != nil {
			continue
		}
		taken := 0
		for _, line := range strings.Split(string(data), "\n") {
			if len(line) < 400 && strings.ContainsAny(line, "[(\\^") && taken < n/4 {
				out = append(out, line)
				taken++
			}
		}
	}
	return out
}

func FuzzDetect(f *testing.F) {
	for _, tc := range negatives {
		f.Add(tc.text)
	}
	for _, s := range []string{
		"Pain fell (1–3, 7) and [1,2] and ¹⁻³ and ^1,2^.",
		"Smith et al. (2019a, 2019b) and (see van der Berg, 2018, p. 4; WHO, n.d.).",
		"[see @key, p. 33; @doi:10.1/x] and @smith2019 [p. 2] and [^fn1].",
		`\citep[see][p.~3]{a,b} \cites(pre)(post)[x]{c}[y]{d} \cite{`,
		"Smith, Jones, and Lee (2019) and the Food and Drug Administration (2020).",
		"[3]–[5] and [1 to 500] and (1–600) and [0] and ((1)) and $x$ and `c`.",
		"(\u00a0Smith,\u00a02019\u00a0) and Smith\u00a0et\u00a0al.\u00a0(2019)",
		strings.Repeat("`", 2100) + "x`",
		strings.Repeat("(", 3000) + ")",
		strings.Repeat("[^", 200),
	} {
		f.Add(s)
	}
	for _, s := range fuzzCorpusLines(120) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms := Detect(text)
		end := 0
		for _, m := range ms {
			if m.Start < end || m.Start >= m.End || m.End > len(text) {
				t.Fatalf("marker %q at [%d:%d] out of order or bounds (previous end %d, len %d)", m.Text, m.Start, m.End, end, len(text))
			}
			if m.Text != text[m.Start:m.End] {
				t.Fatalf("Text %q != text[%d:%d] %q", m.Text, m.Start, m.End, text[m.Start:m.End])
			}
			if len(m.Cites) == 0 || len(m.Cites) > maxCites {
				t.Fatalf("marker %q has %d cites", m.Text, len(m.Cites))
			}
			for _, c := range m.Cites {
				if c.Number < 0 || (m.Kind == "numeric" && c.Number <= 0) {
					t.Fatalf("marker %q cites number %d", m.Text, c.Number)
				}
				if m.Kind == "key" && c.Key == "" {
					t.Fatalf("key marker %q has an empty key", m.Text)
				}
				if m.Kind == "author-year" && (len(c.Authors) == 0 || c.Year == "") {
					t.Fatalf("author-year marker %q lacks authors or year: %+v", m.Text, c)
				}
			}
			end = m.End
		}
		if utf8.ValidString(text) {
			for _, m := range ms {
				if !utf8.ValidString(m.Text) {
					t.Fatalf("marker %q cuts a character", m.Text)
				}
			}
		}
		// Analyze must hold the same invariants and never add markers.
		got, _ := Analyze([]string{text}, 3)
		if len(got[0]) > len(ms) {
			t.Fatalf("Analyze added markers: %d > %d", len(got[0]), len(ms))
		}
	})
}

// FuzzAnalyze runs the article-wide analysis over sentences cut from the
// input at newlines: it may only drop Detect's markers or flag them, never
// invent or move one, and its counts must add up.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Pain fell (1).\nIt rose [2].\nCO^2^ and ¹⁰B.\n(1) we did, (2) we saw.",
		"Smith (2019) says.\nJones et al., 2020 (3).\n[@a] and \\cite{b}.",
		"x²\ny³\n[1]\n[2]\n(Lee, 2001)\n(Lee, 2001)",
	} {
		f.Add(s, uint16(3))
	}
	lines := fuzzCorpusLines(60)
	for i := 0; i+5 <= len(lines); i += 5 {
		f.Add(strings.Join(lines[i:i+5], "\n"), uint16(i))
	}
	f.Fuzz(func(t *testing.T, text string, maxNumber uint16) {
		texts := strings.Split(text, "\n")
		got, style := Analyze(texts, int(maxNumber))
		if len(got) != len(texts) {
			t.Fatalf("%d marker lists for %d sentences", len(got), len(texts))
		}
		counts := map[corpus.MarkerKind]int{}
		for i, ms := range got {
			detected := Detect(texts[i])
			j := 0
			for _, m := range ms {
				for j < len(detected) && (detected[j].Start != m.Start || detected[j].End != m.End) {
					j++
				}
				if j == len(detected) {
					t.Fatalf("sentence %q: marker %q at [%d:%d] is not one Detect found, in order", texts[i], m.Text, m.Start, m.End)
				}
				if d := detected[j]; d.Kind != m.Kind || d.Text != m.Text || len(d.Cites) != len(m.Cites) {
					t.Fatalf("sentence %q: marker %+v changed from %+v", texts[i], m, d)
				}
				counts[m.Kind]++
				j++
			}
		}
		for k, n := range counts {
			if style.Counts[k] != n {
				t.Fatalf("style counts %v, markers %v", style.Counts, counts)
			}
		}
		if style.Dominant != "" && counts[style.Dominant] == 0 && !(style.Dominant == corpus.MarkerNumeric && maxNumber > 0) {
			t.Fatalf("dominant kind %q has no markers: %v", style.Dominant, counts)
		}
		switch style.Brackets {
		case "", "()", "[]", "sup":
		default:
			t.Fatalf("brackets %q", style.Brackets)
		}
	})
}

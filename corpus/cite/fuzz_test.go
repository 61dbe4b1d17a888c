package cite

import (
	"strings"
	"testing"
	"unicode/utf8"
)

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

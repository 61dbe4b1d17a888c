package article

import (
	"fmt"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// benchParagraphs are written for the benchmark: prose with the markers
// and abbreviations the splitter has to think about.
var benchParagraphs = []string{
	"Regular exercise lowers resting blood pressure by about 4 mmHg in adults with hypertension (Whelton et al., 2002). " +
		"The effect appears within weeks, e.g. after 8 to 10 sessions, and fades when training stops. " +
		"Dr. Lee's group found similar results in older adults [3]. Larger trials are needed, however.",
	"Walking, cycling, swimming, etc. all count as aerobic exercise. Resistance training adds a smaller benefit [4–6]. " +
		"Fig. 2 shows the dose-response curve; the slope flattens above 150 minutes per week. " +
		"Whether the U.S. guidelines fit every population is unclear.",
	"A meta-analysis of 54 trials reported a mean reduction of 3.8 mmHg (95% CI 2.7 to 5.0). " +
		"Heterogeneity was high, i.e. the trials differed in design and intensity. " +
		"Some found no effect at all... Others found large effects in small samples. Publication bias may explain part of this.",
}

// benchArticle renders about 5,000 words of the paragraphs in a format.
func benchArticle(f corpus.Format) []byte {
	var b strings.Builder
	words := 0
	switch f {
	case corpus.HTML:
		b.WriteString("<html><head><title>Exercise and blood pressure</title></head><body><article>\n")
	case corpus.LaTeX:
		b.WriteString("\\documentclass{article}\n\\title{Exercise and blood pressure}\n\\begin{document}\n")
	}
	for section := 1; words < 5000; section++ {
		heading := fmt.Sprintf("Section %d", section)
		switch f {
		case corpus.Markdown:
			fmt.Fprintf(&b, "## %s\n\n", heading)
		case corpus.HTML:
			fmt.Fprintf(&b, "<h2>%s</h2>\n", heading)
		case corpus.LaTeX:
			fmt.Fprintf(&b, "\\section{%s}\n\n", heading)
		case corpus.Text:
			fmt.Fprintf(&b, "%s\n\n", heading)
		}
		for _, p := range benchParagraphs {
			words += len(strings.Fields(p))
			switch f {
			case corpus.Markdown:
				fmt.Fprintf(&b, "%s [@whelton2002]\n\n", strings.ReplaceAll(p, "Larger", "*Larger*"))
			case corpus.HTML:
				fmt.Fprintf(&b, "<p>%s<sup><a href=\"#ref-1\">1</a></sup></p>\n", strings.ReplaceAll(p, "Larger", "<em>Larger</em>"))
			case corpus.LaTeX:
				p = strings.NewReplacer("%", "\\%", "Larger", "\\emph{Larger}").Replace(p)
				fmt.Fprintf(&b, "%s~\\cite{whelton2002}\n\n", p)
			case corpus.Text:
				fmt.Fprintf(&b, "%s\n\n", p)
			}
		}
	}
	switch f {
	case corpus.Markdown:
		b.WriteString("## References\n\n1. Whelton SP, et al. Effect of aerobic exercise on blood pressure. Ann Intern Med. 2002.\n")
	case corpus.HTML:
		b.WriteString("<h2>References</h2><ol><li id=\"ref-1\">Whelton SP, et al. Ann Intern Med. 2002.</li></ol></article></body></html>\n")
	case corpus.LaTeX:
		b.WriteString("\\begin{thebibliography}{1}\n\\bibitem{whelton2002} Whelton SP, et al. 2002.\n\\end{thebibliography}\n\\end{document}\n")
	case corpus.Text:
		b.WriteString("References\n\n1. Whelton SP, et al. Ann Intern Med. 2002.\n")
	}
	return []byte(b.String())
}

func BenchmarkReadAndSplit(b *testing.B) {
	for _, f := range allFormats {
		data := benchArticle(f)
		b.Run(string(f), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				doc, err := Read("bench", data, f)
				if err != nil {
					b.Fatal(err)
				}
				if len(Sentences(doc)) < 300 || len(doc.RefList) != 1 {
					b.Fatalf("%s: %d sentences, %d references", f, len(Sentences(doc)), len(doc.RefList))
				}
			}
		})
	}
}

func TestBenchArticle_IsAboutFiveThousandWords(t *testing.T) {
	for _, f := range allFormats {
		doc := read(t, "bench", string(benchArticle(f)), f)
		words := 0
		for _, b := range doc.Blocks {
			words += len(strings.Fields(b.Text))
		}
		if words < 5000 || words > 5800 {
			t.Errorf("%s: %d words", f, words)
		}
	}
}

// BenchmarkReadCorpus reads the largest real articles of the corpora.
func BenchmarkReadCorpus(b *testing.B) {
	for _, rel := range []string{"deep-review/output/manuscript.md", "deep-review/output/manuscript.html", "latex-fail-paper/fail.tex"} {
		b.Run(rel, func(b *testing.B) {
			_, src := readCorpus(b, rel)
			f, _ := DetectFormat(rel)
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				doc, err := Read(rel, []byte(src), f)
				if err != nil {
					b.Fatal(err)
				}
				_ = Sentences(doc)
			}
		})
	}
}

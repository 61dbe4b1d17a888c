package cite

import (
	"strings"
	"testing"
)

// benchArticle builds a 400-sentence article of about 5,000 words that
// mixes every marker form with plain prose, parentheses and numbers that
// are not citations.
func benchArticle() []string {
	base := []string{
		"Chronic pain affects about one in five adults and costs health systems a great deal every year.",
		"Paracetamol (acetaminophen) is widely used for mild pain, although its benefit is small (n = 45; p < 0.05).",
		"Several trials reported a modest reduction in pain scores after twelve weeks of treatment [3, 4].",
		"Smith et al. (2019) found that exercise helped more than medication in older patients.",
		"Others disagree (Jones & Lee, 2020; see also van der Berg, 2018, p. 4), citing small samples.",
		"The effect size was moderate (95% CI 1.2–3.4) and varied with the dose (2.5 mg) used.",
		"Results are summarised in Table 1 and shown in Figure 2 (Fig. 2a) for each group.",
		"A larger review confirmed the benefit of combined programmes [@doi:10.1038/nature14539; @tag:smith2019].",
		"As @knuth1984 notes, careful measurement matters more than large samples in this field.",
		"Earlier work on the same question was inconclusive¹⁻³ and rarely replicated.",
		"The World Health Organization (2021) recommends a stepwise approach to pain relief.",
		"Opioids carry a risk of dependence that grows with the length of treatment \\citep[see][p.~3]{who2021}.",
		"Patients were asked to (1) rate their pain and (2) record their sleep each evening.",
		"Costs fell by 10% in the first year and by 15% in the second year of the programme.",
		"Most guidelines agree on the first steps but differ on the use of strong opioids^5,6^.",
		"A note on methods is given at the end of the article.[^1]",
		"In 2019 the guideline was revised to reflect new evidence from randomised trials (1–3, 7).",
		"No single treatment works for everyone, and shared decisions remain essential.",
		"The data are available at https://example.org/data(1) for anyone who asks by e-mail at me@example.org.",
		"Further studies with longer follow-up and better controls are needed (Müller, n.d.).",
	}
	out := make([]string, 0, 400)
	for len(out) < 400 {
		out = append(out, base...)
	}
	return out[:400]
}

func BenchmarkDetect(b *testing.B) {
	article := benchArticle()
	words, size := 0, 0
	for _, s := range article {
		words += len(strings.Fields(s))
		size += len(s)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range article {
			Detect(s)
		}
	}
	b.ReportMetric(float64(words), "words/op")
}

func BenchmarkAnalyze(b *testing.B) {
	article := benchArticle()
	b.ReportAllocs()
	for b.Loop() {
		Analyze(article, 10)
	}
}

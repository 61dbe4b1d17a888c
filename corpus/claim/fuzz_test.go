package claim

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

var fuzzKinds = []corpus.BlockKind{corpus.KindSentence, corpus.KindHeading, corpus.KindListItem,
	corpus.KindCaption, corpus.KindTableCell, corpus.KindFootnote}

func FuzzJudge(f *testing.F) {
	for _, seed := range []string{
		"Vitamin D reduces the odds of infection by about 12% (5).",
		"Stokes et al. (2020) trained a network on 2,300 molecules.",
		"If you feel dizzy, sit down.",
		"By Jane Doe",
		"p < 0.05; n = 12; $4; 1.1 °C; 15–30%; COVID-19; 1980s; 21st",
		"Watson NF, et al. Sleep. 2015;38(6):843-844.",
		"“Quoted,” she said — and left’s.",
		"İstanbul ǅ ﬁ \u00a0 \u202f",
		"[@a; @b] \\cite{x} ^1,2^ [^1]",
		"",
	} {
		f.Add(seed, uint8(0))
	}
	// Real sentences, when the shared corpora are beside the checkout.
	path := filepath.Join("..", "..", "..", "shared", "corpora", "labels", "cite-worthiness-samples", "pubmed_samples.jsonl")
	if data, err := os.ReadFile(path); err == nil {
		for i, line := range strings.Split(string(data), "\n") {
			var rec struct{ Text string }
			if json.Unmarshal([]byte(line), &rec) == nil && rec.Text != "" {
				f.Add(rec.Text, uint8(i))
			}
		}
	}
	f.Fuzz(func(t *testing.T, text string, k uint8) {
		kind := fuzzKinds[int(k)%len(fuzzKinds)]
		j := Judge(text, kind, 0)
		if math.IsNaN(j.Score) || j.Score < 0 || j.Score > 1 {
			t.Fatalf("Judge(%q) score %v out of [0,1]", text, j.Score)
		}
		if j.Claim != (j.Score >= DefaultThreshold) {
			t.Fatalf("Judge(%q) claim %v with score %v", text, j.Claim, j.Score)
		}
		// The same text as every heading of a paper and as its prose:
		// the layout reads headings and paragraphs it never chose.
		doc := []corpus.Sentence{{Text: "Introduction", Kind: corpus.KindHeading}, {Text: text, Kind: corpus.KindHeading},
			{Text: text, Kind: kind, Paragraph: 1}, {Text: text, Kind: kind, Paragraph: 1},
			{Text: "Results", Kind: corpus.KindHeading}}
		// Read as it stands, and with one of the two sentences cited:
		// the section and paragraph inputs (place.go) read the citations.
		cited := NewLayout(doc)
		cited.SetCited(func(i int) bool { return i == 3 })
		for _, l := range []*Layout{NewLayout(doc), cited} {
			for i := range doc {
				if s := l.Judge(i, 0).Score; math.IsNaN(s) || s < 0 || s > 1 {
					t.Fatalf("Layout.Judge(%d) of %q: score %v out of [0,1]", i, text, s)
				}
			}
		}
	})
}

package check_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/corpus/internal/labelset"
)

// TestLabelled_UncitedClaimPrecisionAndRecall checks whole articles of our
// own writing, every sentence labelled claim or not and cited or not (in
// corpus/claim/testdata/labelled), and measures the uncited-claim finding:
// it should fire exactly for claims without a citation.
func TestLabelled_UncitedClaimPrecisionAndRecall(t *testing.T) {
	dir := filepath.Join("..", "claim", "testdata", "labelled")
	labels, err := filepath.Glob(filepath.Join(dir, "*.labels.tsv"))
	if err != nil || len(labels) < 6 {
		t.Fatalf("labelled set: %v (%d files)", err, len(labels))
	}
	var tp, fp, fn, sentences int
	for _, lf := range labels {
		name := strings.TrimSuffix(filepath.Base(lf), ".labels.tsv")
		path, err := labelset.ArticleFor(lf)
		if err != nil {
			t.Fatal(err)
		}
		rep := checkCitedKeysKnown(t, path)
		flagged := map[string]bool{}
		for _, f := range rep.Findings {
			if f.Code == check.CodeUncitedClaim {
				flagged[f.Claim] = true
			}
		}
		want := readLabels(t, lf)
		if len(want) != len(rep.Claims) {
			t.Fatalf("%s: %d labels, %d sentences", name, len(want), len(rep.Claims))
		}
		for i, c := range rep.Claims {
			l := want[i]
			if l.text != c.Text {
				t.Fatalf("%s: sentence %d is %q, labels say %q", name, i+1, c.Text, l.text)
			}
			truth := l.claim && !l.cited
			switch {
			case truth && flagged[c.ID]:
				tp++
			case !truth && flagged[c.ID]:
				fp++
				t.Logf("%s: flagged but not an uncited claim: %q %v", name, c.Text, c.Reasons)
			case truth:
				fn++
				t.Logf("%s: missed uncited claim: %q %v", name, c.Text, c.Reasons)
			}
		}
		sentences += len(rep.Claims)
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	t.Logf("uncited-claim over %d sentences of %d articles: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)",
		sentences, len(labels), precision, recall, tp, fp, fn)
	// These articles were tuned on; the held-out figures are in
	// TestKinds_UncitedClaimPrecisionAndRecall. Recall fell from 0.985 when
	// issue 16 stopped counting a plain statement as evidence of a claim,
	// and measured 0.855 once the ranking work (issue 16) was merged with
	// it on 2026-12-06. The learned model (corpus/claim/model.go), trained
	// on the kinds articles and never on these, which the rules were tuned
	// on, moved them to precision 0.853, recall 0.935: its bare statements
	// ("The research offers some answers") lean to claims, as they do in
	// the kinds articles it learnt from. The sixth round's model (threshold
	// 0.38, chosen by leaving one labelled set out) reads 0.819 / 0.952.
	// The tenth round's (trees, threshold 0.41, papers told by a
	// "Background" heading too) and the eleventh's read 0.873 / 0.887: the
	// same F1 (0.88), traded towards precision by the higher threshold. The
	// twelfth's reads 0.885 / 0.871, the same F1 again, and the
	// thirteenth's (a per-kind threshold again) 0.912 / 0.839: F1 0.874,
	// traded further towards precision. The seventeenth's (new cues, 258
	// articles, one threshold, 0.41) reads 0.879 / 0.823: F1 0.850, three
	// more false flags and no more claims found, though it read better on
	// a new writer's blind set (corpus/claim/testdata/kinds/README.md).
	// The twentieth's (the trees read a word model too, its words by name;
	// one threshold per kind of article) reads 0.907 / 0.790: F1 0.845,
	// two more claims missed; its first version (words hashed, threshold
	// 0.44) read 0.857 / 0.774. The twenty-first's (the same design,
	// trained on 363 articles instead of 258) reads 0.881 / 0.839: F1
	// 0.860, three more claims found, two more false alarms. The
	// thirty-first's (trained on twelve real articles too) read 0.776 /
	// 0.839, three of its false alarms the reference entries of
	// sleep-faq's footnotes, which real papers' footnotes taught it to
	// read as statements; with a footnote that holds a reference entry
	// never a claim (Layout.Judge) it reads 0.812 / 0.839, F1 0.825. The
	// thirty-second's (sixteen real articles, each counted twice) reads
	// 0.820 / 0.806, F1 0.813: one false alarm fewer, two claims more
	// missed.
	if precision < 0.80 || recall < 0.77 {
		t.Errorf("precision %.3f (floor 0.80), recall %.3f (floor 0.77)", precision, recall)
	}
}

type label struct {
	claim, cited bool
	text         string
}

func readLabels(t *testing.T, path string) []label {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("%s: bad line %q", path, line)
		}
		out = append(out, label{claim: parts[0] == "1", cited: parts[1] == "1", text: parts[2]})
	}
	return out
}

// checkCitedKeysKnown checks a labelled article with every key it cites
// known (labelset.CheckKeysKnown).
func checkCitedKeysKnown(t *testing.T, path string) *corpus.Report {
	t.Helper()
	rep, err := labelset.CheckKeysKnown(path)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

package claim

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/cite"
)

// The labelled set: articles written for these tests in several formats,
// citation styles and topics, every sentence labelled by hand as a claim or
// not and as cited or not (testdata/labelled/README.md gives the rules).

// Floors for the scorer on the labelled set, set just under what it reaches
// so that a change that makes it worse fails.
const (
	// Issue 16 took "declarative statement" out of the evidence: a plain
	// sentence without any cue is no longer a claim, which costs recall on
	// this set (labelled under a broader rule, where own results and bare
	// statements were claims) and gains precision on every kind of article.
	//
	// The learned model (model.go) was trained on testdata/kinds, never
	// on this set, which the rules were tuned on; with it precision is
	// 0.922 and recall 0.985 (the rules alone: at least 0.95 and 0.92);
	// with the sixth round's model (trained on 69 kinds articles, its
	// threshold 0.38 chosen by leaving one labelled set out) precision is
	// 0.897; with the eighth round's (the seventh round's trees trained
	// again with heldout7/ in the pool) 0.940 and 0.947: one claim fewer
	// found ("In our tests the battery lasted 23 days…", e-reader.txt) and
	// one false alarm fewer ("A short walk outside on a sunny day is a
	// pleasant habit anyway."); with the thirteenth round's 0.925 and
	// 0.939 (uncited sentences 0.844 / 0.871); with the twentieth
	// round's (the trees read a word model) 0.924 and 0.924, two claims
	// fewer found (uncited sentences 0.839 / 0.839); with the twenty-first
	// round's (363 training articles) 0.919 and 0.939 (uncited sentences
	// 0.831 / 0.871), and the twenty-sixth's 0.899 and 0.939 (0.794 /
	// 0.871); with the thirtieth round's (trained on the settled labels,
	// which make fewer bare statements claims than this set does) 0.922
	// and 0.902 (uncited sentences 0.833 / 0.806): "The strongest evidence
	// comes from PREDIMED…" (cited) and "The results held up after the
	// correction." among the claims it leaves; with the thirty-first
	// round's (trained on twelve real articles too) 0.879 and 0.939
	// (uncited sentences 0.761 / 0.871), the reference entries in
	// sleep-faq's footnotes among its false alarms; with a footnote that
	// is a reference entry never a claim (JudgeSentence), 0.899 and 0.939
	// (uncited sentences 0.794 / 0.871, F1 0.831 against 0.819); with the
	// thirty-second round's (sixteen real articles, each counted twice)
	// the same, 0.899 and 0.939 (0.794 / 0.871).
	minPrecision = 0.88
	minRecall    = 0.90
)

var labelledFormats = map[string]corpus.Format{
	".md": corpus.Markdown, ".html": corpus.HTML, ".tex": corpus.LaTeX, ".txt": corpus.Text,
}

// label is one line of a NAME.labels.tsv file.
type label struct {
	claim, cited bool
	text         string
	line         int
}

// labelledArticle is one article of the set with its sentences and labels.
type labelledArticle struct {
	name      string
	sentences []corpus.Sentence
	markers   [][]corpus.Marker
	labels    []label
}

func readLabels(t testing.TB, path string) []label {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		parts := strings.SplitN(sc.Text(), "\t", 3)
		if len(parts) != 3 || !isBit(parts[0]) || !isBit(parts[1]) {
			t.Fatalf("%s:%d: want claim<TAB>cited<TAB>text with 0/1 flags, got %q", path, n, sc.Text())
		}
		out = append(out, label{claim: parts[0] == "1", cited: parts[1] == "1", text: parts[2], line: n})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func isBit(s string) bool { return s == "0" || s == "1" }

// loadLabelled reads every article of the set and its labels.
func loadLabelled(t testing.TB) []labelledArticle {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "labelled", "*.labels.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 6 {
		t.Fatalf("labelled set has %d articles, want at least 6", len(files))
	}
	var out []labelledArticle
	for _, lf := range files {
		base := strings.TrimSuffix(lf, ".labels.tsv")
		var path string
		var format corpus.Format
		for ext, f := range labelledFormats {
			if _, err := os.Stat(base + ext); err == nil {
				path, format = base+ext, f
			}
		}
		if path == "" {
			t.Fatalf("%s: no article next to it", lf)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := article.Read(path, data, format)
		if err != nil {
			t.Fatal(err)
		}
		sentences := article.Sentences(doc)
		texts := make([]string, len(sentences))
		for i, s := range sentences {
			texts[i] = s.Text
		}
		markers, _ := cite.Analyze(texts, len(doc.RefList))
		out = append(out, labelledArticle{name: filepath.Base(path), sentences: sentences, markers: markers,
			labels: readLabels(t, lf)})
	}
	return out
}

// TestLabelled_SentencesMatchSplitter keeps the labels in step with the
// reader and the sentence splitter: when either changes how an article
// reads, the labels file must be reviewed.
func TestLabelled_SentencesMatchSplitter(t *testing.T) {
	for _, a := range loadLabelled(t) {
		t.Run(a.name, func(t *testing.T) {
			if len(a.sentences) < 25 || len(a.sentences) > 50 {
				t.Errorf("%d sentences, want 25 to 50", len(a.sentences))
			}
			for i := 0; i < max(len(a.sentences), len(a.labels)); i++ {
				switch {
				case i >= len(a.labels):
					t.Errorf("sentence %d %q has no label", i+1, a.sentences[i].Text)
				case i >= len(a.sentences):
					t.Errorf("label line %d %q has no sentence", a.labels[i].line, a.labels[i].text)
				case a.sentences[i].Text != a.labels[i].text:
					t.Errorf("label line %d:\n got sentence %q\nwant           %q", a.labels[i].line,
						a.sentences[i].Text, a.labels[i].text)
				}
			}
		})
	}
}

// TestLabelled_CitedMatchesDetector checks the cited column against the
// marker detector, so that the column means what check will see.
func TestLabelled_CitedMatchesDetector(t *testing.T) {
	for _, a := range loadLabelled(t) {
		for i, l := range a.labels {
			if i >= len(a.markers) {
				break
			}
			if got := len(a.markers[i]) > 0; got != l.cited {
				t.Errorf("%s:%d: labelled cited=%v, detector finds markers=%v in %q", a.name, l.line, l.cited,
					got, l.text)
			}
		}
	}
}

// confusion counts the scorer's verdicts against the labels.
type confusion struct{ tp, fp, fn, tn int }

func (c *confusion) add(label, got bool) {
	switch {
	case label && got:
		c.tp++
	case !label && got:
		c.fp++
	case label && !got:
		c.fn++
	default:
		c.tn++
	}
}

func (c confusion) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c confusion) recall() float64    { return ratio(c.tp, c.tp+c.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c confusion) String() string {
	return fmt.Sprintf("precision %.3f recall %.3f (tp %d fp %d fn %d tn %d)", c.precision(), c.recall(),
		c.tp, c.fp, c.fn, c.tn)
}

// TestJudge_LabelledPrecisionRecall measures the scorer on the labelled set.
// It also reports the figures on the uncited sentences alone, which are the
// ones whose verdict check turns into findings.
func TestJudge_LabelledPrecisionRecall(t *testing.T) {
	var all, uncited confusion
	for _, a := range loadLabelled(t) {
		var per confusion
		for i, l := range a.labels {
			if i >= len(a.sentences) || a.sentences[i].Text != l.text {
				t.Fatalf("%s: labels out of step with the splitter (see TestLabelled_SentencesMatchSplitter)", a.name)
			}
			j := JudgeSentence(a.sentences[i], 0)
			per.add(l.claim, j.Claim)
			all.add(l.claim, j.Claim)
			if !l.cited {
				uncited.add(l.claim, j.Claim)
			}
			if l.claim != j.Claim {
				t.Logf("%s:%d: label %v, score %.2f %v: %q", a.name, l.line, l.claim, j.Score, j.Reasons, l.text)
			}
		}
		t.Logf("%-22s %s", a.name, per)
	}
	t.Logf("all sentences:     %s", all)
	t.Logf("uncited sentences: %s", uncited)
	if all.precision() < minPrecision {
		t.Errorf("precision %.3f, want at least %.2f", all.precision(), minPrecision)
	}
	if all.recall() < minRecall {
		t.Errorf("recall %.3f, want at least %.2f", all.recall(), minRecall)
	}
}

// TestJudge_PubmedSamplesSanity runs the scorer on the cite-worthiness
// samples: lower-cased sentences from papers, numbers replaced by NUM,
// markers removed, labelled by whether they carried a citation. That is not
// the same task (a cited method sentence is no claim, an uncited claim is
// labelled 0) and the text has lost the capitals and digits the scorer
// reads, so the floor is weak: it catches a scorer that has stopped working
// on scientific prose.
func TestJudge_PubmedSamplesSanity(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "corpora", "labels", "cite-worthiness-samples",
		"pubmed_samples.jsonl")
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s absent: the shared corpora are not checked out next to the repository", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var c confusion
	var sum [2]float64
	for n, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var rec struct {
			Label int    `json:"label"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("%s:%d: %v", path, n+1, err)
		}
		j := Judge(rec.Text, corpus.KindSentence, 0)
		c.add(rec.Label == 1, j.Claim)
		sum[rec.Label] += j.Score
		if rec.Label == 1 {
			t.Logf("positive, score %.2f claim=%v %v: %.80q", j.Score, j.Claim, j.Reasons, rec.Text)
		}
	}
	pos, neg := c.tp+c.fn, c.fp+c.tn
	t.Logf("pubmed samples: %d of %d cited sentences score as claims; %s", c.tp, pos, c)
	if pos != 11 {
		t.Errorf("%d positives, the sample has 11", pos)
	}
	// Cited sentences of papers are often descriptions of other work or
	// of methods, no claims under issue 16's rule, and this text has lost
	// the capitals and digits the scorer reads: the floor only catches a
	// scorer that has stopped working on scientific prose (it was 6 of 11
	// while a plain statement counted as evidence, 9 of 11 scored as claims;
	// 2 since).
	t.Logf("mean score: cited %.3f, uncited %.3f", sum[1]/float64(pos), sum[0]/float64(neg))
	if c.tp < 2 {
		t.Errorf("%d of %d cited sentences score as claims, want at least 2", c.tp, pos)
	}
}

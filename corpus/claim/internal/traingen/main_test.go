package main

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/evident-tools/evident/corpus/claim/internal/train"
)

// TestGenerate_RebuildsTheCommittedWeights trains again on the committed
// labelled articles and compares with the committed weights: training is
// deterministic (sorted articles, a fixed seed, no threads), so a change to
// the inputs, the labels or the training that is not followed by `go
// generate ./corpus/claim` fails here.
func TestGenerate_RebuildsTheCommittedWeights(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-validation trains hundreds of models; skipped with -short")
	}
	root := filepath.Join("..", "..")
	got, _ := trainOnce(t)
	want, err := os.ReadFile(filepath.Join(root, "weights_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("weights_gen.go is not what training on the committed data gives; run go generate ./corpus/claim")
	}
}

// trained is the training of the committed data, done once for the tests
// that need it: it takes minutes.
var trained struct {
	once sync.Once
	src  []byte
	g    generated
	err  error
}

// trainOnce trains on the committed data, once per test run, and returns
// the weights' source and what was trained.
func trainOnce(t *testing.T) ([]byte, generated) {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "kinds")
	needShared(t, dir)
	trained.once.Do(func() { trained.src, trained.g, trained.err = generateModel(dir, io.Discard) })
	if trained.err != nil {
		t.Fatal(trained.err)
	}
	return trained.src, trained.g
}

// needShared skips a test that trains when the shared corpora, which hold
// the real articles the model trains on, are not beside the checkout.
func needShared(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(sharedArticles(dir)); err != nil {
		t.Skipf("the real articles the model trains on are in the shared corpora, not found at %s (they sit beside the checkout in CI): %v", sharedArticles(dir), err)
	}
}

func TestLoadPool_ReadsThePoolAndNothingElse(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "kinds")
	needShared(t, dir)
	p, err := loadPool(dir)
	if err != nil {
		t.Fatal(err)
	}
	ex := p.examples
	pool := map[string]bool{}
	for _, d := range poolDirs {
		pool[d] = true
	}
	for _, a := range realArticles {
		pool["real-"+a.Labels] = true
	}
	seen := map[string]bool{}
	for _, e := range ex {
		dir := filepath.Dir(e.Article)
		if !pool[dir] {
			t.Fatalf("%s: an article outside the tuning pool was read", e.Article)
		}
		seen[dir] = true
	}
	for d := range pool {
		if !seen[d] {
			t.Errorf("no example from %s/", d)
		}
	}
	// The real articles corpus/check keeps to judge the model on: those
	// the thirty-second round was judged on.
	for _, e := range ex {
		for _, sealed := range []string{"zotero", "01.abstract", "response-to-reviewers"} {
			if strings.Contains(e.Article, sealed) {
				t.Fatalf("%s: a sealed real article was trained on", e.Article)
			}
		}
	}
}

func TestWriteForest_PutsEachSplitsChildrenSideBySide(t *testing.T) {
	// One tree laid out as training left it: the right child before the
	// left one, and a second tree after it.
	f := train.Forest{Bias: 0.5, BaseInput: -1, Roots: []int{0, 3}, Nodes: []train.Node{
		{Feature: 7, Threshold: 0.25, Left: 2, Right: 1},
		{Feature: -1, Value: 1},
		{Feature: -1, Value: -1},
		{Feature: -1, Value: 0.125},
	}}
	var b bytes.Buffer
	writeForest(&b, f, nil)
	got := b.String()
	for _, want := range []string{
		"forestBias = 0.5000\nforestBaseScale = 0.0000\n",
		"var forestRoots = []uint16{\n0,3,\n}",
		"{7, 1, 0.25},{-1, 0, -1.0000},{-1, 0, 1.0000},{-1, 0, 0.1250},",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("written forest lacks %q:\n%s", want, got)
		}
	}
}

// TestCommittedModel_ScoresAsTrained takes the committed candidate trained
// again on the pool (by TestGenerate's training) and compares its
// probability of every pool sentence with the
// score the compiled-in model (weights_gen.go) gives it through the
// scorer's own code: a model whose inputs training and scoring compute
// differently, or whose parts the generated file leaves out (the word
// model behind the lexical input, say), fails here. Leaves are written to
// four decimals, so the two may differ by a few thousandths.
func TestCommittedModel_ScoresAsTrained(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the committed model again; skipped with -short")
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "weights_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	_, chosen, ok := strings.Cut(string(src), "// Chosen: ")
	if !ok {
		t.Fatal("weights_gen.go names no chosen candidate")
	}
	chosen, _, _ = strings.Cut(chosen, ", threshold ")
	_, g := trainOnce(t)
	if g.chosen.String() != chosen {
		t.Fatalf("the committed weights name %q; training on the committed data chooses %q", chosen, g.chosen)
	}
	// Each kind of article's threshold is a shift of the committed
	// model's log-odds.
	_, shifts, _ := strings.Cut(string(src), "var modelKindShift = [NumArticleKinds]float64{")
	shifts, _, _ = strings.Cut(shifts, "}")
	var shift []float64
	for _, f := range strings.Split(shifts, ",") {
		if f = strings.TrimSpace(f); f != "" {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatalf("modelKindShift: %v", err)
			}
			shift = append(shift, v)
		}
	}
	p, m := g.pool, g.model
	worst := 0.0
	for i, e := range p.examples {
		want := m.prob(e)
		if k := p.kinds[i]; k < len(shift) {
			want = 1 / (1 + math.Exp(-(math.Log(want/(1-want)) + shift[k])))
		}
		d := math.Abs(want - p.committed[i])
		if d > 0.01 {
			t.Fatalf("%s: %q: trained model %.4f, committed model %.4f", e.Article, p.texts[i], want, p.committed[i])
		}
		worst = max(worst, d)
	}
	t.Logf("%d sentences, largest difference %.5f", len(p.examples), worst)
}

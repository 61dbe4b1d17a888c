package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
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
	got, err := generate(filepath.Join(root, "testdata", "kinds"), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "weights_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("weights_gen.go is not what training on the committed data gives; run go generate ./corpus/claim")
	}
}

func TestLoadPool_ReadsThePoolAndNothingElse(t *testing.T) {
	ex, _, err := loadPool(filepath.Join("..", "..", "testdata", "kinds"))
	if err != nil {
		t.Fatal(err)
	}
	pool := map[string]bool{}
	for _, d := range poolDirs {
		pool[d] = true
	}
	seen := map[string]bool{}
	for _, e := range ex {
		dir := filepath.Dir(e.Article)
		if !pool[dir] {
			t.Fatalf("%s: an article outside the tuning pool was read", e.Article)
		}
		seen[dir] = true
	}
	for _, d := range poolDirs {
		if !seen[d] {
			t.Errorf("no example from %s/", d)
		}
	}
}

package index

import (
	"context"
	"os"
	"testing"
)

func BenchmarkZZPhrase(b *testing.B) {
	dir := os.Getenv("EXPDIR")
	if dir == "" {
		b.Skip()
	}
	ix, err := Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	q := Query{Text: os.Getenv("Q")}
	if t := os.Getenv("T"); t != "" {
		q.Types = []string{t}
	}
	for b.Loop() {
		ix.Search(context.Background(), q)
	}
}

package claim

import (
	"fmt"
	"os"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
)

func TestTmpEye(t *testing.T) {
	path := os.Getenv("EYE")
	if path == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(path)
	f := corpus.Markdown
	if os.Getenv("FMT") != "" {
		f = corpus.Format(os.Getenv("FMT"))
	}
	doc, err := article.Read(path, data, f)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range article.Sentences(doc) {
		j := Judge(s.Text, s.Kind, 0)
		fmt.Printf("%v %.2f %-9s %.110q %v\n", map[bool]string{true: "C", false: "-"}[j.Claim], j.Score, s.Kind, s.Text, j.Reasons)
	}
}

package check_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

func TestDumpLinks(t *testing.T) {
	for _, name := range []string{"news.html", "news.md"} {
		data, err := os.ReadFile("testdata/links/" + name)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := check.Check(name, data, "", refs(t, library), check.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range rep.Claims {
			for _, l := range c.Citations {
				fmt.Printf("%s %s %s|%s|%s|%s|%s|%v\n", name, c.ID, c.Status, l.Kind, l.URL, l.Status, l.SourceKind, l.Cites)
			}
			if len(c.Citations) == 0 {
				fmt.Printf("%s %s %s nocite %q\n", name, c.ID, c.Status, c.Text)
			}
		}
		for _, s := range rep.LinksSkipped {
			fmt.Printf("SKIP %s %d %s %q %s\n", name, s.Line, s.Reason, s.Text, s.URL)
		}
		fmt.Println(codes(rep), strings.Repeat("-", 10), rep.Summary)
		_ = corpus.External
	}
}

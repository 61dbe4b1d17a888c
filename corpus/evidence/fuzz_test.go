package evidence

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// FuzzFilePaths: a file field as any reference manager (or anyone) wrote
// it never panics, and no path it returns is empty.
func FuzzFilePaths(f *testing.F) {
	for _, s := range []string{`Full Text:/a/b.pdf:application/pdf;Snapshot:/a/c.html:text/html`, `:C\:/x.nxml:XML`, `\`, `;;:`, `a\;b:c\:d:e`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range FilePaths(s) {
			if strings.TrimSpace(p) == "" {
				t.Fatalf("%q gave an empty path", s)
			}
		}
	})
}

// FuzzEvidence: any abstract and any claim are read, ranked and judged
// without a panic, and the verdict is one of the five.
func FuzzEvidence(f *testing.F) {
	f.Add("Walking lowered blood pressure by 6 mmHg (p<0.05). <jats:p>No 30%-70% change.</jats:p>", "Walking raised blood pressure by 9 mmHg.")
	f.Add("", "")
	f.Add("1.2.3 4,5,6 %%% -- 7-8-9 K", "did not not never increase decrease")
	f.Fuzz(func(t *testing.T, abstract, claim string) {
		r := &corpus.Reference{Key: "k", Title: "t", Fields: []corpus.Field{{Name: "abstract", Value: abstract}}}
		j, _ := NewFromRefs([]*corpus.Reference{r}, nil)
		ev, ok := j.Evidence(claim, "k")
		if !ok {
			t.Fatal("the work is unknown")
		}
		valid := false
		for _, v := range corpus.Verdicts {
			valid = valid || ev.Verdict == v
		}
		if !valid || ev.Score < 0 || ev.Score > 1 {
			t.Fatalf("verdict %q, score %v", ev.Verdict, ev.Score)
		}
	})
}

package export

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestMarkWords_MarksWholeWordsAndEscapes(t *testing.T) {
	got := string(markWords(`Walking <b>lowered</b> pressure; walkers & "walking" too`, []string{"walking", "lowered"}))
	want := `<mark>Walking</mark> &lt;b&gt;<mark>lowered</mark>&lt;/b&gt; pressure; walkers &amp; &#34;<mark>walking</mark>&#34; too`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestEvidenceRows_EachClaimAndWorkOnce(t *testing.T) {
	k := "w1"
	ev := &corpus.Evidence{Text: "p", Source: corpus.SourceAbstract, Verdict: corpus.VerdictSupports}
	rep := &corpus.Report{Claims: []corpus.Claim{{ID: "c1", Text: "x", Citations: []corpus.CitationLink{
		{Marker: "[1]", Key: &k, Evidence: ev}, {Marker: "[1, 2]", Key: &k, Evidence: ev}, {Marker: "[3]"},
	}}}}
	rows := evidenceRows(rep)
	if len(rows) != 1 || rows[0].Key != "w1" || rows[0].Marker != "[1]" {
		t.Errorf("rows %+v, want one for w1", rows)
	}
	if got := verdictCounts(rows); got != "1 supports" {
		t.Errorf("counts %q", got)
	}
	var b strings.Builder
	writeTextEvidence(&b, rep, func(_, s string) string { return s })
	if !strings.Contains(b.String(), "w1: supports (abstract, 0.00): “p”") {
		t.Errorf("text section:\n%s", b.String())
	}
}

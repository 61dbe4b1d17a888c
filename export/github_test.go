package export

import (
	"bytes"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/check"
)

func TestCheckGitHub(t *testing.T) {
	rep := &corpus.Report{
		Article: corpus.ArticleInfo{Path: "news/a,b:c.md"},
		Findings: []corpus.Finding{
			{Code: check.CodeDanglingCitation, Severity: corpus.Error, Line: 22, Message: "(9): number 9 is beyond the end"},
			{Code: check.CodeUncitedReference, Severity: corpus.Warning, Line: 46, Message: "reference 8, cited: never"},
			{Code: check.CodeStale, Severity: corpus.Info, Line: 3, Message: "50% of it\nis old\r"},
			{Code: check.CodeUncitedClaim, Severity: corpus.Warning, Message: "no line"},
		},
	}
	var buf bytes.Buffer
	if err := CheckGitHub(&buf, rep); err != nil {
		t.Fatal(err)
	}
	want := `::notice file=news/a%2Cb%3Ac.md,title=evident verdict::` + check.Verdict(rep) + `
::error file=news/a%2Cb%3Ac.md,line=22,title=dangling-citation::(9): number 9 is beyond the end
::warning file=news/a%2Cb%3Ac.md,line=46,title=uncited-reference::reference 8, cited: never
::notice file=news/a%2Cb%3Ac.md,line=3,title=stale::50%25 of it%0Ais old%0D
::warning file=news/a%2Cb%3Ac.md,title=uncited-claim::no line
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestCheckGitHub_NoFindingsWritesNothing(t *testing.T) {
	var buf bytes.Buffer
	if err := CheckGitHub(&buf, &corpus.Report{Article: corpus.ArticleInfo{Path: "a.md"}}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q", buf.String())
	}
}

// A report's notes (no library used, a file read with a warning) are
// notices on the file: a pull request shows why a check said less.
func TestCheckGitHub_NotesAreNotices(t *testing.T) {
	rep := &corpus.Report{Article: corpus.ArticleInfo{Path: "a.md"}, Notes: []string{"no library was used: 100% local"}}
	var buf bytes.Buffer
	if err := CheckGitHub(&buf, rep); err != nil {
		t.Fatal(err)
	}
	if want := "::notice file=a.md,title=evident::no library was used: 100%25 local\n"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

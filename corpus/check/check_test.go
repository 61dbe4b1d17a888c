package check_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/bibtex/bibtextest"
	"github.com/evident-tools/evident/corpus/check"
)

const library = `
@article{lecun2015deep,
  author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
  title = {Deep learning}, journal = {Nature}, year = 2015,
  volume = {521}, pages = {436--444}, doi = {10.1038/nature14539},
}
@article{ioannidis2005why,
  author = {Ioannidis, John P. A.},
  title = {Why Most Published Research Findings Are False},
  journal = {PLoS Medicine}, year = 2005, doi = {10.1371/journal.pmed.0020124},
}
@book{who2015sugars,
  author = {{World Health Organization}},
  title = {Guideline: Sugars Intake for Adults and Children}, year = 2015,
}
`

func refs(t testing.TB, src string) []*corpus.Reference {
	t.Helper()
	p := bibtex.NewParser()
	if _, err := p.Parse("lib.bib", []byte(src)); err != nil {
		t.Fatal(err)
	}
	return p.References()
}

func run(t *testing.T, name, article string) *corpus.Report {
	t.Helper()
	rep, err := check.Check(name, []byte(article), corpus.Markdown, refs(t, library), check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func codes(rep *corpus.Report) string {
	var cs []string
	for _, f := range rep.Findings {
		if f.Code != check.CodeUncitedClaim {
			cs = append(cs, f.Code)
		}
	}
	return strings.Join(cs, ",")
}

func link(t *testing.T, rep *corpus.Report, marker string) corpus.CitationLink {
	t.Helper()
	for _, c := range rep.Claims {
		for _, l := range c.Citations {
			if l.Marker == marker {
				return l
			}
		}
	}
	t.Fatalf("no citation with marker %q", marker)
	return corpus.CitationLink{}
}

func TestCheck_NumericThroughTheList(t *testing.T) {
	rep := run(t, "a.md", `Deep networks learn features from raw data (1).
Most findings in some fields may be false (2, 3).
Sugar intake should be limited for everyone (7).

## References

1. LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015;521:436-44. doi:10.1038/nature14539
2. Ioannidis JPA. Why most published research findings are false. PLoS Med. 2005;2(8):e124.
3. Doe J. A study nobody has imported. J Unknown Res. 2011;1:1-2.
4. World Health Organization. Guideline: sugars intake for adults and children. Geneva; 2015.
`)
	if l := link(t, rep, "(1)"); l.Status != "resolved" || *l.Key != "lecun2015deep" || l.By != "list:doi" {
		t.Errorf("(1) = %+v", l)
	}
	l7 := link(t, rep, "(7)")
	if l7.Status != "dangling" || !strings.Contains(l7.Why, "beyond the end of the reference list (4 entries)") {
		t.Errorf("(7) = %+v", l7)
	}
	if got := codes(rep); got != "dangling-citation,unmatched-reference,uncited-reference" {
		t.Errorf("findings = %s", got)
	}
	s := rep.Summary
	if s.Citations != 4 || s.Resolved != 2 || s.Dangling != 1 || s.Unmatched != 1 || s.Uncited != 1 {
		t.Errorf("summary = %+v", s)
	}
	if worst, _ := rep.Worst(); worst != corpus.Error {
		t.Errorf("worst = %v", worst)
	}
}

func TestCheck_IdentifierMismatchIsAnError(t *testing.T) {
	rep := run(t, "a.md", `A fabricated study made this claim (1).

## References

1. Smith A. Machine learning cures everything. Nature. 2015;521:436-44. doi:10.1038/nature14539
`)
	if got := codes(rep); got != "identifier-mismatch" {
		t.Fatalf("findings = %s", got)
	}
	f := rep.Findings[0]
	if f.Severity != corpus.Error || !strings.Contains(f.Message, "lecun2015deep") {
		t.Errorf("finding = %+v", f)
	}
	if l := link(t, rep, "(1)"); l.Status != "unmatched" || l.Key != nil {
		t.Errorf("a mismatched entry must not resolve: %+v", l)
	}
}

func TestCheck_KeysAndNearMissKeys(t *testing.T) {
	rep := run(t, "a.md", "Deep learning changed computer vision [@lecun2015deep].\nMost findings are false in this analysis [@ioannidis2006why].\n")
	if l := link(t, rep, "[@lecun2015deep]"); l.Status != "resolved" || l.By != "key" {
		t.Errorf("%+v", l)
	}
	l := link(t, rep, "[@ioannidis2006why]")
	if l.Status != "dangling" || !strings.Contains(l.Why, "did you mean ioannidis2005why?") {
		t.Errorf("%+v", l)
	}
}

func TestCheck_AuthorYearAgainstTheLibrary(t *testing.T) {
	rep := run(t, "a.md", "Free sugars should stay low for adults (World Health Organization, 2015).\nDeep learning works on raw pixels, as LeCun et al. (2016) argued.\n")
	if l := link(t, rep, "(World Health Organization, 2015)"); l.Status != "resolved" || *l.Key != "who2015sugars" {
		t.Errorf("%+v", l)
	}
	l := link(t, rep, "LeCun et al. (2016)")
	if l.Status != "dangling" || !strings.Contains(l.Why, "2015") {
		t.Errorf("a near miss must name the year that exists: %+v", l)
	}
}

func TestCheck_ClaimStatuses(t *testing.T) {
	rep := run(t, "a.md", "# Sugar and learning\n\nIs sugar bad for you? Deep learning is everywhere now (1). Sugar causes hyperactivity in children of every age.\n\n## References\n\n1. LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015;521:436-44.\n")
	want := map[string]string{
		"Sugar and learning":                                   "not-a-claim",
		"Is sugar bad for you?":                                "not-a-claim",
		"Deep learning is everywhere now (1).":                 "supported",
		"Sugar causes hyperactivity in children of every age.": "unsupported",
	}
	for _, c := range rep.Claims {
		if w, ok := want[c.Text]; ok && w != string(c.Status) {
			t.Errorf("%q: status %s, want %s", c.Text, c.Status, w)
		}
		delete(want, c.Text)
	}
	for text := range want {
		t.Errorf("no claim %q", text)
	}
	if rep.Summary.Claims != 2 || rep.Summary.Supported != 1 || rep.Summary.Unsupported != 1 {
		t.Errorf("summary = %+v", rep.Summary)
	}
}

func TestCheck_ExampleExplainer(t *testing.T) {
	dir := filepath.Join("..", "..", "examples")
	bib, err := os.ReadFile(filepath.Join(dir, "back-pain.bib"))
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(dir, "back-pain.md"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := check.Check("back-pain.md", md, corpus.Markdown, refs(t, string(bib)), check.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{check.CodeDanglingCitation, check.CodeIdentifierMismatch, check.CodeUnmatchedReference,
		check.CodeUncitedReference, check.CodeUncitedClaim} {
		if !strings.Contains(codes(rep)+","+check.CodeUncitedClaim, code) {
			t.Errorf("the example shows no %s finding", code)
		}
	}
}

// BenchmarkCheck is the one-shot check of the issue: a 5,000-word article
// against a 10,000-entry library, parsing the .bib included.
func BenchmarkCheck(b *testing.B) {
	bib := bibtextest.Generate(10_000, 5)
	md, err := os.ReadFile(filepath.Join("..", "..", "examples", "back-pain.md"))
	if err != nil {
		b.Fatal(err)
	}
	body, list, _ := strings.Cut(string(md), "## References")
	var article strings.Builder
	for words := 0; words < 5000; words += len(strings.Fields(body)) {
		article.WriteString(body)
	}
	article.WriteString("## References" + list)
	data := []byte(article.String())
	for b.Loop() {
		p := bibtex.NewParser()
		if _, err := p.Parse("lib.bib", bib); err != nil {
			b.Fatal(err)
		}
		if _, err := check.Check("long.md", data, corpus.Markdown, p.References(), check.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCheck_OutliersOfTheArticleStyleAreNotDangling(t *testing.T) {
	rep := run(t, "a.md", `Deep networks learn features from raw data [1].
Most published findings may be false in small fields [2].
The protein keratin (34) is found in hair and nails.

## References

1. LeCun Y, Bengio Y, Hinton G. Deep learning. Nature. 2015;521:436-44.
2. Ioannidis JPA. Why most published research findings are false. PLoS Med. 2005;2(8):e124.
`)
	if rep.Summary.Dangling != 0 || strings.Contains(codes(rep), "dangling") {
		t.Errorf("(34) in a bracket-cited article was reported: %+v", rep.Findings)
	}
}

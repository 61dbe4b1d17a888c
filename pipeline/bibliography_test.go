package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

// writeFiles writes name → content files into a new directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// links returns each citation of a report as "cites→key" or
// "cites:status".
func links(rep *corpus.Report) []string {
	var out []string
	for _, c := range rep.Claims {
		for _, l := range c.Citations {
			if l.Key != nil {
				out = append(out, l.Cites+"→"+*l.Key)
			} else {
				out = append(out, l.Cites+":"+string(l.Status))
			}
		}
	}
	return out
}

const bibTeX = `@article{adams2019, author = {Adams, Rita}, title = {Coffee and sleep}, year = 2019, doi = {10.5555/coffee}}
@article{chen2020, author = {Chen, Li}, title = {Tea and focus}, year = 2020}
@article{diaz2021, author = {Diaz, Marta}, title = {Milk and bones}, year = 2021, doi = {10.5555/milk}}
`

func TestCheck_ReadsTheArticlesOwnBibliographyForKeysTheLibraryLacks(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.tex": `Coffee delays sleep by an hour \cite{adams2019}. Tea helps focus \cite{chen2020}.
Milk builds bones \cite{diaz2021}. Water matters \cite{evans2022}.
\bibliography{refs,gone}
`,
		"refs.bib": bibTeX,
	})
	// The library has chen2020 under its own key (it wins), and the work
	// of diaz2021 under another key (diaz2021 becomes its alias).
	lib := []*corpus.Reference{
		{Key: "Chen2020", Title: "Tea and focus, the library's", Year: 2020},
		{Key: "milk", Title: "Milk and bones", Year: 2021, IDs: corpus.Identifiers{DOI: "10.5555/milk"}},
	}
	got, err := CheckAll(context.Background(), []Input{{Path: filepath.Join(dir, "a.tex")}}, lib, Options{NoSupport: true})
	if err != nil {
		t.Fatal(err)
	}
	rep := got[0].Report
	want := []string{"adams2019→adams2019", "chen2020→Chen2020", "diaz2021→milk", "evans2022:dangling"}
	if l := links(rep); !slices.Equal(l, want) {
		t.Errorf("citations %q, want %q", l, want)
	}
	notes := strings.Join(rep.Notes, "\n")
	for _, w := range []string{
		"read 1 reference from refs.bib for keys the library lacks",
		`warning: \bibliography{gone}: gone.bib not found beside a.tex`,
	} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes %q lack %q", rep.Notes, w)
		}
	}

	// --bib: the references given are the only ones.
	got, err = CheckAll(context.Background(), []Input{{Path: filepath.Join(dir, "a.tex")}}, lib, Options{NoSupport: true, NoArticleBibliography: true})
	if err != nil {
		t.Fatal(err)
	}
	if l := links(got[0].Report); l[0] != "adams2019:dangling" || len(got[0].Report.Notes) != 0 {
		t.Errorf("with NoArticleBibliography: citations %q, notes %q", l, got[0].Report.Notes)
	}
}

func TestCheck_ReadsABibliographyOnceARun(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.tex":    `Coffee delays sleep \cite{adams2019}. \addbibresource{refs.bib}` + "\n",
		"b.tex":    `Tea helps focus \cite{chen2020}. \addbibresource{refs.bib}` + "\n",
		"refs.bib": bibTeX + "@article{broken, title = {never closed}\n",
	})
	inputs := []Input{{Path: filepath.Join(dir, "a.tex")}, {Path: filepath.Join(dir, "b.tex")}}
	var reports []*corpus.Report
	err := Check(context.Background(), inputs, nil, Options{NoSupport: true}, func(c Checked) error {
		reports = append(reports, c.Report)
		if len(reports) > 1 {
			return nil
		}
		// Gone after the first article: the second is checked with the
		// file as the run read it.
		return os.Remove(filepath.Join(dir, "refs.bib"))
	})
	if err != nil {
		t.Fatal(err)
	}
	err = Check(context.Background(), inputs[1:], nil, Options{NoSupport: true}, func(c Checked) error {
		reports = append(reports, c.Report)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if l := links(reports[0]); !slices.Equal(l, []string{"adams2019→adams2019"}) {
		t.Errorf("a.tex: %q", l)
	}
	if n := strings.Join(reports[0].Notes, "\n"); !strings.Contains(n, "warning: ") || !strings.Contains(n, "refs.bib:4") {
		t.Errorf("a.tex notes %q: want the parse warning of refs.bib:4", reports[0].Notes)
	}
	if l := links(reports[1]); !slices.Equal(l, []string{"chen2020→chen2020"}) {
		t.Errorf("b.tex, the file read once: %q", l)
	}
	if n := strings.Join(reports[2].Notes, "\n"); !strings.Contains(n, `\addbibresource{refs.bib}: refs.bib not found beside b.tex`) {
		t.Errorf("a new run reads the file again: notes %q", reports[2].Notes)
	}
}

func TestCheck_ManubotPartsShareTheirCitationAliases(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"02.intro.md":       "Deep learning changed vision [@tag:lecun].\nMedicine too [@tag:own].\n\n[@tag:own]: pmid:26017442\n",
		"90.back-matter.md": "[@tag:lecun]: doi:10.1038/nature14539\n[@tag:own]: doi:10.1000/other\n",
		"notes.md":          "[@tag:lecun]: doi:10.1000/not-a-part\n",
		"draft.md":          "Outside a manuscript [@tag:lecun].\n",
	})
	lib := []*corpus.Reference{{Key: "w1", Title: "Deep learning", Year: 2015, IDs: corpus.Identifiers{DOI: "10.1038/nature14539", PMID: "26017442"}}}
	got, err := CheckAll(context.Background(), []Input{{Path: filepath.Join(dir, "02.intro.md")}, {Path: filepath.Join(dir, "draft.md")}}, lib, Options{NoSupport: true})
	if err != nil {
		t.Fatal(err)
	}
	if l := links(got[0].Report); !slices.Equal(l, []string{"tag:lecun→w1", "tag:own→w1"}) {
		t.Errorf("a part: %q", l)
	}
	if l := links(got[1].Report); !slices.Equal(l, []string{"tag:lecun:dangling"}) {
		t.Errorf("not a part: %q", l)
	}
}

// The corpora are beside the repository: ../../shared/corpora from here.
const corpora = "../../shared/corpora/articles"

func TestCorpora_FailTeXFindsItsBibliography(t *testing.T) {
	path := filepath.Join(corpora, "latex-fail-paper", "fail.tex")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("corpora absent (%v): the real-data check of fail.tex's \\bibliography{digilat} is skipped", err)
	}
	count := func(o Options) (dangling int, notes []string) {
		got, err := CheckAll(context.Background(), []Input{{Path: path}}, nil, o)
		if err != nil {
			t.Fatal(err)
		}
		return got[0].Report.Summary.Dangling, got[0].Report.Notes
	}
	if d, _ := count(Options{NoSupport: true, NoArticleBibliography: true}); d != 23 {
		t.Errorf("without its bibliography: %d dangling, want 23", d)
	}
	d, notes := count(Options{NoSupport: true})
	if d != 0 {
		t.Errorf("with digilat.bib: %d dangling, want 0", d)
	}
	if !slices.ContainsFunc(notes, func(n string) bool {
		return strings.HasPrefix(n, "read ") && strings.HasSuffix(n, " references from digilat.bib for keys the library lacks")
	}) {
		t.Errorf("notes %q", notes)
	}
}

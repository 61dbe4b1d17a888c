package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/article"
	"github.com/evident-tools/evident/corpus/article/docxtest"
	"github.com/evident-tools/evident/corpus/check"
	"github.com/evident-tools/evident/corpus/resolve"
	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/store"
)

// corporaDir returns ../shared/corpora from the repository root, or skips.
func corporaDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", "corpora")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("the shared corpora (../shared/corpora from the repository root) are absent")
	}
	return dir
}

// corporaLibrary imports real reference files of the corpora into a new
// library, as 'import' would (Merge under Keep), and returns it open with
// every reference it holds, read whole.
func corporaLibrary(t testing.TB) (*store.Store, []*corpus.Reference) {
	return corporaLibraryOf(t, true)
}

// corporaLibraryOf is corporaLibrary, without the articles' own
// bibliographies unless withArticles.
func corporaLibraryOf(t testing.TB, withArticles bool) (*store.Store, []*corpus.Reference) {
	t.Helper()
	dir := corporaDir(t)
	groups := [][]string{
		{"articles/deep-review/output/references.json"},
		{"articles/deep-review/content/manual-references.json"},
		{"articles/manubot-rootstock/manual-references.json"},
		{"articles/latex-fail-paper/digilat.bib"},
		{"articles/jabref-latex/ieee-paper.bib", "articles/jabref-latex/origin.bib"},
		{"bibtex/bbt-zotero-exports/Cache_does_not_seem_to_fill_1296.bibtex"},
	}
	for _, sub := range []string{"bibtex/iridia", "bibtex/plume-bib"} {
		files, _ := filepath.Glob(filepath.Join(dir, sub, "*.bib"))
		var g []string
		for _, f := range files {
			rel, _ := filepath.Rel(dir, f)
			g = append(g, rel)
		}
		groups = append(groups, g)
	}
	if !withArticles {
		groups = [][]string{groups[0], groups[5]}
	}
	st, err := store.Open(filepath.Join(t.TempDir(), "library.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, g := range groups {
		var inputs []importer.Input
		for _, f := range g {
			inputs = append(inputs, importer.Input{Name: filepath.Join(dir, f)})
		}
		refs, _, err := importer.Parse(context.Background(), inputs, nil)
		if err != nil {
			t.Fatalf("%v: %v", g, err)
		}
		if _, err := st.Update(func(tx *store.Tx) error {
			_, err := tx.Merge(refs, store.Keep)
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := FromStore(st)
	if err != nil {
		t.Fatal(err)
	}
	return st, all
}

// TestIndexed_ResolvesAsTheFullScan checks real articles against a library
// of real references twice: with every reference read into memory, as
// check did before the indexes, and through the library's indexes. The
// reports must be identical byte for byte.
func TestIndexed_ResolvesAsTheFullScan(t *testing.T) {
	st, all := corporaLibrary(t)
	t.Logf("library: %d references", len(all))
	ix, err := st.RefIndex()
	if err != nil || ix == nil {
		t.Fatalf("RefIndex: %v, %v", ix, err)
	}
	dir := corporaDir(t)
	var articles []string
	for _, pat := range []string{"articles/deep-review/content/0*.md", "articles/deep-review/output/manuscript.md",
		"articles/manubot-rootstock/02.delete-me.md", "articles/latex-fail-paper/fail.tex",
		"articles/jabref-latex/*.tex", "articles/plos-jats/*.xml", "docx/*.docx"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		articles = append(articles, m...)
	}
	if len(articles) < 10 {
		t.Fatalf("only %d articles found", len(articles))
	}
	compared := 0
	for _, path := range articles {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		read := func() *corpus.Document {
			doc, err := article.Read(path, data, "")
			if err != nil {
				return nil
			}
			return doc
		}
		d1, d2 := read(), read()
		if d1 == nil {
			continue
		}
		want, err := corpus.EncodeReport(check.CheckDocument(d1, all, check.Options{}))
		if err != nil {
			t.Fatal(err)
		}
		lib := resolve.NewIndexed(ix, nil)
		got, err := corpus.EncodeReport(check.CheckLibrary(d2, lib, check.Options{}))
		if err != nil {
			t.Fatal(err)
		}
		if err := lib.Err(); err != nil {
			t.Fatal(err)
		}
		compared++
		if !bytes.Equal(got, want) {
			t.Errorf("%s: the report through the indexes differs from the full scan's:\n%s", filepath.Base(path), firstDiff(want, got))
		}
		if n := len(lib.Loaded()); n >= len(all)/2 {
			t.Errorf("%s: %d of %d references decoded: the indexes were not used", filepath.Base(path), n, len(all))
		}
	}
	t.Logf("%d articles compared", compared)
}

// TestIndexed_PipelineChecksAsTheFullScan runs the check pipeline on
// LaTeX articles whose own bibliography files the library lacks (laid
// over the indexes: bibliographies.extend, importer.ExtendStored), on
// Word drafts whose citation fields carry works, and on Markdown, once
// with the library read whole and once through its indexes.
func TestIndexed_PipelineChecksAsTheFullScan(t *testing.T) {
	st, all := corporaLibraryOf(t, false)
	dir := corporaDir(t)
	var inputs []Input
	for _, pat := range []string{"articles/latex-fail-paper/*.tex", "articles/jabref-latex/*.tex", "docx/*.docx", "articles/manubot-rootstock/02.delete-me.md"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		for _, p := range m {
			inputs = append(inputs, Input{Path: p})
		}
	}
	inputs = append(inputs, Input{Path: "draft.docx", Data: zoteroDraft()})
	ix, err := FromIndex(st)
	if err != nil || ix == nil {
		t.Fatalf("FromIndex: %v, %v", ix, err)
	}
	ctx := context.Background()
	want, err := CheckAll(ctx, inputs, all, Options{NoSupport: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := CheckAll(ctx, inputs, nil, Options{NoSupport: true, Library: ix})
	if err != nil {
		t.Fatal(err)
	}
	extended, embedded := 0, 0
	for i := range want {
		a, _ := corpus.EncodeReport(want[i].Report)
		b, _ := corpus.EncodeReport(got[i].Report)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: the report through the indexes differs from the full scan's:\n%s", filepath.Base(inputs[i].Path), firstDiff(a, b))
		}
		for _, n := range want[i].Report.Notes {
			if strings.Contains(n, "for keys the library lacks") {
				extended++
			}
			if strings.Contains(n, "the citation fields cite") {
				embedded++
			}
		}
	}
	if extended == 0 {
		t.Error("no article's bibliography added to the library: the test tests nothing of extend")
	}
	if embedded == 0 {
		t.Error("no Word draft's citation fields carried works: the test tests nothing of embedWorks")
	}
	t.Logf("%d articles, %d with references from their own bibliographies, %d with works in citation fields", len(inputs), extended, embedded)
}

// zoteroDraft is a Word draft whose Zotero fields carry a work the
// library has (by DOI), two it lacks, and one under a key the library
// uses for another work.
func zoteroDraft() []byte {
	item := func(id int, data string) string {
		return fmt.Sprintf(`{"id":%d,"uris":["http://zotero.org/users/1/items/K%d"],"itemData":%s}`, id, id, data)
	}
	instr := func(plain string, items ...string) string {
		return ` ADDIN ZOTERO_ITEM CSL_CITATION {"citationID":"x1","properties":{"formattedCitation":"` + plain + `","plainCitation":"` + plain +
			`","noteIndex":0},"citationItems":[` + strings.Join(items, ",") + `]} `
	}
	lecun := item(1, `{"id":1,"type":"article-journal","container-title":"Nature","DOI":"10.1038/nature14539","title":"Deep learning","author":[{"family":"LeCun","given":"Yann"},{"family":"Bengio","given":"Yoshua"}],"issued":{"date-parts":[["2015"]]}}`)
	vaswani := item(2, `{"id":2,"type":"paper-conference","title":"Attention is all you need","author":[{"family":"Vaswani","given":"Ashish"}],"issued":{"date-parts":[["2017"]]}}`)
	ioannidis := item(3, `{"id":3,"type":"article-journal","DOI":"10.1371/journal.pmed.0020124","title":"Why most published research findings are false","author":[{"family":"Ioannidis","given":"John"}],"issued":{"date-parts":[["2005"]]}}`)
	body := `<w:p>` + docxtest.Text("Deep networks learn features, as shown before ") + docxtest.Field(instr("[1, 2]", lecun, vaswani), "[1, 2]") +
		docxtest.Text(". Most published findings are false ") + docxtest.Field(instr("[3]", ioannidis), "[3]") + docxtest.Text(".") + `</w:p>`
	return docxtest.Parts{Body: body}.Bytes()
}

// TestIndexed_CitationsResolveAsInMemory asks both libraries the same
// questions about every reference of the corpora library: by key, by a
// misspelt key, by identifier, by author and year (right, a year off, a
// misspelt surname, the authors in another order) and by its reference
// list entry as a Vancouver list would print it.
func TestIndexed_CitationsResolveAsInMemory(t *testing.T) {
	st, all := corporaLibrary(t)
	ix, err := st.RefIndex()
	if err != nil || ix == nil {
		t.Fatalf("RefIndex: %v, %v", ix, err)
	}
	mem := resolve.NewLibrary(all)
	disk := resolve.NewIndexed(ix, nil)
	if mem.Len() != disk.Len() {
		t.Fatalf("Len: %d in memory, %d through the indexes", mem.Len(), disk.Len())
	}
	keyOf := func(r *corpus.Reference) string {
		if r == nil {
			return ""
		}
		return r.Key
	}
	n := 0
	for i, r := range all {
		if i%7 != 0 {
			continue // a seventh of them keeps the test short
		}
		for _, k := range []string{r.Key, strings.ToUpper(r.Key), typo(r.Key), "doi:" + r.IDs.DOI, "pmid:" + r.IDs.PMID, "url:" + r.IDs.URL} {
			if a, b := keyOf(mem.ByKey(k)), keyOf(disk.ByKey(k)); a != b {
				t.Errorf("ByKey(%q): %q in memory, %q through the indexes", k, a, b)
			}
			if a, b := mem.NearKey(k), disk.NearKey(k); a != b {
				t.Errorf("NearKey(%q): %q in memory, %q through the indexes", k, a, b)
			}
		}
		entry := listEntry(r)
		m1, mm1 := mem.MatchEntry(entry)
		m2, mm2 := disk.MatchEntry(entry)
		if fmt.Sprint(m1, mm1) != fmt.Sprint(m2, mm2) {
			t.Errorf("MatchEntry(%q):\n in memory %v %v\n indexes   %v %v", entry, m1, mm1, m2, mm2)
		}
		for _, c := range cites(r) {
			a1, n1 := mem.AuthorYear(c)
			a2, n2 := disk.AuthorYear(c)
			if fmt.Sprint(a1, n1) != fmt.Sprint(a2, n2) {
				t.Errorf("AuthorYear(%v):\n in memory %v %q\n indexes   %v %q", c, a1, n1, a2, n2)
			}
		}
		n++
	}
	if err := disk.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d references asked about", n)
}

// typo swaps two letters in the middle of s.
func typo(s string) string {
	r := []rune(s)
	if len(r) < 4 {
		return s + "x"
	}
	m := len(r) / 2
	r[m], r[m+1] = r[m+1], r[m]
	return string(r)
}

// listEntry prints r as a Vancouver list entry, without identifiers.
func listEntry(r *corpus.Reference) string {
	var names []string
	for _, a := range r.Authors {
		names = append(names, strings.TrimSpace(a.Family()+" "+initial(a.First)))
	}
	return fmt.Sprintf("%s. %s. %s. %d;1(2):3-4.", strings.Join(names, ", "), r.Title, r.Venue, r.Year)
}

func initial(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// cites are author-year citations of r: as it is, a year off, the first
// surname misspelt, the first two authors swapped, with et al.
func cites(r *corpus.Reference) []corpus.Cite {
	if len(r.Authors) == 0 {
		return nil
	}
	first := r.Authors[0].Family()
	y := strconv.Itoa(r.Year)
	out := []corpus.Cite{
		{Authors: []string{first}, Year: y},
		{Authors: []string{first}, Year: strconv.Itoa(r.Year + 1)},
		{Authors: []string{typo(first)}, Year: y},
		{Authors: []string{first}, EtAl: true, Year: y + "b"},
	}
	if len(r.Authors) > 1 {
		second := r.Authors[1].Family()
		out = append(out, corpus.Cite{Authors: []string{second, first}, Year: y}, corpus.Cite{Authors: []string{first, second}, Year: y})
	}
	return out
}

// firstDiff shows where two reports first differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

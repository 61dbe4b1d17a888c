package export_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export"
)

func parseBib(t testing.TB, src string) []*corpus.Reference {
	t.Helper()
	p := bibtex.NewParser()
	if _, err := p.Parse("test.bib", []byte(src)); err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) > 0 {
		t.Fatalf("problems: %v", p.Problems)
	}
	return p.References()
}

const sampleBib = `@article{smith2019,
  author = {Smith, John and van der Berg, Jan and {World Health Organization} and others},
  title = {The {DNA} of \emph{E. coli}},
  journal = {The Lancet},
  year = 2019, month = mar,
  volume = 393, number = 10, pages = {100--110},
  doi = {https://doi.org/10.1016/S0140-6736(19)30001-X},
}
@phdthesis{doe2001,
  author = {Doe, Jane}, title = {A Thesis}, school = {MIT}, year = 2001, address = {Cambridge, MA},
}
@incollection{lee2010,
  author = {Lee, Ann}, title = {Pain}, subtitle = {A Review}, booktitle = {Handbook}, booksubtitle = {of Things},
  editor = {{Editorial Board}}, series = {Lecture Notes}, number = 12, publisher = {Springer}, year = 2010,
  langid = {ngerman}, pubstate = {inpress},
}
`

func cslItems(t testing.TB, refs []*corpus.Reference) ([]map[string]any, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := export.CSLJSON(&buf, refs); err != nil {
		t.Fatal(err)
	}
	var items []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &items); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.String())
	}
	return items, buf.String()
}

func TestCSLJSON_MapsFieldsAsPandocDoes(t *testing.T) {
	items, out := cslItems(t, parseBib(t, sampleBib))
	if len(items) != 3 {
		t.Fatalf("%d items", len(items))
	}
	// Rich text stays markup, written as is rather than \u003c escapes.
	if !strings.Contains(out, `"title": "The <span class=\"nocase\">DNA</span> of <i>E. coli</i>"`) {
		t.Errorf("title not kept as rich text:\n%s", out)
	}
	want := []any{
		map[string]any{"family": "Smith", "given": "John"},
		map[string]any{"family": "Berg", "given": "Jan", "dropping-particle": "van der"},
		map[string]any{"literal": "World Health Organization"},
		// pandoc writes "and others" so, and its citeproc prints "et al.".
		map[string]any{"literal": "others"},
	}
	if !reflect.DeepEqual(items[0]["author"], want) {
		t.Errorf("author = %v", items[0]["author"])
	}
	for k, v := range map[string]any{
		"type": "article-journal", "container-title": "The Lancet", "page": "100-110", "issue": "10",
		"volume": "393", "DOI": "10.1016/S0140-6736(19)30001-X", "id": "smith2019",
	} {
		if items[0][k] != v {
			t.Errorf("%s = %v, want %v", k, items[0][k], v)
		}
	}
	if got, _ := json.Marshal(items[0]["issued"]); string(got) != `{"date-parts":[[2019,3]]}` {
		t.Errorf("issued = %s", got)
	}
	for k, v := range map[string]any{"type": "thesis", "genre": "PhD thesis", "publisher": "MIT", "publisher-place": "Cambridge, MA"} {
		if items[1][k] != v {
			t.Errorf("thesis %s = %v, want %v", k, items[1][k], v)
		}
	}
	for k, v := range map[string]any{
		"type": "chapter", "title": "Pain: A Review", "container-title": "Handbook: of Things",
		"collection-title": "Lecture Notes", "collection-number": "12", "language": "de-DE", "status": "in press",
	} {
		if items[2][k] != v {
			t.Errorf("chapter %s = %v, want %v", k, items[2][k], v)
		}
	}
	if _, ok := items[2]["number"]; ok {
		t.Errorf("a series number is not the chapter's number: %v", items[2]["number"])
	}
	if got, _ := json.Marshal(items[2]["editor"]); string(got) != `[{"literal":"Editorial Board"}]` {
		t.Errorf("braced editor = %s, want one literal name", got)
	}
	for i, it := range items {
		if errs := validateCSL(it); len(errs) > 0 {
			t.Errorf("item %d breaks the schema: %v", i, errs)
		}
	}
}

func TestCSLJSON_EmptyLibraryIsAnEmptyArray(t *testing.T) {
	var buf bytes.Buffer
	if err := export.CSLJSON(&buf, nil); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "[]\n" {
		t.Errorf("got %q", buf.String())
	}
}

// TestCSLSchema_AcceptsRealCSLJSON validates the validator: the CSL-JSON
// that Manubot built for a published paper must pass, and Crossref's
// records kept by hand in the same project must fail only for what
// Crossref adds beyond the schema.
func TestCSLSchema_AcceptsRealCSLJSON(t *testing.T) {
	root := filepath.Join(corporaRoot(t), "articles", "deep-review")
	read := func(rel string) []map[string]any {
		data, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Skipf("%s not in the corpora: %v", rel, err)
		}
		var items []map[string]any
		if err := json.Unmarshal(data, &items); err != nil {
			t.Fatal(err)
		}
		return items
	}
	built := read("output/references.json")
	for _, it := range built {
		if errs := validateCSL(it); len(errs) > 0 {
			t.Errorf("output/references.json %v: %v", it["id"], errs)
		}
	}
	if len(built) < 600 {
		t.Errorf("only %d items", len(built))
	}

	// Crossref's citeproc JSON adds bookkeeping keys and writes some
	// title variables as arrays; nothing else may be reported.
	crossref := set(`alternative-id archives content-domain created deposited funder
		greycite-canonical-uri indexed is-referenced-by-count link member prefix published-online
		published-print publisher-location redirects-to reference-count references-count relation
		score short-container-title short-title short_url subject subtitle`)
	manual := read("content/manual-references.json")
	valid, arrays := 0, 0
	for _, it := range manual {
		errs := validateCSL(it)
		if len(errs) == 0 {
			valid++
		}
		for _, e := range errs {
			key, problem, _ := strings.Cut(e, ": ")
			switch {
			case problem == "not a CSL variable" && crossref[key]:
			case problem == `name key "affiliation" not allowed`:
				// Crossref's affiliations of authors.
			case problem == "not a string" && isEmptyArray(it[key]):
				arrays++
			default:
				t.Errorf("manual-references.json %v: unexpected %s", it["id"], e)
			}
		}
	}
	if valid < 20 || arrays == 0 {
		t.Errorf("%d of %d hand-kept items valid, %d Crossref arrays seen; the validator is not discriminating", valid, len(manual), arrays)
	}
	t.Logf("%d built items valid; %d of %d hand-kept items valid, the rest carry Crossref's extra keys", len(built), valid, len(manual))
}

func isEmptyArray(v any) bool {
	a, ok := v.([]any)
	return ok && len(a) == 0
}

// TestCSLJSON_CorporaItemsValidate writes every reference of every corpus
// file as CSL-JSON and validates each item against the schema's rules.
func TestCSLJSON_CorporaItemsValidate(t *testing.T) {
	dir := corpora(t)
	files, total := 0, 0
	for _, rel := range corpusFiles(t, dir) {
		refs, ok := readCorpus(t, dir, rel)
		if !ok || len(refs) == 0 {
			continue
		}
		items, _ := cslItems(t, refs)
		if len(items) != len(refs) {
			t.Fatalf("%s: %d references, %d items", rel, len(refs), len(items))
		}
		for _, it := range items {
			if errs := validateCSL(it); len(errs) > 0 {
				t.Errorf("%s %v: %v", rel, it["id"], errs)
			}
		}
		files++
		total += len(items)
	}
	if total < 15000 {
		t.Errorf("only %d items from %d files", total, files)
	}
	t.Logf("%d items from %d files valid", total, files)
}

// TestCSLJSON_PandocReadsIt feeds our CSL-JSON to pandoc, as a CSL-JSON
// bibliography and through citeproc: every item must be read.
func TestCSLJSON_PandocReadsIt(t *testing.T) {
	if _, err := exec.LookPath("pandoc"); err != nil {
		t.Skip("pandoc is not installed; skipping the check that pandoc reads our CSL-JSON")
	}
	dir := corpora(t)
	for _, rel := range []string{
		"bbt-zotero-exports/Cache_does_not_seem_to_fill_1296.bibtex",
		"iridia/articles.bib",
		"bibliotex/references_bnmr_heidelberg.bib",
		"jabref-tests/testjabref.bib",
	} {
		refs, _ := readCorpus(t, dir, rel)
		_, ours := cslItems(t, refs)
		cmd := exec.Command("pandoc", "-f", "csljson", "-t", "csljson")
		cmd.Stdin = strings.NewReader(ours)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: pandoc rejects our CSL-JSON: %v", rel, err)
		}
		var back []map[string]any
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatal(err)
		}
		if len(back) != len(refs) {
			t.Errorf("%s: pandoc read %d of %d items", rel, len(back), len(refs))
		}
	}

	// Through citeproc: a bibliography of every item of a small file.
	refs := parseBib(t, sampleBib)
	_, ours := cslItems(t, refs)
	bib := filepath.Join(t.TempDir(), "refs.json")
	if err := os.WriteFile(bib, []byte(ours), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pandoc", "--citeproc", "--bibliography", bib, "-f", "markdown", "-t", "plain")
	cmd.Stdin = strings.NewReader("---\nnocite: \"@*\"\n---\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pandoc --citeproc: %v\n%s", err, stderr.String())
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{"Smith, John, Jan van der Berg, World Health Organization, et al. 2019", "Doe, Jane", "Lee, Ann"} {
		if !strings.Contains(text, want) {
			t.Errorf("citeproc output lacks %q:\n%s", want, text)
		}
	}
}

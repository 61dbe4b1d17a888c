package csljson_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/csljson"
	"github.com/evident-tools/evident/corpus/ris"
)

// corpora is the shared directory of real files; tests that need it skip
// when it is absent.
func corpora(t *testing.T, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "..", "shared", "corpora"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("real CSL-JSON files not found (%v); they live in ../shared/corpora", err)
	}
	return p
}

func read(t *testing.T, path string) *csljson.Result {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := csljson.Read(filepath.Base(path), data)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestRead_Corpora reads every real CSL-JSON file: all items import, none
// is rejected, every reference has a key, a type and a title or a year.
func TestRead_Corpora(t *testing.T) {
	root := corpora(t, "refs-formats")
	files, _ := filepath.Glob(filepath.Join(root, "bbt-csl-json", "*.json"))
	more, _ := filepath.Glob(filepath.Join(root, "citation-js", "mapping", "*-csl.json"))
	files = append(files, more...)
	more, _ = filepath.Glob(filepath.Join(root, "manubot", "csl-json", "*", "*.json"))
	files = append(files, more...)
	files = append(files, filepath.Join(root, "manubot", "bibliographies", "bibliography.json"),
		filepath.Join(root, "..", "articles", "deep-review", "output", "references.json"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if !csljson.Sniff(string(data)) {
			t.Errorf("%s: not recognised as CSL-JSON", f)
		}
		res := read(t, f)
		rel, _ := filepath.Rel(root, f)
		t.Logf("%s: %d read, %d rejected, %d warnings", rel, len(res.Refs), len(res.Problems), len(res.Warnings))
		for _, p := range res.Problems {
			t.Errorf("%s", p.Error())
		}
		if len(res.Refs) == 0 {
			t.Errorf("%s: no items read", rel)
		}
		titled := 0
		for _, r := range res.Refs {
			if r.Key == "" || r.Type == "" {
				t.Errorf("%s:%d: key %q type %q", rel, r.Source.Line, r.Key, r.Type)
			}
			if r.Title != "" {
				titled++
			}
		}
		// A few real items are empty on purpose (Manubot's date tests).
		if titled < len(res.Refs)/2 {
			t.Errorf("%s: %d of %d items have a title", rel, titled, len(res.Refs))
		}
	}
}

func TestRead_DeepReview(t *testing.T) {
	res := read(t, corpora(t, "articles", "deep-review", "output", "references.json"))
	if len(res.Refs) != 615 || len(res.Problems) != 0 {
		t.Fatalf("read %d items, %d rejected; want 615, 0", len(res.Refs), len(res.Problems))
	}
	dois := 0
	for _, r := range res.Refs {
		if r.IDs.DOI != "" {
			dois++
		}
	}
	// 435 items have a DOI member; one more has its DOI in its URL.
	if dois != 436 {
		t.Errorf("%d references with a DOI, want 436", dois)
	}
}

// TestRead_CitationJSAnswers compares citation-js's CSL-JSON with the
// BibTeX it was made from: title, authors, year, DOI and type.
func TestRead_CitationJSAnswers(t *testing.T) {
	dir := corpora(t, "refs-formats", "citation-js", "mapping")
	for _, name := range []string{"bibtex", "biblatex"} {
		res := read(t, filepath.Join(dir, name+"-csl.json"))
		src, err := os.ReadFile(filepath.Join(dir, name+"-input.bib"))
		if err != nil {
			t.Fatal(err)
		}
		p := bibtex.NewParser()
		p.ParseText(name+"-input.bib", string(src))
		want := map[string]*corpus.Reference{}
		for _, r := range p.References() {
			want[r.Key] = r
		}
		if len(res.Refs) != len(want) {
			t.Errorf("%s: %d items, %d entries", name, len(res.Refs), len(want))
		}
		for _, got := range res.Refs {
			w := want[got.Key]
			if w == nil {
				t.Errorf("%s: item %s has no entry", name, got.Key)
				continue
			}
			// citation-js joins a subtitle to the title.
			if !strings.HasPrefix(got.Title, w.Title) {
				t.Errorf("%s: %s: title %q, want %q", name, got.Key, got.Title, w.Title)
			}
			if got.Year != w.Year {
				t.Errorf("%s: %s: year %d, want %d", name, got.Key, got.Year, w.Year)
			}
			if got.IDs.DOI != w.IDs.DOI {
				t.Errorf("%s: %s: DOI %q, want %q", name, got.Key, got.IDs.DOI, w.IDs.DOI)
			}
			if names(got.Authors) != names(w.Authors) {
				t.Errorf("%s: %s: authors %s, want %s", name, got.Key, names(got.Authors), names(w.Authors))
			}
			if !sameType(got.Type, w.Type) {
				t.Errorf("%s: %s: type %s, want %s", name, got.Key, got.Type, w.Type)
			}
		}
	}
}

// sameType: CSL has one type where BibTeX has several, and citation-js
// makes booklets and bookinbooks books and manuals reports.
func sameType(got, want string) bool {
	alike := map[string]string{"booklet": "book", "bookinbook": "book", "phdthesis": "thesis", "mastersthesis": "thesis", "report": "techreport",
		"conference": "inproceedings", "inbook": "incollection", "manual": "techreport", "proceedings": "book",
		"electronic": "online", "www": "online", "mvbook": "book", "mvcollection": "book",
		"mvproceedings": "book", "mvreference": "book", "reference": "book", "collection": "book",
		"suppbook": "incollection", "suppcollection": "incollection",
		"suppperiodical": "article", "xdata": "misc", "set": "misc", "customa": "misc", "unpublished": "unpublished"}
	if a, ok := alike[want]; ok {
		want = a
	}
	return got == want
}

func names(ns []corpus.Name) string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Family())
	}
	return strings.Join(out, "; ")
}

// TestRead_ManubotSciHub compares Manubot's CSL-JSON of the Sci-Hub
// article with its BibTeX and RIS.
func TestRead_ManubotSciHub(t *testing.T) {
	dir := corpora(t, "refs-formats", "manubot", "bibliographies")
	res := read(t, filepath.Join(dir, "bibliography.json"))
	var got *corpus.Reference
	for _, r := range res.Refs {
		if r.IDs.DOI == "10.7554/elife.32822" {
			got = r
		}
	}
	if got == nil {
		t.Fatalf("no reference with DOI 10.7554/eLife.32822 among %d", len(res.Refs))
	}
	v, _ := got.Get("volume")
	if len(got.Authors) != 7 || got.Year != 2018 || got.Venue != "eLife" || v != "7" || got.Type != "article" {
		t.Errorf("authors %d, year %d, venue %q, volume %q, type %s", len(got.Authors), got.Year, got.Venue, v, got.Type)
	}
	src, err := os.ReadFile(filepath.Join(dir, "bibliography.bib"))
	if err != nil {
		t.Fatal(err)
	}
	p := bibtex.NewParser()
	p.ParseText("bibliography.bib", string(src))
	risData, err := os.ReadFile(filepath.Join(dir, "bibliography.ris"))
	if err != nil {
		t.Fatal(err)
	}
	risRes, err := ris.Read("bibliography.ris", risData)
	if err != nil {
		t.Fatal(err)
	}
	for _, other := range append(p.References(), risRes.Refs...) {
		if other.IDs.DOI != got.IDs.DOI {
			continue
		}
		if other.Title != got.Title || names(other.Authors) != names(got.Authors) || other.Year != got.Year {
			t.Errorf("%s: %q %s %d, CSL-JSON %q %s %d", other.Source.File, other.Title, names(other.Authors), other.Year,
				got.Title, names(got.Authors), got.Year)
		}
	}
}

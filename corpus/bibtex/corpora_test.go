package bibtex_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/export"
)

// corporaDir is the shared public corpora beside the checkout; tests that
// need it skip when it is absent (a user's clone does not have it).
func corporaDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "bibtex")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpora not found at %s (they sit beside the checkout in CI): %v", dir, err)
	}
	return dir
}

// biberCounts reads testdata/biber-counts.tsv: how many entries biber
// --tool writes for each corpus file read alone (see biber-counts.sh).
func biberCounts(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "biber-counts.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	counts := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		path, n, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("biber-counts.tsv: bad line %q", line)
		}
		counts[path] = n
	}
	return counts
}

// deliberate lists the corpus files where evident reads a different number
// of entries than biber, each with the reason. Keep it short and true.
var deliberate = map[string]string{
	"bbt-zotero-exports/Unbalanced_vphantom_escapes_1043.bibtex":                                                  repeatedKey,
	"bbt-zotero-exports/Unbalanced_vphantom_escapes_1043-mathmode.bibtex":                                         repeatedKey,
	"bbt-zotero-exports/Question_BBT_is_changing_lastname_firstname_de_to_de_lastname_firstname_3367.bibtex":      repeatedKey,
	"bbt-zotero-exports/Question_BBT_is_changing_lastname_firstname_de_to_de_lastname_firstname_3367-noop.bibtex": repeatedKey,
	"bbt-import/Title_of_German_entry_converted_to_lowercase_during_import_1350.bib":                              repeatedKey,
	"bibtexparser-tests/biber-examples.bib":                                                                       repeatedKey,
	"bbt-import/Unabbreviate_on_import_1436-2.bib":                                                                repeatedKey,
	"iridia/articles.bib":                      unsplittableNames,
	"iridia/biblio.bib":                        unsplittableNames,
	"iridia/crossref.bib":                      unsplittableNames,
	"bibliotex/references_materials_NbTiN.bib": unsplittableNames,
	"bbt-zotero-exports/Extensions_to_citation_format_syntax_1933.biblatex": unsplittableNames,
}

const (
	repeatedKey       = "evident reads every entry; a repeated key is reported when the library stores it (duplicate skipped or key clash rejected), while biber drops the later entries silently"
	unsplittableNames = "biber drops an entry whose author list it cannot split into names (too many commas, empty name); evident keeps the entry and splits the names as best it can"
)

func readCorpusFile(t *testing.T, dir, rel string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestCorpora_EntryCountsMatchBiber reads every real BibTeX file of the
// shared corpora alone and compares the number of entries read with biber's.
func TestCorpora_EntryCountsMatchBiber(t *testing.T) {
	dir := corporaDir(t)
	counts := biberCounts(t)
	if len(counts) < 700 {
		t.Fatalf("biber-counts.tsv has %d files; expected the whole corpus", len(counts))
	}
	mismatches := 0
	for rel, want := range counts {
		p := bibtex.NewParser()
		n, err := p.Parse(rel, readCorpusFile(t, dir, rel))
		got := strconv.Itoa(n)
		if err != nil {
			got = "failed"
		}
		if want == "failed" || want == "timeout" {
			// biber read nothing; evident must still not lose good entries,
			// which the recovery tests check. Nothing to compare.
			continue
		}
		if reason, ok := deliberate[rel]; ok {
			if got == want {
				t.Errorf("%s: listed as a deliberate difference (%s) but counts now agree at %s", rel, reason, got)
			}
			continue
		}
		if got != want {
			mismatches++
			var probs []string
			for i, pr := range p.Problems {
				if i == 3 {
					break
				}
				probs = append(probs, pr.Error())
			}
			t.Errorf("%s: evident read %s entries, biber %s; problems: %s", rel, got, want, strings.Join(probs, "; "))
		}
	}
	t.Logf("%d files compared, %d mismatches, %d deliberate differences", len(counts), mismatches, len(deliberate))
}

// comparable is what must survive import → export → import unchanged.
type comparable struct {
	Key, Type   string
	Fields      []corpus.Field
	Authors     []corpus.Name
	EtAl        bool
	Editors     []corpus.Name
	Title       string
	Protected   []string
	Year, Month int
	Venue       string
	IDs         corpus.Identifiers
}

func toComparable(r *corpus.Reference) comparable {
	return comparable{r.Key, r.Type, r.Fields, r.Authors, r.AuthorsEtAl, r.Editors, r.Title, r.Protected,
		r.Year, r.Month, r.Venue, r.IDs}
}

// roundTrip exports refs as BibTeX, reads them back, and reports the first
// difference.
func roundTrip(t testing.TB, name string, refs []*corpus.Reference) {
	t.Helper()
	var buf bytes.Buffer
	if err := export.BibTeX(&buf, refs); err != nil {
		t.Fatal(err)
	}
	p := bibtex.NewParser()
	if _, err := p.Parse(name+".exported", buf.Bytes()); err != nil {
		t.Fatalf("%s: re-import: %v", name, err)
	}
	if len(p.Problems) > 0 {
		t.Fatalf("%s: re-import problems: %v", name, p.Problems[0])
	}
	again := p.References()
	if len(again) != len(refs) {
		t.Fatalf("%s: %d references exported, %d read back", name, len(refs), len(again))
	}
	for i := range refs {
		a, b := toComparable(refs[i]), toComparable(again[i])
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%s: entry %s changed in the round trip:\nbefore %+v\nafter  %+v", name, refs[i].Key, a, b)
		}
	}
}

// TestCorpora_RoundTrip exports every corpus file's references and imports
// them again: no field may be lost or altered.
func TestCorpora_RoundTrip(t *testing.T) {
	dir := corporaDir(t)
	files := 0
	entries := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), "LICENSE") {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		p := bibtex.NewParser()
		if _, err := p.Parse(rel, readCorpusFile(t, dir, rel)); err != nil {
			return nil // not text; the bad-input tests cover it
		}
		refs := p.References()
		roundTrip(t, rel, refs)
		files++
		entries += len(refs)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 700 {
		t.Errorf("only %d files round-tripped", files)
	}
	t.Logf("%d files, %d entries round-tripped", files, entries)
}

// TestCorpora_DamagedFilesKeepGoodEntries damages real files in memory, one
// entry at a time, the ways people break them: a closing brace lost, an '='
// lost. The damaged entry must be reported at its line, and every other
// entry must still be read.
func TestCorpora_DamagedFilesKeepGoodEntries(t *testing.T) {
	dir := corporaDir(t)
	files := []string{
		"bibliotex/references_bnmr_heidelberg.bib",
		"jabref-tests/testjabref.bib",
		"bbt-zotero-exports/Cache_does_not_seem_to_fill_1296.bibtex",
		"colrev-database-exports/scopus_bib.bib",
	}
	for _, rel := range files {
		data := readCorpusFile(t, dir, rel)
		p := bibtex.NewParser()
		n, err := p.Parse(rel, data)
		if err != nil {
			t.Fatal(err)
		}
		// Some real files have broken entries of their own: damage a
		// clean one and expect exactly one problem more.
		base := len(p.Problems)
		entries := p.Entries()
		if n < 5 {
			t.Fatalf("%s: only %d entries", rel, n)
		}
		victim := entries[n/2]
		lines := strings.Split(string(data), "\n")

		// 1. The victim's last closing brace is lost: it runs into the next entry.
		end := victim.Line - 1 + strings.Count(victim.Raw, "\n")
		cut := append([]string(nil), lines...)
		cut[end] = strings.TrimRight(strings.TrimRight(cut[end], "\r"), "}) \t")
		pc := bibtex.NewParser()
		got, _ := pc.Parse(rel, []byte(strings.Join(cut, "\n")))
		if got != n-1 {
			t.Errorf("%s: lost brace of %s: read %d entries, want %d", rel, victim.Key, got, n-1)
		}
		if len(pc.Problems) != base+1 || !hasProblem(pc.Problems, victim.Key, victim.Line, "never closed") {
			t.Errorf("%s: lost brace of %s (line %d): problems %v", rel, victim.Key, victim.Line, pc.Problems)
		}
		if hasProblem(pc.Problems, victim.Key, victim.Line, "do not balance") {
			t.Errorf("%s: lost brace of %s (line %d) blamed on a value: %v", rel, victim.Key, victim.Line, pc.Problems)
		}

		// 2. The '=' of the victim's first field is lost.
		f := victim.Fields[0]
		broken := append([]string(nil), lines...)
		broken[f.Line-1] = strings.Replace(broken[f.Line-1], "=", " ", 1)
		pb := bibtex.NewParser()
		got, _ = pb.Parse(rel, []byte(strings.Join(broken, "\n")))
		if got != n-1 {
			t.Errorf("%s: lost '=' in %s: read %d entries, want %d", rel, victim.Key, got, n-1)
		}
		if len(pb.Problems) != base+1 || !hasProblem(pb.Problems, victim.Key, f.Line, "expected '='") {
			t.Errorf("%s: lost '=' in %s line %d: problems %v", rel, victim.Key, f.Line, pb.Problems)
		}
	}
}

func hasProblem(ps []corpus.Problem, key string, line int, msg string) bool {
	for _, p := range ps {
		if p.Key == key && p.Line == line && strings.Contains(p.Msg, msg) {
			return true
		}
	}
	return false
}

// TestCorpora_NeverClosedNamesTheUnbalancedValue: in a real Zotero export,
// "Taylor {{\&} Francis" on line 274 leaves its entry (line 267) open until
// the next entry; the problem names both lines.
func TestCorpora_NeverClosedNamesTheUnbalancedValue(t *testing.T) {
	rel := "bbt-zotero-exports/Cache_does_not_seem_to_fill_1296.bibtex"
	p := bibtex.NewParser()
	if _, err := p.Parse(rel, readCorpusFile(t, corporaDir(t), rel)); err != nil {
		t.Fatal(err)
	}
	want := rel + ":267: entry AGESCHEIDER:2009dk: entry never closed: line 289 starts another entry" +
		" (the braces of field publisher do not balance on line 274: its value runs on into field doi on line 275)"
	for _, pr := range p.Problems {
		if pr.Key == "AGESCHEIDER:2009dk" {
			if pr.Error() != want {
				t.Errorf("problem:\n%s\nwant:\n%s", pr.Error(), want)
			}
			return
		}
	}
	t.Errorf("no problem for AGESCHEIDER:2009dk among %v", p.Problems)
}

package resolve

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/evident-tools/evident/corpus"
)

var (
	corpusEntry = regexp.MustCompile(`(?s)<div (?:id="ref-[^"]*"|class="csl-entry")>(.*?)</div>`)
	corpusTag   = regexp.MustCompile(`<[^>]*>`)
)

// corpusEntries returns up to n reference-list entries of the shared
// corpora, markup removed: a real manuscript's list and the CSL processor
// fixtures' formatted bibliographies. None when the corpora are absent.
func corpusEntries(n int) []string {
	var files []string
	dir := filepath.Join("..", "..", "..", "shared", "corpora")
	files = append(files, filepath.Join(dir, "articles", "deep-review", "output", "manuscript.html"))
	more, _ := filepath.Glob(filepath.Join(dir, "csl", "citeproc-extra-tests", "*.txt"))
	files = append(files, more...)
	var out []string
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			continue
		}
		for i, m := range corpusEntry.FindAllStringSubmatch(string(data), -1) {
			if i >= n/2 || len(out) >= n {
				break
			}
			out = append(out, strings.Join(strings.Fields(corpusTag.ReplaceAllString(m[1], " ")), " "))
		}
	}
	return out
}

func addSeeds(f *testing.F) {
	for _, fx := range loadFixtures(f) {
		f.Add(fx.entry)
	}
	for _, s := range []string{
		"", "<", "<a", "&amp;amp;", "((((", "“", "'", "et al.", "…", "10.1000/", "doi:10.1000/x)",
		"PMC", "PMCID: PMC", "arXiv:", "ISBN 978", "(2019", "Smith, , , J.", "A. B. C. D.",
		"Smith J. “Title", "van der", "[1] [2] [3]", "\x00\xff", "WHO. (n.d.). Title.",
	} {
		f.Add(s)
	}
	for _, s := range corpusEntries(120) {
		f.Add(s)
	}
}

func FuzzParseEntry(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		p := ParseEntry(s)
		if p.Year != 0 && (p.Year < 1500 || p.Year > 2099) {
			t.Errorf("ParseEntry(%q).Year = %d", s, p.Year)
		}
		for _, a := range p.Authors {
			if strings.TrimSpace(a) == "" {
				t.Errorf("ParseEntry(%q): empty author in %q", s, p.Authors)
			}
		}
		if !utf8.ValidString(p.Title) || !utf8.ValidString(p.Venue) {
			t.Errorf("ParseEntry(%q): invalid UTF-8 in %+v", s, p)
		}
	})
}

func FuzzMatchEntry(f *testing.F) {
	addSeeds(f)
	lib := testLibrary(f)
	f.Fuzz(func(t *testing.T, s string) {
		m, mm := lib.MatchEntry(s)
		if m.Confidence < 0 || m.Confidence > 1 {
			t.Errorf("MatchEntry(%q).Confidence = %v", s, m.Confidence)
		}
		if m.Key != "" && lib.ByKey(m.Key) == nil {
			t.Errorf("MatchEntry(%q) = unknown key %q", s, m.Key)
		}
		if m.Key == "" && (m.Weak || m.Confidence != 0) {
			t.Errorf("MatchEntry(%q) = %+v: no key but a strength", s, m)
		}
		if mm != nil && (lib.ByKey(mm.Key) == nil || mm.ID == "") {
			t.Errorf("MatchEntry(%q) mismatch %+v", s, mm)
		}
		// The author-year route takes the same text as a citation.
		parts := strings.Split(s, "|")
		c := corpus.Cite{Authors: parts[:len(parts)-1], Year: parts[len(parts)-1], EtAl: len(s)%2 == 0}
		if m, _ := lib.AuthorYear(c); m.Key != "" && lib.ByKey(m.Key) == nil {
			t.Errorf("AuthorYear(%+v) = unknown key %q", c, m.Key)
		}
		MatchCiteToEntries(c, []Parsed{ParseEntry(s)})
	})
}

package verify

import (
	"context"
	"flag"
	"hash/fnv"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/registry"
)

// The threshold study. Real bibliographies render the same work in many
// ways: title case, braces, abbreviated journals, initials, a subtitle left
// out, the online year. The same DOI in two different files of
// ../shared/corpora is two independent renderings of one work (a positive
// pair); two different DOIs whose references share a first author or
// title words are two works that look alike (a negative pair). One
// rendering stands for the reference, the other for the registry's record.
// DOIs are split by a hash into a tuning half, on which the thresholds were
// chosen, and a held-out half, which only reports.

var sweep = flag.Bool("sweep", false, "print the threshold sweep of the corpus study")

// pair is two renderings, of one work or of two.
type pair struct {
	ours *corpus.Reference
	rec  registry.Record
	same bool
}

type study struct {
	tune, held []pair
	files      int
	refs       int
	dois       int
}

var (
	studyOnce sync.Once
	theStudy  *study
)

// corpusStudy reads the corpus once per test binary, skipping when it is
// absent.
func corpusStudy(t testing.TB) *study {
	t.Helper()
	if testing.Short() {
		t.Skip("corpus study: reads 900 bibliographies; not with -short")
	}
	root := filepath.Join("..", "..", "shared", "corpora")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus study: %s not found (the shared corpora live beside the checkout)", root)
	}
	studyOnce.Do(func() { theStudy = buildStudy(root) })
	return theStudy
}

// referenceFile reports whether a corpus file is a bibliography the
// importer reads.
func referenceFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".bib", ".bibtex", ".biblatex", ".ris":
		return true
	case ".json":
		return !strings.Contains(path, "package")
	}
	return false
}

func buildStudy(root string) *study {
	s := &study{}
	// doi → file → reference: one rendering per file.
	byDOI := map[string]map[string]*corpus.Reference{}
	var inputs []importer.Input
	for _, dir := range []string{"bibtex", "refs-formats", "articles"} {
		_ = filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && referenceFile(path) {
				inputs = append(inputs, importer.Input{Name: path})
			}
			return nil
		})
	}
	// One call: the importer reads the files in parallel. A file it
	// refuses is left out, as the importer leaves it out of an import.
	var refs []*corpus.Reference
	for len(inputs) > 0 {
		got, _, err := importer.Parse(context.Background(), inputs, nil)
		if err == nil {
			refs = got
			break
		}
		bad := -1
		for i, in := range inputs {
			if strings.Contains(err.Error(), in.Name) {
				bad = i
			}
		}
		if bad < 0 {
			break
		}
		inputs = slices.Delete(inputs, bad, bad+1)
	}
	s.files = len(inputs)
	for _, r := range refs {
		if r.IDs.DOI == "" || r.Title == "" {
			continue
		}
		s.refs++
		m := byDOI[r.IDs.DOI]
		if m == nil {
			m = map[string]*corpus.Reference{}
			byDOI[r.IDs.DOI] = m
		}
		if _, ok := m[r.Source.File]; !ok {
			m[r.Source.File] = r
		}
	}
	s.dois = len(byDOI)
	dois := slices.Sorted(func(yield func(string) bool) {
		for d := range byDOI {
			if !yield(d) {
				return
			}
		}
	})
	half := func(doi string) int {
		h := fnv.New32a()
		h.Write([]byte(doi))
		return int(h.Sum32() % 2)
	}
	// One rendering per DOI for the negatives: the first file's.
	first := map[string]*corpus.Reference{}
	for _, d := range dois {
		files := slices.Sorted(func(yield func(string) bool) {
			for f := range byDOI[d] {
				if !yield(f) {
					return
				}
			}
		})
		first[d] = byDOI[d][files[0]]
		// Positives: consecutive files' renderings, so a DOI in many files
		// does not crowd out the rest.
		for i := 0; i+1 < len(files); i++ {
			p := pair{ours: byDOI[d][files[i]], rec: asRecord(byDOI[d][files[i+1]]), same: true}
			s.add(half(d), p)
		}
	}
	// Negatives within each half: the works that share a first author, and
	// those that share two or more title words of five letters or more,
	// at most a few per work.
	for h := 0; h < 2; h++ {
		byAuthor := map[string][]string{}
		byWord := map[string][]string{}
		for _, d := range dois {
			if half(d) != h {
				continue
			}
			r := first[d]
			if len(r.Authors) > 0 {
				if f := strings.Join(familyWords(r.Authors[0].Family()), " "); f != "" {
					byAuthor[f] = append(byAuthor[f], d)
				}
			}
			for _, w := range longWords(r.Title) {
				byWord[w] = append(byWord[w], d)
			}
		}
		for _, d := range dois {
			if half(d) != h {
				continue
			}
			r := first[d]
			others := map[string]bool{}
			if len(r.Authors) > 0 {
				for _, o := range byAuthor[strings.Join(familyWords(r.Authors[0].Family()), " ")] {
					if o != d && len(others) < 3 {
						others[o] = true
					}
				}
			}
			shared := map[string]int{}
			for _, w := range longWords(r.Title) {
				if len(byWord[w]) > 200 {
					continue // a word every other title has
				}
				for _, o := range byWord[w] {
					if o != d {
						shared[o]++
					}
				}
			}
			n := 0
			for _, o := range slices.Sorted(func(yield func(string) bool) {
				for o := range shared {
					if !yield(o) {
						return
					}
				}
			}) {
				if shared[o] >= 2 && n < 3 && !others[o] {
					others[o] = true
					n++
				}
			}
			for _, o := range slices.Sorted(func(yield func(string) bool) {
				for o := range others {
					if !yield(o) {
						return
					}
				}
			}) {
				if sameWorkElsewhere(first[d], first[o]) {
					continue
				}
				s.add(h, pair{ours: r, rec: asRecord(first[o]), same: false})
			}
		}
	}
	return s
}

// sameWorkElsewhere reports whether two DOIs are of one work by their
// text: a preprint and its journal version, a paper and the arXiv copy,
// the same chapter under two DOIs. Such pairs are left out of the
// negatives: no judge on titles could tell them apart, nor should it.
func sameWorkElsewhere(a, b *corpus.Reference) bool {
	return normTitle(a.Title) == normTitle(b.Title)
}

func (s *study) add(half int, p pair) {
	if half == 0 {
		s.tune = append(s.tune, p)
	} else {
		s.held = append(s.held, p)
	}
}

func longWords(title string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.Fields(normTitle(title)) {
		if len(w) >= 5 && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// asRecord is a reference as a registry's record would carry it.
func asRecord(r *corpus.Reference) registry.Record {
	rec := registry.Record{Registry: "corpus", DOI: r.IDs.DOI, Title: r.Title, Year: r.Year, Venue: refVenue(r)}
	for _, n := range r.Authors {
		if n.Literal != "" {
			rec.Authors = append(rec.Authors, registry.Author{Literal: n.Literal})
			continue
		}
		rec.Authors = append(rec.Authors, registry.Author{Family: n.Family(), Given: n.First})
	}
	rec.Volume, _ = r.Get("volume")
	rec.Pages, _ = r.Get("pages")
	return rec
}

// counts is a confusion matrix.
type counts struct{ tp, fp, fn, tn int }

func (c counts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c counts) recall() float64    { return ratio(c.tp, c.tp+c.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// accepted counts the pairs a search would accept under rule.
func accepted(ps []pair, rule func(comparison) bool) counts {
	var c counts
	for i := range ps {
		ok := rule(compare(ps[i].ours, &ps[i].rec))
		switch {
		case ok && ps[i].same:
			c.tp++
		case ok:
			c.fp++
		case ps[i].same:
			c.fn++
		default:
			c.tn++
		}
	}
	return c
}

// TestThresholds_SearchAcceptanceOnTheCorpus recomputes the figures in
// thresholds.go: precision and recall of search acceptance on both halves,
// and what the identifier path makes of the same pairs.
func TestThresholds_SearchAcceptanceOnTheCorpus(t *testing.T) {
	s := corpusStudy(t)
	t.Logf("corpus: %d files, %d references with a DOI and a title, %d DOIs", s.files, s.refs, s.dois)
	for _, h := range []struct {
		name string
		ps   []pair
	}{{"tuning", s.tune}, {"held-out", s.held}} {
		pos, neg := 0, 0
		for _, p := range h.ps {
			if p.same {
				pos++
			} else {
				neg++
			}
		}
		c := accepted(h.ps, comparison.sameWork)
		t.Logf("%s half: %d positive, %d negative pairs; search acceptance precision %.4f recall %.4f (tp %d fp %d fn %d tn %d)",
			h.name, pos, neg, c.precision(), c.recall(), c.tp, c.fp, c.fn, c.tn)
		if pos < 100 || neg < 100 {
			t.Fatalf("%s half: too few pairs (%d, %d) for the figures to mean anything", h.name, pos, neg)
		}
		// What the thresholds were chosen for; a change to the judge that
		// falls below fails here.
		if c.precision() < 0.99 || c.recall() < 0.96 {
			t.Errorf("%s half: precision %.4f, recall %.4f; want ≥ 0.99 and ≥ 0.96 (thresholds.go)", h.name, c.precision(), c.recall())
		}
		// The identifier path: a positive pair must not be called another
		// work; a negative should be.
		var wrongPos, wrongNeg, mismatchPos, verifiedNeg int
		fields := map[string]int{}
		for i := range h.ps {
			p := &h.ps[i]
			v, diffs, _ := judge(p.ours, &p.rec)
			switch {
			case p.same && v == WrongIdentifier:
				wrongPos++
			case p.same && v == Mismatch:
				mismatchPos++
				for _, d := range diffs {
					fields[d.Field]++
				}
			case !p.same && v == WrongIdentifier:
				wrongNeg++
			case !p.same && v == Verified:
				verifiedNeg++
			}
		}
		t.Logf("%s half: identifier path: positives called wrong-identifier %d/%d, mismatch %d (fields %v); negatives called wrong-identifier %d/%d, verified %d",
			h.name, wrongPos, pos, mismatchPos, fields, wrongNeg, neg, verifiedNeg)
		if verifiedNeg > 0 {
			t.Errorf("%s half: %d identifiers of another work verified", h.name, verifiedNeg)
		}
		if float64(wrongPos) > 0.005*float64(pos) {
			t.Errorf("%s half: %d of %d renderings of one work called wrong-identifier", h.name, wrongPos, pos)
		}
	}
}

// TestThresholds_Sweep prints, with -sweep, how precision and recall move
// with the title threshold on the tuning half (what chose SearchTitle).
func TestThresholds_Sweep(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep to print the sweep")
	}
	s := corpusStudy(t)
	for _, x := range []float64{0.6, 0.7, 0.75, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9, 0.92, 0.94, 0.96, 0.98, 1} {
		for _, na := range []float64{x, 0.95, 1} {
			for _, vd := range []float64{x, 0.98, 2} {
				r := acceptRule{x, max(x, na), max(x, vd)}
				c := accepted(s.tune, r.accepts)
				t.Logf("title ≥ %.2f, without authors ≥ %.2f, venue differing ≥ %.2f: precision %.4f recall %.4f (fp %d fn %d)",
					r.title, r.titleNoAuthor, r.titleVenueDiffers, c.precision(), c.recall(), c.fp, c.fn)
			}
		}
	}
	for _, p := range s.tune {
		c := compare(p.ours, &p.rec)
		ok := c.sameWork()
		if ok != p.same {
			t.Logf("%v: %+v\n  ours %q %v %d %q\n  rec  %q %v %d %q", p.same, c, p.ours.Title, p.ours.Authors, p.ours.Year, p.ours.Venue, p.rec.Title, p.rec.Authors, p.rec.Year, p.rec.Venue)
		}
	}
}

func TestThresholds_PositiveMismatches(t *testing.T) {
	if !*sweep {
		t.Skip("run with -sweep")
	}
	s := corpusStudy(t)
	for _, p := range s.tune {
		if !p.same {
			continue
		}
		v, diffs, _ := judge(p.ours, &p.rec)
		if v == Mismatch {
			t.Logf("%+v", diffs)
		}
	}
}

package verify

import (
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// FuzzJudge holds references against records with whatever text a
// registry may send: the judge never panics, similarities stay in [0, 1],
// and a record is always the same work as itself.
func FuzzJudge(f *testing.F) {
	f.Add("The <i>E. coli</i> genome: a review", "Smith, J. and van der Berg, A.", "J Am Med Assoc", "12", "e1001-9", "GENOME of E. coli", "Berg", "JAMA", "12", "1001")
	f.Add("Erratum: Part 1", "{World Health Organization}", "PNAS", "", "", "Part 2", "", "Proc. Natl. Acad. Sci. U.S.A.", "x", "")
	f.Add("\\emph{x} < 5 > 3", "Ü, ß", "", "07", "7", "{}", "ı", "", "7", "--")
	f.Fuzz(func(t *testing.T, title, names, venue, vol, pages, rTitle, rFamily, rVenue, rVol, rPages string) {
		ref := mkRef("k", names, title, 2000, "journal", venue, "volume", vol, "pages", pages)
		rec := &registry.Record{Title: rTitle, Authors: []registry.Author{{Family: rFamily}}, Venue: rVenue, Volume: rVol, Pages: rPages, Year: 2001}
		if s := titleSimilarity(title, rTitle); s < 0 || s > 1 {
			t.Fatalf("titleSimilarity(%q, %q) = %v", title, rTitle, s)
		}
		judge(ref, rec)
		compare(ref, rec).sameWork()
		textMatches(title+" "+names, rec)
		Bibliographic(ref)
		self := asRecordFuzz(ref)
		if v, diffs, _ := judge(ref, &self); v == WrongIdentifier {
			t.Fatalf("a reference is another work than itself: %v %+v", v, diffs)
		}
	})
}

// asRecordFuzz is a reference as its own record.
func asRecordFuzz(r *corpus.Reference) registry.Record {
	rec := registry.Record{Title: r.Title, Year: r.Year, Venue: refVenue(r)}
	for _, n := range r.Authors {
		rec.Authors = append(rec.Authors, registry.Author{Family: n.Family(), Given: n.First, Literal: n.Literal})
	}
	rec.Volume, _ = r.Get("volume")
	rec.Pages, _ = r.Get("pages")
	return rec
}

// FuzzDecodeEntry reads whatever bytes the library's cache holds: a value
// that does not decode is an error, never a panic.
func FuzzDecodeEntry(f *testing.F) {
	v, _ := encodeEntry(Entry{Record: &registry.Record{Title: "x"}})
	f.Add(v)
	f.Add([]byte("garbage"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = decodeEntry(b)
	})
}

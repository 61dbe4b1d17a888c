package verify

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/registry"
)

// record is the work most cases compare against.
func record() *registry.Record {
	return &registry.Record{
		Registry: "crossref", DOI: "10.1001/jama.2016.0287",
		Title:   "The Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3)",
		Authors: authors("Mervyn Singer", "Clifford S. Deutschman", "Christopher Warren Seymour"),
		Year:    2016, Venue: "JAMA", Volume: "315", Issue: "8", Pages: "801",
	}
}

func TestJudge_SameWorkWithVariationsIsVerified(t *testing.T) {
	for _, tc := range []struct {
		name string
		ref  *corpus.Reference
	}{
		{"as recorded", mkRef("a", "Singer, Mervyn and Deutschman, Clifford S. and Seymour, Christopher Warren",
			"The Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3)", 2016,
			"journal", "JAMA", "volume", "315", "pages", "801--810")},
		{"lower case, no article, braces", mkRef("b", "Singer, M. and others",
			"{The} third international consensus definitions for sepsis and septic shock ({S}epsis-3)", 2016,
			"journal", "J Am Med Assoc", "volume", "315")},
		{"full journal name", mkRef("c", "Singer, M and Deutschman, CS and Seymour, CW",
			"The third international consensus definitions for sepsis and septic shock (Sepsis-3)", 2016,
			"journal", "The Journal of the American Medical Association")},
		{"print year one later", mkRef("d", "Singer, M and others",
			"The Third International Consensus Definitions for Sepsis and Septic Shock", 2017, "journal", "JAMA")},
		{"accents and initials only", mkRef("e", "Sínger, M. and others",
			"The third international consensus definitions for sepsis and septic shock (Sepsis-3).", 2016)},
		{"given name first", mkRef("f", "Mervyn Singer and others",
			"The Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3)", 2016)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, diffs, msg := judge(tc.ref, record())
			if v != Verified {
				t.Errorf("verdict %s, differences %+v, message %q; want verified", v, diffs, msg)
			}
		})
	}
}

func TestJudge_YearOffByThreeIsAMismatchListingYear(t *testing.T) {
	ref := mkRef("a", "Singer, M and others", "The Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3)", 2019, "journal", "JAMA")
	v, diffs, _ := judge(ref, record())
	if v != Mismatch {
		t.Fatalf("verdict %s, want mismatch", v)
	}
	if len(diffs) != 1 || diffs[0] != (Difference{Field: "year", Ours: "2019", Record: "2016"}) {
		t.Errorf("differences %+v, want only year 2019 vs 2016", diffs)
	}
}

func TestJudge_FieldsThatDifferAreListed(t *testing.T) {
	ref := mkRef("a", "Singer, M and Deutschman, CS", "The Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3)", 2016,
		"journal", "Lancet", "volume", "316", "pages", "901-910")
	v, diffs, _ := judge(ref, record())
	if v != Mismatch {
		t.Fatalf("verdict %s, want mismatch", v)
	}
	var fields []string
	for _, d := range diffs {
		fields = append(fields, d.Field)
	}
	if got, want := strings.Join(fields, ","), "authors,venue,volume,pages"; got != want {
		t.Errorf("fields %s, want %s (%+v)", got, want, diffs)
	}
}

func TestJudge_DOIOfAnotherWorkIsWrongIdentifier(t *testing.T) {
	ref := mkRef("a", "Nguyen, Tran and Okafor, Chidi", "Deep learning predicts protein folding in marine sponges", 2021,
		"journal", "Nature", "doi", "10.1001/jama.2016.0287")
	v, _, msg := judge(ref, record())
	if v != WrongIdentifier {
		t.Fatalf("verdict %s, want wrong-identifier", v)
	}
	for _, want := range []string{"Sepsis", "Singer", "marine sponges", "Nguyen"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not name %q", msg, want)
		}
	}
}

func TestJudge_SameAuthorOtherTitleIsMismatchNotWrongIdentifier(t *testing.T) {
	// The first author agrees: a title garbled or of a companion paper,
	// not a pasted DOI.
	ref := mkRef("a", "Singer, M and others", "Sepsis definitions revisited", 2016, "journal", "JAMA")
	v, diffs, _ := judge(ref, record())
	if v != Mismatch || len(diffs) == 0 || diffs[0].Field != "title" {
		t.Errorf("verdict %s %+v, want a mismatch on title", v, diffs)
	}
}

func TestVenueCompatible_AbbreviationsAndAcronyms(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"J Am Med Assoc", "The Journal of the American Medical Association", true},
		{"JAMA", "Journal of the American Medical Association", true},
		{"Proc. Natl. Acad. Sci. U.S.A.", "Proceedings of the National Academy of Sciences", true},
		{"PNAS", "Proceedings of the National Academy of Sciences", true},
		{"Phys. Rev. B", "Physical Review B", true},
		{"Nature", "Nature", true},
		{"Lancet", "JAMA", false},
		{"Nature", "Science", false},
		{"Journal of Biological Chemistry", "Journal of Clinical Investigation", false},
	} {
		if got := venueCompatible(tc.a, tc.b); got != tc.want {
			t.Errorf("venueCompatible(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestTitleSimilarity_FoldsMarkupAndSubtitles(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		min  float64
	}{
		{"Attention is all you need", "Attention Is All You Need", 1},
		{"The <i>E. coli</i> genome", "The E. coli genome", 1},
		{"{BERT}: Pre-training of deep bidirectional transformers", "BERT: pre-training of deep bidirectional transformers", 1},
		{"Deep learning", "Deep learning: a review of methods and applications in medicine", 0.9},
	} {
		if got := titleSimilarity(tc.a, tc.b); got < tc.min {
			t.Errorf("titleSimilarity(%q, %q) = %.3f, want ≥ %.2f", tc.a, tc.b, got, tc.min)
		}
	}
	if got := titleSimilarity("Deep learning in medicine", "Sepsis and septic shock"); got > 0.5 {
		t.Errorf("unrelated titles score %.3f", got)
	}
}

func TestAuthorMatches_ParticlesAccentsAndSwaps(t *testing.T) {
	for _, tc := range []struct {
		ours   corpus.Name
		record registry.Author
		want   bool
	}{
		{corpus.Name{Last: "Berg", Von: "van der", First: "Jan"}, registry.Author{Family: "van der Berg"}, true},
		{corpus.Name{Last: "Berg", First: "J."}, registry.Author{Family: "van der Berg"}, true},
		{corpus.Name{Last: "García-Márquez"}, registry.Author{Family: "Garcia Marquez"}, true},
		{corpus.Name{Last: "J", First: "Smith"}, registry.Author{Family: "Smith", Given: "John"}, true},
		{corpus.Name{Literal: "World Health Organization"}, registry.Author{Literal: "World Health Organization"}, true},
		{corpus.Name{Last: "Smith"}, registry.Author{Family: "Jones"}, false},
	} {
		if got := authorMatches(tc.ours, tc.record); got != tc.want {
			t.Errorf("authorMatches(%+v, %+v) = %v, want %v", tc.ours, tc.record, got, tc.want)
		}
	}
}

func TestTextMatches_ReferenceListEntry(t *testing.T) {
	rec := record()
	yes := "Singer M, Deutschman CS, Seymour CW, et al. The Third International Consensus Definitions for Sepsis and Septic Shock (Sepsis-3). JAMA. 2016;315(8):801-810."
	if !textMatches(yes, rec) {
		t.Errorf("the entry of the work does not match its record")
	}
	for _, no := range []string{
		"Singer M. The Third International Consensus Definitions for Sepsis and Septic Shock. JAMA. 2009;301:1-2.",
		"Jones A. Sepsis in children. Lancet. 2016;388:10-20.",
	} {
		if textMatches(no, rec) {
			t.Errorf("%q matches a record it is not", no)
		}
	}
}

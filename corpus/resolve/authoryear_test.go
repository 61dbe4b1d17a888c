package resolve

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func cite(year string, etAl bool, authors ...string) corpus.Cite {
	return corpus.Cite{Authors: authors, EtAl: etAl, Year: year}
}

func TestAuthorYear_Resolves(t *testing.T) {
	lib := testLibrary(t)
	for _, tc := range []struct {
		name string
		c    corpus.Cite
		key  string
		weak bool
	}{
		{"et al. for three authors", cite("2015", true, "LeCun"), "lecun2015deep", false},
		{"accents folded", cite("2017", false, "Parnamaa", "Parts"), "parnamaa2017accurate", false},
		{"hyphenated surname with accents", cite("2001", true, "Muller-Rover"), "mullerrover2001comprehensive", false},
		{"two authors, both agree", cite("2005", false, "Kashtan", "Alon"), "kashtan2005spontaneous", false},
		{"et al. picks the three-author work", cite("2007", true, "Kashtan"), "kashtan2007varying", false},
		{"et al. for two authors is accepted weakly", cite("2005", true, "Kashtan"), "kashtan2005spontaneous", true},
		{"one author named for a two-author work is weak", cite("2002", false, "Higgins"), "higgins2002quantifying", true},
		{"particle as written", cite("2008", false, "van der Maaten", "Hinton"), "maaten2008visualizing", false},
		{"particle in other case", cite("2008", false, "Van der Maaten", "Hinton"), "maaten2008visualizing", false},
		{"particle left out", cite("2008", false, "Maaten", "Hinton"), "maaten2008visualizing", false},
		{"particle van", cite("2007", false, "van Hoek", "Hogeweg"), "vanhoek2007effect", false},
		{"particle van left out", cite("2006", false, "Hoek", "Hogeweg"), "vanhoek2006insilico", false},
		{"capitalised particle", cite("2010", true, "Van Deun"), "vandeun2010short", false},
		{"corporate author in full", cite("2011", false, "World Health Organization"), "who2011guidelines", false},
		{"corporate initials", cite("2006", false, "WHO"), "who2006xdr", false},
		{"corporate initials without the last word", cite("2012", false, "CDC"), "cdc2012dracunculiasis", false},
		{"suffix a in title order", corpus.Cite{Authors: []string{"Hotez"}, Year: "2010", Suffix: "a"}, "hotez2010nuclear", false},
		{"suffix b in title order", corpus.Cite{Authors: []string{"Hotez"}, Year: "2010", Suffix: "b"}, "hotez2010peace", false},
		{"suffix in the year", cite("2012b", false, "Hotez"), "hotez2012fighting", false},
		{"suffix ignores a leading article", corpus.Cite{Authors: []string{"Slominski"}, EtAl: true, Year: "2005", Suffix: "a"}, "slominski2005cutaneous", false},
		{"suffix b with et al.", cite("2005b", true, "Slominski"), "slominski2005hair", false},
		{"suffix with one candidate is weak", cite("2004a", true, "Slominski"), "slominski2004melanin", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, diag := lib.AuthorYear(tc.c)
			if m.Key != tc.key {
				t.Fatalf("AuthorYear(%+v) = %q (%s), diagnosis %q; want %q", tc.c, m.Key, m.Why, diag, tc.key)
			}
			if m.Weak != tc.weak {
				t.Errorf("AuthorYear(%+v) weak = %v (%.2f, %s), want %v", tc.c, m.Weak, m.Confidence, m.Why, tc.weak)
			}
			if m.By != "author-year" || m.Why == "" || m.Confidence <= 0 || m.Confidence > 1 {
				t.Errorf("AuthorYear(%+v) = %+v: incomplete match", tc.c, m)
			}
			if diag != "" {
				t.Errorf("AuthorYear(%+v): diagnosis %q with a match", tc.c, diag)
			}
		})
	}
}

func TestAuthorYear_Misses(t *testing.T) {
	lib := testLibrary(t)
	for _, tc := range []struct {
		name string
		c    corpus.Cite
		diag string // expected diagnosis, "" for none
	}{
		{"year one off", cite("1992", false, "Baxt"), "did you mean Baxt 1991 (year differs)?"},
		{"year far off", cite("2001", false, "Baxt"), "no 2001 work by Baxt; Baxt 1991 exists"},
		{"several years", cite("2020", false, "Hotez"), "no 2020 work by Hotez; Hotez 2010, 2012 exist"},
		{"surname misspelt", cite("2005", false, "Kashten", "Alon"), "did you mean Kashtan & Alon 2005 (surname spelt Kashten)?"},
		{"co-author missing", cite("2005", false, "Kashtan", "Noor"), "did you mean Kashtan & Alon 2005 (co-author Noor missing)?"},
		{"et al. for a single author", cite("1991", true, "Baxt"), "did you mean Baxt 1991 (et al. for a single author)?"},
		{"author order", cite("2005", false, "Alon", "Kashtan"), "did you mean Kashtan & Alon 2005 (author order differs)?"},
		{"particle added", cite("1991", false, "van Baxt"), `did you mean Baxt 1991 (the library's name has no "van")?`},
		{"suffix beyond the works", cite("2010c", false, "Hotez"), "no 2010c: the library has 2 Hotez 2010 works"},
		{"nobody close", cite("2020", false, "Nobody"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, diag := lib.AuthorYear(tc.c)
			if m.Key != "" {
				t.Fatalf("AuthorYear(%+v) = %q (%s), want no match", tc.c, m.Key, m.Why)
			}
			if diag != tc.diag {
				t.Errorf("AuthorYear(%+v) diagnosis\n got %q\nwant %q", tc.c, diag, tc.diag)
			}
		})
	}
}

func TestAuthorYear_AmbiguousWithoutSuffix(t *testing.T) {
	lib := testLibrary(t)
	m, diag := lib.AuthorYear(cite("2010", false, "Hotez"))
	if m.Key != "" {
		t.Fatalf("Hotez 2010 resolved to %q; two works fit", m.Key)
	}
	for _, want := range []string{"ambiguous", "Nuclear weapons", "Peace through", "2010a"} {
		if !strings.Contains(diag, want) {
			t.Errorf("diagnosis %q lacks %q", diag, want)
		}
	}
}

// TestAuthorYear_CorporateInitialsOnlyWhenUnambiguous builds a library in
// which two organisations share the initials WHO.
func TestAuthorYear_CorporateInitialsOnlyWhenUnambiguous(t *testing.T) {
	lib := NewLibrary([]*corpus.Reference{
		{Key: "health", Title: "Global tuberculosis report", Year: 2019, Authors: []corpus.Name{{Literal: "World Health Organization"}}},
		{Key: "hunger", Title: "Food security report", Year: 2019, Authors: []corpus.Name{{Literal: "World Hunger Organization"}}},
		{Key: "nodate", Title: "About us", Authors: []corpus.Name{{Literal: "World Health Organization"}}},
	})
	if m, diag := lib.AuthorYear(cite("2019", false, "WHO")); m.Key != "" {
		t.Errorf("WHO 2019 resolved to %q; two organisations have these initials (diagnosis %q)", m.Key, diag)
	}
	if m, _ := lib.AuthorYear(cite("2019", false, "World Hunger Organization")); m.Key != "hunger" {
		t.Errorf("World Hunger Organization 2019 = %q, want hunger", m.Key)
	}
	if m, _ := lib.AuthorYear(cite("n.d.", false, "World Health Organization")); m.Key != "nodate" {
		t.Errorf("World Health Organization n.d. = %q, want nodate", m.Key)
	}
}

func TestMatchCiteToEntries(t *testing.T) {
	list := []string{
		"Hotez, P. J. (2010a). Nuclear weapons and neglected diseases: The “ten-thousand-to-one gap.” PLoS Neglected Tropical Diseases, 4(4), e680.",
		"Hotez, P. J. (2010b). Peace through vaccine diplomacy. Science, 327(5971), 1301.",
		"Kashtan, N., & Alon, U. (2005). Spontaneous evolution of modularity and network motifs. Proceedings of the National Academy of Sciences, 102(39), 13773–13778.",
		"Kashtan, N., Noor, E., & Alon, U. (2007). Varying environments can speed up evolution. Proceedings of the National Academy of Sciences, 104(34), 13711–13716.",
		"van der Maaten, L., & Hinton, G. (2008). Visualizing data using t-SNE. Journal of Machine Learning Research, 9, 2579–2605.",
		"World Health Organization. (2011). Guidelines for the programmatic management of drug-resistant tuberculosis, 2011 update. World Health Organization.",
		"Hotez PJ (2012) Fighting neglected tropical diseases in the southern United States. BMJ 345: e6112.",
		"Hotez PJ (2012) Engaging a rising China through neglected tropical diseases. PLOS Negl Trop Dis 6: e1599.",
	}
	entries := make([]Parsed, len(list))
	for i, s := range list {
		entries[i] = ParseEntry(s)
	}
	for _, tc := range []struct {
		c    corpus.Cite
		want int // -1 for none
	}{
		{cite("2010b", false, "Hotez"), 1},
		{corpus.Cite{Authors: []string{"Hotez"}, Year: "2010", Suffix: "a"}, 0},
		{cite("2010", false, "Hotez"), -1},
		{cite("2005", false, "Kashtan", "Alon"), 2},
		{cite("2007", true, "Kashtan"), 3},
		{cite("2007", false, "Kashtan", "Alon"), -1},
		{cite("2008", false, "Maaten", "Hinton"), 4},
		{cite("2011", false, "WHO"), 5},
		// The list prints no suffixes: title order decides.
		{cite("2012a", false, "Hotez"), 7},
		{cite("2012b", false, "Hotez"), 6},
		{cite("2013", false, "Hotez"), -1},
	} {
		i, ok := MatchCiteToEntries(tc.c, entries)
		if tc.want < 0 {
			if ok {
				t.Errorf("MatchCiteToEntries(%s) = %d, want none", citeLabel(tc.c), i)
			}
			continue
		}
		if !ok || i != tc.want {
			t.Errorf("MatchCiteToEntries(%s) = %d, %v; want %d", citeLabel(tc.c), i, ok, tc.want)
		}
	}
}

// TestLibrary_ConcurrentUse matches from several goroutines at once; run
// with -race it checks that the lazily folded author names and the pooled
// counters are safe to share.
func TestLibrary_ConcurrentUse(t *testing.T) {
	lib := testLibrary(t)
	fixtures := loadFixtures(t)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			for _, fx := range fixtures {
				if m, _ := lib.MatchEntry(fx.entry); m.Key != fx.key {
					t.Errorf("entries.tsv:%d: concurrent match %q, want %q", fx.line, m.Key, fx.key)
				}
				lib.AuthorYear(cite("2005", false, "Kashtan", "Alon"))
			}
			done <- true
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

// TestAuthorYear_DidYouMeanNamesWorksByTheAuthorLabel checks that the
// resolver's messages name a library work as the refs listing and the
// report do (corpus.AuthorLabel): three authors are "LeCun et al.", not
// "LeCun, Bengio & Hinton".
func TestAuthorYear_DidYouMeanNamesWorksByTheAuthorLabel(t *testing.T) {
	person := func(last string) corpus.Name { return corpus.Name{First: "A.", Last: last} }
	refs := []*corpus.Reference{
		{Key: "one", Title: "Why most published research findings are false", Year: 2005, Authors: []corpus.Name{person("Ioannidis")}},
		{Key: "two", Title: "Visualizing data using t-SNE", Year: 2008, Authors: []corpus.Name{{First: "Laurens", Von: "van der", Last: "Maaten"}, person("Hinton")}},
		{Key: "three", Title: "Deep learning", Year: 2015, Authors: []corpus.Name{person("LeCun"), person("Bengio"), person("Hinton")}},
		{Key: "others", Title: "The genome sequence of Drosophila melanogaster", Year: 2000, Authors: []corpus.Name{person("Adams"), person("Celniker")}, AuthorsEtAl: true},
	}
	lib := NewLibrary(refs)
	for _, tc := range []struct {
		c    corpus.Cite
		ref  *corpus.Reference
		want string
	}{
		{cite("2006", false, "Ioannidis"), refs[0], "did you mean Ioannidis 2005 (year differs)?"},
		{cite("2009", false, "van der Maaten", "Hinton"), refs[1], "did you mean van der Maaten & Hinton 2008 (year differs)?"},
		{cite("2016", true, "LeCun"), refs[2], "did you mean LeCun et al. 2015 (year differs)?"},
		{cite("2001", true, "Adams"), refs[3], "did you mean Adams et al. 2000 (year differs)?"},
	} {
		t.Run(tc.ref.Key, func(t *testing.T) {
			_, diag := lib.AuthorYear(tc.c)
			if diag != tc.want {
				t.Errorf("diagnosis\n got %q\nwant %q", diag, tc.want)
			}
			if !strings.Contains(diag, " "+tc.ref.AuthorLabel()+" ") {
				t.Errorf("diagnosis %q does not name the work %q", diag, tc.ref.AuthorLabel())
			}
		})
	}
}

package check

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/evident-tools/evident/corpus"
)

const (
	wakefieldDOI  = "10.1016/s0140-6736(97)11096-0"
	wakefieldPMID = "9500320"
)

func loadRetractionsFile(t *testing.T, name string) *Retractions {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rs, err := LoadRetractions(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func loadRetractionsString(t *testing.T, csv string) *Retractions {
	t.Helper()
	rs, err := LoadRetractions(strings.NewReader(csv), "retractions.csv")
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestLoadRetractions_RetractionWatchLayout(t *testing.T) {
	rs := loadRetractionsFile(t, "retractions-rw.csv")
	if rs.Len() != 6 {
		t.Errorf("Len = %d, want 6 (the row with neither identifier is skipped)", rs.Len())
	}
	tests := []struct {
		name string
		ids  corpus.Identifiers
		want Retraction // Title is checked by prefix
	}{
		{"the retraction prevails over the earlier correction, by DOI",
			corpus.Identifiers{DOI: wakefieldDOI},
			Retraction{DOI: wakefieldDOI, PMID: wakefieldPMID, Date: "2010-02-06", Nature: "Retraction",
				Title: "Ileal-lymphoid-nodular hyperplasia, non-specific colitis", Line: 3, RecordID: "2",
				NoticeDOI: "10.1016/s0140-6736(10)60175-4", NoticePMID: "20137807", Source: "retractions-rw.csv"}},
		{"and by PubMed ID",
			corpus.Identifiers{PMID: wakefieldPMID},
			Retraction{DOI: wakefieldDOI, PMID: wakefieldPMID, Date: "2010-02-06", Nature: "Retraction",
				Title: "Ileal-lymphoid", Line: 3, RecordID: "2",
				NoticeDOI: "10.1016/s0140-6736(10)60175-4", NoticePMID: "20137807", Source: "retractions-rw.csv"}},
		{"an expression of concern keeps its nature; unavailable and 0 are no identifiers",
			corpus.Identifiers{DOI: "10.5555/evident.example.1"},
			Retraction{DOI: "10.5555/evident.example.1", Date: "2021-05-01", Nature: "Expression of concern",
				Title: "Example: a trial of walking, with a comma, under concern", Line: 4, RecordID: "3", Source: "retractions-rw.csv"}},
		{"a PubMed ID alone; a title with a newline; the next row's line counts it",
			corpus.Identifiers{DOI: "10.9999/not-listed", PMID: "99999901"},
			Retraction{PMID: "99999901", Date: "2022-11-30", Nature: "Retraction",
				Title: "Example: a title that runs\nover two lines", Line: 5, RecordID: "4", Source: "retractions-rw.csv"}},
		{"a later reinstatement undoes the retraction",
			corpus.Identifiers{DOI: "10.5555/evident.example.3"},
			Retraction{DOI: "10.5555/evident.example.3", Date: "2020-06-01", Nature: "Reinstatement",
				Title: "Example: retracted and later reinstated", Line: 8, RecordID: "6", Source: "retractions-rw.csv"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := rs.Lookup(tt.ids)
			if !ok {
				t.Fatalf("Lookup(%+v): not found", tt.ids)
			}
			if !strings.HasPrefix(got.Title, tt.want.Title) {
				t.Errorf("Title = %q, want prefix %q", got.Title, tt.want.Title)
			}
			got.Title, tt.want.Title = "", ""
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Lookup = %+v\nwant     %+v", got, tt.want)
			}
		})
	}
	for _, ids := range []corpus.Identifiers{
		{DOI: "10.1016/s0140-6736(10)60175-4"}, // the notice, not the retracted paper
		{PMID: "20137807"},
		{DOI: "10.1038/nature14539"},
		{},
	} {
		if got, ok := rs.Lookup(ids); ok {
			t.Errorf("Lookup(%+v) = %+v; want nothing", ids, got)
		}
	}
}

func TestLoadRetractions_SimpleLists(t *testing.T) {
	tests := []struct {
		name  string
		csv   string
		len   int
		found []corpus.Identifiers
		not   []corpus.Identifiers
	}{
		{"a DOI column alone, identifiers in any written form",
			"DOI\n10.5555/EVIDENT.EXAMPLE.1\nhttps://doi.org/10.5555/evident.example.4\ndoi:10.5555/evident.example.5.\n\nunavailable\n",
			3,
			[]corpus.Identifiers{{DOI: "10.5555/evident.example.1"}, {DOI: "10.5555/evident.example.4"}, {DOI: "10.5555/evident.example.5"}},
			[]corpus.Identifiers{{DOI: "10.5555/evident.example"}}},
		{"a PubMed ID column alone, its header spaced and cased freely",
			" pubmed id \n99999901\nPMID: 99999902\n0\n\n",
			2,
			[]corpus.Identifiers{{PMID: "99999901"}, {PMID: "99999902"}},
			[]corpus.Identifiers{{PMID: "0"}, {DOI: "10.5555/evident.example.1"}}},
		{"a PMID column and a DOI column",
			"pmid,doi,note\n99999903,,a row with a PMID\n,10.5555/evident.example.6,a row with a DOI\n",
			2,
			[]corpus.Identifiers{{PMID: "99999903"}, {DOI: "10.5555/evident.example.6"}},
			nil},
		{"a UTF-8 byte order mark before the header",
			"\uFEFFDOI,Nature\n10.5555/evident.example.7,Retraction\n",
			1,
			[]corpus.Identifiers{{DOI: "10.5555/evident.example.7"}},
			nil},
		{"semicolons, as some spreadsheets save CSV",
			"Title;DOI\n\"Example; with a semicolon\";10.5555/evident.example.8\n",
			1,
			[]corpus.Identifiers{{DOI: "10.5555/evident.example.8"}},
			nil},
		{"a header and no rows",
			"OriginalPaperDOI,OriginalPaperPubMedID\n",
			0, nil,
			[]corpus.Identifiers{{DOI: "10.5555/evident.example.1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := loadRetractionsString(t, tt.csv)
			if rs.Len() != tt.len {
				t.Errorf("Len = %d, want %d", rs.Len(), tt.len)
			}
			for _, ids := range tt.found {
				if _, ok := rs.Lookup(ids); !ok {
					t.Errorf("Lookup(%+v): not found", ids)
				}
			}
			for _, ids := range tt.not {
				if r, ok := rs.Lookup(ids); ok {
					t.Errorf("Lookup(%+v) = %+v; want nothing", ids, r)
				}
			}
		})
	}
}

func TestLoadRetractions_NoticeDatesBecomeISO(t *testing.T) {
	rs := loadRetractionsString(t, "DOI,RetractionDate\n"+
		"10.5555/a,2/6/2010 0:00\n"+
		"10.5555/b,2010-02-06\n"+
		"10.5555/c,12/31/2019\n"+
		"10.5555/d,sometime in 2019\n"+
		"10.5555/e,\n")
	for doi, want := range map[string]string{
		"10.5555/a": "2010-02-06", "10.5555/b": "2010-02-06", "10.5555/c": "2019-12-31",
		"10.5555/d": "sometime in 2019", "10.5555/e": "",
	} {
		r, _ := rs.Lookup(corpus.Identifiers{DOI: doi})
		if r.Date != want {
			t.Errorf("%s: Date = %q, want %q", doi, r.Date, want)
		}
	}
}

func TestLoadRetractions_NoticesOfOneWork(t *testing.T) {
	// Rows in the order given; the notice that prevails is the last field.
	tests := []struct {
		name string
		rows string
		want string
	}{
		{"a retraction outweighs a later correction", "2/6/2010,Retraction\n3/6/2011,Correction\n", "Retraction"},
		{"a retraction outweighs an earlier concern", "1/1/2009,Expression of concern\n2/6/2010,Retraction\n", "Retraction"},
		{"a concern outweighs a correction", "1/1/2009,Correction\n1/1/2008,Expression of concern\n", "Expression of concern"},
		{"a later reinstatement undoes a retraction", "6/1/2020,Reinstatement\n1/10/2019,Retraction\n", "Reinstatement"},
		{"a retraction after a reinstatement stands", "1/10/2019,Retraction\n6/1/2020,Reinstatement\n1/1/2022,Retraction\n", "Retraction"},
		{"a list without natures lists retractions", "1/1/2020,\n1/1/2021,Correction\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("DOI,RetractionDate,RetractionNature\n")
			for _, row := range strings.SplitAfter(strings.TrimSuffix(tt.rows, "\n"), "\n") {
				b.WriteString("10.5555/evident.example.9," + row)
			}
			rs := loadRetractionsString(t, b.String()+"\n")
			r, ok := rs.Lookup(corpus.Identifiers{DOI: "10.5555/evident.example.9"})
			if !ok || r.Nature != tt.want {
				t.Errorf("Lookup = %+v, %v; want nature %q", r, ok, tt.want)
			}
		})
	}
}

func TestLoadRetractions_ErrorsNameFileAndLine(t *testing.T) {
	tests := []struct {
		name string
		csv  string
		want string
	}{
		{"a header with neither identifier column", "a, b ,c\n1,2,3\n",
			"retractions.csv:1: no DOI or PubMed ID column (found: a, b, c)"},
		{"the notice's DOI is not the work's", "RetractionDOI,RetractionPubMedID,Title\n10.5555/x,1,t\n",
			"retractions.csv:1: no DOI or PubMed ID column (found: RetractionDOI, RetractionPubMedID, Title)"},
		{"an empty file", "", "retractions.csv:1: empty file"},
		{"only a byte order mark", "\uFEFF", "retractions.csv:1: empty file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadRetractions(strings.NewReader(tt.csv), "retractions.csv")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("err = %v, want prefix %q", err, tt.want)
			}
		})
	}
	long := strings.Repeat("x,", 30) + "y\n"
	if _, err := LoadRetractions(strings.NewReader(long), "wide.csv"); err == nil || !strings.Contains(err.Error(), "(31 columns)") {
		t.Errorf("a wide header must be shortened in the message: %v", err)
	}
	_, err := LoadRetractions(iotest.ErrReader(os.ErrClosed), "broken.csv")
	if err == nil || !strings.HasPrefix(err.Error(), "broken.csv") {
		t.Errorf("a read error must name the file: %v", err)
	}
}

func TestRetractions_NilIsEmpty(t *testing.T) {
	var rs *Retractions
	if rs.Len() != 0 {
		t.Error("nil list has rows")
	}
	if _, ok := rs.Lookup(corpus.Identifiers{DOI: wakefieldDOI}); ok {
		t.Error("nil list finds a work")
	}
}

// TestLoadRetractions_BinaryAndControlCharacters: a binary file is refused
// at the line of its NUL byte, and a header of garbage is quoted in the
// error without the control characters a terminal would act on.
func TestLoadRetractions_BinaryAndControlCharacters(t *testing.T) {
	_, err := LoadRetractions(strings.NewReader("DOI\n10.5555/a\nx\x00y\n"), "r.csv")
	if err == nil || err.Error() != "r.csv:3: binary file, not text (a NUL byte); want CSV" {
		t.Errorf("binary: %v", err)
	}
	// A stray byte reads as Windows-1252 (ÿ), as in every input file.
	_, err = LoadRetractions(strings.NewReader("Title,\x1b[2Jcleared\xff,"+strings.Repeat("x", 100)+"\n"), "r.csv")
	want := "r.csv:1: no DOI or PubMed ID column (found: Title, \ufffd[2Jclearedÿ, " + strings.Repeat("x", 40) + "…)"
	if err == nil || err.Error() != want {
		t.Errorf("garbage header:\n got %q\nwant %q", err, want)
	}
}

var retractionsLine = regexp.MustCompile(`^fuzz\.csv:(\d+): `)

func FuzzLoadRetractions(f *testing.F) {
	for _, name := range []string{"retractions-rw.csv", "retractionwatch/stub_retractions.csv"} {
		if data, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(data)
		}
	}
	// A real tab-separated table with a DOI column, when the shared
	// corpora are beside the checkout.
	if data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpora", "articles", "deep-review", "output", "citations.tsv")); err == nil {
		f.Add(data[:min(len(data), 4000)])
	}
	for _, s := range []string{
		"DOI\n10.5555/a\n",
		"\uFEFFPMID\n99999901\n0\nunavailable\n",
		"doi;pmid\n10.5555/x;1\n",
		"doi,RetractionDate,RetractionNature\n10.5555/y,2/6/2010 0:00,Reinstatement\n10.5555/y,,Retraction\n",
		"doi\n\"unterminated\n",
		"a,b\n\"x\"y,z\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := LoadRetractions(strings.NewReader(string(data)), "fuzz.csv")
		lines := strings.Count(string(data), "\n") + 1
		if err != nil {
			m := retractionsLine.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("error does not name the file and line: %v", err)
			}
			if n, _ := strconv.Atoi(m[1]); n < 1 || n > lines {
				t.Fatalf("error at line %d of %d: %v", n, lines, err)
			}
			return
		}
		// Every row must be found again by its own identifiers, and come
		// from a line of the file.
		for _, r := range rs.rows {
			if r.Line < 2 || r.Line > lines {
				t.Fatalf("row %+v from line %d of %d", r, r.Line, lines)
			}
			if _, ok := rs.Lookup(corpus.Identifiers{DOI: r.DOI, PMID: r.PMID}); !ok {
				t.Fatalf("row %+v is not found by its identifiers", r)
			}
			for _, reason := range r.Reasons {
				if reason == "" || strings.HasPrefix(reason, "+") || strings.Contains(reason, ";") {
					t.Fatalf("row %+v: reason %q kept its list syntax", r, reason)
				}
			}
		}
	})
}

// BenchmarkLoadRetractions reads a list the size of the Retraction Watch
// database (some 60,000 rows), generated.
func BenchmarkLoadRetractions(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Record ID,Title,Subject,Institution,Journal,Publisher,Country,Author,URLS,ArticleType," +
		"RetractionDate,RetractionDOI,RetractionPubMedID,OriginalPaperDate,OriginalPaperDOI,OriginalPaperPubMedID," +
		"RetractionNature,Reason,Paywalled,Notes\n")
	for i := range 60_000 {
		fmt.Fprintf(&sb, "%d,\"Example title %d, generated\",(BLS) Biology;,Example University,Journal of Examples,"+
			"Example Press,Nowhere,A Example;B Example,,Research Article,2/6/2010 0:00,10.5555/notice.%d,0,"+
			"1/1/2008 0:00,10.5555/evident.bench.%d,%d,Retraction,+Investigation by Journal/Publisher;,No,\n",
			i, i, i, i, 90000000+i)
	}
	data := sb.String()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		rs, err := LoadRetractions(strings.NewReader(data), "bench.csv")
		if err != nil || rs.Len() != 60_000 {
			b.Fatal(rs.Len(), err)
		}
	}
}

// A retraction list is decoded as every input file is: one saved by Excel
// as "Unicode text" (UTF-16 with a byte order mark) reads like UTF-8.
func TestLoadRetractions_DecodedLikeEveryInput(t *testing.T) {
	csv := "OriginalPaperDOI,RetractionNature,Title\n10.1371/journal.pmed.0020124,Retraction,Wärme\n"
	utf16 := []byte{0xFF, 0xFE}
	for _, r := range csv {
		utf16 = append(utf16, byte(r), byte(r>>8))
	}
	rs, err := LoadRetractions(bytes.NewReader(utf16), "r.csv")
	if err != nil {
		t.Fatal(err)
	}
	row, ok := rs.Lookup(corpus.Identifiers{DOI: "10.1371/journal.pmed.0020124"})
	if !ok || row.Title != "Wärme" || row.Nature != "Retraction" {
		t.Errorf("Lookup = %+v, %v; want the row, title Wärme", row, ok)
	}
}

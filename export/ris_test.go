package export_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus/ris"
	"github.com/evident-tools/evident/export"
)

func TestRIS_WritesTaggedRecords(t *testing.T) {
	refs := parseBib(t, sampleBib+`
@misc{arxiv2020, author = {Aristotle}, title = {On Things}, eprint = {2001.01234}, archiveprefix = {arXiv}, year = 2020,
  keywords = {pain; back pain, work}, abstract = {Line one.
  Line two.}}
@book{waddell, author = {Waddell, Gordon}, title = {The Back Pain Revolution}, year = {in press}, isbn = {0443072779},
  edition = {2nd}, publisher = {Churchill Livingstone}, address = {Edinburgh}}
`)
	var buf bytes.Buffer
	if err := export.RIS(&buf, refs); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"TY  - JOUR",
		"ID  - smith2019",
		"AU  - Smith, John",
		"AU  - van der Berg, Jan",
		"AU  - World Health Organization",
		"TI  - The DNA of E. coli",
		"T2  - The Lancet",
		"PY  - 2019",
		"DA  - 2019/03//",
		"VL  - 393",
		"IS  - 10",
		"SP  - 100",
		"EP  - 110",
		"DO  - 10.1016/S0140-6736(19)30001-X",
		"ER  - ",
		"",
		"TY  - THES",
		"ID  - doe2001",
		"AU  - Doe, Jane",
		"TI  - A Thesis",
		"PY  - 2001",
		"M3  - PhD thesis",
		"PB  - MIT",
		"CY  - Cambridge, MA",
		"ER  - ",
		"",
		"TY  - CHAP",
		"ID  - lee2010",
		"AU  - Lee, Ann",
		"A2  - Editorial Board",
		"TI  - Pain: A Review",
		"T2  - Handbook: of Things",
		"T3  - Lecture Notes",
		"PY  - 2010",
		"IS  - 12",
		"PB  - Springer",
		"LA  - de-DE",
		"ER  - ",
		"",
		"TY  - GEN",
		"ID  - arxiv2020",
		"AU  - Aristotle",
		"TI  - On Things",
		"PY  - 2020",
		"PB  - arXiv",
		"UR  - https://arxiv.org/abs/2001.01234",
		"AB  - Line one. Line two.",
		"KW  - pain",
		"KW  - back pain",
		"KW  - work",
		"ER  - ",
		"",
		"TY  - BOOK",
		"ID  - waddell",
		"AU  - Waddell, Gordon",
		"TI  - The Back Pain Revolution",
		"PY  - in press",
		"ET  - 2nd",
		"PB  - Churchill Livingstone",
		"CY  - Edinburgh",
		"SN  - 0443072779",
		"ER  - ",
		"", "",
	}, "\r\n")
	if got := buf.String(); got != want {
		t.Errorf("RIS:\n%s\nwant:\n%s", got, want)
	}
}

func TestRIS_TypesReadBackAsTheSameCSLType(t *testing.T) {
	var src strings.Builder
	types := []string{"article", "book", "mvbook", "collection", "inbook", "incollection", "proceedings",
		"inproceedings", "conference", "phdthesis", "mastersthesis", "thesis", "techreport", "report", "manual",
		"online", "electronic", "www", "misc", "unpublished", "preprint", "dataset", "software", "patent",
		"booklet", "inreference", "standard", "periodical", "artwork", "image", "audio", "music", "movie",
		"video", "letter", "jurisdiction", "legislation", "unknowntype"}
	for _, ty := range types {
		src.WriteString("@" + ty + "{k" + ty + ", title = {T}, year = 2000}\n")
	}
	src.WriteString("@article{mag, title = {T}, entrysubtype = {magazine}}\n@article{news, title = {T}, entrysubtype = {newspaper}}\n")
	refs := parseBib(t, src.String())
	var buf bytes.Buffer
	if err := export.RIS(&buf, refs); err != nil {
		t.Fatal(err)
	}
	res, err := ris.Read("t.ris", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) > 0 || len(res.Refs) != len(refs) {
		t.Fatalf("problems %v, %d of %d read", res.Problems, len(res.Refs), len(refs))
	}
	for i, r := range refs {
		a, b := cslOf(r), cslOf(res.Refs[i])
		if a.Type != b.Type || a.Genre != b.Genre {
			t.Errorf("%s (RIS %s): CSL type %s/%q became %s/%q", r.Type, export.RISType(r), a.Type, a.Genre, b.Type, b.Genre)
		}
	}
}

// TestRIS_RoundTripThroughBibTeXIsStable reads our RIS test file, writes
// the references as BibTeX, reads that, and writes RIS again: the RIS must
// be what the first export wrote.
func TestRIS_RoundTripThroughBibTeXIsStable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "corpus", "ris", "testdata", "sample.ris"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := ris.Read("sample.ris", data)
	if err != nil {
		t.Fatal(err)
	}
	var first bytes.Buffer
	if err := export.RIS(&first, res.Refs); err != nil {
		t.Fatal(err)
	}
	var bib bytes.Buffer
	if err := export.BibTeX(&bib, res.Refs); err != nil {
		t.Fatal(err)
	}
	again := parseBib(t, bib.String())
	var second bytes.Buffer
	if err := export.RIS(&second, again); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("RIS changed through BibTeX:\nfirst\n%s\nsecond\n%s", first.String(), second.String())
	}
	// And the first export says what the file said, tag for tag, but for
	// the order of tags and the record IDs made up.
	for _, line := range strings.Split(string(data), "\r\n") {
		// SP 1-10 is written as SP 1 and EP 10.
		if line == "" || strings.HasPrefix(line, "ID  - ") || line == "SP  - 1-10" {
			continue
		}
		if !strings.Contains(first.String(), line+"\r\n") {
			t.Errorf("exported RIS lacks %q", line)
		}
	}
}

package importer_test

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"github.com/evident-tools/evident/importer"
)

func TestParse_PicksRISByExtensionContentOrFlag(t *testing.T) {
	ris := "TY  - JOUR\nTI  - From RIS\nER  - \n"
	bib := "@article{b, title = {From BibTeX}}\n"
	inputs := []importer.Input{
		{Name: "a.RIS", R: strings.NewReader(ris)},                                // extension
		{Name: "stdin", R: strings.NewReader("\n" + ris)},                         // content
		{Name: "x.bib", R: strings.NewReader(bib)},                                // BibTeX
		{Name: "y.txt", R: strings.NewReader(ris), Format: importer.FormatBibTeX}, // flag: no BibTeX entries
		{Name: "z.bib", R: strings.NewReader(ris), Format: importer.FormatRIS},    // flag wins over .bib
	}
	refs, sum, err := importer.Parse(context.Background(), inputs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range refs {
		got = append(got, r.Source.File+":"+r.Title)
	}
	want := "x.bib:From BibTeX|a.RIS:From RIS|stdin:From RIS|z.bib:From RIS"
	if strings.Join(got, "|") != want || sum.Read != 4 || sum.Rejected != 0 {
		t.Errorf("read %q (%d, %d rejected), want %q", got, sum.Read, sum.Rejected, want)
	}
	if _, err := importer.ParseFormat("nosuch"); err == nil || !strings.HasPrefix(err.Error(), `unknown format "nosuch"; use bibtex, ris`) {
		t.Errorf("ParseFormat(nosuch) error = %v", err)
	}
}

// TestParse_SniffsDecodedText: a file's format is told from its text as
// decoded, so a RIS file saved as UTF-16 (with or without a byte order
// mark) is RIS under any name, and content that is one format beyond
// doubt wins over the extension.
func TestParse_SniffsDecodedText(t *testing.T) {
	const risSrc = "TY  - JOUR\r\nTI  - Über die Wärme\r\nER  - \r\n"
	const bibSrc = "@article{w, title = {Über die Wärme}}\n"
	utf16 := func(src string, order unicode.Endianness, bom unicode.BOMPolicy) string {
		b, err := unicode.UTF16(order, bom).NewEncoder().String(src)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name, file, data string
	}{
		{"RIS, UTF-16 LE with BOM, .ris", "refs.ris", utf16(risSrc, unicode.LittleEndian, unicode.UseBOM)},
		{"RIS, UTF-16 LE with BOM, .txt", "refs.txt", utf16(risSrc, unicode.LittleEndian, unicode.UseBOM)},
		{"RIS, UTF-16 BE with BOM, .txt", "refs.txt", utf16(risSrc, unicode.BigEndian, unicode.UseBOM)},
		{"RIS, UTF-16 LE without BOM, .ris", "refs.ris", utf16(risSrc, unicode.LittleEndian, unicode.IgnoreBOM)},
		{"RIS, UTF-16 LE without BOM, .txt", "refs.txt", utf16(risSrc, unicode.LittleEndian, unicode.IgnoreBOM)},
		{"BibTeX, UTF-16 LE with BOM, .bib", "refs.bib", utf16(bibSrc, unicode.LittleEndian, unicode.UseBOM)},
		{"BibTeX, UTF-16 LE without BOM, .txt", "refs.txt", utf16(bibSrc, unicode.LittleEndian, unicode.IgnoreBOM)},
		{"RIS named .bib", "refs.bib", risSrc},
		{"BibTeX named .ris", "refs.ris", bibSrc},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			refs, sum, err := importer.Parse(context.Background(), []importer.Input{{Name: tt.file, R: strings.NewReader(tt.data)}}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(refs) != 1 || refs[0].Title != "Über die Wärme" || sum.Read != 1 || sum.Rejected != 0 {
				t.Fatalf("read %d references (%v), %d rejected: %v", len(refs), refs, sum.Rejected, sum.Problems)
			}
		})
	}
}

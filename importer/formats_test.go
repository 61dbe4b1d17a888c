package importer_test

import (
	"context"
	"strings"
	"testing"

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
	if _, err := importer.ParseFormat("endnote"); err == nil {
		t.Error("ParseFormat accepted endnote")
	}
}

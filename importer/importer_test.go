package importer_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/importer"
)

func TestParse_ErrorsNameTheFileOnce(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.bib")
	for in, want := range map[string]string{
		missing: missing + ": cannot read: no such file or directory",
		dir:     dir + ": is a directory, not a BibTeX file",
	} {
		_, _, err := importer.Parse(context.Background(), []importer.Input{{Name: in}}, nil)
		if err == nil || err.Error() != want {
			t.Errorf("Parse(%s) error = %v, want %q", in, err, want)
		}
	}
}

func TestDuplicateKeys_WarnAtTheRepeatIgnoringCase(t *testing.T) {
	inputs := []importer.Input{
		{Name: "a.bib", R: strings.NewReader("@misc{Smith2019, title = {A}}\n@misc{other, title = {B}}\n")},
		{Name: "b.bib", R: strings.NewReader("\n@misc{smith2019, title = {C}}\n")},
	}
	refs, _, err := importer.Parse(context.Background(), inputs, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := importer.DuplicateKeys(refs)
	if len(got) != 1 || got[0].Error() != "b.bib:2: entry smith2019: key used again (first at a.bib:1); the first entry is used" {
		t.Errorf("DuplicateKeys = %v", got)
	}
}

package registrytest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every cassette of the corpus loads, with a status and a body for each
// interaction.
func TestLoad_EveryCassetteOfTheCorpus(t *testing.T) {
	root := filepath.Dir(Corpus(t, "README.md"))
	n := 0
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			return err
		}
		ins, err := Load(p)
		if err != nil {
			t.Errorf("%v", err)
			return nil
		}
		if len(ins) == 0 {
			t.Errorf("%s: no interactions", p)
		}
		for i, in := range ins {
			if in.Status == 0 || in.URI == "" {
				t.Errorf("%s: interaction %d: status %d, uri %q", filepath.Base(p), i, in.Status, in.URI)
			}
		}
		n += len(ins)
		return nil
	})
	t.Logf("%d interactions", n)
	if n < 20 {
		t.Errorf("only %d interactions in the corpus' cassettes", n)
	}
}

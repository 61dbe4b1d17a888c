package importer_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/evident-tools/evident/importer"
)

// FuzzParse imports two files as `evident import a.bib b.bib` reads them,
// @string macros shared between them: whatever their bytes (UTF-16 with or
// without a byte order mark, Windows-1252, binary), the import reads no more
// entries than the files have '@', accounts for every entry it rejects, and
// names the right file and a line inside it for every problem.
func FuzzParse(f *testing.F) {
	f.Add([]byte("@string{j = {J. Test}}"), []byte("@article{k, journal = j, title = {T}}"))
	f.Add([]byte("@misc{a, title = {unclosed\n"), []byte("@misc{b, title = {fine}}\n@misc{b, title = {again}}"))
	f.Add([]byte("\xff\xfe@\x00m\x00i\x00s\x00c\x00{\x00k\x00}\x00"), []byte("\xfe\xff\x00@\x00m\x00i\x00s\x00c\x00{\x00k\x00}"))
	f.Add([]byte("@misc{w, author = {M\xfcller}}"), []byte("\x00\x01binary"))
	f.Add([]byte("@misc{c, crossref = {p}}\r\n"), []byte("@proceedings{p, title = {P}}\r\n"))
	f.Add([]byte(""), []byte("@"))
	dir := filepath.Join("..", "..", "shared", "corpora", "bibtex", "jabref-tests")
	if ents, err := os.ReadDir(dir); err == nil {
		for _, e := range ents {
			if strings.HasPrefix(e.Name(), "encoding-") || strings.HasPrefix(e.Name(), "tiny-") {
				if data, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && len(data) < 6000 {
					f.Add(data, []byte("@misc{other, title = {Other}}"))
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		inputs := []importer.Input{{Name: "a.bib", R: bytes.NewReader(a)}, {Name: "b.bib", R: bytes.NewReader(b)}}
		refs, sum, err := importer.Parse(context.Background(), inputs, nil)
		if err != nil {
			var ie *importer.InputError
			if !errors.As(err, &ie) || !(strings.HasPrefix(err.Error(), "a.bib:") || strings.HasPrefix(err.Error(), "b.bib:")) {
				t.Fatalf("error is not an input error naming the file: %v", err)
			}
			return
		}
		lines := map[string]int{"a.bib": bytes.Count(a, []byte("\n")) + 1, "b.bib": bytes.Count(b, []byte("\n")) + 1}
		if ats := bytes.Count(a, []byte("@")) + bytes.Count(b, []byte("@")); sum.Read+sum.Rejected > ats {
			t.Fatalf("read %d and rejected %d entries from inputs with %d '@'", sum.Read, sum.Rejected, ats)
		}
		if sum.Files != 2 || len(refs) != sum.Read || sum.Rejected != len(sum.Problems) {
			t.Fatalf("summary %+v for %d references", sum, len(refs))
		}
		for _, pr := range append(sum.Problems, sum.Warnings...) {
			n, ok := lines[pr.File]
			if !ok || pr.Line < 1 || pr.Line > n {
				t.Fatalf("problem %v outside its file (%d lines)", pr, n)
			}
		}
		for _, r := range refs {
			if n, ok := lines[r.Source.File]; !ok || r.Source.Line < 1 || r.Source.Line > n {
				t.Fatalf("reference %s from %s:%d, outside the inputs", r.Key, r.Source.File, r.Source.Line)
			}
		}
	})
}

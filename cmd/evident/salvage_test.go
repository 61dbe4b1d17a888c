package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus/bibtex/bibtextest"
)

// entries splits exported BibTeX into its entries by key.
func entries(t *testing.T, bib []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, e := range regexp.MustCompile(`(?m)^@`).Split(string(bib), -1) {
		if e = strings.TrimSpace(e); e == "" {
			continue
		}
		key := e[strings.IndexByte(e, '{')+1 : strings.IndexByte(e, ',')]
		out[key] = e
	}
	return out
}

// pagesByType lists a store file's pages by type, as bbolt reports them.
func pagesByType(t *testing.T, path string) map[string][]int {
	t.Helper()
	db, err := bolt.Open(path, 0o644, &bolt.Options{ReadOnly: true, PreLoadFreelist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	pages := map[string][]int{}
	if err := db.View(func(tx *bolt.Tx) error {
		for id := 2; ; id++ {
			p, err := tx.Page(id)
			if err != nil || p == nil {
				return err
			}
			pages[p.Type] = append(pages[p.Type], id)
		}
	}); err != nil {
		t.Fatal(err)
	}
	return pages
}

// TestSalvage_ExportRecoversWhatIsReadable imports a generated library,
// destroys both header pages, every branch page and one leaf page of the
// store, and checks that the library is reported damaged (exit 2, the file
// named, nothing opened as empty) and that export --salvage writes every
// entry not on the destroyed leaf, each exactly as the healthy library
// exported it, and leaves the file as it was.
func TestSalvage_ExportRecoversWhatIsReadable(t *testing.T) {
	if _, err := exec.LookPath("evident"); err != nil {
		t.Skip("evident is not on PATH (testscript.Main puts it there)")
	}
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib")
	bib := filepath.Join(dir, "refs.bib")
	const n = 1500
	if err := os.WriteFile(bib, bibtextest.Generate(n, 3), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := evidentCmd(lib, "import", "--quiet", bib).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	healthy, err := evidentCmd(lib, "export", "--format", "bibtex").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := entries(t, healthy)
	if len(want) != n {
		t.Fatalf("healthy export has %d entries, want %d", len(want), n)
	}

	db := filepath.Join(lib, "library.db")
	pages := pagesByType(t, db)
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// A leaf page of references, rather than of an index: a stored
	// reference is compressed, but its first bytes no compressor can
	// shorten, so the page shows the encoding's version byte, the key's
	// length and the key as written.
	leaves := pages["leaf"]
	leaf := -1
	for _, id := range append(leaves[len(leaves)/2:], leaves[:len(leaves)/2]...) {
		page := data[id*4096 : (id+1)*4096]
		for k := range want {
			if bytes.Contains(page, append([]byte{1, byte(len(k))}, k...)) {
				leaf = id
				break
			}
		}
		if leaf >= 0 {
			break
		}
	}
	if leaf < 0 {
		t.Fatal("no leaf page of references found")
	}
	destroyed := append([]int{0, 1, leaf}, pages["branch"]...)
	was := bytes.Clone(data[leaf*4096 : (leaf+1)*4096])
	garbage := bytes.Repeat([]byte{0x5a}, 4096)
	for _, id := range destroyed {
		copy(data[id*4096:], garbage)
	}
	if err := os.WriteFile(db, data, 0o644); err != nil {
		t.Fatal(err)
	}
	onLeaf := 0
	for k := range want {
		if bytes.Contains(data[leaf*4096:(leaf+1)*4096], []byte(k)) {
			t.Fatalf("garbage page still holds %s", k)
		}
		if bytes.Contains(was, []byte(k)) {
			onLeaf++
		}
	}
	before := sha256.Sum256(data)

	for _, args := range [][]string{{"refs"}, {"export"}, {"import", bib}, {"search", "cohort"}} {
		var stderr bytes.Buffer
		cmd := evidentCmd(lib, args...)
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() != 2 {
			t.Errorf("evident %s on a damaged library: %v, want exit status 2", args[0], err)
		}
		if len(out) > 0 && args[0] != "search" {
			t.Errorf("evident %s on a damaged library wrote %d bytes of output", args[0], len(out))
		}
		msg := stderr.String()
		if !strings.Contains(msg, db) || !strings.Contains(msg, "is damaged") || !strings.Contains(msg, "--salvage") {
			t.Errorf("evident %s: message does not name the file, say it is damaged and point to --salvage:\n%s", args[0], msg)
		}
		if strings.Contains(msg, "panic") || strings.Contains(msg, "goroutine") {
			t.Errorf("evident %s crashed:\n%s", args[0], msg)
		}
	}

	var stderr bytes.Buffer
	cmd := evidentCmd(lib, "export", "--salvage")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("export --salvage: %v\n%s", err, stderr.String())
	}
	got := entries(t, out)
	for k, e := range got {
		if want[k] != e {
			t.Errorf("salvaged entry %s differs from the healthy export:\n%s\nwant:\n%s", k, e, want[k])
		}
	}
	if len(got) < n-onLeaf {
		t.Errorf("salvaged %d entries, want at least %d (%d minus the %d on the destroyed leaf)", len(got), n-onLeaf, n, onLeaf)
	}
	if strings.Contains(stderr.String(), "older copy") {
		t.Errorf("a library with no history had its references marked uncertain:\n%s", stderr.String())
	}
	t.Logf("salvaged %d of %d entries (%d were on the destroyed leaf page %d):\n%s", len(got), n, onLeaf, leaf, stderr.String())
	after, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(after) != before {
		t.Error("the damaged library file was changed")
	}
}

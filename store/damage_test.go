package store

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
)

// damageLibrarySize is damageLibrary that also returns the size of the
// file that is in use: bbolt grows the file ahead of need.
func damageLibrarySize(t *testing.T, n int) (string, map[string][]int, int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(func(tx *Tx) error {
		_, err := tx.Merge(synthRefs(n, 0), Keep)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	pages := map[string][]int{}
	var used int64
	if err := s.db.View(func(btx *bolt.Tx) error {
		used = btx.Size()
		for id := 2; ; id++ {
			p, err := btx.Page(id)
			if err != nil {
				return err
			}
			if p == nil {
				return nil
			}
			pages[p.Type] = append(pages[p.Type], id)
		}
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path, pages, used
}

// refsLeaf returns one of the leaf pages, from the middle on, that holds
// references (rather than the DOI or fingerprint index).
func refsLeaf(t *testing.T, path string, leaves []int) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range append(leaves[len(leaves)/2:], leaves[:len(leaves)/2]...) {
		els, err := leafElements(data[id*4096 : (id+1)*4096])
		if err == nil && len(els) > 0 && !els[0].bucket && decodeSalvaged(els[0].key, els[0].value) != nil {
			return id
		}
	}
	t.Fatal("no leaf page holds references")
	return 0
}

func overwritePage(t *testing.T, path string, id int, data []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(data, int64(id)*4096); err != nil {
		t.Fatal(err)
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// useDamaged opens the damaged library both ways, reads every reference and,
// once a read found the damage, tries a write; it returns the first error.
// Nothing may panic, no error may be other than damage, and a store that
// has found damage must not write. (One that has not may: it cannot know.)
func useDamaged(t *testing.T, path string) error {
	t.Helper()
	before := fileSum(t, path)
	var first error
	note := func(err error) {
		if err == nil {
			return
		}
		if !errors.Is(err, ErrDamaged) && !strings.Contains(err.Error(), "not an evident library") {
			t.Errorf("error that does not say the library is damaged: %v", err)
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("error does not name the file: %v", err)
		}
		if first == nil {
			first = err
		}
	}
	for _, readOnly := range []bool{true, false} {
		s, err := Open(path, readOnly)
		note(err)
		if err != nil {
			continue
		}
		note(s.Each(func(*corpus.Reference) error { return nil }))
		_, err = s.Count()
		note(err)
		note(s.EachArticle(func(*Article) error { return nil }))
		if !readOnly && first != nil {
			_, err = s.Update(func(tx *Tx) error {
				_, err := tx.Merge(synthRefs(3, 100000), Skip)
				return err
			})
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("write after the damage was found: error = %v, want ErrDamaged", err)
			}
			if fileSum(t, path) != before {
				t.Error("a library known to be damaged was written to")
			}
		}
		s.Close()
	}
	return first
}

func TestDamage_ReportedNotPanicked(t *testing.T) {
	garbage := bytes.Repeat([]byte("\xde\xad\xbe\xef"), 1024)
	zeros := make([]byte, 4096)
	tests := []struct {
		name   string
		damage func(t *testing.T, path string, pages map[string][]int, used int64)
	}{
		{"both header pages overwritten", func(t *testing.T, path string, _ map[string][]int, _ int64) {
			overwritePage(t, path, 0, garbage)
			overwritePage(t, path, 1, garbage)
		}},
		// Every branch page: which bucket a given one belongs to depends on
		// the order bbolt happened to allocate pages in.
		{"branch pages zeroed", func(t *testing.T, path string, pages map[string][]int, _ int64) {
			for _, id := range pages["branch"] {
				overwritePage(t, path, id, zeros)
			}
		}},
		{"a leaf page of references overwritten", func(t *testing.T, path string, pages map[string][]int, _ int64) {
			overwritePage(t, path, refsLeaf(t, path, pages["leaf"]), garbage)
		}},
		{"every leaf page overwritten", func(t *testing.T, path string, pages map[string][]int, _ int64) {
			for _, id := range pages["leaf"] {
				overwritePage(t, path, id, garbage)
			}
		}},
		{"truncated to half", func(t *testing.T, path string, _ map[string][]int, used int64) {
			if err := os.Truncate(path, used/2); err != nil {
				t.Fatal(err)
			}
		}},
		{"truncated after the header pages", func(t *testing.T, path string, _ map[string][]int, _ int64) {
			if err := os.Truncate(path, 2*4096); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, pages, used := damageLibrarySize(t, 300)
			if len(pages["branch"]) == 0 || len(pages["leaf"]) < 10 {
				t.Fatalf("library too small to damage usefully: %v", pages)
			}
			tt.damage(t, path, pages, used)
			if err := useDamaged(t, path); err == nil {
				t.Error("the damaged library opened and read without an error")
			} else {
				t.Log(err)
			}
		})
	}
}

// TestDamage_RandomPages overwrites random pages with random bytes, again
// and again: whatever bbolt makes of them, evident must answer with an
// error (or, when the damage missed everything in use, the data) and never
// crash or hang.
func TestDamage_RandomPages(t *testing.T) {
	path, _, used := damageLibrarySize(t, 300)
	pristine, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 7))
	runs := 60
	if testing.Short() {
		runs = 15
	}
	damaged := 0
	for i := range runs {
		if err := os.WriteFile(path, pristine, 0o644); err != nil {
			t.Fatal(err)
		}
		pages := int(used / 4096) // the pages in use; the rest are spare
		for range 1 + rng.IntN(3) {
			page := make([]byte, 4096)
			switch rng.IntN(3) {
			case 0:
				for j := range page {
					page[j] = byte(rng.Uint32())
				}
			case 1: // a page header that lies about its size and count
				copy(page, pristine[rng.IntN(pages)*4096:])
				byteOrder.PutUint16(page[10:], uint16(rng.Uint32()))
				byteOrder.PutUint32(page[12:], rng.Uint32())
			case 2: // a copy of another page: right header, wrong place
				copy(page, pristine[rng.IntN(pages)*4096:])
			}
			overwritePage(t, path, rng.IntN(pages), page)
		}
		if useDamaged(t, path) != nil {
			damaged++
		}
		if t.Failed() {
			t.Fatalf("run %d", i)
		}
	}
	t.Logf("%d runs, %d reported damage", runs, damaged)
}

func TestOpen_EmptyFileIsNotALibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, readOnly := range []bool{true, false} {
		_, err := Open(path, readOnly)
		if err == nil || !strings.Contains(err.Error(), "empty") {
			t.Errorf("Open(readOnly=%v) of an empty file = %v, want a refusal that says it is empty", readOnly, err)
		}
	}
	if info, _ := os.Stat(path); info.Size() != 0 {
		t.Error("opening an empty file wrote to it")
	}
}

// TestOpen_CreateLeavesNoPartialFile: a new library is made beside its
// final name and renamed into place, so its name never holds a half-made
// file.
func TestOpen_CreateLeavesNoPartialFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path + ".new"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the file made before the rename is still there: %v", err)
	}
	// A leftover from a crash during an earlier create does not matter.
	path2 := filepath.Join(dir, "other.db")
	if err := os.WriteFile(path2+".new", []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path2, false)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

package store

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFile_FailedWriteKeepsOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "refs.bib")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("WriteFile = %v, want %v", err, boom)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("file holds %q after a failed write, want %q", got, "old")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d files after a failed write, want 1 (no temporary file left)", len(entries))
	}
}

func TestWriteFile_ReplacesContents(t *testing.T) {
	path := filepath.Join(t.TempDir(), "refs.html")
	for _, text := range []string{"first, and longer", "second"} {
		if err := WriteFile(path, func(w io.Writer) error {
			_, err := io.WriteString(w, text)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != text {
			t.Errorf("file holds %q, want %q", got, text)
		}
	}
}

func TestWriteFile_DirectoryIsAnError(t *testing.T) {
	dir := t.TempDir()
	err := WriteFile(dir, func(w io.Writer) error { return nil })
	if err == nil {
		t.Fatal("WriteFile over a directory succeeded")
	}
	if info, _ := os.Stat(dir); info == nil || !info.IsDir() {
		t.Error("the directory is gone")
	}
}

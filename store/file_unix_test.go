//go:build unix

package store

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// The umask is the process's, so these tests do not run in parallel.

func writeText(path, text string) error {
	return WriteFile(path, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
}

func withUmask(t *testing.T, mask int) {
	old := syscall.Umask(mask)
	t.Cleanup(func() { syscall.Umask(old) })
}

func TestWriteFile_NewFileGetsModeLessUmask(t *testing.T) {
	for _, tc := range []struct {
		umask int
		want  fs.FileMode
	}{
		{0o022, 0o644},
		{0o002, 0o664},
		{0o077, 0o600},
	} {
		withUmask(t, tc.umask)
		path := filepath.Join(t.TempDir(), "refs.html")
		if err := writeText(path, "<ol></ol>\n"); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != tc.want {
			t.Errorf("umask %03o: new file has mode %03o, want %03o", tc.umask, got, tc.want)
		}
	}
}

func TestWriteFile_ReplacedFileKeepsMode(t *testing.T) {
	withUmask(t, 0o022)
	for _, mode := range []fs.FileMode{0o640, 0o600, 0o664} {
		path := filepath.Join(t.TempDir(), "library.bib")
		if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		if err := writeText(path, "new"); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != mode {
			t.Errorf("replaced file has mode %03o, want %03o as before", got, mode)
		}
		if got, _ := os.ReadFile(path); string(got) != "new" {
			t.Errorf("file holds %q, want %q", got, "new")
		}
	}
}

func TestWriteFile_SymlinkIsFollowed(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "shared.bib")
	link := filepath.Join(dir, "refs.bib")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("shared.bib", link); err != nil {
		t.Fatal(err)
	}
	if err := writeText(link, "new"); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced (%v)", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("link target holds %q, want %q", got, "new")
	}
}

func TestWriteFile_NamedPipeIsWrittenInPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		b, _ := os.ReadFile(path)
		got <- string(b)
	}()
	if err := writeText(path, "through the pipe"); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("reader got %q", s)
	}
	if info, err := os.Lstat(path); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced (%v)", err)
	}
}

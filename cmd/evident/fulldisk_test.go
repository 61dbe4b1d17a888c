//go:build linux

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fullDiskEnv, set, tells the test binary that it runs inside the mount
// namespace made for TestFullDisk_WritesFailCleanly, with a directory to
// mount a small file system on.
const fullDiskEnv = "EVIDENT_FULL_DISK_DIR"

// TestFullDisk_WritesFailCleanly fills a small file system (a tmpfs mounted
// in a mount namespace of the test's own, so that no privilege beyond an
// unprivileged user namespace is needed) while import and add write to a
// library on it:
//
//   - when the store itself cannot be written, the command fails saying the
//     disk is full and nothing was written, and the library opens with its
//     old state and takes the same write once there is room;
//   - when the store is written but the index that follows is not, the
//     command says that the library is updated but its index is not, search
//     still answers from the index as it was, and rebuilds it once there is
//     room.
func TestFullDisk_WritesFailCleanly(t *testing.T) {
	needBinary(t)
	if dir := os.Getenv(fullDiskEnv); dir != "" {
		fullDiskInside(t, dir)
		return
	}
	dir := t.TempDir()
	args := []string{"-test.run=^TestFullDisk_WritesFailCleanly$", "-test.v"}
	attempts := []struct {
		how  string
		attr *syscall.SysProcAttr
	}{
		{"a user and mount namespace", &syscall.SysProcAttr{
			Cloneflags:  syscall.CLONE_NEWUSER | syscall.CLONE_NEWNS,
			UidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getuid(), Size: 1}},
			GidMappings: []syscall.SysProcIDMap{{ContainerID: 0, HostID: os.Getgid(), Size: 1}},
		}},
	}
	if os.Geteuid() == 0 {
		attempts = append(attempts, struct {
			how  string
			attr *syscall.SysProcAttr
		}{"a mount namespace (as root)", &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWNS}})
	}
	var reasons []string
	for _, a := range attempts {
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), fullDiskEnv+"="+dir)
		cmd.SysProcAttr = a.attr
		out, err := cmd.CombinedOutput()
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			// The namespace could not be made at all.
			reasons = append(reasons, fmt.Sprintf("%s: %v", a.how, err))
			continue
		}
		if reason, skipped := skippedInside(string(out)); skipped {
			reasons = append(reasons, fmt.Sprintf("%s: %s", a.how, reason))
			continue
		}
		if err != nil {
			t.Fatalf("in %s: %v\n%s", a.how, err, out)
		}
		t.Logf("in %s:\n%s", a.how, logLines(string(out)))
		return
	}
	t.Skipf("no small file system to fill: %s; needs Linux with unprivileged user namespaces, or root with CAP_SYS_ADMIN", strings.Join(reasons, "; "))
}

// skippedInside finds the inner test's skip message in its output.
func skippedInside(out string) (string, bool) {
	for _, line := range strings.Split(out, "\n") {
		if _, msg, ok := strings.Cut(line, "cannot fill a disk: "); ok {
			return msg, true
		}
	}
	return "", false
}

// logLines keeps what the inner test logged.
func logLines(out string) string {
	var keep []string
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "fulldisk_test.go") || strings.HasPrefix(line, "        ") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

// fullDiskInside runs in the new mount namespace.
func fullDiskInside(t *testing.T, dir string) {
	// Mounts made here must not show outside, whatever the parent's
	// propagation is.
	if err := syscall.Mount("", "/", "", syscall.MS_REC|syscall.MS_PRIVATE, ""); err != nil {
		t.Skipf("cannot fill a disk: making mounts private: %v", err)
	}
	disk := filepath.Join(dir, "disk")
	if err := os.MkdirAll(disk, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", disk, "tmpfs", 0, "size=64m"); err != nil {
		t.Skipf("cannot fill a disk: mounting a tmpfs: %v", err)
	}
	defer syscall.Unmount(disk, 0)

	inputs := filepath.Join(dir, "inputs") // outside the small disk
	if err := os.MkdirAll(inputs, 0o755); err != nil {
		t.Fatal(err)
	}
	baseBib, moreBib := filepath.Join(inputs, "base.bib"), filepath.Join(inputs, "more.bib")
	writeFile(t, baseBib, generated(40, 1, "base"))
	writeFile(t, moreBib, generated(200, 2, "more"))
	big := filepath.Join(inputs, "big.md")
	writeFile(t, big, bigArticle(384<<10))
	const query = "cohort"

	t.Run("store full on import", func(t *testing.T) {
		lib := filepath.Join(disk, "lib1")
		defer os.RemoveAll(lib)
		mustRun(t, lib, "import", "--quiet", baseBib)
		oldKeys, oldSearch := must(t)(keysState(lib)), must(t)(searchState(lib, query))
		filler := fill(t, disk, 256<<10)
		out, err := evident(lib, "import", "--quiet", moreBib)
		expectFailure(t, out, err, "the disk is full", "nothing was written")
		if got := must(t)(keysState(lib)); got != oldKeys {
			t.Errorf("after the failed import the library holds %.200s, want the old %.200s", got, oldKeys)
		}
		if got := must(t)(searchState(lib, query)); got != oldSearch {
			t.Errorf("after the failed import search finds %.200s, want the old %.200s", got, oldSearch)
		}
		os.Remove(filler)
		mustRun(t, lib, "import", "--quiet", moreBib)
		if n := len(libraryKeys(t, lib)); n != 240 {
			t.Errorf("after the import with room the library holds %d references, want 240", n)
		}
	})

	t.Run("store full on add", func(t *testing.T) {
		lib := filepath.Join(disk, "lib2")
		defer os.RemoveAll(lib)
		mustRun(t, lib, "import", "--quiet", baseBib)
		old := must(t)(articlesState(lib))
		filler := fill(t, disk, 256<<10)
		out, err := evident(lib, "add", big)
		expectFailure(t, out, err, "the disk is full", "nothing was written")
		if got := must(t)(articlesState(lib)); got != old {
			t.Errorf("after the failed add the library holds %q, want the old %q", got, old)
		}
		os.Remove(filler)
		mustRun(t, lib, "add", big)
		if got := must(t)(articlesState(lib)); !strings.Contains(got, "big.md") {
			t.Errorf("after the add with room the library holds %q", got)
		}
	})

	t.Run("index full on import", func(t *testing.T) {
		// How much the store and the index grow on this import, measured on
		// a copy with room: then leave room for the store and half the index.
		probe := filepath.Join(disk, "probe")
		mustRun(t, probe, "import", "--quiet", baseBib)
		db0, ix0 := diskUse(t, filepath.Join(probe, "library.db")), diskUse(t, filepath.Join(probe, "index"))
		mustRun(t, probe, "import", "--quiet", moreBib)
		db1, ix1 := diskUse(t, filepath.Join(probe, "library.db")), diskUse(t, filepath.Join(probe, "index"))
		os.RemoveAll(probe)
		room := (db1 - db0) + (ix1-ix0)/2
		if ix1 <= ix0 || db1 <= db0 {
			t.Fatalf("the probe import grew the store %d→%d and the index %d→%d bytes", db0, db1, ix0, ix1)
		}

		lib := filepath.Join(disk, "lib3")
		mustRun(t, lib, "import", "--quiet", baseBib)
		oldSearch := must(t)(searchState(lib, query))
		filler := fill(t, disk, room)
		out, err := evident(lib, "import", "--quiet", moreBib)
		expectFailure(t, out, err, "the library is updated, but its search index could not be", "the disk is full")
		if n := len(libraryKeys(t, lib)); n != 240 {
			t.Errorf("the import was stored but the library holds %d references, want 240", n)
		}
		// Still no room to rebuild: search answers from the index as it was.
		var stderr strings.Builder
		cmd := evidentCmd(lib, "search", "--format", "json", "--limit", "10000", query)
		cmd.Stderr = &stderr
		if _, err := cmd.Output(); err != nil {
			t.Errorf("search on a full disk: %v\n%s", err, stderr.String())
		}
		if !strings.Contains(stderr.String(), "searching the index as it was") {
			t.Errorf("search on a full disk did not say its index is behind:\n%s", stderr.String())
		}
		if got := must(t)(searchState(lib, query)); got != oldSearch {
			t.Errorf("search on a full disk finds %.200s, want the old %.200s", got, oldSearch)
		}
		os.Remove(filler)
		newSearch := must(t)(searchState(lib, query))
		if newSearch == oldSearch {
			t.Errorf("with room again, search still finds only what it found before the import")
		}
		t.Logf("room left: %d bytes (store grew %d, index %d)", room, db1-db0, ix1-ix0)
	})
}

// expectFailure checks that a command failed with exit status 2 and a
// message holding every one of wants, and did not crash.
func expectFailure(t *testing.T, out string, err error, wants ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("the command succeeded on a full disk:\n%s", out)
	}
	msg := err.Error()
	if !strings.Contains(msg, "exit status 2") {
		t.Errorf("want exit status 2, got %v", err)
	}
	for _, w := range wants {
		if !strings.Contains(msg, w) {
			t.Errorf("message does not say %q:\n%s", w, msg)
		}
	}
	if strings.Contains(msg, "panic") || strings.Contains(msg, "goroutine ") {
		t.Errorf("the command crashed:\n%s", msg)
	}
	t.Logf("%s", strings.TrimSpace(msg[strings.Index(msg, "\n")+1:]))
}

// fill writes a file on the file system at dir until it is full, then gives
// back room bytes, and returns the file's path.
func fill(t *testing.T, dir string, room int64) string {
	t.Helper()
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64<<10)
	for {
		if _, err := f.Write(buf); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(max(0, info.Size()-room)); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	t.Logf("filled %s, leaving %d bytes free", dir, int64(st.Bavail)*st.Bsize)
	return path
}

// diskUse is the space the files under path take on the disk.
func diskUse(t *testing.T, path string) int64 {
	t.Helper()
	var n int64
	err := filepath.Walk(path, func(_ string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if st, ok := info.Sys().(*syscall.Stat_t); ok && !info.IsDir() {
			n += st.Blocks * 512
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// bigArticle returns a Markdown article of about n bytes that does not
// compress: its words are drawn from a generator, not repeated.
func bigArticle(n int) []byte {
	var b strings.Builder
	b.WriteString("# A long draft\n\n")
	x := uint64(1)
	for b.Len() < n {
		for range 12 {
			x ^= x << 13
			x ^= x >> 7
			x ^= x << 17
			fmt.Fprintf(&b, "w%x ", x%0xffffff)
		}
		b.WriteString("found lower risk.\n\n")
	}
	return []byte(b.String())
}

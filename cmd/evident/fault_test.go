package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/evident-tools/evident/corpus/bibtex/bibtextest"
)

// evidentCmd runs the evident binary that testscript.Main put on PATH.
func evidentCmd(lib string, args ...string) *exec.Cmd {
	cmd := exec.Command("evident", append([]string{"--library", lib}, args...)...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	return cmd
}

// libraryKeys lists the keys of the library, failing the test if it cannot
// be opened: after any crash it must open.
func libraryKeys(t *testing.T, lib string) []string {
	t.Helper()
	out, err := evidentCmd(lib, "refs", "--format", "json").Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("library does not open: %v: %s", err, stderr)
	}
	var refs []struct{ Key string }
	if err := json.Unmarshal(out, &refs); err != nil {
		t.Fatalf("refs --format json: %v", err)
	}
	keys := make([]string, len(refs))
	for i, r := range refs {
		keys[i] = r.Key
	}
	sort.Strings(keys)
	return keys
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	os.RemoveAll(to)
	err := filepath.Walk(from, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, info.Mode())
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestKill_ImportLeavesOldOrNewState kills an import with SIGKILL at random
// moments and checks that the library always opens and holds either the
// state before the import or the state after it, never anything between;
// and that the next write still works (the index is rebuilt if it must be).
func TestKill_ImportLeavesOldOrNewState(t *testing.T) {
	if _, err := exec.LookPath("evident"); err != nil {
		t.Skip("evident is not on PATH (testscript.Main puts it there)")
	}
	dir := t.TempDir()
	pristine := filepath.Join(dir, "pristine")
	base := filepath.Join(dir, "base.bib")
	big := filepath.Join(dir, "big.bib")
	os.WriteFile(base, []byte("@article{base1, title = {Base one}, year = 2001}\n@article{base2, title = {Base two}, year = 2002}\n"), 0o644)
	os.WriteFile(big, bibtextest.Generate(2000, 7), 0o644)
	if out, err := evidentCmd(pristine, "import", base).CombinedOutput(); err != nil {
		t.Fatalf("base import: %v\n%s", err, out)
	}
	oldKeys := strings.Join(libraryKeys(t, pristine), ",")

	// One uninterrupted run gives the new state and the time to aim at.
	full := filepath.Join(dir, "full")
	copyDir(t, pristine, full)
	start := time.Now()
	if out, err := evidentCmd(full, "import", big).CombinedOutput(); err != nil {
		t.Fatalf("full import: %v\n%s", err, out)
	}
	took := time.Since(start)
	newKeys := strings.Join(libraryKeys(t, full), ",")
	if oldKeys == newKeys {
		t.Fatal("the import changed nothing; the test would prove nothing")
	}

	runs := 25
	if testing.Short() {
		runs = 10
	}
	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	var sawOld, sawNew int
	lib := filepath.Join(dir, "lib")
	for i := 0; i < runs; i++ {
		copyDir(t, pristine, lib)
		cmd := evidentCmd(lib, "import", big)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(rng.Int63n(int64(took) + 1))
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		switch got := strings.Join(libraryKeys(t, lib), ","); got {
		case oldKeys:
			sawOld++
		case newKeys:
			sawNew++
		default:
			t.Fatalf("run %d, killed after %v: library holds %d keys, neither the old nor the new state", i, delay, strings.Count(got, ",")+1)
		}
		// The library stays writable, whatever state the index was left in.
		out, err := evidentCmd(lib, "import", base).CombinedOutput()
		if err != nil {
			t.Fatalf("run %d: next import failed: %v\n%s", i, err, out)
		}
	}
	t.Logf("%d kills over %v: %d left the old state, %d the new", runs, took, sawOld, sawNew)
}

// TestConcurrent_ImportsNeverCorruptOrDouble runs several imports of
// overlapping files at once: each either lands or fails cleanly with the
// in-use message, and the library ends with every work once.
func TestConcurrent_ImportsNeverCorruptOrDouble(t *testing.T) {
	if _, err := exec.LookPath("evident"); err != nil {
		t.Skip("evident is not on PATH (testscript.Main puts it there)")
	}
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib")
	data := bibtextest.Generate(1500, 11)
	files := make([]string, 4)
	for i := range files {
		files[i] = filepath.Join(dir, fmt.Sprintf("f%d.bib", i))
		os.WriteFile(files[i], data, 0o644) // the same works, four times
	}
	if out, err := evidentCmd(lib, "init").CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	var wg sync.WaitGroup
	results := make([]string, len(files))
	for i, f := range files {
		wg.Add(1)
		go func(i int, f string) {
			defer wg.Done()
			var stdout, stderr bytes.Buffer
			cmd := evidentCmd(lib, "import", "--format", "json", f)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			switch {
			case err == nil:
				results[i] = stdout.String()
			case strings.Contains(stderr.String(), "library is in use by another evident process"):
				results[i] = "locked"
			default:
				results[i] = fmt.Sprintf("failed: %v: %s", err, stderr.String())
			}
		}(i, f)
	}
	wg.Wait()
	added := 0
	for i, r := range results {
		if strings.HasPrefix(r, "failed") {
			t.Fatalf("import %d: %s", i, r)
		}
		if r == "locked" {
			continue
		}
		var sum struct{ Added, Duplicates int }
		if err := json.Unmarshal([]byte(r), &sum); err != nil {
			t.Fatalf("import %d: %v in %q", i, err, r)
		}
		added += sum.Added
	}
	if added != 1500 {
		t.Errorf("imports added %d references in all, want 1500 (each work once): %v", added, results)
	}
	if keys := libraryKeys(t, lib); len(keys) != 1500 {
		t.Errorf("library holds %d references, want 1500", len(keys))
	}
}

package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
)

// The test binary doubles as a second evident process: with helperEnv set it
// runs one of the helpers below instead of the tests, so that locking and
// crashes are tried across real processes, not only across descriptors.
const (
	helperEnv     = "EVIDENT_STORE_TEST_HELPER"
	helperPathEnv = "EVIDENT_STORE_TEST_PATH"
	helperBatch   = 20 // references the writer helper adds per transaction
)

func TestMain(m *testing.M) {
	switch os.Getenv(helperEnv) {
	case "":
		os.Exit(m.Run())
	case "hold":
		os.Exit(helperHold(os.Getenv(helperPathEnv)))
	case "write":
		os.Exit(helperWrite(os.Getenv(helperPathEnv)))
	case "retractions":
		os.Exit(helperRetractions(os.Getenv(helperPathEnv)))
	case "cache":
		os.Exit(helperCache(os.Getenv(helperPathEnv)))
	case "review":
		os.Exit(helperReview(os.Getenv(helperPathEnv)))
	default:
		fmt.Fprintln(os.Stderr, "unknown helper", os.Getenv(helperEnv))
		os.Exit(2)
	}
}

// helperHold opens the library for writing, says so, and holds it until its
// standard input closes.
func helperHold(path string) int {
	s, err := Open(path, false)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
	if err := s.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// helperWrite adds helperBatch references per transaction until it is killed,
// reporting each commit on standard output.
func helperWrite(path string) int {
	s, err := Open(path, false)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for round := 0; ; round++ {
		refs := synthRefs(helperBatch, round*helperBatch)
		ch, err := s.Update(func(tx *Tx) error {
			_, err := tx.Merge(refs, Skip)
			return err
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println("committed", ch.Generation)
	}
}

// startHelper runs the test binary as helper mode on path and waits for its
// first line of output.
func startHelper(t *testing.T, mode, path string) (*exec.Cmd, io.WriteCloser, *bufio.Scanner) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, helperPathEnv+"="+path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() {
		t.Fatalf("helper %s printed nothing: %v", mode, lines.Err())
	}
	return cmd, stdin, lines
}

// killHelper runs a helper on path, kills it (SIGKILL) after wait, and
// returns the last number it reported as "committed N".
func killHelper(t *testing.T, mode, path string, wait time.Duration) int {
	t.Helper()
	cmd, _, lines := startHelper(t, mode, path)
	time.Sleep(wait)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	// Read to the end before Wait, which closes the pipe.
	reported := 0
	for lines.Scan() {
		fmt.Sscanf(lines.Text(), "committed %d", &reported)
	}
	_ = cmd.Wait()
	return reported
}

// reopenChecked opens the library a killed writer left for writing, and
// has bbolt check every page of it.
func reopenChecked(t *testing.T, path string, round int) *Store {
	t.Helper()
	s, err := Open(path, false)
	if err != nil {
		t.Fatalf("round %d: reopen after kill: %v", round, err)
	}
	if err := s.db.View(func(btx *bolt.Tx) error {
		for err := range btx.Check() {
			t.Errorf("round %d: bbolt check: %v", round, err)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

func ref(key, title string, year int, family, doi string) *corpus.Reference {
	return &corpus.Reference{
		Key:     key,
		Type:    "article",
		Title:   title,
		Year:    year,
		Authors: []corpus.Name{{First: "Ann", Last: family}},
		IDs:     corpus.Identifiers{DOI: doi},
		Fields: []corpus.Field{
			{Name: "title", Raw: "{" + title + "}", Value: title},
			{Name: "year", Raw: fmt.Sprint(year), Value: fmt.Sprint(year)},
		},
		Source: corpus.Source{File: "refs.bib", Line: 1},
	}
}

func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "library.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func put(t *testing.T, s *Store, refs ...*corpus.Reference) Changes {
	t.Helper()
	ch, err := s.Update(func(tx *Tx) error {
		for _, r := range refs {
			if err := tx.Put(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ch
}

func keys(t *testing.T, s *Store) []string {
	t.Helper()
	var ks []string
	if err := s.Each(func(r *corpus.Reference) error {
		ks = append(ks, r.Key)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return ks
}

// checkIndexes asserts that the DOI and fingerprint buckets hold exactly one
// entry per stored reference that has a DOI or a fingerprint, and nothing else.
func checkIndexes(t *testing.T, s *Store) {
	t.Helper()
	err := s.db.View(func(btx *bolt.Tx) error {
		want := map[string][]string{"doi": nil, "fp": nil, "alias": nil}
		c := btx.Bucket(bucketRefs).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			r, err := decode(s.path, k, v)
			if err != nil {
				return err
			}
			for _, a := range r.Aliases {
				want["alias"] = append(want["alias"], a+"="+r.Key)
			}
			if r.IDs.DOI != "" {
				want["doi"] = append(want["doi"], string(indexKey(r.IDs.DOI, r.Key)))
			}
			if fp := corpus.Fingerprint(r); fp != "" {
				want["fp"] = append(want["fp"], string(indexKey(fp, r.Key)))
			}
		}
		for name, w := range want {
			var got []string
			if err := btx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
				if name == "alias" {
					got = append(got, string(k)+"="+string(v))
					return nil
				}
				got = append(got, string(k))
				return nil
			}); err != nil {
				return err
			}
			slices.Sort(w)
			if !slices.Equal(got, w) {
				t.Errorf("%s index = %q, want %q", name, got, w)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestOpen_CreatesFileAndBuckets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "library.db")
	if _, err := Open(path, false); err == nil {
		t.Fatal("Open in a missing directory succeeded, want error")
	}
	path = filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm&0o600 != 0o600 || perm&0o111 != 0 {
		t.Errorf("file mode = %v, want rw for owner and no execute bits", perm)
	}
	err = s.db.View(func(btx *bolt.Tx) error {
		for _, name := range [][]byte{bucketMeta, bucketRefs, bucketDOI, bucketFP, bucketArticles, bucketAlias} {
			if btx.Bucket(name) == nil {
				t.Errorf("bucket %s missing", name)
			}
		}
		if v := getUint(btx.Bucket(bucketMeta), metaSchema); v != SchemaVersion {
			t.Errorf("schema version = %d, want %d", v, SchemaVersion)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if g, err := s.Generation(); err != nil || g != 0 {
		t.Errorf("Generation() = %d, %v; want 0", g, err)
	}
	if n, err := s.Count(); err != nil || n != 0 {
		t.Errorf("Count() = %d, %v; want 0", n, err)
	}
}

func TestOpen_ReadOnlyMissingFileIsNotExist(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	_, err := Open(path, true)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Open(missing, readOnly) error = %v, want fs.ErrNotExist", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("read-only open created the file (stat: %v)", err)
	}
}

func TestOpen_ReopenReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, ref("b", "Second", 2020, "Jones", ""), ref("a", "First", 2019, "Smith", "10.1/a"))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	ro, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if n, err := ro.Count(); err != nil || n != 2 {
		t.Errorf("Count() = %d, %v; want 2", n, err)
	}
	if g, err := ro.Generation(); err != nil || g != 1 {
		t.Errorf("Generation() = %d, %v; want 1", g, err)
	}
	r, err := ro.Get("a")
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "First" || r.IDs.DOI != "10.1/a" || r.Authors[0].Last != "Smith" {
		t.Errorf("Get(a) = %+v, want the stored reference", r)
	}
	if _, err := ro.Get("c"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get(c) error = %v, want ErrNotFound", err)
	}
	if got := keys(t, ro); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("Each keys = %q, want [a b]", got)
	}
	if _, err := ro.Update(func(tx *Tx) error { return tx.Put(ref("c", "Third", 2021, "Lee", "")) }); err == nil {
		t.Error("Update on a read-only store succeeded, want error")
	}
}

func TestOpen_TwoReadersAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, ref("a", "First", 2019, "Smith", ""))
	s.Close()

	r1, err := open(path, true, 200*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := open(path, true, 200*time.Millisecond)
	if err != nil {
		t.Fatalf("second read-only open: %v", err)
	}
	defer r2.Close()
	for _, r := range []*Store{r1, r2} {
		if _, err := r.Get("a"); err != nil {
			t.Error(err)
		}
	}
}

// TestOpen_WriterGivesUpWithClearError uses the real lock timeout: the user
// must get the error, not a hang. The deadline guards against a hang only;
// it is not a performance assertion.
func TestOpen_WriterGivesUpWithClearError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	held, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	done := make(chan error, 1)
	go func() {
		s, err := Open(path, false)
		if err == nil {
			s.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrLocked) {
			t.Fatalf("second writer: error = %v, want ErrLocked", err)
		}
		if !strings.Contains(err.Error(), "library is in use by another evident process") {
			t.Errorf("error %q does not say the library is in use", err)
		}
	case <-time.After(4 * lockTimeout):
		t.Fatal("second writer still waiting for the lock; want ErrLocked after the lock timeout")
	}
}

func TestOpen_NewerSchemaRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	err = s.db.Update(func(btx *bolt.Tx) error {
		return putUint(btx.Bucket(bucketMeta), metaSchema, SchemaVersion+1)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, readOnly := range []bool{false, true} {
		_, err := Open(path, readOnly)
		if !errors.Is(err, ErrNewerSchema) {
			t.Fatalf("Open(readOnly=%v) error = %v, want ErrNewerSchema", readOnly, err)
		}
		msg := err.Error()
		for _, want := range []string{path, fmt.Sprintf("schema version is %d", SchemaVersion+1), fmt.Sprintf("version %d at most", SchemaVersion)} {
			if !strings.Contains(msg, want) {
				t.Errorf("error %q does not contain %q", msg, want)
			}
		}
	}
}

func TestOpen_NotALibrary(t *testing.T) {
	tests := []struct {
		name     string
		content  string
		readOnly bool
	}{
		{"bibtex file for writing", "@article{a, title={T}}\n", false},
		{"bibtex file for reading", "@article{a, title={T}}\n", true},
		{"empty file for reading", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "refs.bib")
			if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path, tt.readOnly)
			if err == nil || !strings.Contains(err.Error(), "not an evident library") {
				t.Errorf("Open error = %v, want one saying it is not an evident library", err)
			}
			got, _ := os.ReadFile(path)
			if string(got) != tt.content {
				t.Errorf("Open changed the file to %q", got)
			}
		})
	}
}

func TestUpdate_FailureChangesNothing(t *testing.T) {
	boom := errors.New("boom")
	tests := []struct {
		name string
		fail func(tx *Tx) error
	}{
		{"error after writes", func(tx *Tx) error {
			if err := tx.Put(ref("c", "Third", 2021, "Lee", "10.1/c")); err != nil {
				return err
			}
			if err := tx.Put(ref("a", "First revised", 2019, "Smith", "10.1/a2")); err != nil {
				return err
			}
			if err := tx.Delete("b"); err != nil {
				return err
			}
			return boom
		}},
		{"error from merge caller", func(tx *Tx) error {
			if _, err := tx.Merge(synthRefs(50, 0), Keep); err != nil {
				return err
			}
			return boom
		}},
		{"panic after writes", func(tx *Tx) error {
			if err := tx.Delete("a"); err != nil {
				return err
			}
			panic(boom)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			put(t, s, ref("a", "First", 2019, "Smith", "10.1/a"), ref("b", "Second", 2020, "Jones", ""))
			func() {
				defer func() {
					if p := recover(); p != nil && p != boom {
						panic(p)
					}
				}()
				ch, err := s.Update(tt.fail)
				if !errors.Is(err, boom) {
					t.Errorf("Update error = %v, want boom", err)
				}
				if len(ch.Put) != 0 || len(ch.Deleted) != 0 || ch.Generation != 0 {
					t.Errorf("failed Update returned changes %+v, want none", ch)
				}
			}()
			if g, _ := s.Generation(); g != 1 {
				t.Errorf("Generation() = %d after a failed update, want 1", g)
			}
			if got := keys(t, s); !slices.Equal(got, []string{"a", "b"}) {
				t.Errorf("keys = %q, want [a b]", got)
			}
			if r, err := s.Get("a"); err != nil || r.Title != "First" {
				t.Errorf("Get(a) = %v, %v; want the original", r, err)
			}
			checkIndexes(t, s)
			// The store still takes writes: the failed transaction let go of it.
			if ch := put(t, s, ref("d", "Fourth", 2022, "Kim", "")); ch.Generation != 2 {
				t.Errorf("next write generation = %d, want 2", ch.Generation)
			}
		})
	}
}

func TestUpdate_GenerationCountsChangingTransactions(t *testing.T) {
	s := newStore(t)
	a := ref("a", "First", 2019, "Smith", "10.1/a")
	a2 := ref("a", "First", 2019, "Smith", "10.1/a-new")
	steps := []struct {
		name        string
		fn          func(tx *Tx) error
		wantGen     uint64
		wantPut     []string
		wantDeleted []string
	}{
		{"insert two", func(tx *Tx) error {
			if err := tx.Put(ref("b", "Second", 2020, "Jones", "")); err != nil {
				return err
			}
			return tx.Put(a)
		}, 1, []string{"a", "b"}, nil},
		{"nothing", func(tx *Tx) error { return nil }, 1, nil, nil},
		{"identical rewrite", func(tx *Tx) error { return tx.Put(a) }, 1, nil, nil},
		{"lookups only", func(tx *Tx) error {
			if tx.KeyByDOI("10.1/a") != "a" {
				return errors.New("DOI lookup failed")
			}
			_, err := tx.Get("b")
			return err
		}, 1, nil, nil},
		{"replace", func(tx *Tx) error { return tx.Put(a2) }, 2, []string{"a"}, nil},
		{"delete", func(tx *Tx) error { return tx.Delete("b") }, 3, nil, []string{"b"}},
		{"delete missing", func(tx *Tx) error {
			if err := tx.Delete("b"); !errors.Is(err, ErrNotFound) {
				return fmt.Errorf("Delete(b) = %v, want ErrNotFound", err)
			}
			return nil
		}, 3, nil, nil},
		{"delete then put back", func(tx *Tx) error {
			if err := tx.Delete("a"); err != nil {
				return err
			}
			return tx.Put(a2)
		}, 3, nil, nil},
		{"put then delete", func(tx *Tx) error {
			if err := tx.Put(ref("c", "Third", 2021, "Lee", "")); err != nil {
				return err
			}
			return tx.Delete("c")
		}, 3, nil, nil},
		{"put, delete, put", func(tx *Tx) error {
			for _, r := range []*corpus.Reference{ref("c", "Third", 2021, "Lee", "10.1/c")} {
				if err := tx.Put(r); err != nil {
					return err
				}
				if err := tx.Delete(r.Key); err != nil {
					return err
				}
				if _, err := tx.Get(r.Key); !errors.Is(err, ErrNotFound) {
					return fmt.Errorf("Get after Delete = %v, want ErrNotFound", err)
				}
				if k := tx.KeyByDOI("10.1/c"); k != "" {
					return fmt.Errorf("KeyByDOI after Delete = %q, want none", k)
				}
				if err := tx.Put(r); err != nil {
					return err
				}
				if k := tx.KeyByDOI("10.1/c"); k != "c" {
					return fmt.Errorf("KeyByDOI after Put = %q, want c", k)
				}
			}
			return nil
		}, 4, []string{"c"}, nil},
	}
	for _, st := range steps {
		ch, err := s.Update(st.fn)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if ch.Generation != st.wantGen || !slices.Equal(ch.Put, st.wantPut) || !slices.Equal(ch.Deleted, st.wantDeleted) {
			t.Errorf("%s: changes = %+v, want generation %d, put %q, deleted %q", st.name, ch, st.wantGen, st.wantPut, st.wantDeleted)
		}
		if g, _ := s.Generation(); g != st.wantGen {
			t.Errorf("%s: Generation() = %d, want %d", st.name, g, st.wantGen)
		}
	}
}

func TestTx_IndexesFollowReplaceAndDelete(t *testing.T) {
	s := newStore(t)
	old := ref("a", "Old title", 2019, "Smith", "10.1/old")
	twin := ref("twin", "Old title", 2019, "Smith", "10.1/old")
	oldFP, twinFP := corpus.Fingerprint(old), corpus.Fingerprint(twin)
	if oldFP == "" || oldFP != twinFP {
		t.Fatalf("fingerprints %q and %q, want equal and non-empty", oldFP, twinFP)
	}
	put(t, s, old)
	checkIndexes(t, s)

	replacement := ref("a", "New title", 2021, "Jones", "10.1/new")
	newFP := corpus.Fingerprint(replacement)
	type want struct{ oldDOI, newDOI, oldFP, newFP string }
	look := func(t *testing.T, w want) {
		t.Helper()
		_, err := s.Update(func(tx *Tx) error {
			got := want{tx.KeyByDOI("10.1/old"), tx.KeyByDOI("10.1/new"), tx.KeyByFingerprint(oldFP), tx.KeyByFingerprint(newFP)}
			if got != w {
				t.Errorf("lookups (old DOI, new DOI, old fp, new fp) = %q, want %q", got, w)
			}
			if tx.KeyByDOI("") != "" || tx.KeyByFingerprint("") != "" || tx.KeyByDOI("10.1/ol") != "" {
				t.Error("lookup of an empty or partial value found something")
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		checkIndexes(t, s)
	}
	look(t, want{"a", "", "a", ""})
	put(t, s, replacement)
	look(t, want{"", "a", "", "a"})
	put(t, s, old, twin) // two references share a DOI and a fingerprint
	look(t, want{"a", "", "a", ""})
	// The transaction sees its own deletion before it commits.
	if _, err := s.Update(func(tx *Tx) error {
		if err := tx.Delete("a"); err != nil {
			return err
		}
		if got := tx.KeyByDOI("10.1/old") + " " + tx.KeyByFingerprint(oldFP); got != "twin twin" {
			t.Errorf("lookups in the deleting transaction = %q, want twin twin", got)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	look(t, want{"twin", "", "twin", ""})
	if _, err := s.Update(func(tx *Tx) error { return tx.Delete("twin") }); err != nil {
		t.Fatal(err)
	}
	look(t, want{"", "", "", ""})
}

func TestTx_PutRejectsBadKeys(t *testing.T) {
	s := newStore(t)
	for _, key := range []string{"", "a\x00b", strings.Repeat("k", maxKeyLen+1)} {
		_, err := s.Update(func(tx *Tx) error { return tx.Put(ref(key, "T", 2020, "Smith", "")) })
		if err == nil {
			t.Errorf("Put(key %.20q) succeeded, want error", key)
		}
	}
	if n, _ := s.Count(); n != 0 {
		t.Errorf("Count() = %d after rejected puts, want 0", n)
	}
}

func TestEach_KeyOrderAndStop(t *testing.T) {
	s := newStore(t)
	put(t, s, ref("c", "C", 2020, "X", ""), ref("a", "A", 2020, "X", ""), ref("b", "B", 2020, "X", ""))
	if got := keys(t, s); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("Each keys = %q, want [a b c]", got)
	}
	stop := errors.New("stop")
	var seen []string
	err := s.Each(func(r *corpus.Reference) error {
		seen = append(seen, r.Key)
		if r.Key == "b" {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || !slices.Equal(seen, []string{"a", "b"}) {
		t.Errorf("Each = %v after %q, want stop after [a b]", err, seen)
	}
}

// TestUpdate_KillLeavesOldOrNewState kills a writing process at an
// arbitrary moment and checks that the library holds whole transactions only.
func TestUpdate_KillLeavesOldOrNewState(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a writer process")
	}
	for round, wait := range []time.Duration{0, 30 * time.Millisecond, 150 * time.Millisecond} {
		path := filepath.Join(t.TempDir(), "library.db")
		reported := uint64(max(1, killHelper(t, "write", path, wait))) // startHelper read "committed 1"
		s := reopenChecked(t, path, round)
		g, _ := s.Generation()
		n, _ := s.Count()
		t.Logf("round %d: killed after %v; generation %d, %d references", round, wait, g, n)
		if g < reported || n != int(g)*helperBatch {
			t.Errorf("round %d: generation %d (helper reported %d) with %d references, want %d per generation",
				round, g, reported, n, helperBatch)
		}
		checkIndexes(t, s)
		// The library still takes writes after the crash.
		if ch := put(t, s, ref("after", "After the crash", 2024, "Kim", "")); ch.Generation != g+1 {
			t.Errorf("round %d: generation after crash = %d, want %d", round, ch.Generation, g+1)
		}
		s.Close()
	}
}

func BenchmarkEach(b *testing.B) {
	const n = 20_000
	s, err := Open(filepath.Join(b.TempDir(), "library.db"), false)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	refs := synthRefs(n, 0)
	if _, err := s.Update(func(tx *Tx) error {
		_, err := tx.Merge(refs, Keep)
		return err
	}); err != nil {
		b.Fatal(err)
	}
	var size int
	b.ResetTimer()
	for b.Loop() {
		size = 0
		if err := s.Each(func(r *corpus.Reference) error {
			size += len(r.Raw)
			return nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	if size == 0 {
		b.Fatal("Each saw nothing")
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "refs/s")
}

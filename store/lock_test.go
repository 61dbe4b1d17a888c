package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// These tests rely on flock locks belonging to an open file, not to a
// process, as they do on Linux and the BSDs: two Stores in one process
// exclude each other as two processes do. The tests with helper processes
// check the real thing.

func skipWithoutLocks(t *testing.T) {
	t.Helper()
	if !lockSupported {
		t.Skip("evident's own locks need flock(2); here bbolt's lock alone keeps readers out while a writer is open")
	}
}

func TestOpen_WriterBlocksWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	held, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := open(path, false, 200*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Fatalf("second writer: error = %v, want ErrLocked", err)
	}
	held.Close()
	again, err := open(path, false, 200*time.Millisecond)
	if err != nil {
		t.Fatalf("writer after the first closed: %v", err)
	}
	again.Close()
}

// TestOpen_ReaderBesideWriter: a reader opens and reads while a writer has
// the library open, and sees its commits once it opens again.
func TestOpen_ReaderBesideWriter(t *testing.T) {
	skipWithoutLocks(t)
	path := filepath.Join(t.TempDir(), "library.db")
	w, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	put(t, w, ref("a", "First", 2019, "Smith", ""))

	r, err := open(path, true, 200*time.Millisecond)
	if err != nil {
		t.Fatalf("reader while a writer is open: %v", err)
	}
	if got := keys(t, r); len(got) != 1 {
		t.Errorf("reader sees %v, want [a]", got)
	}
	r.Close()

	put(t, w, ref("b", "Second", 2020, "Jones", ""))
	r, err = open(path, true, 200*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := keys(t, r); len(got) != 2 {
		t.Errorf("reader after the second commit sees %v, want [a b]", got)
	}
	// The writer still reads while a reader is open.
	if n, err := w.Count(); err != nil || n != 2 {
		t.Errorf("writer Count with a reader open = %d, %v", n, err)
	}
}

// TestUpdate_WaitsForOpenReaders: a commit never happens under an open
// reader, whose pages it could reuse; it happens once the reader closes.
func TestUpdate_WaitsForOpenReaders(t *testing.T) {
	skipWithoutLocks(t)
	path := filepath.Join(t.TempDir(), "library.db")
	w, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	put(t, w, ref("a", "First", 2019, "Smith", ""))
	r, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := w.Update(func(tx *Tx) error { return tx.Put(ref("b", "Second", 2020, "Jones", "")) })
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("commit went ahead under an open reader (err %v)", err)
	case <-time.After(300 * time.Millisecond):
	}
	if got := keys(t, r); len(got) != 1 {
		t.Errorf("open reader sees %v, want its own state [a]", got)
	}
	r.Close()
	if err := <-done; err != nil {
		t.Fatalf("commit after the reader closed: %v", err)
	}
}

// TestOpen_ReaderWaitsForCommit: a reader that comes while a transaction
// is being written waits for it and then sees it whole.
func TestOpen_ReaderWaitsForCommit(t *testing.T) {
	skipWithoutLocks(t)
	path := filepath.Join(t.TempDir(), "library.db")
	w, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	inside, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		_, err := w.Update(func(tx *Tx) error {
			close(inside)
			<-release
			return tx.Put(ref("a", "First", 2019, "Smith", ""))
		})
		done <- err
	}()
	<-inside
	if _, err := open(path, true, 100*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("reader during a commit with a short wait: error = %v, want ErrLocked", err)
	}
	opened := make(chan *Store, 1)
	go func() {
		r, err := open(path, true, time.Minute)
		if err != nil {
			t.Error(err)
		}
		opened <- r
	}()
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	r := <-opened
	if r == nil {
		return
	}
	defer r.Close()
	if got := keys(t, r); len(got) != 1 {
		t.Errorf("reader that waited sees %v, want [a]", got)
	}
}

// TestUpdate_NotStarvedByReaders: readers that keep overlapping, so that
// one or another always holds the store's lock, do not keep a writer from
// committing: the gate stops new readers while it waits.
func TestUpdate_NotStarvedByReaders(t *testing.T) {
	skipWithoutLocks(t)
	path := filepath.Join(t.TempDir(), "library.db")
	w, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var stop atomic.Bool
	var wg sync.WaitGroup
	var reads atomic.Int64
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				r, err := Open(path, true)
				if err != nil {
					t.Error(err)
					return
				}
				if _, err := r.Count(); err != nil {
					t.Error(err)
				}
				time.Sleep(time.Millisecond) // hold the lock a while
				r.Close()
				reads.Add(1)
			}
		}()
	}
	for reads.Load() < 40 {
		time.Sleep(time.Millisecond) // let the readers get going
	}
	before := reads.Load()
	for i := range 20 {
		put(t, w, ref(fmt.Sprintf("k%02d", i), fmt.Sprintf("Title %d", i), 2000+i, "Smith", ""))
	}
	during := reads.Load() - before
	stop.Store(true)
	wg.Wait()
	t.Logf("20 commits beside %d reads", during)
}

// TestOpen_ReadersSeeWholeCommitsOfAnotherProcess opens readers again and
// again while another process commits as fast as it can: every reader sees
// whole transactions (helperBatch references each) and a file that passes
// bbolt's own check. A reader left open across two commits could see pages
// the second one reused; the locks must make that impossible.
func TestOpen_ReadersSeeWholeCommitsOfAnotherProcess(t *testing.T) {
	skipWithoutLocks(t)
	if testing.Short() {
		t.Skip("runs a writer process")
	}
	path := filepath.Join(t.TempDir(), "library.db")
	cmd, _, _ := startHelper(t, "write", path)
	for i := range 40 {
		r, err := Open(path, true)
		if err != nil {
			t.Fatalf("reader %d: %v", i, err)
		}
		n, err := r.Count()
		if err != nil {
			t.Fatalf("reader %d: %v", i, err)
		}
		if n%helperBatch != 0 {
			t.Errorf("reader %d sees %d references, not a whole number of transactions of %d", i, n, helperBatch)
		}
		if err := r.view("check", func(_ *shield, btx *bolt.Tx) error {
			for err := range btx.Check() {
				t.Errorf("reader %d: bbolt check: %v", i, err)
			}
			return nil
		}); err != nil {
			t.Fatalf("reader %d: %v", i, err)
		}
		r.Close()
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
}

func TestOpen_LockedByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	cmd, stdin, _ := startHelper(t, "hold", path)
	if _, err := open(path, false, 200*time.Millisecond); !errors.Is(err, ErrLocked) {
		t.Errorf("writer while another process writes: error = %v, want ErrLocked", err)
	}
	if lockSupported {
		r, err := open(path, true, 200*time.Millisecond)
		if err != nil {
			t.Errorf("reader while another process writes: %v", err)
		} else {
			r.Close()
		}
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper: %v", err)
	}
	s, err := open(path, false, 200*time.Millisecond)
	if err != nil {
		t.Fatalf("open after the other process exited: %v", err)
	}
	s.Close()
}

package store

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

func TestRegistryPut_KeepsValuesWithoutChangingTheGeneration(t *testing.T) {
	s := newStore(t)
	put(t, s, ref("a", "A title", 2020, "Kim", ""))
	g0, _ := s.Generation()
	key := "crossref\x00doi:10.1/x"
	if err := s.RegistryPut(map[string][]byte{key: []byte("record"), "pubmed\x00pmid:1": []byte("other")}); err != nil {
		t.Fatal(err)
	}
	v, err := s.RegistryGet(key)
	if err != nil || string(v) != "record" {
		t.Fatalf("RegistryGet = %q, %v", v, err)
	}
	if g, _ := s.Generation(); g != g0 {
		t.Errorf("generation %d after a cache write, want %d: the index does not reflect the cache", g, g0)
	}
	if v, err := s.RegistryGet("crossref\x00doi:10.1/absent"); v != nil || err != nil {
		t.Errorf("absent key: %q, %v", v, err)
	}
	// A nil value deletes.
	if err := s.RegistryPut(map[string][]byte{key: nil}); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.RegistryGet(key); v != nil {
		t.Errorf("deleted key still holds %q", v)
	}
}

func TestRegistryPut_SurvivesReopenAndIsRefusedReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RegistryPut(map[string][]byte{"k": []byte("v")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r, err := Open(path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if v, err := r.RegistryGet("k"); string(v) != "v" || err != nil {
		t.Errorf("after reopening: %q, %v", v, err)
	}
	if err := r.RegistryPut(map[string][]byte{"k": []byte("w")}); err == nil {
		t.Error("a read-only library took a cache write")
	}
}

// helperCache writes registry cache batches of helperBatch values until it
// is killed, reporting each commit.
func helperCache(path string) int {
	s, err := Open(path, false)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	for round := 1; ; round++ {
		batch := map[string][]byte{}
		for i := range helperBatch {
			batch[fmt.Sprintf("crossref\x00doi:10.1/%d.%d", round, i)] = bytes.Repeat([]byte{byte(round)}, 2000)
		}
		if err := s.RegistryPut(batch); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println("committed", round)
	}
}

// TestRegistryPut_KillKeepsWholeBatches kills a process writing the cache
// and checks that every batch it reported is there, whole, and nothing
// half-written.
func TestRegistryPut_KillKeepsWholeBatches(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills a writer process")
	}
	for round, wait := range []time.Duration{0, 50 * time.Millisecond} {
		path := filepath.Join(t.TempDir(), "library.db")
		cmd, _, lines := startHelper(t, "cache", path)
		time.Sleep(wait)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		_ = cmd.Wait()
		reported := 1
		for lines.Scan() {
			fmt.Sscanf(lines.Text(), "committed %d", &reported)
		}
		s, err := Open(path, false)
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		n := 0
		if err := s.db.View(func(btx *bolt.Tx) error {
			for err := range btx.Check() {
				t.Errorf("round %d: bbolt check: %v", round, err)
			}
			n = btx.Bucket(bucketRegistry).Stats().KeyN
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if n%helperBatch != 0 || n < reported*helperBatch {
			t.Errorf("round %d: %d cached values after the helper reported %d batches of %d", round, n, reported, helperBatch)
		}
		t.Logf("round %d: killed after %v; %d batches kept", round, wait, n/helperBatch)
		s.Close()
	}
}

package main

import (
	"context"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/store"
)

// TestOpen_Schema5LibrarySaysItsTextsWereKept: the first writer to open a
// library of schema 5 builds every work's text once, and says so as it
// says the other upgrades; search then finds the work's sentences.
func TestOpen_Schema5LibrarySaysItsTextsWereKept(t *testing.T) {
	a, out, errOut := exitApp(t)
	dir := t.TempDir()
	bib := writeIn(t, dir, "a.bib", "@article{smith2019, author={Smith, Ann}, title={Sleep and memory}, journal={J Sleep}, year={2019},\n"+
		"  abstract={Adults who slept six hours remembered less of the word lists.}}\n")
	if code := a.Execute(context.Background(), []string{"import", bib}); code != exitOK {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	// Back to schema 5, as an older evident left it: no texts bucket.
	rewindLibrary(t, a, 5, "texts")

	out.Reset()
	errOut.Reset()
	if code := a.Execute(context.Background(), []string{"import", bib}); code != exitOK {
		t.Fatalf("import after the downgrade: exit %d: %s", code, errOut)
	}
	want := fmt.Sprintf("evident: upgraded the library from schema 5 to %d: kept the text of 1 work, split into sentences", store.SchemaVersion)
	if !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	out.Reset()
	if code := a.Execute(context.Background(), []string{"search", "--type", "passage", "remembered"}); code != exitOK || !strings.Contains(out.String(), "smith2019, abstract sentence 1") {
		t.Errorf("search after the upgrade: exit %d, %q", code, out)
	}
}

// rewindLibrary makes the library of a look as an evident of schema
// version left it: the buckets gone were not there yet.
func rewindLibrary(t *testing.T, a *App, version uint64, gone ...string) {
	t.Helper()
	db, err := bolt.Open(filepath.Join(a.Getenv("EVIDENT_LIBRARY"), store.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(btx *bolt.Tx) error {
		for _, name := range gone {
			if err := btx.DeleteBucket([]byte(name)); err != nil {
				return err
			}
		}
		return btx.Bucket([]byte("meta")).Put([]byte("schema"), binary.BigEndian.AppendUint64(nil, version))
	}); err != nil {
		t.Fatal(err)
	}
}

// TestOpen_Schema8LibrarySaysItsIndexesWereRebuilt: the first writer to
// open a library of schema 8 rebuilds its title-word and near-miss
// indexes, and says so; a misspelt key still gets its "did you mean".
func TestOpen_Schema8LibrarySaysItsIndexesWereRebuilt(t *testing.T) {
	a, out, errOut := exitApp(t)
	dir := t.TempDir()
	bib := writeIn(t, dir, "a.bib", "@article{smith2019, author={Smith, Ann}, title={Sleep and memory}, journal={J Sleep}, year={2019}}\n"+
		"@article{jones2020, author={Jones, Bo}, title={Coffee and attention}, journal={J Coffee}, year={2020}}\n")
	if code := a.Execute(context.Background(), []string{"import", bib}); code != exitOK {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	rewindLibrary(t, a, 8)

	errOut.Reset()
	if code := a.Execute(context.Background(), []string{"import", bib}); code != exitOK {
		t.Fatalf("import after the downgrade: exit %d: %s", code, errOut)
	}
	want := "evident: upgraded the library from schema 8 to 9; rebuilt the title-word and near-miss indexes (4 keys and names)"
	if !strings.Contains(errOut.String(), want) {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	art := writeIn(t, dir, "a.md", "# Sleep\n\nAdults who sleep six hours remember less [@smith2091].\n")
	out.Reset()
	if code := a.Execute(context.Background(), []string{"check", art}); code != exitFindings || !strings.Contains(out.String(), "did you mean smith2019?") {
		t.Errorf("check after the upgrade: exit %d, %q; want a finding with did you mean smith2019?", code, out)
	}
}

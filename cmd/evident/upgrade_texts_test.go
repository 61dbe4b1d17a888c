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
	db, err := bolt.Open(filepath.Join(a.Getenv("EVIDENT_LIBRARY"), store.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(btx *bolt.Tx) error {
		if err := btx.DeleteBucket([]byte("texts")); err != nil {
			return err
		}
		return btx.Bucket([]byte("meta")).Put([]byte("schema"), binary.BigEndian.AppendUint64(nil, 5))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()

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

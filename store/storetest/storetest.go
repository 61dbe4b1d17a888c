// Package storetest makes libraries for the tests and benchmarks of the
// packages that read one (index, pipeline); it is no part of evident.
package storetest

import (
	"path/filepath"
	"testing"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/store"
)

// Filled returns a new library in a temporary directory holding refs,
// put in one transaction as an import puts them (texts and all), and
// closed when the test ends.
func Filled(tb testing.TB, refs []*corpus.Reference) *store.Store {
	tb.Helper()
	st, err := store.Open(filepath.Join(tb.TempDir(), "lib.db"), false)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = st.Close() })
	if _, err := st.Update(func(tx *store.Tx) error {
		for _, r := range refs {
			if err := tx.Put(r); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		tb.Fatal(err)
	}
	return st
}

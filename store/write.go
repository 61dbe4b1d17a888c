package store

import (
	"errors"
	"fmt"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// write runs fn in one bbolt write transaction under the store's locks and
// the shield, and commits when fn reports that it changed something; an
// error (or a panic) in fn writes nothing. It is the one place that
// commits: Update (references and articles) and the buckets written
// whole, such as the retraction database, go through it, so that every
// write waits for readers, refuses a damaged file and survives kill -9
// alike (bbolt writes the header page last).
func (s *Store) write(fn func(sh *shield, btx *bolt.Tx) (commit bool, err error)) error {
	if s.readOnly {
		return fmt.Errorf("update library %s: opened read-only", s.path)
	}
	if s.broken.Load() {
		// Writing would reuse pages that salvage may still need.
		return &DamagedError{Path: s.path, Detail: "a damaged page was found; nothing will be written to it"}
	}
	release, err := s.lockForCommit()
	if err != nil {
		return err
	}
	defer release()
	sh := &shield{path: s.path}
	err = sh.do("write", func() error {
		btx, err := s.db.Begin(true)
		if err != nil {
			return fmt.Errorf("update library %s: %w", s.path, err)
		}
		// Rolls back on an error or a panic in fn; does nothing after Commit.
		defer func() { _ = btx.Rollback() }()
		commit, err := fn(sh, btx)
		if err != nil || !commit {
			// Nothing to commit: rolling back spares a write and an fsync.
			return err
		}
		txid := uint64(btx.ID())
		if err := btx.Commit(); err != nil {
			// bbolt writes the header page last, so a commit that fails
			// (a full disk, an I/O error) leaves the file as it was.
			full := ""
			if errors.Is(err, syscall.ENOSPC) {
				full = "the disk is full: "
			}
			return fmt.Errorf("update library %s: %s%w; nothing was written, the library is as it was", s.path, full, err)
		}
		s.txid = txid
		return nil
	})
	if errors.Is(err, ErrDamaged) {
		s.broken.Store(true)
	}
	return err
}

package store

import (
	"bytes"
	"errors"
	"fmt"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// The registry bucket keeps what the scholarly registries answered (package
// verify's cache) as opaque values under keys "service\x00kind:id". The store
// neither reads nor judges them. It is a cache, not the library: writing it
// does not change the generation (the search index does not reflect it),
// and a reader of an older library, which has no such bucket, finds
// nothing in it.

// RegistryGet returns the value cached under key, or nil when there is
// none.
func (s *Store) RegistryGet(key string) ([]byte, error) {
	var v []byte
	err := s.view("read the registry cache", func(_ *shield, btx *bolt.Tx) error {
		if b := btx.Bucket(bucketRegistry); b != nil {
			v = bytes.Clone(b.Get([]byte(key)))
		}
		return nil
	})
	return v, err
}

// RegistryPut writes values to the registry cache in one transaction (a
// nil value deletes its key). Like every write it is all or nothing and
// survives a crash once it returns; verify calls it in batches as records
// arrive, so an interrupted run keeps what it fetched.
func (s *Store) RegistryPut(values map[string][]byte) error {
	if len(values) == 0 {
		return nil
	}
	if s.readOnly {
		return fmt.Errorf("write the registry cache of %s: opened read-only", s.path)
	}
	if s.broken.Load() {
		return &DamagedError{Path: s.path, Detail: "a damaged page was found; nothing will be written to it"}
	}
	for k := range values {
		if k == "" || len(k) > maxIndexLen {
			return fmt.Errorf("write the registry cache: a key of %d bytes", len(k))
		}
	}
	release, err := s.lockForCommit()
	if err != nil {
		return err
	}
	defer release()
	sh := &shield{path: s.path}
	err = sh.do("write the registry cache", func() error {
		btx, err := s.db.Begin(true)
		if err != nil {
			return fmt.Errorf("write the registry cache of %s: %w", s.path, err)
		}
		defer func() { _ = btx.Rollback() }()
		b := btx.Bucket(bucketRegistry)
		if b == nil {
			return fmt.Errorf("write the registry cache of %s: the library has no registry bucket", s.path)
		}
		if _, _, err := flushBucket(b, values); err != nil {
			return fmt.Errorf("write the registry cache of %s: %w", s.path, err)
		}
		txid := uint64(btx.ID())
		if err := btx.Commit(); err != nil {
			full := ""
			if errors.Is(err, syscall.ENOSPC) {
				full = "the disk is full: "
			}
			return fmt.Errorf("write the registry cache of %s: %s%w", s.path, full, err)
		}
		s.txid = txid
		return nil
	})
	if errors.Is(err, ErrDamaged) {
		s.broken.Store(true)
	}
	return err
}

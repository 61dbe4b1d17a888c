package store

import (
	"bytes"
	"fmt"

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
	for k := range values {
		if k == "" || len(k) > maxIndexLen {
			return fmt.Errorf("write the registry cache: a key of %d bytes", len(k))
		}
	}
	return s.write(func(_ *shield, btx *bolt.Tx) (bool, error) {
		b := btx.Bucket(bucketRegistry)
		if b == nil {
			return false, fmt.Errorf("write the registry cache of %s: the library has no registry bucket", s.path)
		}
		put, deleted, err := flushBucket(b, values)
		if err != nil {
			return false, fmt.Errorf("write the registry cache of %s: %w", s.path, err)
		}
		return len(put)+len(deleted) > 0, nil
	})
}

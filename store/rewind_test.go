package store

import (
	"testing"

	bolt "go.etcd.io/bbolt"
)

// rewind makes s look as an older evident left it: the buckets that
// version did not have are gone, more (when not nil) changes what else
// differed, and the recorded schema is version. The upgrade tests open it
// again to see the next writer bring it up to date.
func rewind(t *testing.T, s *Store, version uint64, more func(btx *bolt.Tx) error, gone ...[]byte) {
	t.Helper()
	if err := s.db.Update(func(btx *bolt.Tx) error {
		for _, name := range gone {
			if err := btx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if more != nil {
			if err := more(btx); err != nil {
				return err
			}
		}
		return putUint(btx.Bucket(bucketMeta), metaSchema, version)
	}); err != nil {
		t.Fatal(err)
	}
}

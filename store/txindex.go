package store

import (
	"fmt"
	"slices"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// RefIndex returns the library's resolution index as this transaction
// sees it, for re-checking articles inside the transaction that changed
// their references (pipeline.Recheck) the way a check resolves: through
// the indexes, decoding only the references a citation may name. The
// references staged so far are written to bbolt first, with their index
// entries: the write is not committed, so the transaction stays all or
// nothing, and bbolt reads its own uncommitted writes. The index is valid
// until the transaction ends, and sees the references staged later only
// if RefIndex is called again.
func (tx *Tx) RefIndex() (*RefIndex, error) {
	if err := tx.sh.do("index the staged references", tx.flushRefs); err != nil {
		return nil, tx.fail(err)
	}
	// A write transaction must not be read from two goroutines at once:
	// bbolt caches the buckets it opens in a map.
	var mu sync.Mutex
	read := func(op string, fn func(btx *bolt.Tx) error) error {
		mu.Lock()
		defer mu.Unlock()
		return tx.fail(tx.sh.do(op, func() error { return fn(tx.btx) }))
	}
	return &RefIndex{path: tx.sh.path, read: read, n: int(getCount(tx.termCount, countRefs))}, nil
}

// flushRefs writes the staged references to bbolt in key order, with their
// resolution, DOI, fingerprint and alias entries, and adds the keys that
// really changed to tx.put and tx.deleted. The staged texts, articles and
// review marks stay staged until flush.
func (tx *Tx) flushRefs() error {
	if len(tx.staged) == 0 && len(tx.stagedAlias) == 0 {
		return nil
	}
	refs := refDelta(tx.refs, tx.staged)
	put, deleted, err := flushBucket(tx.refs, tx.staged)
	if err != nil {
		return err
	}
	tx.staged = make(map[string][]byte)
	tx.put, tx.deleted = mergeKeys(tx.put, put, deleted), mergeKeys(tx.deleted, deleted, put)
	if err := tx.flushTerms(refs); err != nil {
		return fmt.Errorf("resolution index: %w", err)
	}
	if err := tx.doi.flush(); err != nil {
		return fmt.Errorf("DOI index: %w", err)
	}
	if err := tx.fp.flush(); err != nil {
		return fmt.Errorf("fingerprint index: %w", err)
	}
	if _, _, err := flushBucket(tx.alias, tx.stagedAlias); err != nil {
		return fmt.Errorf("alias index: %w", err)
	}
	tx.stagedAlias = make(map[string][]byte)
	return nil
}

// mergeKeys returns the keys of before that are not in undone, with those
// of added: what a key list (put, say) holds after a second flush that
// added some keys to it and undid others (deleted them). A reference put
// by one flush and put back as it was by the next counts as put. All
// three are in key order, and so is the result.
func mergeKeys(before, added, undone []string) []string {
	var out []string
	for _, k := range before {
		if _, gone := slices.BinarySearch(undone, k); !gone {
			out = append(out, k)
		}
	}
	out = append(out, added...)
	slices.Sort(out)
	return slices.Compact(out)
}

// ChangedKeys returns the keys of the references this transaction has put
// or deleted so far, in key order, leaving out those put back as they were:
// what Changes.Put and Changes.Deleted will hold after the commit.
func (tx *Tx) ChangedKeys() []string {
	keys, err := changed(tx.sh, tx.refs, tx.staged)
	tx.fail(err)
	keys = append(keys, tx.put...)
	keys = append(keys, tx.deleted...)
	slices.Sort(keys)
	return slices.Compact(keys)
}

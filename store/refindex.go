package store

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/resolve"
)

// RefIndex looks the library's references up through its resolution
// indexes (resolve.Index): a check reads the references its citations
// could name, never the whole library. Each lookup of a Store's index is a
// read transaction of its own; a Tx's (Tx.RefIndex) reads that write
// transaction.
type RefIndex struct {
	path string
	// read runs fn on a bbolt transaction under the shield.
	read func(op string, fn func(btx *bolt.Tx) error) error
	n    int
	// decoded counts the references Get decodes, for Store.Decoded; nil
	// for an index read inside a write transaction.
	decoded *atomic.Int64

	mu  sync.Mutex
	err error
}

// RefIndex returns the library's resolution index, or nil when the library
// has none: one written by an evident before schema 9 and opened
// read-only, which the next writer upgrades (the caller then reads the
// references whole, as before).
func (s *Store) RefIndex() (*RefIndex, error) {
	var ok bool
	n := 0
	err := s.view("open the resolution index", func(_ *shield, btx *bolt.Tx) error {
		tc := btx.Bucket(bucketTermCount)
		// The words bucket came last (schema 9), with the near-miss
		// index's present form.
		ok = tc != nil && btx.Bucket(bucketTerms) != nil && btx.Bucket(bucketNear) != nil && btx.Bucket(bucketWords) != nil
		if ok {
			n = int(getCount(tc, countRefs))
		}
		return nil
	})
	if err != nil || !ok {
		return nil, err
	}
	read := func(op string, fn func(btx *bolt.Tx) error) error {
		return s.view(op, func(_ *shield, btx *bolt.Tx) error { return fn(btx) })
	}
	return &RefIndex{path: s.path, read: read, n: n, decoded: &s.decoded}, nil
}

// Len is the number of references.
func (x *RefIndex) Len() int { return x.n }

// Err is the first error a lookup met.
func (x *RefIndex) Err() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.err
}

func (x *RefIndex) view(op string, fn func(btx *bolt.Tx) error) {
	if err := x.read(op, fn); err != nil {
		x.mu.Lock()
		if x.err == nil {
			x.err = err
		}
		x.mu.Unlock()
	}
}

// Keys returns the keys of the references indexed under value in f, in
// key order, the first limit when limit > 0.
func (x *RefIndex) Keys(f resolve.Field, value string, limit int) []string {
	if value == "" {
		return nil
	}
	var out []string
	x.view("look up references", func(btx *bolt.Tx) error {
		switch f {
		case resolve.FieldKey:
			if btx.Bucket(bucketRefs).Get([]byte(value)) != nil {
				out = []string{value}
			}
			return nil
		case resolve.FieldAlias:
			if k := btx.Bucket(bucketAlias).Get([]byte(value)); k != nil {
				out = []string{string(k)}
			}
			return nil
		case resolve.FieldWord:
			eachPosting(btx.Bucket(bucketWords), []byte(wordPosting(value)), func(k string) bool {
				out = append(out, k)
				return limit <= 0 || len(out) < limit
			})
			return nil
		}
		prefix := []byte(termKey(f, value))
		allYears := f == resolve.FieldFirst && !strings.Contains(value, "\x1f")
		if allYears {
			prefix = append(prefix, 0x1f)
		} else {
			prefix = append(prefix, 0)
		}
		c := btx.Bucket(bucketTerms).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			key := k[len(prefix):]
			if allYears {
				// "year\x00key": the years come in their own order.
				key = key[bytes.IndexByte(key, 0)+1:]
			}
			out = append(out, string(key))
			if limit > 0 && len(out) >= limit && !allYears {
				break
			}
		}
		if allYears {
			slices.Sort(out)
			out = slices.Compact(out)
			if limit > 0 && len(out) > limit {
				out = out[:limit]
			}
		}
		return nil
	})
	return out
}

// Count is len(Keys(f, value, 0)); for title words it reads a count.
func (x *RefIndex) Count(f resolve.Field, value string) int {
	if f != resolve.FieldWord {
		return len(x.Keys(f, value, 0))
	}
	n := 0
	x.view("count references", func(btx *bolt.Tx) error {
		n = int(getCount(btx.Bucket(bucketTermCount), countKey(kindWord, f, value)))
		return nil
	})
	return n
}

// Has reports for each of keys whether its reference is indexed under
// value in f (a term of bucketTerms; not FieldKey or FieldAlias), in one
// read transaction.
func (x *RefIndex) Has(f resolve.Field, value string, keys []string) []bool {
	out := make([]bool, len(keys))
	x.view("look up references", func(btx *bolt.Tx) error {
		b := btx.Bucket(bucketTerms)
		k := append([]byte(termKey(f, value)), 0)
		n := len(k)
		for i, key := range keys {
			k = append(k[:n], key...)
			out[i] = b.Get(k) != nil
		}
		return nil
	})
	return out
}

// Get returns the reference stored under key, or nil.
func (x *RefIndex) Get(key string) *corpus.Reference {
	var r *corpus.Reference
	x.view("read reference "+key, func(btx *bolt.Tx) error {
		v := btx.Bucket(bucketRefs).Get([]byte(key))
		if v == nil {
			return nil
		}
		var err error
		if x.decoded != nil {
			x.decoded.Add(1)
		}
		r, err = decode(x.path, []byte(key), v)
		return err
	})
	return r
}

// decode reads a stored reference of s, counting it (Decoded).
func (s *Store) decode(k, v []byte) (*corpus.Reference, error) {
	s.decoded.Add(1)
	return decode(s.path, k, v)
}

// Decoded is how many references s has decoded since it was opened (Get,
// Find, Each, RefIndex.Get): tests and benchmarks use it to show that a
// command reads the references its citations could name, not the library.
func (s *Store) Decoded() int64 { return s.decoded.Load() }

// Near returns the keys in lower case (FieldFold) or first-author names
// (FieldFirst) that may lie within maxEdits edits of value.
func (x *RefIndex) Near(f resolve.Field, value string, maxEdits int) []string {
	var out []string
	x.view("look up near values", func(btx *bolt.Tx) error {
		out = nearValues(btx, f, value, maxEdits)
		return nil
	})
	return out
}

// KeyByFingerprint returns the first key in key order of a reference whose
// corpus.Fingerprint is fp, or "".
func (x *RefIndex) KeyByFingerprint(fp string) string {
	var k string
	x.view("look up a fingerprint", func(btx *bolt.Tx) error {
		ix := index{b: btx.Bucket(bucketFP)}
		if indexable(fp) {
			k = ix.lookupIn(fp)
		}
		return nil
	})
	return k
}

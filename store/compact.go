package store

import (
	"bytes"
	"sync"

	"github.com/golang/snappy"
	bolt "go.etcd.io/bbolt"
)

// fillPercent is how full a transaction packs the pages it splits. bbolt's
// default, one half, suits keys put in random order; the store puts its
// staged writes in key order (Tx.flush), where one half leaves every page
// half empty: a first import of 100,000 references made a 497 MB file of
// which 240 MB was in use, and bbolt holds every dirty page in memory
// until the commit. A page left 90% full still takes a few later keys
// before it splits again.
const fillPercent = 0.9

// packed returns b with the fill percent of the store's writes.
func packed(b *bolt.Bucket) *bolt.Bucket {
	if b != nil {
		b.FillPercent = fillPercent
	}
	return b
}

// scratch holds buffers for compressing values.
var scratch = sync.Pool{New: func() any { return new([]byte) }}

// compress returns src compressed with snappy, in a slice of its own
// length. snappy.Encode(nil, src) returns a slice of the worst case's
// capacity, about 1.2 times src, where the value is typically half src:
// kept staged until the commit, 100,000 references held 260 MB that way
// instead of about 100.
func compress(src []byte) []byte {
	p := scratch.Get().(*[]byte)
	if n := snappy.MaxEncodedLen(len(src)); cap(*p) < n {
		*p = make([]byte, n)
	}
	out := bytes.Clone(snappy.Encode((*p)[:cap(*p)], src))
	scratch.Put(p)
	return out
}

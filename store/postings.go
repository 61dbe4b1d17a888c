package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// A posting list of the near-miss index (schema 9) is the sorted set of
// values under one prefix (a gram of a field, or a length): chunks of up to
// maxChunk bytes, each a bbolt entry keyed by the prefix and the chunk's
// first value, its value the chunk's values one after the other, each a
// uvarint length and the bytes. A value comes or goes by rewriting the one
// chunk it falls in; a first import writes each list whole, in key order.
// Written by hand: bbolt keeps sorted keys, not sets under a key.

// maxChunk bounds a chunk's encoded size: four chunks with their keys and
// bbolt's headers fit the 90% of a 4 KiB page that the store fills
// (fillPercent).
const maxChunk = 850

// postingOp adds v to a posting list, or removes it (add false).
type postingOp struct {
	v   string
	add bool
}

// applyPostings stages in writes (chunk key to value, nil to delete) what
// ops (at most one per value of a list) make of the lists in b, and calls
// changed (when not nil) for each op that changes its list: a value added
// that was not there, or removed that was. The caller writes them in key
// order (flushBucket): bbolt shifts every later entry of a node for a
// key put before them, which made writing the lists one after the other
// (the lengths' first) take seconds.
func applyPostings(b *bolt.Bucket, ops map[string][]postingOp, writes map[string][]byte, changed func(p string, o postingOp)) error {
	for _, p := range slices.Sorted(maps.Keys(ops)) {
		list := ops[p]
		slices.SortFunc(list, func(a, b postingOp) int { return strings.Compare(a.v, b.v) })
		if err := applyPosting(b, []byte(p), list, writes, changed); err != nil {
			return err
		}
	}
	return nil
}

// applyPosting stages what ops, sorted by value, make of the posting list
// p, a chunk at a time: the chunk where the first op falls takes every op
// before the next chunk's first value. Each chunk is read once, from b,
// so the staged writes need not be in b yet.
func applyPosting(b *bolt.Bucket, p []byte, ops []postingOp, writes map[string][]byte, changed func(p string, o postingOp)) error {
	for i := 0; i < len(ops); {
		ck, cv, next := chunkOf(b, p, ops[i].v)
		vals, ok := decodeChunk(cv)
		if !ok {
			return fmt.Errorf("posting list %q: chunk %q is damaged", p, ck)
		}
		j := i
		for j < len(ops) && (next == nil || ops[j].v < string(next)) {
			j++
		}
		vals = mergeOps(vals, ops[i:j], func(o postingOp) {
			if changed != nil {
				changed(string(p), o)
			}
		})
		if ck != nil {
			writes[string(ck)] = nil
		}
		putChunks(writes, p, vals)
		i = j
	}
	return nil
}

// chunkOf returns the chunk of list p that v falls in (its key and value,
// copied: a write may move bbolt's memory), and the first value of the
// chunk after it, nil when it is the last. The chunk is the last whose first
// value is not after v, else the first; nil when the list is empty.
func chunkOf(b *bolt.Bucket, p []byte, v string) (key, val, next []byte) {
	c := b.Cursor()
	seek := append(slices.Clip(p), v...)
	k, cv := c.Seek(seek)
	if k == nil || !bytes.Equal(k, seek) {
		var pk, pv []byte
		if k == nil {
			pk, pv = c.Last()
		} else {
			pk, pv = c.Prev()
		}
		switch {
		case pk != nil && bytes.HasPrefix(pk, p):
			k, cv = pk, pv
		case k != nil && bytes.HasPrefix(k, p):
			// Before the first chunk.
			k, cv = c.Seek(seek)
		default:
			return nil, nil, nil
		}
	}
	key, val = bytes.Clone(k), bytes.Clone(cv)
	if nk, _ := c.Next(); nk != nil && bytes.HasPrefix(nk, p) {
		next = bytes.Clone(nk[len(p):])
	}
	return key, val, next
}

// mergeOps applies ops, sorted, to the sorted values vals, and calls done
// for each that changed them.
func mergeOps(vals []string, ops []postingOp, done func(postingOp)) []string {
	out := make([]string, 0, len(vals)+len(ops))
	i := 0
	for _, o := range ops {
		for ; i < len(vals) && vals[i] < o.v; i++ {
			out = append(out, vals[i])
		}
		has := i < len(vals) && vals[i] == o.v
		if has {
			i++
		}
		if o.add {
			out = append(out, o.v)
		}
		if has != o.add {
			done(o)
		}
	}
	return append(out, vals[i:]...)
}

// putChunks stages vals as the chunks of list p, of about equal size, as
// few as maxChunk allows.
func putChunks(writes map[string][]byte, p []byte, vals []string) {
	size := 0
	var lenBuf [binary.MaxVarintLen64]byte
	for _, v := range vals {
		size += binary.PutUvarint(lenBuf[:], uint64(len(v))) + len(v)
	}
	n := (size + maxChunk - 1) / maxChunk
	for len(vals) > 0 {
		// What is left, shared by the chunks left to write.
		target := (size + n - 1) / n
		k, csize := 0, 0
		for ; k < len(vals) && (k == 0 || csize+len(vals[k]) < target); k++ {
			csize += binary.PutUvarint(lenBuf[:], uint64(len(vals[k]))) + len(vals[k])
		}
		// Of its own size: it stays staged until the commit.
		chunk := make([]byte, 0, csize)
		for _, v := range vals[:k] {
			chunk = binary.AppendUvarint(chunk, uint64(len(v)))
			chunk = append(chunk, v...)
		}
		writes[string(p)+vals[0]] = chunk
		size -= len(chunk)
		n = max(n-1, 1)
		vals = vals[k:]
	}
}

// decodeChunk reads a chunk's values; false when it does not decode.
func decodeChunk(v []byte) ([]string, bool) {
	var out []string
	for len(v) > 0 {
		n, w := binary.Uvarint(v)
		if w <= 0 || n > uint64(len(v)-w) {
			return out, false
		}
		out = append(out, string(v[w:w+int(n)]))
		v = v[w+int(n):]
	}
	return out, true
}

// eachPosting calls fn for each value of the posting list p, in order,
// while fn returns true. A chunk that does not decode ends its part of
// the list: a look-up finds fewer candidates, as if a reference were
// missing, and never fails on the index.
func eachPosting(b *bolt.Bucket, p []byte, fn func(v string) bool) {
	c := b.Cursor()
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
		vals, _ := decodeChunk(v)
		for _, s := range vals {
			if !fn(s) {
				return
			}
		}
	}
}

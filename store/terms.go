package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/resolve"
)

// The resolution indexes (schema 6). bucketTerms holds every
// resolve.Terms value of every reference as "field value\x00key" (the
// field one byte); bucketTermCount how many references a title word
// (resolve.FieldWord) is indexed under, and how many references the
// library holds; bucketNear the near-miss index of keys and first-author
// names (near.go). Since schema 9 the title words are not in bucketTerms
// but in bucketWords, a posting list of reference keys for each word
// (postings.go): 812,000 entries of 100,000 references' titles become
// 20,000, which bbolt holds in memory until the commit. All four are
// written only by Tx.flush, in the transaction that writes the
// references.
var (
	bucketTerms     = []byte("terms")
	bucketWords     = []byte("words")
	bucketTermCount = []byte("termcount")
	bucketNear      = []byte("near")

	// countRefs is the termcount key of the number of references.
	countRefs = []byte("\xffrefs")
)

// termKey is the terms value of a field and value: the field byte, then
// the value.
func termKey(f resolve.Field, value string) string {
	return string([]byte{byte(f)}) + value
}

// countKey is the termcount key of a term, or of a gram of the near-miss
// index: a kind byte, the field byte, the value.
func countKey(kind byte, f resolve.Field, value string) []byte {
	return append([]byte{kind, byte(f)}, value...)
}

const (
	kindWord = 'w' // a FieldWord term's count
	kindGram = 'g' // a near-miss gram's count
)

// setTerms stages r's terms present or absent in the terms index, its
// title words in the words index.
func (tx *Tx) setTerms(r *corpus.Reference, present bool) {
	for _, t := range resolve.Terms(r) {
		if t.Field == resolve.FieldWord {
			tx.words.set(t.Value, r.Key, present)
			continue
		}
		tx.terms.set(termKey(t.Field, t.Value), r.Key, present)
	}
}

// wordPosting is the posting list of a title word: the word, then NUL.
func wordPosting(w string) string { return w + "\x00" }

// termDelta is what writing the staged terms changed that the counts and
// the near-miss index follow.
type termDelta struct {
	counts map[string]int
	// near holds the (field, value) pairs of FieldFold and FieldFirst
	// names whose last reference may have gone or that may be new.
	near map[nearValue]bool
}

// flushTerms writes the staged terms to bbolt in key order, then the
// counts and the near-miss entries that follow from them, and the change
// in the number of references, refs.
func (tx *Tx) flushTerms(refs int) error {
	d := termDelta{counts: map[string]int{}, near: map[nearValue]bool{}}
	ix := &tx.terms
	for _, e := range ix.sorted() {
		cur := ix.b.Get(e.k) != nil
		if cur == e.present {
			continue
		}
		if err := e.write(ix.b); err != nil {
			return err
		}
		step := 1
		if !e.present {
			step = -1
		}
		f := resolve.Field(e.k[0])
		value := string(e.k[1:bytes.IndexByte(e.k, 0)])
		switch f {
		case resolve.FieldWord:
			// Indexed by a library before schema 9, and not yet upgraded.
			d.counts[string(countKey(kindWord, f, value))] += step
		case resolve.FieldFold:
			d.near[nearValue{f, value}] = true
		case resolve.FieldFirst:
			name, _, _ := strings.Cut(value, "\x1f")
			d.near[nearValue{f, name}] = true
		}
	}
	ix.staged = make(map[string]map[string]bool)
	if err := tx.flushWords(d.counts); err != nil {
		return fmt.Errorf("title word index: %w", err)
	}
	if err := tx.flushNear(d); err != nil {
		return fmt.Errorf("near-miss index: %w", err)
	}
	if refs != 0 {
		d.counts[string(countRefs)] += refs
	}
	return flushCounts(tx.termCount, d.counts)
}

// flushCounts adds deltas to the counts, in key order.
func flushCounts(b *bolt.Bucket, deltas map[string]int) error {
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range deltas {
			if !yield(k) {
				return
			}
		}
	}) {
		n := int64(getCount(b, []byte(k))) + int64(deltas[k])
		var err error
		if n <= 0 {
			err = b.Delete([]byte(k))
		} else {
			err = b.Put([]byte(k), binary.BigEndian.AppendUint32(nil, uint32(n)))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func getCount(b *bolt.Bucket, k []byte) uint32 {
	v := b.Get(k)
	if len(v) != 4 {
		return 0
	}
	return binary.BigEndian.Uint32(v)
}

// refDelta is the change in the number of references that writing staged
// to the refs bucket makes.
func refDelta(b *bolt.Bucket, staged map[string][]byte) int {
	n := 0
	for k, v := range staged {
		cur := b.Get([]byte(k)) != nil
		switch {
		case v != nil && !cur:
			n++
		case v == nil && cur:
			n--
		}
	}
	return n
}

// buildTerms fills the resolution indexes of a library from its
// references (the upgrade to schema 6), a batch at a time so that the
// staged entries of a large library do not all sit in memory at once.
func buildTerms(path string, btx *bolt.Tx, u *Upgrade) error {
	tx := newTx(btx, &shield{path: path})
	c := btx.Bucket(bucketRefs).Cursor()
	n, batch := 0, 0
	for k, v := c.First(); k != nil; k, v = c.Next() {
		r, err := decode(path, k, v)
		if err != nil {
			return err
		}
		tx.setTerms(r, true)
		n++
		if batch++; batch == 20000 {
			// Writing to other buckets leaves the cursor on refs valid.
			if err := tx.flushTerms(batch); err != nil {
				return err
			}
			batch = 0
		}
	}
	if err := tx.flushTerms(batch); err != nil {
		return err
	}
	u.Indexed = n
	return nil
}

// flushWords writes the staged title words' posting lists, and adds to
// counts how many references each word gained or lost.
func (tx *Tx) flushWords(counts map[string]int) error {
	ops := make(map[string][]postingOp, len(tx.words.staged))
	for w, keys := range tx.words.staged {
		list := make([]postingOp, 0, len(keys))
		for k, present := range keys {
			list = append(list, postingOp{k, present})
		}
		ops[wordPosting(w)] = list
	}
	tx.words.staged = make(map[string]map[string]bool)
	writes := map[string][]byte{}
	err := applyPostings(tx.words.b, ops, writes, func(p string, o postingOp) {
		step := 1
		if !o.add {
			step = -1
		}
		counts[string(countKey(kindWord, resolve.FieldWord, p[:len(p)-1]))] += step
	})
	if err != nil {
		return err
	}
	_, _, err = flushBucket(tx.words.b, writes)
	return err
}

// moveWords brings a library up to schema 9: its title words move from
// the terms index to the words index. Their counts stay as they were.
func moveWords(path string, btx *bolt.Tx, u *Upgrade) error {
	tx := newTx(btx, &shield{path: path})
	prefix := []byte{byte(resolve.FieldWord)}
	var old [][]byte
	c := tx.terms.b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		old = append(old, bytes.Clone(k))
		w, key, _ := strings.Cut(string(k[1:]), "\x00")
		tx.words.set(w, key, true)
	}
	// bbolt forbids deleting while a cursor walks the bucket.
	for _, k := range old {
		if err := tx.terms.b.Delete(k); err != nil {
			return err
		}
	}
	return tx.flushWords(map[string]int{})
}

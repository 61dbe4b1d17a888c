package store

import (
	"bytes"
	"slices"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus/resolve"
)

// The near-miss index finds the keys and first-author names one or two
// edits from a citation's ("did you mean smith2019?") without reading
// them all. It is a trigram index, written by hand: bbolt has none, and
// Bleve's fuzzy queries would make resolution wait for the search index,
// which may lag the library. Each distinct value of FieldFold (keys in
// lower case) and each distinct first-author name of FieldFirst has, in
// bucketNear, one entry per distinct gram ("field gram\x00value") and one
// by length ("field \xff length value"). Two strings within k edits share
// at least len+2-3k of the len+2 padded trigrams of either (the q-gram
// lemma), so a value with fewer in common cannot be near; of the grams
// of the query, one of the rarest len+2-T+1 must be shared, so only
// their lists are read (prefix filtering), and the grams are counted in
// bucketTermCount to tell which are rarest.

// nearValue is a value of the near-miss index.
type nearValue struct {
	f resolve.Field
	v string
}

// gramPad pads a value at both ends; no key or folded name contains it.
const gramPad = '\x01'

// grams returns the distinct padded trigrams of s, and how many trigrams
// (repeats counted) s has.
func grams(s string) (distinct []string, n int) {
	rs := make([]rune, 0, len(s)+4)
	rs = append(rs, gramPad, gramPad)
	rs = append(rs, []rune(s)...)
	rs = append(rs, gramPad, gramPad)
	for i := 0; i+3 <= len(rs); i++ {
		g := string(rs[i : i+3])
		n++
		if !slices.Contains(distinct, g) {
			distinct = append(distinct, g)
		}
	}
	return distinct, n
}

func gramKey(f resolve.Field, g, v string) []byte {
	b := make([]byte, 0, 2+len(g)+len(v))
	b = append(b, byte(f))
	b = append(b, g...)
	b = append(b, 0)
	return append(b, v...)
}

// lenKey is a value's entry by its length in runes (at most 255).
func lenKey(f resolve.Field, v string) []byte {
	n := min(utf8.RuneCountInString(v), 255)
	b := append([]byte{byte(f), 0xff, byte(n)}, v...)
	return b
}

// flushNear brings the near-miss entries of the values d touched in step
// with the terms index: present while some reference has the value.
func (tx *Tx) flushNear(d termDelta) error {
	type op struct {
		k   []byte
		put bool
	}
	var ops []op
	for nv := range d.near {
		prefix := []byte{byte(nv.f)}
		prefix = append(prefix, nv.v...)
		if nv.f == resolve.FieldFirst {
			prefix = append(prefix, 0x1f)
		} else {
			prefix = append(prefix, 0)
		}
		k, _ := tx.terms.b.Cursor().Seek(prefix)
		exists := k != nil && bytes.HasPrefix(k, prefix)
		lk := lenKey(nv.f, nv.v)
		if has := tx.near.Get(lk) != nil; has == exists {
			continue
		}
		ops = append(ops, op{lk, exists})
		gs, _ := grams(nv.v)
		step := 1
		if !exists {
			step = -1
		}
		for _, g := range gs {
			ops = append(ops, op{gramKey(nv.f, g, nv.v), exists})
			d.counts[string(countKey(kindGram, nv.f, g))] += step
		}
	}
	slices.SortFunc(ops, func(a, b op) int { return bytes.Compare(a.k, b.k) })
	for _, o := range ops {
		var err error
		if o.put {
			err = tx.near.Put(o.k, nil)
		} else {
			err = tx.near.Delete(o.k)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// nearValues returns the values of f that may lie within maxEdits edits of
// v: every one that does, and some that do not.
func nearValues(btx *bolt.Tx, f resolve.Field, v string, maxEdits int) []string {
	near, counts := btx.Bucket(bucketNear), btx.Bucket(bucketTermCount)
	gs, n := grams(v)
	// The least number of distinct grams a near value shares with v:
	// the lemma's bound, less v's repeated grams, which one shared
	// distinct gram may stand for.
	need := n - 3*maxEdits - (n - len(gs))
	if need <= 0 {
		return byLength(near, f, v, maxEdits)
	}
	slices.SortFunc(gs, func(a, b string) int {
		return int(getCount(counts, countKey(kindGram, f, a))) - int(getCount(counts, countKey(kindGram, f, b)))
	})
	q := newGramSet(gs)
	vn := utf8.RuneCountInString(v)
	seen := map[string]bool{}
	var out []string
	for _, g := range gs[:len(gs)-need+1] {
		prefix := gramKey(f, g, "")
		c := near.Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			cand := k[len(prefix):]
			// A value whose length differs from v's by more than
			// maxEdits cannot be near: in a large library most of a
			// gram's list, and told without building anything.
			if d := utf8.RuneCount(cand) - vn; d > maxEdits || -d > maxEdits {
				continue
			}
			if seen[string(cand)] {
				continue
			}
			s := string(cand)
			seen[s] = true
			if q.shared(cand) >= need {
				out = append(out, s)
			}
		}
	}
	return out
}

// gramSet is the distinct grams of a value looked up, to count those a
// candidate shares without building the candidate's grams as strings
// (nearValues measures thousands of candidates in a large library).
type gramSet struct {
	at  map[[3]rune]int
	hit []bool
	buf []rune
}

func newGramSet(gs []string) *gramSet {
	q := &gramSet{at: make(map[[3]rune]int, len(gs)), hit: make([]bool, len(gs))}
	for i, g := range gs {
		var k [3]rune
		copy(k[:], []rune(g))
		q.at[k] = i
	}
	return q
}

// shared counts the grams of the set that s has, as grams(s) pads and
// cuts it.
func (q *gramSet) shared(s []byte) int {
	clear(q.hit)
	rs := append(q.buf[:0], gramPad, gramPad)
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		rs = append(rs, r)
		s = s[size:]
	}
	rs = append(rs, gramPad, gramPad)
	q.buf = rs
	n := 0
	for i := 0; i+3 <= len(rs); i++ {
		if j, ok := q.at[[3]rune(rs[i:i+3])]; ok && !q.hit[j] {
			q.hit[j] = true
			n++
		}
	}
	return n
}

// byLength returns the values of f whose length is within maxEdits of
// v's: for a value too short for its grams to tell.
func byLength(near *bolt.Bucket, f resolve.Field, v string, maxEdits int) []string {
	n := utf8.RuneCountInString(v)
	var out []string
	c := near.Cursor()
	for l := max(0, n-maxEdits); l <= min(255, n+maxEdits); l++ {
		prefix := []byte{byte(f), 0xff, byte(l)}
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			out = append(out, string(k[len(prefix):]))
		}
	}
	return out
}

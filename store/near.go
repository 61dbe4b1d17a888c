package store

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus/resolve"
)

// The near-miss index finds the keys and first-author names one or two
// edits from a citation's ("did you mean smith2019?") without reading
// them all. It is a trigram index, written by hand: bbolt has none, and
// Bleve's fuzzy queries would make resolution wait for the search index,
// which may lag the library. Each distinct value of FieldFold (keys in
// lower case) and each distinct first-author name of FieldFirst is in
// bucketNear's posting list of each of its distinct grams ("field
// gram\x00") and in that of its length ("field \xff length"): postings.go
// (schema 9; until then one bbolt entry per gram and value, 1.9 million
// entries for 100,000 references, which bbolt held in memory until the
// commit at about 100 bytes each). Two strings within k edits share
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

// gramPosting is the posting list of a gram of f's values.
func gramPosting(f resolve.Field, g string) []byte {
	b := make([]byte, 0, 2+len(g))
	b = append(b, byte(f))
	b = append(b, g...)
	return append(b, 0)
}

// lenPosting is the posting list of f's values of v's length in runes
// (at most 255). A gram is valid UTF-8, which never holds the byte 0xff.
func lenPosting(f resolve.Field, v string) []byte {
	return []byte{byte(f), 0xff, byte(min(utf8.RuneCountInString(v), 255))}
}

// flushNear brings the near-miss entries of the values d touched in step
// with the terms index: present while some reference has the value. The
// length lists tell which values really came or went, and only those
// change the gram lists and counts.
func (tx *Tx) flushNear(d termDelta) error {
	lens := map[string][]postingOp{}
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
		p := string(lenPosting(nv.f, nv.v))
		lens[p] = append(lens[p], postingOp{nv.v, exists})
	}
	gramOps := map[string][]postingOp{}
	writes := map[string][]byte{}
	err := applyPostings(tx.near, lens, writes, func(p string, o postingOp) {
		f := resolve.Field(p[0])
		gs, _ := grams(o.v)
		step := 1
		if !o.add {
			step = -1
		}
		for _, g := range gs {
			gp := string(gramPosting(f, g))
			gramOps[gp] = append(gramOps[gp], o)
			if d.counts != nil {
				d.counts[string(countKey(kindGram, f, g))] += step
			}
		}
	})
	if err != nil {
		return err
	}
	if err := applyPostings(tx.near, gramOps, writes, nil); err != nil {
		return err
	}
	_, _, err = flushBucket(tx.near, writes)
	return err
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
		eachPosting(near, gramPosting(f, g), func(cand string) bool {
			// A value whose length differs from v's by more than
			// maxEdits cannot be near: in a large library most of a
			// gram's list, and told without building anything.
			if d := utf8.RuneCountInString(cand) - vn; d > maxEdits || -d > maxEdits {
				return true
			}
			if !seen[cand] {
				seen[cand] = true
				if q.shared([]byte(cand)) >= need {
					out = append(out, cand)
				}
			}
			return true
		})
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
	for l := max(0, n-maxEdits); l <= min(255, n+maxEdits); l++ {
		eachPosting(near, []byte{byte(f), 0xff, byte(l)}, func(v string) bool {
			out = append(out, v)
			return true
		})
	}
	return out
}

// rebuildNear brings a library up to schema 9: the near-miss index again,
// as posting lists, from the values of the terms index. The gram counts
// in bucketTermCount stay as they were: the grams are the same.
func rebuildNear(path string, btx *bolt.Tx, u *Upgrade) error {
	if err := btx.DeleteBucket(bucketNear); err != nil {
		return err
	}
	near, err := btx.CreateBucket(bucketNear)
	if err != nil {
		return err
	}
	tx := newTx(btx, &shield{path: path})
	tx.near = packed(near)
	d := termDelta{near: map[nearValue]bool{}}
	c := tx.terms.b.Cursor()
	for _, f := range []resolve.Field{resolve.FieldFold, resolve.FieldFirst} {
		prefix := []byte{byte(f)}
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			value := string(k[1:bytes.IndexByte(k, 0)])
			if f == resolve.FieldFirst {
				value, _, _ = strings.Cut(value, "\x1f")
			}
			d.near[nearValue{f, value}] = true
		}
	}
	u.Near = len(d.near)
	return tx.flushNear(d)
}

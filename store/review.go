package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
)

// An editor's marks on the findings of stored articles (evident review)
// live in their own bucket, beside the articles rather than inside them:
// a re-check replaces an article's report, and its marks must outlive
// that. They are keyed "article id\x00finding id", so that an article's
// marks sit together and go with it (DeleteArticle).

// maxFindingIDLen bounds a finding id; real ones are a code and eleven
// characters or so.
const maxFindingIDLen = 256

// PutReview stores m as the mark on the finding m.Finding of the article
// stored under articleID, replacing any mark there.
func (tx *Tx) PutReview(articleID string, m corpus.ReviewMark) error {
	if err := checkID(articleID); err != nil {
		return fmt.Errorf("put review mark: %w", err)
	}
	if err := checkFindingID(m.Finding); err != nil {
		return fmt.Errorf("put review mark on %s: %w", articleID, err)
	}
	v, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("put review mark %s on %s: %w", m.Finding, articleID, err)
	}
	tx.stagedReviews[reviewKey(articleID, m.Finding)] = v
	return nil
}

// DeleteReview removes the mark on the finding findingID of the article
// stored under articleID, or returns an error wrapping ErrNotFound.
func (tx *Tx) DeleteReview(articleID, findingID string) error {
	marks, err := tx.Reviews(articleID)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(marks, func(m corpus.ReviewMark) bool { return m.Finding == findingID }) {
		return fmt.Errorf("review mark %s on %s: %w", findingID, articleID, ErrNotFound)
	}
	tx.stagedReviews[reviewKey(articleID, findingID)] = nil
	return nil
}

// Reviews returns the marks on the findings of the article stored under
// articleID, as this transaction sees them, in finding id order.
func (tx *Tx) Reviews(articleID string) ([]corpus.ReviewMark, error) {
	var out []corpus.ReviewMark
	err := tx.sh.do("read review marks of "+articleID, func() error {
		var err error
		out, err = reviewsIn(tx.sh.path, tx.reviews, tx.stagedReviews, articleID)
		return err
	})
	return out, tx.fail(err)
}

// Reviews returns the marks on the findings of the article stored under
// articleID, in finding id order.
func (s *Store) Reviews(articleID string) ([]corpus.ReviewMark, error) {
	var out []corpus.ReviewMark
	err := s.view("read review marks of "+articleID, func(_ *shield, btx *bolt.Tx) error {
		var err error
		// A library from before schema 5, opened read-only, has no
		// reviews bucket: no marks.
		out, err = reviewsIn(s.path, btx.Bucket(bucketReviews), nil, articleID)
		return err
	})
	return out, err
}

// EachReview calls fn for every mark of the library, in article id and
// then finding id order, and stops at the first error, which it returns.
// fn runs inside a read transaction: it must not write to the store.
func (s *Store) EachReview(fn func(articleID string, m corpus.ReviewMark) error) error {
	return s.view("read review marks", func(sh *shield, btx *bolt.Tx) error {
		b := btx.Bucket(bucketReviews)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			id, _, _ := bytes.Cut(k, []byte{0})
			m, err := decodeReview(s.path, k, v)
			if err != nil {
				return err
			}
			if err := sh.call(func() error { return fn(string(id), m) }); err != nil {
				return err
			}
		}
		return nil
	})
}

// reviewsIn reads the marks of one article from b (nil: none) with the
// staged writes laid over it.
func reviewsIn(path string, b *bolt.Bucket, staged map[string][]byte, articleID string) ([]corpus.ReviewMark, error) {
	prefix := reviewKey(articleID, "")
	vals := map[string][]byte{}
	if b != nil {
		c := b.Cursor()
		for k, v := c.Seek([]byte(prefix)); k != nil && bytes.HasPrefix(k, []byte(prefix)); k, v = c.Next() {
			vals[string(k)] = bytes.Clone(v)
		}
	}
	for k, v := range staged {
		if strings.HasPrefix(k, prefix) {
			vals[k] = v
		}
	}
	var out []corpus.ReviewMark
	for _, k := range slices.Sorted(maps.Keys(vals)) {
		if vals[k] == nil {
			continue // removed in this transaction
		}
		m, err := decodeReview(path, []byte(k), vals[k])
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

func decodeReview(path string, k, v []byte) (corpus.ReviewMark, error) {
	var m corpus.ReviewMark
	if err := json.Unmarshal(v, &m); err != nil {
		return m, &DamagedError{Path: path, Detail: fmt.Sprintf("review mark %q: stored value is not a mark: %v", k, err)}
	}
	return m, nil
}

// reviewKey is the bucket key of a mark: the article id, NUL (which
// checkID keeps out of ids), the finding id.
func reviewKey(articleID, findingID string) string {
	return articleID + "\x00" + findingID
}

func checkFindingID(id string) error {
	return checkName(id, "finding id", "the mark names no finding", maxFindingIDLen)
}

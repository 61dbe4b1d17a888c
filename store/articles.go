package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/golang/snappy"
	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
)

// PutArticle stores a under a.ID, replacing any article stored there, sets
// a.SHA256 from a.Source and keeps the path and hash indexes in step.
// Writing an article identical to the stored one changes nothing and is not
// reported in Changes.
func (tx *Tx) PutArticle(a *Article) error {
	if a == nil {
		return errors.New("put article: nil article")
	}
	if err := checkID(a.ID); err != nil {
		return fmt.Errorf("put article: %w", err)
	}
	a.SHA256 = ContentHash(a.Source)
	v, err := encodeArticle(a)
	if err != nil {
		return fmt.Errorf("put article %s: %w", a.ID, err)
	}
	prev, err := tx.GetArticle(a.ID)
	switch {
	case err == nil:
		tx.setArticleIndexes(prev, false)
	case !errors.Is(err, ErrNotFound):
		return err
	}
	tx.stagedArticles[a.ID] = v
	tx.setArticleIndexes(a, true)
	return nil
}

// GetArticle returns the article stored under id, as this transaction sees
// it, or an error wrapping ErrNotFound.
func (tx *Tx) GetArticle(id string) (*Article, error) {
	v, ok := tx.stagedArticles[id]
	if !ok {
		err := tx.sh.do("read article "+id, func() error {
			v = bytes.Clone(tx.articles.Get([]byte(id)))
			return nil
		})
		if tx.fail(err) != nil {
			return nil, err
		}
	}
	if v == nil {
		return nil, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	a, err := decodeArticle(tx.sh.path, []byte(id), v)
	return a, tx.fail(err)
}

// DeleteArticle removes the article stored under id, its index entries and
// its review marks, or returns an error wrapping ErrNotFound.
func (tx *Tx) DeleteArticle(id string) error {
	prev, err := tx.GetArticle(id)
	if err != nil {
		return err
	}
	tx.setArticleIndexes(prev, false)
	tx.stagedArticles[id] = nil
	// Its review marks go with it: a new article under the id is another
	// text, whose findings they do not name.
	marks, err := tx.Reviews(id)
	if err != nil {
		return err
	}
	for _, m := range marks {
		tx.stagedReviews[reviewKey(id, m.Finding)] = nil
	}
	return nil
}

// ArticlesByPath returns the ids of the articles whose AbsPath is abs, in
// id order: one, unless articles were stored from one file under several
// --id.
func (tx *Tx) ArticlesByPath(abs string) ([]string, error) {
	ids, err := tx.artPath.lookupAll(abs)
	return ids, tx.fail(err)
}

// ArticlesByHash returns the ids of the articles whose source has the
// content hash h (ContentHash), in id order.
func (tx *Tx) ArticlesByHash(h string) ([]string, error) {
	ids, err := tx.artHash.lookupAll(h)
	return ids, tx.fail(err)
}

func (tx *Tx) setArticleIndexes(a *Article, present bool) {
	tx.artPath.set(a.AbsPath, a.ID, present)
	tx.artHash.set(a.SHA256, a.ID, present)
}

// EachArticle calls fn for every article as this transaction sees it, in id
// order, and stops at the first error, which it returns. fn may put or
// delete articles; the iteration goes on over the articles as they were
// when it began.
func (tx *Tx) EachArticle(fn func(*Article) error) error {
	// Take the encoded values first, so that fn's writes cannot disturb the
	// iteration, and decode one at a time. Neither bbolt's values nor the
	// staged ones change before the transaction ends: staged writes reach
	// bbolt only in flush.
	// The values are copied out of bbolt's map, so that decoding them later
	// cannot fault on a damaged file.
	type entry struct{ k, v []byte }
	var all []entry
	if err := eachStaged(tx.sh, tx.articles, tx.stagedArticles, func(k, v []byte) error {
		all = append(all, entry{bytes.Clone(k), bytes.Clone(v)})
		return nil
	}); tx.fail(err) != nil {
		return err
	}
	for _, e := range all {
		a, err := decodeArticle(tx.sh.path, e.k, e.v)
		if tx.fail(err) != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// References returns every reference in key order, as this transaction
// sees it (its own writes included).
func (tx *Tx) References() ([]*corpus.Reference, error) {
	var refs []*corpus.Reference
	err := eachStaged(tx.sh, tx.refs, tx.staged, func(k, v []byte) error {
		r, err := decode(tx.sh.path, k, v)
		if err != nil {
			return err
		}
		refs = append(refs, r)
		return nil
	})
	return refs, tx.fail(err)
}

// GetArticle returns the article stored under id, or an error wrapping
// ErrNotFound.
func (s *Store) GetArticle(id string) (*Article, error) {
	var a *Article
	err := s.view("read article "+id, func(_ *shield, btx *bolt.Tx) error {
		b := btx.Bucket(bucketArticles)
		var v []byte
		if b != nil {
			v = b.Get([]byte(id))
		}
		if v == nil {
			return fmt.Errorf("article %s: %w", id, ErrNotFound)
		}
		var err error
		a, err = decodeArticle(s.path, []byte(id), v)
		return err
	})
	return a, err
}

// ArticlesByPath returns the ids of the stored articles whose AbsPath is
// abs, in id order.
func (s *Store) ArticlesByPath(abs string) ([]string, error) {
	if !indexable(abs) {
		return nil, nil
	}
	var ids []string
	err := s.view("look up articles by path", func(sh *shield, btx *bolt.Tx) error {
		b := btx.Bucket(bucketArtPath)
		if b == nil {
			// A library from before schema 2, opened read-only: its
			// articles have no AbsPath, so none can match.
			return nil
		}
		ix := index{sh: sh, b: b}
		ids = ix.lookupAllIn(abs)
		return nil
	})
	return ids, err
}

// EachArticle calls fn for every stored article in id order and stops at the
// first error, which it returns. fn runs inside a read transaction: it must
// not write to the store.
func (s *Store) EachArticle(fn func(*Article) error) error {
	return s.view("read articles", func(sh *shield, btx *bolt.Tx) error {
		b := btx.Bucket(bucketArticles)
		if b == nil {
			// A library from before articles were stored, opened read-only.
			return nil
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			a, err := decodeArticle(s.path, k, v)
			if err != nil {
				return err
			}
			if err := sh.call(func() error { return fn(a) }); err != nil {
				return err
			}
		}
		return nil
	})
}

// checkID holds article ids to the rules of reference keys: bbolt keys
// must be non-empty and short, and a NUL would confuse any index built on
// them.
func checkID(id string) error {
	return checkName(id, "article id", "article has no id", maxKeyLen)
}

// encodeArticle is an article's stored form, JSON compressed with snappy
// like a reference's: the source and the report are mostly prose, which
// compresses well.
func encodeArticle(a *Article) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Sentences keep their <, > and & as written; escaping them would only
	// make the value longer.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		return nil, err
	}
	return compress(buf.Bytes()), nil
}

// decodeArticle reads a stored article. A value that does not decode is
// damage in the file at path.
func decodeArticle(path string, k, v []byte) (*Article, error) {
	raw, err := snappy.Decode(nil, v)
	if err != nil {
		return nil, &DamagedError{Path: path, Detail: fmt.Sprintf("article %s: stored value does not decompress: %v", k, err)}
	}
	var a Article
	if err := json.Unmarshal(raw, &a); err != nil {
		return nil, &DamagedError{Path: path, Detail: fmt.Sprintf("article %s: stored value is not an article: %v", k, err)}
	}
	return &a, nil
}

package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/golang/snappy"
	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/evidence"
)

// The texts bucket keeps, by reference key, the text of each work that
// the evidence stage judges claims by (evidence.Source): the sentences of
// its abstract, of its attached files and of the registry records that
// verification fetched, split once. Tx.Put and Tx.Delete keep it in step
// with the references, in the same transaction, so that the two never
// disagree; a check reads it instead of reading files and splitting
// abstracts again. A work with no text has no entry.

// buildText reads the text of r, keeping from prev its registry parts and
// the attached files that have not changed.
func buildText(r *corpus.Reference, prev *evidence.Source) *evidence.Source {
	return evidence.BuildSource(r, prev, evidence.OpenFile, os.Stat)
}

// encodeText is a text's stored form: JSON with one-letter names,
// compressed with snappy (an abstract's sentences shrink to about half).
// Nil for a text with nothing in it, which is not stored.
func encodeText(s *evidence.Source) ([]byte, error) {
	if s == nil || len(s.Parts) == 0 {
		return nil, nil
	}
	js, err := json.Marshal(s)
	if err != nil {
		return nil, err
	}
	return compress(js), nil
}

// decodeText reads a stored text. A value that does not decode is damage
// in the file at path.
func decodeText(path string, k, v []byte) (*evidence.Source, error) {
	raw, err := snappy.Decode(nil, v)
	if err != nil {
		return nil, &DamagedError{Path: path, Detail: fmt.Sprintf("text of %s: stored value does not decompress: %v", k, err)}
	}
	var s evidence.Source
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, &DamagedError{Path: path, Detail: fmt.Sprintf("text of %s: stored value is not a text: %v", k, err)}
	}
	return &s, nil
}

// Text returns the stored text of the work key; nil when it has none (only
// a title), or when the library predates the texts bucket and was opened
// for reading.
func (s *Store) Text(key string) (*evidence.Source, error) {
	var t *evidence.Source
	err := s.view("read the text of "+key, func(_ *shield, btx *bolt.Tx) error {
		b := btx.Bucket(bucketTexts)
		if b == nil {
			return nil
		}
		v := b.Get([]byte(key))
		if v == nil {
			return nil
		}
		var err error
		t, err = decodeText(s.path, []byte(key), v)
		return err
	})
	return t, err
}

// HasTexts reports whether the library keeps texts (schema 6 on): a
// library written by an older evident, opened for reading, has none yet,
// and its works are read as they are.
func (s *Store) HasTexts() bool {
	ok := false
	_ = s.view("look for texts", func(_ *shield, btx *bolt.Tx) error {
		ok = btx.Bucket(bucketTexts) != nil
		return nil
	})
	return ok
}

// Text returns the text of the work key as this transaction sees it; nil
// when it has none.
func (tx *Tx) Text(key string) (*evidence.Source, error) {
	v, ok := tx.stagedTexts[key]
	if !ok {
		err := tx.sh.do("read the text of "+key, func() error {
			v = bytes.Clone(tx.texts.Get([]byte(key)))
			return nil
		})
		if tx.fail(err) != nil {
			return nil, err
		}
	}
	if v == nil {
		return nil, nil
	}
	t, err := decodeText(tx.sh.path, []byte(key), v)
	return t, tx.fail(err)
}

// putText stages the text of r, written or unchanged (same): an unchanged
// reference's text is read again only when it has attached files, whose
// fingerprints may have changed since.
func (tx *Tx) putText(r *corpus.Reference, same bool) error {
	if same && r.Field("file") == nil {
		// Only a text missing (a title-only work has none) is built.
		if _, abs := r.Get("abstract"); !abs || tx.hasText(r.Key) {
			return nil
		}
	}
	prev, err := tx.Text(r.Key)
	if err != nil {
		return err
	}
	return tx.stageText(r.Key, buildText(r, prev))
}

// hasText reports whether the work key has a text, without decoding it.
func (tx *Tx) hasText(key string) bool {
	if v, ok := tx.stagedTexts[key]; ok {
		return v != nil
	}
	has := false
	tx.fail(tx.sh.do("look up the text of "+key, func() error {
		has = tx.texts.Get([]byte(key)) != nil
		return nil
	}))
	return has
}

// RefreshText reads again the attached files of the stored work key whose
// fingerprint (size, modification time) changed, and builds its text if
// it has none: what an import of an unchanged entry and 'refs update' do,
// so that a check never has to. A key with no reference is passed over.
func (tx *Tx) RefreshText(key string) error {
	r, err := tx.lookup(key)
	if err != nil || r == nil {
		return err
	}
	return tx.putText(r, true)
}

// stageText stages t as the text of key, or its removal when t is empty.
func (tx *Tx) stageText(key string, t *evidence.Source) error {
	v, err := encodeText(t)
	if err != nil {
		return fmt.Errorf("text of %s: %w", key, err)
	}
	tx.stagedTexts[key] = v
	return nil
}

// AddRecordText gives the stored work key the abstract and full text of
// a registry's record (verification fetched it), in place of what that
// registry gave before, and reports whether its text changed. The work's
// own abstract still wins over a registry's (evidence.Source.Text). A key
// that names no reference is refused.
func (tx *Tx) AddRecordText(key, registry, abstract, fullText string, pubTypes []string) (bool, error) {
	if !tx.has(key) {
		return false, fmt.Errorf("text of %s: %w", key, ErrNotFound)
	}
	prev, err := tx.Text(key)
	if err != nil {
		return false, err
	}
	if prev == nil {
		// A work with only a title: its title counts towards the design.
		r, err := tx.Get(key)
		if err != nil {
			return false, err
		}
		prev = &evidence.Source{Title: strings.TrimSpace(r.Title)}
	}
	t, changed := prev.WithRecord(registry, abstract, fullText, pubTypes)
	if !changed {
		return false, nil
	}
	return true, tx.stageText(key, t)
}

// buildTexts brings a library up to schema 6: every stored reference gets
// its text, read once here (its abstract, its attached files).
func buildTexts(path string, btx *bolt.Tx, u *Upgrade) error {
	texts := btx.Bucket(bucketTexts)
	return btx.Bucket(bucketRefs).ForEach(func(k, v []byte) error {
		r, err := decode(path, k, v)
		if err != nil {
			return err
		}
		tv, err := encodeText(buildText(r, nil))
		if err != nil {
			return fmt.Errorf("text of %s: %w", k, err)
		}
		if tv == nil {
			return nil
		}
		u.Texts++
		return texts.Put(bytes.Clone(k), tv)
	})
}

// textOnly returns the keys of changed that are in neither put nor
// deleted, sorted as changed is.
func textOnly(changed, put, deleted []string) []string {
	var out []string
	for _, k := range changed {
		if _, ok := slices.BinarySearch(put, k); ok {
			continue
		}
		if _, ok := slices.BinarySearch(deleted, k); ok {
			continue
		}
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// ChangedTexts returns the keys of the works whose text this transaction
// has changed so far, in key order, whether or not their reference
// changed: a stored article citing one may be judged differently.
func (tx *Tx) ChangedTexts() []string {
	keys, err := changed(tx.sh, tx.texts, tx.stagedTexts)
	tx.fail(err)
	return keys
}

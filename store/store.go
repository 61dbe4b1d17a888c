// Package store owns the library on disk: one bbolt file of references, the texts of their works (texts.go), the checked articles, secondary indexes,
// schema version, generation and locking. It must not parse BibTeX nor know about search; every write is one
// transaction. Stored articles are checked again through package check when their references change (recheck.go).
package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
)

// SchemaVersion is the layout of the library file that this build writes.
// Bump it when the buckets or the encoding of their values change, and when
// corpus.Fingerprint changes (the fp bucket holds its results).
//
// Version 2 added the alias bucket and a reference's aliases; version 3 the
// artpath and arthash indexes and Article.SHA256; version 4 the registry
// bucket (records fetched from Crossref, PubMed..., cache.go) and the
// retractions bucket (the Retraction Watch database); version 5 the reviews
// bucket (an editor's marks on findings, review.go); version 6 the texts
// bucket (each work's sentences, texts.go); version 7 the resolution
// indexes (terms, termcount and near: terms.go, near.go); version 8 the
// compact encoding of references (refcodec.go); version 9 the near-miss
// index and the title words as posting lists (postings.go, the words
// bucket). An older file is read as
// it is (without aliases or article paths) and brought to this version by
// the first writer that opens it, in one transaction (migrate.go); an
// older evident refuses the file then, as it could not keep the new
// buckets in step.
const SchemaVersion = 9

// ErrLocked is returned by Open when another process holds the library for
// longer than Open waits: a writer excludes other writers; readers wait only
// for a commit, writers for readers only to commit.
var ErrLocked = errors.New("library is in use by another evident process")

// ErrNotFound is returned when no reference has the requested key.
var ErrNotFound = errors.New("not found")

// ErrNewerSchema is returned by Open when the file was written by a newer
// evident; the error message names both schema versions.
var ErrNewerSchema = errors.New("library was written by a newer evident")

// lockTimeout is how long a writer waits for another writer to finish
// before it gives up with ErrLocked; long enough to ride out a short
// command, short enough that nobody wonders whether evident hangs.
const lockTimeout = 3 * time.Second

// initialMmapSize is the address space bbolt maps up front (virtual
// memory: the file does not grow to it). Each time a write outgrows the map
// bbolt remaps and copies every node of the transaction out of the old map;
// starting at 1 GiB cut a 100,000-reference import from ~5 s to ~2 s.
const initialMmapSize = 1 << 30

// Bucket names and meta keys. Index buckets map "value\x00key" to nothing, not
// value to key: the Keep policy lets several references share a DOI or a
// fingerprint, and each must be able to leave the index without the others.
var (
	bucketMeta = []byte("meta")
	bucketRefs = []byte("refs")
	bucketDOI  = []byte("doi")
	bucketFP   = []byte("fp")
	// bucketArticles maps an article id to its stored Article (articles.go).
	bucketArticles = []byte("articles")
	// bucketAlias maps a key alias to the key of the reference that lists
	// it in its Aliases. Unlike a DOI, an alias names one reference.
	bucketAlias = []byte("alias")
	// bucketArtPath and bucketArtHash index articles by Article.AbsPath
	// and Article.SHA256, as bucketDOI indexes references: "value\x00id".
	bucketArtPath = []byte("artpath")
	bucketArtHash = []byte("arthash")
	// bucketRegistry maps "registry\x00kind:id" to a fetched record with
	// its fetch time (the verification cache).
	bucketRegistry = []byte("registry")
	// bucketRetractions maps an identifier ("doi:…", "pmid:…") to the
	// retraction notices the Retraction Watch database lists for it.
	bucketRetractions = []byte("retractions")
	// bucketReviews maps "article id\x00finding id" to an editor's mark
	// on that finding (review.go).
	bucketReviews = []byte("reviews")
	// bucketTexts maps a reference key to the text of its work, split
	// into sentences (texts.go).
	bucketTexts = []byte("texts")

	// buckets are the buckets of the current schema besides bucketMeta;
	// a writer creates those missing when it opens the library.
	buckets = [][]byte{bucketRefs, bucketDOI, bucketFP, bucketArticles, bucketAlias, bucketArtPath, bucketArtHash, bucketRegistry, bucketRetractions, bucketReviews, bucketTexts,
		bucketTerms, bucketTermCount, bucketNear, bucketWords}

	metaSchema     = []byte("schema")
	metaGeneration = []byte("generation")
)

// Store is an open library file. Its methods may be called from several
// goroutines; writes are serialised by bbolt.
type Store struct {
	db       *bolt.DB
	path     string
	readOnly bool
	// file is the store file as bbolt has it open, with evident's lock on
	// it (lock.go); writer is the writer's lock file, nil for a reader.
	file   *os.File
	writer *os.File
	// txid is the last transaction a writer committed or found: a
	// different one on disk means another program wrote (lockForCommit).
	txid uint64
	// broken is set when bbolt gave up part-way through a damaged page and
	// may have kept its own locks: Close then only closes the file.
	broken atomic.Bool
	// upgraded says what opening did to bring an older library up to
	// date (Upgraded).
	upgraded Upgrade
	// decoded counts the references read whole (Decoded).
	decoded   atomic.Int64
	closeOnce sync.Once
	closeErr  error
}

// view runs fn in a read transaction under a shield.
func (s *Store) view(op string, fn func(sh *shield, btx *bolt.Tx) error) error {
	sh := &shield{path: s.path}
	err := sh.do(op, func() error {
		return s.db.View(func(btx *bolt.Tx) error { return fn(sh, btx) })
	})
	if errors.Is(err, ErrDamaged) {
		s.broken.Store(true)
	}
	return err
}

// Upgraded says what opening the library did to bring a library written by
// an older evident up to date; its From is 0 when it did nothing.
func (s *Store) Upgraded() Upgrade { return s.upgraded }

// Close releases the file and its locks. Closing twice is harmless.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		switch {
		case s.db == nil && s.file != nil:
			// bbolt gave up (or panicked) after opening the file; it may
			// or may not have closed it.
			_ = unlock(s.file)
			_ = s.file.Close()
		case s.db != nil && s.broken.Load():
			// bbolt may still hold its own mutexes after a panic on a
			// damaged page; its Close would wait for them for ever. The map
			// stays until the process ends, and keeps the file open with it:
			// the lock must be let go of explicitly.
			_ = unlock(s.file)
			s.closeErr = s.file.Close()
		case s.db != nil:
			sh := &shield{path: s.path}
			s.closeErr = sh.do("close", s.db.Close)
		}
		if s.writer != nil {
			if err := s.writer.Close(); s.closeErr == nil {
				s.closeErr = err
			}
		}
	})
	return s.closeErr
}

// Path returns the path the store was opened with.
func (s *Store) Path() string {
	return s.path
}

// Generation returns the number of write transactions that changed the
// library. The search index records the generation it reflects, to tell when
// it is stale.
func (s *Store) Generation() (uint64, error) {
	var g uint64
	err := s.view("read the generation", func(_ *shield, btx *bolt.Tx) error {
		g = getUint(btx.Bucket(bucketMeta), metaGeneration)
		return nil
	})
	return g, err
}

// Count returns the number of references in the library.
func (s *Store) Count() (int, error) {
	var n int
	err := s.view("count references", func(_ *shield, btx *bolt.Tx) error {
		n = btx.Bucket(bucketRefs).Stats().KeyN
		return nil
	})
	return n, err
}

// Get returns the reference stored under key, or an error wrapping
// ErrNotFound.
func (s *Store) Get(key string) (*corpus.Reference, error) {
	var r *corpus.Reference
	err := s.view("read reference "+key, func(_ *shield, btx *bolt.Tx) error {
		v := btx.Bucket(bucketRefs).Get([]byte(key))
		if v == nil {
			return fmt.Errorf("reference %s: %w", key, ErrNotFound)
		}
		var err error
		r, err = s.decode([]byte(key), v)
		return err
	})
	return r, err
}

// Find returns the reference stored under key or, failing that, the one
// that key is an alias of (its Key then differs from key), or an error
// wrapping ErrNotFound.
func (s *Store) Find(key string) (*corpus.Reference, error) {
	var r *corpus.Reference
	err := s.view("read reference "+key, func(_ *shield, btx *bolt.Tx) error {
		refs, k := btx.Bucket(bucketRefs), []byte(key)
		v := refs.Get(k)
		if v == nil {
			// A version 1 library, opened read-only, has no alias bucket.
			if b := btx.Bucket(bucketAlias); b != nil {
				if target := b.Get(k); target != nil {
					k = bytes.Clone(target)
					v = refs.Get(k)
				}
			}
		}
		if v == nil {
			return fmt.Errorf("reference %s: %w", key, ErrNotFound)
		}
		var err error
		r, err = s.decode(k, v)
		return err
	})
	return r, err
}

// Each calls fn for every reference in key order and stops at the first
// error, which it returns. fn runs inside a read transaction: it must not
// write to the store.
func (s *Store) Each(fn func(*corpus.Reference) error) error {
	return s.view("read references", func(sh *shield, btx *bolt.Tx) error {
		c := btx.Bucket(bucketRefs).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			r, err := s.decode(k, v)
			if err != nil {
				return err
			}
			if err := sh.call(func() error { return fn(r) }); err != nil {
				return err
			}
		}
		return nil
	})
}

// Changes says what one write transaction did.
type Changes struct {
	Generation uint64   // the library's generation after the transaction
	Put        []string // keys written, in key order
	Deleted    []string // keys removed, in key order
	// Articles and ArticlesDeleted are the ids of the stored articles
	// written and removed, in id order.
	Articles        []string
	ArticlesDeleted []string
	// Reviews is how many review marks were put or removed.
	Reviews int
	// Texts are the keys of the references whose text (texts.go) changed
	// while the reference itself did not (a registry's abstract, an
	// attached file read again), in key order: the index re-indexes their
	// passages.
	Texts []string
}

// indexed reports whether the transaction changed what the search index
// holds (references and articles), which moves the generation on.
func (ch Changes) indexed() bool {
	return len(ch.Put) > 0 || len(ch.Deleted) > 0 || len(ch.Articles) > 0 || len(ch.ArticlesDeleted) > 0 || len(ch.Texts) > 0
}

// empty reports whether the transaction changed nothing.
func (ch Changes) empty() bool { return !ch.indexed() && ch.Reviews == 0 }

// Update runs fn in one write transaction. When fn returns an error (or
// panics) nothing is written and the error is returned; otherwise all of fn's
// writes are committed together and, if any changed the library's
// references or articles (the index holds both; review marks it does not),
// the generation goes up by one. Readers that are open when the commit comes are waited for, and
// new ones wait for the commit.
func (s *Store) Update(fn func(tx *Tx) error) (Changes, error) {
	var ch Changes
	err := s.write(func(sh *shield, btx *bolt.Tx) (bool, error) {
		tx := newTx(btx, sh)
		err := sh.call(func() error { return fn(tx) })
		if tx.err != nil {
			// A damaged page, whatever fn made of it.
			return false, tx.err
		}
		if err != nil {
			return false, err
		}
		if ch, err = tx.flush(); err != nil {
			return false, fmt.Errorf("update library %s: %w", s.path, err)
		}
		meta := btx.Bucket(bucketMeta)
		ch.Generation = getUint(meta, metaGeneration)
		if ch.empty() {
			return false, nil
		}
		// Review marks are not in the search index: a transaction that
		// only marks findings must not make the index look behind.
		if ch.indexed() {
			ch.Generation++
			if err := putUint(meta, metaGeneration, ch.Generation); err != nil {
				return false, fmt.Errorf("update library %s: %w", s.path, err)
			}
		}
		return true, nil
	})
	if err != nil {
		return Changes{}, err
	}
	return ch, nil
}

func getUint(b *bolt.Bucket, key []byte) uint64 {
	v := b.Get(key)
	if len(v) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(v)
}

func putUint(b *bolt.Bucket, key []byte, n uint64) error {
	return b.Put(key, binary.BigEndian.AppendUint64(nil, n))
}

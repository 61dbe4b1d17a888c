// Package store owns the library on disk: one bbolt file of references, the checked articles, secondary indexes,
// schema version, generation and locking. It must not parse BibTeX nor know about search; every write is one
// transaction. Stored articles are checked again through package check when their references change (recheck.go).
package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/golang/snappy"
	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
)

// SchemaVersion is the layout of the library file that this build writes.
// Bump it when the buckets or the encoding of their values change, and when
// corpus.Fingerprint changes (the fp bucket holds its results).
const SchemaVersion = 1

// ErrLocked is returned by Open when another process holds the library:
// a writer excludes everyone else, a reader excludes writers.
var ErrLocked = errors.New("library is in use by another evident process")

// ErrNotFound is returned when no reference has the requested key.
var ErrNotFound = errors.New("not found")

// ErrNewerSchema is returned by Open when the file was written by a newer
// evident; the error message names both schema versions.
var ErrNewerSchema = errors.New("library was written by a newer evident")

// lockTimeout is how long Open waits for another process to let go of the
// file before it gives up with ErrLocked; long enough to ride out a short
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

	metaSchema     = []byte("schema")
	metaGeneration = []byte("generation")
)

// Store is an open library file. Its methods may be called from several
// goroutines; writes are serialised by bbolt.
type Store struct {
	db       *bolt.DB
	path     string
	readOnly bool
}

// Open opens the library at path. A read-write open creates the file and its
// buckets when missing and takes an exclusive lock; a read-only open takes a
// shared lock, so readers do not block each other. If the lock cannot be had
// within a few seconds, Open returns an error wrapping ErrLocked. A read-only
// open of a missing file returns an error wrapping fs.ErrNotExist.
func Open(path string, readOnly bool) (*Store, error) {
	return open(path, readOnly, lockTimeout)
}

func open(path string, readOnly bool, timeout time.Duration) (*Store, error) {
	if readOnly {
		// bbolt would try to initialise an empty file, which fails on a read-only
		// descriptor with an unhelpful message; say what is wrong instead.
		info, err := os.Stat(path)
		if err != nil {
			return nil, fmt.Errorf("open library: %w", err)
		}
		if info.Size() == 0 {
			return nil, fmt.Errorf("open library %s: empty file, not an evident library", path)
		}
	}
	db, err := bolt.Open(path, 0o644, &bolt.Options{
		Timeout:  timeout,
		ReadOnly: readOnly,
		// The map freelist allocates in constant time however fragmented the
		// file gets. The freelist stays synced (bbolt's default): skipping
		// that would save little per commit but make every read-write open
		// scan the whole file to rebuild it (~0.1-0.4 s at 100,000 references).
		FreelistType:    bolt.FreelistMapType,
		InitialMmapSize: initialMmapSize,
	})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return nil, fmt.Errorf("open library %s: %w", path, ErrLocked)
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrVersionMismatch), errors.Is(err, bolt.ErrChecksum):
		return nil, fmt.Errorf("open library %s: not an evident library: %w", path, err)
	case err != nil:
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	s := &Store{db: db, path: path, readOnly: readOnly}
	if err := s.prepare(); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	return s, nil
}

// prepare checks the schema version and, for a writer, creates what is
// missing. The write transaction runs only when something is missing, so
// that an ordinary open costs no fsync.
func (s *Store) prepare() error {
	var found uint64
	complete, articles := false, false
	err := s.db.View(func(btx *bolt.Tx) error {
		meta := btx.Bucket(bucketMeta)
		if meta == nil {
			return nil
		}
		found = getUint(meta, metaSchema)
		complete = btx.Bucket(bucketRefs) != nil && btx.Bucket(bucketDOI) != nil && btx.Bucket(bucketFP) != nil
		articles = btx.Bucket(bucketArticles) != nil
		return nil
	})
	if err != nil {
		return err
	}
	if err := checkSchema(found); err != nil {
		return err
	}
	// A library written before articles were stored lacks their bucket;
	// a reader sees no articles, and the next writer adds it.
	if found == SchemaVersion && complete && (articles || s.readOnly) {
		return nil
	}
	if s.readOnly {
		return errors.New("not an evident library (no schema version or buckets)")
	}
	return s.db.Update(func(btx *bolt.Tx) error {
		meta, err := btx.CreateBucketIfNotExists(bucketMeta)
		if err != nil {
			return err
		}
		for _, name := range [][]byte{bucketRefs, bucketDOI, bucketFP, bucketArticles} {
			if _, err := btx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return putUint(meta, metaSchema, SchemaVersion)
	})
}

// checkSchema refuses files from a newer evident. Version 0 means a file that
// bbolt created but evident never finished setting up.
func checkSchema(found uint64) error {
	if found > SchemaVersion {
		return fmt.Errorf("%w: its schema version is %d, this evident reads version %d at most; upgrade evident",
			ErrNewerSchema, found, SchemaVersion)
	}
	return nil
}

// Close releases the file and its lock.
func (s *Store) Close() error {
	return s.db.Close()
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
	err := s.db.View(func(btx *bolt.Tx) error {
		g = getUint(btx.Bucket(bucketMeta), metaGeneration)
		return nil
	})
	return g, err
}

// Count returns the number of references in the library.
func (s *Store) Count() (int, error) {
	var n int
	err := s.db.View(func(btx *bolt.Tx) error {
		n = btx.Bucket(bucketRefs).Stats().KeyN
		return nil
	})
	return n, err
}

// Get returns the reference stored under key, or an error wrapping
// ErrNotFound.
func (s *Store) Get(key string) (*corpus.Reference, error) {
	var r *corpus.Reference
	err := s.db.View(func(btx *bolt.Tx) error {
		var err error
		r, err = getRef(btx.Bucket(bucketRefs), key)
		return err
	})
	return r, err
}

// Each calls fn for every reference in key order and stops at the first
// error, which it returns. fn runs inside a read transaction: it must not
// write to the store.
func (s *Store) Each(fn func(*corpus.Reference) error) error {
	return s.db.View(func(btx *bolt.Tx) error {
		c := btx.Bucket(bucketRefs).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			r, err := decode(k, v)
			if err != nil {
				return err
			}
			if err := fn(r); err != nil {
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
}

// empty reports whether the transaction changed nothing.
func (ch Changes) empty() bool {
	return len(ch.Put) == 0 && len(ch.Deleted) == 0 && len(ch.Articles) == 0 && len(ch.ArticlesDeleted) == 0
}

// Update runs fn in one write transaction. When fn returns an error (or
// panics) nothing is written and the error is returned; otherwise all of fn's
// writes are committed together and, if any changed the library (its
// references or its articles: the index holds both), the generation goes up
// by one.
func (s *Store) Update(fn func(tx *Tx) error) (Changes, error) {
	if s.readOnly {
		return Changes{}, fmt.Errorf("update library %s: opened read-only", s.path)
	}
	btx, err := s.db.Begin(true)
	if err != nil {
		return Changes{}, fmt.Errorf("update library %s: %w", s.path, err)
	}
	// Rolls back on an error or a panic in fn; does nothing after Commit.
	defer func() { _ = btx.Rollback() }()

	tx := newTx(btx)
	if err := fn(tx); err != nil {
		return Changes{}, err
	}
	ch, err := tx.flush()
	if err != nil {
		return Changes{}, fmt.Errorf("update library %s: %w", s.path, err)
	}
	meta := btx.Bucket(bucketMeta)
	ch.Generation = getUint(meta, metaGeneration)
	if ch.empty() {
		// Nothing to commit: rolling back spares a write and an fsync.
		return ch, nil
	}
	ch.Generation++
	if err := putUint(meta, metaGeneration, ch.Generation); err != nil {
		return Changes{}, fmt.Errorf("update library %s: %w", s.path, err)
	}
	if err := btx.Commit(); err != nil {
		return Changes{}, fmt.Errorf("update library %s: %w", s.path, err)
	}
	return ch, nil
}

func getRef(refs *bolt.Bucket, key string) (*corpus.Reference, error) {
	v := refs.Get([]byte(key))
	if v == nil {
		return nil, fmt.Errorf("reference %s: %w", key, ErrNotFound)
	}
	return decode([]byte(key), v)
}

func decode(k, v []byte) (*corpus.Reference, error) {
	var r corpus.Reference
	raw, err := snappy.Decode(nil, v)
	if err != nil {
		return nil, fmt.Errorf("reference %s: damaged value: %w", k, err)
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("reference %s: stored value is damaged: %w", k, err)
	}
	return &r, nil
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

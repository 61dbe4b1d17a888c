// Package store owns the library on disk: one bbolt file of references, the checked articles, secondary indexes,
// schema version, generation and locking. It must not parse BibTeX nor know about search; every write is one
// transaction. Stored articles are checked again through package check when their references change (recheck.go).
package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/golang/snappy"
	bolt "go.etcd.io/bbolt"

	"github.com/evident-tools/evident/corpus"
)

// SchemaVersion is the layout of the library file that this build writes.
// Bump it when the buckets or the encoding of their values change, and when
// corpus.Fingerprint changes (the fp bucket holds its results).
const SchemaVersion = 1

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
	broken    atomic.Bool
	closeOnce sync.Once
	closeErr  error
}

// Open opens the library at path. A read-write open creates the file and its
// buckets when missing. Writers exclude each other: if another writer holds
// the library for longer than a few seconds, Open returns an error wrapping
// ErrLocked. Readers do not wait for writers, except while one commits (see
// lock.go). A read-only open of a missing file returns an error wrapping
// fs.ErrNotExist. A file that is not a library, or a damaged one (an error
// wrapping ErrDamaged), is refused; nothing is ever written to it.
func Open(path string, readOnly bool) (*Store, error) {
	if readOnly {
		return open(path, true, readerTimeout)
	}
	return open(path, false, lockTimeout)
}

// TryOpen opens the library for writing as Open does, but gives up at once,
// with an error wrapping ErrLocked, when another writer holds it.
func TryOpen(path string) (*Store, error) {
	return open(path, false, 0)
}

// open is Open with the time to wait for the lock: for a writer, the other
// writer's; for a reader, a commit's.
func open(path string, readOnly bool, timeout time.Duration) (*Store, error) {
	if readOnly {
		return openReader(path, timeout)
	}
	return openWriter(path, timeout)
}

func openReader(path string, timeout time.Duration) (*Store, error) {
	// bbolt would try to initialise an empty file, which fails on a read-only
	// descriptor with an unhelpful message; say what is wrong instead.
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("open library: %w", err)
	}
	if info.Size() == 0 {
		return nil, emptyFile(path)
	}
	s := &Store{path: path, readOnly: true}
	g, err := passGate(path, timeout)
	if err != nil {
		return nil, err
	}
	err = s.openBolt(timeout)
	g.open()
	if err != nil {
		s.Close()
		return nil, err
	}
	if err := s.prepare(); err != nil {
		s.Close()
		return nil, openErr(path, err)
	}
	return s, nil
}

// openErr puts the path in front of err, unless it names it already.
func openErr(path string, err error) error {
	if errors.Is(err, ErrDamaged) {
		return err
	}
	return fmt.Errorf("open library %s: %w", path, err)
}

func openWriter(path string, timeout time.Duration) (_ *Store, err error) {
	s := &Store{path: path}
	defer func() {
		if err != nil {
			s.Close()
		}
	}()
	if s.writer, err = openLockFile(writerLockPath(path), true); err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	if s.writer != nil {
		if err := lockFile(s.writer, true, timeout); err != nil {
			return nil, lockErr(path, err, "waiting for another writer")
		}
	}
	switch info, err := os.Stat(path); {
	case errors.Is(err, fs.ErrNotExist):
		if err := create(path); err != nil {
			return nil, fmt.Errorf("create library %s: %w", path, err)
		}
	case err != nil:
		return nil, fmt.Errorf("open library %s: %w", path, err)
	case info.Size() == 0:
		return nil, emptyFile(path)
	}
	g, err := closeGate(path, drainTimeout)
	if err != nil {
		return nil, err
	}
	defer g.open()
	if err := s.openBolt(timeout); err != nil {
		return nil, err
	}
	if err := s.prepare(); err != nil {
		return nil, openErr(path, err)
	}
	if err := s.view("read the header", func(_ *shield, btx *bolt.Tx) error {
		s.txid = uint64(btx.ID())
		return nil
	}); err != nil {
		return nil, openErr(path, err)
	}
	// Opening took the file's lock exclusively; readers may come in now.
	if s.file != nil {
		if err := downgrade(s.file); err != nil {
			return nil, fmt.Errorf("open library %s: %w", path, err)
		}
	}
	return s, nil
}

// create makes a new library file: built beside path and renamed into
// place, so that a crash while it is made never leaves an empty or
// half-made library.db. The caller holds the writer's lock.
func create(path string) error {
	tmp := path + ".new"
	_ = os.Remove(tmp) // left by a crash during an earlier create
	db, err := bolt.Open(tmp, 0o644, &bolt.Options{FreelistType: bolt.FreelistMapType})
	if err != nil {
		return err
	}
	s := &Store{db: db, path: tmp}
	err = s.prepare()
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(path))
}

// syncDir makes a rename in dir durable. Where directories cannot be
// synced (Windows), the rename is as durable as the system makes it.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

func emptyFile(path string) error {
	return fmt.Errorf("open library %s: the file is empty (0 bytes), not an evident library; was it truncated?", path)
}

// openBolt opens the file with bbolt, which opens it through openFile so
// that evident's lock is on bbolt's own descriptor (bbolt's lock, taken on
// the same descriptor, is then granted at once).
func (s *Store) openBolt(timeout time.Duration) error {
	wait := drainTimeout // a writer waits for readers
	if s.readOnly {
		wait = timeout // a reader waits for a commit
	}
	opts := &bolt.Options{
		// Where evident takes no locks of its own, bbolt's lock is the only
		// one; its timeout is then the one that counts.
		Timeout:  timeout,
		ReadOnly: s.readOnly,
		// The map freelist allocates in constant time however fragmented the
		// file gets. The freelist stays synced (bbolt's default): skipping
		// that would save little per commit but make every read-write open
		// scan the whole file to rebuild it (~0.1-0.4 s at 100,000 references).
		FreelistType:    bolt.FreelistMapType,
		InitialMmapSize: initialMmapSize,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			if err != nil {
				return nil, err
			}
			if err := lockFile(f, !s.readOnly, wait); err != nil {
				f.Close()
				return nil, err
			}
			s.file = f
			return f, nil
		},
	}
	sh := &shield{path: s.path}
	err := sh.do("open", func() error {
		var err error
		s.db, err = bolt.Open(s.path, 0o644, opts)
		return err
	})
	switch {
	case err == nil:
		return nil
	case errors.Is(err, errBusy):
		doing := "waiting for readers"
		if s.readOnly {
			doing = "waiting for a write to finish"
		}
		return lockErr(s.path, err, doing)
	case errors.Is(err, bolt.ErrTimeout):
		return fmt.Errorf("open library %s: %w", s.path, ErrLocked)
	case errors.Is(err, ErrDamaged):
		s.broken.Store(true)
		return err
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrChecksum):
		return s.invalid(err)
	case errors.Is(err, bolt.ErrVersionMismatch):
		return fmt.Errorf("open library %s: not an evident library: %w", s.path, err)
	}
	return fmt.Errorf("open library %s: %w", s.path, err)
}

// invalid explains bbolt's refusal of the file: a library whose header
// pages are damaged, or some other file.
func (s *Store) invalid(err error) error {
	f, ferr := os.Open(s.path)
	if ferr == nil {
		defer f.Close()
		if info, ferr := f.Stat(); ferr == nil && looksLikeBolt(f, info.Size()) {
			_, _, problems := readMetas(f, info.Size())
			return &DamagedError{Path: s.path, Detail: fmt.Sprintf("neither header page is valid (page 0: %v; page 1: %v)", problems[0], problems[1])}
		}
	}
	return fmt.Errorf("open library %s: not an evident library: %w", s.path, err)
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

// prepare checks the schema version and, for a writer, creates what is
// missing. The write transaction runs only when something is missing, so
// that an ordinary open costs no fsync.
func (s *Store) prepare() error {
	var found uint64
	complete, articles := false, false
	err := s.view("read the schema", func(_ *shield, btx *bolt.Tx) error {
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
	sh := &shield{path: s.path}
	return sh.do("set up the library", func() error {
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
		r, err = decode(s.path, []byte(key), v)
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
			r, err := decode(s.path, k, v)
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
}

// empty reports whether the transaction changed nothing.
func (ch Changes) empty() bool {
	return len(ch.Put) == 0 && len(ch.Deleted) == 0 && len(ch.Articles) == 0 && len(ch.ArticlesDeleted) == 0
}

// Update runs fn in one write transaction. When fn returns an error (or
// panics) nothing is written and the error is returned; otherwise all of fn's
// writes are committed together and, if any changed the library (its
// references or its articles: the index holds both), the generation goes up
// by one. Readers that are open when the commit comes are waited for, and
// new ones wait for the commit.
func (s *Store) Update(fn func(tx *Tx) error) (Changes, error) {
	if s.readOnly {
		return Changes{}, fmt.Errorf("update library %s: opened read-only", s.path)
	}
	if s.broken.Load() {
		// Writing would reuse pages that salvage may still need.
		return Changes{}, &DamagedError{Path: s.path, Detail: "a damaged page was found; nothing will be written to it"}
	}
	release, err := s.lockForCommit()
	if err != nil {
		return Changes{}, err
	}
	defer release()
	var ch Changes
	sh := &shield{path: s.path}
	err = sh.do("write", func() error {
		btx, err := s.db.Begin(true)
		if err != nil {
			return fmt.Errorf("update library %s: %w", s.path, err)
		}
		// Rolls back on an error or a panic in fn; does nothing after Commit.
		defer func() { _ = btx.Rollback() }()

		tx := newTx(btx, sh)
		err = sh.call(func() error { return fn(tx) })
		if tx.err != nil {
			// A damaged page, whatever fn made of it.
			return tx.err
		}
		if err != nil {
			return err
		}
		if ch, err = tx.flush(); err != nil {
			return fmt.Errorf("update library %s: %w", s.path, err)
		}
		meta := btx.Bucket(bucketMeta)
		ch.Generation = getUint(meta, metaGeneration)
		if ch.empty() {
			// Nothing to commit: rolling back spares a write and an fsync.
			return nil
		}
		ch.Generation++
		if err := putUint(meta, metaGeneration, ch.Generation); err != nil {
			return fmt.Errorf("update library %s: %w", s.path, err)
		}
		txid := uint64(btx.ID())
		if err := btx.Commit(); err != nil {
			// bbolt writes the header page last, so a commit that fails
			// (a full disk, an I/O error) leaves the file as it was.
			full := ""
			if errors.Is(err, syscall.ENOSPC) {
				full = "the disk is full: "
			}
			return fmt.Errorf("update library %s: %s%w; nothing was written, the library is as it was", s.path, full, err)
		}
		s.txid = txid
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			s.broken.Store(true)
		}
		return Changes{}, err
	}
	return ch, nil
}

// lockForCommit closes the gate and takes the store's lock exclusively, and
// returns the function that shares it again and opens the gate.
func (s *Store) lockForCommit() (func(), error) {
	if !lockSupported || s.file == nil {
		return func() {}, nil
	}
	g, err := closeGate(s.path, drainTimeout)
	if err != nil {
		return nil, err
	}
	if err := lockFile(s.file, true, drainTimeout); err != nil {
		// The failed conversion may have dropped the shared lock too.
		_ = lockFile(s.file, false, drainTimeout)
		g.open()
		return nil, lockErr(s.path, err, "waiting for readers")
	}
	release := func() {
		_ = downgrade(s.file)
		g.open()
	}
	// The lock was let go for a moment while it was converted; an evident
	// from before these locks, which knows only bbolt's, could have
	// committed then. bbolt's free-page list in this process would be out
	// of date, and writing with it would overwrite that commit's pages.
	info, err := s.file.Stat()
	if err != nil {
		release()
		return nil, fmt.Errorf("update library %s: %w", s.path, err)
	}
	txid, err := committedTxid(s.file, info.Size())
	if err != nil {
		release()
		return nil, &DamagedError{Path: s.path, Detail: err.Error()}
	}
	if txid != s.txid {
		release()
		return nil, fmt.Errorf("update library %s: another program wrote to the library while evident had it open (transaction %d, expected %d); nothing was written, run the command again", s.path, txid, s.txid)
	}
	return release, nil
}

// decode reads a stored reference. A value that does not decode is damage
// in the file at path.
func decode(path string, k, v []byte) (*corpus.Reference, error) {
	var r corpus.Reference
	raw, err := snappy.Decode(nil, v)
	if err != nil {
		return nil, &DamagedError{Path: path, Detail: fmt.Sprintf("reference %s: stored value does not decompress: %v", k, err)}
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, &DamagedError{Path: path, Detail: fmt.Sprintf("reference %s: stored value is not a reference: %v", k, err)}
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

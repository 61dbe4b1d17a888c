package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
)

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
	return SyncDir(filepath.Dir(path))
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

// prepare checks the schema version and, for a writer, creates what is
// missing and brings an older library up to date (migrate.go). The write
// transaction runs only when something is missing, so that an ordinary open
// costs no fsync.
func (s *Store) prepare() error {
	var found uint64
	complete, current := false, false
	err := s.view("read the schema", func(_ *shield, btx *bolt.Tx) error {
		meta := btx.Bucket(bucketMeta)
		if meta == nil {
			return nil
		}
		found = getUint(meta, metaSchema)
		complete = btx.Bucket(bucketRefs) != nil && btx.Bucket(bucketDOI) != nil && btx.Bucket(bucketFP) != nil
		current = true
		for _, name := range buckets {
			current = current && btx.Bucket(name) != nil
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := checkSchema(found); err != nil {
		return err
	}
	if s.readOnly {
		// A reader takes an older library as it is: a library from before
		// articles were stored has none, one of version 1 no aliases, one
		// before version 3 no article paths to look up. The next writer
		// brings it up to date.
		if found > 0 && complete {
			return nil
		}
		return errors.New("not an evident library (no schema version or buckets)")
	}
	if found == SchemaVersion && current {
		return nil
	}
	sh := &shield{path: s.path}
	return sh.do("set up the library", func() error {
		return s.db.Update(func(btx *bolt.Tx) error {
			meta, err := btx.CreateBucketIfNotExists(bucketMeta)
			if err != nil {
				return err
			}
			for _, name := range buckets {
				if _, err := btx.CreateBucketIfNotExists(name); err != nil {
					return err
				}
			}
			if found > 0 && found < SchemaVersion {
				if s.upgraded, err = upgrade(s.path, btx, found); err != nil {
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

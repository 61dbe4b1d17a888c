package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// How evident processes share a library. Three advisory locks, all of whole
// files and all dropped by the system when a process dies:
//
//   - library.db.lock: a writer holds it exclusively from open to close, so
//     writers take turns, and one that waits longer than lockTimeout gives up
//     with ErrLocked.
//   - library.db: bbolt's own lock on the store. A writer holds it
//     exclusively only while it opens the file and while it commits a
//     transaction, and shared the rest of the time (parsing, checking
//     articles, indexing); readers hold it shared. So readers run beside a
//     writer and wait only for a commit. They must wait for that: bbolt
//     writes a commit into pages that the commit before freed, which a
//     reader that started before that commit may still be reading; with no
//     reader open across a commit, every reader sees one whole state.
//   - library.db.gate: a writer holds it exclusively while it waits for the
//     readers to finish and while it commits; a reader takes it, shared, on
//     its way to the store's lock and lets go at once. Without it, readers
//     that keep overlapping could hold the shared lock for ever and the
//     writer could never commit.
//
// The writer's hold of library.db is never released between its opening and
// its commits except while it converts the lock (flock converts by unlocking
// first): an older evident, which knows only bbolt's lock, could commit in
// that moment, and Update checks for that before it writes.
//
// Where flock(2) is missing, only bbolt's lock applies, held exclusively by
// a writer from open to close (see flock_other.go).

// drainTimeout is how long a writer waits for readers to finish before a
// commit, and readerTimeout how long a reader waits for a commit to end.
// Both are long: the other side is making progress, and giving up would
// only make the user start again.
const (
	drainTimeout  = 60 * time.Second
	readerTimeout = 60 * time.Second
)

// pollInterval is how often a lock that is held elsewhere is tried again.
const pollInterval = 5 * time.Millisecond

// errBusy is tryLock's answer when another open file holds the lock.
var errBusy = errors.New("lock held elsewhere")

// lockFile takes a lock on f, trying again until timeout has passed.
func lockFile(f *os.File, exclusive bool, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := tryLock(f, exclusive)
		if !errors.Is(err, errBusy) {
			return err
		}
		if time.Now().After(deadline) {
			return err
		}
		time.Sleep(pollInterval)
	}
}

// lockPaths are the lock files beside the store file at path.
func writerLockPath(path string) string { return path + ".lock" }
func gatePath(path string) string       { return path + ".gate" }

// openLockFile opens a lock file, creating it when create is set. A missing
// gate, for a reader, means that no evident that keeps one has ever written
// the library, and a read-only directory cannot have a writer: the reader
// goes straight to the store's lock.
func openLockFile(path string, create bool) (*os.File, error) {
	if !lockSupported {
		return nil, nil
	}
	if create {
		return os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return f, err
}

// gate is the gate file while it is held.
type gate struct{ f *os.File }

// closeGate takes the gate exclusively: readers not yet at the store's lock
// wait until openGate.
func closeGate(path string, timeout time.Duration) (gate, error) {
	f, err := openLockFile(gatePath(path), true)
	if err != nil || f == nil {
		return gate{}, err
	}
	if err := lockFile(f, true, timeout); err != nil {
		f.Close()
		return gate{}, lockErr(path, err, "waiting for readers")
	}
	return gate{f}, nil
}

// passGate takes the gate shared, for a reader; openGate lets go of it once
// the reader holds the store's lock.
func passGate(path string, timeout time.Duration) (gate, error) {
	f, err := openLockFile(gatePath(path), false)
	if err != nil || f == nil {
		return gate{}, err
	}
	if err := lockFile(f, false, timeout); err != nil {
		f.Close()
		return gate{}, lockErr(path, err, "waiting for a write to finish")
	}
	return gate{f}, nil
}

func (g gate) open() {
	if g.f != nil {
		_ = g.f.Close() // closing drops the lock
	}
}

// lockErr turns a lock that was never granted into ErrLocked.
func lockErr(path string, err error, doing string) error {
	if errors.Is(err, errBusy) {
		return fmt.Errorf("open library %s: %w (gave up %s)", path, ErrLocked, doing)
	}
	return fmt.Errorf("open library %s: %w", path, err)
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

//go:build linux || darwin || freebsd || openbsd || netbsd || dragonfly

package store

import (
	"errors"
	"os"
	"syscall"
)

// lockSupported says that this system has flock(2), whose locks belong to
// an open file (two opens in one process exclude each other as two
// processes do) and go when it is closed, also when its process is killed.
const lockSupported = true

// tryLock takes a shared or exclusive lock on f without waiting; errBusy
// means another open file holds a conflicting one. Taking the other kind of
// lock on a file that holds one converts it, and a failed conversion may
// leave the file with no lock at all (flock(2) converts by unlocking first).
func tryLock(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return errBusy
		}
		return &os.PathError{Op: "lock", Path: f.Name(), Err: err}
	}
}

// downgrade turns f's exclusive lock into a shared one. Nobody else can hold
// a lock on f while it is exclusive, so the shared lock is granted at once.
func downgrade(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH)
		if !errors.Is(err, syscall.EINTR) {
			if err != nil {
				return &os.PathError{Op: "lock", Path: f.Name(), Err: err}
			}
			return nil
		}
	}
}

// unlock lets go of f's lock.
func unlock(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}

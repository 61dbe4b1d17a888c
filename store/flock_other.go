//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package store

import "os"

// lockSupported says that evident's own locks are not available here:
// bbolt's lock on the file is the only one, held exclusively by a writer
// from open to close, so readers wait for a whole writer as they did before
// evident took its own locks.
const lockSupported = false

func tryLock(*os.File, bool) error { return nil }
func downgrade(*os.File) error     { return nil }
func unlock(*os.File) error        { return nil }

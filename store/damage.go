package store

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// ErrDamaged is wrapped by the errors of a library file that cannot be read
// as one: its header pages are invalid, a page is not what the tree says it
// is, a stored value does not decode. Nothing is repaired or dropped; the
// references still readable can be had with Salvage.
var ErrDamaged = errors.New("library file is damaged")

// DamagedError says that the library file at Path is damaged and what failed.
type DamagedError struct {
	Path   string
	Detail string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("%s is damaged: %s", e.Path, e.Detail)
}

// Unwrap makes errors.Is(err, ErrDamaged) true.
func (e *DamagedError) Unwrap() error { return ErrDamaged }

// shield turns what bbolt does when it meets a damaged file into a
// DamagedError. bbolt trusts its file: a page that is not what the tree says
// makes it panic, and a page id past the end of the file makes it read
// memory past the end of the map, a fault that would kill the process. Under
// do, a fault becomes a panic (debug.SetPanicOnFault) and a panic becomes an
// error.
//
// Code that is not the store's, a caller's callback, runs through call: a
// panic there is a bug, not damage, and goes on up as it came.
type shield struct {
	path string
	out  bool // running the caller's code
}

// do runs fn, which reads or writes the file through bbolt.
func (sh *shield) do(op string, fn func() error) (err error) {
	outside := sh.out
	sh.out = false
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if sh.out {
			return // the caller's panic: let it go by untouched
		}
		if r := recover(); r != nil {
			sh.out = outside
			detail := fmt.Sprintf("%s: %v", op, r)
			if _, fault := r.(runtime.Error); fault {
				// A page id past the end of the file, or a page whose
				// contents point nowhere.
				detail = fmt.Sprintf("%s: the file is truncated or a page in it is damaged (%v)", op, r)
			}
			err = &DamagedError{Path: sh.path, Detail: detail}
		}
	}()
	err = fn()
	sh.out = outside
	return err
}

// call runs the caller's fn from inside do. It restores the mark only when
// fn returns: if fn panics, do must see that the panic is not its own.
func (sh *shield) call(fn func() error) error {
	sh.out = true
	err := fn()
	sh.out = false
	return err
}

// looksLikeBolt reports whether a file that bbolt rejects still has pages
// laid out as bbolt lays them out (a page header whose id is the page's own
// number): a library whose header pages were destroyed, rather than some
// other file.
func looksLikeBolt(r io.ReaderAt, size int64) bool {
	buf := make([]byte, pageHeaderSize)
	for _, ps := range pageSizes {
		found := 0
		for id := int64(2); id < 66 && (id+1)*int64(ps) <= size; id++ {
			if _, err := r.ReadAt(buf, id*int64(ps)); err != nil {
				break
			}
			h := parseHeader(buf)
			if h.id == uint64(id) && (h.flags == flagBranch || h.flags == flagLeaf || h.flags == flagFreelist) {
				found++
			}
		}
		if found >= 2 || found == 1 && size <= 8*int64(ps) {
			return true
		}
	}
	return false
}

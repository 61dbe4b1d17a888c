package store

import (
	"errors"
	"os"
	"path/filepath"
)

// DirName is the name of a project's library directory, found by walking up
// from the working directory as git finds .git.
const DirName = ".evident"

// FileName is the store's file inside a library directory.
const FileName = "library.db"

// IndexDirName is the Bleve index's directory inside a library directory.
const IndexDirName = "index"

// Location is a library directory and how it was chosen.
type Location struct {
	Dir string
	// Why says which rule chose Dir: "--library", "EVIDENT_LIBRARY",
	// "nearest .evident" or "user data directory".
	Why string
	// Shadows, when the nearest .evident was chosen, is the library of the
	// user data directory that it hides, if there is one; else "".
	Shadows string
}

// StorePath is the path of the store file.
func (l Location) StorePath() string { return filepath.Join(l.Dir, FileName) }

// IndexPath is the path of the index directory.
func (l Location) IndexPath() string { return filepath.Join(l.Dir, IndexDirName) }

// Exists reports whether the library's store file exists.
func (l Location) Exists() bool {
	_, err := os.Stat(l.StorePath())
	return err == nil
}

// Locate finds the library: flag, else env (EVIDENT_LIBRARY), else the nearest
// .evident directory at or above cwd, else the user data directory
// ($XDG_DATA_HOME/evident, falling back to ~/.local/share/evident).
// getenv is os.Getenv in production; tests pass their own.
func Locate(flag, cwd string, getenv func(string) string) (Location, error) {
	if flag != "" {
		return Location{Dir: flag, Why: "--library"}, nil
	}
	if env := getenv("EVIDENT_LIBRARY"); env != "" {
		return Location{Dir: env, Why: "EVIDENT_LIBRARY"}, nil
	}
	if cwd != "" {
		dir, err := filepath.Abs(cwd)
		if err == nil {
			for {
				cand := filepath.Join(dir, DirName)
				if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
					loc := Location{Dir: cand, Why: "nearest " + DirName}
					if user, err := userDataDir(getenv); err == nil && user.Exists() && !sameDir(user.Dir, cand) {
						loc.Shadows = user.Dir
					}
					return loc, nil
				}
				parent := filepath.Dir(dir)
				if parent == dir {
					break
				}
				dir = parent
			}
		}
	}
	return userDataDir(getenv)
}

// userDataDir is the library of the user data directory.
func userDataDir(getenv func(string) string) (Location, error) {
	if x := getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return Location{Dir: filepath.Join(x, "evident"), Why: "user data directory"}, nil
	}
	home := getenv("HOME")
	if home == "" {
		return Location{}, errors.New("cannot find a library: no --library, EVIDENT_LIBRARY, .evident directory, XDG_DATA_HOME or HOME")
	}
	return Location{Dir: filepath.Join(home, ".local", "share", "evident"), Why: "user data directory"}, nil
}

// sameDir reports whether a and b are one directory.
func sameDir(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/evident-tools/evident/store"
)

// Action says what adding an article did to the library.
type Action string

// The actions of Place.
const (
	Added   Action = "added"   // a new article
	Updated Action = "updated" // the article stored from this file (or under --id) before
	Moved   Action = "moved"   // the article of a file that has moved here
)

// AbsPath is the absolute form of path, cleaned and slash-separated, that
// identifies an article's file whatever directory it is named from.
// Symbolic links are left as they are: a file reached through two links is
// two files to evident.
func AbsPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return filepath.ToSlash(abs), nil
}

// Place decides, in the transaction that will store it, which stored
// article a (made by Stored) is, and sets a.ID, a.Added and a.MovedFrom
// accordingly. With explicit (--id), the id decides. Otherwise, in order:
//
//  1. an article stored from the same absolute path is this one, updated;
//  2. an article stored under a.ID before evident kept absolute paths is
//     this one (a library from before schema 3: ids were the path as given);
//  3. an article with the same content whose file no longer exists is
//     this one, moved: it keeps its id and history;
//  4. otherwise it is a new article under a.ID, or, when that id belongs
//     to another file (the same name in another directory), under its
//     absolute path.
//
// taken holds the ids already placed in this transaction, which no other
// file may take; Place adds a's.
func Place(tx *store.Tx, a *store.Article, explicit bool, taken map[string]bool) (Action, error) {
	action, prev, err := place(tx, a, explicit, taken)
	if err != nil {
		return "", err
	}
	taken[a.ID] = true
	a.Added = a.Checked
	if prev == nil {
		return action, nil
	}
	a.Added = prev.Added
	if a.Added.IsZero() {
		// Stored before evident kept it: its last check is the best known.
		a.Added = prev.Checked
	}
	if action == Moved {
		a.MovedFrom = prev.AbsPath
	} else {
		a.MovedFrom = prev.MovedFrom
	}
	return action, nil
}

func place(tx *store.Tx, a *store.Article, explicit bool, taken map[string]bool) (Action, *store.Article, error) {
	if explicit {
		prev, err := get(tx, a.ID)
		if err != nil || prev == nil {
			return Added, nil, err
		}
		return Updated, prev, nil
	}
	ids, err := tx.ArticlesByPath(a.AbsPath)
	if err != nil {
		return "", nil, err
	}
	for _, id := range ids {
		if !taken[id] {
			a.ID = id
			prev, err := get(tx, id)
			return Updated, prev, err
		}
	}
	prev, err := get(tx, a.ID)
	if err != nil {
		return "", nil, err
	}
	if prev != nil && prev.AbsPath == "" && !taken[a.ID] {
		return Updated, prev, nil
	}
	if ids, err = tx.ArticlesByHash(store.ContentHash(a.Source)); err != nil {
		return "", nil, err
	}
	for _, id := range ids {
		if taken[id] {
			continue
		}
		old, err := get(tx, id)
		if err != nil {
			return "", nil, err
		}
		if old != nil && old.AbsPath != "" && old.AbsPath != a.AbsPath && gone(old.AbsPath) {
			a.ID = id
			return Moved, old, nil
		}
	}
	if prev != nil || taken[a.ID] {
		// The name as given is another file's id; the absolute path is
		// this file's alone.
		given := a.ID
		a.ID = a.AbsPath
		other, err := get(tx, a.ID)
		if err != nil {
			return "", nil, err
		}
		if other != nil || taken[a.ID] {
			return "", nil, fmt.Errorf("%s: the ids %s and %s belong to other articles; name this one with --id", a.Path, given, a.ID)
		}
	}
	return Added, nil, nil
}

// get returns the article stored under id, or nil.
func get(tx *store.Tx, id string) (*store.Article, error) {
	a, err := tx.GetArticle(id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	return a, err
}

// gone says whether the file at the absolute path abs no longer exists. A
// file that cannot be looked at (permissions) is taken to be there: a move
// must be certain.
func gone(abs string) bool {
	_, err := os.Stat(filepath.FromSlash(abs))
	return errors.Is(err, fs.ErrNotExist)
}

// Lookup is what Find needs of the library: *store.Store and *store.Tx
// have it.
type Lookup interface {
	GetArticle(id string) (*store.Article, error)
	ArticlesByPath(abs string) ([]string, error)
}

// Find returns the stored article that name names, as a user types it:
// its file, named from any directory (x.md from inside plos/ for
// plos/x.md), else its id or its id as 'add' cleans it (./x.md). The file
// comes first: from inside sub/, notes.md is sub/notes.md even when
// another article's id is notes.md. It returns an error wrapping
// store.ErrNotFound when there is none.
func Find(l Lookup, name string) (*store.Article, error) {
	id := filepath.ToSlash(filepath.Clean(name))
	if abs, err := AbsPath(name); err == nil {
		ids, err := l.ArticlesByPath(abs)
		switch {
		case err != nil:
			return nil, err
		case len(ids) == 1:
			return l.GetArticle(ids[0])
		case len(ids) > 1 && !slices.Contains(ids, name) && !slices.Contains(ids, id):
			return nil, fmt.Errorf("%s is stored as several articles (%s); name one by its id", name, strings.Join(ids, ", "))
		}
	}
	for _, id := range []string{name, id} {
		a, err := l.GetArticle(id)
		if !errors.Is(err, store.ErrNotFound) {
			return a, err
		}
	}
	return nil, fmt.Errorf("article %s: %w", name, store.ErrNotFound)
}

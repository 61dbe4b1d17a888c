package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/evident-tools/evident/corpus"
)

// Policy says what Merge does with an incoming reference that is already in
// the library, by DOI or by fingerprint.
type Policy int

const (
	// Skip leaves the stored reference alone and drops the incoming one.
	Skip Policy = iota
	// Update replaces the stored reference with the incoming one, under the
	// stored key.
	Update
	// Keep stores the incoming reference as a new one beside the stored one,
	// renaming its key if it is taken.
	Keep
)

var policyNames = [...]string{Skip: "skip", Update: "update", Keep: "keep"}

// PolicyNames lists the policies by name, for flags and messages.
func PolicyNames() []string { return policyNames[:] }

// ParsePolicy parses "skip", "update" or "keep".
func ParsePolicy(s string) (Policy, error) {
	for p, name := range policyNames {
		if s == name {
			return Policy(p), nil
		}
	}
	return 0, fmt.Errorf("unknown duplicate policy %q (want skip, update or keep)", s)
}

// String returns the name ParsePolicy accepts.
func (p Policy) String() string {
	if p >= 0 && int(p) < len(policyNames) {
		return policyNames[p]
	}
	return "Policy(" + strconv.Itoa(int(p)) + ")"
}

// Outcome counts what Merge did and lists what the user should hear about.
type Outcome struct {
	Added, Updated, Duplicates int
	// Unchanged counts the incoming references the library holds already
	// as they are: the same entry under the same key, or a duplicate whose
	// key is an alias of the reference it duplicates already.
	Unchanged int
	Problems  []corpus.Problem // rejected entries
	Notes     []corpus.Problem // duplicates skipped, keys renamed: informational
	// Aliased are the duplicates whose keys became aliases of the stored
	// reference they duplicate (skipped, or merged into it by Update), so
	// that a citation by such a key still resolves.
	Aliased []corpus.Problem
}

// Merge adds refs to the library in order under the duplicate policy p.
//
// An incoming reference identical to the one stored under its key (see
// sameEntry) is unchanged, whatever the policy. Otherwise it matches a stored
// one by corpus.DuplicateOf; references earlier in refs count as stored. A
// match whose key is an alias of it already was merged before: unchanged,
// except that Update replaces the stored reference when they differ. Skip
// drops a match and keeps its key as an alias of the stored reference when
// the key names nothing else; Update replaces the stored reference under its
// key, keeping the incoming key as an alias likewise; Keep stores it beside
// the stored one. An unmatched reference whose key names a different work
// (as a key or an alias) is rejected as a Problem, except under Keep, which
// renames it key-2, key-3, ... New references get the current time as Added;
// an update keeps the stored one's, and its aliases. The caller's references
// are not modified. An error means storage failed and the transaction must
// be abandoned.
func (tx *Tx) Merge(refs []*corpus.Reference, p Policy) (Outcome, error) {
	if p < Skip || p > Keep {
		return Outcome{}, fmt.Errorf("merge: unknown duplicate policy %d", p)
	}
	var out Outcome
	now := time.Now().UTC()
	for _, in := range refs {
		if in == nil {
			continue
		}
		r := *in
		r.Aliases = nil // the library's to give
		// The key stays in the transaction's maps until the commit; a
		// parsed key is part of its whole file's text, which it would
		// keep in memory (57 MB for 100,000 references).
		r.Key = strings.Clone(r.Key)
		at := corpus.Problem{File: r.Source.File, Line: r.Source.Line, Key: r.Key}
		if err := checkKey(r.Key); err != nil {
			out.Problems = append(out.Problems, problemAt(at, err.Error()))
			continue
		}
		if len(r.Key) > maxKeyLen-renameRoom {
			out.Problems = append(out.Problems, problemAt(at, fmt.Sprintf("key is longer than %d bytes", maxKeyLen-renameRoom)))
			continue
		}
		stored, err := tx.lookup(r.Key)
		if err != nil {
			return out, err
		}
		if stored != nil && sameEntry(stored, &r) {
			// Its attached files may have changed since it was stored.
			if err := tx.putText(stored, true); err != nil {
				return out, err
			}
			out.Unchanged++
			continue
		}
		match, why := corpus.DuplicateOf(&r, tx)
		if err := tx.err; err != nil {
			return out, err
		}
		switch {
		case match != "" && p != Update && tx.KeyByAlias(r.Key) == match:
			// Imported before, and merged into match as a duplicate.
			out.Unchanged++
			continue
		case match != "" && p == Skip:
			if err := tx.skip(&r, match, why, at, &out); err != nil {
				return out, err
			}
			continue
		case match != "" && p == Update:
			if err := tx.update(&r, match, why, at, &out); err != nil {
				return out, err
			}
			continue
		case match == "" && p != Keep && tx.taken(r.Key):
			out.Problems = append(out.Problems, problemAt(at, tx.clash(r.Key)))
			continue
		}
		if tx.taken(r.Key) {
			r.Key = tx.freeKey(r.Key)
			out.Notes = append(out.Notes, problemAt(at, fmt.Sprintf("key %s is taken, stored as %s", at.Key, r.Key)))
		}
		r.Added = now
		if err := tx.Put(&r); err != nil {
			return out, err
		}
		out.Added++
	}
	return out, nil
}

// lookup returns the reference stored under key, or nil.
func (tx *Tx) lookup(key string) (*corpus.Reference, error) {
	if !tx.has(key) {
		return nil, tx.err
	}
	return tx.Get(key)
}

// skip drops r, a duplicate of the stored reference match, and keeps r's
// key as an alias of match when it names nothing else.
func (tx *Tx) skip(r *corpus.Reference, match string, why corpus.DuplicateReason, at corpus.Problem, out *Outcome) error {
	switch {
	case match == r.Key:
		out.Duplicates++
		out.Notes = append(out.Notes, problemAt(at, fmt.Sprintf("already in the library (%s) with other fields; the stored reference is kept", why)))
	case tx.taken(r.Key):
		out.Duplicates++
		out.Notes = append(out.Notes, problemAt(at, fmt.Sprintf("duplicate of %s (%s), skipped", match, why)))
	default:
		if err := tx.addAlias(match, r.Key); err != nil {
			return err
		}
		out.Duplicates++
		out.Aliased = append(out.Aliased, problemAt(at, fmt.Sprintf("duplicate of %s (%s), skipped; %s is kept as an alias of %s", match, why, r.Key, match)))
	}
	return nil
}

// update replaces the stored reference match with r, its duplicate, under
// match's key, keeping its time and aliases and adding r's key to them when
// it names nothing else.
func (tx *Tx) update(r *corpus.Reference, match string, why corpus.DuplicateReason, at corpus.Problem, out *Outcome) error {
	prev, err := tx.Get(match)
	if err != nil {
		return err
	}
	key := r.Key
	r.Key, r.Added, r.Aliases = match, prev.Added, prev.Aliases
	aliased := key != match && !tx.taken(key)
	if aliased {
		r.Aliases = append(slices.Clip(r.Aliases), key)
	}
	if tx.KeyByAlias(key) == match && sameEntry(prev, r) {
		// Imported and merged before.
		out.Unchanged++
		return nil
	}
	if err := tx.Put(r); err != nil {
		return err
	}
	out.Updated++
	switch {
	case aliased:
		out.Aliased = append(out.Aliased, problemAt(at, fmt.Sprintf("duplicate of %s (%s), updated %s; %s is kept as an alias of %s", match, why, match, key, match)))
	case key != match:
		out.Notes = append(out.Notes, problemAt(at, fmt.Sprintf("duplicate of %s (%s), updated %s", match, why, match)))
	}
	return nil
}

// clash says which different work key names already.
func (tx *Tx) clash(key string) string {
	owner, via := key, ""
	if !tx.has(key) {
		owner = tx.KeyByAlias(key)
		via = " (as an alias of " + owner + ")"
	}
	title := "(untitled)"
	if other, err := tx.Get(owner); err == nil && other.Title != "" {
		title = other.Title
	}
	return fmt.Sprintf("key %s already names a different work%s: %s", key, via, title)
}

// sameEntry reports whether a and b hold the same entry: the same type,
// fields and everything read from them. Where and when each was read (its
// source, its raw text, the time it was added) and the aliases the library
// gave it do not count: importing a file again, or from another place,
// changes nothing.
func sameEntry(a, b *corpus.Reference) bool {
	ea, erra := entryJSON(a)
	eb, errb := entryJSON(b)
	return erra == nil && errb == nil && bytes.Equal(ea, eb)
}

func entryJSON(r *corpus.Reference) ([]byte, error) {
	e := *r
	e.Aliases, e.Raw, e.Source, e.Added = nil, "", corpus.Source{}, time.Time{}
	return json.Marshal(&e)
}

// renameRoom leaves space under maxKeyLen for the suffix freeKey adds.
const renameRoom = 16

// freeKey returns key-2, key-3, ..., whichever is first not taken.
func (tx *Tx) freeKey(key string) string {
	for n := 2; ; n++ {
		k := key + "-" + strconv.Itoa(n)
		if !tx.taken(k) {
			return k
		}
	}
}

// problemAt returns the problem at with the message msg.
func problemAt(at corpus.Problem, msg string) corpus.Problem {
	at.Msg = msg
	return at
}

package store

import (
	"fmt"
	"strconv"
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
	Problems                   []corpus.Problem // rejected entries
	Notes                      []corpus.Problem // duplicates skipped, keys renamed: informational
}

// Merge adds refs to the library in order under the duplicate policy p.
// An incoming reference matches a stored one by DOI when it has one, else by
// corpus.Fingerprint; references earlier in refs count as stored. An unmatched
// reference whose key names a different work is rejected as a Problem, except
// under Keep, which renames it key-2, key-3, ... New references get the
// current time as Added; an update keeps the stored one's. The caller's
// references are not modified. An error means storage failed and the
// transaction must be abandoned.
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
		at := corpus.Problem{File: r.Source.File, Line: r.Source.Line, Key: r.Key}
		if err := checkKey(r.Key); err != nil {
			out.Problems = append(out.Problems, problemAt(at, err.Error()))
			continue
		}
		if len(r.Key) > maxKeyLen-renameRoom {
			out.Problems = append(out.Problems, problemAt(at, fmt.Sprintf("key is longer than %d bytes", maxKeyLen-renameRoom)))
			continue
		}
		match, why := tx.match(&r)
		switch {
		case match != "" && p == Skip:
			out.Duplicates++
			out.Notes = append(out.Notes, problemAt(at, fmt.Sprintf("duplicate of %s (%s), skipped", match, why)))
			continue
		case match != "" && p == Update:
			prev, err := tx.Get(match)
			if err != nil {
				return out, err
			}
			r.Key, r.Added = match, prev.Added
			if err := tx.Put(&r); err != nil {
				return out, err
			}
			out.Updated++
			if match != at.Key {
				out.Notes = append(out.Notes, problemAt(at, fmt.Sprintf("duplicate of %s (%s), updated %s", match, why, match)))
			}
			continue
		case match == "" && p != Keep && tx.has(r.Key):
			other, err := tx.Get(r.Key)
			if err != nil {
				return out, err
			}
			title := other.Title
			if title == "" {
				title = "(untitled)"
			}
			out.Problems = append(out.Problems, problemAt(at, fmt.Sprintf("key %s already names a different work: %s", r.Key, title)))
			continue
		}
		if tx.has(r.Key) {
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

// match finds the stored reference r duplicates and says how it knows.
func (tx *Tx) match(r *corpus.Reference) (key, why string) {
	if r.IDs.DOI != "" {
		if k := tx.KeyByDOI(r.IDs.DOI); k != "" {
			return k, "same DOI"
		}
	}
	k := tx.KeyByFingerprint(corpus.Fingerprint(r))
	if k == "" {
		return "", ""
	}
	// The same title, year and first author is the same work, unless both
	// carry DOIs and they differ (a corrigendum, a reprint in another
	// journal).
	if r.IDs.DOI != "" {
		if stored, err := tx.Get(k); err == nil && stored.IDs.DOI != "" && stored.IDs.DOI != r.IDs.DOI {
			return "", ""
		}
	}
	return k, "same title, year and first author"
}

// renameRoom leaves space under maxKeyLen for the suffix freeKey adds.
const renameRoom = 16

// freeKey returns key-2, key-3, ..., whichever is first not taken.
func (tx *Tx) freeKey(key string) string {
	for n := 2; ; n++ {
		k := key + "-" + strconv.Itoa(n)
		if !tx.has(k) {
			return k
		}
	}
}

// problemAt returns the problem at with the message msg.
func problemAt(at corpus.Problem, msg string) corpus.Problem {
	at.Msg = msg
	return at
}

package resolve

import (
	"strconv"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// Field names one way a citation reaches a reference: by its key, an
// identifier, its title or its first author. A Library looks references up
// by (Field, value); Terms says which values a reference is found by, so
// that the library in memory and the one on disk (package store) index
// references by one definition of each normal form.
type Field byte

// The fields. Their numbers are stored on disk: append, never renumber.
const (
	FieldKey       Field = iota // the reference's key, exactly
	FieldAlias                  // one of its aliases, exactly
	FieldFold                   // its key in lower case
	FieldFoldAlias              // an alias in lower case
	FieldDOI                    // corpus.Identifiers.DOI
	FieldPMID
	FieldPMCID
	FieldArXiv
	FieldISBN
	FieldURL   // the URL as urlKey folds it
	FieldTitle // the title's content words, joined by spaces
	FieldWord  // one content word of the title
	// FieldFirst is the first author's folded family name (and its forms
	// without particles and as initials, nameForms) with the year:
	// FirstValue. A lookup by the name alone finds every year.
	FieldFirst
	numFields
)

// Term is one value a reference is indexed by.
type Term struct {
	Field Field
	Value string
}

// yearSep separates a first author's name from the year in a FieldFirst
// value; no folded name contains it.
const yearSep = "\x1f"

// FirstValue is the FieldFirst value of a first author's name form and a
// year (0 when the work has none).
func FirstValue(name string, year int) string {
	return name + yearSep + strconv.Itoa(year)
}

// Terms returns what r is found by, each (Field, Value) once, except its
// key (FieldKey), which the library holds anyway.
func Terms(r *corpus.Reference) []Term {
	var out []Term
	seen := map[Term]bool{}
	add := func(f Field, v string) {
		t := Term{f, v}
		if v != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	add(FieldFold, strings.ToLower(r.Key))
	for _, a := range r.Aliases {
		for _, t := range AliasTerms(a) {
			add(t.Field, t.Value)
		}
	}
	add(FieldDOI, r.IDs.DOI)
	add(FieldPMID, r.IDs.PMID)
	add(FieldPMCID, r.IDs.PMCID)
	add(FieldArXiv, r.IDs.ArXiv)
	add(FieldISBN, r.IDs.ISBN)
	add(FieldURL, urlKey(r.IDs.URL))
	words := contentWords(corpus.NormalizeTitle(r.Title))
	add(FieldTitle, strings.Join(words, " "))
	for _, w := range words {
		add(FieldWord, w)
	}
	if names := firstNames(r); len(names) > 0 {
		for _, n := range nameForms(refNameKey(names[0], true)) {
			add(FieldFirst, FirstValue(n, r.Year))
		}
	}
	return out
}

// AliasTerms are the terms an alias adds to its reference's: what a
// store that gives a reference one more alias indexes, without working
// out the rest of Terms again.
func AliasTerms(alias string) [2]Term {
	return [2]Term{{FieldAlias, alias}, {FieldFoldAlias, strings.ToLower(alias)}}
}

// firstNames are the names a work is cited by: its authors, else its
// editors.
func firstNames(r *corpus.Reference) []corpus.Name {
	if len(r.Authors) > 0 {
		return r.Authors
	}
	return r.Editors
}

// nameForms are the forms of a first author's name that find the work:
// the folded surname, the surname without particles and a corporate
// author's initials, and those initials less trailing words from three
// letters on ("CDC" for Centers for Disease Control and Prevention).
func nameForms(a nameKey) []string {
	var out []string
	add := func(k string) {
		if k != "" && indexOf(out, k) < 0 {
			out = append(out, k)
		}
	}
	add(a.full)
	add(a.bare)
	add(a.acronym)
	for n := 3; a.corporate && n < len(a.acronym); n++ {
		add(a.acronym[:n])
	}
	return out
}

// Index is a library kept elsewhere (on disk: package store) that a
// Library looks references up in instead of holding them all: every
// method reads only what it returns. Keys come in key order, which is the
// order of a library read whole (Store.Each), so that where several
// references fit, the same one wins either way. An Index is read by one
// Library at a time; a lookup that fails (a damaged file) returns nothing
// and Err says why.
type Index interface {
	// Len is the number of references.
	Len() int
	// Keys returns the keys of the references indexed under value in f,
	// in key order; limit > 0 keeps the first limit. FieldKey finds the
	// reference stored under the key itself; FieldFirst by a name
	// without a year (no yearSep) finds every year.
	Keys(f Field, value string, limit int) []string
	// Count is len(Keys(f, value, 0)), without reading the keys.
	Count(f Field, value string) int
	// Has reports for each of keys whether its reference is indexed
	// under value in f, without decoding it.
	Has(f Field, value string, keys []string) []bool
	// Get returns the reference stored under key, or nil.
	Get(key string) *corpus.Reference
	// Near returns the distinct values of f (FieldFold, or the names of
	// FieldFirst, without years) within maxEdits edits of value, and
	// perhaps others: the caller measures each.
	Near(f Field, value string, maxEdits int) []string
	// Err is the first error a lookup met, or nil.
	Err() error
}

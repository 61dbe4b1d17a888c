package pipeline

import (
	"context"
	"fmt"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/resolve"
	"github.com/evident-tools/evident/importer"
	"github.com/evident-tools/evident/store"
)

// FromFiles reads reference files (BibTeX, RIS) into memory for a one-shot
// check that stores nothing (--bib). warnings are the entries skipped, the
// parser's warnings about the entries kept and the keys used twice, each
// naming file and line; the first of two entries with one key is used, and
// a duplicate work's key becomes an alias of the first, as an import would
// keep it.
func FromFiles(ctx context.Context, paths []string) (refs []*corpus.Reference, warnings []string, err error) {
	inputs := make([]importer.Input, len(paths))
	for i, p := range paths {
		inputs[i] = importer.Input{Name: p}
	}
	refs, sum, err := importer.Parse(ctx, inputs, nil)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range sum.Problems {
		warnings = append(warnings, p.Error()+" (entry skipped)")
	}
	// The parser's warnings about entries it kept (a repair, an undefined
	// macro), as import says them.
	for _, p := range sum.Warnings {
		warnings = append(warnings, p.Error())
	}
	for _, p := range importer.DuplicateKeys(refs) {
		warnings = append(warnings, p.Error())
	}
	// Duplicates resolve as they would once imported: by key aliases.
	return importer.AsLibrary(refs), warnings, nil
}

// FromStore returns every reference of the library, to check against.
func FromStore(st *store.Store) ([]*corpus.Reference, error) {
	var refs []*corpus.Reference
	err := st.Each(func(r *corpus.Reference) error {
		refs = append(refs, r)
		return nil
	})
	return refs, err
}

// Indexed is a stored library that a check resolves citations against
// through its indexes (store.RefIndex), reading only the references they
// could name.
type Indexed struct {
	idx *store.RefIndex
}

// FromIndex returns st's library to resolve against through its indexes,
// or nil when it has none (a library of an older evident opened for
// reading: the caller reads it whole with FromStore).
func FromIndex(st *store.Store) (*Indexed, error) {
	idx, err := st.RefIndex()
	if err != nil || idx == nil {
		return nil, err
	}
	return &Indexed{idx: idx}, nil
}

// storedWorks is the indexed library as importer.ExtendStored looks works
// up in it.
type storedWorks struct{ ix *store.RefIndex }

func (w storedWorks) KeyByDOI(doi string) string { return first(w.ix.Keys(resolve.FieldDOI, doi, 1)) }

func (w storedWorks) KeyByFingerprint(fp string) string { return w.ix.KeyByFingerprint(fp) }

func (w storedWorks) KeyByAlias(a string) string { return first(w.ix.Keys(resolve.FieldAlias, a, 1)) }

func (w storedWorks) Get(key string) (*corpus.Reference, error) {
	if r := w.ix.Get(key); r != nil {
		return r, nil
	}
	return nil, fmt.Errorf("reference %s: %w", key, store.ErrNotFound)
}

// has reports whether key, folded, is a key or an alias of the library.
func (w storedWorks) has(folded string) bool {
	return len(w.ix.Keys(resolve.FieldFold, folded, 1)) > 0 || len(w.ix.Keys(resolve.FieldFoldAlias, folded, 1)) > 0
}

// byID returns the first key of a reference with a workIDs identifier
// ("doi:…", "pmid:…", "pmcid:…"), or "".
func (w storedWorks) byID(id string) string {
	prefix, v, _ := strings.Cut(id, ":")
	f := map[string]resolve.Field{"doi": resolve.FieldDOI, "pmid": resolve.FieldPMID, "pmcid": resolve.FieldPMCID}[prefix]
	if f == 0 {
		return ""
	}
	return first(w.ix.Keys(f, v, 1))
}

func first(ks []string) string {
	if len(ks) == 0 {
		return ""
	}
	return ks[0]
}

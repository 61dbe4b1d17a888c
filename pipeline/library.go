package pipeline

import (
	"context"

	"github.com/evident-tools/evident/corpus"
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

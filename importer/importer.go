// Package importer reads BibTeX, RIS and CSL-JSON files into the library's store: it parses
// every file first, then merges the references in one transaction, so an
// import lands whole or not at all. It does not index; the caller does.
package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/textfile"
	"github.com/evident-tools/evident/store"
)

// Input is one file to import. Name is what messages call it; R, when set,
// is read instead of opening Name (standard input).
type Input struct {
	Name string
	R    io.Reader
	// Format is one of the formats (FormatBibTeX, FormatRIS, FormatCSL),
	// or FormatAuto to decide by the file's content and extension.
	Format string
}

// Options tune an import.
type Options struct {
	Policy store.Policy
	// Progress, when set, is told how many bytes of all inputs were parsed.
	Progress func(done, total int64)
	// Recheck, when set, checks again, in the import's transaction, the
	// stored articles that the changed references may judge differently,
	// and returns their ids (pipeline.Recheck). The importer does not
	// check articles itself.
	Recheck func(tx *store.Tx) ([]string, error)
}

// Summary is what an import did.
type Summary struct {
	Files int
	// Identifiers counts the works asked for by identifier ('import
	// 10.1000/xyz'), fetched or not.
	Identifiers int
	Read        int // entries read from the files
	Added       int
	Updated     int
	Duplicates  int
	Unchanged   int              // entries the library held already as they are
	Rejected    int              // entries that could not be read or stored
	Problems    []corpus.Problem // why entries were rejected, in file order
	Warnings    []corpus.Problem // about entries that were kept: something odd in them, or repaired (Parse fills them)
	Notes       []corpus.Problem // duplicates skipped, keys renamed
	// Aliased are the duplicates whose keys became aliases of the
	// references they duplicate (store.Outcome.Aliased).
	Aliased   []corpus.Problem
	Changes   store.Changes
	Rechecked []string // ids of the stored articles checked again
	// memFloor is the soft memory limit Parse found, which Merge brings
	// the limit back to once the references are stored (memlimit.go).
	memFloor int64
}

// InputError is a file that could not be read at all; nothing was imported.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Parse reads every input into references without touching the store.
func Parse(ctx context.Context, inputs []Input, progress func(done, total int64)) ([]*corpus.Reference, *Summary, error) {
	sum := &Summary{Files: len(inputs)}
	datas := make([][]byte, len(inputs))
	var total int64
	for i, in := range inputs {
		data, err := readInput(in)
		if err != nil {
			return nil, nil, &InputError{Err: err}
		}
		datas[i] = data
		total += int64(len(data))
	}
	sum.memFloor = makeRoomFor(total)
	p := &parsing{bib: bibtex.NewParser()}
	var done int64
	for i, in := range inputs {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		text, warns, err := textfile.Decode(in.Name, datas[i])
		if err != nil {
			return nil, nil, &InputError{Err: err}
		}
		done += int64(len(datas[i]))
		datas[i] = nil
		f, err := formatOf(in, text)
		if err != nil {
			return nil, nil, &InputError{Err: err}
		}
		sum.Read += f.parse(p, in.Name, text, warns)
		if progress != nil {
			progress(done, total)
		}
	}
	refs := append(p.bib.References(), p.refs...)
	sum.Problems = detach(append(p.bib.Problems, p.problems...))
	sum.Warnings = detach(append(p.bib.Warnings, p.warnings...))
	sum.Rejected = len(sum.Problems)
	return refs, sum, nil
}

// detach copies the strings of ps, which may be parts of a whole input
// file's text (a key), so that holding the problems does not hold the
// file: 57 MB for the 100,000-reference benchmark input, kept alive
// through the store's commit, the import's peak, by a few hundred notes
// once the references themselves were stored.
func detach(ps []corpus.Problem) []corpus.Problem {
	for i := range ps {
		p := &ps[i]
		p.File, p.Key, p.Msg = strings.Clone(p.File), strings.Clone(p.Key), strings.Clone(p.Msg)
	}
	return ps
}

func readInput(in Input) ([]byte, error) {
	if in.R != nil {
		data, err := io.ReadAll(in.R)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.Name, err)
		}
		return data, nil
	}
	fi, err := os.Stat(in.Name)
	if err != nil {
		return nil, ReadError(in.Name, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not a BibTeX file", in.Name)
	}
	data, err := os.ReadFile(in.Name)
	if err != nil {
		return nil, ReadError(in.Name, err)
	}
	return data, nil
}

// ReadError words a failure to open or read a file as "NAME: cannot read:
// REASON", naming the file once ("refs.bib: cannot read: permission
// denied") rather than as the operation that failed ("open refs.bib: ...").
func ReadError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: cannot read: %w", name, err)
}

// DuplicateKeys reports the references whose key (ignoring case, as BibTeX
// does) an earlier reference already has, as warnings at their entries. A
// check against --bib files uses the first; the store refuses the others
// when importing.
func DuplicateKeys(refs []*corpus.Reference) []corpus.Problem {
	first := make(map[string]*corpus.Reference, len(refs))
	var out []corpus.Problem
	for _, r := range refs {
		k := strings.ToLower(r.Key)
		if f, dup := first[k]; dup {
			out = append(out, corpus.Problem{File: r.Source.File, Line: r.Source.Line, Key: r.Key,
				Msg: fmt.Sprintf("key used again (first at %s:%d); the first entry is used", f.Source.File, f.Source.Line)})
			continue
		}
		first[k] = r
	}
	return out
}

// Import parses the inputs and merges their references into the store in
// one transaction.
func Import(ctx context.Context, st *store.Store, inputs []Input, opts Options) (*Summary, error) {
	refs, sum, err := Parse(ctx, inputs, opts.Progress)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := Merge(st, refs, sum, opts); err != nil {
		return nil, err
	}
	return sum, nil
}

// Merge stores parsed references in one transaction under opts.Policy,
// checks again in the same transaction the stored articles that the new
// references may judge differently, and adds what happened to sum. It
// clears refs as it stores them: the transaction holds their stored form,
// and the parsed references of a large import, kept to the end, made the
// largest part of its peak memory.
func Merge(st *store.Store, refs []*corpus.Reference, sum *Summary, opts Options) error {
	var out store.Outcome
	var rechecked []string
	changes, err := st.Update(func(tx *store.Tx) error {
		for len(refs) > 0 {
			batch := refs[:min(len(refs), 1000)]
			o, err := tx.Merge(batch, opts.Policy)
			if err != nil {
				return err
			}
			clear(batch)
			refs = refs[len(batch):]
			out.Added, out.Updated, out.Duplicates, out.Unchanged = out.Added+o.Added, out.Updated+o.Updated, out.Duplicates+o.Duplicates, out.Unchanged+o.Unchanged
			out.Problems = append(out.Problems, detach(o.Problems)...)
			out.Notes = append(out.Notes, detach(o.Notes)...)
			out.Aliased = append(out.Aliased, detach(o.Aliased)...)
		}
		var err error
		if opts.Recheck != nil {
			rechecked, err = opts.Recheck(tx)
		}
		return err
	})
	fitLimit(sum.memFloor)
	if err != nil {
		return err
	}
	sum.Changes = changes
	sum.Rechecked = rechecked
	sum.Added, sum.Updated, sum.Duplicates, sum.Unchanged = out.Added, out.Updated, out.Duplicates, out.Unchanged
	sum.Problems = append(sum.Problems, out.Problems...)
	sum.Rejected += len(out.Problems)
	sum.Notes = append(sum.Notes, out.Notes...)
	sum.Aliased = append(sum.Aliased, out.Aliased...)
	return nil
}

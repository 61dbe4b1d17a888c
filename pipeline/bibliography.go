package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/importer"
)

// bibliographies reads the bibliography files articles name
// (\bibliography{a,b}, \addbibresource{x.bib}, the bibliography: key of
// Markdown front matter), each file once in a run however many articles
// name it. Their references stand in for keys the library lacks; the
// library's own references always win.
type bibliographies struct {
	ctx   context.Context
	files map[string]*bibFile // by the path read
	// have holds the library's keys and aliases, folded as Library.ByKey
	// folds them, once it is first needed.
	have map[string]bool
	// aliases holds the citation aliases of the Manubot parts in each
	// directory (addManubotAliases).
	aliases map[string]map[string]string
}

// bibFile is one bibliography file read, or why it could not be.
type bibFile struct {
	refs     []*corpus.Reference
	warnings []string
	missing  bool
	err      error
}

func newBibliographies(ctx context.Context) *bibliographies {
	return &bibliographies{ctx: ctx, files: map[string]*bibFile{}, aliases: map[string]map[string]string{}}
}

// extend returns lib with the references of the bibliography files doc
// names whose keys lib lacks, and the notes the report gets: how many
// references each file gave, the files that are missing or unreadable,
// and the warnings of those read. dir is the directory the files are
// found from: the article's. A bibliography that gives nothing returns
// lib itself. stored, when set, is the library on disk that lib is laid
// over: its keys and works count as lib's.
func (b *bibliographies) extend(doc *corpus.Document, dir string, lib []*corpus.Reference, stored *storedWorks) ([]*corpus.Reference, []string) {
	if len(doc.Bibliography) == 0 {
		return lib, nil
	}
	var notes []string
	out := lib
	for _, name := range doc.Bibliography {
		file := name
		if filepath.Ext(file) == "" {
			file += ".bib" // \bibliography{refs} names refs.bib
		}
		written := bibCommand(doc.Format, name)
		if _, err := importer.ParseFormat(strings.TrimPrefix(filepath.Ext(file), ".")); err != nil {
			notes = append(notes, fmt.Sprintf("warning: %s: %s not read: %v", written, file, err))
			continue
		}
		path := file
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		f := b.read(path)
		switch {
		case f.missing:
			notes = append(notes, fmt.Sprintf("warning: %s: %s not found beside %s", written, file, filepath.Base(doc.Path)))
			continue
		case f.err != nil:
			notes = append(notes, fmt.Sprintf("warning: %s: %v", written, f.err))
			continue
		}
		for _, w := range f.warnings {
			notes = append(notes, "warning: "+w)
		}
		var lacked []*corpus.Reference
		have := b.keys(lib)
		for _, r := range f.refs {
			k := strings.ToLower(r.Key)
			if !have[k] && (stored == nil || !stored.has(k)) {
				lacked = append(lacked, r)
			}
		}
		var added int
		if stored != nil {
			out, added = importer.ExtendStored(*stored, out, lacked)
		} else {
			out, added = importer.Extend(out, lacked)
		}
		if added > 0 {
			what := "references"
			if added == 1 {
				what = "reference"
			}
			notes = append(notes, fmt.Sprintf("read %d %s from %s for keys the library lacks", added, what, file))
		}
	}
	return out, notes
}

// read parses one bibliography file, or returns it parsed already.
func (b *bibliographies) read(path string) *bibFile {
	if f, ok := b.files[path]; ok {
		return f
	}
	f := &bibFile{}
	b.files[path] = f
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		f.missing = true
		return f
	case err == nil && fi.IsDir():
		f.err = fmt.Errorf("%s: is a directory, not a bibliography", path)
		return f
	}
	f.refs, f.warnings, f.err = FromFiles(b.ctx, []string{path})
	return f
}

// keys returns the library's keys and aliases, folded.
func (b *bibliographies) keys(lib []*corpus.Reference) map[string]bool {
	if b.have != nil {
		return b.have
	}
	b.have = make(map[string]bool, len(lib))
	for _, r := range lib {
		b.have[strings.ToLower(r.Key)] = true
		for _, a := range r.Aliases {
			b.have[strings.ToLower(a)] = true
		}
	}
	return b.have
}

// bibCommand names a bibliography file as the article wrote it.
func bibCommand(f corpus.Format, name string) string {
	switch {
	case f != corpus.LaTeX:
		return "bibliography: " + name
	case filepath.Ext(name) == "":
		return `\bibliography{` + name + `}`
	default:
		return `\addbibresource{` + name + `}`
	}
}

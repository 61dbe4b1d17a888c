package importer

import (
	"fmt"
	"slices"

	"github.com/evident-tools/evident/corpus"
)

// AsLibrary returns refs as an import into an empty library stores them
// under the default policy (store.Skip), for a check against BibTeX files
// to resolve citations as a check against the library does: an entry under
// a key used before is dropped (the first is kept); an entry that is the
// same work as an earlier one (corpus.DuplicateOf) is dropped, and its key
// becomes an alias of the earlier one unless it names something already.
// refs is not modified; a reference that gains aliases is a copy.
func AsLibrary(refs []*corpus.Reference) []*corpus.Reference {
	out, _ := Extend(nil, refs)
	return out
}

// Extend returns lib with refs added as AsLibrary adds them, the
// references of lib winning: an entry under a key or alias lib has
// already is dropped, and one that is the same work as a reference of lib
// becomes an alias of it. Every reference of lib is kept, in order, and
// first; added counts the references of refs kept as works of their own.
// Neither slice nor its references are modified.
func Extend(lib, refs []*corpus.Reference) (out []*corpus.Reference, added int) {
	return ExtendStored(nil, lib, refs)
}

// Stored is a library on disk that ExtendStored lays references over:
// corpus.Works, and the key an alias names ("" for none).
type Stored interface {
	corpus.Works
	KeyByAlias(alias string) string
}

// ExtendStored is Extend over a stored library that comes before lib: its
// keys, aliases and works count as lib's do. A reference of stored that
// gains an alias is returned as a copy in out (under its own key, after
// lib's): the caller lays it over the stored one. stored may be nil.
func ExtendStored(stored Stored, lib, refs []*corpus.Reference) (out []*corpus.Reference, added int) {
	w := &memWorks{
		stored: stored,
		byKey:  make(map[string]int, len(lib)+len(refs)),
		alias:  map[string]string{},
		doi:    make(map[string]string, len(lib)+len(refs)),
		fp:     make(map[string]string, len(lib)+len(refs)),
	}
	for _, r := range lib {
		if r == nil {
			continue
		}
		w.add(r)
		for _, a := range r.Aliases {
			if _, taken := w.alias[a]; !taken {
				w.alias[a] = r.Key
			}
		}
	}
	n := len(w.refs)
	for _, r := range refs {
		if r == nil {
			continue
		}
		if w.hasKey(r.Key) {
			continue
		}
		match, _ := corpus.DuplicateOf(r, w)
		if match == "" {
			if !w.aliasTaken(r.Key) {
				w.add(r)
			}
			continue
		}
		if w.aliasTaken(r.Key) {
			continue
		}
		i, ok := w.byKey[match]
		if !ok {
			// A stored work: its copy with the alias goes into out.
			prev, err := w.stored.Get(match)
			if err != nil {
				continue
			}
			i = len(w.refs)
			w.refs = append(w.refs, prev)
			w.byKey[match] = i
			n++ // a copy, not a work of its own
		}
		c := *w.refs[i]
		c.Aliases = append(slices.Clip(c.Aliases), r.Key)
		w.refs[i] = &c
		w.alias[r.Key] = match
	}
	return w.refs, len(w.refs) - n
}

// memWorks is a set of references in memory, looked up as the store looks
// up its own (corpus.Works). The first reference with a DOI or fingerprint
// is the one found.
type memWorks struct {
	// stored, when set, is a library on disk that comes first.
	stored Stored
	refs   []*corpus.Reference
	byKey  map[string]int
	alias  map[string]string
	doi    map[string]string
	fp     map[string]string
}

func (w *memWorks) add(r *corpus.Reference) {
	if _, ok := w.byKey[r.Key]; !ok {
		w.byKey[r.Key] = len(w.refs)
	}
	w.refs = append(w.refs, r)
	if r.IDs.DOI != "" {
		if _, ok := w.doi[r.IDs.DOI]; !ok {
			w.doi[r.IDs.DOI] = r.Key
		}
	}
	if fp := corpus.Fingerprint(r); fp != "" {
		if _, ok := w.fp[fp]; !ok {
			w.fp[fp] = r.Key
		}
	}
}

func (w *memWorks) KeyByDOI(doi string) string {
	if w.stored != nil {
		if k := w.stored.KeyByDOI(doi); k != "" {
			return k
		}
	}
	return w.doi[doi]
}

func (w *memWorks) KeyByFingerprint(fp string) string {
	if w.stored != nil {
		if k := w.stored.KeyByFingerprint(fp); k != "" {
			return k
		}
	}
	return w.fp[fp]
}

func (w *memWorks) Get(key string) (*corpus.Reference, error) {
	i, ok := w.byKey[key]
	if !ok {
		if w.stored != nil {
			return w.stored.Get(key)
		}
		return nil, fmt.Errorf("reference %s: not found", key)
	}
	return w.refs[i], nil
}

// hasKey reports whether a reference has key as its key.
func (w *memWorks) hasKey(key string) bool {
	if _, ok := w.byKey[key]; ok {
		return true
	}
	if w.stored != nil {
		if _, err := w.stored.Get(key); err == nil {
			return true
		}
	}
	return false
}

// aliasTaken reports whether key is some reference's alias.
func (w *memWorks) aliasTaken(key string) bool {
	if _, ok := w.alias[key]; ok {
		return true
	}
	return w.stored != nil && w.stored.KeyByAlias(key) != ""
}

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
	w := &memWorks{
		byKey: make(map[string]int, len(lib)+len(refs)),
		alias: map[string]string{},
		doi:   make(map[string]string, len(lib)+len(refs)),
		fp:    make(map[string]string, len(lib)+len(refs)),
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
		if _, seen := w.byKey[r.Key]; seen {
			continue
		}
		match, _ := corpus.DuplicateOf(r, w)
		if match == "" {
			if _, taken := w.alias[r.Key]; !taken {
				w.add(r)
			}
			continue
		}
		if _, taken := w.alias[r.Key]; taken {
			continue
		}
		i := w.byKey[match]
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
	refs  []*corpus.Reference
	byKey map[string]int
	alias map[string]string
	doi   map[string]string
	fp    map[string]string
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

func (w *memWorks) KeyByDOI(doi string) string        { return w.doi[doi] }
func (w *memWorks) KeyByFingerprint(fp string) string { return w.fp[fp] }

func (w *memWorks) Get(key string) (*corpus.Reference, error) {
	i, ok := w.byKey[key]
	if !ok {
		return nil, fmt.Errorf("reference %s: not found", key)
	}
	return w.refs[i], nil
}

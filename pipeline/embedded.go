package pipeline

import (
	"fmt"
	"strings"

	"github.com/evident-tools/evident/corpus"
	"github.com/evident-tools/evident/corpus/bibtex"
)

// embedWorks returns lib with the works doc's citation fields carry
// (Document.Embedded, a Word draft's Zotero, Mendeley or EndNote fields)
// that lib lacks, and the note the report gets. Each field's keys are
// made to name exactly its own work: a work the library has (the same
// DOI, PMID or PMCID, else the same title, year and first author, as on
// import) is cited by the library's key; any other is added under its own
// key, renamed when the library uses that key for another work. Nothing
// is stored: the works serve this check alone. They are added even with
// --bib, which replaces the bibliography files an article names, not the
// citations it carries.
//
// stored, when set, is the library on disk that lib is laid over: its
// keys and works count as lib's, ahead of them.
func embedWorks(doc *corpus.Document, lib []*corpus.Reference, stored *storedWorks) ([]*corpus.Reference, string) {
	if len(doc.Embedded) == 0 {
		return lib, ""
	}
	idx := newWorkIndex(lib)
	idx.stored = stored
	rename := map[string]string{}
	out := lib
	added := 0
	var free *bibtex.Keys // every key taken, made when first needed
	for _, e := range doc.Embedded {
		if k := idx.same(e); k != "" {
			rename[e.Key] = k
			continue
		}
		c := *e
		if idx.taken(c.Key) {
			if free == nil {
				free = &bibtex.Keys{}
				for k := range idx.keys {
					free.Take(k)
				}
				if stored != nil {
					free.Taken = stored.has
				}
			}
			c.Key = free.Take(c.Key)
		} else if free != nil {
			free.Take(c.Key)
		}
		if c.Key != e.Key {
			rename[e.Key] = c.Key
		}
		idx.add(&c)
		if len(out) == len(lib) {
			out = append([]*corpus.Reference(nil), lib...) // the caller's slice stays as it was
		}
		out = append(out, &c)
		added++
	}
	for bi := range doc.Blocks {
		for fi := range doc.Blocks[bi].Fields {
			keys := doc.Blocks[bi].Fields[fi].Keys
			for i, k := range keys {
				if to, ok := rename[k]; ok {
					keys[i] = to
				}
			}
		}
	}
	have := len(doc.Embedded) - added
	note := fmt.Sprintf("the citation fields cite %d %s: %d in the library, %d read from the fields for this check alone",
		len(doc.Embedded), plural(len(doc.Embedded), "work", "works"), have, added)
	return out, note
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// workIndex finds the references of a library by key and by what makes
// two references the same work.
type workIndex struct {
	keys map[string]string // folded key or alias → key
	ids  map[string]string // "doi:…", "pmid:…", "pmcid:…" → key
	fps  map[string]string // corpus.Fingerprint → key
	doi  map[string]string // key → DOI, to tell a corrigendum from its article
	// stored, when set, is the library on disk, looked up first.
	stored *storedWorks
}

func newWorkIndex(lib []*corpus.Reference) *workIndex {
	x := &workIndex{keys: map[string]string{}, ids: map[string]string{}, fps: map[string]string{}, doi: map[string]string{}}
	for _, r := range lib {
		if r != nil {
			x.add(r)
		}
	}
	return x
}

func (x *workIndex) add(r *corpus.Reference) {
	put := func(m map[string]string, k string) {
		if _, ok := m[k]; !ok && k != "" {
			m[k] = r.Key
		}
	}
	put(x.keys, strings.ToLower(r.Key))
	for _, a := range r.Aliases {
		put(x.keys, strings.ToLower(a))
	}
	for _, id := range workIDs(r) {
		put(x.ids, id)
	}
	put(x.fps, corpus.Fingerprint(r))
	x.doi[r.Key] = r.IDs.DOI
}

// workIDs are the identifiers that name r's work alone.
func workIDs(r *corpus.Reference) []string {
	var out []string
	for _, id := range []struct{ prefix, v string }{{"doi:", r.IDs.DOI}, {"pmid:", r.IDs.PMID}, {"pmcid:", r.IDs.PMCID}} {
		if id.v != "" {
			out = append(out, id.prefix+id.v)
		}
	}
	return out
}

// same returns the key of the library's reference for r's work, or "".
func (x *workIndex) same(r *corpus.Reference) string {
	for _, id := range workIDs(r) {
		if x.stored != nil {
			if k := x.stored.byID(id); k != "" {
				return k
			}
		}
		if k := x.ids[id]; k != "" {
			return k
		}
	}
	fp := corpus.Fingerprint(r)
	if fp == "" {
		return ""
	}
	k, doi := x.fps[fp], ""
	if x.stored != nil {
		if sk := x.stored.KeyByFingerprint(fp); sk != "" {
			k = sk
		}
	}
	if d, ok := x.doi[k]; ok {
		doi = d
	} else if x.stored != nil && k != "" {
		if sr, err := x.stored.Get(k); err == nil {
			doi = sr.IDs.DOI
		}
	}
	if k != "" && r.IDs.DOI != "" && doi != "" && doi != r.IDs.DOI {
		return "" // both have DOIs, and they differ: two works
	}
	return k
}

func (x *workIndex) taken(key string) bool {
	_, ok := x.keys[strings.ToLower(key)]
	return ok || x.stored != nil && x.stored.has(strings.ToLower(key))
}

package bibtex

import (
	"fmt"
	"strings"

	"github.com/evident-tools/evident/corpus"
)

// xfield is a field after macro expansion, before LaTeX decoding.
type xfield struct {
	name string
	raw  string // BibTeX source form, macros expanded
	text string // LaTeX text
	from string // parent key when inherited
}

// References turns every entry read so far into a reference, resolving
// crossref and xdata inheritance across all files parsed. Call it once, after
// the last Parse.
func (p *Parser) References() []*corpus.Reference {
	own := make([][]xfield, len(p.entries))
	byKey := make(map[string]int, len(p.entries))
	// Every entry's fields share one array: one allocation, not one an entry.
	total := 0
	for i := range p.entries {
		total += len(p.entries[i].Fields)
	}
	all := make([]xfield, 0, total)
	for i := range p.entries {
		e := &p.entries[i]
		start := len(all)
		for _, f := range e.Fields {
			var raw string
			text := p.expand(e, f, &raw)
			all = append(all, xfield{name: f.Name, raw: raw, text: text})
		}
		own[i] = all[start:len(all):len(all)]
		lk := strings.ToLower(e.Key)
		if _, dup := byKey[lk]; !dup {
			byKey[lk] = i
		}
	}
	r := resolver{p: p, own: own, byKey: byKey, done: make([][]xfield, len(p.entries)),
		isDone: make([]bool, len(p.entries)), busy: make([]bool, len(p.entries))}
	refs := make([]*corpus.Reference, 0, len(p.entries))
	for i := range p.entries {
		refs = append(refs, buildReference(&p.entries[i], r.resolved(i)))
	}
	return refs
}

// resolver computes each entry's fields with those inherited from its
// crossref and xdata parents, parents first, guarding against cycles.
type resolver struct {
	p      *Parser
	own    [][]xfield
	byKey  map[string]int
	done   [][]xfield // by entry index, valid where isDone
	isDone []bool
	busy   []bool
}

// resolving is an entry whose parents are being inherited from: k is the
// next parent to take, out and have the fields so far.
type resolving struct {
	i       int
	parents []string
	k       int
	out     []xfield
	have    map[string]bool
}

// resolved returns entry i's fields with everything it inherits. Chains of
// parents are walked with a stack of their own rather than by recursion:
// a generated file can chain a million entries, which would take the
// goroutine's stack past its limit.
func (r *resolver) resolved(i int) []xfield {
	if r.isDone[i] {
		return r.done[i]
	}
	stack := []*resolving{r.start(i)}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		if top.k == len(top.parents) {
			r.done[top.i], r.isDone[top.i] = top.out, true
			r.busy[top.i] = false
			stack = stack[:len(stack)-1]
			continue
		}
		pk := top.parents[top.k]
		e := &r.p.entries[top.i]
		j, ok := r.byKey[strings.ToLower(pk)]
		switch {
		case !ok || j == top.i:
			r.p.Warnings = append(r.p.Warnings, corpus.Problem{File: e.File, Line: e.Line, Key: e.Key,
				Msg: fmt.Sprintf("parent %q not found; nothing inherited", pk)})
		case r.busy[j]:
			r.p.Warnings = append(r.p.Warnings, corpus.Problem{File: e.File, Line: e.Line, Key: e.Key,
				Msg: fmt.Sprintf("crossref cycle through %q; stopped there", pk)})
		default:
			fs, ok := r.done[j], r.isDone[j]
			if !ok {
				stack = append(stack, r.start(j)) // the parent first; then this parent again
				continue
			}
			r.inherit(top, j, fs)
		}
		top.k++
	}
	return r.done[i]
}

// start begins resolving entry i: it lists the parents its crossref and
// xdata fields name.
func (r *resolver) start(i int) *resolving {
	fs := r.own[i]
	r.busy[i] = true
	var parents []string
	for _, f := range fs {
		switch f.name {
		case "crossref":
			parents = append(parents, strings.TrimSpace(Decode(f.text)))
		case "xdata":
			for _, k := range strings.Split(Decode(f.text), ",") {
				if k = strings.TrimSpace(k); k != "" {
					parents = append(parents, k)
				}
			}
		}
	}
	res := &resolving{i: i, parents: parents, out: fs}
	if len(parents) > 0 {
		res.have = make(map[string]bool, len(fs))
		for _, f := range fs {
			res.have[f.name] = true
		}
		res.out = append([]xfield(nil), fs...)
	}
	return res
}

// inherit adds to res the fields of parent j (fs, already resolved) that it
// does not have, as far as the parser's expansion budget allows.
func (r *resolver) inherit(res *resolving, j int, fs []xfield) {
	e, parent := &r.p.entries[res.i], &r.p.entries[j]
	for _, f := range fs {
		name, ok := inheritedName(parent.Type, e.Type, f.name)
		if !ok || res.have[name] {
			continue
		}
		if size := int64(len(f.raw) + len(f.text)); r.p.inherited+size > r.p.expansionBudget() {
			r.p.Warnings = append(r.p.Warnings, corpus.Problem{File: e.File, Line: e.Line, Key: e.Key,
				Msg: fmt.Sprintf("parent %q: field %s and after not inherited: inherited fields would add more than %d MB to the input",
					parent.Key, f.name, r.p.expansionBudget()>>20)})
			return
		}
		r.p.inherited += int64(len(f.raw) + len(f.text))
		res.have[name] = true
		from := f.from
		if from == "" {
			from = parent.Key
		}
		res.out = append(res.out, xfield{name: name, raw: f.raw, text: f.text, from: from})
	}
}

// repeated reports whether a field of this name came before. Entries have
// a few dozen fields at most, so a scan costs less than a map an entry.
func repeated(before []xfield, name string) bool {
	for _, f := range before {
		if f.name == name {
			return true
		}
	}
	return false
}

// noInherit are the fields biblatex never copies from a parent.
var noInherit = map[string]bool{
	"ids": true, "crossref": true, "xref": true, "xdata": true, "entryset": true,
	"entrysubtype": true, "execute": true, "label": true, "options": true,
	"presort": true, "related": true, "relatedoptions": true, "relatedstring": true,
	"relatedtype": true, "shorthand": true, "shorthandintro": true, "sortkey": true,
	"key": true,
}

var bookLike = map[string]bool{"book": true, "mvbook": true, "collection": true, "mvcollection": true,
	"proceedings": true, "mvproceedings": true, "reference": true, "mvreference": true}

var partLike = map[string]bool{"inbook": true, "bookinbook": true, "suppbook": true, "incollection": true,
	"suppcollection": true, "inproceedings": true, "conference": true, "inreference": true}

// inheritedName applies biblatex's default inheritance: a part of a book or
// proceedings takes the parent's title as its booktitle, and an article takes
// a periodical's title as its journal title; other fields keep their names.
func inheritedName(parentType, childType, field string) (string, bool) {
	if noInherit[field] {
		return "", false
	}
	switch {
	case bookLike[parentType] && partLike[childType]:
		switch field {
		case "title":
			return "booktitle", true
		case "subtitle":
			return "booksubtitle", true
		case "titleaddon":
			return "booktitleaddon", true
		case "shorttitle", "sorttitle", "indextitle", "indexsorttitle":
			return "", false
		}
	case parentType == "periodical" && childType == "article":
		switch field {
		case "title":
			return "journaltitle", true
		case "subtitle":
			return "journalsubtitle", true
		case "shorttitle", "sorttitle", "indextitle", "indexsorttitle":
			return "", false
		}
	}
	return field, true
}

// buildReference decodes an entry's fields and derives the searchable and
// comparable parts of the reference from them.
func buildReference(e *Entry, fs []xfield) *corpus.Reference {
	ref := &corpus.Reference{
		Key:    e.Key,
		Type:   e.Type,
		Raw:    e.Raw,
		Source: corpus.Source{File: e.File, Line: e.Line},
		Fields: make([]corpus.Field, 0, len(fs)),
	}
	var author, editor, year, month, date string
	for i, f := range fs {
		var value string
		if repeated(fs[:i], f.name) {
			// A repeated field is kept for export; the first one counts.
			ref.Fields = append(ref.Fields, corpus.Field{Name: f.name, Raw: f.raw, Value: Decode(f.text), From: f.from})
			continue
		}
		switch f.name {
		case "title":
			value, ref.Protected = DecodeTitle(f.text)
			ref.Title = value
		case "author":
			author = f.text
			value = Decode(f.text)
		case "editor":
			editor = f.text
			value = Decode(f.text)
		default:
			if verbatimFields[f.name] {
				value = DecodeVerbatim(f.text)
			} else {
				value = Decode(f.text)
			}
		}
		switch f.name {
		case "year":
			year = value
		case "month":
			month = value
		case "date":
			date = value
		}
		ref.Fields = append(ref.Fields, corpus.Field{Name: f.name, Raw: f.raw, Value: value, From: f.from})
	}
	if author != "" {
		ref.Authors, ref.AuthorsEtAl = ParseNames(author)
	}
	if editor != "" {
		ref.Editors, _ = ParseNames(editor)
	}
	deriveRest(ref, year, month, date)
	return ref
}

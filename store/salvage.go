package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/golang/snappy"

	"github.com/evident-tools/evident/corpus"
)

// Salvage reads the references out of a library file that bbolt cannot open
// or walk, without bbolt and without writing to the file.
//
// It takes the newest valid header page, or, when both are destroyed, the
// newest copy of the root of the tree it can find; walks the tree from it,
// recording every page it cannot read and the range of keys that lay under
// that page; and then looks through every other page of the file for leaf
// pages holding references in those lost ranges: the pages under a
// destroyed branch page are intact, only unlinked. A reference found that
// way in a range the tree still covers is an older copy, left on a page
// bbolt had freed, and is not taken; one found on a page the free list
// names is not taken either. Only when the free list is lost too may an
// older copy of a lost reference be taken for the current one: such keys are
// listed in the report as uncertain.
//
// Every value taken must decode as evident stores references (snappy, then
// JSON with exactly the fields of a corpus.Reference) under its own key;
// nothing is made up from fragments. The references come back in key order.
func Salvage(path string) ([]*corpus.Reference, *SalvageReport, error) {
	g, err := passGate(path, readerTimeout)
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		g.open()
		return nil, nil, fmt.Errorf("salvage %s: %w", path, err)
	}
	defer f.Close()
	// A shared lock, as a reader takes: a healthy library being written to
	// is read between commits. Damage does not stop a lock.
	err = lockFile(f, false, readerTimeout)
	g.open()
	if err != nil {
		return nil, nil, lockErr(path, err, "waiting for a write to finish")
	}
	info, err := f.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("salvage %s: %w", path, err)
	}
	sv := &salvager{f: f, size: info.Size(), rep: &SalvageReport{Path: path}, found: map[string]*salvaged{}}
	if err := sv.run(); err != nil {
		return nil, sv.rep, fmt.Errorf("salvage %s: %w", path, err)
	}
	keys := make([]string, 0, len(sv.found))
	for k := range sv.found {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	refs := make([]*corpus.Reference, len(keys))
	for i, k := range keys {
		refs[i] = sv.found[k].ref
		if sv.found[k].uncertain {
			sv.rep.Uncertain = append(sv.rep.Uncertain, k)
		}
	}
	sv.rep.References = len(refs)
	return refs, sv.rep, nil
}

// SalvageReport says what Salvage read and what it could not.
type SalvageReport struct {
	Path     string
	PageSize int
	Pages    int64 // whole pages in the file
	// Header says which header page the tree was found from, or how it was
	// found without one.
	Header     string
	References int
	// Unreadable lists the pages that should have held part of the library
	// and could not be read, header and free-list pages included.
	Unreadable []PageProblem
	// Uncertain are the keys of references taken from unlinked pages when
	// the free list was lost: each may be an older copy of the reference,
	// or one that was removed.
	Uncertain []string
	// Ignored counts the older copies of references found on pages no
	// longer in use, which were left out.
	Ignored int
}

// PageProblem is a page that could not be read, and why.
type PageProblem struct {
	Page    uint64
	Problem string
}

func (p PageProblem) String() string {
	return fmt.Sprintf("page %d: %s", p.Page, p.Problem)
}

// salvaged is a reference Salvage has taken.
type salvaged struct {
	ref       *corpus.Reference
	value     []byte // its stored form, to tell copies apart
	uncertain bool
}

// keyRange is the half-open range of keys [lo, hi) that lay under a page;
// nil means unbounded.
type keyRange struct{ lo, hi []byte }

func (r keyRange) holds(k []byte) bool {
	return (r.lo == nil || bytes.Compare(k, r.lo) >= 0) && (r.hi == nil || bytes.Compare(k, r.hi) < 0)
}

type salvager struct {
	f     *os.File
	size  int64
	rep   *SalvageReport
	ps    int
	pages uint64
	// reached are the pages the walk read (overflow included); free the
	// pages the free list names, nil when it could not be read.
	reached map[uint64]bool
	free    map[uint64]bool
	// highMark is the first page the header says was never allocated, 0
	// without a header: pages from there on hold at most a commit that
	// never finished.
	highMark uint64
	// lost are the key ranges of the references bucket whose pages could
	// not be read.
	lost  []keyRange
	found map[string]*salvaged
}

// maxPageRun bounds the pages one page may claim to run over (a leaf with a
// value of up to 64 MiB); a larger overflow is damage, not a page to read.
const maxPageRun = 64 << 20

func (sv *salvager) problem(page uint64, format string, args ...any) {
	sv.rep.Unreadable = append(sv.rep.Unreadable, PageProblem{Page: page, Problem: fmt.Sprintf(format, args...)})
}

func (sv *salvager) run() error {
	m, haveMeta, problems := readMetas(sv.f, sv.size)
	for i, err := range problems {
		if err != nil {
			sv.problem(uint64(i), "header page: %v", err)
		}
	}
	if haveMeta {
		sv.ps = m.pageSize
	} else if sv.ps = guessPageSize(sv.f, sv.size); sv.ps == 0 {
		return errors.New("no page of the file is laid out as bbolt lays out pages: not an evident library")
	}
	sv.rep.PageSize = sv.ps
	sv.pages = uint64(sv.size / int64(sv.ps))
	sv.rep.Pages = int64(sv.pages)
	sv.reached = map[uint64]bool{0: true, 1: true}

	root := uint64(0)
	if haveMeta {
		sv.rep.Header = fmt.Sprintf("header page %d (transaction %d)", m.page, m.txid)
		root = m.root
		sv.highMark = m.highMark
		sv.readFreelist(m)
	} else {
		var gen uint64
		root, gen = sv.findRoot()
		if root == 0 {
			sv.rep.Header = "both header pages unreadable, and no copy of the root of the tree found"
		} else {
			sv.rep.Header = fmt.Sprintf("both header pages unreadable; the newest root of the tree found is page %d (generation %d)", root, gen)
		}
	}
	if root == 0 {
		sv.lost = append(sv.lost, keyRange{})
	} else {
		sv.walk(root)
	}
	// A header names its free list: when that page is lost, any other
	// free list found is an older commit's, which does not name the pages
	// the last commits freed; their older copies are then uncertain.
	if sv.free == nil && len(sv.lost) > 0 && !haveMeta {
		sv.findFreelist()
	}
	return sv.scanUnlinked()
}

// findFreelist looks, without the header's pointer to it, for the free list
// the tree that was walked goes with. Every commit writes a new free list
// and frees the page of the one before, so older copies lie about; the
// current one lists none of the pages the tree uses, and lists the pages
// of all the older copies as free.
func (sv *salvager) findFreelist() {
	type candidate struct {
		page uint64
		ids  map[uint64]bool
	}
	var cands []candidate
	for id := uint64(2); id < sv.pages; id++ {
		if sv.reached[id] {
			continue
		}
		p, h, err := sv.readPage(id)
		if err != nil || h.flags != flagFreelist {
			continue
		}
		ids, err := freelistIDs(p)
		if err != nil {
			continue
		}
		c := candidate{page: id, ids: make(map[uint64]bool, len(ids))}
		clash := false
		for _, f := range ids {
			c.ids[f] = true
			clash = clash || sv.reached[f]
		}
		if !clash {
			cands = append(cands, c)
		}
		id += uint64(h.overflow)
	}
	for _, c := range cands {
		others := true
		for _, o := range cands {
			if o.page != c.page && !c.ids[o.page] {
				others = false
				break
			}
		}
		if others {
			sv.free = c.ids
			sv.reached[c.page] = true
			sv.rep.Header += fmt.Sprintf("; the free list that goes with it is page %d", c.page)
			return
		}
	}
}

// guessPageSize finds the page size under which the most pages carry their
// own number in their header, as bbolt writes them.
func guessPageSize(f *os.File, size int64) int {
	best, bestN := 0, 0
	buf := make([]byte, pageHeaderSize)
	for _, ps := range pageSizes {
		n := 0
		for id := int64(2); id < 512 && (id+1)*int64(ps) <= size; id++ {
			if _, err := f.ReadAt(buf, id*int64(ps)); err != nil {
				break
			}
			h := parseHeader(buf)
			if h.id == uint64(id) && (h.flags == flagBranch || h.flags == flagLeaf || h.flags == flagFreelist) {
				n++
			}
		}
		if n > bestN {
			best, bestN = ps, n
		}
	}
	return best
}

// readPage reads page id with its overflow pages, checking its header.
func (sv *salvager) readPage(id uint64) ([]byte, pageHeader, error) {
	if id < 2 || id >= sv.pages {
		return nil, pageHeader{}, fmt.Errorf("page id %d is outside the file (%d pages)", id, sv.pages)
	}
	hb := make([]byte, pageHeaderSize)
	if _, err := sv.f.ReadAt(hb, int64(id)*int64(sv.ps)); err != nil {
		return nil, pageHeader{}, err
	}
	h := parseHeader(hb)
	if h.id != id {
		return nil, h, fmt.Errorf("overwritten or misplaced: its header names page %d", h.id)
	}
	n := uint64(h.overflow) + 1
	if n*uint64(sv.ps) > maxPageRun || id+n > sv.pages {
		return nil, h, fmt.Errorf("the page claims to run over %d more pages, past the end of the file", h.overflow)
	}
	p := make([]byte, n*uint64(sv.ps))
	if _, err := sv.f.ReadAt(p, int64(id)*int64(sv.ps)); err != nil {
		return nil, h, err
	}
	return p, h, nil
}

func (sv *salvager) readFreelist(m meta) {
	p, h, err := sv.readPage(m.freelist)
	if err == nil && h.flags != flagFreelist {
		err = fmt.Errorf("not a free-list page (flags %#x)", h.flags)
	}
	var ids []uint64
	if err == nil {
		ids, err = freelistIDs(p)
	}
	if err != nil {
		sv.problem(m.freelist, "free list: %v; pages no longer in use cannot be told from lost ones", err)
		return
	}
	sv.free = make(map[uint64]bool, len(ids))
	for _, id := range ids {
		sv.free[id] = true
	}
	for i := range uint64(h.overflow) + 1 {
		sv.reached[m.freelist+i] = true
	}
}

// findRoot looks, without a header page, for the root of the tree: a leaf
// page holding the buckets meta and refs. Every commit writes a new one, so
// older roots lie on freed pages; the newest is the one whose meta bucket
// holds the highest generation.
func (sv *salvager) findRoot() (root, gen uint64) {
	for id := uint64(2); id < sv.pages; id++ {
		p, h, err := sv.readPage(id)
		if err != nil || h.flags != flagLeaf {
			continue
		}
		els, err := leafElements(p)
		if err != nil {
			continue
		}
		var g uint64
		hasRefs, hasMeta := false, false
		for _, e := range els {
			switch {
			case !e.bucket:
			case string(e.key) == string(bucketRefs):
				hasRefs = true
			case string(e.key) == string(bucketMeta):
				hasMeta = true
				g, _ = inlineUint(e.value, metaGeneration)
			}
		}
		if hasRefs && hasMeta && (root == 0 || g > gen) {
			root, gen = id, g
		}
		id += uint64(h.overflow)
	}
	return root, gen
}

// inlineUint reads an 8-byte value under key from an inline bucket.
func inlineUint(bucketValue, key []byte) (uint64, bool) {
	if len(bucketValue) < bucketHeader+pageHeaderSize || byteOrder.Uint64(bucketValue) != 0 {
		return 0, false
	}
	els, err := leafElements(bucketValue[bucketHeader:])
	if err != nil {
		return 0, false
	}
	for _, e := range els {
		if bytes.Equal(e.key, key) && len(e.value) == 8 {
			return binary.BigEndian.Uint64(e.value), true
		}
	}
	return 0, false
}

// visit is a page of the tree still to be read.
type visit struct {
	page   uint64
	keys   keyRange
	bucket string // "" for the root bucket
}

// walk reads the tree from the root bucket's page, keeping the references
// of the refs bucket and the key ranges it could not read.
func (sv *salvager) walk(root uint64) {
	stack := []visit{{page: root}}
	for len(stack) > 0 {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		lose := func(format string, args ...any) {
			sv.problem(v.page, format, args...)
			switch v.bucket {
			case string(bucketRefs):
				sv.lost = append(sv.lost, v.keys)
			case "":
				// Under the root bucket lay the refs bucket itself.
				sv.lost = append(sv.lost, keyRange{})
			}
		}
		if sv.reached[v.page] {
			lose("reached twice in the tree")
			continue
		}
		p, h, err := sv.readPage(v.page)
		if err != nil {
			lose("%v", err)
			continue
		}
		for i := range uint64(h.overflow) + 1 {
			sv.reached[v.page+i] = true
		}
		switch h.flags {
		case flagBranch:
			els, err := branchElements(p)
			if err != nil {
				lose("branch page: %v", err)
				continue
			}
			for i, e := range els {
				r := keyRange{lo: e.key, hi: v.keys.hi}
				if i == 0 {
					r.lo = v.keys.lo
				}
				if i+1 < len(els) {
					r.hi = els[i+1].key
				}
				stack = append(stack, visit{page: e.child, keys: r, bucket: v.bucket})
			}
		case flagLeaf:
			els, err := leafElements(p)
			if err != nil {
				lose("leaf page: %v", err)
				continue
			}
			stack = sv.leaf(v.page, els, v.bucket, stack)
		default:
			lose("expected a branch or leaf page, found flags %#x", h.flags)
		}
	}
}

// leaf takes the references of a leaf page of the refs bucket, and queues
// the buckets of a leaf page of the root bucket.
func (sv *salvager) leaf(page uint64, els []leafElement, bucket string, stack []visit) []visit {
	for _, e := range els {
		switch {
		case bucket == string(bucketRefs) && !e.bucket:
			if r := decodeSalvaged(e.key, e.value); r != nil {
				sv.take(r, e.value, false)
			} else {
				sv.problem(page, "the value of reference %q is not a stored reference", e.key)
			}
		case bucket == "" && e.bucket:
			if len(e.value) < bucketHeader {
				continue
			}
			name := string(e.key)
			if root := byteOrder.Uint64(e.value); root != 0 {
				stack = append(stack, visit{page: root, bucket: name})
			} else if name == string(bucketRefs) {
				// A small library keeps its references inline.
				if inl, err := leafElements(e.value[bucketHeader:]); err == nil {
					sv.leaf(page, inl, name, nil)
				} else {
					sv.problem(page, "the inline refs bucket: %v", err)
					sv.lost = append(sv.lost, keyRange{})
				}
			}
		}
	}
	return stack
}

// take keeps r unless a copy under its key is kept already.
func (sv *salvager) take(r *corpus.Reference, value []byte, uncertain bool) {
	prev, ok := sv.found[r.Key]
	if !ok {
		sv.found[r.Key] = &salvaged{ref: r, value: bytes.Clone(value), uncertain: uncertain}
		return
	}
	if !bytes.Equal(prev.value, value) {
		// Two copies that differ: one is older, and nothing says which.
		prev.uncertain = true
	}
}

// scanUnlinked looks through the pages the walk did not reach for leaf
// pages of references: those in a lost range are taken, the others are
// older copies and only counted.
func (sv *salvager) scanUnlinked() error {
	for id := uint64(2); id < sv.pages; id++ {
		if sv.reached[id] {
			continue
		}
		p, h, err := sv.readPage(id)
		if err != nil || h.flags != flagLeaf {
			continue
		}
		start := id
		id += uint64(h.overflow)
		els, err := leafElements(p)
		if err != nil {
			continue
		}
		// A page the free list names, or one past the high-water mark,
		// holds an older copy or a commit that never finished.
		unused := sv.free[start] || sv.highMark > 0 && start >= sv.highMark
		for _, e := range els {
			if e.bucket {
				continue
			}
			r := decodeSalvaged(e.key, e.value)
			if r == nil {
				continue
			}
			if unused || !sv.inLost(e.key) {
				sv.rep.Ignored++
				continue
			}
			sv.take(r, e.value, sv.free == nil)
		}
	}
	return nil
}

func (sv *salvager) inLost(k []byte) bool {
	for _, r := range sv.lost {
		if r.holds(k) {
			return true
		}
	}
	return false
}

// maxRecord bounds the decompressed size of a record Salvage will try.
const maxRecord = 16 << 20

// decodeSalvaged returns the reference stored as value under key k, or nil
// when the value is not exactly what evident stores for a reference.
func decodeSalvaged(k, value []byte) *corpus.Reference {
	if n, err := snappy.DecodedLen(value); err != nil || n > maxRecord || n == 0 {
		return nil
	}
	raw, err := snappy.Decode(nil, value)
	if err != nil {
		return nil
	}
	r := &corpus.Reference{}
	if len(raw) > 0 && raw[0] == '{' {
		// The JSON of a library before schema 7.
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(r); err != nil || dec.More() {
			return nil
		}
	} else if r, err = decodeBinary(raw); err != nil {
		return nil
	}
	if r.Key != string(k) || r.Type == "" || strings.TrimSpace(r.Key) == "" {
		return nil
	}
	return r
}

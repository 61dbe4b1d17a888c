package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
)

// This file reads bbolt's file format by hand, for the two things bbolt
// cannot do for us: tell whether another program committed to the file
// under a long-lived handle, and salvage the references of a file too
// damaged for bbolt to open or walk. It follows the layout of bbolt's format
// version 2 (bbolt 1.3 and 1.4):
//
//   - the file is a sequence of pages of one size, recorded in the two meta
//     pages (0 and 1); a page may run on over the next `overflow` pages;
//   - every page starts with a 16-byte header: id (uint64), flags (uint16:
//     1 branch, 2 leaf, 4 meta, 16 freelist), count (uint16), overflow
//     (uint32);
//   - a meta page holds, after the header: magic, version, page size, flags
//     (uint32 each), the root bucket (root page id, sequence), the freelist
//     page id, the high-water mark (first page id never allocated), the
//     transaction id and an FNV-64a checksum of everything before it;
//   - a branch page holds `count` elements of 16 bytes (key position, key
//     size, child page id); a leaf page `count` elements of 16 bytes (flags,
//     position, key size, value size), each position counted from the
//     element itself, the value following the key;
//   - a leaf element with flag 1 is a bucket: its value starts with the
//     bucket's root page id and sequence, and a root of 0 means the bucket
//     is inline, its only page following in the value.
//
// Numbers are in the byte order of the machine that wrote the file, because
// bbolt casts pages to structs; a library does not move between machines of
// different byte order any more than bbolt's own files do.
var byteOrder = binary.NativeEndian

const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	pageHeaderSize = 16
	elementSize    = 16 // leaf and branch elements alike
	bucketHeader   = 16
	metaSize       = 64 // the meta fields, checksum included

	flagBranch   = 0x01
	flagLeaf     = 0x02
	flagMeta     = 0x04
	flagFreelist = 0x10

	flagBucket = 0x01 // on a leaf element
)

// pageSizes are the page sizes bbolt may have used (the operating system's
// page size when the file was made, unless set): the common ones first.
var pageSizes = []int{4096, 16384, 8192, 65536, 32768, 2048, 1024}

// meta is what a meta page says about the file.
type meta struct {
	page     uint64 // 0 or 1: which meta page it was read from
	pageSize int
	root     uint64 // root page of the root bucket
	freelist uint64
	highMark uint64 // pages from here on are not in use
	txid     uint64
}

// parseMeta reads the meta page in p (one page, header included).
func parseMeta(p []byte) (meta, error) {
	if len(p) < pageHeaderSize+metaSize {
		return meta{}, errors.New("too short for a header page")
	}
	if flags := byteOrder.Uint16(p[8:]); flags != flagMeta {
		return meta{}, fmt.Errorf("not a header page (flags %#x)", flags)
	}
	m := p[pageHeaderSize : pageHeaderSize+metaSize]
	if byteOrder.Uint32(m[0:]) != boltMagic {
		return meta{}, errors.New("no bbolt signature")
	}
	if v := byteOrder.Uint32(m[4:]); v != boltVersion {
		return meta{}, fmt.Errorf("bbolt format version %d, want %d", v, boltVersion)
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != byteOrder.Uint64(m[56:]) {
		return meta{}, errors.New("checksum mismatch")
	}
	md := meta{
		page:     byteOrder.Uint64(p[0:]),
		pageSize: int(byteOrder.Uint32(m[8:])),
		root:     byteOrder.Uint64(m[16:]),
		freelist: byteOrder.Uint64(m[32:]),
		highMark: byteOrder.Uint64(m[40:]),
		txid:     byteOrder.Uint64(m[48:]),
	}
	if !slices.Contains(pageSizes, md.pageSize) {
		return meta{}, fmt.Errorf("implausible page size %d", md.pageSize)
	}
	return md, nil
}

// readMetas reads both meta pages of the file and returns the valid one with
// the highest transaction id, which is the state bbolt would open, and why
// each invalid one was rejected.
func readMetas(r io.ReaderAt, size int64) (best meta, ok bool, problems [2]error) {
	buf := make([]byte, pageHeaderSize+metaSize)
	// Page 0 is at offset 0 whatever the page size; page 1 is one page in,
	// so without page 0 to say the size, every plausible size is tried.
	m0, err0 := readMetaAt(r, buf, 0)
	problems[0] = err0
	var m1 meta
	err1 := errors.New("not found at any page size")
	offsets := pageSizes
	if err0 == nil {
		offsets = []int{m0.pageSize}
	}
	for _, ps := range offsets {
		if int64(ps)+int64(len(buf)) > size {
			continue
		}
		if m, err := readMetaAt(r, buf, int64(ps)); err == nil && m.pageSize == ps {
			m1, err1 = m, nil
			break
		} else if err != nil && len(offsets) == 1 {
			err1 = err
		}
	}
	problems[1] = err1
	switch {
	case err0 == nil && err1 == nil:
		if m1.txid > m0.txid {
			return m1, true, problems
		}
		return m0, true, problems
	case err0 == nil:
		return m0, true, problems
	case err1 == nil:
		return m1, true, problems
	}
	return meta{}, false, problems
}

func readMetaAt(r io.ReaderAt, buf []byte, off int64) (meta, error) {
	if _, err := r.ReadAt(buf, off); err != nil {
		return meta{}, err
	}
	return parseMeta(buf)
}

// committedTxid returns the transaction id of the newest valid meta page of
// the file: what a fresh open would see.
func committedTxid(r io.ReaderAt, size int64) (uint64, error) {
	m, ok, problems := readMetas(r, size)
	if !ok {
		return 0, fmt.Errorf("no valid header page: %v; %v", problems[0], problems[1])
	}
	return m.txid, nil
}

// pageHeader is the start of every page.
type pageHeader struct {
	id       uint64
	flags    uint16
	count    uint16
	overflow uint32
}

func parseHeader(p []byte) pageHeader {
	return pageHeader{
		id:       byteOrder.Uint64(p[0:]),
		flags:    byteOrder.Uint16(p[8:]),
		count:    byteOrder.Uint16(p[10:]),
		overflow: byteOrder.Uint32(p[12:]),
	}
}

// leafElement is one key and value of a leaf page.
type leafElement struct {
	bucket     bool
	key, value []byte
}

// leafElements returns the elements of the leaf page p (all its pages,
// overflow included), checking that every one lies inside it.
func leafElements(p []byte) ([]leafElement, error) {
	h := parseHeader(p)
	if pageHeaderSize+int(h.count)*elementSize > len(p) {
		return nil, fmt.Errorf("%d elements do not fit in the page", h.count)
	}
	out := make([]leafElement, 0, h.count)
	for i := range int(h.count) {
		at := pageHeaderSize + i*elementSize
		flags := byteOrder.Uint32(p[at:])
		pos, ksize, vsize := uint64(byteOrder.Uint32(p[at+4:])), uint64(byteOrder.Uint32(p[at+8:])), uint64(byteOrder.Uint32(p[at+12:]))
		start := uint64(at) + pos
		if ksize == 0 || start+ksize+vsize > uint64(len(p)) {
			return nil, fmt.Errorf("element %d lies outside the page", i)
		}
		out = append(out, leafElement{
			bucket: flags&flagBucket != 0,
			key:    p[start : start+ksize],
			value:  p[start+ksize : start+ksize+vsize],
		})
	}
	return out, nil
}

// branchElement is one child of a branch page: the first key under it.
type branchElement struct {
	key   []byte
	child uint64
}

func branchElements(p []byte) ([]branchElement, error) {
	h := parseHeader(p)
	if pageHeaderSize+int(h.count)*elementSize > len(p) {
		return nil, fmt.Errorf("%d elements do not fit in the page", h.count)
	}
	out := make([]branchElement, 0, h.count)
	for i := range int(h.count) {
		at := pageHeaderSize + i*elementSize
		pos, ksize := uint64(byteOrder.Uint32(p[at:])), uint64(byteOrder.Uint32(p[at+4:]))
		start := uint64(at) + pos
		if ksize == 0 || start+ksize > uint64(len(p)) {
			return nil, fmt.Errorf("element %d lies outside the page", i)
		}
		out = append(out, branchElement{key: p[start : start+ksize], child: byteOrder.Uint64(p[at+8:])})
	}
	return out, nil
}

// freelistIDs returns the page ids a freelist page lists as free.
func freelistIDs(p []byte) ([]uint64, error) {
	h := parseHeader(p)
	n, at := int(h.count), pageHeaderSize
	if h.count == 0xFFFF {
		// The count did not fit: it is the first element.
		if len(p) < at+8 {
			return nil, errors.New("freelist count missing")
		}
		c := byteOrder.Uint64(p[at:])
		if c > uint64(len(p)/8) {
			return nil, fmt.Errorf("freelist count %d does not fit in the page", c)
		}
		n, at = int(c), at+8
	}
	if at+n*8 > len(p) {
		return nil, fmt.Errorf("%d freelist entries do not fit in the page", n)
	}
	ids := make([]uint64, n)
	for i := range ids {
		ids[i] = byteOrder.Uint64(p[at+i*8:])
	}
	return ids, nil
}

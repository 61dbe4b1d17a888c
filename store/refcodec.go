package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/golang/snappy"

	"github.com/evident-tools/evident/corpus"
)

// A reference's stored form (schema 8): a compact binary encoding,
// compressed with snappy. Until schema 7 it was JSON; reading the whole
// library (export, refs, index rebuilds) spent most of its time in
// encoding/json's reflection, and the binary form decodes several times
// faster (BenchmarkDecodeAll). It is written by hand because it is the
// library's file format: every field in a fixed order, so that no
// library's choices change what is on disk. A value that decompresses to
// JSON (an object, "{") is a reference of an older library, read as it
// was until the upgrade rewrites it.
//
// The layout after refVersion: strings are a uvarint length and the
// bytes, lists a uvarint count and their elements (the count plus one,
// so that 0 is a nil list and an empty list stays empty: JSON tells them
// apart), numbers varints:
//
//	key type aliases fields(name raw value from origin)
//	authors(first von last jr literal) etAl(byte) editors title protected
//	year month venue doi pmid pmcid arxiv isbn url raw file line added
//
// added is time.Time.MarshalBinary's bytes, as a string.
const refVersion = 1

// encode returns r's stored form.
func encode(r *corpus.Reference) ([]byte, error) {
	added, err := r.Added.MarshalBinary()
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, 256+len(r.Raw)*3)
	b = append(b, refVersion)
	b = putStr(b, r.Key)
	b = putStr(b, r.Type)
	b = putStrs(b, r.Aliases)
	b = putCount(b, r.Fields == nil, len(r.Fields))
	for _, f := range r.Fields {
		b = putStr(putStr(putStr(putStr(putStr(b, f.Name), f.Raw), f.Value), f.From), f.Origin)
	}
	b = putNames(b, r.Authors)
	b = append(b, boolByte(r.AuthorsEtAl))
	b = putNames(b, r.Editors)
	b = putStr(b, r.Title)
	b = putStrs(b, r.Protected)
	b = binary.AppendVarint(b, int64(r.Year))
	b = binary.AppendVarint(b, int64(r.Month))
	b = putStr(b, r.Venue)
	for _, s := range []string{r.IDs.DOI, r.IDs.PMID, r.IDs.PMCID, r.IDs.ArXiv, r.IDs.ISBN, r.IDs.URL} {
		b = putStr(b, s)
	}
	b = putStr(b, r.Raw)
	b = putStr(b, r.Source.File)
	b = binary.AppendVarint(b, int64(r.Source.Line))
	b = putStr(b, string(added))
	return compress(b), nil
}

func putStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// putCount writes a list's length: 0 for a nil list, else the length
// plus one.
func putCount(b []byte, isNil bool, n int) []byte {
	if isNil {
		return append(b, 0)
	}
	return binary.AppendUvarint(b, uint64(n)+1)
}

func putStrs(b []byte, ss []string) []byte {
	b = putCount(b, ss == nil, len(ss))
	for _, s := range ss {
		b = putStr(b, s)
	}
	return b
}

func putNames(b []byte, ns []corpus.Name) []byte {
	b = putCount(b, ns == nil, len(ns))
	for _, n := range ns {
		b = putStr(putStr(putStr(putStr(putStr(b, n.First), n.Von), n.Last), n.Jr), n.Literal)
	}
	return b
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// decode reads a stored reference. A value that does not decode is damage
// in the file at path.
func decode(path string, k, v []byte) (*corpus.Reference, error) {
	raw, err := snappy.Decode(nil, v)
	if err != nil {
		return nil, &DamagedError{Path: path, Detail: fmt.Sprintf("reference %s: stored value does not decompress: %v", k, err)}
	}
	r, err := decodeRaw(raw)
	if err != nil {
		return nil, &DamagedError{Path: path, Detail: fmt.Sprintf("reference %s: stored value is not a reference: %v", k, err)}
	}
	return r, nil
}

// decodeRaw reads a decompressed stored reference: the binary form, or
// the JSON of a library before schema 8.
func decodeRaw(raw []byte) (*corpus.Reference, error) {
	if len(raw) > 0 && raw[0] == '{' {
		var r corpus.Reference
		if err := json.Unmarshal(raw, &r); err != nil {
			return nil, err
		}
		return &r, nil
	}
	return decodeBinary(raw)
}

// errShort is a value that ends inside a field.
var errShort = errors.New("value ends early")

// decoder reads the binary form. Its strings are cut from one string copy
// of the value, so that decoding allocates once for all of them.
type decoder struct {
	s   string
	err error
}

// uvarint reads what binary.AppendUvarint wrote, from the string (the
// binary package reads only byte slices).
func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var n uint64
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		if i == binary.MaxVarintLen64-1 && c > 1 {
			break // overflows 64 bits
		}
		n |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			d.s = d.s[i+1:]
			return n
		}
	}
	d.err = errShort
	return 0
}

// varint reads what binary.AppendVarint wrote (zig-zag).
func (d *decoder) varint() int {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return int(x)
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.s)) {
		d.err = errShort
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

// count reads a list's length, -1 for a nil list. It cannot exceed the
// bytes left: every element takes at least one.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.s))+1 {
		if d.err == nil {
			d.err = fmt.Errorf("a list of %d in %d bytes", n-1, len(d.s))
		}
		return -1
	}
	return int(n) - 1
}

func (d *decoder) strs() []string {
	n := d.count()
	if n < 0 {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) names() []corpus.Name {
	n := d.count()
	if n < 0 {
		return nil
	}
	out := make([]corpus.Name, n)
	for i := range out {
		out[i] = corpus.Name{First: d.str(), Von: d.str(), Last: d.str(), Jr: d.str(), Literal: d.str()}
	}
	return out
}

// decodeBinary reads the binary form, all of it: bytes left over are an
// error, as a value that ends early is.
func decodeBinary(raw []byte) (*corpus.Reference, error) {
	if len(raw) == 0 || raw[0] != refVersion {
		return nil, errors.New("unknown encoding")
	}
	d := &decoder{s: string(raw[1:])}
	r := &corpus.Reference{Key: d.str(), Type: d.str(), Aliases: d.strs()}
	if n := d.count(); n >= 0 {
		r.Fields = make([]corpus.Field, n)
		for i := range r.Fields {
			r.Fields[i] = corpus.Field{Name: d.str(), Raw: d.str(), Value: d.str(), From: d.str(), Origin: d.str()}
		}
	}
	r.Authors = d.names()
	if d.err == nil {
		if len(d.s) == 0 || d.s[0] > 1 {
			d.err = errors.New("bad et al. flag")
		} else {
			r.AuthorsEtAl, d.s = d.s[0] == 1, d.s[1:]
		}
	}
	r.Editors = d.names()
	r.Title = d.str()
	r.Protected = d.strs()
	r.Year = d.varint()
	r.Month = d.varint()
	r.Venue = d.str()
	r.IDs = corpus.Identifiers{DOI: d.str(), PMID: d.str(), PMCID: d.str(), ArXiv: d.str(), ISBN: d.str(), URL: d.str()}
	r.Raw = d.str()
	r.Source = corpus.Source{File: d.str(), Line: d.varint()}
	added := d.str()
	if d.err != nil {
		return nil, d.err
	}
	if len(d.s) > 0 {
		return nil, fmt.Errorf("%d bytes after the reference", len(d.s))
	}
	if err := r.Added.UnmarshalBinary([]byte(added)); err != nil {
		return nil, fmt.Errorf("added: %w", err)
	}
	if r.Added.IsZero() {
		r.Added = time.Time{}
	}
	return r, nil
}

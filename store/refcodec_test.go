package store

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/golang/snappy"

	"github.com/evident-tools/evident/corpus"
)

// TestEncode_EveryFieldOfReferenceIsKept fails when corpus.Reference (or a
// type in it) gains a field the encoding does not write: the encoding
// lists each field by hand, and a field it forgot would be lost on disk.
func TestEncode_EveryFieldOfReferenceIsKept(t *testing.T) {
	known := map[reflect.Type]int{
		reflect.TypeFor[corpus.Reference]():   16,
		reflect.TypeFor[corpus.Field]():       5,
		reflect.TypeFor[corpus.Name]():        5,
		reflect.TypeFor[corpus.Identifiers](): 6,
		reflect.TypeFor[corpus.Source]():      2,
	}
	for typ, n := range known {
		if typ.NumField() != n {
			t.Errorf("%s has %d fields, the encoding knows %d: add the new ones to encode and decodeBinary (refcodec.go)", typ, typ.NumField(), n)
		}
	}
}

// TestEncode_RoundTrips stores a reference with every field set and reads
// it back equal.
func TestEncode_RoundTrips(t *testing.T) {
	r := &corpus.Reference{
		Key: "smith2019", Type: "article", Aliases: []string{"a1", "a2"},
		Fields:      []corpus.Field{{Name: "title", Raw: "{Sch{\\\"o}n}", Value: "Schön", From: "parent", Origin: "crossref 10.1/x, 2026-12-06"}},
		Authors:     []corpus.Name{{First: "Ann", Von: "van der", Last: "Berg", Jr: "Jr."}, {Literal: "World Health Organization"}},
		AuthorsEtAl: true,
		Editors:     []corpus.Name{{First: "E.", Last: "Ed"}},
		Title:       "Schön: a title", Protected: []string{"DNA"}, Year: -44, Month: 12, Venue: "Nature",
		IDs:    corpus.Identifiers{DOI: "10.1/x", PMID: "1", PMCID: "PMC2", ArXiv: "1706.03762", ISBN: "9780262035613", URL: "https://example.org/"},
		Raw:    "@article{smith2019,...}",
		Source: corpus.Source{File: "refs.bib", Line: 42},
		Added:  time.Date(2026, 12, 6, 17, 0, 0, 123, time.FixedZone("", 3600)),
	}
	v, err := encode(r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decode("library.db", []byte(r.Key), v)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := refJSONOf(t, r), refJSONOf(t, got); a != b {
		t.Errorf("read back\n%s\nwant\n%s", b, a)
	}
	// A library before schema 8 stored JSON; it reads as it was.
	js, _ := json.Marshal(r)
	old, err := decode("library.db", []byte(r.Key), snappy.Encode(nil, js))
	if err != nil || refJSONOf(t, old) != refJSONOf(t, r) {
		t.Errorf("JSON value read back as %v, %v", old, err)
	}
}

func refJSONOf(t testing.TB, r *corpus.Reference) string {
	t.Helper()
	js, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(js)
}

// TestDecode_RefusesDamage says a truncated or padded value is damage,
// never a reference with fields missing.
func TestDecode_RefusesDamage(t *testing.T) {
	r := &corpus.Reference{Key: "k", Type: "book", Title: "T", Year: 2000}
	v, err := encode(r)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := snappy.Decode(nil, v)
	for name, b := range map[string][]byte{
		"truncated": raw[:len(raw)-3],
		"padded":    append(append([]byte(nil), raw...), 0),
		"version":   append([]byte{9}, raw[1:]...),
		"empty":     nil,
	} {
		if _, err := decode("library.db", []byte("k"), snappy.Encode(nil, b)); err == nil {
			t.Errorf("%s: decoded without error", name)
		}
	}
}

// FuzzDecodeReference: the decoder never panics, and what it accepts
// encodes to a value that decodes to the same reference.
func FuzzDecodeReference(f *testing.F) {
	r := &corpus.Reference{Key: "k", Type: "article", Aliases: []string{"x"}, Fields: []corpus.Field{{Name: "a", Value: "b"}},
		Authors: []corpus.Name{{Last: "L"}}, Title: "T", Year: 1999, IDs: corpus.Identifiers{DOI: "10.1/2"}}
	v, _ := encode(r)
	raw, _ := snappy.Decode(nil, v)
	f.Add(raw)
	f.Add([]byte(`{"key":"k","type":"book"}`))
	f.Add([]byte{refVersion, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f})
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := decodeRaw(raw)
		if err != nil {
			return
		}
		v, err := encode(r)
		if err != nil {
			return // a time MarshalBinary refuses
		}
		again, err := decode("fuzz", []byte(r.Key), v)
		if err != nil {
			t.Fatalf("re-encoded value does not decode: %v", err)
		}
		// Times are compared as instants: the zone is kept as an offset.
		if !again.Added.Equal(r.Added) {
			t.Fatalf("round trip changed Added from %v to %v", r.Added, again.Added)
		}
		again.Added, r.Added = time.Time{}, time.Time{}
		if !reflect.DeepEqual(again, r) {
			t.Fatalf("round trip changed the reference:\n%+v\n%+v", r, again)
		}
	})
}

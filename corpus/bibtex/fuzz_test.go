package bibtex_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/evident-tools/evident/corpus/bibtex"
	"github.com/evident-tools/evident/corpus/textfile"
)

// fuzzBibSeeds adds small real BibTeX files of the shared corpora, when they
// are beside the checkout: a few from each folder, and every file about
// encodings and byte-order marks. Seeding from real data is a bonus; the
// fuzzers run without it.
func fuzzBibSeeds(f *testing.F, add func([]byte)) {
	dir := filepath.Join("..", "..", "..", "shared", "corpora", "bibtex")
	folders, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, folder := range folders {
		if !folder.IsDir() {
			continue
		}
		ents, _ := os.ReadDir(filepath.Join(dir, folder.Name()))
		taken := 0
		for _, e := range ents {
			name := e.Name()
			special := strings.Contains(name, "encoding") || strings.Contains(name, "BOM") || strings.Contains(name, "bom")
			if !special && taken >= 12 {
				continue
			}
			data, err := os.ReadFile(filepath.Join(dir, folder.Name(), name))
			if err != nil || len(data) > 6000 || !strings.Contains(name, ".bib") {
				continue
			}
			add(data)
			taken++
		}
	}
}

// encodeSeeds returns s as the encodings import reads: UTF-16 with a byte
// order mark either way, UTF-16 without one, and Windows-1252.
func encodeSeeds(s string) [][]byte {
	var out [][]byte
	for _, e := range []interface {
		Bytes([]byte) ([]byte, error)
	}{
		unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(),
		unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder(),
		unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder(),
		charmap.Windows1252.NewEncoder(),
	} {
		if b, err := e.Bytes([]byte(s)); err == nil {
			out = append(out, b)
		}
	}
	return out
}

var fileLine = regexp.MustCompile(`^fuzz\.bib:(\d+): `)

// FuzzParse feeds arbitrary bytes to the parser as import reads a file: it
// must never panic, every problem must name the file and a line inside the
// input, no more entries can come out than the input has '@', all text is
// UTF-8 whatever the input's encoding, and whatever it reads must survive
// export and import unchanged.
func FuzzParse(f *testing.F) {
	seeds := []string{
		"@article{k, title = {x}, year = 2020}",
		"@string{a = {b}}\n@misc{k, note = a # \" c\"}",
		"@misc(k, title = \"q {\"} q\")",
		"@misc{k, title = {unclosed",
		"@misc{k,\n title = {a}\n@misc{j, title = {b}}",
		"@inproceedings{c, crossref = {p}}\n@proceedings{p, title = {P}}",
		"@misc{a, crossref = {b}}\n@misc{b, crossref = {a}}\n@misc{c, xdata = {a, b, c}}",
		"@comment{x}@preamble{\"y\"}",
		"\xef\xbb\xbf@misc{bom, title = {B}}",
		"@misc{crlf,\r\n  title = {Windows},\r\n}\r\n",
		"% Encoding: ISO-8859-1\n@misc{l1, author = {M\xfcller, J\xf6rg}}",
		"\xb8\xb8% EnCoding: latin1\n@misc{l2, title = {\xdc}}",
		"@misc{w, title = {\x93Quoted\x94 \x96 dash}}",
		"@string{m0 = {ab}}\n@string{m1 = m0 # m0}\n@string{m2 = m1 # m1}\n@misc{k, title = m2 # m2}",
		"@misc{deep, title = {" + strings.Repeat("{", 200) + "x" + strings.Repeat("}", 200) + "}}",
		"@misc{dup, title = {A}}\n@misc{dup, title = {B}}",
		"@misc{k, title = {a}, title = {b}}\n@ misc {  k2  ,  }\n@misc{,}\n@{x}\n@misc k\n",
		"\x00\x01\x02binary@misc{k}",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	for _, b := range encodeSeeds("@misc{utf16, author = {Jörg Müller}, title = {Ünïcode “quotes”}}\n") {
		f.Add(b)
	}
	fuzzBibSeeds(f, func(b []byte) { f.Add(b) })
	f.Fuzz(func(t *testing.T, data []byte) {
		p := bibtex.NewParser()
		n, err := p.Parse("fuzz.bib", data)
		// Decoding keeps line breaks and every '@' comes from a 0x40 byte
		// in each encoding read, so the raw bytes bound both.
		lines := bytes.Count(data, []byte("\n")) + 1
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.bib:") {
				t.Fatalf("error does not name the file: %v", err)
			}
			if m := fileLine.FindStringSubmatch(err.Error()); m != nil {
				if n, _ := strconv.Atoi(m[1]); n < 1 || n > lines {
					t.Fatalf("error at line %d of %d: %v", n, lines, err)
				}
			}
			return
		}
		ats := bytes.Count(data, []byte("@"))
		if n+len(p.Problems) > ats {
			t.Fatalf("%d entries and %d problems from an input with %d '@'", n, len(p.Problems), ats)
		}
		for _, pr := range append(p.Problems, p.Warnings...) {
			if pr.File != "fuzz.bib" || pr.Line < 1 || pr.Line > lines || pr.Msg == "" {
				t.Fatalf("problem at line %d of a %d-line input: %v", pr.Line, lines, pr)
			}
			msg := pr.Error()
			if _, at := textfile.ReplaceControls(msg); !strings.HasPrefix(msg, "fuzz.bib:") || !utf8.ValidString(msg) || at >= 0 {
				t.Fatalf("problem message %q", msg)
			}
		}
		for _, e := range p.Entries() {
			if e.Line < 1 || e.Line > lines || !strings.HasPrefix(e.Raw, "@") {
				t.Fatalf("entry %q at line %d of %d, raw %.20q", e.Key, e.Line, lines, e.Raw)
			}
			for _, fl := range e.Fields {
				if fl.Line < e.Line || fl.Line > lines {
					t.Fatalf("entry %s at line %d has field %s at line %d", e.Key, e.Line, fl.Name, fl.Line)
				}
			}
		}
		refs := p.References()
		if len(refs) != n {
			t.Fatalf("Parse said %d entries, References gave %d", n, len(refs))
		}
		var size int
		for _, r := range refs {
			size += len(r.Raw)
			if r.Key == "" {
				t.Fatalf("reference without a key: %+v", r)
			}
			for _, s := range []string{r.Key, r.Raw, r.Title} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 %q", s)
				}
				if _, at := textfile.ReplaceControls(s); at >= 0 {
					t.Fatalf("control character in %q", s)
				}
			}
			for _, fl := range r.Fields {
				if !utf8.ValidString(fl.Value) || !utf8.ValidString(fl.Raw) {
					t.Fatalf("invalid UTF-8 in field %s: %q", fl.Name, fl.Value)
				}
				size += len(fl.Raw) + len(fl.Value)
			}
		}
		// Macro expansion and inheritance are bounded: what the entries
		// hold stays within the input and the two budgets (each 16 MB and
		// eight times the input), with room for raw and decoded forms
		// (decoding may triple a value: ` is ‘).
		if limit := 4 * (len(data) + 2*(16<<20+8*len(data))); size > limit {
			t.Fatalf("entries hold %d bytes from an input of %d", size, len(data))
		}
		roundTrip(t, "fuzz", refs)
	})
}

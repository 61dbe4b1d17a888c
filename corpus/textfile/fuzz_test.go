package textfile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var binaryAt = regexp.MustCompile(`^f:(\d+): binary file, not text \(a NUL byte\)$`)

// FuzzDecode checks how every reader turns a file's bytes into text. Any
// bytes give valid UTF-8 without control characters other than white
// space, or a binary-file error at a line of the file; every warning is at
// a line of the file; UTF-8 text is read as it is; and text written in
// UTF-16 with a byte order mark, or in Windows-1252, reads back as written.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"@misc{k, title = {Ü}}", "\xef\xbb\xbf@misc{k}", "\xff\xfe@\x00m\x00", "\xfe\xff\x00@\x00m",
		"@\x00m\x00i\x00s\x00c\x00", "\x00@\x00m\x00i\x00s\x00c", "% Encoding: ISO-8859-1\n\xe9",
		"% encoding: latin1\r\n\x80", "\x93q\x94 \x81\x8d", "\xff\xfe\x00\xd8", "ok\x00", "",
		"TY  - JOUR\r\nTI  - there\x92s\r\nER  - \r\n", "Sugar \x1b[2J\u0085 rises",
	} {
		f.Add([]byte(s), "Jörg Müller “q” – €")
	}
	// JabRef's test files in every encoding and byte order, when the shared
	// corpora are beside the checkout.
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpora", "bibtex", "jabref-tests", "*[-.]*"))
	for _, file := range files {
		name := filepath.Base(file)
		if !strings.HasPrefix(name, "encoding-") && !strings.HasPrefix(name, "tiny-") && name != "utf8-bom.bib" {
			continue
		}
		if data, err := os.ReadFile(file); err == nil && len(data) < 8000 {
			f.Add(data, "")
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, s string) {
		text, warns, err := Decode("f", data)
		lines := bytes.Count(data, []byte("\n")) + 1
		if err != nil {
			m := binaryAt.FindStringSubmatch(err.Error())
			if m == nil || !errors.Is(err, ErrBinary) {
				t.Fatalf("Decode(%q): unexpected error %v", data, err)
			}
			if n, _ := strconv.Atoi(m[1]); n < 1 || n > lines {
				t.Fatalf("Decode(%q): error %v outside the file's %d lines", data, err, lines)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("Decode(%q) = %q: invalid UTF-8", data, text)
		}
		for _, r := range text {
			if isControl(r) || r < ' ' && !strings.ContainsRune("\t\n\v\f\r", r) {
				t.Fatalf("Decode(%q) = %q: control character %U", data, text, r)
			}
		}
		for _, w := range warns {
			if w.File != "f" || w.Line < 1 || w.Line > lines {
				t.Fatalf("Decode(%q): warning %v outside the file's %d lines", data, w, lines)
			}
		}
		if _, at := ReplaceControls(string(data)); utf8.Valid(data) && !bytes.HasPrefix(data, bomUTF8) && at < 0 &&
			(text != string(data) || len(warns) > 0) {
			t.Fatalf("Decode(%q) = %q, %v: UTF-8 text changed", data, text, warns)
		}

		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return // a NUL character makes any encoding binary
		}
		want, _ := ReplaceControls(s)
		for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
			enc, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			if got, _, err := Decode("f", enc); err != nil || got != want {
				t.Fatalf("UTF-16 (%v) of %q read as %q, %v", order, s, got, err)
			}
		}
		// Windows-1252 is the guess for text that is not UTF-8; text that
		// happens to be valid UTF-8 in it (wholly, or mostly: see
		// mostlyUTF8), or names another encoding, or looks like UTF-16, is
		// not this case.
		enc, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		if err != nil || utf8.Valid(enc) || mostlyUTF8(enc) || bytes.IndexByte(enc, 0) >= 0 || strings.Contains(strings.ToLower(s), "% encoding:") {
			return
		}
		if _, ok := bomlessUTF16(enc); ok || bytes.HasPrefix(enc, bomUTF16LE) || bytes.HasPrefix(enc, bomUTF16BE) {
			return
		}
		got, warns, err := Decode("f", enc)
		if err != nil || got != want || len(warns) == 0 || !strings.Contains(warns[0].Msg, "Windows-1252") {
			t.Fatalf("Windows-1252 of %q read as %q, %v, %v", s, got, warns, err)
		}
	})
}

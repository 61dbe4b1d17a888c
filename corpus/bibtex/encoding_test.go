package bibtex

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// FuzzDecodeText checks how import turns a file's bytes into text. Any
// bytes give valid UTF-8 or an error; UTF-8 text is read as it is; and text
// written in UTF-16 with a byte order mark, or in Windows-1252, reads back
// as written.
func FuzzDecodeText(f *testing.F) {
	for _, s := range []string{
		"@misc{k, title = {Ü}}", "\xef\xbb\xbf@misc{k}", "\xff\xfe@\x00m\x00", "\xfe\xff\x00@\x00m",
		"@\x00m\x00i\x00s\x00c\x00", "\x00@\x00m\x00i\x00s\x00c", "% Encoding: ISO-8859-1\n\xe9",
		"% encoding: latin1\r\n\x80", "\x93q\x94 \x81\x8d", "\xff\xfe\x00\xd8", "ok\x00", "",
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
		text, warn, err := decodeText(data)
		lines := bytes.Count(data, []byte("\n")) + 1
		var le *lineError
		switch {
		case errors.As(err, &le):
			if !errors.Is(err, ErrBinary) || le.line < 1 || le.line > lines {
				t.Fatalf("decodeText(%q): error %v at line %d of %d", data, err, le.line, lines)
			}
		case err != nil:
			if !strings.HasPrefix(err.Error(), "bad UTF-16") && !strings.HasPrefix(err.Error(), "not valid UTF-8") {
				t.Fatalf("decodeText(%q): unexpected error %v", data, err)
			}
		case !utf8.ValidString(text):
			t.Fatalf("decodeText(%q) = %q: invalid UTF-8", data, text)
		case warn.Msg != "" && (warn.Line < 1 || warn.Line > lines):
			t.Fatalf("decodeText(%q): warning %q at line %d of %d", data, warn.Msg, warn.Line, lines)
		case utf8.Valid(data) && !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) && warn.Msg == "" && text != string(data):
			t.Fatalf("decodeText(%q) = %q: UTF-8 text changed", data, text)
		case utf8.Valid(data) && !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) && bytes.IndexByte(data, 0) < 0 && text != string(data):
			t.Fatalf("decodeText(%q) = %q, %q: UTF-8 text without NUL changed", data, text, warn.Msg)
		}

		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return // a NUL character makes any encoding binary
		}
		for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
			enc, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
			if err != nil {
				t.Fatal(err)
			}
			if got, _, err := decodeText(enc); err != nil || got != s {
				t.Fatalf("UTF-16 (%v) of %q read as %q, %v", order, s, got, err)
			}
		}
		// Windows-1252 is the guess for text that is not UTF-8; text that
		// happens to be valid UTF-8 in it, or names another encoding, or
		// has a NUL, is not this case.
		enc, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		if err != nil || utf8.Valid(enc) || bytes.IndexByte(enc, 0) >= 0 || strings.Contains(strings.ToLower(s), "% encoding:") {
			return
		}
		if _, ok := bomlessUTF16(enc); ok || bytes.HasPrefix(enc, []byte{0xFF, 0xFE}) || bytes.HasPrefix(enc, []byte{0xFE, 0xFF}) {
			return
		}
		got, warn, err := decodeText(enc)
		if err != nil || got != s || !strings.Contains(warn.Msg, "Windows-1252") {
			t.Fatalf("Windows-1252 of %q read as %q, %q, %v", s, got, warn.Msg, err)
		}
	})
}

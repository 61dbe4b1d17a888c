// Package textfile turns the bytes of an input file (BibTeX, RIS, an article) into text, with one policy for every
// reader: byte order marks, UTF-16, files that are not UTF-8, control characters, binary files. It knows no file
// format and must not move anything a reader counts: one character of the file is one character of the text, and
// line ends stay as written, so lines and columns are the file's.
package textfile

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/evident-tools/evident/corpus"
)

// ErrBinary is what Decode's error wraps, after the file and line, for a
// file that is not text.
var ErrBinary = errors.New("binary file, not text (a NUL byte)")

// Decode returns the text of the file name, whose bytes are data, and
// warnings about how it was read:
//
//   - A UTF-8 byte order mark is dropped. UTF-16 with a byte order mark is
//     read in its byte order; UTF-16 without one is recognised by its zero
//     bytes and read with a warning. An invalid code unit reads as U+FFFD.
//   - Valid UTF-8 is read as it is.
//   - UTF-8 with a few stray bytes (at least as many valid multi-byte
//     sequences as invalid bytes) is read as UTF-8, each stray byte as
//     U+FFFD, with a warning at the line of the first.
//   - Anything else is read in the encoding a JabRef "% Encoding: NAME"
//     header names, else as Windows-1252 (what Word and old EndNote write),
//     with a warning at the line of the first byte that is not UTF-8. A
//     byte Windows-1252 leaves undefined reads as U+FFFD.
//   - Control characters other than white space read as U+FFFD (see
//     ReplaceControls), with a warning at the first.
//
// A NUL byte near the start (a NUL character, in UTF-16) makes the file
// binary: the error names the file and the line, and wraps ErrBinary.
// Further in, a stray NUL is one more control character, rather than
// losing a whole library to it.
func Decode(name string, data []byte) (string, []corpus.Problem, error) {
	text, how, bin := decode(data)
	if bin > 0 {
		return "", nil, fmt.Errorf("%s:%d: %w", name, bin, ErrBinary)
	}
	var warns []corpus.Problem
	if how.msg != "" {
		warns = append(warns, corpus.Problem{File: name, Line: how.line, Msg: how.msg})
	}
	if clean, at := ReplaceControls(text); at >= 0 {
		warns = append(warns, corpus.Problem{File: name, Line: 1 + strings.Count(text[:at], "\n"),
			Msg: "control characters read as U+FFFD"})
		text = clean
	}
	return text, warns, nil
}

// note says at which line, and how, a file was read other than as UTF-8.
type note struct {
	line int
	msg  string
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decode returns data as UTF-8 and how it was read, or the line of the NUL
// byte (bin > 0) that makes it binary.
func decode(data []byte) (text string, how note, bin int) {
	switch {
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		// The byte order mark decides; an invalid code unit, or an odd
		// byte at the end, becomes U+FFFD, so this cannot fail.
		out, _ := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if i := nulAt(out); i >= 0 {
			return "", note{}, lineAt(out, i)
		}
		return string(out), note{}, 0
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	}
	if enc, ok := bomlessUTF16(data); ok {
		if out, err := enc.NewDecoder().Bytes(data); err == nil && nulAt(out) < 0 {
			return string(out), note{line: 1, msg: "UTF-16 without a byte order mark; read as UTF-16"}, 0
		}
	}
	if i := nulAt(data); i >= 0 {
		return "", note{}, lineAt(data, i)
	}
	if utf8.Valid(data) {
		return string(data), note{}, 0
	}
	enc, name := declaredEncoding(data)
	if name == "Windows-1252" && mostlyUTF8(data) {
		// UTF-8 with a stray byte (a paste, a truncated character): read
		// as Windows-1252 whole, every accent of the file would be
		// garbled; only the stray bytes are lost.
		out, n := repairUTF8(data)
		return out, note{line: lineAt(data, firstInvalid(data)),
			msg: fmt.Sprintf("not valid UTF-8: %d %s read as U+FFFD", n, plural(n, "byte", "bytes"))}, 0
	}
	// A single-byte charmap decodes every byte; it cannot fail.
	out, _ := enc.NewDecoder().Bytes(data)
	return string(out), note{line: lineAt(data, firstInvalid(data)), msg: "not valid UTF-8; read as " + name}, 0
}

// mostlyUTF8 reports whether text that is not valid UTF-8 is still UTF-8
// with a few stray bytes: it holds at least one multi-byte UTF-8 sequence,
// and at least as many such sequences as invalid bytes. Windows-1252 text
// rarely holds even one (its accented letters are single bytes above 0x7F,
// which UTF-8 never leaves alone), so it keeps being read as Windows-1252.
func mostlyUTF8(data []byte) bool {
	multi, invalid := 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			invalid++
		case size > 1:
			multi++
		}
		i += max(size, 1)
	}
	return multi > 0 && multi >= invalid
}

// repairUTF8 returns data with each invalid byte read as U+FFFD, and how
// many there were.
func repairUTF8(data []byte) (string, int) {
	var b strings.Builder
	b.Grow(len(data) + 8)
	n := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(utf8.RuneError)
			n++
			i++
			continue
		}
		b.Write(data[i : i+size])
		i += size
	}
	return b.String(), n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// nulAt returns the offset of a NUL byte in the first 8,000 bytes, which no
// text encoding evident reads (other than UTF-16, handled before) writes, or
// -1. Git calls a file binary by the same test.
func nulAt(data []byte) int { return bytes.IndexByte(data[:min(len(data), 8000)], 0) }

// lineAt returns the line of byte offset i.
func lineAt(data []byte, i int) int { return 1 + bytes.Count(data[:i], []byte("\n")) }

// firstInvalid returns the offset of the first byte of data that is not
// part of a valid UTF-8 sequence, or len(data).
func firstInvalid(data []byte) int {
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	return i
}

// declaredEncoding reads the "% Encoding: NAME" header JabRef writes at the
// top of a BibTeX file; without one, text that is not UTF-8 is taken for
// Windows-1252, a superset of the printable ISO-8859-1.
func declaredEncoding(data []byte) (encoding.Encoding, string) {
	head := data[:min(len(data), 2000)]
	// Lower-case ASCII only: bytes.ToLower turns each invalid byte (this
	// text is not UTF-8) into three, and the offset would not be head's.
	lower := make([]byte, len(head))
	for k, c := range head {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[k] = c
	}
	if i := bytes.Index(lower, []byte("% encoding:")); i >= 0 {
		rest := head[i+len("% encoding:"):]
		if j := bytes.IndexAny(rest, "\r\n"); j >= 0 {
			rest = rest[:j]
		}
		switch strings.ToLower(strings.TrimSpace(string(rest))) {
		case "iso-8859-1", "iso8859_1", "latin1":
			return charmap.ISO8859_1, "ISO-8859-1"
		case "iso-8859-15", "iso8859_15":
			return charmap.ISO8859_15, "ISO-8859-15"
		}
	}
	return charmap.Windows1252, "Windows-1252"
}

// NextLine splits off the first line of text, ended by LF, CRLF or a lone
// CR, for the readers of line-based formats (RIS, MEDLINE).
func NextLine(s string) (line, rest string) {
	i := strings.IndexAny(s, "\r\n")
	if i < 0 {
		return s, ""
	}
	line, rest = s[:i], s[i+1:]
	if s[i] == '\r' && strings.HasPrefix(rest, "\n") {
		rest = rest[1:]
	}
	return line, rest
}

// XMLLineEnds returns s with every CRLF and lone CR made LF, as XML 1.0
// (section 2.11) has a parser do before anything else. encoding/xml counts
// only LF in the line numbers it gives (Decoder.InputPos), so the readers
// of XML formats pass their text through this first, and their lines are
// the lines NextLine and an editor count. s is returned as it is when it
// holds no CR.
func XMLLineEnds(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

package textfile

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes returns s in UTF-16, little- or big-endian, with a byte order
// mark or without.
func utf16Bytes(s string, bigEndian, bom bool) []byte {
	runes := []rune(s)
	if bom {
		runes = append([]rune{0xFEFF}, runes...)
	}
	var out []byte
	for _, u := range utf16.Encode(runes) {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecode_OnePolicyForEveryInput(t *testing.T) {
	const ref = "TY  - JOUR\r\nAU  - Müller, Jörg\r\nER  - \r\n"
	tests := []struct {
		name  string
		data  []byte
		want  string
		warns []string // Error() of each warning
	}{
		{"UTF-8 as it is, line ends kept", []byte(ref), ref, nil},
		{"empty", nil, "", nil},
		{"UTF-8 byte order mark dropped", []byte("\xEF\xBB\xBF" + ref), ref, nil},
		{"UTF-16 LE with byte order mark", utf16Bytes(ref, false, true), ref, nil},
		{"UTF-16 BE with byte order mark", utf16Bytes(ref, true, true), ref, nil},
		{"UTF-16 LE without byte order mark", utf16Bytes(ref, false, false), ref,
			[]string{"f:1: UTF-16 without a byte order mark; read as UTF-16"}},
		{"UTF-16 BE without byte order mark", utf16Bytes(ref, true, false), ref,
			[]string{"f:1: UTF-16 without a byte order mark; read as UTF-16"}},
		{"UTF-16 lone surrogate and odd last byte", []byte("\xFF\xFEa\x00\x00\xD8b"), "a\uFFFD\uFFFD", nil},
		{"Windows-1252, warned at the first byte that is not UTF-8", []byte("Fine.\nthere\x92s a caf\xe9 \x93here\x94\n"),
			"Fine.\nthere’s a café “here”\n", []string{"f:2: not valid UTF-8; read as Windows-1252"}},
		{"Windows-1252 undefined byte", []byte("a\x81b\xe9"), "a\uFFFDbé",
			[]string{"f:1: not valid UTF-8; read as Windows-1252"}},
		{"UTF-8 with one stray byte keeps its accents", []byte("Jörg\n\xff"), "Jörg\n\uFFFD",
			[]string{"f:2: not valid UTF-8: 1 byte read as U+FFFD"}},
		{"more stray bytes than UTF-8 characters is Windows-1252", []byte("J\xc3\xb6rg \xe9\xe8"), "JÃ¶rg éè",
			[]string{"f:1: not valid UTF-8; read as Windows-1252"}},
		{"a declared Latin-1 file is read as declared", []byte("% Encoding: ISO-8859-1\nJ\xc3\xb6 \xe9 \xe9"), "% Encoding: ISO-8859-1\nJÃ¶ é é",
			[]string{"f:2: not valid UTF-8; read as ISO-8859-1"}},
		{"ISO-8859-1 named by a JabRef header", []byte("% Encoding: ISO-8859-1\n\xdcber"), "% Encoding: ISO-8859-1\nÜber",
			[]string{"f:2: not valid UTF-8; read as ISO-8859-1"}},
		{"ISO-8859-15 named by a JabRef header", []byte("% encoding: iso8859_15\r\n\xa4"), "% encoding: iso8859_15\r\n€",
			[]string{"f:2: not valid UTF-8; read as ISO-8859-15"}},
		{"C1 control of ISO-8859-1", []byte("% Encoding: latin1\n\x85\xe9"), "% Encoding: latin1\n\uFFFDé",
			[]string{"f:2: not valid UTF-8; read as ISO-8859-1", "f:2: control characters read as U+FFFD"}},
		{"control characters, white space kept", []byte("a\tb\f\v\r\nSugar \x1b[2J\x7f"), "a\tb\f\v\r\nSugar \uFFFD[2J\uFFFD",
			[]string{"f:2: control characters read as U+FFFD"}},
		{"control character in UTF-16", utf16Bytes("x\ny\x07", false, true), "x\ny\uFFFD",
			[]string{"f:2: control characters read as U+FFFD"}},
		{"a NUL far in is a control character", []byte(strings.Repeat("word\n", 2000) + "\x00"),
			strings.Repeat("word\n", 2000) + "\uFFFD", []string{"f:2001: control characters read as U+FFFD"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warns, err := Decode("f", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			var msgs []string
			for _, w := range warns {
				msgs = append(msgs, w.Error())
			}
			if strings.Join(msgs, "|") != strings.Join(tt.warns, "|") {
				t.Errorf("warnings = %q, want %q", msgs, tt.warns)
			}
		})
	}
}

func TestDecode_NULMakesABinaryFileAtItsLine(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"UTF-8", []byte("@misc{k,\n\x00\x01\x02garbage"), "refs.bib:2: binary file, not text (a NUL byte)"},
		{"first byte", []byte("\x00"), "refs.bib:1: binary file, not text (a NUL byte)"},
		{"Windows-1252", []byte("caf\xe9\n\n\x00"), "refs.bib:3: binary file, not text (a NUL byte)"},
		{"NUL character in UTF-16", utf16Bytes("a\nb\x00", false, true), "refs.bib:2: binary file, not text (a NUL byte)"},
		{"UTF-16 without byte order mark, with a NUL character", utf16Bytes("abcdefgh\n\x00", false, false), "refs.bib:1: binary file, not text (a NUL byte)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, warns, err := Decode("refs.bib", tt.data)
			if err == nil || err.Error() != tt.want || !errors.Is(err, ErrBinary) {
				t.Fatalf("Decode = %q, %v, %v; want error %q", text, warns, err, tt.want)
			}
		})
	}
}

func TestBOMlessUTF16_ByZeroBytes(t *testing.T) {
	src := "@article{smith2019, title = {Sugar and caries}}\n"
	if _, ok := bomlessUTF16(utf16Bytes(src, false, false)); !ok {
		t.Error("little-endian not recognised")
	}
	if _, ok := bomlessUTF16(utf16Bytes(src, true, false)); !ok {
		t.Error("big-endian not recognised")
	}
	for _, s := range []string{"", "ab", "plain UTF-8 text", "a\x00b\x00 binary \x00\x00\x00\x00 and text"} {
		if _, ok := bomlessUTF16([]byte(s)); ok {
			t.Errorf("%q read as UTF-16", s)
		}
	}
}

func TestXMLLineEnds_MakesEveryLineEndLF(t *testing.T) {
	for in, want := range map[string]string{
		"a\r\nb\rc\nd": "a\nb\nc\nd",
		"\r\r\n":       "\n\n",
		"no CR\n":      "no CR\n",
		"":             "",
	} {
		if got := XMLLineEnds(in); got != want {
			t.Errorf("XMLLineEnds(%q) = %q, want %q", in, got, want)
		}
	}
}

package textfile

import (
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// bomlessUTF16 recognises UTF-16 text without a byte order mark by its zero
// bytes: mostly-ASCII text (BibTeX, RIS, articles) has a zero in nine of
// ten even or odd places, the high byte of each code unit, and few in the
// others. It looks at the first 4,000 bytes and gives the decoder for the
// byte order it found.
func bomlessUTF16(data []byte) (encoding.Encoding, bool) {
	n := min(len(data), 4000) &^ 1
	if n < 4 {
		return nil, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case even*10 >= half*9 && odd*10 < half:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), true
	case odd*10 >= half*9 && even*10 < half:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), true
	}
	return nil, false
}
